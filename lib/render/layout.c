/* The printed layout of tables 二/三/四 (see layout.h). The words below are printed by the
 * official formats in both versions but are not names of rows or columns of the model, so
 * they are here and nowhere else in the library. */
#include "render/layout.h"

#include <stdlib.h>
#include <string.h>

#include "util/error.h"

static const char info_content[] = "信息内容";        /* table 2: over the row labels */
static const char applicants[] = "申请人情况";        /* table 3: over every column */
static const char organisations[] = "法人或其他组织"; /* table 3: over the middle columns */
static const char litigation[] = "行政诉讼";          /* table 4: over rows 2 and 3 */
static const char table3_note[] =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
#define TABLE3_LABEL_COLUMNS 3u
#define TABLE3_HEADER_ROWS 3u

typedef struct builder {
  gi_layout_grid *g;
  size_t cap, rows_cap;
  bool failed;
} builder;

static gi_layout_cell *push(builder *b) {
  if (b->failed) return NULL;
  if (b->g->ncells == b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 64;
    gi_layout_cell *cells = realloc(b->g->cells, cap * sizeof *cells);
    if (cells == NULL) {
      b->failed = true;
      return NULL;
    }
    b->g->cells = cells;
    b->cap = cap;
  }
  gi_layout_cell *c = &b->g->cells[b->g->ncells++];
  memset(c, 0, sizeof *c);
  c->rowspan = c->colspan = 1;
  return c;
}

static void label(builder *b, const char *text, unsigned rowspan, unsigned colspan, bool header) {
  gi_layout_cell *c = push(b);
  if (c == NULL) return;
  c->text = text;
  c->table = GI_LAYOUT_LABEL;
  c->rowspan = rowspan;
  c->colspan = colspan;
  c->header = header;
}

static gi_layout_cell *value(builder *b, size_t table, size_t row, size_t col) {
  gi_layout_cell *c = push(b);
  if (c == NULL) return NULL;
  c->table = table;
  c->row = row;
  c->col = col;
  return c;
}

static void new_row(builder *b) {
  if (b->failed) return;
  gi_layout_grid *g = b->g;
  if (g->nrows + 2 > b->rows_cap) {
    size_t cap = b->rows_cap ? b->rows_cap * 2 : 16;
    size_t *starts = realloc(g->row_start, cap * sizeof *starts);
    if (starts == NULL) {
      b->failed = true;
      return;
    }
    g->row_start = starts;
    b->rows_cap = cap;
  }
  g->row_start[g->nrows++] = g->ncells;
}

/* Ends the grid: closes the row index and places every cell in the flattened grid. */
static void finish(builder *b) {
  gi_layout_grid *g = b->g;
  if (b->failed || g->nrows == 0) return;
  g->row_start[g->nrows] = g->ncells;
  unsigned width = 0;
  for (size_t i = g->row_start[0]; i < g->row_start[1]; i++) width += g->cells[i].colspan;
  g->ncols = width;
  if (width == 0) return;
  bool *taken = calloc((size_t)g->nrows * width, sizeof *taken);
  if (taken == NULL) {
    b->failed = true;
    return;
  }
  for (unsigned r = 0; r < g->nrows; r++) {
    unsigned col = 0;
    for (size_t i = g->row_start[r]; i < g->row_start[r + 1]; i++) {
      while (col < width && taken[(size_t)r * width + col]) col++;
      gi_layout_cell *c = &g->cells[i];
      c->grid_row = r;
      c->grid_col = col;
      for (unsigned dr = 0; dr < c->rowspan && r + dr < g->nrows; dr++)
        for (unsigned dc = 0; dc < c->colspan && col + dc < width; dc++)
          taken[(size_t)(r + dr) * width + col + dc] = true;
      col += c->colspan;
    }
  }
  free(taken);
}

static bool row_has_figures(const govinfo_report *r, size_t t, size_t row) {
  const struct govinfo_table *table = &r->format->tables[t];
  for (size_t c = 0; c < table->ncolumns; c++)
    if (gi_report_cell(r, t, row, c)->state != GOVINFO_CELL_ABSENT) return true;
  return false;
}

static bool table_has_figures(const govinfo_report *r, size_t t) {
  for (size_t row = 0; row < r->format->tables[t].nrows; row++)
    if (row_has_figures(r, t, row)) return true;
  return false;
}

/* Whether a row of table t is printed: a heading never (its label spans its children); a
 * row with any cell given always; in a table with no cell given, every data row. */
