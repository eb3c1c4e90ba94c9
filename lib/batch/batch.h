/* Private to the batch runner: the expanded inputs (inputs.c), the items and how one is
 * worked on (item.c), the pool of threads that runs them in order (batch.c). */
#ifndef GI_BATCH_BATCH_H
#define GI_BATCH_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "govinfo/batch.h"
#include "util/sha256.h"

/* A failure copied out of a thread's error record, so it outlives that thread's next call. */
typedef struct gi_error_copy {
  govinfo_error pub; /* its strings point into the copies below, or at "" */
  char *message, *message_zh, *source, *path;
} gi_error_copy;

/* Copies govinfo_error_last() when it records `code` (else only the code and its generic
 * text); a string that cannot be copied for lack of memory is left out. */
void gi_error_copy_take(gi_error_copy *copy, int code);
void gi_error_copy_free(gi_error_copy *copy);

/* One input after expansion: a file to work on, or a failure met while expanding. */
typedef struct gi_batch_entry {
  char *path;     /* what to open; "-" for standard input */
  char *relative; /* below the input it was found in */
  int status;     /* GOVINFO_OK, or the failure met while expanding */
  gi_error_copy error;
} gi_batch_entry;

typedef struct gi_batch_entries {
  gi_batch_entry *at;
  size_t count, cap;
} gi_batch_entries;

/* Appends the items of one input (a directory's reports in name order). Only running out of
 * memory fails; an unreadable input becomes an entry with its error. */
int gi_batch_expand(gi_batch_entries *entries, const char *input, govinfo_batch_action action);
void gi_batch_entries_free(gi_batch_entries *entries);

struct govinfo_batch_item {
  size_t index;
  char *path, *relative;
  const char *name; /* path, or "<stdin>" */
  int status;
  gi_error_copy error;
  govinfo_report *report;
  govinfo_diagnostics *findings, *import_findings;
  char sha256[GI_SHA256_HEX_SIZE];
};

/* What every worker needs to work on an entry. */
typedef struct gi_batch_work {
  govinfo_batch_action action;
  unsigned flags;
  govinfo_import_options import;
  const govinfo_validate_options *validate;
  govinfo_suppressions *suppress; /* NULL: none */
} gi_batch_work;

/* Works on one entry; NULL only when out of memory. */
govinfo_batch_item *gi_batch_run_one(const gi_batch_work *work, const gi_batch_entry *entry,
                                     size_t index);

#endif
