/* Validation: runs every rule of the registry that applies to the report's format and
 * collects the findings.
 *
 * Everything is driven by the format data: identities, group rows, section ids and the
 * fee cell come from struct govinfo_format, so a new version needs no change here. Ids are
 * resolved to indices once per call; memory is allocated only for findings. */
#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define NO_INDEX SIZE_MAX
#define STACK_INDICES 512 /* enough for every format so far; larger ones use the heap */

struct govinfo_diagnostic {
  gi_rule rule;
  govinfo_severity severity;
  unsigned line, column;
  size_t npaths;
  const char *const *paths;
  const char *message, *message_en, *expected, *actual; /* expected/actual may be NULL */
  const char *file;                                     /* the list's file name */
  void *block;                                          /* paths and strings, one block */
};

struct govinfo_diagnostics {
  govinfo_diagnostic *items;
  size_t count, cap;
  size_t by_severity[GOVINFO_SEVERITY_ERROR + 1];
  char file[]; /* report origin, "" when built in memory */
};

/* One table of the report: its definition, its cells and each row's enclosing row. */
typedef struct table_view {
  const struct govinfo_table *def;
  const gi_cell *cells;
  const size_t *parent; /* per row: index of the enclosing row, NO_INDEX at top level */
} table_view;

/* String slots of the finding being built. */
enum { SLOT_ZH, SLOT_EN, SLOT_EXPECTED, SLOT_ACTUAL, SLOT_COUNT_ };

typedef struct vctx {
  const govinfo_report *r;
  const struct govinfo_format *f;
  govinfo_diagnostics *list;
  size_t *parents; /* every table's rows, table by table */
  size_t *ids;     /* room for the longest identity's parts and totals */
  bool oom;
  unsigned kinds; /* which cell.* rules can find anything: one scan, so clean reports skip them */
  /* the finding being built: its strings back to back in `text`, NUL-terminated */
  gi_rule rule;
  gi_loc loc;
  gi_buf text;
  size_t slot[SLOT_COUNT_];
  size_t *path_off;
  size_t npaths, path_cap;
} vctx;

/* ---- building findings ---- */

__attribute__((format(printf, 2, 0))) static void text_vprintf(gi_buf *b, const char *fmt,
                                                               va_list ap) {
  char small[256];
  va_list again;
  va_copy(again, ap);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  if (n < 0) {
    b->failed = true;
  } else if ((size_t)n < sizeof small) {
    gi_buf_append(b, small, (size_t)n);
  } else {
    char *big = malloc((size_t)n + 1);
    if (big == NULL) {
      b->failed = true;
    } else {
      vsnprintf(big, (size_t)n + 1, fmt, again);
      gi_buf_append(b, big, (size_t)n);
      free(big);
    }
  }
  va_end(again);
}

static void begin(vctx *x, gi_rule rule) {
  x->rule = rule;
  x->loc = (gi_loc){0, 0};
  x->text.len = 0;
  x->npaths = 0;
  for (int i = 0; i < SLOT_COUNT_; i++) x->slot[i] = NO_INDEX;
}

/* Appends one NUL-terminated string to the finding and returns its offset. */
__attribute__((format(printf, 2, 0))) static size_t vput(vctx *x, const char *fmt, va_list ap) {
  size_t start = x->text.len;
  text_vprintf(&x->text, fmt, ap);
  gi_buf_append(&x->text, "", 1);
  return start;
}

__attribute__((format(printf, 2, 3))) static size_t put(vctx *x, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  size_t start = vput(x, fmt, ap);
  va_end(ap);
  return start;
}

#define SAY_ZH(x, ...) ((x)->slot[SLOT_ZH] = put((x), __VA_ARGS__))
#define SAY_EN(x, ...) ((x)->slot[SLOT_EN] = put((x), __VA_ARGS__))

/* Makes room for one more path; the first one gives the finding its location. */
static bool new_path(vctx *x, gi_loc loc) {
  if (x->npaths == x->path_cap) {
    size_t cap = x->path_cap ? x->path_cap * 2 : 32;
    size_t *p = realloc(x->path_off, cap * sizeof *p);
    if (p == NULL) {
      x->oom = true;
      return false;
    }
    x->path_off = p;
    x->path_cap = cap;
  }
  if (x->npaths == 0) x->loc = loc;
  x->path_off[x->npaths++] = x->text.len;
  return true;
}

/* Adds a JSON Pointer. */
__attribute__((format(printf, 3, 4))) static void add_path(vctx *x, gi_loc loc, const char *fmt,
                                                           ...) {
  if (!new_path(x, loc)) return;
  va_list ap;
  va_start(ap, fmt);
  vput(x, fmt, ap);
  va_end(ap);
}

static const gi_cell *cell_at(const table_view *t, size_t row, size_t col) {
  return &t->cells[row * t->def->ncolumns + col];
}

/* The pointer gi_cell_pointer() gives, appended piece by piece: identities may list dozens
 * of cells, and printf dominated the cost of a finding. */
static void add_cell_path(vctx *x, const table_view *t, size_t row, size_t col) {
  if (!new_path(x, cell_at(t, row, col)->loc)) return;
  const char *const pieces[] = {"/tables/", t->def->id,       "/", t->def->rows[row].id,
                                "/",        t->def->columns[col].id};
  for (size_t i = 0; i < GI_COUNT_OF(pieces); i++) gi_buf_puts(&x->text, pieces[i]);
  gi_buf_append(&x->text, "", 1);
}

static void set_values(vctx *x, int64_t expected, int64_t actual) {
  x->slot[SLOT_EXPECTED] = put(x, "%lld", (long long)expected);
  x->slot[SLOT_ACTUAL] = put(x, "%lld", (long long)actual);
}

static bool grow_list(govinfo_diagnostics *list) {
  if (list->count < list->cap) return true;
  size_t cap = list->cap ? list->cap * 2 : 16;
  govinfo_diagnostic *p = realloc(list->items, cap * sizeof *p);
  if (p == NULL) return false;
  list->items = p;
  list->cap = cap;
  return true;
}

