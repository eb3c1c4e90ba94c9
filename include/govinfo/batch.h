/* libgovinfo: many reports at once — loading or importing them on a pool of threads, with
 * the results handed back one by one, in the order of the inputs.
 *
 * EXPERIMENTAL: this interface may still change before it is declared stable.
 *
 * A batch takes a list of inputs: files, directories (walked recursively; the reports in them
 * are recognised by extension, or by content when the extension says nothing) and "-"
 * (standard input, at most once). It expands them into items, then works on them with
 * `jobs` threads while the caller pulls the results:
 *
 *   govinfo_batch *batch;
 *   govinfo_batch_new(&batch, inputs, n, &opts);
 *   govinfo_batch_item *item;
 *   while (govinfo_batch_next(&item, batch) == GOVINFO_OK && item != NULL) {
 *     ... govinfo_batch_item_report(item), govinfo_batch_item_findings(item) ...
 *     govinfo_batch_item_free(item);
 *   }
 *   govinfo_batch_free(batch);
 *
 * Items come back in input order (a directory's files sorted by name), whatever the number
 * of threads, so the output of a program is the same for any `jobs`. Memory is bounded: at
 * most `window` items are worked on or waiting ahead of the caller, however many inputs
 * there are. An input that cannot be read, parsed or imported is an item with an error; the
 * batch goes on.
 */
#ifndef GOVINFO_BATCH_H
#define GOVINFO_BATCH_H

#include "common.h"
#include "import.h"
#include "report.h"
#include "suppress.h"
#include "validate.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct govinfo_batch govinfo_batch;
typedef struct govinfo_batch_item govinfo_batch_item;

/* What the batch does with each input. */
typedef enum govinfo_batch_action {
  GOVINFO_BATCH_LOAD = 0,  /* read report documents (JSON, YAML); directories: .json .yaml .yml */
  GOVINFO_BATCH_IMPORT = 1 /* import published reports (govinfo_import_file_with); directories:
                              .pdf .txt .text .md .markdown .html .htm */
} govinfo_batch_action;

/* Flags of govinfo_batch_options. */
#define GOVINFO_BATCH_VALIDATE 0x1u /* validate each report (govinfo_report_validate_with) */
#define GOVINFO_BATCH_SHA256 0x2u   /* LOAD: hash the bytes read (IMPORT always does) */

/* Start from GOVINFO_BATCH_OPTIONS_INIT or govinfo_batch_options_init() and set what you
 * need: later versions append fields, and `version` tells the library which ones the caller
 * knows. The pointers are borrowed for the life of the batch. */
typedef struct govinfo_batch_options {
  unsigned version; /* GOVINFO_BATCH_OPTIONS_VERSION */
  unsigned jobs;    /* worker threads; 0: the number of online processors; 1: no thread, each
                       item is worked on in the caller's thread inside govinfo_batch_next() */
  govinfo_batch_action action; /* LOAD (default) or IMPORT */
  unsigned flags;              /* GOVINFO_BATCH_VALIDATE, GOVINFO_BATCH_SHA256 */
  /* IMPORT: kind and pdftotext of each import (source_name is always the item's path);
   * NULL: the defaults. Its max_input_bytes (version 2) limits every item, LOAD too. */
  const govinfo_import_options *import;
  const govinfo_validate_options *validate; /* with GOVINFO_BATCH_VALIDATE; NULL: defaults */
  size_t window; /* items in flight ahead of the caller; 0: 4 per thread, at least 16 */
  /* Version 2. With GOVINFO_BATCH_VALIDATE: each item's findings are those the set does not
   * suppress (govinfo_suppressions_apply under the item's name), counted by
   * govinfo_diagnostics_suppressed(); govinfo_suppressions_check() after the batch gives the
   * stale entries. NULL: none. */
  govinfo_suppressions *suppress;
} govinfo_batch_options;

#define GOVINFO_BATCH_OPTIONS_VERSION 2
#define GOVINFO_BATCH_OPTIONS_INIT                                                                 \
  { GOVINFO_BATCH_OPTIONS_VERSION, 0, GOVINFO_BATCH_LOAD, 0, NULL, NULL, 0, NULL }

/* Fills *opts with the defaults of that version (GOVINFO_BATCH_OPTIONS_VERSION).
 * GOVINFO_EINVAL for a version this library does not know. */
