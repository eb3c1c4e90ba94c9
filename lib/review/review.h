/* Suppression files (include/govinfo/suppress.h): the set of entries, read by parse.c, used
 * and written by suppress.c. */
#ifndef GI_REVIEW_REVIEW_H
#define GI_REVIEW_REVIEW_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "findings/findings.h"
#include "govinfo/suppress.h"
#include "util/error.h"

/* The keys of an entry, in the order they are written. */
typedef enum gi_entry_field {
  GI_ENTRY_FINGERPRINT,
  GI_ENTRY_REASON,
  GI_ENTRY_WHO,
  GI_ENTRY_WHEN,
  GI_ENTRY_RULE,
  GI_ENTRY_FILE,
  GI_ENTRY_FIELD_COUNT_
} gi_entry_field;

extern const char *const gi_entry_field_names[GI_ENTRY_FIELD_COUNT_];

typedef struct gi_suppression {
  char *field[GI_ENTRY_FIELD_COUNT_]; /* malloc'd, NULL when not given */
  char *comment;                      /* the finding it was written from, NULL when parsed */
  gi_loc loc;                         /* of the entry in the file; 0 when made in memory */
  atomic_size_t seen;                 /* apply calls on a report the entry applies to */
  atomic_size_t uses;                 /* findings it hid */
} gi_suppression;

struct govinfo_suppressions {
  gi_suppression *items;
  size_t count, cap;
  size_t *by_fingerprint; /* entry indices sorted by fingerprint, for apply */
  char *name;             /* the file, for errors and findings */
};

/* A new empty set named `name` (NULL: "<suppressions>"); NULL when out of memory. */
govinfo_suppressions *gi_suppressions_new(const char *name);
/* A new zeroed entry at the end of the set; NULL when out of memory (error recorded). */
gi_suppression *gi_suppressions_append(govinfo_suppressions *set);
/* Sorts the index apply searches; after the entries change. */
int gi_suppressions_index(govinfo_suppressions *set);
/* True when the text holds something besides whitespace. */
bool gi_has_text(const char *s);

#endif
