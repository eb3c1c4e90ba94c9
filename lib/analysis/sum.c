/* Bodies summed (govinfo_sum) and a printed report against the sum of its parts
 * (govinfo_sum_against). Figures are exact decimals: money keeps its places. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "findings/findings.h"
#include "util/buf.h"
#include "util/text.h"

#define NAME_SIZE 512

/* ---- exact decimals ---- */

static int64_t power_of_ten(unsigned n) {
  int64_t p = 1;
  while (n--) p *= 10;
  return p;
}

/* The sum of n decimals at the largest of their scales; false beyond 2^53. */
static bool add_decimals(const gi_decimal *d, size_t n, gi_decimal *out) {
  uint8_t scale = 0;
  for (size_t i = 0; i < n; i++)
    if (d[i].scale > scale) scale = d[i].scale;
  int64_t unit = power_of_ten(scale), whole = 0, frac = 0;
  for (size_t i = 0; i < n; i++) {
    int64_t w = (int64_t)d[i].whole, f = (int64_t)d[i].frac * power_of_ten(scale - d[i].scale);
    if (d[i].negative) w = -w, f = -f;
    if (__builtin_add_overflow(whole, w, &whole)) return false;
    frac += f;
    whole += frac / unit;
    frac %= unit;
  }
  if (whole > 0 && frac < 0) whole--, frac += unit;
  if (whole < 0 && frac > 0) whole++, frac -= unit;
  bool negative = whole < 0 || (whole == 0 && frac < 0);
  uint64_t magnitude = whole < 0 ? (uint64_t)0 - (uint64_t)whole : (uint64_t)whole;
  if (magnitude > GI_MAX_WHOLE) return false;
  *out = (gi_decimal){magnitude, (uint32_t)(frac < 0 ? -frac : frac), scale, negative};
  return true;
}

/* Equal values whatever their scales ("1.5" and "1.50"). */
static bool same_value(const gi_decimal *a, const gi_decimal *b) {
  gi_decimal neg = *b, diff;
  neg.negative = !neg.negative && (neg.whole || neg.frac);
  gi_decimal both[2] = {*a, neg};
  return add_decimals(both, 2, &diff) && diff.whole == 0 && diff.frac == 0;
}

/* ---- checking the parts ---- */

/* Parts of one format version and one year; `what` ("sum", "compare") in messages. */
static int check_parts(const govinfo_report *const *parts, size_t n, const char *what) {
  if (n == 0) return gi_fail(GOVINFO_EINVAL, "nothing to sum: no reports given");
  if (parts == NULL) return gi_fail(GOVINFO_EINVAL, "parts is NULL");
  char first_zh[NAME_SIZE], first_en[NAME_SIZE], zh[NAME_SIZE], en[NAME_SIZE];
  for (size_t i = 0; i < n; i++)
    if (parts[i] == NULL) return gi_fail(GOVINFO_EINVAL, "part %zu is NULL", i + 1);
  gi_part_name(parts[0], 0, first_zh, first_en, sizeof first_zh);
  for (size_t i = 0; i < n; i++) {
    gi_part_name(parts[i], i, zh, en, sizeof zh);
    if (parts[i]->year == 0)
      return gi_fail(GOVINFO_EINVAL, "cannot %s %s: it has no year", what, en);
    if (parts[i]->format != parts[0]->format)
      return gi_fail(GOVINFO_EINVAL,
                     "cannot %s reports of different format versions: %s is format %s, %s is "
                     "format %s",
                     what, first_en, parts[0]->format->id, en, parts[i]->format->id);
    if (parts[i]->year != parts[0]->year)
      return gi_fail(GOVINFO_EINVAL,
                     "cannot %s reports of different years: %s is for %d, %s is for %d", what,
                     first_en, parts[0]->year, en, parts[i]->year);
  }
  return GOVINFO_OK;
}

