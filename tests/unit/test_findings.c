/* The formatter of findings and errors: one clang-style line for the CLI and the bindings. */
#include <criterion/criterion.h>
#include <string.h>

#include "findings/findings.h"
#include "helpers.h"

static govinfo_diagnostics *one_finding(const char *file, gi_loc loc) {
  govinfo_diagnostics *list = gi_diagnostics_new(file);
  const char *paths[] = {"/tables/table3/new_received/total"};
  cr_assert_eq(
      gi_diagnostics_add(list, GI_RULE_TABLE3_BALANCE, loc, paths, 1, "收办不平衡", "not balanced"),
      0);
  return list;
}

static char *format_first(const govinfo_diagnostics *list, const char *file, unsigned flags) {
  char *out = NULL;
  size_t len = 0;
  cr_assert_eq(govinfo_diagnostic_format(&out, &len, govinfo_diagnostics_at(list, 0), file, flags),
               0);
  cr_assert_eq(len, strlen(out));
  return out;
}

static void expect_line(const govinfo_diagnostics *list, const char *file, unsigned flags,
                        const char *want) {
  char *got = format_first(list, file, flags);
  cr_assert_str_eq(got, want);
  govinfo_free(got);
}

Test(formatter, a_finding_is_one_clang_style_line_in_either_language) {
  govinfo_diagnostics *list = one_finding("report.yaml", (gi_loc){57, 9});
  expect_line(list, NULL, 0, "report.yaml:57:9: error: 收办不平衡 [table3.balance]");
  expect_line(list, NULL, GOVINFO_FORMAT_EN,
              "report.yaml:57:9: error: not balanced [table3.balance]");
  expect_line(list, NULL, GOVINFO_FORMAT_NO_LOCATION, "error: 收办不平衡 [table3.balance]");
  expect_line(list, "<stdin>", 0, "<stdin>:57:9: error: 收办不平衡 [table3.balance]");
  govinfo_diagnostics_free(list);
}

Test(formatter, the_location_says_as_much_as_is_known) {
  govinfo_diagnostics *list = one_finding("r.yaml", (gi_loc){0, 0});
  expect_line(list, NULL, 0, "r.yaml: error: 收办不平衡 [table3.balance]");
  govinfo_diagnostics_free(list);
  list = one_finding("r.yaml", (gi_loc){3, 0});
  expect_line(list, NULL, 0, "r.yaml:3: error: 收办不平衡 [table3.balance]");
  govinfo_diagnostics_free(list);
  list = one_finding(NULL, (gi_loc){3, 4});
  expect_line(list, NULL, 0, "<input>:3:4: error: 收办不平衡 [table3.balance]");
  govinfo_diagnostics_free(list);
  list = one_finding(NULL, (gi_loc){0, 0});
  expect_line(list, NULL, 0, "error: 收办不平衡 [table3.balance]");
  govinfo_diagnostics_free(list);
}

Test(formatter, a_message_missing_in_one_language_falls_back_to_the_other) {
  govinfo_diagnostics *list = gi_diagnostics_new("f");
  cr_assert_eq(gi_diagnostics_add(list, GI_RULE_CELL_BLANK, (gi_loc){1, 1}, NULL, 0, "", "only en"),
               0);
  expect_line(list, NULL, 0, "f:1:1: warning: only en [cell.blank]");
  govinfo_diagnostics_free(list);
}

Test(formatter, an_error_is_one_line_with_its_json_pointer) {
  govinfo_error e = {.code = GOVINFO_ESCHEMA,
                     .message = "unknown key \"x\"",
                     .source = "a.yaml",
                     .line = 2,
                     .column = 1,
                     .path = "/x"};
  char *out;
  cr_assert_eq(govinfo_error_format(&out, NULL, &e, NULL, 0), 0);
  cr_assert_str_eq(out, "a.yaml:2:1: error: unknown key \"x\" (at /x)");
  govinfo_free(out);
  cr_assert_eq(govinfo_error_format(&out, NULL, &e, "<stdin>", GOVINFO_FORMAT_NO_LOCATION), 0);
  cr_assert_str_eq(out, "error: unknown key \"x\" (at /x)");
  govinfo_free(out);
  e = (govinfo_error){.code = GOVINFO_ENOMEM, .message = "", .source = "", .path = ""};
  cr_assert_eq(govinfo_error_format(&out, NULL, &e, "f", 0), 0);
  cr_assert_str_eq(out, "f: error: out of memory");
  govinfo_free(out);
}

Test(formatter, the_last_error_formats_as_the_cli_prints_it) {
  govinfo_report *r;
  cr_assert_eq(
      govinfo_report_parse(&r, "format: \"2021\"\nbogus: 1\n", 24, GOVINFO_SYNTAX_YAML, "t.yaml"),
      GOVINFO_ESCHEMA);
  char *out;
  cr_assert_eq(govinfo_error_format(&out, NULL, govinfo_error_last(), NULL, GOVINFO_FORMAT_EN), 0);
  cr_assert(strncmp(out, "t.yaml:2:1: error: unknown key \"bogus\"", 38) == 0, "%s", out);
  cr_assert(strstr(out, "(at /bogus)") != NULL, "%s", out);
  govinfo_free(out);
  cr_assert_eq(govinfo_error_format(&out, NULL, govinfo_error_last(), NULL, 0), 0);
  cr_assert(strstr(out, "t.yaml:2:1: error: 未知的键“bogus”") == out, "%s", out);
  cr_assert(strstr(out, "（位置 /bogus）") != NULL, "%s", out);
  govinfo_free(out);
}

Test(formatter, bad_arguments_are_refused) {
  char *out = (char *)1;
  cr_assert_eq(govinfo_diagnostic_format(&out, NULL, NULL, NULL, 0), GOVINFO_EINVAL);
  cr_assert_null(out);
  cr_assert_eq(govinfo_error_format(NULL, NULL, govinfo_error_last(), NULL, 0), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_error_format(&out, NULL, govinfo_error_last(), NULL, 0x100), GOVINFO_EINVAL);
}
