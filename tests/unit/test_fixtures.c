/* The fixture reports (tests/data/fixtures) and the example reports (examples/reports) load,
 * hold the cells the fixtures README counts, and validate to exactly the findings the README
 * predicts: rule id, first JSON Pointer, the two sides of a failed identity and the line the
 * cell was read from. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* A predicted finding. expected/actual are NULL for a finding that is not arithmetic. */
typedef struct predicted {
  const char *rule;
  const char *path;
  const char *expected;
  const char *actual;
} predicted;

static int same_text(const char *a, const char *b) {
  if (a == NULL || b == NULL) return a == b;
  return strcmp(a, b) == 0;
}

/* 1-based line of the key a JSON Pointer names in a block YAML document written in the
 * canonical layout (two spaces per level), or 0 when it is not there. Only plain ids, which
 * need no "~" escapes, are looked up. */
static unsigned yaml_line_of(const char *doc, const char *pointer) {
  const char *at = doc;
  unsigned depth = 0;
  while (*pointer == '/') {
    const char *segment = pointer + 1;
    size_t len = strcspn(segment, "/");
    char needle[256];
    int n = snprintf(needle, sizeof needle, "\n%*s%.*s:", (int)(2 * depth), "", (int)len, segment);
    cr_assert(n > 0 && (size_t)n < sizeof needle);
    const char *hit = strstr(at, needle);
    while (hit && hit[n] != ' ' && hit[n] != '\n') hit = strstr(hit + 1, needle);
    if (!hit) return 0;
    at = hit + 1;
    pointer = segment + len;
    depth++;
  }
  unsigned line = 1;
  for (const char *p = doc; p < at; p++) line += *p == '\n';
  return line;
}

static govinfo_diagnostics *validated(const govinfo_report *report) {
  govinfo_diagnostics *d = NULL;
  int rc = govinfo_report_validate(&d, report);
  cr_assert_eq(rc, 0, "validate: %s", govinfo_error_last()->message);
  cr_assert_not_null(d);
  return d;
}

/* One line per finding, for failure messages. */
static void describe(const govinfo_diagnostics *d, char *out, size_t size) {
  size_t used = 0;
  out[0] = '\0';
  for (size_t i = 0; i < govinfo_diagnostics_count(d) && used < size; i++) {
    const govinfo_diagnostic *g = govinfo_diagnostics_at(d, i);
    int n = snprintf(out + used, size - used, "\n  %s at %s (%s)", govinfo_diagnostic_rule(g),
                     govinfo_diagnostic_path_count(g) ? govinfo_diagnostic_path_at(g, 0) : "-",
                     govinfo_diagnostic_message_en(g));
    if (n < 0) break;
    used += (size_t)n;
  }
}

/* The findings are exactly `want`, in that order. Cell findings carry the file and the line
 * the first path's cell was read from (`doc` is the document's text). */
static void assert_findings(const govinfo_diagnostics *d, const predicted *want, size_t nwant,
                            const char *doc, const char *file) {
  char seen[4096];
  describe(d, seen, sizeof seen);
  cr_assert_eq(govinfo_diagnostics_count(d), nwant, "%s: %zu findings, expected %zu:%s", file,
               govinfo_diagnostics_count(d), nwant, seen);
  for (size_t i = 0; i < nwant; i++) {
    const govinfo_diagnostic *g = govinfo_diagnostics_at(d, i);
    cr_assert_str_eq(govinfo_diagnostic_rule(g), want[i].rule, "%s: finding %zu:%s", file, i, seen);
    cr_assert_geq(govinfo_diagnostic_path_count(g), 1);
    const char *path = govinfo_diagnostic_path_at(g, 0);
    cr_assert_str_eq(path, want[i].path, "%s: finding %zu:%s", file, i, seen);
    cr_assert(same_text(govinfo_diagnostic_expected(g), want[i].expected),
              "%s %s: expected side %s, want %s", want[i].rule, path,
              govinfo_diagnostic_expected(g), want[i].expected);
    cr_assert(same_text(govinfo_diagnostic_actual(g), want[i].actual),
              "%s %s: actual side %s, want %s", want[i].rule, path, govinfo_diagnostic_actual(g),
              want[i].actual);
    cr_assert_str_eq(govinfo_diagnostic_file(g), file);
    if (strncmp(path, "/tables/", 8) == 0 && strchr(path + 8, '/') &&
        strchr(strchr(path + 8, '/') + 1, '/')) {
      unsigned line = yaml_line_of(doc, path);
      cr_assert_neq(line, 0, "%s is not in %s", path, file);
      cr_assert_eq(govinfo_diagnostic_line(g), line, "%s %s: line %u, the cell is on line %u",
                   want[i].rule, path, govinfo_diagnostic_line(g), line);
    }
  }
}

