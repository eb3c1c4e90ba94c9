/* The report as an Excel workbook (libxlsxwriter). The sheets follow the report's order, so
 * that `govinfo import` reads them back as it reads a published report: 正文 (title,
 * preface, section 一), 表二/表三/表四 (each section's heading and text, then its table in
 * the official layout with merged cells, numbers as numbers), 正文（续） (sections 五 and
 * 六, the signature) and, when findings are shown, 检查结果. Every value cell is unlocked and
 * named after its cell id (a defined name such as table3.new_received.total), so a
 * protected template can be filled in Excel or WPS, or by a program. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "render/page.h"
#include "util/error.h"

#define TEXT_COLUMNS 8 /* width, in columns, of the text on a sheet without a table */
#define TEXT_COLUMN_WIDTH 12.0

typedef struct xlsx {
  lxw_workbook *wb;
  const gi_page *p;
  bool protect;
  lxw_format *title, *heading, *text, *header, *label, *value, *absent, *finding, *plain;
  lxw_error error; /* the first failure */
} xlsx;

static void check(xlsx *x, lxw_error e) {
  if (e != LXW_NO_ERROR && x->error == LXW_NO_ERROR) x->error = e;
}

static lxw_format *format(xlsx *x, bool border, bool bold, bool wrap, bool locked) {
  lxw_format *f = workbook_add_format(x->wb);
  if (f == NULL) {
    check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return NULL;
  }
  format_set_font_name(f, "宋体");
  format_set_font_size(f, 10.5);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  if (bold) format_set_bold(f);
  if (wrap) format_set_text_wrap(f);
  if (!locked) format_set_unlocked(f);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

static void make_formats(xlsx *x) {
  x->title = format(x, false, true, true, false);
  x->heading = format(x, false, true, false, true);
  x->text = format(x, false, false, true, false);
  x->plain = format(x, false, false, true, true);
  x->header = format(x, true, true, true, true);
  x->label = format(x, true, false, true, true);
  x->value = format(x, true, false, false, false);
  x->absent = format(x, true, false, false, false);
  x->finding = format(x, true, false, false, false);
  if (x->error != LXW_NO_ERROR) return;
  format_set_font_size(x->title, 16);
  format_set_align(x->title, LXW_ALIGN_CENTER);
  format_set_align(x->header, LXW_ALIGN_CENTER);
  format_set_align(x->value, LXW_ALIGN_CENTER);
  format_set_align(x->absent, LXW_ALIGN_CENTER);
  format_set_bg_color(x->absent, 0xDDDDDD);
  format_set_align(x->finding, LXW_ALIGN_CENTER);
  format_set_bg_color(x->finding, 0xFFC7CE);
  format_set_font_color(x->finding, 0x9C0006);
}

/* Display width of UTF-8 text in columns: a wide (CJK) character counts two. */
static size_t text_width(const char *s, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) w++;
    else if (c >= 0xE0) w += 2;
  }
  return w;
}

/* One text line across `width` columns at *row, wrapped, tall enough for its text. */
static void text_row(xlsx *x, lxw_worksheet *ws, lxw_row_t *row, unsigned width, double colw,
                     const char *s, size_t n, lxw_format *f) {
  char *line = malloc(n + 1);
  if (line == NULL) {
    check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return;
  }
  memcpy(line, s, n);
  line[n] = '\0';
  size_t lines = text_width(s, n) / (size_t)(width * colw) + 1;
  check(x, worksheet_set_row(ws, *row, 15.0 * (double)lines, NULL));
  if (width > 1)
    check(x, worksheet_merge_range(ws, *row, 0, *row, (lxw_col_t)(width - 1), line, f));
  else check(x, worksheet_write_string(ws, *row, 0, line, f));
  free(line);
  (*row)++;
}

/* The text's lines as paragraphs, each indented by two ideographic spaces (as printed, and
 * as the importer tells paragraphs apart). An empty text gives one empty line to type in. */
