/* Render: the layout model of tables 二/三/四 in both format versions, the options, the
 * renderers' arguments and failures, and findings on the page. The round trips through the
 * importer and the page in a browser are in tests/render. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "render/layout.h"

static gi_layout layout_of(const govinfo_report *r) {
  gi_layout l;
  cr_assert_eq(gi_layout_build(&l, r), GOVINFO_OK);
  return l;
}

/* Every grid row covers the grid's width once its spans are counted. */
static void assert_rectangular(const gi_layout_grid *g) {
  unsigned *width = calloc(g->nrows, sizeof *width);
  for (size_t i = 0; i < g->ncells; i++)
    for (unsigned k = 0; k < g->cells[i].rowspan; k++)
      width[g->cells[i].grid_row + k] += g->cells[i].colspan;
  for (unsigned r = 0; r < g->nrows; r++)
    cr_assert_eq(width[r], g->ncols, "row %u of %s is %u wide, not %u", r, g->section, width[r],
                 g->ncols);
  free(width);
}

static const gi_layout_cell *find_label(const gi_layout_grid *g, const char *text) {
  for (size_t i = 0; i < g->ncells; i++)
    if (!gi_layout_is_value(&g->cells[i]) && strcmp(g->cells[i].text, text) == 0)
      return &g->cells[i];
  return NULL;
}

Test(render, layout_2021) {
  govinfo_report *r = test_load("examples/reports/huaian-2024.yaml");
  gi_layout l = layout_of(r);
  cr_assert_eq(l.ngrids, 3);
  const gi_layout_grid *t2 = gi_layout_grid_for(&l, "s2"), *t3 = gi_layout_grid_for(&l, "s3"),
                       *t4 = gi_layout_grid_for(&l, "s4");
  cr_assert(t2 && t3 && t4);
  cr_assert_eq(t2->ncols, 4);
  cr_assert_eq(t2->nrows, 14);
  cr_assert_eq(t3->ncols, 10);
  cr_assert_eq(t3->nrows, 28);
  cr_assert_eq(t3->header_rows, 3);
  cr_assert_eq(t4->ncols, 15);
  cr_assert_eq(t4->nrows, 4);
  for (size_t i = 0; i < l.ngrids; i++) assert_rectangular(&l.grids[i]);
  const gi_layout_cell *c = find_label(t3, "申请人情况");
  cr_assert(c && c->colspan == 7 && c->grid_col == 3 && c->header);
  c = find_label(t3, "法人或其他组织");
  cr_assert(c && c->colspan == 5 && c->grid_row == 1 && c->grid_col == 4);
  c = find_label(t3, "三、本年度办理结果");
  cr_assert(c && c->rowspan == 22 && c->grid_col == 0);
  c = find_label(t3, "（三）不予公开");
  cr_assert(c && c->rowspan == 8 && c->grid_col == 1);
  c = find_label(t4, "行政诉讼");
  cr_assert(c && c->colspan == 10);
  c = find_label(t4, "复议后起诉");
  cr_assert(c && c->colspan == 5 && c->grid_col == 10);
  c = find_label(t2, "本年处理决定数量"); /* one value column spans the rest */
  cr_assert(c && c->colspan == 3);
  gi_layout_free(&l);
  govinfo_report_free(r);
}

Test(render, layout_2019) {
  govinfo_report *r = test_load("examples/reports/suibin-2020.yaml");
  gi_layout l = layout_of(r);
  const gi_layout_grid *t2 = gi_layout_grid_for(&l, "s2"), *t3 = gi_layout_grid_for(&l, "s3");
  cr_assert_eq(t2->nrows, 18);
  cr_assert_eq(t3->nrows, 26);
  for (size_t i = 0; i < l.ngrids; i++) assert_rectangular(&l.grids[i]);
  /* （六）其他处理 is a row of its own in 2019, beside 三、本年度办理结果 */
  const gi_layout_cell *c = find_label(t3, "（六）其他处理");
  cr_assert(c && c->colspan == 2 && c->grid_col == 1);
  gi_layout_free(&l);
  govinfo_report_free(r);
}

