/* Options structs of the entry points that may grow (validate, import), and the registry's
 * binding of every rule to its check. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "validate/validate.h"

/* ---- every rule names its check ---- */

Test(rules, every_rule_has_a_check_or_is_found_by_the_importer_or_across_reports) {
  size_t import = 0, cross = 0;
  for (size_t i = 0; i < govinfo_rule_count(); i++) {
    const char *id = govinfo_rule_id(govinfo_rule_at(i));
    bool has_check = gi_rule_check_of((gi_rule)i) != NULL;
    bool elsewhere = gi_rule_is_import((gi_rule)i) || gi_rule_is_cross((gi_rule)i) ||
                     gi_rule_is_review((gi_rule)i);
    cr_assert_not(gi_rule_is_import((gi_rule)i) && gi_rule_is_cross((gi_rule)i), "%s", id);
    cr_assert_eq(has_check, !elsewhere,
                 "%s: a rule of the validator needs a check, a rule found by the importer, "
                 "across reports or by review has none",
                 id);
    /* The prefixes say who finds them: import.* the importer, year.* and sum.* the checks
     * across reports (tests/unit/test_compare.c and test_sum.c make each of them fire). */
    bool import_id = strncmp(id, "import.", 7) == 0;
    bool cross_id = strncmp(id, "year.", 5) == 0 || strncmp(id, "sum.", 4) == 0;
    cr_assert_eq(gi_rule_is_import((gi_rule)i), import_id, "%s", id);
    cr_assert_eq(gi_rule_is_cross((gi_rule)i), cross_id, "%s", id);
    cr_assert_eq(gi_rule_is_review((gi_rule)i), strncmp(id, "suppression.", 12) == 0, "%s", id);
    import += import_id;
    cross += cross_id;
    cr_assert_eq(gi_rule_of(govinfo_rule_at(i)), (gi_rule)i);
  }
  cr_assert_gt(import, 0);
  cr_assert_gt(cross, 0);
}

Test(rules, every_listed_rule_is_listed_by_some_format) {
  for (size_t i = 0; i < govinfo_rule_count(); i++) {
    const govinfo_rule *rule = govinfo_rule_at(i);
    bool applies = false;
    for (size_t f = 0; f < govinfo_format_count(); f++)
      applies = applies || govinfo_rule_applies_to(rule, govinfo_format_at(f));
    cr_assert(applies, "%s applies to no format version", govinfo_rule_id(rule));
  }
}

/* ---- validate options ---- */

static govinfo_report *blank_template(size_t format_index) {
  const govinfo_format *f = govinfo_format_at(format_index);
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new_template(&r, govinfo_format_id(f), govinfo_format_first_year(f),
                                           "某县人民政府"),
               GOVINFO_OK);
  return r;
}

static size_t count_rule(const govinfo_diagnostics *list, const char *rule) {
  size_t n = 0;
  for (size_t i = 0; i < govinfo_diagnostics_count(list); i++)
    n += strcmp(govinfo_diagnostic_rule(govinfo_diagnostics_at(list, i)), rule) == 0;
  return n;
}

Test(validate_options, init_gives_the_defaults_and_refuses_unknown_versions) {
  govinfo_validate_options opts;
  memset(&opts, 0xAB, sizeof opts);
  cr_assert_eq(govinfo_validate_options_init(&opts, GOVINFO_VALIDATE_OPTIONS_VERSION), 0);
  cr_assert_eq(opts.version, GOVINFO_VALIDATE_OPTIONS_VERSION);
  cr_assert_eq(opts.flags, 0);
  cr_assert_null(opts.enable);
  cr_assert_null(opts.disable);
  cr_assert_eq(govinfo_validate_options_init(&opts, 0), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_validate_options_init(&opts, GOVINFO_VALIDATE_OPTIONS_VERSION + 1),
               GOVINFO_EINVAL);
  cr_assert_eq(govinfo_validate_options_init(NULL, 1), GOVINFO_EINVAL);
}