/* Moves the finding being built into the list: paths and strings in one allocation. */
static void finish(vctx *x) {
  if (x->oom || x->text.failed || x->text.len == 0 || !grow_list(x->list)) {
    x->oom = true;
    return;
  }
  size_t head = x->npaths * sizeof(const char *);
  char *block = malloc(head + x->text.len);
  if (block == NULL) {
    x->oom = true;
    return;
  }
  char *strings = block + head;
  memcpy(strings, x->text.data, x->text.len);
  const char **paths = (const char **)(void *)block;
  for (size_t i = 0; i < x->npaths; i++) paths[i] = strings + x->path_off[i];
  const char *slot[SLOT_COUNT_];
  for (int i = 0; i < SLOT_COUNT_; i++)
    slot[i] = x->slot[i] == NO_INDEX ? NULL : strings + x->slot[i];
  govinfo_severity severity = govinfo_rule_severity(govinfo_rule_at(x->rule));
  x->list->items[x->list->count++] = (govinfo_diagnostic){
      .rule = x->rule,
      .severity = severity,
      .line = x->loc.line,
      .column = x->loc.column,
      .npaths = x->npaths,
      .paths = paths,
      .message = slot[SLOT_ZH] ? slot[SLOT_ZH] : "",
      .message_en = slot[SLOT_EN] ? slot[SLOT_EN] : "",
      .expected = slot[SLOT_EXPECTED],
      .actual = slot[SLOT_ACTUAL],
      .file = x->list->file,
      .block = block,
  };
  x->list->by_severity[severity]++;
}

/* ---- the format's layout, resolved once per call ---- */

static table_view view_of(const vctx *x, size_t table) {
  size_t cells = 0, rows = 0;
  for (size_t i = 0; i < table; i++) {
    cells += x->f->tables[i].nrows * x->f->tables[i].ncolumns;
    rows += x->f->tables[i].nrows;
  }
  return (table_view){&x->f->tables[table], x->r->cells + cells, x->parents + rows};
}

/* Index of the row with that id; parents come before their rows, so look back first. */
static size_t find_parent(const struct govinfo_table *t, size_t row) {
  const char *id = t->rows[row].parent;
  if (id == NULL) return NO_INDEX;
  for (size_t k = row; k-- > 0;)
    if (t->rows[k].role != GOVINFO_ROW_DATA && strcmp(t->rows[k].id, id) == 0) return k;
  long k = gi_row_index(t, id, strlen(id), -1);
  return k < 0 ? NO_INDEX : (size_t)k;
}

static void resolve_parents(vctx *x) {
  size_t *p = x->parents;
  for (size_t t = 0; t < x->f->ntables; t++)
    for (size_t row = 0; row < x->f->tables[t].nrows; row++)
      *p++ = find_parent(&x->f->tables[t], row);
}

static size_t list_length(const char *const *ids) {
  size_t n = 0;
  while (ids[n]) n++;
  return n;
}

static size_t total_rows(const struct govinfo_format *f) {
  size_t rows = 0;
  for (size_t t = 0; t < f->ntables; t++) rows += f->tables[t].nrows;
  return rows;
}

/* Indices the call needs: one per row of every table, plus the longest identity. */
static size_t indices_needed(const struct govinfo_format *f) {
  size_t rows = total_rows(f), longest = 0;
  for (size_t i = 0; i < f->nidentities; i++) {
    size_t n = list_length(f->identities[i].parts) + list_length(f->identities[i].totals);
    if (n > longest) longest = n;
  }
  return rows + longest;
}

static bool is_row(const struct govinfo_table *t, size_t row, govinfo_row_role role) {
  return t->rows[row].role == role;
}

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

/* A number cell's own value; a group without one stands for the sum of its sub-rows.
 * False when a cell needed is not an integer (the cell.* rules report those). With
 * `collect`, adds the path of every cell used. */
