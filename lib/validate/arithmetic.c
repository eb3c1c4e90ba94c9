/* Arithmetic: the identities each format lists (table3.*, table4.row_total) and group rows
 * (group.sum, layout.group_row). */
#include <string.h>

#include "validate/validate.h"

/* ---- rows and their sub-rows ---- */

static bool row_has_number(const table_view *t, size_t row) {
  for (size_t c = 0; c < t->def->ncolumns; c++)
    if (cell_at(t, row, c)->state == GOVINFO_CELL_NUMBER) return true;
  return false;
}

/* A group's sub-rows, in order. The formats list a group's whole subtree right after it
 * (tests/unit/test_format.c checks this), so a search stops where the subtree ends. */
static bool within(const table_view *t, size_t row, size_t group) {
  for (size_t p = t->parent[row]; p != NO_INDEX; p = t->parent[p])
    if (p == group) return true;
  return false;
}

static size_t child_from(const table_view *t, size_t k, size_t group) {
  for (; k < t->def->nrows && within(t, k, group); k++)
    if (t->parent[k] == group) return k;
  return NO_INDEX;
}

static size_t first_child(const table_view *t, size_t group) {
  return child_from(t, group + 1, group);
}

static size_t next_sibling(const table_view *t, size_t row) {
  return child_from(t, row + 1, t->parent[row]);
}

/* ---- the value of a row in a column ---- */

bool gi_row_value(vctx *x, const table_view *t, size_t row, size_t col, bool collect,
                  unsigned depth, int64_t *out) {
  const gi_cell *c = cell_at(t, row, col);
  if (c->state == GOVINFO_CELL_NUMBER) {
    if (!gi_decimal_is_integer(&c->number)) return false;
    *out = gi_decimal_to_int(&c->number);
    if (collect) gi_add_cell_path(x, t, row, col);
    return true;
  }
  if (!is_row(t->def, row, GOVINFO_ROW_GROUP) || depth > t->def->nrows) return false;
  int64_t sum = 0;
  bool any = false;
  for (size_t k = first_child(t, row); k != NO_INDEX; k = next_sibling(t, k)) {
    int64_t v;
    if (!gi_row_value(x, t, k, col, collect, depth + 1, &v) || __builtin_add_overflow(sum, v, &sum))
      return false;
    any = true;
  }
  *out = sum;
  return any;
}

/* Sum of one side of an identity: rows `ids` in column `line` (down a column) or columns
 * `ids` in row `line` (across a row). */
static bool side_sum(vctx *x, const table_view *t, gi_identity_axis axis, const size_t *ids,
                     size_t n, size_t line, bool collect, int64_t *out) {
  int64_t sum = 0;
  for (size_t i = 0; i < n; i++) {
    size_t row = axis == GI_EACH_COLUMN ? ids[i] : line;
    size_t col = axis == GI_EACH_COLUMN ? line : ids[i];
    int64_t v;
    if (!gi_row_value(x, t, row, col, collect, 0, &v) || __builtin_add_overflow(sum, v, &sum))
      return false;
  }
  *out = sum;
  return true;
}

/* ---- arithmetic identities (rules listed by the formats) ---- */

static bool resolve_ids(const struct govinfo_table *t, gi_identity_axis axis,
                        const char *const *ids, size_t *out) {
  long hint = 0;
  for (size_t i = 0; ids[i]; i++) {
    size_t len = strlen(ids[i]);
    long k = axis == GI_EACH_COLUMN ? gi_row_index(t, ids[i], len, hint)
                                    : gi_column_index(t, ids[i], len, hint);
    if (k < 0) return false;
    out[i] = (size_t)k;
    hint = k + 1;
  }
  return true;
}

static void report_identity(vctx *x, const gi_identity *id, const table_view *t,
                            const size_t *parts, size_t nparts, const size_t *totals,
                            size_t ntotals, size_t line, int64_t psum, int64_t tsum) {
  int64_t ignored;
  begin(x, id->rule);
  side_sum(x, t, id->axis, totals, ntotals, line, true, &ignored);
  side_sum(x, t, id->axis, parts, nparts, line, true, &ignored);
  gi_finding_set_values(&x->finding, psum, tsum);
  if (id->axis == GI_EACH_COLUMN) {
    const struct govinfo_column *c = &t->def->columns[line];
    SAY_ZH(x, "%s (%lld) ≠ %s (%lld)（%s）", id->parts_zh, (long long)psum, id->totals_zh,
           (long long)tsum, c->label);
    SAY_EN(x, "%s (%lld) ≠ %s (%lld) in column %s (%s)", id->parts_en, (long long)psum,
           id->totals_en, (long long)tsum, c->id, c->label);
  } else {
    const struct govinfo_row *r = &t->def->rows[line];
    SAY_ZH(x, "%s (%lld) ≠ %s (%lld)（%s）", id->parts_zh, (long long)psum, id->totals_zh,
           (long long)tsum, r->label);
    SAY_EN(x, "%s (%lld) ≠ %s (%lld) in row %s (%s)", id->parts_en, (long long)psum, id->totals_en,
           (long long)tsum, r->id, r->label);
  }
  finish(x);
}