Test(validate_options, no_options_and_default_options_find_the_same) {
  for (size_t f = 0; f < govinfo_format_count(); f++) {
    govinfo_report *r = blank_template(f);
    govinfo_diagnostics *plain, *with_null, *with_defaults;
    govinfo_validate_options opts = GOVINFO_VALIDATE_OPTIONS_INIT;
    cr_assert_eq(govinfo_report_validate(&plain, r), 0);
    cr_assert_eq(govinfo_report_validate_with(&with_null, r, NULL), 0);
    cr_assert_eq(govinfo_report_validate_with(&with_defaults, r, &opts), 0);
    char *a, *b, *c;
    cr_assert_eq(govinfo_diagnostics_to_json(&a, NULL, plain), 0);
    cr_assert_eq(govinfo_diagnostics_to_json(&b, NULL, with_null), 0);
    cr_assert_eq(govinfo_diagnostics_to_json(&c, NULL, with_defaults), 0);
    cr_assert_str_eq(a, b);
    cr_assert_str_eq(a, c);
    cr_assert_gt(govinfo_diagnostics_count(plain), 0, "a blank template has findings");
    govinfo_free(a), govinfo_free(b), govinfo_free(c);
    govinfo_diagnostics_free(plain), govinfo_diagnostics_free(with_null);
    govinfo_diagnostics_free(with_defaults);
    govinfo_report_free(r);
  }
}

Test(validate_options, enable_runs_only_those_rules_and_disable_leaves_rules_out) {
  for (size_t f = 0; f < govinfo_format_count(); f++) {
    govinfo_report *r = blank_template(f);
    const char *const only_blank[] = {"cell.blank", NULL};
    const char *const no_blank[] = {"cell.blank", NULL};
    govinfo_validate_options opts = GOVINFO_VALIDATE_OPTIONS_INIT;
    opts.enable = only_blank;
    govinfo_diagnostics *d;
    cr_assert_eq(govinfo_report_validate_with(&d, r, &opts), 0);
    cr_assert_gt(govinfo_diagnostics_count(d), 0);
    cr_assert_eq(count_rule(d, "cell.blank"), govinfo_diagnostics_count(d));
    govinfo_diagnostics_free(d);

    opts.enable = NULL;
    opts.disable = no_blank;
    cr_assert_eq(govinfo_report_validate_with(&d, r, &opts), 0);
    cr_assert_eq(count_rule(d, "cell.blank"), 0);
    cr_assert_gt(govinfo_diagnostics_count(d), 0, "the other rules still run");
    govinfo_diagnostics_free(d);

    opts.enable = only_blank; /* disable wins over enable */
    cr_assert_eq(govinfo_report_validate_with(&d, r, &opts), 0);
    cr_assert_eq(govinfo_diagnostics_count(d), 0);
    govinfo_diagnostics_free(d);
    govinfo_report_free(r);
  }
}

Test(validate_options, an_unknown_rule_id_is_not_found_with_a_suggestion) {
  govinfo_report *r = blank_template(0);
  const char *const misspelt[] = {"cell.blnk", NULL};
  govinfo_validate_options opts = GOVINFO_VALIDATE_OPTIONS_INIT;
  opts.disable = misspelt;
  govinfo_diagnostics *d = (govinfo_diagnostics *)1;
  cr_assert_eq(govinfo_report_validate_with(&d, r, &opts), GOVINFO_ENOTFOUND);
  cr_assert_null(d);
  cr_assert(strstr(govinfo_error_last()->message, "did you mean \"cell.blank\"") != NULL, "%s",
            govinfo_error_last()->message);
  opts.disable = NULL;
  opts.version = 99;
  cr_assert_eq(govinfo_report_validate_with(&d, r, &opts), GOVINFO_EINVAL);
  opts.version = GOVINFO_VALIDATE_OPTIONS_VERSION;
  opts.flags = 0x80;
  cr_assert_eq(govinfo_report_validate_with(&d, r, &opts), GOVINFO_EINVAL);
  govinfo_report_free(r);
}

/* ---- import options ---- */

static const char *fixture_text(void) {
  return test_source_path("tests/data/fixtures/huaian-hongze-2024.layout.txt");
}