static bool row_value(vctx *x, const table_view *t, size_t row, size_t col, bool collect,
                      unsigned depth, int64_t *out) {
  const gi_cell *c = cell_at(t, row, col);
  if (c->state == GOVINFO_CELL_NUMBER) {
    if (!gi_decimal_is_integer(&c->number)) return false;
    *out = gi_decimal_to_int(&c->number);
    if (collect) add_cell_path(x, t, row, col);
    return true;
  }
  if (!is_row(t->def, row, GOVINFO_ROW_GROUP) || depth > t->def->nrows) return false;
  int64_t sum = 0;
  bool any = false;
  for (size_t k = first_child(t, row); k != NO_INDEX; k = next_sibling(t, k)) {
    int64_t v;
    if (!row_value(x, t, k, col, collect, depth + 1, &v) || __builtin_add_overflow(sum, v, &sum))
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
    if (!row_value(x, t, row, col, collect, 0, &v) || __builtin_add_overflow(sum, v, &sum))
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
  set_values(x, psum, tsum);
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
  table_view t = view_of(x, (size_t)ti);
  size_t nparts = list_length(id->parts), ntotals = list_length(id->totals);
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

static void check_identities(vctx *x, gi_rule rule) {
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
  add_cell_path(x, t, group, col);
  for (size_t k = 0; k < t->def->nrows; k++)
    if (t->parent[k] == group) add_cell_path(x, t, k, col);
  set_values(x, sum, own);
  SAY_ZH(x, "“%s”印为 %lld，但其子项之和为 %lld（%s）", row->label, (long long)own, (long long)sum,
         column->label);
  SAY_EN(x,
         "group row %s (%s) is printed as %lld but its sub-rows add up to %lld in column %s (%s)",
         row->id, row->label, (long long)own, (long long)sum, column->id, column->label);
  finish(x);
}

static void check_group_sums(vctx *x, gi_rule rule) {
  for (size_t ti = 0; ti < x->f->ntables; ti++) {
    table_view t = view_of(x, ti);
    for (size_t row = 0; row < t.def->nrows; row++)
      if (is_row(t.def, row, GOVINFO_ROW_GROUP))
        for (size_t c = 0; c < t.def->ncolumns; c++) check_group_sum(x, &t, row, c);
  }
}

static void put_sub_rows(vctx *x, const table_view *t, size_t group, const char *sep) {
  bool first = true;
  for (size_t k = 0; k < t->def->nrows; k++) {
    if (t->parent[k] != group) continue;
    if (!first) gi_buf_puts(&x->text, sep);
    gi_buf_puts(&x->text, t->def->rows[k].label);
    first = false;
  }
}

static void report_group_row(vctx *x, const table_view *t, size_t group, gi_loc loc) {
  const struct govinfo_row *row = &t->def->rows[group];
  begin(x, GI_RULE_LAYOUT_GROUP_ROW);
  add_path(x, loc, "/tables/%s/%s", t->def->id, row->id);
  x->slot[SLOT_ZH] = x->text.len;
  gi_buf_printf(&x->text, "“%s”作为一行印出数字，以其数字代替子项：", row->label);
  put_sub_rows(x, t, group, "；");
  gi_buf_append(&x->text, "", 1);
  x->slot[SLOT_EN] = x->text.len;
  gi_buf_printf(&x->text,
                "group row %s (%s) is printed as one row; its figures are used in place of "
                "its sub-rows: ",
                row->id, row->label);
  put_sub_rows(x, t, group, "; ");
  gi_buf_append(&x->text, "", 1);
  finish(x);
}

static void check_group_rows(vctx *x, gi_rule rule) {
  for (size_t ti = 0; ti < x->f->ntables; ti++) {
    table_view t = view_of(x, ti);
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

/* ---- single cells ---- */

typedef void cell_check(vctx *x, const table_view *t, size_t row, size_t col, const gi_cell *cell);

static void for_each_cell(vctx *x, cell_check *check) {
  for (size_t ti = 0; ti < x->f->ntables; ti++) {
    table_view t = view_of(x, ti);
    for (size_t row = 0; row < t.def->nrows; row++) {
      if (is_row(t.def, row, GOVINFO_ROW_HEADING)) continue;
      for (size_t c = 0; c < t.def->ncolumns; c++) check(x, &t, row, c, cell_at(&t, row, c));
    }
  }
}

/* Starts a finding located at one cell. */
static void begin_cell(vctx *x, gi_rule rule, const table_view *t, size_t row, size_t col) {
  begin(x, rule);
  add_cell_path(x, t, row, col);
}

#define CELL_ZH "%s“%s”行“%s”列"
#define CELL_EN "cell %s.%s.%s (%s / %s)"
#define CELL_ZH_ARGS(t, row, col)                                                                  \
  (t)->def->title, (t)->def->rows[row].label, (t)->def->columns[col].label
#define CELL_EN_ARGS(t, row, col)                                                                  \
  (t)->def->id, (t)->def->rows[row].id, (t)->def->columns[col].id, (t)->def->rows[row].label,      \
      (t)->def->columns[col].label

static govinfo_value_kind kind_of(const table_view *t, size_t col) {
  return t->def->columns[col].kind;
}

static void check_negative(vctx *x, const table_view *t, size_t row, size_t col,
                           const gi_cell *cell) {
  if (cell->state != GOVINFO_CELL_NUMBER || !cell->number.negative ||
      kind_of(t, col) == GOVINFO_KIND_SIGNED)
    return;
  char value[GOVINFO_NUMBER_BUFSIZE];
  gi_decimal_format(&cell->number, value);
  begin_cell(x, GI_RULE_CELL_NEGATIVE, t, row, col);
  SAY_ZH(x, CELL_ZH "为负数 %s：计数和金额不能为负", CELL_ZH_ARGS(t, row, col), value);
  SAY_EN(x, CELL_EN " holds the negative number %s: counts and amounts are never negative",
         CELL_EN_ARGS(t, row, col), value);
  finish(x);
}

static void check_fraction(vctx *x, const table_view *t, size_t row, size_t col,
                           const gi_cell *cell) {
  if (cell->state != GOVINFO_CELL_NUMBER || gi_decimal_is_integer(&cell->number) ||
      kind_of(t, col) == GOVINFO_KIND_MONEY)
    return;
  char value[GOVINFO_NUMBER_BUFSIZE];
  gi_decimal_format(&cell->number, value);
  begin_cell(x, GI_RULE_CELL_FRACTION, t, row, col);
  SAY_ZH(x, CELL_ZH "为 %s：计数必须是整数", CELL_ZH_ARGS(t, row, col), value);
  SAY_EN(x, CELL_EN " holds %s: counts are integers", CELL_EN_ARGS(t, row, col), value);
  finish(x);
}

static void check_blank(vctx *x, const table_view *t, size_t row, size_t col, const gi_cell *cell) {
  if (cell->state != GOVINFO_CELL_BLANK) return;
  begin_cell(x, GI_RULE_CELL_BLANK, t, row, col);
  SAY_ZH(x, CELL_ZH "留空：空白不等于零", CELL_ZH_ARGS(t, row, col));
  SAY_EN(x, CELL_EN " is blank: blank is not zero", CELL_EN_ARGS(t, row, col));
  finish(x);
}

static void check_mark(vctx *x, const table_view *t, size_t row, size_t col, const gi_cell *cell) {
  if (cell->state != GOVINFO_CELL_MARK) return;
  begin_cell(x, GI_RULE_CELL_MARK, t, row, col);
  SAY_ZH(x, CELL_ZH "填写了“%s”：不是数字，不等于零", CELL_ZH_ARGS(t, row, col), cell->mark);
  SAY_EN(x, CELL_EN " holds the mark \"%s\": not a number and not zero", CELL_EN_ARGS(t, row, col),
         cell->mark);
  finish(x);
}

/* True when a group row above `row` printed something in that column instead. */
static bool printed_by_group(const table_view *t, size_t row, size_t col) {
  size_t depth = 0;
  for (size_t p = t->parent[row]; p != NO_INDEX && depth++ < t->def->nrows; p = t->parent[p])
    if (is_row(t->def, p, GOVINFO_ROW_GROUP) && cell_at(t, p, col)->state != GOVINFO_CELL_ABSENT)
      return true;
  return false;
}

static void check_absent(vctx *x, const table_view *t, size_t row, size_t col,
                         const gi_cell *cell) {
  if (cell->state != GOVINFO_CELL_ABSENT || !is_row(t->def, row, GOVINFO_ROW_DATA) ||
      printed_by_group(t, row, col))
    return;
  begin_cell(x, GI_RULE_CELL_ABSENT, t, row, col);
  SAY_ZH(x, CELL_ZH "缺失：报告未给出该数据", CELL_ZH_ARGS(t, row, col));
  SAY_EN(x, CELL_EN " is absent: the report does not give this figure", CELL_EN_ARGS(t, row, col));
  finish(x);
}

enum { HAS_NEGATIVE = 1, HAS_FRACTION = 2, HAS_BLANK = 4, HAS_MARK = 8, HAS_ABSENT = 16 };

/* What the cells hold, in one pass; absent cells count only in data rows. */
static unsigned cell_kinds(const vctx *x) {
  unsigned kinds = 0;
  const gi_cell *c = x->r->cells;
  for (size_t ti = 0; ti < x->f->ntables; ti++) {
    const struct govinfo_table *t = &x->f->tables[ti];
    for (size_t row = 0; row < t->nrows; row++) {
      bool data = t->rows[row].role == GOVINFO_ROW_DATA;
      for (size_t col = 0; col < t->ncolumns; col++, c++) {
        switch (c->state) {
        case GOVINFO_CELL_NUMBER:
          if (c->number.negative && t->columns[col].kind != GOVINFO_KIND_SIGNED)
            kinds |= HAS_NEGATIVE;
          if (!gi_decimal_is_integer(&c->number) && t->columns[col].kind != GOVINFO_KIND_MONEY)
            kinds |= HAS_FRACTION;
          break;
        case GOVINFO_CELL_BLANK:
          kinds |= HAS_BLANK;
          break;
        case GOVINFO_CELL_MARK:
          kinds |= HAS_MARK;
          break;
        default:
          if (data) kinds |= HAS_ABSENT;
        }
      }
    }
  }
  return kinds;
}

static void check_cells(vctx *x, unsigned kind, cell_check *check) {
  if (x->kinds & kind) for_each_cell(x, check);
}

static void check_negatives(vctx *x, gi_rule rule) { check_cells(x, HAS_NEGATIVE, check_negative); }
static void check_fractions(vctx *x, gi_rule rule) { check_cells(x, HAS_FRACTION, check_fraction); }
static void check_blanks(vctx *x, gi_rule rule) { check_cells(x, HAS_BLANK, check_blank); }
static void check_marks(vctx *x, gi_rule rule) { check_cells(x, HAS_MARK, check_mark); }
static void check_absents(vctx *x, gi_rule rule) { check_cells(x, HAS_ABSENT, check_absent); }

/* ---- metadata ---- */

static void check_meta(vctx *x, gi_rule rule) {
  if (x->r->year == 0) {
    begin(x, rule);
    add_path(x, x->r->year_loc, "/year");
    SAY_ZH(x, "缺少报告年度");
    SAY_EN(x, "the report year is missing");
    finish(x);
  }
  const char *organ = x->r->meta[GI_META_ORGAN];
  if (organ == NULL || organ[0] == '\0') {
    begin(x, rule);
    add_path(x, x->r->meta_loc[GI_META_ORGAN], "/organ");
    SAY_ZH(x, "缺少发布机关");
    SAY_EN(x, "the issuing organ is missing");
    finish(x);
  }
}

static void check_format_year(vctx *x, gi_rule rule) {
  int year = x->r->year;
  if (year == 0 || govinfo_format_covers_year(x->f, year)) return;
  const struct govinfo_format *right = NULL;
  for (size_t i = 0; i < govinfo_format_count() && right == NULL; i++)
    if (govinfo_format_covers_year(govinfo_format_at(i), year)) right = govinfo_format_at(i);
  begin(x, rule);
  add_path(x, x->r->format_loc, "/format");
  if (right) {
    SAY_ZH(x, "格式版本“%s”不适用于%d年度的报告，应使用“%s”", x->f->id, year, right->id);
    SAY_EN(x, "format version \"%s\" does not apply to a report for %d: use \"%s\"", x->f->id, year,
           right->id);
  } else {
    const struct govinfo_format *oldest = govinfo_format_at(0);
    SAY_ZH(x, "格式版本“%s”不适用于%d年度的报告：%d年度以前没有适用的格式版本", x->f->id, year,
           oldest->first_year);
    SAY_EN(x,
           "format version \"%s\" does not apply to a report for %d: no version applies "
           "before %d",
           x->f->id, year, oldest->first_year);
  }
  finish(x);
}

/* ---- sections ---- */

/* Index in the report of the section with that definition, -1 when it has none. */
static long report_section(const vctx *x, size_t def) {
  for (size_t i = 0; i < x->r->nsections; i++)
    if (x->r->sections[i].def == def) return (long)i;
  return -1;
}

/* Index in the report of the format's section `id` (NULL for none), -1 when absent. */
static long report_section_by_id(const vctx *x, const char *id) {
  long def = id ? gi_section_index(x->f, id, strlen(id)) : -1;
  return def < 0 ? -1 : report_section(x, (size_t)def);
}

static const struct govinfo_section_def *section_def(const vctx *x, size_t i) {
  return &x->f->sections[x->r->sections[i].def];
}

static void check_sections_missing(vctx *x, gi_rule rule) {
  for (size_t def = 0; def < x->f->nsections; def++) {
    if (report_section(x, def) >= 0) continue;
    const struct govinfo_section_def *s = &x->f->sections[def];
    begin(x, rule);
    add_path(x, x->r->sections_loc, "/sections");
    SAY_ZH(x, "缺少“%s”部分", s->title);
    SAY_EN(x, "section %s (%s) is missing", s->id, s->title);
    finish(x);
  }
}

static void check_sections_order(vctx *x, gi_rule rule) {
  for (size_t i = 1; i < x->r->nsections; i++) {
    if (x->r->sections[i].def > x->r->sections[i - 1].def) continue;
    const struct govinfo_section_def *s = section_def(x, i), *before = section_def(x, i - 1);
    begin(x, rule);
    add_path(x, x->r->sections[i].loc, "/sections/%zu", i);
    SAY_ZH(x, "“%s”排在“%s”之后：各部分应按格式规定的顺序排列", s->title, before->title);
    SAY_EN(x, "section %s (%s) comes after %s (%s): sections follow the order of the format", s->id,
           s->title, before->id, before->title);
    finish(x);
    return;
  }
}

/* Bytes of the whitespace character at s, 0 if none: ASCII, U+00A0 and U+3000 (ideographic
 * space, common in Chinese documents). */
static size_t space_at(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] == ' ' || (u[0] >= '\t' && u[0] <= '\r')) return 1;
  if (u[0] == 0xC2 && u[1] == 0xA0) return 2;
  if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) return 3;
  return 0;
}

static const char *skip_spaces(const char *s) {
  for (size_t n; (n = space_at(s)) != 0;) s += n;
  return s;
}

/* After `word` at s, or NULL. */
static const char *after_word(const char *s, const char *word) {
  size_t n = strlen(word);
  return strncmp(s, word, n) == 0 ? s + n : NULL;
}

static bool same_ignoring_space(const char *a, const char *b) {
  for (;;) {
    a = skip_spaces(a);
    b = skip_spaces(b);
    if (*a != *b) return false;
    if (*a == '\0') return true;
    a++;
    b++;
  }
}

/* The title without its leading "一、"-style number (itself when it has none). */
static const char *without_number(const char *title) {
  static const char *const numerals[] = {"一", "二", "三", "四", "五",
                                         "六", "七", "八", "九", "十"};
  const char *p = skip_spaces(title);
  bool any = false;
  for (bool more = true; more;) {
    more = false;
    for (size_t i = 0; i < GI_COUNT_OF(numerals) && !more; i++) {
      const char *q = after_word(p, numerals[i]);
      if (q) p = q, more = any = true;
    }
  }
  const char *rest = any ? after_word(skip_spaces(p), "、") : NULL;
  return rest ? rest : title;
}

static bool title_matches(const char *title, const char *official) {
  return strcmp(title, official) == 0 || same_ignoring_space(title, official) ||
         same_ignoring_space(title, without_number(official));
}

static bool title_is_known(const struct govinfo_section_def *s, const char *title) {
  if (title_matches(title, s->title)) return true;
  for (size_t i = 0; s->variants && s->variants[i]; i++)
    if (title_matches(title, s->variants[i])) return true;
  return false;
}

static void check_sections_title(vctx *x, gi_rule rule) {
  for (size_t i = 0; i < x->r->nsections; i++) {
    const struct govinfo_section_def *s = section_def(x, i);
    const char *title = x->r->sections[i].title ? x->r->sections[i].title : "";
    if (title_is_known(s, title)) continue;
    begin(x, rule);
    add_path(x, x->r->sections[i].loc, "/sections/%zu/title", i);
    SAY_ZH(x, "标题“%s”与规定标题“%s”及已知变体不符", title, s->title);
    SAY_EN(x,
           "the title \"%s\" of section %s is neither the official title \"%s\" nor a known "
           "variant",
           title, s->id, s->title);
    finish(x);
  }
}

/* Bytes of the whitespace or punctuation at s that does not count as saying anything, 0 if
 * none. */
static size_t filler_at(const char *s) {
  static const char *const wide[] = {"。", "．", "，", "；", "：", "！"};
  size_t n = space_at(s);
  if (n == 0 && *s && strchr(".,;:!", *s)) n = 1;
  for (size_t i = 0; i < GI_COUNT_OF(wide) && n == 0; i++)
    if (after_word(s, wide[i])) n = strlen(wide[i]);
  return n;
}

/* Empty, or only 无, once whitespace and punctuation are left out. */
static bool says_nothing(const char *text) {
  bool said_none = false; /* 无 seen */
  while (*text) {
    size_t n = filler_at(text);
    if (n == 0) {
      const char *after = after_word(text, "无");
      if (said_none || after == NULL) return false;
      said_none = true;
      n = (size_t)(after - text);
    }
    text += n;
  }
  return true;
}

static void check_problems_empty(vctx *x, gi_rule rule) {
  long i = report_section_by_id(x, x->f->problems_section);
  if (i < 0 || !says_nothing(x->r->sections[i].text)) return;
  const struct govinfo_section_def *s = section_def(x, (size_t)i);
  begin(x, rule);
  add_path(x, x->r->sections[i].loc, "/sections/%ld/text", i);
  SAY_ZH(x, "“%s”为空或仅写“无”", s->title);
  SAY_EN(x, "section %s (%s) is empty or only says 无", s->id, s->title);
  finish(x);
}

#define FEE_WORD "信息处理费"

static bool mentions_fee(const vctx *x, long section) {
  return section >= 0 && strstr(x->r->sections[section].text, FEE_WORD) != NULL;
}

static void check_fee_statement(vctx *x, gi_rule rule) {
  long i = report_section_by_id(x, x->f->fee_section);
  if (i < 0 || mentions_fee(x, i)) return;
  const struct govinfo_section_def *s = section_def(x, (size_t)i);
  begin(x, rule);
  add_path(x, x->r->sections[i].loc, "/sections/%ld/text", i);
  SAY_ZH(x, "“%s”未报告" FEE_WORD "收取情况", s->title);
  SAY_EN(x, "section %s (%s) says nothing about " FEE_WORD " (information processing fees)", s->id,
         s->title);
  finish(x);
}

static bool is_positive(const gi_cell *c) {
  return c->state == GOVINFO_CELL_NUMBER && !c->number.negative &&
         (c->number.whole != 0 || c->number.frac != 0);
}

static void check_fee_unpaid(vctx *x, gi_rule rule) {
  size_t ti, row, col;
  const char *fee = x->f->fee_section;
  long def = fee ? gi_section_index(x->f, fee, strlen(fee)) : -1;
  if (def < 0 || gi_cell_resolve(x->f, x->f->fee_unpaid_cell, &ti, &row, &col)) return;
  table_view t = view_of(x, ti);
  const gi_cell *cell = cell_at(&t, row, col);
  long i = report_section(x, (size_t)def);
  if (!is_positive(cell) || mentions_fee(x, i)) return;
  const struct govinfo_section_def *s = &x->f->sections[def];
  char value[GOVINFO_NUMBER_BUFSIZE];
  gi_decimal_format(&cell->number, value);
  begin_cell(x, rule, &t, row, col);
  if (i >= 0) add_path(x, x->r->sections[i].loc, "/sections/%ld/text", i);
  SAY_ZH(x, CELL_ZH "为 %s，但%s“%s”未提及" FEE_WORD, CELL_ZH_ARGS(&t, row, col), value,
         i >= 0 ? "" : "报告缺少", s->title);
  SAY_EN(x, CELL_EN " is %s, but section %s (%s) %s " FEE_WORD, CELL_EN_ARGS(&t, row, col), value,
         s->id, s->title, i >= 0 ? "does not mention" : "is missing, so nothing mentions");
  finish(x);
}

/* ---- publication date ---- */

/* True when s ends in `suffix` once whitespace is left out ("淮安市人民 政府"). */
static bool ends_with_ignoring_space(const char *s, const char *suffix) {
  char tail[32];
  size_t n = strlen(suffix), have = 0;
  if (n > sizeof tail) return false;
  while (*s) {
    size_t k = space_at(s);
    if (k) {
      s += k;
      continue;
    }
    if (have == n) memmove(tail, tail + 1, --have);
    tail[have++] = *s++;
  }
  return have == n && memcmp(tail, suffix, n) == 0;
}

static void check_published_early(vctx *x, gi_rule rule) {
  const char *published = x->r->meta[GI_META_PUBLISHED];
  int year = x->r->year;
  if (published == NULL || year == 0) return;
  char end_of_year[32];
  snprintf(end_of_year, sizeof end_of_year, "%04d-12-31", year);
  if (strcmp(published, end_of_year) > 0) return;
  begin(x, rule);
  add_path(x, x->r->meta_loc[GI_META_PUBLISHED], "/published");
  SAY_ZH(x, "发布日期 %s 不在%d年度结束之后", published, year);
  SAY_EN(x, "published on %s, before report year %d has ended", published, year);
  finish(x);
}

/* 条例 art. 49: departments publish by 31 January, people's governments by 31 March. An
 * organ not yet named gets the later deadline (meta.missing reports it). */
static void check_published_late(vctx *x, gi_rule rule) {
  const char *published = x->r->meta[GI_META_PUBLISHED];
  const char *organ = x->r->meta[GI_META_ORGAN];
  int year = x->r->year;
  if (published == NULL || year == 0 || year >= 9999) return;
  bool government =
      organ == NULL || organ[0] == '\0' || ends_with_ignoring_space(organ, "人民政府");
  int month = government ? 3 : 1;
  char deadline[32];
  snprintf(deadline, sizeof deadline, "%04d-%02d-31", year + 1, month);
  if (strcmp(published, deadline) <= 0) return;
  begin(x, rule);
  add_path(x, x->r->meta_loc[GI_META_PUBLISHED], "/published");
  SAY_ZH(x, "发布日期 %s 晚于 %s：%s应于次年%d月31日前公布", published, deadline,
         government ? "人民政府" : "部门", month);
  SAY_EN(x, "published on %s, after the deadline %s for %s", published, deadline,
         government ? "a people's government (人民政府)" : "a department");
  finish(x);
}

/* ---- years written in the text ---- */

/* Value of the ASCII or full-width digit at s (its length in *len), -1 when none. */
static int digit_at(const char *s, size_t *len) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] >= '0' && u[0] <= '9') {
    *len = 1;
    return u[0] - '0';
  }
  if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
    *len = 3;
    return u[2] - 0x90;
  }
  return -1;
}

