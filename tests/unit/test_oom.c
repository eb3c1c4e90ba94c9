/* Allocation failure, SQLite's way: the library's malloc, calloc and realloc are wrapped
 * (ld --wrap, see tests/meson.build) so that the n-th one fails, for every n until a run
 * needs no more. Each run must either succeed or fail with GOVINFO_ENOMEM, and leave
 * nothing behind (ASan and valgrind run this suite too). libyaml's and cJSON's own
 * allocations are not wrapped; what they report as failures the library turns into
 * GOVINFO_ENOMEM as well. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "failing_alloc.h"
#include "helpers.h"

typedef int operation(const char *text, size_t len);

/* Runs `op` with the 1st, 2nd, ... allocation failing until a run completes untouched. */
static void fail_each_allocation_in_turn(operation *op, const char *text, size_t len) {
  for (long n = 0;; n++) {
    allocations_left = n;
    failed_one = false;
    int rc = op(text, len);
    bool failed = failed_one;
    allocations_left = -1;
    if (!failed) {
      cr_assert_eq(rc, GOVINFO_OK, "with no failed allocation: %s", govinfo_error_last()->message);
      cr_assert_gt(n, 5, "the operation should allocate");
      return;
    }
    cr_assert(rc == GOVINFO_OK || rc == GOVINFO_ENOMEM,
              "allocation %ld failed and the result was %s: %s", n + 1, govinfo_error_name(rc),
              govinfo_error_last()->message);
  }
}

/* parse → validate → serialize both ways; frees whatever it made. */
static int read_check_write(const char *text, size_t len) {
  govinfo_report *r = NULL;
  int rc = govinfo_report_parse(&r, text, len, GOVINFO_SYNTAX_AUTO, "oom");
  if (rc) return rc;
  govinfo_diagnostics *found = NULL;
  char *json = NULL, *yaml = NULL, *diagnostics = NULL;
  if ((rc = govinfo_report_validate(&found, r)) == GOVINFO_OK &&
      (rc = govinfo_diagnostics_to_json(&diagnostics, NULL, found)) == GOVINFO_OK &&
      (rc = govinfo_report_serialize(&json, NULL, r, GOVINFO_SYNTAX_JSON, 0)) == GOVINFO_OK)
    rc = govinfo_report_serialize(&yaml, NULL, r, GOVINFO_SYNTAX_YAML, GOVINFO_WRITE_LABELS);
  govinfo_free(json);
  govinfo_free(yaml);
  govinfo_free(diagnostics);
  govinfo_diagnostics_free(found);
  govinfo_report_free(r);
  return rc;
}

static int copy_and_template(const char *text, size_t len) {
  (void)text;
  (void)len;
  govinfo_report *t = NULL, *copy = NULL;
  int rc = govinfo_report_new_template(&t, "2021", 2024, "某县人民政府");
  if (rc == GOVINFO_OK) rc = govinfo_report_copy(&copy, t);
  if (rc == GOVINFO_OK) rc = govinfo_report_set_mark(copy, "table4.review.total", "/");
  if (rc == GOVINFO_OK) rc = govinfo_report_set_section(copy, "s6", NULL, "无。");
  govinfo_report_free(copy);
  govinfo_report_free(t);
  return rc;
}

static char *example(const char *relative, govinfo_syntax syntax, size_t *len) {
  char *text = test_read_file(test_source_path(relative), len);
  if (syntax == GOVINFO_SYNTAX_YAML) return text;
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_parse(&r, text, *len, GOVINFO_SYNTAX_YAML, NULL), 0);
  free(text);
  char *json = NULL;
  cr_assert_eq(govinfo_report_serialize(&json, len, r, syntax, 0), 0);
  govinfo_report_free(r);
  return json;
}

Test(oom, reading_checking_and_writing_yaml_survive_every_failed_allocation) {
  size_t len;
  char *text = example("tests/data/fixtures/huaian-hongze-2023.yaml", GOVINFO_SYNTAX_YAML, &len);
  fail_each_allocation_in_turn(read_check_write, text, len);
  free(text);
}

Test(oom, reading_checking_and_writing_json_survive_every_failed_allocation) {
  size_t len;
  char *text = example("examples/reports/suibin-2020.yaml", GOVINFO_SYNTAX_JSON, &len);
  fail_each_allocation_in_turn(read_check_write, text, len);
  govinfo_free(text);
}