/* Loads a report of the source tree and checks its findings. */
static void assert_file_findings(const char *relative, const predicted *want, size_t nwant) {
  char *doc = test_read_file(test_source_path(relative), NULL);
  char path[4096];
  snprintf(path, sizeof path, "%s", test_source_path(relative));
  govinfo_report *r = test_load(relative);
  govinfo_diagnostics *d = validated(r);
  assert_findings(d, want, nwant, doc, path);
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
  free(doc);
}

/* ---- the four fixtures and the two examples ---- */

Test(fixtures, suibin_2020_has_no_findings) {
  assert_file_findings("tests/data/fixtures/suibin-2020.yaml", NULL, 0);
}

/* The three 淮安 PDFs print no publication date. */
#define NO_DATE                                                                                    \
  { "meta.published_missing", "/published", NULL, NULL }
static const predicted no_date[] = {NO_DATE};

Test(fixtures, huaian_city_2024_only_lacks_its_publication_date) {
  assert_file_findings("tests/data/fixtures/huaian-city-2024.yaml", no_date, 1);
}

Test(fixtures, hongze_2024_only_warns_about_its_single_other_processing_row) {
  static const predicted want[] = {
      {"layout.group_row", "/tables/table3/other_processing", NULL, NULL},
      NO_DATE,
  };
  assert_file_findings("tests/data/fixtures/huaian-hongze-2024.yaml", want, 2);
}

Test(fixtures, hongze_2023_warns_about_its_row_and_fails_on_both_table4_totals_printed_0) {
  static const predicted want[] = {
      {"table4.row_total", "/tables/table4/review/total", "11", "0"},
      {"table4.row_total", "/tables/table4/litigation_after_review/total", "5", "0"},
      {"layout.group_row", "/tables/table3/other_processing", NULL, NULL},
      NO_DATE,
  };
  assert_file_findings("tests/data/fixtures/huaian-hongze-2023.yaml", want, 4);
}

Test(fixtures, suibin_example_has_no_findings) {
  assert_file_findings("examples/reports/suibin-2020.yaml", NULL, 0);
}

Test(fixtures, huaian_example_only_lacks_its_publication_date) {
  assert_file_findings("examples/reports/huaian-2024.yaml", no_date, 1);
}

Test(fixtures, examples_are_the_fixture_reports) {
  static const char *const pairs[][2] = {
      {"examples/reports/suibin-2020.yaml", "tests/data/fixtures/suibin-2020.yaml"},
      {"examples/reports/huaian-2024.yaml", "tests/data/fixtures/huaian-city-2024.yaml"},
  };
  for (size_t i = 0; i < 2; i++) {
    govinfo_report *a = test_load(pairs[i][0]);
    govinfo_report *b = test_load(pairs[i][1]);
    cr_assert_eq(govinfo_report_equal(a, b), 1, "%s differs from %s", pairs[i][0], pairs[i][1]);
    govinfo_report_free(a);
    govinfo_report_free(b);
  }
}

/* Line of the first difference between two texts, for failure messages. */
static unsigned first_different_line(const char *a, const char *b) {
  unsigned line = 1;
  for (; *a && *a == *b; a++, b++) line += *a == '\n';
  return line;
}

Test(fixtures, reports_are_stored_in_canonical_yaml) {
  static const char *const files[] = {
      "tests/data/fixtures/suibin-2020.yaml",        "tests/data/fixtures/huaian-hongze-2023.yaml",
      "tests/data/fixtures/huaian-hongze-2024.yaml", "tests/data/fixtures/huaian-city-2024.yaml",
      "examples/reports/suibin-2020.yaml",           "examples/reports/huaian-2024.yaml",
  };
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    char *doc = test_read_file(test_source_path(files[i]), NULL);
    govinfo_report *r = test_load(files[i]);
    char *out = NULL;
    cr_assert_eq(govinfo_report_serialize(&out, NULL, r, GOVINFO_SYNTAX_YAML, 0), 0);
    cr_assert(strcmp(out, doc) == 0, "%s: not canonical from line %u on", files[i],
              first_different_line(out, doc));
    govinfo_free(out);
    govinfo_report_free(r);
    free(doc);
  }
}