/* Reads a run of digits: its value (meaningless past 9 digits) and number of digits. */
static const char *read_digits(const char *s, int *value, int *count) {
  size_t len;
  int d;
  *value = *count = 0;
  for (; (d = digit_at(s, &len)) >= 0; s += len)
    if ((*count)++ < 9) *value = *value * 10 + d;
  return s;
}

/* Start of the next run of digits at or after s, NULL when none. Works on bytes: in UTF-8
 * neither ASCII digits nor 0xEF (the lead byte of full-width digits) occur inside another
 * character, and strcspn skips the long stretches of text between digits quickly. */
static const char *next_digits(const char *s) {
  size_t len;
  for (s += strcspn(s, "0123456789\xEF"); *s; s += 1 + strcspn(s + 1, "0123456789\xEF"))
    if (digit_at(s, &len) >= 0) return s;
  return NULL;
}

/* After `word`, spaces allowed before it; NULL stays NULL. */
static const char *then_word(const char *s, const char *word) {
  return s ? after_word(skip_spaces(s), word) : NULL;
}

/* After a 1-2 digit number equal to `want`; NULL stays NULL. */
static const char *then_number(const char *s, int want) {
  if (s == NULL) return NULL;
  int value, count;
  const char *end = read_digits(skip_spaces(s), &value, &count);
  return count >= 1 && count <= 2 && value == want ? end : NULL;
}