Test(render, layout_of_a_group_printed_as_one_row) {
  /* Hongze 2023 prints （六）其他处理 as one figure: the group row, without its sub-rows */
  govinfo_report *r = test_load("tests/data/fixtures/huaian-hongze-2023.yaml");
  gi_layout l = layout_of(r);
  const gi_layout_grid *t3 = gi_layout_grid_for(&l, "s3");
  const gi_layout_cell *c = find_label(t3, "（六）其他处理");
  cr_assert(c && c->rowspan == 1 && c->colspan == 2);
  cr_assert_null(find_label(t3, "3.其他"));
  assert_rectangular(t3);
  gi_layout_free(&l);
  govinfo_report_free(r);
}

Test(render, layout_of_an_empty_report_prints_every_data_row) {
  govinfo_report *r;
  cr_assert_eq(govinfo_report_new(&r, "2021"), GOVINFO_OK);
  gi_layout l = layout_of(r);
  cr_assert_eq(gi_layout_grid_for(&l, "s3")->nrows, 3 + 25); /* data rows of 2021 */
  cr_assert_eq(gi_layout_grid_for(&l, "s2")->nrows, 14);
  gi_layout_free(&l);
  govinfo_report_free(r);
}

Test(render, options) {
  govinfo_render_options o;
  cr_assert_eq(govinfo_render_options_init(&o, GOVINFO_RENDER_OPTIONS_VERSION), GOVINFO_OK);
  cr_assert_eq(o.format, GOVINFO_RENDER_HTML);
  cr_assert_eq(o.flags, 0);
  cr_assert_null(o.findings);
  cr_assert_eq(govinfo_render_options_init(&o, 0), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_render_options_init(&o, 2), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_render_options_init(NULL, 1), GOVINFO_EINVAL);
}

Test(render, bad_arguments) {
  govinfo_report *r = test_load("examples/reports/suibin-2020.yaml");
  char *out = (char *)1;
  cr_assert_eq(govinfo_report_render(&out, NULL, NULL, NULL), GOVINFO_EINVAL);
  cr_assert_null(out);
  cr_assert_eq(govinfo_report_render(NULL, NULL, r, NULL), GOVINFO_EINVAL);
  govinfo_render_options o = GOVINFO_RENDER_OPTIONS_INIT;
  o.format = GOVINFO_RENDER_XLSX;
  cr_assert_eq(govinfo_report_render(&out, NULL, r, &o), GOVINFO_EINVAL);
  cr_assert(strstr(govinfo_error_last()->message, "govinfo_report_render_file"));
  o.format = (govinfo_render_format)9;
  cr_assert_eq(govinfo_report_render(&out, NULL, r, &o), GOVINFO_EINVAL);
  o.format = GOVINFO_RENDER_HTML;
  o.version = 7;
  cr_assert_eq(govinfo_report_render(&out, NULL, r, &o), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_render_file(NULL, r, NULL), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_render_file("x.html", NULL, NULL), GOVINFO_EINVAL);
  govinfo_report_free(r);
}

Test(render, defaults_are_html_with_findings) {
  govinfo_report *r = test_load("examples/reports/huaian-2024.yaml");
  cr_assert_eq(govinfo_report_set_int(r, "table3.granted.research", 5), GOVINFO_OK);
  char *page;
  size_t len;
  cr_assert_eq(govinfo_report_render(&page, &len, r, NULL), GOVINFO_OK);
  cr_assert_eq(strlen(page), len);
  cr_assert(strncmp(page, "<!DOCTYPE html>", 15) == 0);
  cr_assert(strstr(page, "<td class=\"number error\" title=\""));
  cr_assert(strstr(page, "[table3.row_total]"));
  cr_assert(strstr(page, "<section class=\"findings\">"));
  govinfo_free(page);
  govinfo_render_options o = GOVINFO_RENDER_OPTIONS_INIT;
  o.flags = GOVINFO_RENDER_NO_FINDINGS;
  cr_assert_eq(govinfo_report_render(&page, NULL, r, &o), GOVINFO_OK);
  cr_assert_null(strstr(page, "number error"));
  cr_assert_null(strstr(page, "class=\"findings\""));
  govinfo_free(page);
  govinfo_report_free(r);
}