static void paragraphs(xlsx *x, lxw_worksheet *ws, lxw_row_t *row, unsigned width, double colw,
                       const char *text) {
  bool any = false;
  while (text && *text) {
    const char *end = strchr(text, '\n');
    size_t n = end ? (size_t)(end - text) : strlen(text);
    if (n > 0) {
      char *line = malloc(n + 7);
      if (line == NULL) {
        check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
      }
      snprintf(line, n + 7, "\xE3\x80\x80\xE3\x80\x80%.*s", (int)n, text);
      text_row(x, ws, row, width, colw, line, n + 6, x->text);
      free(line);
      any = true;
    }
    text = end ? end + 1 : NULL;
  }
  if (!any) text_row(x, ws, row, width, colw, "", 0, x->text);
}

static void heading(xlsx *x, lxw_worksheet *ws, lxw_row_t *row, const struct govinfo_format *f,
                    size_t s, unsigned width, double colw) {
  const gi_section *sec = NULL;
  for (size_t i = 0; i < x->p->report->nsections; i++)
    if (x->p->report->sections[i].def == s) sec = &x->p->report->sections[i];
  const char *title = sec && sec->title ? sec->title : f->sections[s].title;
  check(x, worksheet_write_string(ws, (*row)++, 0, title, x->heading));
  paragraphs(x, ws, row, width, colw, sec ? sec->text : NULL);
}

/* The findings naming a value cell, as the text of a comment; NULL when none. */
static char *cell_findings(const gi_page *p, const gi_layout_cell *c) {
  size_t n = govinfo_diagnostics_count(p->findings);
  size_t i = gi_page_next_finding(p, c, 0);
  if (i >= n) return NULL;
  gi_buf b = {0};
  for (; i < n; i = gi_page_next_finding(p, c, i + 1)) {
    const govinfo_diagnostic *d = govinfo_diagnostics_at(p->findings, i);
    gi_buf_printf(&b, "%s%zu. [%s] %s", b.len ? "\n" : "", i + 1, govinfo_diagnostic_rule(d),
                  gi_page_message(p, d));
  }
  char *out = NULL;
  size_t len;
  return gi_buf_finish(&b, &out, &len) == GOVINFO_OK ? out : NULL;
}

static void value_cell(xlsx *x, lxw_worksheet *ws, const char *sheet, lxw_row_t row,
                       const gi_layout_cell *c) {
  const gi_cell *cell = gi_report_cell(x->p->report, c->table, c->row, c->col);
  char *comment = cell_findings(x->p, c);
  lxw_format *f = comment ? x->finding : cell->state == GOVINFO_CELL_ABSENT ? x->absent : x->value;
  lxw_col_t col = c->grid_col;
  if (c->colspan > 1)
    check(x, worksheet_merge_range(ws, row, col, row, col + c->colspan - 1, "", f));
  char text[GI_CELL_TEXT_SIZE];
  if (cell->state == GOVINFO_CELL_NUMBER) {
    gi_decimal_format(&cell->number, text);
    check(x, worksheet_write_number(ws, row, col, strtod(text, NULL), f));
  } else if (cell->state == GOVINFO_CELL_MARK) {
    check(x, worksheet_write_string(ws, row, col, cell->mark, f));
  } else if (cell->state == GOVINFO_CELL_BLANK) {
    /* a space, not an empty cell: a row of blanks is still a row of cells to a reader (an
     * empty cell holds nothing), and a space prints as nothing and reads as blank */
    check(x, worksheet_write_string(ws, row, col, " ", f));
  } else {
    check(x, worksheet_write_blank(ws, row, col, f));
  }
  if (comment) {
    check(x, worksheet_write_comment(ws, row, col, comment));
    free(comment);
  }
  /* the cell's id as a defined name: 'sheet'!$C$5 */
  const struct govinfo_table *t = &x->p->report->format->tables[c->table];
  char name[256], where[128], colname[8];
  lxw_col_to_name(colname, col, false);
  snprintf(name, sizeof name, "%s.%s.%s", t->id, t->rows[c->row].id, t->columns[c->col].id);
  snprintf(where, sizeof where, "='%s'!$%s$%u", sheet, colname, (unsigned)row + 1);
  check(x, workbook_define_name(x->wb, name, where));
}

