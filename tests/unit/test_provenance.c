/* Provenance of imported reports: source and source_sha256, set by the importer, kept by the
 * model, JSON and YAML. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "util/sha256.h"

static const char *const hongze_text = "tests/data/fixtures/huaian-hongze-2024.layout.txt";

Test(provenance, a_file_import_records_its_path_and_the_hash_of_its_bytes) {
  char path[4096];
  snprintf(path, sizeof path, "%s", test_source_path(hongze_text));
  size_t len;
  char *bytes = test_read_file(path, &len);
  char want[GI_SHA256_HEX_SIZE];
  gi_sha256_hex(bytes, len, want);
  free(bytes);
  govinfo_report *r;
  govinfo_diagnostics *d;
  cr_assert_eq(govinfo_import_file(&r, &d, path), GOVINFO_OK);
  cr_assert_str_eq(govinfo_report_source(r), path);
  cr_assert_str_eq(govinfo_report_source_sha256(r), want);
  govinfo_report_free(r);
  govinfo_diagnostics_free(d);
}

Test(provenance, a_pdf_import_hashes_the_pdf_not_its_text) {
  char path[4096];
  snprintf(path, sizeof path, "%s", test_source_path("tests/data/fixtures/huaian-hongze-2024.pdf"));
  size_t len;
  char *bytes = test_read_file(path, &len);
  char want[GI_SHA256_HEX_SIZE];
  gi_sha256_hex(bytes, len, want);
  free(bytes);
  govinfo_report *r;
  govinfo_diagnostics *d;
  cr_assert_eq(govinfo_import_file(&r, &d, path), GOVINFO_OK, "%s", govinfo_error_last()->message);
  cr_assert_str_eq(govinfo_report_source_sha256(r), want);
  cr_assert_str_eq(govinfo_report_source(r), path);
  govinfo_report_free(r);
  govinfo_diagnostics_free(d);
}

Test(provenance, a_memory_import_records_the_hash_and_leaves_the_source_to_the_caller) {
  size_t len;
  char *bytes = test_read_file(test_source_path(hongze_text), &len);
  char want[GI_SHA256_HEX_SIZE];
  gi_sha256_hex(bytes, len, want);
  govinfo_report *r;
  govinfo_diagnostics *d;
  cr_assert_eq(govinfo_import(&r, &d, bytes, len, GOVINFO_INPUT_AUTO, "<stdin>"), GOVINFO_OK);
  cr_assert_str_eq(govinfo_report_source_sha256(r), want);
  cr_assert_null(govinfo_report_source(r), "a display name is not a source");
  free(bytes);
  govinfo_report_free(r);
  govinfo_diagnostics_free(d);
}

Test(provenance, the_hash_survives_json_and_yaml) {
  govinfo_report *r = test_load("examples/reports/suibin-2020.yaml");
  const char *hash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  cr_assert_eq(govinfo_report_set_source_sha256(r, hash), GOVINFO_OK);
  govinfo_syntax syntaxes[] = {GOVINFO_SYNTAX_JSON, GOVINFO_SYNTAX_YAML};
  for (size_t i = 0; i < 2; i++) {
    char *text;
    size_t len;
    cr_assert_eq(govinfo_report_serialize(&text, &len, r, syntaxes[i], 0), GOVINFO_OK);
    cr_assert_not_null(strstr(text, "source_sha256"));
    govinfo_report *back;
    cr_assert_eq(govinfo_report_parse(&back, text, len, syntaxes[i], NULL), GOVINFO_OK);
    cr_assert_str_eq(govinfo_report_source_sha256(back), hash);
    cr_assert(govinfo_report_equal(r, back));
    govinfo_report_free(back);
    govinfo_free(text);
  }
  govinfo_report_free(r);
}

Test(provenance, anything_but_64_lowercase_hex_digits_is_refused) {
  govinfo_report *r;
  cr_assert_eq(govinfo_report_new(&r, "2021"), GOVINFO_OK);
  const char *bad[] = {"", "abc",
                       "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",
                       "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    cr_assert_eq(govinfo_report_set_source_sha256(r, bad[i]), GOVINFO_EINVAL, "%s", bad[i]);
  cr_assert_null(govinfo_report_source_sha256(r));
  const char *doc = "{\"format\": \"2021\", \"source_sha256\": \"abc\"}";
  govinfo_report *parsed;
  cr_assert_eq(govinfo_report_parse(&parsed, doc, strlen(doc), GOVINFO_SYNTAX_JSON, NULL),
               GOVINFO_ESCHEMA);
  cr_assert_str_eq(govinfo_error_last()->path, "/source_sha256");
  cr_assert_eq(govinfo_report_set_source_sha256(r, NULL), GOVINFO_OK, "NULL unsets");
  govinfo_report_free(r);
}
