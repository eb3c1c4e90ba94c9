/* Export: the tidy rows (group roles above all), CSV quoting and forms, JSON Lines, SQLite
 * re-exports, and nothing left behind by an export that is not committed. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

static char dir[256];

static void make_dir(void) {
  snprintf(dir, sizeof dir, "/tmp/govinfo-export-XXXXXX");
  cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void) {
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  cr_assert_eq(system(cmd), 0);
}

static const char *in_dir(const char *name) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return path;
}

static size_t files_in_dir(void) {
  DIR *d = opendir(dir);
  size_t n = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) n += e->d_name[0] != '.';
  closedir(d);
  return n;
}

static size_t column_of(const char *name) {
  for (size_t k = 0; k < govinfo_rows_column_count(); k++)
    if (strcmp(govinfo_rows_column_name(k), name) == 0) return k;
  cr_assert_fail("no column %s", name);
  return 0;
}

/* The row of a cell id, or aborts. */
static size_t row_of(const govinfo_rows *rows, const char *cell_id) {
  size_t id = column_of("cell_id");
  for (size_t i = 0; i < govinfo_rows_count(rows); i++)
    if (strcmp(govinfo_rows_value(rows, i, id), cell_id) == 0) return i;
  cr_assert_fail("no row for %s", cell_id);
  return 0;
}

static const char *field(const govinfo_rows *rows, const char *cell_id, const char *column) {
  return govinfo_rows_value(rows, row_of(rows, cell_id), column_of(column));
}

Test(rows, the_columns_are_those_documented) {
  const char *want[] = {"source",       "organ",        "year",      "format",      "cell_id",
                        "table_id",     "row_id",       "column_id", "table_label", "row_label",
                        "column_label", "state",        "value",     "mark",        "group_role",
                        "source_line",  "source_column"};
  cr_assert_eq(govinfo_rows_column_count(), sizeof want / sizeof *want);
  for (size_t k = 0; k < sizeof want / sizeof *want; k++)
    cr_assert_str_eq(govinfo_rows_column_name(k), want[k]);
  cr_assert_null(govinfo_rows_column_name(99));
}

Test(rows, every_cell_of_the_format_has_a_row_with_its_state) {
  govinfo_report *r = test_load("examples/reports/huaian-2024.yaml");
  govinfo_rows *rows;
  cr_assert_eq(govinfo_report_rows(&rows, r, "corpus/a.yaml"), GOVINFO_OK);
  size_t cells = 0; /* every column of every non-heading row */
  const govinfo_format *f = govinfo_report_format(r);
  for (size_t t = 0; t < govinfo_format_table_count(f); t++) {
    const govinfo_table *tb = govinfo_format_table_at(f, t);
    for (size_t row = 0; row < govinfo_table_row_count(tb); row++)
      if (govinfo_row_role_of(govinfo_table_row_at(tb, row)) != GOVINFO_ROW_HEADING)
        cells += govinfo_table_column_count(tb);
  }
  cr_assert_eq(govinfo_rows_count(rows), cells);
  const char *id = "table3.new_received.natural_person";
  cr_assert_str_eq(field(rows, id, "source"), "corpus/a.yaml");
  cr_assert_str_eq(field(rows, id, "organ"), "淮安市人民政府");
  cr_assert_str_eq(field(rows, id, "year"), "2024");
  cr_assert_str_eq(field(rows, id, "state"), "number");
  cr_assert_str_eq(field(rows, id, "value"), "3001");
  cr_assert_null(field(rows, id, "mark"));
  cr_assert_str_eq(field(rows, id, "row_label"), "一、本年新收政府信息公开申请数量");
  cr_assert_str_eq(field(rows, id, "group_role"), "cell");
  cr_assert_neq(atoi(field(rows, id, "source_line")), 0);
  cr_assert_str_eq(field(rows, "table2_art20_8.admin_fees.fee_amount", "value"), "96171.6");
  cr_assert_str_eq(field(rows, "table3.denied.total", "group_role"), "group",
                   "a group printed through its sub-rows");
  govinfo_rows_free(rows);
  /* no source given: the file it was read from */
  cr_assert_eq(govinfo_report_rows(&rows, r, NULL), GOVINFO_OK);
  cr_assert_str_eq(govinfo_rows_value(rows, 0, column_of("source")), govinfo_report_origin(r));
  cr_assert_null(govinfo_rows_value(rows, govinfo_rows_count(rows), 0));
  govinfo_rows_free(rows);
  govinfo_report_free(r);
}