static bool printed(const govinfo_report *r, size_t t, size_t row, bool table_given) {
  const struct govinfo_row *def = &r->format->tables[t].rows[row];
  if (def->role == GOVINFO_ROW_HEADING) return false;
  if (table_given) return row_has_figures(r, t, row);
  return def->role == GOVINFO_ROW_DATA;
}

/* Table 2: every item of section 二 in one grid; each item a caption row across the grid,
 * a header row, and its rows; a value column narrower than the grid spans the rest. */
static void table2(builder *b, const govinfo_report *r) {
  const struct govinfo_format *f = r->format;
  unsigned width = 0;
  bool any = false;
  for (size_t t = 0; t < f->ntables; t++) {
    if (strcmp(f->tables[t].section, "s2") != 0) continue;
    if (f->tables[t].ncolumns + 1 > width) width = (unsigned)f->tables[t].ncolumns + 1;
    any = any || table_has_figures(r, t);
  }
  for (size_t t = 0; t < f->ntables; t++) {
    const struct govinfo_table *table = &f->tables[t];
    if (strcmp(table->section, "s2") != 0) continue;
    bool given = table_has_figures(r, t);
    if (any && !given) continue; /* an item the report does not print */
    unsigned rest = width - (unsigned)table->ncolumns;
    new_row(b);
    label(b, table->title, 1, width, true);
    new_row(b);
    label(b, info_content, 1, 1, true);
    for (size_t c = 0; c < table->ncolumns; c++)
      label(b, table->columns[c].label, 1, c + 1 == table->ncolumns ? rest : 1, true);
    for (size_t row = 0; row < table->nrows; row++) {
      if (!printed(r, t, row, given)) continue;
      new_row(b);
      label(b, table->rows[row].label, 1, 1, false);
      for (size_t c = 0; c < table->ncolumns; c++) {
        gi_layout_cell *v = value(b, t, row, c);
        if (v && c + 1 == table->ncolumns) v->colspan = rest;
      }
    }
  }
  b->g->header_rows = 0;
}

/* Depth of a row (0 at top level) and its ancestors, outermost first, into chain. */
static size_t ancestors(const struct govinfo_table *table, size_t row, size_t *chain, size_t cap) {
  size_t n = 0;
  const char *parent = table->rows[row].parent;
  while (parent && n < cap) {
    long p = gi_row_index(table, parent, strlen(parent), -1);
    if (p < 0) break;
    chain[n++] = (size_t)p;
    parent = table->rows[p].parent;
  }
  for (size_t i = 0; i < n / 2; i++) { /* outermost first */
    size_t tmp = chain[i];
    chain[i] = chain[n - 1 - i];
    chain[n - 1 - i] = tmp;
  }
  return n;
}

/* Table 3: the corner note (3 x 3), 申请人情况 over every column, 自然人 and 总计 two rows
 * high, 法人或其他组织 over the columns between them; a group label spans the printed rows
 * under it, beside the first of them. */
static void table3(builder *b, const govinfo_report *r, size_t t) {
  const struct govinfo_table *table = &r->format->tables[t];
  unsigned ncol = (unsigned)table->ncolumns;
  new_row(b);
  label(b, table3_note, TABLE3_HEADER_ROWS, TABLE3_LABEL_COLUMNS, true);
  label(b, applicants, 1, ncol, true);
  new_row(b);
  label(b, table->columns[0].label, 2, 1, true);
  label(b, organisations, 1, ncol - 2, true);
  label(b, table->columns[ncol - 1].label, 2, 1, true);
  new_row(b);
  for (size_t c = 1; c + 1 < ncol; c++) label(b, table->columns[c].label, 1, 1, true);
  b->g->header_rows = TABLE3_HEADER_ROWS;

  bool given = table_has_figures(r, t);
  bool shown[64] = {false};
  size_t nrows = table->nrows < 64 ? table->nrows : 64;
  for (size_t row = 0; row < nrows; row++) shown[row] = printed(r, t, row, given);
  for (size_t row = 0; row < nrows; row++) {
    if (!shown[row]) continue;
    size_t chain[8];
    size_t depth = ancestors(table, row, chain, 8);
    new_row(b);
    for (size_t a = 0; a < depth; a++) {
      /* printed rows under this ancestor, and whether this row is the first of them */
      unsigned under = 0;
      bool first = true;
      for (size_t other = 0; other < nrows; other++) {
        if (!shown[other]) continue;
        size_t other_chain[8];
        size_t other_depth = ancestors(table, other, other_chain, 8);
        bool inside = false;
        for (size_t k = 0; k < other_depth; k++) inside = inside || other_chain[k] == chain[a];
        if (!inside) continue;
        if (under == 0 && other != row) first = false;
        under++;
      }
      if (first) label(b, table->rows[chain[a]].label, under, 1, false);
    }
    unsigned span = depth < TABLE3_LABEL_COLUMNS ? TABLE3_LABEL_COLUMNS - (unsigned)depth : 1;
    label(b, table->rows[row].label, 1, span, false);
    for (size_t c = 0; c < ncol; c++) value(b, t, row, c);
  }
}

