/* CSV as RFC 4180 has it (CRLF line ends, fields quoted when they hold a comma, a quote or a
 * line break, quotes doubled), UTF-8: the tidy rows, or one row per report (WIDE). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"

static void field(gi_buf *b, const char *text, bool first) {
  if (!first) gi_buf_append(b, ",", 1);
  if (text == NULL) return;
  if (strpbrk(text, ",\"\r\n") == NULL) {
    gi_buf_puts(b, text);
    return;
  }
  gi_buf_append(b, "\"", 1);
  for (const char *p = text; *p; p++) {
    if (*p == '"') gi_buf_append(b, "\"", 1);
    gi_buf_append(b, p, 1);
  }
  gi_buf_append(b, "\"", 1);
}

static int flush(govinfo_exporter *ex, gi_buf *b) {
  char *text;
  size_t len;
  int rc = gi_buf_finish(b, &text, &len);
  if (rc) return rc;
  rc = gi_export_write(ex, text, len);
  free(text);
  return rc;
}

/* ---- wide: one row per report ---- */

static const char *const wide_meta[] = {"source", "organ", "year", "format", "title", "published"};
static const char *const wide_meta_labels[] = {"来源文件", "发布机关", "年度",
                                               "格式版本", "标题",     "发布日期"};
#define WIDE_META (sizeof wide_meta / sizeof *wide_meta)

static long wide_find(const govinfo_exporter *ex, const char *id) {
  for (size_t k = 0; k < ex->nwide; k++)
    // NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker): ids [0, nwide) are all set
    if (strcmp(ex->wide_ids[k], id) == 0) return (long)k;
  return -1;
}

/* The cell ids of every format, oldest first, each once; per format, where each id is. */
int gi_csv_prepare_wide(govinfo_exporter *ex) {
  size_t nformats = govinfo_format_count();
  if (nformats > sizeof ex->wide_index / sizeof *ex->wide_index)
    return gi_fail(GOVINFO_EINVAL, "too many format versions for a wide export");
  size_t cap = 0;
  for (size_t f = 0; f < nformats; f++) cap += gi_format_cell_count(govinfo_format_at(f));
  ex->wide_ids = calloc(cap + 1, sizeof *ex->wide_ids);
  if (ex->wide_ids == NULL) return gi_fail_oom();
  for (size_t f = 0; f < nformats; f++) {
    const struct govinfo_format *fm = govinfo_format_at(f);
    for (size_t t = 0; t < fm->ntables; t++) {
      const struct govinfo_table *tb = &fm->tables[t];
      for (size_t row = 0; row < tb->nrows; row++) {
        if (tb->rows[row].role == GOVINFO_ROW_HEADING) continue;
        for (size_t c = 0; c < tb->ncolumns; c++) {
          char id[192];
          snprintf(id, sizeof id, "%s.%s.%s", tb->id, tb->rows[row].id, tb->columns[c].id);
          if (wide_find(ex, id) >= 0) continue;
          if ((ex->wide_ids[ex->nwide] = gi_strdup(id)) == NULL) return gi_fail_oom();
          ex->nwide++;
        }
      }
    }
  }
  for (size_t f = 0; f < nformats; f++) {
    const struct govinfo_format *fm = govinfo_format_at(f);
    if ((ex->wide_index[f] = malloc((ex->nwide + 1) * sizeof(size_t))) == NULL)
      return gi_fail_oom();
    for (size_t k = 0; k < ex->nwide; k++) {
      size_t t, row, c;
      ex->wide_index[f][k] = SIZE_MAX;
      if (gi_cell_resolve(fm, ex->wide_ids[k], &t, &row, &c) == GOVINFO_OK)
        ex->wide_index[f][k] = gi_format_table_offset(fm, t) + row * fm->tables[t].ncolumns + c;
    }
  }
  govinfo_error_clear(); /* ids one format lacks are expected */
  return GOVINFO_OK;
}