/* ---- what the library reads from them ---- */

/* Cells that are not absent. */
static size_t given_cells(const govinfo_report *r) {
  const govinfo_format *f = govinfo_report_format(r);
  size_t n = 0;
  for (size_t t = 0; t < govinfo_format_table_count(f); t++) {
    const govinfo_table *table = govinfo_format_table_at(f, t);
    for (size_t i = 0; i < govinfo_table_row_count(table); i++) {
      const govinfo_row *row = govinfo_table_row_at(table, i);
      if (govinfo_row_role_of(row) == GOVINFO_ROW_HEADING) continue;
      for (size_t c = 0; c < govinfo_table_column_count(table); c++) {
        char id[256];
        snprintf(id, sizeof id, "%s.%s.%s", govinfo_table_id(table), govinfo_row_id(row),
                 govinfo_column_id(govinfo_table_column_at(table, c)));
        govinfo_cell_state state;
        cr_assert_eq(govinfo_report_cell_state(r, id, &state), 0, "%s", id);
        n += state != GOVINFO_CELL_ABSENT;
      }
    }
  }
  return n;
}

Test(fixtures, reports_hold_as_many_cells_as_the_readme_counts) {
  static const struct {
    const char *file;
    size_t cells;
  } counts[] = {
      {"tests/data/fixtures/suibin-2020.yaml", 198},
      {"tests/data/fixtures/huaian-city-2024.yaml", 200},
      {"tests/data/fixtures/huaian-hongze-2023.yaml", 186},
      {"tests/data/fixtures/huaian-hongze-2024.yaml", 186},
  };
  for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
    govinfo_report *r = test_load(counts[i].file);
    cr_assert_eq(given_cells(r), counts[i].cells, "%s: %zu cells, expected %zu", counts[i].file,
                 given_cells(r), counts[i].cells);
    govinfo_report_free(r);
  }
}

Test(fixtures, hongze_keeps_other_processing_as_one_row_and_its_sub_rows_absent) {
  static const char *const files[] = {"tests/data/fixtures/huaian-hongze-2023.yaml",
                                      "tests/data/fixtures/huaian-hongze-2024.yaml"};
  static const char *const sub_rows[] = {"other_overdue_no_correction", "other_fee_unpaid",
                                         "other_other"};
  for (size_t i = 0; i < 2; i++) {
    govinfo_report *r = test_load(files[i]);
    int64_t v = -1;
    cr_assert_eq(govinfo_report_get_int(r, "table3.other_processing.total", &v), 0, "%s", files[i]);
    cr_assert_eq(v, 0);
    for (size_t s = 0; s < 3; s++) {
      char id[128];
      snprintf(id, sizeof id, "table3.%s.total", sub_rows[s]);
      govinfo_cell_state state = GOVINFO_CELL_NUMBER;
      cr_assert_eq(govinfo_report_cell_state(r, id, &state), 0);
      cr_assert_eq(state, GOVINFO_CELL_ABSENT, "%s: %s", files[i], id);
    }
    govinfo_report_free(r);
  }
}

Test(fixtures, decimals_and_metadata_are_read_as_printed) {
  govinfo_report *r = test_load("tests/data/fixtures/huaian-city-2024.yaml");
  char number[GOVINFO_NUMBER_BUFSIZE];
  cr_assert_eq(
      govinfo_report_get_number(r, "table2_art20_8.admin_fees.fee_amount", number, sizeof number),
      0);
  cr_assert_str_eq(number, "96171.6");
  cr_assert_str_eq(govinfo_report_organ(r), "淮安市人民政府");
  cr_assert_eq(govinfo_report_year(r), 2024);
  cr_assert_null(govinfo_report_published(r));
  cr_assert_str_eq(govinfo_report_division_code(r), "320800");
  cr_assert_eq(govinfo_report_section_count(r), 6);
  cr_assert_not_null(strstr(govinfo_report_section_text(r, "s6"), "信息处理费 3940 元"));
  govinfo_report_free(r);

  r = test_load("tests/data/fixtures/suibin-2020.yaml");
  cr_assert_str_eq(govinfo_report_published(r), "2021-01-15");
  cr_assert_str_eq(govinfo_format_id(govinfo_report_format(r)), "2019");
  govinfo_report_free(r);
}

