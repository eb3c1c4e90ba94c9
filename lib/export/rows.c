/* The tidy rows of a report: one row per cell, computed once for every exporter and the
 * bindings. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "util/buf.h"
#include "util/error.h"

static const char *const column_names[GI_COL_COUNT_] = {
    [GI_COL_SOURCE] = "source",
    [GI_COL_ORGAN] = "organ",
    [GI_COL_YEAR] = "year",
    [GI_COL_FORMAT] = "format",
    [GI_COL_CELL_ID] = "cell_id",
    [GI_COL_TABLE_ID] = "table_id",
    [GI_COL_ROW_ID] = "row_id",
    [GI_COL_COLUMN_ID] = "column_id",
    [GI_COL_TABLE_LABEL] = "table_label",
    [GI_COL_ROW_LABEL] = "row_label",
    [GI_COL_COLUMN_LABEL] = "column_label",
    [GI_COL_STATE] = "state",
    [GI_COL_VALUE] = "value",
    [GI_COL_MARK] = "mark",
    [GI_COL_GROUP_ROLE] = "group_role",
    [GI_COL_SOURCE_LINE] = "source_line",
    [GI_COL_SOURCE_COLUMN] = "source_column",
};

static const char *const state_names[] = {"absent", "blank", "mark", "number"};

size_t govinfo_rows_column_count(void) { return GI_COL_COUNT_; }

const char *govinfo_rows_column_name(size_t index) {
  return index < GI_COL_COUNT_ ? column_names[index] : NULL;
}

static long row_index(const struct govinfo_table *t, const char *id) {
  return id ? gi_row_index(t, id, strlen(id), -1) : -1;
}

const char *gi_group_role(const govinfo_report *r, size_t table, size_t row, size_t column) {
  const struct govinfo_table *t = &r->format->tables[table];
  if (t->rows[row].role == GOVINFO_ROW_GROUP)
    return gi_report_cell(r, table, row, column)->state != GOVINFO_CELL_ABSENT ? "group_figure"
                                                                               : "group";
  size_t depth = 0;
  for (long p = row_index(t, t->rows[row].parent); p >= 0 && depth++ < t->nrows;
       p = row_index(t, t->rows[p].parent))
    if (t->rows[p].role == GOVINFO_ROW_GROUP &&
        gi_report_cell(r, table, (size_t)p, column)->state != GOVINFO_CELL_ABSENT)
      return "covered_by_group";
  return "cell";
}

/* Dynamic texts go into the arena as offsets + 1 (0: null), made pointers at the end. */
static uintptr_t put(gi_buf *arena, const char *text) {
  if (text == NULL) return 0;
  uintptr_t at = arena->len + 1;
  gi_buf_append(arena, text, strlen(text) + 1);
  return at;
}

static uintptr_t put_uint(gi_buf *arena, unsigned long v) {
  char text[32];
  snprintf(text, sizeof text, "%lu", v);
  return put(arena, text);
}

static size_t cell_rows(const struct govinfo_format *f) {
  size_t n = 0;
  for (size_t t = 0; t < f->ntables; t++)
    for (size_t row = 0; row < f->tables[t].nrows; row++)
      if (f->tables[t].rows[row].role != GOVINFO_ROW_HEADING) n += f->tables[t].ncolumns;
  return n;
}