/* "表题 / 行 / 列" of an id, from the first format that has it. */
static void wide_label(gi_buf *b, const char *id, bool first) {
  for (size_t f = 0; f < govinfo_format_count(); f++) {
    const struct govinfo_format *fm = govinfo_format_at(f);
    size_t t, row, c;
    if (gi_cell_resolve(fm, id, &t, &row, &c) != GOVINFO_OK) continue;
    const struct govinfo_table *tb = &fm->tables[t];
    char label[512];
    snprintf(label, sizeof label, "%s / %s / %s", tb->title, tb->rows[row].label,
             tb->columns[c].label);
    field(b, label, first);
    break;
  }
  govinfo_error_clear();
}

static void wide_header(govinfo_exporter *ex, gi_buf *b) {
  for (size_t k = 0; k < WIDE_META; k++) field(b, wide_meta[k], k == 0);
  for (size_t k = 0; k < ex->nwide; k++) field(b, ex->wide_ids[k], false);
  gi_buf_puts(b, "\r\n");
  if (!(ex->flags & GOVINFO_EXPORT_LABELS)) return;
  for (size_t k = 0; k < WIDE_META; k++) field(b, wide_meta_labels[k], k == 0);
  for (size_t k = 0; k < ex->nwide; k++) wide_label(b, ex->wide_ids[k], false);
  gi_buf_puts(b, "\r\n");
}

static void wide_row(govinfo_exporter *ex, gi_buf *b, const govinfo_report *r, const char *source) {
  size_t f = 0;
  while (govinfo_format_at(f) != r->format) f++;
  char year[16] = "";
  if (r->year) snprintf(year, sizeof year, "%d", r->year);
  field(b, source ? source : r->origin, true);
  field(b, r->meta[GI_META_ORGAN], false);
  field(b, year, false);
  field(b, r->format->id, false);
  field(b, r->meta[GI_META_TITLE], false);
  field(b, r->meta[GI_META_PUBLISHED], false);
  for (size_t k = 0; k < ex->nwide; k++) {
    size_t at = ex->wide_index[f][k];
    const gi_cell *cell = at == SIZE_MAX ? NULL : &r->cells[at];
    char number[GOVINFO_NUMBER_BUFSIZE];
    const char *text = NULL; /* blank and absent: empty */
    if (cell && cell->state == GOVINFO_CELL_NUMBER) {
      gi_decimal_format(&cell->number, number);
      text = number;
    } else if (cell && cell->state == GOVINFO_CELL_MARK) {
      text = cell->mark;
    }
    field(b, text, false);
  }
  gi_buf_puts(b, "\r\n");
}

/* ---- tidy: one row per cell ---- */

static void tidy_header(gi_buf *b) {
  for (size_t k = 0; k < govinfo_rows_column_count(); k++)
    field(b, govinfo_rows_column_name(k), k == 0);
  gi_buf_puts(b, "\r\n");
}

static int tidy_rows(gi_buf *b, const govinfo_report *r, const char *source) {
  govinfo_rows *rows;
  int rc = govinfo_report_rows(&rows, r, source);
  if (rc) return rc;
  for (size_t i = 0; i < rows->count; i++) {
    for (size_t k = 0; k < GI_COL_COUNT_; k++)
      field(b, rows->fields[i * GI_COL_COUNT_ + k], k == 0);
    gi_buf_puts(b, "\r\n");
  }
  govinfo_rows_free(rows);
  return GOVINFO_OK;
}

int gi_csv_add(govinfo_exporter *ex, const govinfo_report *r, const char *source) {
  gi_buf b = {0};
  bool wide = ex->flags & GOVINFO_EXPORT_WIDE;
  if (!ex->header) {
    if (ex->flags & GOVINFO_EXPORT_BOM) gi_buf_puts(&b, "\xEF\xBB\xBF");
    if (wide) wide_header(ex, &b);
    else tidy_header(&b);
    ex->header = true;
  }
  int rc = GOVINFO_OK;
  if (r && wide) wide_row(ex, &b, r, source);
  else if (r) rc = tidy_rows(&b, r, source);
  if (rc) {
    gi_buf_free(&b);
    return rc;
  }
  if (b.data == NULL) return GOVINFO_OK;
  return flush(ex, &b);
}
