/* Many reports from one command: the batch, its progress line and its summary. */
#include "cli_batch.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_parse_jobs(const cli_command *cmd, const char *value, unsigned *out) {
  *out = 0;
  if (value == NULL) return CLI_CONTINUE;
  char *end;
  long n = strtol(value, &end, 10);
  if (value[0] == '\0' || *end != '\0' || n < 0 || n > 256)
    return cli_usage_error(cmd, "--jobs needs a number from 0 (one per processor) to 256, not '%s'",
                           value);
  *out = (unsigned)n;
  return CLI_CONTINUE;
}

bool cli_is_batch(char *const *operands, size_t n) {
  if (n != 1) return n > 1;
  struct stat st;
  return strcmp(operands[0], "-") != 0 && stat(operands[0], &st) == 0 && S_ISDIR(st.st_mode);
}

/* ---- progress ---- */

static double seconds_between(const struct timespec *a, const struct timespec *b) {
  return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void clear_line(cli_batch *run) {
  if (!run->drawn) return;
  fputs("\r\033[K", stderr);
  fflush(stderr);
  run->drawn = false;
}

static void draw(cli_batch *run, bool force) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (!force && run->done > 0 && seconds_between(&run->last_draw, &now) < 0.1) return;
  run->last_draw = now;
  double elapsed = seconds_between(&run->start, &now);
  double rate = elapsed > 0 ? (double)run->done / elapsed : 0;
  fflush(stdout);
  fprintf(stderr, "\r\033[K[%zu/%zu] %.1f files/s", run->done, run->total, rate);
  if (rate > 0 && run->done < run->total) {
    long eta = (long)((double)(run->total - run->done) / rate + 0.5);
    fprintf(stderr, ", ETA %ld:%02ld", eta / 60, eta % 60);
  }
  if (run->failed) fprintf(stderr, ", %zu failed", run->failed);
  fflush(stderr);
  run->drawn = true;
}

int cli_batch_start(cli_batch *run, char *const *operands, size_t n,
                    const govinfo_batch_options *opts, bool quiet) {
  memset(run, 0, sizeof *run);
  int rc = govinfo_batch_new(&run->batch, (const char *const *)operands, n, opts);
  if (rc) return cli_error("%s", cli_last_error());
  run->total = govinfo_batch_total(run->batch);
  run->progress = !quiet && isatty(STDERR_FILENO);
  clock_gettime(CLOCK_MONOTONIC, &run->start);
  run->last_draw = run->start;
  if (run->progress) draw(run, true);
  return CLI_CONTINUE;
}

govinfo_batch_item *cli_batch_next(cli_batch *run) {
  for (;;) {
    govinfo_batch_item *item;
    int rc = govinfo_batch_next(&item, run->batch);
    clear_line(run);
    if (rc == GOVINFO_OK) return item;
    cli_error("a file of the batch was lost: %s", cli_last_error());
    run->done++;
    run->failed++;
  }
}

void cli_batch_done(cli_batch *run, bool failed) {
  run->done++;
  if (failed) run->failed++;
  if (run->progress) draw(run, run->done == run->total);
}

void cli_batch_finish(cli_batch *run) {
  clear_line(run);
  govinfo_batch_free(run->batch);
  run->batch = NULL;
}

void cli_failure_from_item(cli_failure *failure, const govinfo_batch_item *item) {
  cli_failure_from_error(failure, govinfo_batch_item_status(item), govinfo_batch_item_error(item));
}

/* ---- every report at once ---- */

static bool keep_item(cli_loaded *out, govinfo_batch_item *item, cli_load_failed on_failure,
                      void *context) {
  size_t i = out->n;
  if ((out->names[i] = strdup(govinfo_batch_item_name(item))) == NULL) return false;
  out->n++;
  if (govinfo_batch_item_status(item) == GOVINFO_OK)
    return govinfo_batch_item_take_report(&out->reports[i], item) == GOVINFO_OK;
  cli_failure failure;
  cli_failure_from_item(&failure, item);
  on_failure(out->names[i], &failure, context);
  return true;
}

int cli_load_all(cli_loaded *out, char *const *operands, size_t n, unsigned jobs,
                 cli_load_failed on_failure, void *context) {
  memset(out, 0, sizeof *out);
  govinfo_batch_options opts = GOVINFO_BATCH_OPTIONS_INIT;
  opts.jobs = jobs;
  cli_batch run;
  if (cli_batch_start(&run, operands, n, &opts, false) != CLI_CONTINUE) return CLI_EXIT_FAILURE;
  out->names = calloc(run.total + 1, sizeof *out->names);
  out->reports = calloc(run.total + 1, sizeof *out->reports);
  bool ok = out->names && out->reports;
  govinfo_batch_item *item;
  while (ok && (item = cli_batch_next(&run)) != NULL) {
    bool failed = govinfo_batch_item_status(item) != GOVINFO_OK;
    ok = keep_item(out, item, on_failure, context);
    govinfo_batch_item_free(item);
    cli_batch_done(&run, failed);
  }
  size_t total = run.total;
  cli_batch_finish(&run);
  if (!ok) return cli_error("out of memory");
  /* An item the library could not hand over was reported by cli_batch_next(): nothing is
   * compared or summed without it. */
  return out->n < total ? CLI_EXIT_FAILURE : CLI_CONTINUE;
}