Test(rows, a_group_printed_as_one_figure_covers_its_sub_rows) {
  govinfo_report *r = test_load("tests/data/fixtures/huaian-hongze-2024.yaml");
  govinfo_rows *rows;
  cr_assert_eq(govinfo_report_rows(&rows, r, NULL), GOVINFO_OK);
  cr_assert_str_eq(field(rows, "table3.other_processing.total", "group_role"), "group_figure");
  cr_assert_str_eq(field(rows, "table3.other_processing.total", "state"), "number");
  cr_assert_str_eq(field(rows, "table3.other_overdue_no_correction.total", "group_role"),
                   "covered_by_group");
  cr_assert_str_eq(field(rows, "table3.other_overdue_no_correction.total", "state"), "absent");
  /* the sum of "cell" and "group_figure" numbers of table 3's results equals its total */
  long long sum = 0;
  size_t table = column_of("table_id"), column = column_of("column_id"),
         role = column_of("group_role"), value = column_of("value"), row = column_of("row_id");
  for (size_t i = 0; i < govinfo_rows_count(rows); i++) {
    const char *v = govinfo_rows_value(rows, i, value);
    const char *g = govinfo_rows_value(rows, i, role);
    const char *rid = govinfo_rows_value(rows, i, row);
    if (v && strcmp(govinfo_rows_value(rows, i, table), "table3") == 0 &&
        strcmp(govinfo_rows_value(rows, i, column), "total") == 0 &&
        (strcmp(g, "cell") == 0 || strcmp(g, "group_figure") == 0) &&
        strcmp(rid, "new_received") != 0 && strcmp(rid, "carried_over") != 0 &&
        strcmp(rid, "result_total") != 0 && strcmp(rid, "carry_forward") != 0)
      sum += atoll(v);
  }
  int64_t total;
  cr_assert_eq(govinfo_report_get_int(r, "table3.result_total.total", &total), GOVINFO_OK);
  cr_assert_eq(sum, total, "the results add up to their total: %lld vs %lld", sum,
               (long long)total);
  govinfo_rows_free(rows);
  govinfo_report_free(r);
}

/* ---- CSV ---- */

static char *export_csv(govinfo_report *r, unsigned flags, const char *name) {
  govinfo_export_options opts = GOVINFO_EXPORT_OPTIONS_INIT;
  opts.flags = flags;
  govinfo_exporter *ex;
  cr_assert_eq(govinfo_exporter_open(&ex, in_dir(name), &opts), GOVINFO_OK, "%s",
               govinfo_error_last()->message);
  int written;
  cr_assert_eq(govinfo_exporter_add(ex, r, NULL, "a,\"b\".yaml", NULL, &written), GOVINFO_OK);
  cr_assert_eq(written, 1);
  cr_assert_eq(govinfo_exporter_commit(ex), GOVINFO_OK);
  govinfo_exporter_free(ex);
  size_t len;
  return test_read_file(in_dir(name), &len);
}

static govinfo_report *awkward_report(void) {
  govinfo_report *r = test_load("examples/reports/huaian-2024.yaml");
  test_put_meta(r, GI_META_ORGAN, "某县\"人民\",政府\n办公室"); /* as a file may hold it */
  cr_assert_eq(govinfo_report_set_mark(r, "table3.new_received.research", "无,见\"说明\""),
               GOVINFO_OK);
  return r;
}