/* A table grid from *row on, then an empty row. */
static void grid(xlsx *x, lxw_worksheet *ws, const char *sheet, lxw_row_t *row,
                 const gi_layout_grid *g) {
  for (size_t i = 0; i < g->ncells; i++) {
    const gi_layout_cell *c = &g->cells[i];
    lxw_row_t r = *row + c->grid_row;
    if (gi_layout_is_value(c)) {
      value_cell(x, ws, sheet, r, c);
      continue;
    }
    lxw_format *f = c->header ? x->header : x->label;
    if (c->rowspan > 1 || c->colspan > 1)
      check(x, worksheet_merge_range(ws, r, c->grid_col, r + c->rowspan - 1,
                                     c->grid_col + c->colspan - 1, c->text, f));
    else check(x, worksheet_write_string(ws, r, c->grid_col, c->text, f));
  }
  *row += g->nrows + 1;
}

/* Column widths of a table sheet; returns the width of the text (columns and their width). */
static unsigned table_columns(xlsx *x, lxw_worksheet *ws, const gi_layout_grid *g, double *colw) {
  if (strcmp(g->section, "s3") == 0) {
    check(x, worksheet_set_column(ws, 0, 1, 10, NULL));
    check(x, worksheet_set_column(ws, 2, 2, 34, NULL));
    check(x, worksheet_set_column(ws, 3, (lxw_col_t)(g->ncols - 1), 9, NULL));
    *colw = 12;
  } else if (strcmp(g->section, "s2") == 0) {
    check(x, worksheet_set_column(ws, 0, 0, 22, NULL));
    check(x, worksheet_set_column(ws, 1, (lxw_col_t)(g->ncols - 1), 18, NULL));
    *colw = 19;
  } else {
    check(x, worksheet_set_column(ws, 0, (lxw_col_t)(g->ncols - 1), 8, NULL));
    *colw = 8;
  }
  return g->ncols;
}

static lxw_worksheet *sheet(xlsx *x, const char *name) {
  lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
  if (ws == NULL) {
    check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return NULL;
  }
  if (x->protect) worksheet_protect(ws, NULL, NULL);
  worksheet_set_paper(ws, 9); /* A4 */
  worksheet_fit_to_pages(ws, 1, 0);
  return ws;
}

static void text_sheet_columns(xlsx *x, lxw_worksheet *ws) {
  check(x, worksheet_set_column(ws, 0, TEXT_COLUMNS - 1, TEXT_COLUMN_WIDTH, NULL));
}

