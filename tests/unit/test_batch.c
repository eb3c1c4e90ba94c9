/* The batch runner: expansion of inputs, order for any number of threads, failures kept in
 * their items, reports handed over. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "util/sha256.h"

static char tree[256];

static void write_text(const char *relative, const char *data, size_t len) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tree, relative);
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f, "%s", path);
  cr_assert_eq(fwrite(data, 1, len, f), len);
  fclose(f);
}

static void make_dir(const char *relative) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", tree, relative);
  cr_assert_eq(mkdir(path, 0755), 0, "%s", path);
}

/* A tree of 40 reports in nested folders, some broken, plus files that are no reports. */
static void make_tree(void) {
  snprintf(tree, sizeof tree, "/tmp/govinfo-batch-XXXXXX");
  cr_assert_not_null(mkdtemp(tree));
  size_t len;
  char *suibin = test_read_file(test_source_path("examples/reports/suibin-2020.yaml"), &len);
  make_dir("b");
  make_dir("b/deep");
  make_dir(".hidden");
  for (int i = 0; i < 40; i++) {
    char name[64];
    const char *folder = i % 3 == 0 ? "" : i % 3 == 1 ? "b/" : "b/deep/";
    snprintf(name, sizeof name, "%sr%02d.yaml", folder, i);
    if (i % 7 == 3) write_text(name, "format: \"2021\"\nyear: [", 22); /* malformed */
    else write_text(name, suibin, len);
  }
  write_text("notes.txt", "not a report", 12);
  write_text(".hidden/r.yaml", suibin, len);
  write_text("noext", suibin, len); /* recognised by content */
  free(suibin);
}

static void remove_tree(void) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tree);
  cr_assert_eq(system(cmd), 0);
}

/* "relative status errors sha" per item, one line each. */
static char *run(const char *const *inputs, size_t n, unsigned jobs, size_t window) {
  govinfo_batch_options opts = GOVINFO_BATCH_OPTIONS_INIT;
  opts.jobs = jobs;
  opts.window = window;
  opts.flags = GOVINFO_BATCH_VALIDATE | GOVINFO_BATCH_SHA256;
  govinfo_batch *batch;
  cr_assert_eq(govinfo_batch_new(&batch, inputs, n, &opts), GOVINFO_OK);
  gi_buf out = {0};
  govinfo_batch_item *item;
  size_t expected_index = 0;
  while (govinfo_batch_next(&item, batch) == GOVINFO_OK && item) {
    cr_assert_eq(govinfo_batch_item_index(item), expected_index++);
    const govinfo_diagnostics *d = govinfo_batch_item_findings(item);
    gi_buf_printf(&out, "%s %d %zu %s %u\n", govinfo_batch_item_relative_path(item),
                  govinfo_batch_item_status(item), d ? govinfo_diagnostics_count(d) : 0,
                  govinfo_batch_item_sha256(item), govinfo_batch_item_error(item)->line);
    govinfo_batch_item_free(item);
  }
  cr_assert_eq(expected_index, govinfo_batch_total(batch));
  govinfo_batch_free(batch);
  char *text;
  size_t len;
  cr_assert_eq(gi_buf_finish(&out, &text, &len), GOVINFO_OK);
  return text;
}

Test(batch, results_come_in_input_order_for_any_number_of_threads, .init = make_tree,
     .fini = remove_tree) {
  const char *inputs[] = {tree};
  char *one = run(inputs, 1, 1, 0);
  for (unsigned jobs = 2; jobs <= 8; jobs *= 2)
    for (size_t window = 1; window <= 64; window *= 8) {
      char *many = run(inputs, 1, jobs, window);
      cr_assert_str_eq(many, one, "jobs %u, window %zu", jobs, window);
      free(many);
    }
  /* sorted by name, depth first; hidden folders and other files left out */
  cr_assert(strncmp(one, "b/deep/r02.yaml 0 ", 18) == 0, "%s", one);
  cr_assert_not_null(strstr(one, "\nnoext 0 "), "no extension: recognised by content");
  cr_assert_null(strstr(one, "notes.txt"));
  cr_assert_null(strstr(one, ".hidden"));
  size_t lines = 0;
  for (const char *p = one; *p; p++) lines += *p == '\n';
  cr_assert_eq(lines, 41);
  free(one);
}