/* "YYYY年1月1日[起]至[YYYY年]12月31日" at s, the start of a run of digits: the end of the match
 * or NULL, and the two years (the second is the first when not written). */
static const char *match_period(const char *s, int *from, int *to) {
  int count;
  const char *p = read_digits(s, from, &count);
  if (count != 4) return NULL;
  p = then_word(then_number(then_word(then_number(then_word(p, "年"), 1), "月"), 1), "日");
  if (then_word(p, "起")) p = then_word(p, "起"); /* "自…1月1日起至…12月31日止" */
  p = then_word(p, "至");
  if (p == NULL) return NULL;
  *to = *from;
  int year;
  const char *q = read_digits(skip_spaces(p), &year, &count);
  if (count == 4 && then_word(q, "年")) {
    *to = year;
    p = then_word(q, "年");
  }
  return then_word(then_number(then_word(then_number(p, 12), "月"), 31), "日");
}

/* A year written "YYYY年" in the title that is not the report year; 0 when none. */
static int other_year_in_title(const char *title, int year) {
  for (const char *p = next_digits(title); p; p = next_digits(p)) {
    int value, count;
    p = read_digits(p, &value, &count);
    if (count == 4 && then_word(p, "年") && value != year) return value;
  }
  return 0;
}

static void check_title_year(vctx *x, int year) {
  const char *title = x->r->meta[GI_META_TITLE];
  int other = title ? other_year_in_title(title, year) : 0;
  if (other == 0) return;
  begin(x, GI_RULE_TEXT_YEAR);
  add_path(x, x->r->meta_loc[GI_META_TITLE], "/title");
  SAY_ZH(x, "标题写的是%d年，报告年度为%d年", other, year);
  SAY_EN(x, "the title names the year %d, but the report is for %d", other, year);
  finish(x);
}