static void findings_sheet(xlsx *x) {
  const gi_page *p = x->p;
  lxw_worksheet *ws = sheet(x, p->en ? "Findings" : "检查结果");
  if (ws == NULL) return;
  check(x, worksheet_set_column(ws, 0, 0, 6, NULL));
  check(x, worksheet_set_column(ws, 1, 1, 9, NULL));
  check(x, worksheet_set_column(ws, 2, 2, 26, NULL));
  check(x, worksheet_set_column(ws, 3, 3, 70, NULL));
  check(x, worksheet_set_column(ws, 4, 4, 40, NULL));
  static const char *const zh[] = {"序号", "严重程度", "规则", "说明", "单元格"};
  static const char *const en[] = {"No.", "Severity", "Rule", "Message", "Cells"};
  for (lxw_col_t c = 0; c < 5; c++)
    check(x, worksheet_write_string(ws, 0, c, p->en ? en[c] : zh[c], x->header));
  size_t n = govinfo_diagnostics_count(p->findings);
  for (size_t i = 0; i < n; i++) {
    const govinfo_diagnostic *d = govinfo_diagnostics_at(p->findings, i);
    lxw_row_t r = (lxw_row_t)(i + 1);
    check(x, worksheet_write_number(ws, r, 0, (double)(i + 1), x->label));
    check(x, worksheet_write_string(ws, r, 1, govinfo_severity_name(govinfo_diagnostic_severity(d)),
                                    x->label));
    check(x, worksheet_write_string(ws, r, 2, govinfo_diagnostic_rule(d), x->label));
    check(x, worksheet_write_string(ws, r, 3, gi_page_message(p, d), x->label));
    gi_buf b = {0};
    for (size_t k = 0; k < govinfo_diagnostic_path_count(d); k++)
      gi_buf_printf(&b, "%s%s", k ? " " : "", govinfo_diagnostic_path_at(d, k));
    char *paths = NULL;
    size_t len;
    if (gi_buf_finish(&b, &paths, &len) != GOVINFO_OK) {
      check(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
    check(x, worksheet_write_string(ws, r, 4, paths, x->label));
    free(paths);
  }
}

/* The title a report prints; a template without one gets the customary "<organ><year>年政府信
 * 息公开工作年度报告", which the importer reads the year from. */
static void title_row(xlsx *x, lxw_worksheet *ws, lxw_row_t *row) {
  const govinfo_report *r = x->p->report;
  char made[512];
  const char *title = govinfo_report_title(r);
  if (title == NULL) {
    const char *organ = govinfo_report_organ(r);
    snprintf(made, sizeof made, "%s%d年政府信息公开工作年度报告", organ ? organ : "",
             govinfo_report_year(r));
    title = made;
  }
  text_row(x, ws, row, TEXT_COLUMNS, TEXT_COLUMN_WIDTH, title, strlen(title), x->title);
  (*row)++;
}

static void write_workbook(xlsx *x) {
  const gi_page *p = x->p;
  const struct govinfo_format *f = p->report->format;
  make_formats(x);
  lxw_worksheet *ws = sheet(x, "正文");
  if (x->error != LXW_NO_ERROR || ws == NULL) return;
  text_sheet_columns(x, ws);
  lxw_row_t row = 0;
  title_row(x, ws, &row);
  const char *preface = govinfo_report_preface(p->report);
  if (preface) paragraphs(x, ws, &row, TEXT_COLUMNS, TEXT_COLUMN_WIDTH, preface);
  bool continued = false;
  for (size_t s = 0; s < f->nsections && x->error == LXW_NO_ERROR; s++) {
    const gi_layout_grid *g = gi_layout_grid_for(&p->layout, f->sections[s].id);
    if (g) { /* a sheet of its own: 表二, 表三, 表四 */
      char name[32];
      snprintf(name, sizeof name, "表%s", f->sections[s].number);
      lxw_worksheet *t = sheet(x, name);
      if (t == NULL) return;
      double colw;
      unsigned width = table_columns(x, t, g, &colw);
      lxw_row_t r = 0;
      heading(x, t, &r, f, s, width, colw);
      r++;
      grid(x, t, name, &r, g);
      continued = true;
      continue;
    }
    if (continued) { /* the sections after the tables */
      ws = sheet(x, "正文（续）");
      if (ws == NULL) return;
      text_sheet_columns(x, ws);
      row = 0;
      continued = false;
    }
    heading(x, ws, &row, f, s, TEXT_COLUMNS, TEXT_COLUMN_WIDTH);
  }
  const char *published = govinfo_report_published(p->report);
  if (published) {
    char date[64];
    gi_page_date(published, date, sizeof date);
    const char *organ = govinfo_report_organ(p->report);
    row++;
    if (organ)
      text_row(x, ws, &row, TEXT_COLUMNS, TEXT_COLUMN_WIDTH, organ, strlen(organ), x->plain);
    text_row(x, ws, &row, TEXT_COLUMNS, TEXT_COLUMN_WIDTH, date, strlen(date), x->plain);
  }
  if (p->findings) findings_sheet(x);
}

int gi_render_xlsx(const char *path, const gi_page *p, bool protect) {
  lxw_workbook_options options = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = 0};
  xlsx x = {.p = p, .protect = protect, .error = LXW_NO_ERROR};
  x.wb = workbook_new_opt(path, &options);
  if (x.wb == NULL) return gi_fail(GOVINFO_EIO, "cannot write %s", path);
  write_workbook(&x);
  lxw_error closed = workbook_close(x.wb); /* frees the workbook */
  if (x.error == LXW_NO_ERROR) x.error = closed;
  if (x.error == LXW_ERROR_MEMORY_MALLOC_FAILED) return gi_fail_oom();
  if (x.error != LXW_NO_ERROR)
    return gi_fail(GOVINFO_EIO, "cannot write %s: %s", path, lxw_strerror(x.error));
  return GOVINFO_OK;
}
