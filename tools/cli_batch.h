/* Commands over many reports (validate, import, export, compare, sum): the
 * inputs through the library's batch runner (govinfo_batch: files, directories, "-", --jobs),
 * a progress line on a terminal, and the summary at the end. */
#ifndef GOVINFO_CLI_BATCH_H
#define GOVINFO_CLI_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "cli.h"

/* "--jobs N": 1..256, or 0 for one per processor (also when value is NULL). Returns
 * CLI_CONTINUE or a usage error. */
int cli_parse_jobs(const cli_command *cmd, const char *value, unsigned *out);

/* True when the operands make a batch rather than one file: several of them, or a directory.
 * One FILE keeps the output it always had. */
bool cli_is_batch(char *const *operands, size_t n);

typedef struct cli_batch {
  govinfo_batch *batch;
  size_t total, done, failed;
  bool progress; /* draw the progress line (stderr is a terminal, not --quiet) */
  bool drawn;    /* the line is on the screen now */
  struct timespec start, last_draw;
} cli_batch;

/* Expands the operands and starts the workers. Returns CLI_CONTINUE, or prints why and
 * returns CLI_EXIT_FAILURE. */
int cli_batch_start(cli_batch *run, char *const *operands, size_t n,
                    const govinfo_batch_options *opts, bool quiet);
/* The next item in input order (NULL at the end), with the progress line cleared so the
 * caller can print. Free it with govinfo_batch_item_free(). An item the library could not
 * allocate is reported and skipped. */
govinfo_batch_item *cli_batch_next(cli_batch *run);
/* Counts an item as done (failed: it could not be read or written) and redraws. */
void cli_batch_done(cli_batch *run, bool failed);
/* Clears the progress line and frees the batch. */
void cli_batch_finish(cli_batch *run);

/* The failure of an item that has no report (govinfo_batch_item_status() != GOVINFO_OK). */
void cli_failure_from_item(cli_failure *failure, const govinfo_batch_item *item);

/* Every report of the operands at once, for commands that need them together (compare,
 * sum): loaded by the batch runner on `jobs` threads, in input order. */
typedef struct cli_loaded {
  char **names;             /* how messages name each input: its path, or "<stdin>" */
  govinfo_report **reports; /* NULL where the input could not be loaded */
  size_t n;
} cli_loaded;

/* Called for each input that could not be loaded, in input order. */
typedef void (*cli_load_failed)(const char *name, const cli_failure *failure, void *context);

/* Expands the operands (files, directories, "-") and loads every report. Failures go to
 * on_failure and leave that report NULL. Returns CLI_CONTINUE, or prints why and returns
 * CLI_EXIT_FAILURE (bad operands, out of memory); free *out with cli_loaded_free() either
 * way. */
int cli_load_all(cli_loaded *out, char *const *operands, size_t n, unsigned jobs,
                 cli_load_failed on_failure, void *context);
void cli_loaded_free(cli_loaded *loaded);

/* What a batch added up to. */
typedef struct cli_summary {
  size_t files, valid, with_errors, failed;
  size_t errors, warnings, notes;
  size_t suppressed; /* findings a suppression file hid */
  size_t *per_rule;  /* indexed like govinfo_rule_at() */
} cli_summary;

bool cli_summary_init(cli_summary *s);
void cli_summary_free(cli_summary *s);
/* Counts the findings of one report (either list may be NULL). */
void cli_summary_add_report(cli_summary *s, const govinfo_diagnostics *a,
                            const govinfo_diagnostics *b);
void cli_summary_add_failure(cli_summary *s);
/* "3 files: 1 valid, 1 with errors, 1 failed" and one line per rule, on stderr. */
void cli_summary_print_text(const cli_summary *s, cli_lang lang);
/* One JSON line {"summary": {...}} on out. */
void cli_summary_print_json(const cli_summary *s, FILE *out);

#endif