/* The printed name of a table-4 row under 行政诉讼: "行政诉讼（复议后起诉）" prints as
 * 复议后起诉, its words in the parentheses. */
static const char *litigation_label(const char *label, char *buf, size_t size) {
  const char *open = strstr(label, "（");
  const char *close = open ? strstr(open, "）") : NULL;
  if (open == NULL || close == NULL || (size_t)(close - open) >= size) return label;
  size_t n = (size_t)(close - open) - strlen("（");
  memcpy(buf, open + strlen("（"), n);
  buf[n] = '\0';
  return buf;
}

/* Table 4: 行政复议 | 行政诉讼 on top, then the five result labels (two rows high) and the
 * two kinds of litigation, then their result labels; one row of 15 values. Labels of the
 * litigation rows are kept in static storage of the format, so they are looked up here
 * from a fixed list to stay static. */
static const char *const litigation_kinds[] = {"未经复议直接起诉", "复议后起诉"};

static const char *static_kind(const char *label) {
  char buf[128];
  const char *kind = litigation_label(label, buf, sizeof buf);
  for (size_t i = 0; i < sizeof litigation_kinds / sizeof *litigation_kinds; i++)
    if (strcmp(kind, litigation_kinds[i]) == 0) return litigation_kinds[i];
  return label;
}

static void table4(builder *b, const govinfo_report *r, size_t t) {
  const struct govinfo_table *table = &r->format->tables[t];
  unsigned ncol = (unsigned)table->ncolumns, later = (unsigned)table->nrows - 1;
  new_row(b);
  label(b, table->rows[0].label, 1, ncol, true);
  label(b, litigation, 1, ncol * later, true);
  new_row(b);
  for (size_t c = 0; c < ncol; c++) label(b, table->columns[c].label, 2, 1, true);
  for (size_t row = 1; row < table->nrows; row++)
    label(b, static_kind(table->rows[row].label), 1, ncol, true);
  new_row(b);
  for (size_t row = 1; row < table->nrows; row++)
    for (size_t c = 0; c < ncol; c++) label(b, table->columns[c].label, 1, 1, true);
  b->g->header_rows = 3;
  new_row(b);
  for (size_t row = 0; row < table->nrows; row++)
    for (size_t c = 0; c < ncol; c++) value(b, t, row, c);
}

void gi_layout_free(gi_layout *layout) {
  if (layout == NULL) return;
  for (size_t i = 0; i < layout->ngrids; i++) {
    free(layout->grids[i].cells);
    free(layout->grids[i].row_start);
  }
  memset(layout, 0, sizeof *layout);
}

int gi_layout_build(gi_layout *out, const govinfo_report *report) {
  memset(out, 0, sizeof *out);
  const struct govinfo_format *f = report->format;
  static const char *const sections[GI_LAYOUT_MAX_GRIDS] = {"s2", "s3", "s4"};
  for (size_t s = 0; s < GI_LAYOUT_MAX_GRIDS; s++) {
    gi_layout_grid *g = &out->grids[out->ngrids];
    builder b = {.g = g};
    g->section = sections[s];
    if (s == 0) {
      table2(&b, report);
    } else {
      for (size_t t = 0; t < f->ntables; t++) {
        if (strcmp(f->tables[t].section, sections[s]) != 0) continue;
        if (f->tables[t].rows_side_by_side) table4(&b, report, t);
        else table3(&b, report, t);
        break;
      }
    }
    finish(&b);
    out->ngrids++;
    if (b.failed) {
      gi_layout_free(out);
      return gi_fail_oom();
    }
    if (g->nrows == 0) out->ngrids--;
  }
  return GOVINFO_OK;
}

const gi_layout_grid *gi_layout_grid_for(const gi_layout *layout, const char *section_id) {
  for (size_t i = 0; i < layout->ngrids; i++)
    if (strcmp(layout->grids[i].section, section_id) == 0) return &layout->grids[i];
  return NULL;
}
