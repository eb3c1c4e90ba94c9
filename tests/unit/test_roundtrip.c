/* Round trips over every example and fixture report: load → save → load gives an equal
 * report, saving again gives the same bytes, and JSON → YAML → JSON (and YAML → JSON → YAML)
 * is byte-identical. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "helpers.h"

static const char *const reports[] = {
    "examples/reports/suibin-2020.yaml",           "examples/reports/huaian-2024.yaml",
    "tests/data/fixtures/suibin-2020.yaml",        "tests/data/fixtures/huaian-hongze-2023.yaml",
    "tests/data/fixtures/huaian-hongze-2024.yaml", "tests/data/fixtures/huaian-city-2024.yaml",
};

static char *serialize(const govinfo_report *r, govinfo_syntax syntax, size_t *len) {
  char *out = NULL;
  cr_assert_eq(govinfo_report_serialize(&out, len, r, syntax, 0), 0, "%s",
               govinfo_error_last()->message);
  cr_assert_eq(strlen(out), *len);
  return out;
}

static govinfo_report *parse(const char *text, size_t len, govinfo_syntax syntax) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_parse(&r, text, len, syntax, "round-trip"), 0, "%s at %u:%u",
               govinfo_error_last()->message, govinfo_error_last()->line,
               govinfo_error_last()->column);
  return r;
}

/* One trip through `syntax` and back: the report is equal and the text is stable. */
static void assert_stable_through(const govinfo_report *original, govinfo_syntax syntax) {
  size_t len1, len2;
  char *first = serialize(original, syntax, &len1);
  govinfo_report *again = parse(first, len1, syntax);
  cr_assert(govinfo_report_equal(original, again), "load → save → load changed the report");
  char *second = serialize(again, syntax, &len2);
  cr_assert_eq(len1, len2);
  cr_assert_eq(memcmp(first, second, len1), 0, "saving twice gave different bytes");
  govinfo_free(first);
  govinfo_free(second);
  govinfo_report_free(again);
}

/* a → b → a gives the same bytes as a. */
static void assert_bytes_survive(const govinfo_report *r, govinfo_syntax a, govinfo_syntax b) {
  size_t len_a, len_b, len_back;
  char *text_a = serialize(r, a, &len_a);
  govinfo_report *via_a = parse(text_a, len_a, a);
  char *text_b = serialize(via_a, b, &len_b);
  govinfo_report *via_b = parse(text_b, len_b, b);
  char *back = serialize(via_b, a, &len_back);
  cr_assert_eq(len_back, len_a);
  cr_assert_eq(memcmp(back, text_a, len_a), 0);
  govinfo_free(text_a);
  govinfo_free(text_b);
  govinfo_free(back);
  govinfo_report_free(via_a);
  govinfo_report_free(via_b);
}

/* Criterion runs each case in a fresh process: pass indices, not pointers. */
static size_t report_indices[sizeof reports / sizeof reports[0]];

static struct criterion_test_params report_params(void) {
  for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++) report_indices[i] = i;
  return cr_make_param_array(size_t, report_indices, sizeof reports / sizeof reports[0]);
}

ParameterizedTestParameters(roundtrip, every_report) { return report_params(); }

ParameterizedTest(size_t *index, roundtrip, every_report) {
  govinfo_report *r = test_load(reports[*index]);
  assert_stable_through(r, GOVINFO_SYNTAX_JSON);
  assert_stable_through(r, GOVINFO_SYNTAX_YAML);
  assert_bytes_survive(r, GOVINFO_SYNTAX_JSON, GOVINFO_SYNTAX_YAML);
  assert_bytes_survive(r, GOVINFO_SYNTAX_YAML, GOVINFO_SYNTAX_JSON);
  govinfo_report_free(r);
}

ParameterizedTestParameters(roundtrip, files_are_already_canonical) { return report_params(); }

ParameterizedTest(size_t *index, roundtrip, files_are_already_canonical) {
  const char *const *path = &reports[*index];
  size_t len, out_len;
  char *text = test_read_file(test_source_path(*path), &len);
  govinfo_report *r = parse(text, len, GOVINFO_SYNTAX_YAML);
  char *out = serialize(r, GOVINFO_SYNTAX_YAML, &out_len);
  cr_assert_eq(out_len, len, "%s is not in canonical form", *path);
  cr_assert_eq(memcmp(out, text, len), 0, "%s is not in canonical form", *path);
  govinfo_free(out);
  free(text);
  govinfo_report_free(r);
}

Test(roundtrip, blank_mark_number_and_absent_survive_both_forms) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new(&r, "2021"), 0);
  cr_assert_eq(govinfo_report_set_blank(r, "table3.granted.natural_person"), 0);
  cr_assert_eq(govinfo_report_set_mark(r, "table3.granted.commercial", "/"), 0);
  cr_assert_eq(govinfo_report_set_int(r, "table3.granted.research", 0), 0);
  cr_assert_eq(govinfo_report_set_number(r, "table2_art20_8.admin_fees.fee_amount", "0.1"), 0);
  cr_assert_eq(
      govinfo_report_set_number(r, "table2_art20_6.admin_penalty.decisions", "9007199254740992"),
      0);
  /* a group's own figure */
  cr_assert_eq(govinfo_report_set_int(r, "table3.other_processing.total", 4), 0);
  assert_stable_through(r, GOVINFO_SYNTAX_JSON);
  assert_stable_through(r, GOVINFO_SYNTAX_YAML);
  size_t len;
  char *json = serialize(r, GOVINFO_SYNTAX_JSON, &len);
  cr_assert(strstr(json, "\"natural_person\":\tnull"));
  cr_assert(strstr(json, "\"commercial\":\t\"/\""));
  cr_assert(strstr(json, "\"research\":\t0"));
  cr_assert(strstr(json, "\"fee_amount\":\t0.1\n"));
  cr_assert(strstr(json, "9007199254740992"));
  cr_assert_null(strstr(json, "public_interest"), "absent cells are left out");
  cr_assert(strstr(json, "\"other_processing\":\t{\n\t\t\t\t\"total\":\t4\n"), "%s", json);
  govinfo_free(json);
  govinfo_report_free(r);
}