Test(batch, a_failure_is_an_item_with_its_error_and_the_batch_goes_on, .init = make_tree,
     .fini = remove_tree) {
  char missing[300], broken[300], good[300];
  snprintf(missing, sizeof missing, "%s/no-such.yaml", tree);
  snprintf(broken, sizeof broken, "%s/r03.yaml", tree);
  snprintf(good, sizeof good, "%s/r00.yaml", tree);
  const char *inputs[] = {missing, broken, good};
  govinfo_batch *batch;
  cr_assert_eq(govinfo_batch_new(&batch, inputs, 3, NULL), GOVINFO_OK);
  cr_assert_eq(govinfo_batch_total(batch), 3);
  govinfo_batch_item *item;
  cr_assert_eq(govinfo_batch_next(&item, batch), GOVINFO_OK);
  cr_assert_eq(govinfo_batch_item_status(item), GOVINFO_EIO);
  cr_assert_not_null(strstr(govinfo_batch_item_error(item)->message, "no-such.yaml"));
  cr_assert_null(govinfo_batch_item_report(item));
  cr_assert_str_eq(govinfo_batch_item_sha256(item), "");
  govinfo_batch_item_free(item);
  cr_assert_eq(govinfo_batch_next(&item, batch), GOVINFO_OK);
  cr_assert_eq(govinfo_batch_item_status(item), GOVINFO_EPARSE);
  const govinfo_error *e = govinfo_batch_item_error(item);
  cr_assert_eq(e->code, GOVINFO_EPARSE);
  cr_assert_gt(e->line, 0, "the worker's error details are copied");
  char *line, *same;
  cr_assert_eq(govinfo_error_format(&line, NULL, e, govinfo_batch_item_name(item), 0), GOVINFO_OK);
  cr_assert(strncmp(line, broken, strlen(broken)) == 0, "%s", line);
  cr_assert_eq(govinfo_batch_item_format_error(&same, NULL, item, 0), GOVINFO_OK);
  cr_assert_str_eq(same, line);
  govinfo_free(same);
  govinfo_free(line);
  govinfo_batch_item_free(item);
  cr_assert_eq(govinfo_batch_next(&item, batch), GOVINFO_OK);
  cr_assert_eq(govinfo_batch_item_status(item), GOVINFO_OK);
  cr_assert_str_eq(govinfo_batch_item_relative_path(item), "r00.yaml");
  cr_assert_null(govinfo_batch_item_findings(item), "not asked to validate");
  char *none = NULL;
  cr_assert_eq(govinfo_batch_item_format_error(&none, NULL, item, 0), GOVINFO_ENOTFOUND);
  cr_assert_null(none);
  govinfo_report *report;
  cr_assert_eq(govinfo_batch_item_take_report(&report, item), GOVINFO_OK);
  cr_assert_null(govinfo_batch_item_report(item), "stolen");
  cr_assert_eq(govinfo_batch_item_take_report(&report, item), GOVINFO_ENOTFOUND);
  govinfo_batch_item_free(item);
  cr_assert_eq(govinfo_report_year(report), 2020);
  govinfo_report_free(report);
  cr_assert_eq(govinfo_batch_next(&item, batch), GOVINFO_OK);
  cr_assert_null(item, "the end");
  govinfo_batch_free(batch);
}