GOVINFO_API int govinfo_batch_options_init(govinfo_batch_options *opts, unsigned version);

/* Expands inputs[0..ninputs) into items and starts the workers. New batch in *out; free it
 * with govinfo_batch_free(). opts NULL: the defaults. GOVINFO_EINVAL for bad options or "-"
 * given twice; a path that does not exist or a directory that cannot be read is not a
 * failure here but an item with its error. The strings are copied. */
GOVINFO_API int govinfo_batch_new(govinfo_batch **out, const char *const *inputs, size_t ninputs,
                                  const govinfo_batch_options *opts);
/* Stops the workers (items not yet taken are dropped) and frees the batch. NULL: no-op. */
GOVINFO_API void govinfo_batch_free(govinfo_batch *batch);
/* Number of items the inputs expanded to. */
GOVINFO_API size_t govinfo_batch_total(const govinfo_batch *batch);
/* Number of jobs the batch runs: its worker threads, or 1 when it works in the caller's. */
GOVINFO_API unsigned govinfo_batch_jobs(const govinfo_batch *batch);

/* Waits for the next item in input order. GOVINFO_OK with a new item in *item (free it with
 * govinfo_batch_item_free()), or GOVINFO_OK with *item NULL when every item was taken. */
GOVINFO_API int govinfo_batch_next(govinfo_batch_item **item, govinfo_batch *batch);
GOVINFO_API void govinfo_batch_item_free(govinfo_batch_item *item);

/* 0-based position of the item in the batch. */
GOVINFO_API size_t govinfo_batch_item_index(const govinfo_batch_item *item);
/* Borrowed from the item. The path to open: the input as given, or a file found in a
 * directory joined to it ("in/2024/a.pdf"); "-" for standard input. */
GOVINFO_API const char *govinfo_batch_item_path(const govinfo_batch_item *item);
/* Borrowed. The path below the input it was found in ("2024/a.pdf" for "in/"); the file's
 * own name for a file given as such; "-" for standard input. Never absolute, never "..". */
GOVINFO_API const char *govinfo_batch_item_relative_path(const govinfo_batch_item *item);
/* Borrowed. How messages name the input: the path, or "<stdin>". */
GOVINFO_API const char *govinfo_batch_item_name(const govinfo_batch_item *item);

/* GOVINFO_OK, or the code of the failure that left the item without a report. */
GOVINFO_API int govinfo_batch_item_status(const govinfo_batch_item *item);
/* Borrowed from the item, never NULL: the failure's details as the worker thread recorded
 * them (code 0 when the item has none). Format it with govinfo_error_format(). */
GOVINFO_API const govinfo_error *govinfo_batch_item_error(const govinfo_batch_item *item);
/* The item's failure as one line, the way the CLI prints it: "path:line:column: error:
 * message (at /pointer)" (flags GOVINFO_FORMAT_*). New string in *out (length in *len if len
 * is not NULL), free it with govinfo_free(). GOVINFO_ENOTFOUND when the item did not fail. */
GOVINFO_API int govinfo_batch_item_format_error(char **out, size_t *len,
                                                const govinfo_batch_item *item, unsigned flags);
/* Borrowed: the report, NULL after a failure or once taken. */
GOVINFO_API const govinfo_report *govinfo_batch_item_report(const govinfo_batch_item *item);
/* Steals the report: new in *out (free with govinfo_report_free()); the item keeps none.
 * GOVINFO_ENOTFOUND when it has none. */
GOVINFO_API int govinfo_batch_item_take_report(govinfo_report **out, govinfo_batch_item *item);
/* Borrowed: the validation findings (GOVINFO_BATCH_VALIDATE), else NULL. */
GOVINFO_API const govinfo_diagnostics *govinfo_batch_item_findings(const govinfo_batch_item *item);
/* Borrowed: the import findings (GOVINFO_BATCH_IMPORT), else NULL. */
GOVINFO_API const govinfo_diagnostics *
govinfo_batch_item_import_findings(const govinfo_batch_item *item);
/* Borrowed: SHA-256 of the bytes read for the item (the document for LOAD with
 * GOVINFO_BATCH_SHA256, the published file for IMPORT) as 64 lowercase hex digits; "" when
 * not asked for or nothing could be read. */
GOVINFO_API const char *govinfo_batch_item_sha256(const govinfo_batch_item *item);

#ifdef __cplusplus
}
#endif
#endif