static int check_options(const govinfo_sum_options *o) {
  if (o->version == 0 || o->version > GOVINFO_SUM_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_sum_options", o->version);
  if (o->flags & ~GOVINFO_SUM_BLANK_AS_ZERO)
    return gi_fail(GOVINFO_EINVAL, "unknown flags 0x%x", o->flags & ~GOVINFO_SUM_BLANK_AS_ZERO);
  if (o->organ && !gi_utf8_valid(o->organ, strlen(o->organ)))
    return gi_fail(GOVINFO_EINVAL, "the organ is not valid UTF-8");
  return GOVINFO_OK;
}

int govinfo_sum_options_init(govinfo_sum_options *opts, unsigned version) {
  if (opts == NULL) return gi_fail(GOVINFO_EINVAL, "options pointer is NULL");
  if (version == 0 || version > GOVINFO_SUM_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_sum_options", version);
  *opts = (govinfo_sum_options)GOVINFO_SUM_OPTIONS_INIT;
  opts->version = version;
  return GOVINFO_OK;
}

/* ---- summing ---- */

typedef struct sctx {
  const govinfo_report *const *parts;
  size_t n;
  bool blank_as_zero;
  govinfo_report *sum;
  govinfo_diagnostics *list;
  gi_finding f;
  gi_decimal *values; /* room for one figure per part */
  bool *lacks;        /* per part: has no figure for the cell being summed */
  bool too_large;     /* a sum is beyond 2^53: the work ends */
} sctx;

static const struct govinfo_table *table_of(const sctx *x, size_t t) {
  return &x->sum->format->tables[t];
}

static bool is_child(const struct govinfo_table *tb, size_t row, size_t group) {
  return tb->rows[row].parent && strcmp(tb->rows[row].parent, tb->rows[group].id) == 0;
}

/* A part's figure for a cell, or for a group row the sum of its sub-rows. */
static bool part_value(const sctx *x, const govinfo_report *r, size_t t, size_t row, size_t col,
                       bool as_group, gi_decimal *out) {
  const gi_cell *c = gi_report_cell(r, t, row, col);
  if (c->state == GOVINFO_CELL_NUMBER) return *out = c->number, true;
  if (c->state == GOVINFO_CELL_BLANK && x->blank_as_zero && !as_group)
    return *out = (gi_decimal){0, 0, 0, false}, true;
  if (!as_group) return false;
  const struct govinfo_table *tb = table_of(x, t);
  gi_decimal sub[64];
  size_t k = 0;
  for (size_t s = 0; s < tb->nrows; s++) {
    if (!is_child(tb, s, row)) continue;
    if (k == GI_COUNT_OF(sub) || !part_value(x, r, t, s, col, false, &sub[k])) return false;
    k++;
  }
  return k > 0 && add_decimals(sub, k, out);
}

static const char *state_zh(const gi_cell *c) {
  return c->state == GOVINFO_CELL_BLANK ? "空白" : c->state == GOVINFO_CELL_MARK ? "符号" : "缺失";
}

static const char *state_en(const gi_cell *c) {
  return c->state == GOVINFO_CELL_BLANK  ? "blank"
         : c->state == GOVINFO_CELL_MARK ? "a mark"
                                         : "absent";
}

/* "a.yaml（空白）、b.yaml（“/”）" of the parts that lack the cell, into the finding. */
static void put_lacking(sctx *x, size_t t, size_t row, size_t col, bool en) {
  bool first = true;
  for (size_t i = 0; i < x->n; i++) {
    if (!x->lacks[i]) continue;
    char zh_name[NAME_SIZE], en_name[NAME_SIZE];
    gi_part_name(x->parts[i], i, zh_name, en_name, sizeof zh_name);
    const gi_cell *c = gi_report_cell(x->parts[i], t, row, col);
    gi_buf *b = &x->f.text;
    gi_buf_puts(b, first ? "" : en ? ", " : "、");
    if (c->state == GOVINFO_CELL_MARK)
      gi_buf_printf(b, en ? "%s (the mark \"%s\")" : "%s（“%s”）", en ? en_name : zh_name, c->mark);
    else
      gi_buf_printf(b, en ? "%s (%s)" : "%s（%s）", en ? en_name : zh_name,
                    en ? state_en(c) : state_zh(c));
    first = false;
  }
}

static void report_absent(sctx *x, size_t t, size_t row, size_t col) {
  const struct govinfo_table *tb = table_of(x, t);
  size_t first = 0;
  while (!x->lacks[first]) first++;
  gi_finding_begin(&x->f, GI_RULE_SUM_ABSENT);
  x->f.file = x->parts[first]->origin;
  gi_finding_add_path(&x->f, gi_report_cell(x->parts[first], t, row, col)->loc, "/tables/%s/%s/%s",
                      tb->id, tb->rows[row].id, tb->columns[col].id);
  gi_finding_begin_string(&x->f, GI_SLOT_ZH);
  gi_buf_printf(&x->f.text, "%s“%s”行“%s”列在以下报告中不是数字，汇总结果中缺失：", tb->title,
                tb->rows[row].label, tb->columns[col].label);
  put_lacking(x, t, row, col, false);
  gi_finding_end_string(&x->f);
  gi_finding_begin_string(&x->f, GI_SLOT_EN);
  gi_buf_printf(&x->f.text, "cell %s.%s.%s (%s / %s) is left absent in the sum: not a number in ",
                tb->id, tb->rows[row].id, tb->columns[col].id, tb->rows[row].label,
                tb->columns[col].label);
  put_lacking(x, t, row, col, true);
  gi_finding_end_string(&x->f);
  gi_finding_finish(&x->f, x->list);
}

static void sum_cell(sctx *x, size_t t, size_t row, size_t col, bool as_group) {
  bool lacking = false;
  for (size_t i = 0; i < x->n; i++) {
    x->lacks[i] = !part_value(x, x->parts[i], t, row, col, as_group, &x->values[i]);
    lacking = lacking || x->lacks[i];
  }
  if (lacking) {
    report_absent(x, t, row, col);
    return;
  }
  gi_decimal total;
  if (!add_decimals(x->values, x->n, &total)) {
    x->too_large = true;
    return;
  }
  gi_cell_set_number(gi_report_cell(x->sum, t, row, col), &total);
}

/* Some part prints the group row with a figure of its own. */
static bool printed_as_one_row(const sctx *x, size_t t, size_t group, size_t part) {
  const struct govinfo_table *tb = table_of(x, t);
  for (size_t c = 0; c < tb->ncolumns; c++)
    if (gi_report_cell(x->parts[part], t, group, c)->state != GOVINFO_CELL_ABSENT) return true;
  return false;
}

/* Where the first part that prints the group as one row prints it. */
static gi_loc group_loc(sctx *x, size_t t, size_t group) {
  const struct govinfo_table *tb = table_of(x, t);
  for (size_t i = 0; i < x->n; i++)
    for (size_t c = 0; c < tb->ncolumns; c++) {
      const gi_cell *cell = gi_report_cell(x->parts[i], t, group, c);
      if (cell->state != GOVINFO_CELL_ABSENT) {
        x->f.file = x->parts[i]->origin;
        return cell->loc;
      }
    }
  return (gi_loc){0, 0};
}

static void report_group(sctx *x, size_t t, size_t group) {
  const struct govinfo_table *tb = table_of(x, t);
  gi_finding_begin(&x->f, GI_RULE_SUM_ABSENT);
  gi_loc loc = group_loc(x, t, group);
  gi_finding_add_path(&x->f, loc, "/tables/%s/%s", tb->id, tb->rows[group].id);
  for (int en = 0; en < 2; en++) {
    gi_finding_begin_string(&x->f, en ? GI_SLOT_EN : GI_SLOT_ZH);
    if (en)
      gi_buf_printf(&x->f.text, "group row %s (%s) is printed as one row in ", tb->rows[group].id,
                    tb->rows[group].label);
    else gi_buf_printf(&x->f.text, "“%s”在以下报告中作为一行印出数字：", tb->rows[group].label);
    bool first = true;
    for (size_t i = 0; i < x->n; i++) {
      if (!printed_as_one_row(x, t, group, i)) continue;
      char zh[NAME_SIZE], en_name[NAME_SIZE];
      gi_part_name(x->parts[i], i, zh, en_name, sizeof zh);
      gi_buf_printf(&x->f.text, "%s%s", first ? "" : en ? ", " : "、", en ? en_name : zh);
      first = false;
    }
    gi_buf_puts(&x->f.text, en ? ": it is summed as a group and its sub-rows are left absent"
                               : "。按分组汇总，其子项在汇总结果中缺失");
    gi_finding_end_string(&x->f);
  }
  gi_finding_finish(&x->f, x->list);
}

static void sum_table(sctx *x, size_t t) {
  const struct govinfo_table *tb = table_of(x, t);
  size_t whole_group = SIZE_MAX; /* a group summed as one row: its sub-rows are skipped */
  for (size_t row = 0; row < tb->nrows && !x->f.oom && !x->too_large; row++) {
    if (whole_group != SIZE_MAX && is_child(tb, row, whole_group)) continue;
    if (tb->rows[row].role == GOVINFO_ROW_HEADING) continue;
    if (tb->rows[row].role == GOVINFO_ROW_GROUP) {
      bool any = false;
      for (size_t i = 0; i < x->n && !any; i++) any = printed_as_one_row(x, t, row, i);
      if (!any) continue;
      whole_group = row;
      report_group(x, t, row);
    }
    bool as_group = tb->rows[row].role == GOVINFO_ROW_GROUP;
    for (size_t c = 0; c < tb->ncolumns && !x->f.oom; c++) sum_cell(x, t, row, c, as_group);
  }
}

/* The six sections with their official titles and no text, and a preface naming the parts,
 * so the sum reads like any report. */
static int describe_sum(sctx *x, const char *organ) {
  govinfo_report *r = x->sum;
  int rc = govinfo_report_set_year(r, x->parts[0]->year);
  if (rc || (rc = govinfo_report_set_organ(r, organ))) return rc;
  for (size_t s = 0; s < r->format->nsections; s++)
    if ((rc = govinfo_report_set_section(r, r->format->sections[s].id, NULL, ""))) return rc;
  gi_buf b = {0};
  gi_buf_printf(&b, "本报告的表格为以下 %zu 份报告之和：", x->n);
  for (size_t i = 0; i < x->n; i++) {
    char zh[NAME_SIZE], en[NAME_SIZE];
    gi_part_name(x->parts[i], i, zh, en, sizeof zh);
    const char *organ_i = x->parts[i]->meta[GI_META_ORGAN];
    gi_buf_printf(&b, "%s%s", i ? "、" : "", zh);
    if (organ_i) gi_buf_printf(&b, "（%s）", organ_i);
  }
  gi_buf_puts(&b, "。");
  char *preface;
  size_t len;
  if (gi_buf_finish(&b, &preface, &len)) return GOVINFO_ENOMEM;
  return gi_report_take_meta(r, GI_META_PREFACE, preface);
}

int govinfo_sum(govinfo_report **out, govinfo_diagnostics **findings,
                const govinfo_report *const *parts, size_t n, const govinfo_sum_options *opts) {
  if (out) *out = NULL;
  if (findings) *findings = NULL;
  if (out == NULL || findings == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  const govinfo_sum_options defaults = GOVINFO_SUM_OPTIONS_INIT;
  if (opts == NULL) opts = &defaults;
  int rc = check_options(opts);
  if (rc || (rc = check_parts(parts, n, "sum"))) return rc;
  sctx x = {.parts = parts, .n = n, .blank_as_zero = opts->flags & GOVINFO_SUM_BLANK_AS_ZERO};
  rc = govinfo_report_new(&x.sum, parts[0]->format->id);
  if (rc == GOVINFO_OK) rc = describe_sum(&x, opts->organ);
  x.list = rc ? NULL : gi_diagnostics_new(NULL);
  x.values = malloc(n * sizeof *x.values);
  x.lacks = calloc(n, sizeof *x.lacks);
  if (rc == GOVINFO_OK && (x.list == NULL || x.values == NULL || x.lacks == NULL))
    rc = gi_fail_oom();
  for (size_t t = 0; rc == GOVINFO_OK && t < x.sum->format->ntables && !x.f.oom && !x.too_large;
       t++)
    sum_table(&x, t);
  if (rc == GOVINFO_OK && x.f.oom) rc = gi_fail_oom();
  if (rc == GOVINFO_OK && x.too_large)
    rc = gi_fail(GOVINFO_ERANGE, "a sum is beyond 2^53, the largest figure a report holds");
  gi_finding_free(&x.f);
  free(x.values);
  free(x.lacks);
  if (rc) {
    govinfo_report_free(x.sum);
    govinfo_diagnostics_free(x.list);
    return rc;
  }
  *out = x.sum;
  *findings = x.list;
  return GOVINFO_OK;
}

/* ---- a printed report against the sum ---- */

/* A report's figure for a cell: its number, or a group row's sub-rows when it prints none. */
static bool figure_of(const govinfo_report *r, size_t t, size_t row, size_t col, gi_decimal *out) {
  sctx x = {.sum = (govinfo_report *)r};
  const struct govinfo_table *tb = &r->format->tables[t];
  return part_value(&x, r, t, row, col, tb->rows[row].role == GOVINFO_ROW_GROUP, out);
}

static void report_differs(gi_finding *f, govinfo_diagnostics *list, const govinfo_report *parent,
                           size_t t, size_t row, size_t col, const gi_decimal *sum,
                           const gi_decimal *printed) {
  const struct govinfo_table *tb = &parent->format->tables[t];
  char s[GOVINFO_NUMBER_BUFSIZE], p[GOVINFO_NUMBER_BUFSIZE];
  gi_decimal_format(sum, s);
  gi_decimal_format(printed, p);
  gi_finding_begin(f, GI_RULE_SUM_DIFFERS);
  gi_finding_add_path(f, gi_report_cell(parent, t, row, col)->loc, "/tables/%s/%s/%s", tb->id,
                      tb->rows[row].id, tb->columns[col].id);
  gi_finding_say(f, GI_SLOT_EXPECTED, "%s", s);
  gi_finding_say(f, GI_SLOT_ACTUAL, "%s", p);
  gi_finding_say(f, GI_SLOT_ZH, "%s“%s”行“%s”列：本报告印为 %s，各部分之和为 %s", tb->title,
                 tb->rows[row].label, tb->columns[col].label, p, s);
  gi_finding_say(f, GI_SLOT_EN, "cell %s.%s.%s (%s / %s): %s printed, %s the sum of the parts",
                 tb->id, tb->rows[row].id, tb->columns[col].id, tb->rows[row].label,
                 tb->columns[col].label, p, s);
  gi_finding_finish(f, list);
}

int govinfo_sum_against(govinfo_diagnostics **out, const govinfo_report *parent,
                        const govinfo_report *sum) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  if (parent == NULL || sum == NULL) return gi_fail(GOVINFO_EINVAL, "report is NULL");
  const govinfo_report *both[2] = {parent, sum};
  int rc = check_parts(both, 2, "compare");
  if (rc) return rc;
  govinfo_diagnostics *list = gi_diagnostics_new(parent->origin);
  if (list == NULL) return GOVINFO_ENOMEM;
  gi_finding f = {0};
  const struct govinfo_format *fmt = parent->format;
  for (size_t t = 0; t < fmt->ntables && !f.oom; t++) {
    const struct govinfo_table *tb = &fmt->tables[t];
    for (size_t row = 0; row < tb->nrows && !f.oom; row++) {
      if (tb->rows[row].role == GOVINFO_ROW_HEADING) continue;
      for (size_t c = 0; c < tb->ncolumns && !f.oom; c++) {
        /* A group is compared where the parent prints a figure of its own for it. */
        if (tb->rows[row].role == GOVINFO_ROW_GROUP &&
            gi_report_cell(parent, t, row, c)->state != GOVINFO_CELL_NUMBER)
          continue;
        gi_decimal p, s;
        if (figure_of(parent, t, row, c, &p) && figure_of(sum, t, row, c, &s) &&
            !same_value(&p, &s))
          report_differs(&f, list, parent, t, row, c, &s, &p);
      }
    }
  }
  gi_finding_free(&f);
  if (f.oom) {
    govinfo_diagnostics_free(list);
    return gi_fail_oom();
  }
  *out = list;
  return GOVINFO_OK;
}