/* The first statement of the reporting period in `text` that names another year: its start
 * and length, the years in *from and *to; NULL when there is none. */
static const char *other_period(const char *text, int year, int *len, int *from, int *to) {
  for (const char *p = next_digits(text); p; p = next_digits(p)) {
    int value, count;
    const char *end = match_period(p, from, to);
    if (end && (*from != year || *to != year)) {
      *len = (int)(end - p);
      return p;
    }
    p = read_digits(p, &value, &count);
  }
  return NULL;
}

/* Prose that states the period: the preface (where reports usually do) and every section. */
static void check_period(vctx *x, const char *text, gi_loc loc, const char *where, int year,
                         const char *pointer) {
  int len, from, to;
  const char *p = text ? other_period(text, year, &len, &from, &to) : NULL;
  if (p == NULL) return;
  begin(x, GI_RULE_TEXT_YEAR);
  add_path(x, loc, "%s", pointer);
  SAY_ZH(x, "正文所写统计期间“%.*s”与报告年度%d年不符", len, p, year);
  SAY_EN(x, "%s names the reporting period \"%.*s\", but the report is for %d", where, len, p,
         year);
  finish(x);
}

static void check_text_year(vctx *x, gi_rule rule) {
  int year = x->r->year;
  if (year == 0) return;
  check_title_year(x, year);
  check_period(x, x->r->meta[GI_META_PREFACE], x->r->meta_loc[GI_META_PREFACE], "the preface",
               year, "/preface");
  for (size_t i = 0; i < x->r->nsections; i++) {
    char where[32], pointer[48];
    snprintf(where, sizeof where, "section %s", section_def(x, i)->id);
    snprintf(pointer, sizeof pointer, "/sections/%zu/text", i);
    check_period(x, x->r->sections[i].text, x->r->sections[i].loc, where, year, pointer);
  }
}

