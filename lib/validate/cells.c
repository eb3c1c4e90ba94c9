/* Single cells (cell.*) and the report's metadata (meta.missing, format.year). */
#include <string.h>

#include "validate/validate.h"

/* ---- single cells ---- */

typedef void cell_check(vctx *x, const table_view *t, size_t row, size_t col, const gi_cell *cell);

static void for_each_cell(vctx *x, cell_check *check) {
  for (size_t ti = 0; ti < x->f->ntables; ti++) {
    table_view t = gi_table_view_of(x, ti);
    for (size_t row = 0; row < t.def->nrows; row++) {
      if (is_row(t.def, row, GOVINFO_ROW_HEADING)) continue;
      for (size_t c = 0; c < t.def->ncolumns; c++) check(x, &t, row, c, cell_at(&t, row, c));
    }
  }
}

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
  gi_begin_cell(x, GI_RULE_CELL_NEGATIVE, t, row, col);
  KEY(x, "%s", value);
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
  gi_begin_cell(x, GI_RULE_CELL_FRACTION, t, row, col);
  KEY(x, "%s", value);
  SAY_ZH(x, CELL_ZH "为 %s：计数必须是整数", CELL_ZH_ARGS(t, row, col), value);
  SAY_EN(x, CELL_EN " holds %s: counts are integers", CELL_EN_ARGS(t, row, col), value);
  finish(x);
}

static void check_blank(vctx *x, const table_view *t, size_t row, size_t col, const gi_cell *cell) {
  if (cell->state != GOVINFO_CELL_BLANK) return;
  gi_begin_cell(x, GI_RULE_CELL_BLANK, t, row, col);
  SAY_ZH(x, CELL_ZH "留空：空白不等于零", CELL_ZH_ARGS(t, row, col));
  SAY_EN(x, CELL_EN " is blank: blank is not zero", CELL_EN_ARGS(t, row, col));
  finish(x);
}

/* A plain YAML scalar that YAML 1.1 tools read as a float or a boolean (.nan, .inf, yes): in
 * a cell it is kept as a mark, which the writer surely did not mean. */
static bool yaml_special_value(const char *s) {
  static const char *const special[] = {
      ".nan",  ".NaN",  ".NAN",  "NaN",   "nan",   ".inf",  ".Inf", ".INF",
      "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "inf",  "Infinity",
      "yes",   "Yes",   "YES",   "no",    "No",    "NO",    "on",   "On",
      "ON",    "off",   "Off",   "OFF",   "y",     "Y",     "n",    "N"};
  for (size_t i = 0; i < sizeof special / sizeof *special; i++)
    if (strcmp(s, special[i]) == 0) return true;
  return false;
}

static void check_mark(vctx *x, const table_view *t, size_t row, size_t col, const gi_cell *cell) {
  if (cell->state != GOVINFO_CELL_MARK) return;
  gi_begin_cell(x, GI_RULE_CELL_MARK, t, row, col);
  KEY(x, "%s", cell->mark);
  bool special = yaml_special_value(cell->mark);
  SAY_ZH(x, CELL_ZH "填写了“%s”：不是数字，不等于零%s", CELL_ZH_ARGS(t, row, col), cell->mark,
         special ? "（看起来是 YAML 的特殊值，如 .nan、.inf、yes：应填写数字）" : "");
  SAY_EN(x, CELL_EN " holds the mark \"%s\": not a number and not zero%s",
         CELL_EN_ARGS(t, row, col), cell->mark,
         special ? " (it looks like a YAML special value such as .nan, .inf or yes: write a number)"
                 : "");
  finish(x);
}

static void check_fullwidth(vctx *x, const table_view *t, size_t row, size_t col,
                            const gi_cell *cell) {
  if (cell->state != GOVINFO_CELL_NUMBER || !cell->fullwidth) return;
  char value[GOVINFO_NUMBER_BUFSIZE];
  gi_decimal_format(&cell->number, value);
  gi_begin_cell(x, GI_RULE_CELL_FULLWIDTH_DIGITS, t, row, col);
  KEY(x, "%s", value);
  SAY_ZH(x, CELL_ZH "的数字用全角字符书写，已读作 %s；请改用半角数字", CELL_ZH_ARGS(t, row, col),
         value);
  SAY_EN(x, CELL_EN " is written in full-width digits and was read as %s: write ASCII digits",
         CELL_EN_ARGS(t, row, col), value);
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
  gi_begin_cell(x, GI_RULE_CELL_ABSENT, t, row, col);
  SAY_ZH(x, CELL_ZH "缺失：报告未给出该数据", CELL_ZH_ARGS(t, row, col));
  SAY_EN(x, CELL_EN " is absent: the report does not give this figure", CELL_EN_ARGS(t, row, col));
  finish(x);
}

enum {
  HAS_NEGATIVE = 1,
  HAS_FRACTION = 2,
  HAS_BLANK = 4,
  HAS_MARK = 8,
  HAS_ABSENT = 16,
  HAS_FULLWIDTH = 32
};

/* What the cells hold, in one pass; absent cells count only in data rows. */
unsigned gi_cell_kinds(const vctx *x) {
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
          if (c->fullwidth) kinds |= HAS_FULLWIDTH;
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

void gi_check_negatives(vctx *x, gi_rule rule) { check_cells(x, HAS_NEGATIVE, check_negative); }
void gi_check_fractions(vctx *x, gi_rule rule) { check_cells(x, HAS_FRACTION, check_fraction); }
void gi_check_blanks(vctx *x, gi_rule rule) { check_cells(x, HAS_BLANK, check_blank); }
void gi_check_marks(vctx *x, gi_rule rule) { check_cells(x, HAS_MARK, check_mark); }
void gi_check_absents(vctx *x, gi_rule rule) { check_cells(x, HAS_ABSENT, check_absent); }
void gi_check_fullwidth_digits(vctx *x, gi_rule rule) {
  check_cells(x, HAS_FULLWIDTH, check_fullwidth);
}

/* ---- metadata ---- */

void gi_check_meta(vctx *x, gi_rule rule) {
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

void gi_check_format_year(vctx *x, gi_rule rule) {
  int year = x->r->year;
  if (year == 0 || govinfo_format_covers_year(x->f, year)) return;
  const struct govinfo_format *right = NULL;
  for (size_t i = 0; i < govinfo_format_count() && right == NULL; i++)
    if (govinfo_format_covers_year(govinfo_format_at(i), year)) right = govinfo_format_at(i);
  begin(x, rule);
  add_path(x, x->r->format_loc, "/format");
  KEY(x, "%s %d", x->f->id, year);
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