/* The fields of one cell; dynamic ones as arena offsets in `dynamic`. */
static void fill_cell(const govinfo_report *r, size_t t, size_t row, size_t c, const char **fields,
                      uintptr_t *dynamic, gi_buf *arena, const uintptr_t *report_fields) {
  const struct govinfo_table *tb = &r->format->tables[t];
  const gi_cell *cell = gi_report_cell(r, t, row, c);
  for (int k = GI_COL_SOURCE; k <= GI_COL_YEAR; k++) dynamic[k] = report_fields[k];
  fields[GI_COL_FORMAT] = r->format->id;
  char id[192];
  snprintf(id, sizeof id, "%s.%s.%s", tb->id, tb->rows[row].id, tb->columns[c].id);
  dynamic[GI_COL_CELL_ID] = put(arena, id);
  fields[GI_COL_TABLE_ID] = tb->id;
  fields[GI_COL_ROW_ID] = tb->rows[row].id;
  fields[GI_COL_COLUMN_ID] = tb->columns[c].id;
  fields[GI_COL_TABLE_LABEL] = tb->title;
  fields[GI_COL_ROW_LABEL] = tb->rows[row].label;
  fields[GI_COL_COLUMN_LABEL] = tb->columns[c].label;
  fields[GI_COL_STATE] = state_names[cell->state];
  if (cell->state == GOVINFO_CELL_NUMBER) {
    char number[GOVINFO_NUMBER_BUFSIZE];
    gi_decimal_format(&cell->number, number);
    dynamic[GI_COL_VALUE] = put(arena, number);
  }
  if (cell->state == GOVINFO_CELL_MARK) dynamic[GI_COL_MARK] = put(arena, cell->mark);
  fields[GI_COL_GROUP_ROLE] = gi_group_role(r, t, row, c);
  if (cell->loc.line) {
    dynamic[GI_COL_SOURCE_LINE] = put_uint(arena, cell->loc.line);
    dynamic[GI_COL_SOURCE_COLUMN] = put_uint(arena, cell->loc.column);
  }
}

int govinfo_report_rows(govinfo_rows **out, const govinfo_report *r, const char *source) {
  if (out == NULL || r == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  *out = NULL;
  size_t n = cell_rows(r->format);
  govinfo_rows *rows = calloc(1, sizeof *rows);
  uintptr_t *dynamic = calloc(n * GI_COL_COUNT_ + 1, sizeof *dynamic);
  const char **fields = calloc(n * GI_COL_COUNT_ + 1, sizeof *fields);
  gi_buf arena = {0};
  uintptr_t report_fields[GI_COL_YEAR + 1] = {0};
  report_fields[GI_COL_SOURCE] = put(&arena, source ? source : r->origin);
  report_fields[GI_COL_ORGAN] = put(&arena, r->meta[GI_META_ORGAN]);
  if (r->year) report_fields[GI_COL_YEAR] = put_uint(&arena, (unsigned long)r->year);
  size_t i = 0;
  for (size_t t = 0; rows && dynamic && fields && t < r->format->ntables; t++) {
    const struct govinfo_table *tb = &r->format->tables[t];
    for (size_t row = 0; row < tb->nrows; row++) {
      if (tb->rows[row].role == GOVINFO_ROW_HEADING) continue;
      for (size_t c = 0; c < tb->ncolumns; c++, i++)
        fill_cell(r, t, row, c, fields + i * GI_COL_COUNT_, dynamic + i * GI_COL_COUNT_, &arena,
                  report_fields);
    }
  }
  if (arena.data == NULL) gi_buf_append(&arena, "", 1);
  size_t len;
  if (rows == NULL || dynamic == NULL || fields == NULL ||
      gi_buf_finish(&arena, &rows->arena, &len) != GOVINFO_OK) {
    gi_buf_free(&arena);
    free(dynamic);
    free(fields);
    free(rows);
    return gi_fail_oom();
  }
  for (size_t k = 0; k < n * GI_COL_COUNT_; k++)
    if (dynamic[k]) fields[k] = rows->arena + (dynamic[k] - 1);
  free(dynamic);
  rows->fields = fields;
  rows->count = n;
  *out = rows;
  return GOVINFO_OK;
}

void govinfo_rows_free(govinfo_rows *rows) {
  if (rows == NULL) return;
  free(rows->fields);
  free(rows->arena);
  free(rows);
}

size_t govinfo_rows_count(const govinfo_rows *rows) { return rows ? rows->count : 0; }

const char *govinfo_rows_value(const govinfo_rows *rows, size_t row, size_t column) {
  if (rows == NULL || row >= rows->count || column >= GI_COL_COUNT_) return NULL;
  return rows->fields[row * GI_COL_COUNT_ + column];
}
