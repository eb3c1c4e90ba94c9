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

/* ---- a failed identity down a column: its terms, and the figure most likely wrong ---- */

/* Identities with at most this many terms list each one (cell, value, line) in the message:
 * 收办平衡 has four; longer sums would drown the message. */
enum { LISTED_TERMS = 6 };

/* Another identity of the same table whose single total row is `row` and which also fails in
 * column `col`: the sum of its parts in *detail. */
static const gi_identity *also_failing(vctx *x, const gi_identity *id, const table_view *t,
                                       size_t row, size_t col, int64_t *detail) {
  for (size_t i = 0; i < x->f->nidentities; i++) {
    const gi_identity *other = &x->f->identities[i];
    if (other == id || other->axis != GI_EACH_COLUMN || strcmp(other->table, id->table) != 0 ||
        gi_id_list_length(other->totals) != 1 || gi_id_list_length(other->parts) > 64)
      continue;
    size_t total, parts[64];
    if (!resolve_ids(t->def, GI_EACH_COLUMN, other->totals, &total) || total != row ||
        !resolve_ids(t->def, GI_EACH_COLUMN, other->parts, parts))
      continue;
    int64_t psum, tsum;
    size_t n = gi_id_list_length(other->parts);
    if (side_sum(x, t, GI_EACH_COLUMN, parts, n, col, false, &psum) &&
        side_sum(x, t, GI_EACH_COLUMN, &total, 1, col, false, &tsum) && psum != tsum) {
      *detail = psum;
      return other;
    }
  }
  return NULL;
}

static void put_term(vctx *x, const table_view *t, size_t row, size_t col, bool zh, bool first) {
  const gi_cell *c = cell_at(t, row, col);
  int64_t v;
  gi_buf *b = &x->finding.text;
  if (!first) gi_buf_puts(b, zh ? "，" : ", ");
  gi_buf_printf(b, "%s %s", zh ? t->def->rows[row].label : t->def->rows[row].id, zh ? "" : "=");
  if (gi_row_value(x, t, row, col, false, 0, &v))
    gi_buf_printf(b, "%s%lld", zh ? "" : " ", (long long)v);
  else gi_buf_puts(b, zh ? "（无数字）" : " (no figure)");
  if (c->loc.line) gi_buf_printf(b, zh ? "（第%u行）" : " (line %u)", (unsigned)c->loc.line);
}

/* "；各项：…" and, when a term that is itself a total breaks its own identity in this column
 * too, which figure is most likely wrong: fixing a total to its details must not just move
 * the error (users "fixed" the results total and got two new errors). */
static void explain_terms(vctx *x, const gi_identity *id, const table_view *t, const size_t *parts,
                          size_t nparts, const size_t *totals, size_t ntotals, size_t col,
                          int64_t psum, int64_t tsum, bool zh) {
  gi_buf *b = &x->finding.text;
  gi_buf_puts(b, zh ? "；各项：" : "; the terms: ");
  for (size_t i = 0; i < nparts + ntotals; i++)
    put_term(x, t, i < nparts ? parts[i] : totals[i - nparts], col, zh, i == 0);
  for (size_t i = 0; i < nparts + ntotals; i++) {
    bool is_part = i < nparts;
    size_t row = is_part ? parts[i] : totals[i - nparts];
    int64_t detail, value;
    const gi_identity *other = also_failing(x, id, t, row, col, &detail);
    if (other == NULL || !gi_row_value(x, t, row, col, false, 0, &value)) continue;
    /* with the details' sum in its place, does this identity hold? */
    int64_t p = is_part ? psum - value + detail : psum, q = is_part ? tsum : tsum - value + detail;
    const char *label = zh ? t->def->rows[row].label : t->def->rows[row].id;
    if (p == q && zh)
      gi_buf_printf(b, "。最可能错的是“%s”（%lld）：其明细之和为 %lld，按此数两处都能对上", label,
                    (long long)value, (long long)detail);
    else if (p == q)
      gi_buf_printf(b,
                    ". Most likely %s (%lld) is wrong: its detail rows add up to %lld, which "
                    "satisfies both",
                    label, (long long)value, (long long)detail);
    else if (zh)
      gi_buf_printf(b,
                    "。“%s”（%lld）与其明细之和（%lld）也不符，改成明细之和仍不平衡：请先核对明细",
                    label, (long long)value, (long long)detail);
    else
      gi_buf_printf(b,
                    ". %s (%lld) also differs from its detail rows (%lld), and their sum would "
                    "not balance either: check the detail rows first",
                    label, (long long)value, (long long)detail);
    break;
  }
}

static void report_identity(vctx *x, const gi_identity *id, const table_view *t,
                            const size_t *parts, size_t nparts, const size_t *totals,
                            size_t ntotals, size_t line, int64_t psum, int64_t tsum) {
  int64_t ignored;
  begin(x, id->rule);
  side_sum(x, t, id->axis, totals, ntotals, line, true, &ignored);
  side_sum(x, t, id->axis, parts, nparts, line, true, &ignored);
  gi_finding_set_values(&x->finding, psum, tsum);
  if (id->axis == GI_EACH_COLUMN && nparts + ntotals <= LISTED_TERMS) {
    const struct govinfo_column *c = &t->def->columns[line];
    gi_finding_begin_string(&x->finding, GI_SLOT_ZH);
    gi_buf_printf(&x->finding.text, "%s (%lld) ≠ %s (%lld)（%s）", id->parts_zh, (long long)psum,
                  id->totals_zh, (long long)tsum, c->label);
    explain_terms(x, id, t, parts, nparts, totals, ntotals, line, psum, tsum, true);
    gi_finding_end_string(&x->finding);
    gi_finding_begin_string(&x->finding, GI_SLOT_EN);
    gi_buf_printf(&x->finding.text, "%s (%lld) ≠ %s (%lld) in column %s (%s)", id->parts_en,
                  (long long)psum, id->totals_en, (long long)tsum, c->id, c->label);
    explain_terms(x, id, t, parts, nparts, totals, ntotals, line, psum, tsum, false);
    gi_finding_end_string(&x->finding);
  } else if (id->axis == GI_EACH_COLUMN) {
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