Test(import_options, init_gives_the_defaults_and_refuses_unknown_versions) {
  govinfo_import_options opts;
  memset(&opts, 0xAB, sizeof opts);
  cr_assert_eq(govinfo_import_options_init(&opts, GOVINFO_IMPORT_OPTIONS_VERSION), 0);
  cr_assert_eq(opts.kind, GOVINFO_INPUT_AUTO);
  cr_assert_null(opts.source_name);
  cr_assert_null(opts.pdftotext);
  cr_assert_eq(govinfo_import_options_init(&opts, 0), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_import_options_init(&opts, GOVINFO_IMPORT_OPTIONS_VERSION + 1),
               GOVINFO_EINVAL);
}

Test(import_options, source_name_names_the_input_in_findings_and_the_report) {
  size_t len;
  char *text = test_read_file(fixture_text(), &len);
  govinfo_import_options opts = GOVINFO_IMPORT_OPTIONS_INIT;
  opts.source_name = "洪泽区.txt";
  govinfo_report *r;
  govinfo_diagnostics *findings, *checked;
  cr_assert_eq(govinfo_import_with(&r, &findings, text, len, &opts), 0, "%s",
               govinfo_error_last()->message);
  cr_assert_eq(govinfo_report_validate(&checked, r), 0);
  cr_assert_gt(govinfo_diagnostics_count(checked), 0);
  cr_assert_str_eq(govinfo_diagnostic_file(govinfo_diagnostics_at(checked, 0)), "洪泽区.txt");
  cr_assert_str_eq(govinfo_report_origin(r), "洪泽区.txt");
  govinfo_diagnostics_free(checked);
  govinfo_diagnostics_free(findings);
  govinfo_report_free(r);

  opts.kind = (govinfo_input_kind)42;
  cr_assert_eq(govinfo_import_with(&r, &findings, text, len, &opts), GOVINFO_EINVAL);
  cr_assert_null(r);
  cr_assert_null(findings);
  free(text);
}

Test(import_options, file_import_takes_the_kind_and_keeps_the_path_as_source) {
  govinfo_import_options opts = GOVINFO_IMPORT_OPTIONS_INIT;
  opts.kind = GOVINFO_INPUT_HTML;
  govinfo_report *r;
  govinfo_diagnostics *findings;
  /* a layout text read as HTML is one paragraph: some of its cells cannot be read */
  int rc = govinfo_import_file_with(&r, &findings, fixture_text(), &opts);
  if (rc == GOVINFO_ENOTFOUND) cr_skip_test("built without HTML import");
  cr_assert_eq(rc, 0, "%s", govinfo_error_last()->message);
  size_t missing = 0;
  for (size_t i = 0; i < govinfo_diagnostics_count(findings); i++) {
    const govinfo_diagnostic *d = govinfo_diagnostics_at(findings, i);
    missing += strcmp(govinfo_diagnostic_rule(d), "import.table_missing") == 0 ||
               strcmp(govinfo_diagnostic_rule(d), "import.cell_unread") == 0;
    cr_assert_str_eq(govinfo_diagnostic_file(d), fixture_text());
  }
  cr_assert_gt(missing, 0);
  govinfo_diagnostics_free(findings);
  govinfo_report_free(r);
  opts.kind = GOVINFO_INPUT_AUTO;
  cr_assert_eq(govinfo_import_file_with(&r, &findings, fixture_text(), &opts), 0);
  cr_assert_eq(govinfo_diagnostics_count_severity(findings, GOVINFO_SEVERITY_ERROR), 0);
  govinfo_diagnostics_free(findings);
  govinfo_report_free(r);
}

Test(import_options, pdftotext_names_the_program_that_reads_pdfs) {
  govinfo_import_options opts = GOVINFO_IMPORT_OPTIONS_INIT;
  opts.pdftotext = "/nonexistent/bin/pdftotext";
  govinfo_report *r;
  govinfo_diagnostics *findings;
  const char *pdf = test_source_path("tests/data/fixtures/huaian-hongze-2024.pdf");
  char path[4096];
  snprintf(path, sizeof path, "%s", pdf);
  cr_assert_eq(govinfo_import_file_with(&r, &findings, path, &opts), GOVINFO_EIO);
  cr_assert(strstr(govinfo_error_last()->message, "poppler-utils") != NULL, "%s",
            govinfo_error_last()->message);
}