Test(batch, the_hash_is_that_of_the_bytes_read) {
  const char *path = test_source_path("examples/reports/huaian-2024.yaml");
  size_t len;
  char *bytes = test_read_file(path, &len);
  char want[GI_SHA256_HEX_SIZE];
  gi_sha256_hex(bytes, len, want);
  free(bytes);
  const char *inputs[] = {path};
  govinfo_batch *batch;
  cr_assert_eq(govinfo_batch_new(&batch, inputs, 1, NULL), GOVINFO_OK);
  govinfo_batch_item *item;
  cr_assert_eq(govinfo_batch_next(&item, batch), GOVINFO_OK);
  cr_assert_str_eq(govinfo_batch_item_sha256(item), "", "not asked for");
  govinfo_batch_item_free(item);
  govinfo_batch_free(batch);
  govinfo_batch_options opts = GOVINFO_BATCH_OPTIONS_INIT;
  opts.flags = GOVINFO_BATCH_SHA256;
  cr_assert_eq(govinfo_batch_new(&batch, inputs, 1, &opts), GOVINFO_OK);
  cr_assert_eq(govinfo_batch_next(&item, batch), GOVINFO_OK);
  cr_assert_str_eq(govinfo_batch_item_sha256(item), want);
  cr_assert_str_eq(govinfo_batch_item_relative_path(item), "huaian-2024.yaml");
  govinfo_batch_item_free(item);
  govinfo_batch_free(batch);
}

Test(batch, import_reads_published_reports_and_records_their_findings) {
  const char *inputs[] = {test_source_path("tests/data/fixtures/suibin-2020.txt")};
  govinfo_batch_options opts = GOVINFO_BATCH_OPTIONS_INIT;
  opts.action = GOVINFO_BATCH_IMPORT;
  opts.flags = GOVINFO_BATCH_VALIDATE;
  govinfo_batch *batch;
  cr_assert_eq(govinfo_batch_new(&batch, inputs, 1, &opts), GOVINFO_OK);
  govinfo_batch_item *item;
  cr_assert_eq(govinfo_batch_next(&item, batch), GOVINFO_OK);
  cr_assert_eq(govinfo_batch_item_status(item), GOVINFO_OK, "%s",
               govinfo_batch_item_error(item)->message);
  cr_assert_not_null(govinfo_batch_item_import_findings(item));
  cr_assert_not_null(govinfo_batch_item_findings(item));
  cr_assert_str_eq(govinfo_batch_item_sha256(item),
                   govinfo_report_source_sha256(govinfo_batch_item_report(item)));
  govinfo_batch_item_free(item);
  govinfo_batch_free(batch);
}

Test(batch, freeing_a_batch_before_its_end_stops_the_workers, .init = make_tree,
     .fini = remove_tree) {
  const char *inputs[] = {tree, tree, tree};
  govinfo_batch_options opts = GOVINFO_BATCH_OPTIONS_INIT;
  opts.jobs = 4;
  opts.window = 3;
  govinfo_batch *batch;
  cr_assert_eq(govinfo_batch_new(&batch, inputs, 3, &opts), GOVINFO_OK);
  cr_assert_eq(govinfo_batch_total(batch), 123);
  govinfo_batch_item *item;
  cr_assert_eq(govinfo_batch_next(&item, batch), GOVINFO_OK);
  govinfo_batch_item_free(item);
  govinfo_batch_free(batch); /* no hang, no leak (valgrind) */
}

Test(batch, bad_arguments_and_options) {
  govinfo_batch *batch;
  const char *twice[] = {"-", "-"};
  cr_assert_eq(govinfo_batch_new(&batch, twice, 2, NULL), GOVINFO_EINVAL);
  cr_assert_null(batch);
  govinfo_batch_options opts;
  cr_assert_eq(govinfo_batch_options_init(&opts, 99), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_batch_options_init(&opts, GOVINFO_BATCH_OPTIONS_VERSION), GOVINFO_OK);
  opts.flags = 0x80;
  cr_assert_eq(govinfo_batch_new(&batch, twice, 1, &opts), GOVINFO_EINVAL);
  opts.flags = 0;
  opts.action = (govinfo_batch_action)7;
  cr_assert_eq(govinfo_batch_new(&batch, twice, 1, &opts), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_batch_new(&batch, NULL, 0, NULL), GOVINFO_OK, "an empty batch is fine");
  cr_assert_eq(govinfo_batch_total(batch), 0);
  govinfo_batch_item *item = (govinfo_batch_item *)1;
  cr_assert_eq(govinfo_batch_next(&item, batch), GOVINFO_OK);
  cr_assert_null(item);
  govinfo_batch_free(batch);
  govinfo_batch_free(NULL);
  govinfo_batch_item_free(NULL);
}