/* ---- running the rules ---- */

typedef void rule_check(vctx *x, gi_rule rule);

/* Rules without a function of their own are arithmetic identities listed by the formats. */
static rule_check *const checks[GI_RULE_COUNT_] = {
    [GI_RULE_GROUP_SUM] = check_group_sums,
    [GI_RULE_LAYOUT_GROUP_ROW] = check_group_rows,
    [GI_RULE_CELL_NEGATIVE] = check_negatives,
    [GI_RULE_CELL_FRACTION] = check_fractions,
    [GI_RULE_CELL_BLANK] = check_blanks,
    [GI_RULE_CELL_MARK] = check_marks,
    [GI_RULE_CELL_ABSENT] = check_absents,
    [GI_RULE_META_MISSING] = check_meta,
    [GI_RULE_FORMAT_YEAR] = check_format_year,
    [GI_RULE_SECTIONS_MISSING] = check_sections_missing,
    [GI_RULE_SECTIONS_ORDER] = check_sections_order,
    [GI_RULE_SECTIONS_TITLE] = check_sections_title,
    [GI_RULE_SECTIONS_PROBLEMS_EMPTY] = check_problems_empty,
    [GI_RULE_SECTIONS_FEE_STATEMENT] = check_fee_statement,
    [GI_RULE_SECTIONS_FEE_UNPAID] = check_fee_unpaid,
    [GI_RULE_PUBLISHED_EARLY] = check_published_early,
    [GI_RULE_PUBLISHED_LATE] = check_published_late,
    [GI_RULE_TEXT_YEAR] = check_text_year,
};

static govinfo_diagnostics *new_list(const char *file) {
  size_t n = strlen(file);
  govinfo_diagnostics *list = calloc(1, sizeof *list + n + 1);
  if (list) memcpy(list->file, file, n + 1);
  return list;
}

govinfo_diagnostics *gi_diagnostics_new(const char *file) {
  govinfo_diagnostics *list = new_list(file ? file : "");
  if (list == NULL) gi_fail_oom();
  return list;
}

int gi_diagnostics_add(govinfo_diagnostics *list, gi_rule rule, gi_loc loc,
                       const char *const *paths, size_t npaths, const char *zh, const char *en) {
  vctx x = {.list = list};
  begin(&x, rule);
  for (size_t i = 0; i < npaths; i++) add_path(&x, loc, "%s", paths[i]);
  x.loc = loc;
  SAY_ZH(&x, "%s", zh);
  SAY_EN(&x, "%s", en);
  finish(&x);
  gi_buf_free(&x.text);
  free(x.path_off);
  return x.oom ? gi_fail_oom() : GOVINFO_OK;
}

static void run_rules(vctx *x) {
  for (size_t i = 0; i < GI_RULE_COUNT_ && !x->oom; i++) {
    if (!govinfo_rule_applies_to(govinfo_rule_at(i), x->f) || gi_rule_is_import((gi_rule)i))
      continue;
    rule_check *check = checks[i] ? checks[i] : check_identities;
    check(x, (gi_rule)i);
  }
}

int govinfo_report_validate(govinfo_diagnostics **out, const govinfo_report *report) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  if (report == NULL) return gi_fail(GOVINFO_EINVAL, "report is NULL");
  vctx x = {.r = report, .f = report->format};
  size_t stack[STACK_INDICES];
  size_t needed = indices_needed(x.f);
  size_t *indices = needed <= STACK_INDICES ? stack : malloc(needed * sizeof *indices);
  x.list = new_list(report->origin ? report->origin : "");
  if (indices == NULL || x.list == NULL) {
    if (indices != stack) free(indices);
    free(x.list);
    return gi_fail_oom();
  }
  x.parents = indices;
  x.ids = indices + total_rows(x.f);
  resolve_parents(&x);
  x.kinds = cell_kinds(&x);
  run_rules(&x);
  if (indices != stack) free(indices);
  gi_buf_free(&x.text);
  free(x.path_off);
  if (x.oom) {
    govinfo_diagnostics_free(x.list);
    return gi_fail_oom();
  }
  *out = x.list;
  return GOVINFO_OK;
}