static void check_identity(vctx *x, const gi_identity *id) {
  long ti = gi_table_index(x->f, id->table, strlen(id->table), -1);
  if (ti < 0) return;
  table_view t = gi_table_view_of(x, (size_t)ti);
  size_t nparts = gi_id_list_length(id->parts), ntotals = gi_id_list_length(id->totals);
  size_t *parts = x->ids, *totals = x->ids + nparts;
  if (!resolve_ids(t.def, id->axis, id->parts, parts) ||
      !resolve_ids(t.def, id->axis, id->totals, totals))
    return;
  size_t lines = id->axis == GI_EACH_COLUMN ? t.def->ncolumns : t.def->nrows;
  for (size_t line = 0; line < lines; line++) {
    if (id->axis == GI_EACH_ROW && !is_row(t.def, line, GOVINFO_ROW_DATA) &&
        !(is_row(t.def, line, GOVINFO_ROW_GROUP) && row_has_number(&t, line)))
      continue;
    int64_t psum, tsum;
    if (!side_sum(x, &t, id->axis, parts, nparts, line, false, &psum) ||
        !side_sum(x, &t, id->axis, totals, ntotals, line, false, &tsum) || psum == tsum)
      continue;
    report_identity(x, id, &t, parts, nparts, totals, ntotals, line, psum, tsum);
  }
}

void gi_check_identities(vctx *x, gi_rule rule) {
  for (size_t i = 0; i < x->f->nidentities; i++)
    if (x->f->identities[i].rule == rule) check_identity(x, &x->f->identities[i]);
}

/* ---- group rows ---- */

static void check_group_sum(vctx *x, const table_view *t, size_t group, size_t col) {
  const gi_cell *g = cell_at(t, group, col);
  if (g->state != GOVINFO_CELL_NUMBER || !gi_decimal_is_integer(&g->number)) return;
  int64_t sum = 0;
  bool any = false;
  for (size_t k = 0; k < t->def->nrows; k++) {
    if (t->parent[k] != group) continue;
    const gi_cell *c = cell_at(t, k, col);
    if (c->state != GOVINFO_CELL_NUMBER || !gi_decimal_is_integer(&c->number) ||
        __builtin_add_overflow(sum, gi_decimal_to_int(&c->number), &sum))
      return;
    any = true;
  }
  int64_t own = gi_decimal_to_int(&g->number);
  if (!any || own == sum) return;
  const struct govinfo_row *row = &t->def->rows[group];
  const struct govinfo_column *column = &t->def->columns[col];
  begin(x, GI_RULE_GROUP_SUM);
  gi_add_cell_path(x, t, group, col);
  for (size_t k = 0; k < t->def->nrows; k++)
    if (t->parent[k] == group) gi_add_cell_path(x, t, k, col);
  gi_finding_set_values(&x->finding, sum, own);
  SAY_ZH(x, "“%s”印为 %lld，但其子项之和为 %lld（%s）", row->label, (long long)own, (long long)sum,
         column->label);
  SAY_EN(x,
         "group row %s (%s) is printed as %lld but its sub-rows add up to %lld in column %s (%s)",
         row->id, row->label, (long long)own, (long long)sum, column->id, column->label);
  finish(x);
}

void gi_check_group_sums(vctx *x, gi_rule rule) {
  for (size_t ti = 0; ti < x->f->ntables; ti++) {
    table_view t = gi_table_view_of(x, ti);
    for (size_t row = 0; row < t.def->nrows; row++)
      if (is_row(t.def, row, GOVINFO_ROW_GROUP))
        for (size_t c = 0; c < t.def->ncolumns; c++) check_group_sum(x, &t, row, c);
  }
}

static void put_sub_rows(vctx *x, const table_view *t, size_t group, const char *sep) {
  bool first = true;
  for (size_t k = 0; k < t->def->nrows; k++) {
    if (t->parent[k] != group) continue;
    if (!first) gi_buf_puts(&x->finding.text, sep);
    gi_buf_puts(&x->finding.text, t->def->rows[k].label);
    first = false;
  }
}

static void report_group_row(vctx *x, const table_view *t, size_t group, gi_loc loc) {
  const struct govinfo_row *row = &t->def->rows[group];
  begin(x, GI_RULE_LAYOUT_GROUP_ROW);
  add_path(x, loc, "/tables/%s/%s", t->def->id, row->id);
  gi_finding_begin_string(&x->finding, GI_SLOT_ZH);
  gi_buf_printf(&x->finding.text, "“%s”作为一行印出数字，以其数字代替子项：", row->label);
  put_sub_rows(x, t, group, "；");
  gi_finding_end_string(&x->finding);
  gi_finding_begin_string(&x->finding, GI_SLOT_EN);
  gi_buf_printf(&x->finding.text,
                "group row %s (%s) is printed as one row; its figures are used in place of "
                "its sub-rows: ",
                row->id, row->label);
  put_sub_rows(x, t, group, "; ");
  gi_finding_end_string(&x->finding);
  finish(x);
}

void gi_check_group_rows(vctx *x, gi_rule rule) {
  for (size_t ti = 0; ti < x->f->ntables; ti++) {
    table_view t = gi_table_view_of(x, ti);
    for (size_t row = 0; row < t.def->nrows; row++) {
      if (!is_row(t.def, row, GOVINFO_ROW_GROUP)) continue;
      for (size_t c = 0; c < t.def->ncolumns; c++) {
        const gi_cell *cell = cell_at(&t, row, c);
        if (cell->state != GOVINFO_CELL_ABSENT) {
          report_group_row(x, &t, row, cell->loc);
          break;
        }
      }
    }
  }
}