Test(oom, errors_in_documents_survive_every_failed_allocation) {
  const char *bad = "format: \"2021\"\ntables:\n  table3:\n    new_recieved: {total: 1}\n";
  for (long n = 0; n < 200; n++) {
    allocations_left = n;
    govinfo_report *r = NULL;
    int rc = govinfo_report_parse(&r, bad, strlen(bad), GOVINFO_SYNTAX_YAML, "bad.yaml");
    allocations_left = -1;
    cr_assert(rc == GOVINFO_ESCHEMA || rc == GOVINFO_ENOMEM, "%s", govinfo_error_name(rc));
    cr_assert_null(r);
  }
}

Test(oom, templates_and_copies_survive_every_failed_allocation) {
  fail_each_allocation_in_turn(copy_and_template, NULL, 0);
}

/* import → validate; frees whatever it made. */
static int import_and_check(const char *text, size_t len) {
  govinfo_report *r = NULL;
  govinfo_diagnostics *imported = NULL, *checked = NULL;
  int rc = govinfo_import(&r, &imported, text, len, GOVINFO_INPUT_AUTO, "oom.txt");
  if (rc == GOVINFO_OK) rc = govinfo_report_validate(&checked, r);
  govinfo_diagnostics_free(checked);
  govinfo_diagnostics_free(imported);
  govinfo_report_free(r);
  return rc;
}

Test(oom, importing_text_survives_every_failed_allocation) {
  /* layout text with a misspelt label (a finding), reading-order text with column blocks,
   * crawler text (a header, glued cells split by the identities), Word and Excel files */
  const char *texts[] = {"tests/data/fixtures/huaian-hongze-2023.layout.txt",
                         "tests/data/fixtures/huaian-hongze-2024.txt",
                         "tests/data/fixtures/crawler/06_ptzhsyqgwh_2023.txt",
                         "tests/data/office/suibin-2020.docx",
                         "tests/data/office/suibin-2020.xlsx"};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    size_t len;
    char *text = test_read_file(test_source_path(texts[i]), &len);
    fail_each_allocation_in_turn(import_and_check, text, len);
    free(text);
  }
}

/* ---- checks across reports, and the narrative with findings ---- */

static char *across_texts[3];
static size_t across_lens[3];

static int parse_all(govinfo_report **r) {
  static const char *const names[] = {"2023.yaml", "2024.yaml", "city.yaml"};
  int rc = GOVINFO_OK;
  for (size_t i = 0; i < 3; i++) r[i] = NULL;
  for (size_t i = 0; i < 3 && rc == GOVINFO_OK; i++)
    rc =
        govinfo_report_parse(&r[i], across_texts[i], across_lens[i], GOVINFO_SYNTAX_YAML, names[i]);
  return rc;
}

/* narrative findings → compare → JSON → pairing → sum → against; frees whatever it made. */
static int check_across(const char *text, size_t len) {
  (void)text;
  (void)len;
  govinfo_report *r[3], *total = NULL;
  govinfo_diagnostics *checked = NULL, *summed = NULL, *against = NULL;
  govinfo_comparison *c = NULL;
  govinfo_pairing *p = NULL;
  char *json = NULL;
  int rc = parse_all(r);
  if (rc == GOVINFO_OK) {
    govinfo_report_set_int(r[1], "table3.carried_over.total", 1);    /* year.carry_over */
    govinfo_report_set_int(r[2], "table3.new_received.total", 3118); /* narrative.received */
    govinfo_report_set_int(r[2], "table4.review.upheld", 70);        /* narrative.review */
    rc = govinfo_report_validate(&checked, r[2]);
  }
  if (rc == GOVINFO_OK) rc = govinfo_compare(&c, r[0], r[1], NULL);
  if (rc == GOVINFO_OK) rc = govinfo_comparison_to_json(&json, NULL, c);
  if (rc == GOVINFO_OK) rc = govinfo_pairing_new(&p, (const govinfo_report *const *)r, 3, NULL);
  const govinfo_report *parts[] = {r[1], r[2]};
  if (rc == GOVINFO_OK) rc = govinfo_sum(&total, &summed, parts, 2, NULL);
  if (rc == GOVINFO_OK) rc = govinfo_sum_against(&against, r[2], total);
  govinfo_free(json);
  govinfo_comparison_free(c);
  govinfo_pairing_free(p);
  govinfo_diagnostics_free(checked);
  govinfo_diagnostics_free(summed);
  govinfo_diagnostics_free(against);
  govinfo_report_free(total);
  for (size_t i = 0; i < 3; i++) govinfo_report_free(r[i]);
  return rc;
}