/* ---- the list ---- */

void govinfo_diagnostics_free(govinfo_diagnostics *list) {
  if (list == NULL) return;
  for (size_t i = 0; i < list->count; i++) free(list->items[i].block);
  free(list->items);
  free(list);
}

size_t govinfo_diagnostics_count(const govinfo_diagnostics *list) { return list ? list->count : 0; }

const govinfo_diagnostic *govinfo_diagnostics_at(const govinfo_diagnostics *list, size_t index) {
  return list && index < list->count ? &list->items[index] : NULL;
}

size_t govinfo_diagnostics_count_severity(const govinfo_diagnostics *list,
                                          govinfo_severity severity) {
  if (list == NULL || (unsigned)severity > GOVINFO_SEVERITY_ERROR) return 0;
  return list->by_severity[severity];
}

const char *govinfo_diagnostic_rule(const govinfo_diagnostic *d) {
  return d ? govinfo_rule_id(govinfo_rule_at(d->rule)) : NULL;
}

govinfo_severity govinfo_diagnostic_severity(const govinfo_diagnostic *d) {
  return d ? d->severity : GOVINFO_SEVERITY_NOTE;
}

const char *govinfo_diagnostic_message(const govinfo_diagnostic *d) {
  return d ? d->message : NULL;
}

const char *govinfo_diagnostic_message_en(const govinfo_diagnostic *d) {
  return d ? d->message_en : NULL;
}

size_t govinfo_diagnostic_path_count(const govinfo_diagnostic *d) { return d ? d->npaths : 0; }

const char *govinfo_diagnostic_path_at(const govinfo_diagnostic *d, size_t index) {
  return d && index < d->npaths ? d->paths[index] : NULL;
}

const char *govinfo_diagnostic_expected(const govinfo_diagnostic *d) {
  return d ? d->expected : NULL;
}

const char *govinfo_diagnostic_actual(const govinfo_diagnostic *d) { return d ? d->actual : NULL; }

const char *govinfo_diagnostic_file(const govinfo_diagnostic *d) { return d ? d->file : NULL; }
unsigned govinfo_diagnostic_line(const govinfo_diagnostic *d) { return d ? d->line : 0; }
unsigned govinfo_diagnostic_column(const govinfo_diagnostic *d) { return d ? d->column : 0; }

/* ---- as JSON ---- */

static bool add_string_or_null(cJSON *obj, const char *key, const char *value) {
  return value && value[0] ? cJSON_AddStringToObject(obj, key, value) != NULL
                           : cJSON_AddNullToObject(obj, key) != NULL;
}

static bool add_count_or_null(cJSON *obj, const char *key, unsigned value) {
  return value ? cJSON_AddNumberToObject(obj, key, value) != NULL
               : cJSON_AddNullToObject(obj, key) != NULL;
}

static bool add_paths(cJSON *obj, const govinfo_diagnostic *d) {
  cJSON *paths = cJSON_AddArrayToObject(obj, "paths");
  for (size_t i = 0; paths && i < d->npaths; i++) {
    cJSON *s = cJSON_CreateString(d->paths[i]);
    if (s == NULL || !cJSON_AddItemToArray(paths, s)) {
      cJSON_Delete(s);
      return false;
    }
  }
  return paths != NULL;
}

static cJSON *diagnostic_json(const govinfo_diagnostic *d) {
  cJSON *obj = cJSON_CreateObject();
  bool ok = obj && cJSON_AddStringToObject(obj, "rule", govinfo_diagnostic_rule(d)) &&
            cJSON_AddStringToObject(obj, "severity", govinfo_severity_name(d->severity)) &&
            add_paths(obj, d) && cJSON_AddStringToObject(obj, "message", d->message) &&
            cJSON_AddStringToObject(obj, "message_en", d->message_en) &&
            add_string_or_null(obj, "expected", d->expected) &&
            add_string_or_null(obj, "actual", d->actual) &&
            add_string_or_null(obj, "file", d->file) && add_count_or_null(obj, "line", d->line) &&
            add_count_or_null(obj, "column", d->column);
  if (!ok) {
    cJSON_Delete(obj);
    return NULL;
  }
  return obj;
}

static cJSON *list_json(const govinfo_diagnostics *list) {
  cJSON *obj = cJSON_CreateObject();
  cJSON *items = NULL;
  bool ok =
      obj && cJSON_AddBoolToObject(obj, "valid", list->by_severity[GOVINFO_SEVERITY_ERROR] == 0) &&
      cJSON_AddNumberToObject(obj, "errors", (double)list->by_severity[GOVINFO_SEVERITY_ERROR]) &&
      cJSON_AddNumberToObject(obj, "warnings",
                              (double)list->by_severity[GOVINFO_SEVERITY_WARNING]) &&
      cJSON_AddNumberToObject(obj, "notes", (double)list->by_severity[GOVINFO_SEVERITY_NOTE]) &&
      (items = cJSON_AddArrayToObject(obj, "diagnostics")) != NULL;
  for (size_t i = 0; ok && i < list->count; i++) {
    cJSON *d = diagnostic_json(&list->items[i]);
    ok = d && cJSON_AddItemToArray(items, d);
    if (!ok) cJSON_Delete(d);
  }
  if (!ok) {
    cJSON_Delete(obj);
    return NULL;
  }
  return obj;
}

int govinfo_diagnostics_to_json(char **out, size_t *len, const govinfo_diagnostics *list) {
  if (out) *out = NULL;
  if (out == NULL || list == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  cJSON *obj = list_json(list);
  char *printed = obj ? cJSON_Print(obj) : NULL;
  cJSON_Delete(obj);
  if (printed == NULL) return gi_fail_oom();
  /* Copied so the caller frees it with govinfo_free() whatever allocator cJSON uses. */
  size_t n = strlen(printed);
  char *copy = gi_strndup(printed, n);
  cJSON_free(printed);
  if (copy == NULL) return gi_fail_oom();
  *out = copy;
  if (len) *len = n;
  return GOVINFO_OK;
}