/* ---- one edited cell of the suibin report ---- */

/* The suibin example with the value of one cell (written "0") replaced; *line is its line. */
static char *suibin_with(const char *pointer, const char *value, size_t *len, unsigned *line) {
  char *doc = test_read_file(test_source_path("examples/reports/suibin-2020.yaml"), NULL);
  *line = yaml_line_of(doc, pointer);
  cr_assert_neq(*line, 0, "%s not found", pointer);
  char *at = doc;
  for (unsigned l = 1; l < *line; l++) at = strchr(at, '\n') + 1;
  char *end = strchr(at, '\n');
  cr_assert(end - at > 3 && strncmp(end - 3, ": 0", 3) == 0, "line %u is not a 0 cell", *line);
  size_t head = (size_t)(end - 1 - doc), tail = strlen(end);
  char *edited = malloc(head + strlen(value) + tail + 1);
  cr_assert_not_null(edited);
  memcpy(edited, doc, head);
  memcpy(edited + head, value, strlen(value));
  memcpy(edited + head + strlen(value), end, tail + 1);
  free(doc);
  *len = strlen(edited);
  return edited;
}

static govinfo_report *parsed(const char *buf, size_t len, const char *name) {
  govinfo_report *r = NULL;
  int rc = govinfo_report_parse(&r, buf, len, GOVINFO_SYNTAX_YAML, name);
  cr_assert_eq(rc, 0, "%s: %s (line %u)", name, govinfo_error_last()->message,
               govinfo_error_last()->line);
  return r;
}

Test(fixtures, suibin_with_results_total_1_breaks_balance_result_total_and_row_total) {
  static const char *const name = "suibin-2020-result-total.yaml";
  static const char *const cell = "/tables/table3/result_total/total";
  size_t len;
  unsigned line;
  char *doc = suibin_with(cell, "1", &len, &line);
  govinfo_report *r = parsed(doc, len, name);
  govinfo_diagnostics *d = validated(r);
  static const predicted want[] = {
      {"table3.balance", "/tables/table3/result_total/total", "0", "1"},
      {"table3.result_total", "/tables/table3/result_total/total", "0", "1"},
      {"table3.row_total", "/tables/table3/result_total/total", "0", "1"},
  };
  assert_findings(d, want, 3, doc, name);
  for (size_t i = 0; i < 3; i++)
    cr_assert_eq(govinfo_diagnostic_line(govinfo_diagnostics_at(d, i)), line);
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
  free(doc);
}

/* 1 when one of the finding's paths is `path`. */
static int involves(const govinfo_diagnostic *g, const char *path) {
  for (size_t i = 0; i < govinfo_diagnostic_path_count(g); i++)
    if (strcmp(govinfo_diagnostic_path_at(g, i), path) == 0) return 1;
  return 0;
}

Test(fixtures, suibin_with_one_granted_cell_2_breaks_its_column_and_its_row) {
  static const char *const name = "suibin-2020-granted.yaml";
  static const char *const cell = "/tables/table3/granted/natural_person";
  size_t len;
  unsigned line;
  char *doc = suibin_with(cell, "2", &len, &line);
  govinfo_report *r = parsed(doc, len, name);
  govinfo_diagnostics *d = validated(r);
  /* New received and carried over still equal results total and carried forward. */
  static const predicted want[] = {
      {"table3.result_total", "/tables/table3/result_total/natural_person", "2", "0"},
      {"table3.row_total", "/tables/table3/granted/total", "2", "0"},
  };
  assert_findings(d, want, 2, doc, name);
  for (size_t i = 0; i < 2; i++)
    cr_assert(involves(govinfo_diagnostics_at(d, i), cell), "finding %zu does not name %s", i,
              cell);
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
  free(doc);
}