Test(csv, fields_are_quoted_as_rfc_4180_says, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = awkward_report();
  char *csv = export_csv(r, 0, "tidy.csv");
  cr_assert(strncmp(csv, "source,organ,year,format,cell_id,", 33) == 0, "the header first");
  cr_assert_not_null(
      strstr(csv, "\r\n\"a,\"\"b\"\".yaml\",\"某县\"\"人民\"\",政府\n办公室\",2024,"));
  cr_assert_not_null(strstr(csv, ",mark,,\"无,见\"\"说明\"\"\",cell,"), "a mark with , and \"");
  cr_assert_not_null(strstr(csv, "table3.new_received.natural_person,table3,new_received,"
                                 "natural_person,"));
  cr_assert(csv[0] != '\xEF', "no BOM unless asked");
  free(csv);
  govinfo_report_free(r);
}

Test(csv, a_bom_when_asked, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = test_load("examples/reports/suibin-2020.yaml");
  char *csv = export_csv(r, GOVINFO_EXPORT_BOM, "bom.csv");
  cr_assert(strncmp(csv, "\xEF\xBB\xBFsource,organ,", 16) == 0);
  free(csv);
  govinfo_report_free(r);
}

Test(csv, wide_has_a_row_per_report_and_labels_when_asked, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = awkward_report();
  char *csv = export_csv(r, GOVINFO_EXPORT_WIDE | GOVINFO_EXPORT_LABELS, "wide.csv");
  cr_assert(strncmp(csv, "source,organ,year,format,title,published,", 41) == 0);
  char *second = strstr(csv, "\r\n") + 2;
  cr_assert(strncmp(second, "来源文件,发布机关,年度,格式版本,标题,发布日期,", 58) == 0, "%.80s",
            second);
  cr_assert_not_null(strstr(second, ",第二十条第（一）项 / 规章 / 本年制发件数,"),
                     "labels as table / row / column");
  size_t lines = 0;
  for (const char *p = csv; *p; p++) lines += *p == '\n';
  cr_assert_eq(lines, 2 + 1 + 1, "two header rows, one report (its organ holds a line break)");
  /* the columns of both formats: 2019's (本年增/减) and 2021's */
  cr_assert_not_null(strstr(csv, ",table3.new_received.natural_person,"));
  free(csv);
  csv = export_csv(r, GOVINFO_EXPORT_WIDE, "plain.csv");
  lines = 0;
  for (const char *p = csv; *p; p++) lines += *p == '\n';
  cr_assert_eq(lines, 1 + 2, "no labels row");
  free(csv);
  govinfo_report_free(r);
}

Test(export, nothing_is_left_behind_without_a_commit, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = test_load("examples/reports/suibin-2020.yaml");
  const char *names[] = {"a.csv", "a.jsonl"};
  for (size_t i = 0; i < 2; i++) {
    govinfo_exporter *ex;
    cr_assert_eq(govinfo_exporter_open(&ex, in_dir(names[i]), NULL), GOVINFO_OK);
    cr_assert_eq(govinfo_exporter_add(ex, r, NULL, NULL, NULL, NULL), GOVINFO_OK);
    govinfo_exporter_free(ex);
    cr_assert_eq(files_in_dir(), 0, "%s: no file, no temporary file", names[i]);
  }
  govinfo_report_free(r);
}