Test(oom, checks_across_reports_survive_every_failed_allocation) {
  const char *files[] = {"tests/data/fixtures/huaian-hongze-2023.yaml",
                         "tests/data/fixtures/huaian-hongze-2024.yaml",
                         "tests/data/fixtures/huaian-city-2024.yaml"};
  for (size_t i = 0; i < 3; i++)
    across_texts[i] = test_read_file(test_source_path(files[i]), &across_lens[i]);
  fail_each_allocation_in_turn(check_across, NULL, 0);
  for (size_t i = 0; i < 3; i++) free(across_texts[i]);
}

/* parse → tidy rows → CSV (tidy and wide), JSON Lines; an export not committed leaves
 * nothing, one committed is whole. */
static int export_all_forms(const char *text, size_t len) {
  govinfo_report *r = NULL;
  int rc = govinfo_report_parse(&r, text, len, GOVINFO_SYNTAX_AUTO, "oom");
  if (rc) return rc;
  govinfo_rows *rows = NULL;
  rc = govinfo_report_rows(&rows, r, "corpus/oom.yaml");
  govinfo_rows_free(rows);
  static const char *const paths[] = {"/tmp/govinfo-oom-export.csv",
                                      "/tmp/govinfo-oom-export.wide.csv",
                                      "/tmp/govinfo-oom-export.jsonl"};
  static const unsigned flags[] = {GOVINFO_EXPORT_BOM, GOVINFO_EXPORT_WIDE | GOVINFO_EXPORT_LABELS,
                                   0};
  for (size_t i = 0; rc == GOVINFO_OK && i < 3; i++) {
    govinfo_export_options opts = GOVINFO_EXPORT_OPTIONS_INIT;
    opts.flags = flags[i];
    govinfo_exporter *ex = NULL;
    rc = govinfo_exporter_open(&ex, paths[i], &opts);
    if (rc == GOVINFO_OK) rc = govinfo_exporter_add(ex, r, NULL, NULL, NULL, NULL);
    if (rc == GOVINFO_OK) rc = govinfo_exporter_commit(ex);
    govinfo_exporter_free(ex);
    unlink(paths[i]);
  }
  govinfo_report_free(r);
  return rc;
}

Test(oom, exporting_survives_every_failed_allocation) {
  size_t len;
  char *text = example("tests/data/fixtures/huaian-hongze-2024.yaml", GOVINFO_SYNTAX_YAML, &len);
  fail_each_allocation_in_turn(export_all_forms, text, len);
  free(text);
}

/* validate → write a suppression file → read it back → apply → check; frees all it made. */
static int review_round_trip(const char *text, size_t len) {
  govinfo_report *r = NULL;
  int rc = govinfo_report_parse(&r, text, len, GOVINFO_SYNTAX_AUTO, "oom.yaml");
  if (rc) return rc;
  govinfo_diagnostics *found = NULL, *kept = NULL, *review = NULL;
  govinfo_suppressions *written = NULL, *read = NULL;
  char *yaml = NULL, *line = NULL;
  if ((rc = govinfo_report_validate(&found, r)) == GOVINFO_OK &&
      (rc = govinfo_diagnostic_format(&line, NULL, govinfo_diagnostics_at(found, 0), NULL,
                                      GOVINFO_FORMAT_LONG)) == GOVINFO_OK &&
      (rc = govinfo_suppressions_new(&written)) == GOVINFO_OK &&
      (rc = govinfo_suppressions_add(written, found, "oom.yaml", 0)) == GOVINFO_OK &&
      (rc = govinfo_suppressions_serialize(&yaml, NULL, written)) == GOVINFO_OK &&
      (rc = govinfo_suppressions_parse(&read, yaml, strlen(yaml), "review.yaml")) == GOVINFO_OK &&
      (rc = govinfo_suppressions_apply(&kept, read, found, NULL)) == GOVINFO_OK)
    rc = govinfo_suppressions_check(&review, read);
  govinfo_free(line);
  govinfo_free(yaml);
  govinfo_suppressions_free(written);
  govinfo_suppressions_free(read);
  govinfo_diagnostics_free(review);
  govinfo_diagnostics_free(kept);
  govinfo_diagnostics_free(found);
  govinfo_report_free(r);
  return rc;
}

Test(oom, suppression_files_survive_every_failed_allocation) {
  size_t len;
  char *text =
      test_read_file(test_source_path("tests/data/fixtures/huaian-hongze-2023.yaml"), &len);
  fail_each_allocation_in_turn(review_round_trip, text, len);
  free(text);
}