void cli_loaded_free(cli_loaded *loaded) {
  for (size_t i = 0; i < loaded->n; i++) {
    free(loaded->names[i]);
    govinfo_report_free(loaded->reports[i]);
  }
  free(loaded->names);
  free(loaded->reports);
  memset(loaded, 0, sizeof *loaded);
}

/* ---- summary ---- */

bool cli_summary_init(cli_summary *s) {
  memset(s, 0, sizeof *s);
  s->per_rule = calloc(govinfo_rule_count() + 1, sizeof *s->per_rule);
  return s->per_rule != NULL;
}

void cli_summary_free(cli_summary *s) {
  free(s->per_rule);
  s->per_rule = NULL;
}

static size_t rule_index(const char *id) {
  size_t n = govinfo_rule_count();
  for (size_t i = 0; i < n; i++) /* findings normally point at the registry's own id */
    if (govinfo_rule_id(govinfo_rule_at(i)) == id) return i;
  for (size_t i = 0; i < n; i++)
    if (strcmp(govinfo_rule_id(govinfo_rule_at(i)), id) == 0) return i;
  return n; /* not in the registry: counted apart */
}

static void count_findings(cli_summary *s, const govinfo_diagnostics *d) {
  size_t n = govinfo_diagnostics_count(d);
  for (size_t i = 0; i < n; i++) {
    const govinfo_diagnostic *f = govinfo_diagnostics_at(d, i);
    s->per_rule[rule_index(govinfo_diagnostic_rule(f))]++;
  }
  s->errors += govinfo_diagnostics_count_severity(d, GOVINFO_SEVERITY_ERROR);
  s->warnings += govinfo_diagnostics_count_severity(d, GOVINFO_SEVERITY_WARNING);
  s->notes += govinfo_diagnostics_count_severity(d, GOVINFO_SEVERITY_NOTE);
  s->suppressed += govinfo_diagnostics_suppressed(d);
}

void cli_summary_add_report(cli_summary *s, const govinfo_diagnostics *a,
                            const govinfo_diagnostics *b) {
  size_t errors = s->errors;
  if (a) count_findings(s, a);
  if (b) count_findings(s, b);
  s->files++;
  if (s->errors > errors) s->with_errors++;
  else s->valid++;
}

void cli_summary_add_failure(cli_summary *s) {
  s->files++;
  s->failed++;
}

void cli_summary_print_text(const cli_summary *s, cli_lang lang) {
  fflush(stdout);
  if (lang == CLI_LANG_ZH)
    fprintf(stderr, "共读取 %zu 个文件：%zu 个无错误，%zu 个有错误，%zu 个无法读取\n", s->files,
            s->valid, s->with_errors, s->failed);
  else
    fprintf(stderr, "%zu file%s read: %zu valid, %zu with errors, %zu failed\n", s->files,
            s->files == 1 ? "" : "s", s->valid, s->with_errors, s->failed);
  if (s->suppressed && lang == CLI_LANG_ZH)
    fprintf(stderr, "另有 %zu 个发现按抑制文件隐藏\n", s->suppressed);
  else if (s->suppressed)
    fprintf(stderr, "%zu finding%s hidden by the suppression file\n", s->suppressed,
            s->suppressed == 1 ? "" : "s");
  size_t n = govinfo_rule_count();
  for (size_t i = 0; i < n; i++)
    if (s->per_rule[i])
      fprintf(stderr, "  %6zu  %s\n", s->per_rule[i], govinfo_rule_id(govinfo_rule_at(i)));
}

void cli_summary_print_json(const cli_summary *s, FILE *out) {
  cJSON *root = cJSON_CreateObject();
  cJSON *sum = root ? cJSON_AddObjectToObject(root, "summary") : NULL;
  cJSON *rules = NULL;
  bool ok = sum && cJSON_AddNumberToObject(sum, "files", (double)s->files) &&
            cJSON_AddNumberToObject(sum, "valid", (double)s->valid) &&
            cJSON_AddNumberToObject(sum, "with_errors", (double)s->with_errors) &&
            cJSON_AddNumberToObject(sum, "failed", (double)s->failed) &&
            cJSON_AddNumberToObject(sum, "errors", (double)s->errors) &&
            cJSON_AddNumberToObject(sum, "warnings", (double)s->warnings) &&
            cJSON_AddNumberToObject(sum, "notes", (double)s->notes) &&
            cJSON_AddNumberToObject(sum, "suppressed", (double)s->suppressed) &&
            (rules = cJSON_AddObjectToObject(sum, "rules")) != NULL;
  size_t n = govinfo_rule_count();
  for (size_t i = 0; ok && i < n; i++)
    if (s->per_rule[i])
      ok = cJSON_AddNumberToObject(rules, govinfo_rule_id(govinfo_rule_at(i)),
                                   (double)s->per_rule[i]) != NULL;
  char *text = ok ? cJSON_PrintUnformatted(root) : NULL;
  cJSON_Delete(root);
  fflush(stdout);
  if (text == NULL) {
    fprintf(stderr, "govinfo: cannot print the summary: out of memory\n");
    return;
  }
  fprintf(out, "%s\n", text);
  cJSON_free(text);
}