Test(export, jsonl_is_one_line_per_report_with_exact_numbers, .init = make_dir,
     .fini = remove_dir) {
  govinfo_report *r = test_load("examples/reports/huaian-2024.yaml");
  govinfo_exporter *ex;
  cr_assert_eq(govinfo_exporter_open(&ex, in_dir("a.jsonl"), NULL), GOVINFO_OK);
  govinfo_diagnostics *d;
  cr_assert_eq(govinfo_report_validate(&d, r), GOVINFO_OK);
  for (int i = 0; i < 3; i++)
    cr_assert_eq(govinfo_exporter_add(ex, r, d, NULL, NULL, NULL), GOVINFO_OK);
  cr_assert_eq(govinfo_exporter_commit(ex), GOVINFO_OK);
  govinfo_exporter_free(ex);
  govinfo_diagnostics_free(d);
  size_t len;
  char *text = test_read_file(in_dir("a.jsonl"), &len);
  size_t lines = 0;
  for (const char *p = text; *p; p++) lines += *p == '\n';
  cr_assert_eq(lines, 3);
  cr_assert(strncmp(text, "{\"source\":\"", 11) == 0);
  cr_assert_not_null(strstr(text, "\"valid\":true,\"errors\":0,"));
  cr_assert_not_null(strstr(text, "\"fee_amount\":96171.6"));
  free(text);
  govinfo_report_free(r);
}

Test(export, bad_options) {
  govinfo_exporter *ex;
  cr_assert_eq(govinfo_exporter_open(&ex, "/tmp/x.unknown", NULL), GOVINFO_EINVAL);
  govinfo_export_options opts;
  cr_assert_eq(govinfo_export_options_init(&opts, 0), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_export_options_init(&opts, GOVINFO_EXPORT_OPTIONS_VERSION), GOVINFO_OK);
  opts.flags = 0x100;
  cr_assert_eq(govinfo_exporter_open(&ex, "/tmp/x.csv", &opts), GOVINFO_EINVAL);
  opts.flags = 0;
  opts.format = GOVINFO_EXPORT_SQLITE;
  cr_assert_eq(govinfo_exporter_open(&ex, "-", &opts), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_export_format_from_path("a.SQLite"), GOVINFO_EXPORT_SQLITE);
  cr_assert_eq(govinfo_export_format_from_path("a.ndjson"), GOVINFO_EXPORT_JSONL);
  cr_assert_eq(govinfo_export_format_from_path("a.txt"), 0);
  govinfo_exporter_free(NULL);
  govinfo_rows_free(NULL);
}

/* ---- SQLite ---- */

static int add_to_db(const char *db, govinfo_report *r, const char *sha) {
  govinfo_exporter *ex;
  cr_assert_eq(govinfo_exporter_open(&ex, db, NULL), GOVINFO_OK, "%s",
               govinfo_error_last()->message);
  int written = -1;
  cr_assert_eq(govinfo_exporter_add(ex, r, NULL, "corpus/a.yaml", sha, &written), GOVINFO_OK, "%s",
               govinfo_error_last()->message);
  cr_assert_eq(govinfo_exporter_commit(ex), GOVINFO_OK);
  govinfo_exporter_free(ex);
  return written;
}

Test(sqlite, the_same_hash_is_skipped_and_another_replaces, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = test_load("examples/reports/huaian-2024.yaml");
  char db[512], out_path[512];
  snprintf(db, sizeof db, "%s", in_dir("c.db"));
  snprintf(out_path, sizeof out_path, "%s", in_dir("out.txt"));
  const char *one = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  const char *two = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  cr_assert_eq(add_to_db(db, r, one), 1);
  cr_assert_eq(add_to_db(db, r, one), 0, "unchanged: skipped");
  cr_assert_eq(add_to_db(db, r, two), 1, "changed: replaced");
  char cmd[1400];
  snprintf(cmd, sizeof cmd,
           "sqlite3 '%s' \"SELECT COUNT(*), MAX(sha256) FROM reports; SELECT COUNT(*) FROM cells "
           "WHERE cell_id = 'table3.new_received.total';\" > '%s'",
           db, out_path);
  cr_assert_eq(system(cmd), 0);
  size_t len;
  char *out = test_read_file(out_path, &len);
  char want[200];
  snprintf(want, sizeof want, "1|%s\n1\n", two);
  cr_assert_str_eq(out, want, "one report, its cells once");
  free(out);
  govinfo_report_free(r);
}
