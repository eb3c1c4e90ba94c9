#include "helpers.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

const char *test_source_path(const char *relative) {
  static char path[4096];
  const char *root = getenv("GOVINFO_SOURCE_ROOT");
  snprintf(path, sizeof path, "%s/%s", root ? root : ".", relative);
  return path;
}

char *test_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  cr_assert_not_null(f, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  cr_assert_not_null(buf);
  cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
  buf[n] = '\0';
  fclose(f);
  if (len) *len = (size_t)n;
  return buf;
}

govinfo_report *test_load(const char *relative) {
  govinfo_report *r = NULL;
  int rc = govinfo_report_load(&r, test_source_path(relative), GOVINFO_SYNTAX_AUTO);
  cr_assert_eq(rc, 0, "loading %s: %s (%s:%u:%u %s)", relative, govinfo_error_last()->message,
               govinfo_error_last()->source, govinfo_error_last()->line,
               govinfo_error_last()->column, govinfo_error_last()->path);
  return r;
}

void test_zero_every_data_cell(govinfo_report *r) {
  const govinfo_format *f = govinfo_report_format(r);
  for (size_t t = 0; t < govinfo_format_table_count(f); t++) {
    const govinfo_table *tb = govinfo_format_table_at(f, t);
    for (size_t row = 0; row < govinfo_table_row_count(tb); row++) {
      const govinfo_row *rw = govinfo_table_row_at(tb, row);
      if (govinfo_row_role_of(rw) != GOVINFO_ROW_DATA) continue;
      for (size_t c = 0; c < govinfo_table_column_count(tb); c++) {
        char id[256];
        snprintf(id, sizeof id, "%s.%s.%s", govinfo_table_id(tb), govinfo_row_id(rw),
                 govinfo_column_id(govinfo_table_column_at(tb, c)));
        cr_assert_eq(govinfo_report_set_int(r, id, 0), 0, "%s: %s", id,
                     govinfo_error_last()->message);
      }
    }
  }
}

void test_describe_findings(const govinfo_diagnostics *d, char *buf, size_t size) {
  size_t n = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < govinfo_diagnostics_count(d) && n + 1 < size; i++) {
    const govinfo_diagnostic *x = govinfo_diagnostics_at(d, i);
    n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? "\n" : "", govinfo_diagnostic_rule(x));
    for (size_t k = 0; k < govinfo_diagnostic_path_count(x) && n + 1 < size; k++)
      n += (size_t)snprintf(buf + n, size - n, " %s", govinfo_diagnostic_path_at(x, k));
  }
}

static uint64_t rng_state; /* each Criterion test runs in a process of its own */

void test_random_seed(uint64_t seed) { rng_state = seed ? seed : 1; }

size_t test_random_below(size_t n) {
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return n ? (size_t)((rng_state * UINT64_C(2685821657736338717)) % n) : 0;
}

void test_put_meta(govinfo_report *r, gi_meta which, const char *value) {
  char *copy = gi_strdup(value);
  cr_assert_not_null(copy);
  cr_assert_eq(gi_report_take_meta(r, which, copy), GOVINFO_OK);
}

void test_put_section(govinfo_report *r, const char *id, const char *title, const char *text) {
  long def = gi_section_index(r->format, id, strlen(id));
  cr_assert_geq(def, 0, "%s", id);
  char *t = title ? gi_strdup(title) : NULL, *x = gi_strdup(text);
  cr_assert(x != NULL && (title == NULL || t != NULL));
  cr_assert_eq(gi_report_take_section(r, (size_t)def, t, x, (gi_loc){0, 0}), GOVINFO_OK);
}

void test_put_mark(govinfo_report *r, const char *cell_id, const char *mark) {
  size_t table, row, column;
  cr_assert_eq(gi_cell_resolve(r->format, cell_id, &table, &row, &column), GOVINFO_OK, "%s",
               cell_id);
  char *copy = gi_strdup(mark);
  cr_assert_not_null(copy);
  gi_cell_take_mark(gi_report_cell(r, table, row, column), copy);
}
