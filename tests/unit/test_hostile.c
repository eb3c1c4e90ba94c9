/* Hostile input (the outside audit of issue 12): deep nesting, invalid UTF-8 on long lines,
 * size limits, control characters, descriptors inherited by child processes. Each test
 * checks the outcome, never the time it takes (bench/ measures that). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "govinfo/batch.h"
#include "govinfo/import.h"
#include "helpers.h"

static char *repeated(const char *open, const char *close, size_t n, size_t *len) {
  size_t a = strlen(open), b = strlen(close);
  char *s = malloc(n * (a + b) + 1);
  cr_assert_not_null(s);
  for (size_t i = 0; i < n; i++) memcpy(s + i * a, open, a);
  for (size_t i = 0; i < n; i++) memcpy(s + n * a + i * b, close, b);
  *len = n * (a + b);
  s[*len] = '\0';
  return s;
}

static void expect_too_deep(const char *buf, size_t len, govinfo_syntax syntax) {
  govinfo_report *r = NULL;
  int rc = govinfo_report_parse(&r, buf, len, syntax, "deep");
  cr_assert_eq(rc, GOVINFO_EPARSE, "rc %d: %s", rc, govinfo_error_last()->message);
  cr_assert_null(r);
  cr_assert(strstr(govinfo_error_last()->message, "nested deeper than 64 levels"), "%s",
            govinfo_error_last()->message);
}

/* The audit's 40,000 and 1,000,000 levels (gen_yaml_deep.sh): an error, like JSON's. */
Test(hostile, yaml_deep_flow_stops_at_json_depth) {
  size_t sizes[] = {65, 40000, 1000000};
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    size_t len;
    char *s = repeated("[", "]", sizes[k], &len);
    expect_too_deep(s, len, GOVINFO_SYNTAX_YAML);
    free(s);
  }
  size_t len;
  char *s = repeated("[", "]", 40000, &len);
  expect_too_deep(s, len, GOVINFO_SYNTAX_JSON);
  free(s);
}

Test(hostile, yaml_deep_block_stops_too) {
  gi_buf b = {0};
  for (int i = 0; i < 70; i++) gi_buf_printf(&b, "%*sk:\n", i, "");
  gi_buf_printf(&b, "%*s1\n", 70, "");
  char *text;
  size_t len;
  cr_assert_eq(gi_buf_finish(&b, &text, &len), GOVINFO_OK);
  expect_too_deep(text, len, GOVINFO_SYNTAX_YAML);
  free(text);
}

/* 64 levels are still read (then refused as no report, not as too deep). */
Test(hostile, yaml_at_the_limit_is_read) {
  size_t len;
  char *s = repeated("[", "]", 63, &len);
  govinfo_report *r = NULL;
  int rc = govinfo_report_parse(&r, s, len, GOVINFO_SYNTAX_YAML, "deep");
  cr_assert_neq(rc, GOVINFO_OK);
  cr_assert_null(strstr(govinfo_error_last()->message, "nested deeper"), "%s",
                 govinfo_error_last()->message);
  free(s);
}

/* The first bad byte of a long line is found where it is (line, column, offset). */
Test(hostile, import_bad_utf8_long_line_position) {
  size_t n = 200000;
  char *s = malloc(n + 64);
  cr_assert_not_null(s);
  strcpy(s, "政府信息公开\nline two\n");
  size_t head = strlen(s);
  memset(s + head, 'a', n);
  memcpy(s + head + n, "\xFF tail\n", 7);
  size_t len = head + n + 7;
  govinfo_report *r = NULL;
  govinfo_diagnostics *d = NULL;
  int rc = govinfo_import(&r, &d, s, len, GOVINFO_INPUT_TEXT, "long.txt");
  cr_assert_eq(rc, GOVINFO_EPARSE);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_eq(e->line, 3);
  cr_assert_eq(e->column, n + 1);
  cr_assert_eq(e->offset, head + n);
  free(s);
}

/* ---- input size limits ---- */

static char *temp_file_of(size_t size) {
  static char path[64];
  snprintf(path, sizeof path, "/tmp/govinfo-hostile-XXXXXX");
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  char *zeros = calloc(1, size + 1);
  memset(zeros, 'x', size);
  cr_assert_eq(write(fd, zeros, size), (ssize_t)size);
  close(fd);
  free(zeros);
  return path;
}

static int import_limited(const char *path, size_t max, unsigned version) {
  govinfo_import_options opts;
  cr_assert_eq(govinfo_import_options_init(&opts, version), GOVINFO_OK);
  if (version >= 2) opts.max_input_bytes = max;
  govinfo_report *r = NULL;
  govinfo_diagnostics *d = NULL;
  int rc = govinfo_import_file_with(&r, &d, path, &opts);
  govinfo_report_free(r);
  govinfo_diagnostics_free(d);
  return rc;
}

static bool says_too_large(void) {
  return strstr(govinfo_error_last()->message, "input size limit") != NULL &&
         strstr(govinfo_error_last()->message, "max_input_bytes") != NULL;
}

Test(hostile, import_file_size_limit) {
  char *path = temp_file_of(1000);
  cr_assert_eq(import_limited(path, 999, 2), GOVINFO_EIO);
  cr_assert(says_too_large(), "%s", govinfo_error_last()->message);
  /* exactly the limit is read (and refused as no report, not as too large) */
  import_limited(path, 1000, 2);
  cr_assert_not(says_too_large(), "%s", govinfo_error_last()->message);
  /* version 1 callers know no limit field: the default applies */
  import_limited(path, 0, 1);
  cr_assert_not(says_too_large());
  unlink(path);
}

/* A stream without end (the audit: import /dev/zero never ended). */
Test(hostile, import_dev_zero_stops_at_limit) {
  cr_assert_eq(import_limited("/dev/zero", 1 << 20, 2), GOVINFO_EIO);
  cr_assert(says_too_large(), "%s", govinfo_error_last()->message);
}

Test(hostile, batch_uses_import_limit) {
  char *path = temp_file_of(5000);
  govinfo_import_options imp = GOVINFO_IMPORT_OPTIONS_INIT;
  imp.max_input_bytes = 4096;
  govinfo_batch_options bo = GOVINFO_BATCH_OPTIONS_INIT;
  bo.jobs = 1;
  bo.import = &imp;
  const char *inputs[] = {path};
  govinfo_batch *b;
  cr_assert_eq(govinfo_batch_new(&b, inputs, 1, &bo), GOVINFO_OK);
  govinfo_batch_item *item = NULL;
  cr_assert_eq(govinfo_batch_next(&item, b), GOVINFO_OK);
  cr_assert_not_null(item);
  cr_assert_eq(govinfo_batch_item_error(item)->code, GOVINFO_EIO);
  cr_assert(strstr(govinfo_batch_item_error(item)->message, "input size limit"));
  govinfo_batch_item_free(item);
  govinfo_batch_free(b);
  unlink(path);
}