Test(render, caller_findings_are_shown_not_the_reports) {
  /* the caller's list (e.g. filtered by suppressions): an empty one shows no finding */
  govinfo_report *r = test_load("examples/reports/huaian-2024.yaml");
  cr_assert_eq(govinfo_report_set_int(r, "table3.granted.research", 5), GOVINFO_OK);
  govinfo_report *clean = test_load("examples/reports/huaian-2024.yaml");
  govinfo_diagnostics *none;
  govinfo_validate_options v = GOVINFO_VALIDATE_OPTIONS_INIT;
  const char *const undated[] = {"meta.published_missing", NULL}; /* 淮安 prints no date */
  v.disable = undated;
  cr_assert_eq(govinfo_report_validate_with(&none, clean, &v), GOVINFO_OK);
  cr_assert_eq(govinfo_diagnostics_count(none), 0);
  govinfo_render_options o = GOVINFO_RENDER_OPTIONS_INIT;
  o.findings = none;
  char *page;
  cr_assert_eq(govinfo_report_render(&page, NULL, r, &o), GOVINFO_OK);
  cr_assert_null(strstr(page, "number error"));
  cr_assert(strstr(page, "未发现问题"));
  govinfo_free(page);
  govinfo_diagnostics_free(none);
  govinfo_report_free(clean);
  govinfo_report_free(r);
}

Test(render, markdown_escapes_nothing_into_tables) {
  govinfo_report *r = test_load("examples/reports/suibin-2020.yaml");
  cr_assert_eq(govinfo_report_set_mark(r, "table3.granted.research", "<b>&"), GOVINFO_OK);
  govinfo_render_options o = GOVINFO_RENDER_OPTIONS_INIT;
  o.format = GOVINFO_RENDER_MARKDOWN;
  o.flags = GOVINFO_RENDER_NO_FINDINGS;
  char *md;
  cr_assert_eq(govinfo_report_render(&md, NULL, r, &o), GOVINFO_OK);
  cr_assert(strstr(md, "&lt;b&gt;&amp;"));
  cr_assert_null(strstr(md, "<b>&"));
  govinfo_free(md);
  govinfo_report_free(r);
}

Test(render, failed_file_leaves_nothing) {
  char dir[] = "/tmp/govinfo-render-XXXXXX";
  cr_assert_not_null(mkdtemp(dir));
  char path[300];
  snprintf(path, sizeof path, "%s/no/such/dir/r.xlsx", dir);
  govinfo_report *r = test_load("examples/reports/suibin-2020.yaml");
  govinfo_render_options o = GOVINFO_RENDER_OPTIONS_INIT;
  o.format = GOVINFO_RENDER_XLSX;
  int rc = govinfo_report_render_file(path, r, &o);
  bool have_xlsx = !(rc == GOVINFO_EINVAL && strstr(govinfo_error_last()->message, "without XLSX"));
  if (have_xlsx) cr_assert_eq(rc, GOVINFO_EIO);
  o.format = have_xlsx ? GOVINFO_RENDER_XLSX : GOVINFO_RENDER_HTML;
  snprintf(path, sizeof path, "%s/r.xlsx", dir);
  cr_assert_eq(govinfo_report_render_file(path, r, &o), GOVINFO_OK);
  DIR *d = opendir(dir);
  size_t n = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) n += e->d_name[0] != '.';
  closedir(d);
  cr_assert_eq(n, 1, "only r.xlsx, no temporary file");
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  cr_assert_eq(system(cmd), 0);
  govinfo_report_free(r);
}
