/* Reading tables 2, 3 and 4 from the document's lines.
 *
 * A table's region is the stretch of lines its definition places it in (its section, and for
 * the parts of table 2 the lines after its caption). In a region, values (numbers, marks such
 * as "/", empty cells of Markdown and HTML rows) form runs: values with no text between them.
 * Printed tables put one row's values together, so runs are the evidence for rows:
 *
 * 1. every run holds one row's values and there is one run per printed row: rows in printed
 *    order, each checked against its label;
 * 2. otherwise, when the region holds exactly the values of all printed rows, read row by
 *    row in printed order only where the format's row identities (total = sum of the parts)
 *    confirm every row — reading-order text gives values one per line, far from labels;
 * 3. otherwise each run of one row's values is placed by its label, in printed order.
 *
 * Whatever none of these places with certainty stays absent, with a finding naming the cells
 * and the line. Figures are never adjusted to make identities hold. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"

#define KEY_MAX 256 /* code points of a label key; longer text is cut */

typedef enum value_kind { VALUE_NUMBER, VALUE_BLANK, VALUE_MARK } value_kind;

typedef struct item {
  const gi_token *tok;
  size_t line;
  bool is_value;
  value_kind kind;
  gi_decimal number;
  const char *unit; /* unit printed after the number ("件", "万元"), NULL when none */
  bool run_start;   /* a value that must start a run (first value of a table row) */
} item;

typedef struct run {
  size_t first, count; /* items[first .. first + count) are its values */
  size_t text_from;    /* items[text_from .. first) is the text before it */
  size_t text_to;      /* items[first + count .. text_to) is the text after it */
} run;

typedef struct region {
  item *items;
  size_t nitems;
  run *runs;
  size_t nruns;
  size_t first_line, end_line;
} region;

/* ---- values ---- */

static const char *const count_units[] = {"件", "个", "项", "次", "人", NULL};
static const char *const money_units[] = {"万元", "元", NULL};

static bool is_mark(const char *s, size_t len) {
  if (len == 0 || len > 12) return false;
  /* quick rejection by the first byte: "/", "-", "\\", U+2010..U+25FF (dashes, box line),
   * "×" (C3 97); "无" is the only word */
  unsigned char c = (unsigned char)s[0];
  if (c == 0xE6) return strcmp(s, "无") == 0;
  if (c != '/' && c != '-' && c != '\\' && c != 0xE2 && c != 0xC3) return false;
  static const char *const marks[] = {"/", "-", "—", "–", "―", "─", "×", "\\", NULL};
  size_t i = 0;
  while (i < len) {
    size_t k = 0;
    for (; marks[k]; k++) {
      size_t n = strlen(marks[k]);
      if (strncmp(s + i, marks[k], n) == 0) {
        i += n;
        break;
      }
    }
    if (marks[k] == NULL) return false;
  }
  return true;
}

/* "3,985,758" -> "3985758" into buf; false unless the commas group thousands exactly. */
static bool strip_thousands(const char *s, size_t len, char *buf, size_t cap, size_t *out) {
  size_t n = 0, group = 0;
  bool comma = false;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == ',') {
      if ((comma && group != 3) || (!comma && (group == 0 || group > 3))) return false;
      comma = true;
      group = 0;
      continue;
    }
    if (s[i] == '.') break;
    group++;
    if (n + 1 >= cap) return false;
    buf[n++] = s[i];
  }
  if (comma && group != 3) return false;
  const char *point = memchr(s, '.', len);
  size_t dot = point ? (size_t)(point - s) : len;
  if (len - dot + n >= cap) return false;
  memcpy(buf + n, s + dot, len - dot);
  *out = n + len - dot;
  return true;
}

/* Classifies a token: a number (with an optional unit), a mark, or text. */
static bool classify(const gi_token *t, bool in_row, item *it) {
  if (t->len == 0) {
    if (!in_row) return false;
    it->kind = VALUE_BLANK;
    return true;
  }
  if (is_mark(t->text, t->len)) {
    it->kind = VALUE_MARK;
    return true;
  }
  size_t digits_end = 0;
  const char *s = t->text;
  if (s[0] == '-' || s[0] == '+') digits_end = 1;
  while (digits_end < t->len &&
         ((s[digits_end] >= '0' && s[digits_end] <= '9') || s[digits_end] == '.' ||
          s[digits_end] == ','))
    digits_end++;
  if (digits_end == 0 || !(s[digits_end - 1] >= '0' && s[digits_end - 1] <= '9')) return false;
  const char *unit = NULL;
  if (digits_end < t->len) {
    const char *rest = s + digits_end;
    for (const char *const *u = count_units; *u && !unit; u++)
      if (strcmp(rest, *u) == 0) unit = *u;
    for (const char *const *u = money_units; *u && !unit; u++)
      if (strcmp(rest, *u) == 0) unit = *u;
    if (unit == NULL) return false;
  }
  char plain[64];
  size_t n = digits_end;
  if (memchr(s, ',', digits_end)) {
    size_t sign = s[0] == '-' || s[0] == '+';
    if (!strip_thousands(s + sign, digits_end - sign, plain + sign, sizeof plain - sign, &n))
      return false;
    if (sign) plain[0] = s[0];
    n += sign;
  } else {
    if (n >= sizeof plain) return false;
    memcpy(plain, s, n);
  }
  if (gi_decimal_parse(plain, n, &it->number) != GOVINFO_OK) return false;
  it->kind = VALUE_NUMBER;
  it->unit = unit;
  return true;
}

/* ---- regions ---- */

static void region_free(region *g) {
  free(g->items);
  free(g->runs);
  memset(g, 0, sizeof *g);
}

/* The cells [*start, *end) of a table row that hold its values: the trailing value cells.
 * Converters pad a spanned cell with empty ones; beyond the table's ncol values they are
 * dropped from the one side that has them (both sides: not knowable, left as they are). A row
 * of empty cells only is a blank row when it has a label and exactly ncol of them. */
static void row_values(const gi_doc *d, const gi_line *line, size_t ncol, size_t *start,
                       size_t *end) {
  const gi_token *cells = &d->tokens[line->first];
  size_t s = line->count, e = line->count;
  bool any = false;
  item probe;
  while (s > 0 && classify(&cells[s - 1], true, &probe)) {
    any = any || probe.kind != VALUE_BLANK;
    s--;
  }
  if (!any && !(s > 0 && e - s == ncol)) s = e;
  if (any && e - s > ncol) {
    size_t extra = e - s - ncol, lead = 0, trail = 0;
    while (s + lead < e && cells[s + lead].len == 0) lead++;
    while (trail < e - s && cells[e - 1 - trail].len == 0) trail++;
    if (lead >= extra && trail == 0) s += extra;
    else if (trail >= extra && lead == 0) e -= extra;
  }
  *start = s;
  *end = e;
}

static bool region_build(gi_import *im, region *g, size_t from, size_t to, size_t ncol) {
  memset(g, 0, sizeof *g);
  g->first_line = from;
  g->end_line = to;
  const gi_doc *d = &im->doc;
  size_t n = 0;
  for (size_t l = from; l < to; l++) n += d->lines[l].count;
  g->items = calloc(n ? n : 1, sizeof *g->items);
  g->runs = calloc(n ? n : 1, sizeof *g->runs);
  if (g->items == NULL || g->runs == NULL) {
    region_free(g);
    im->status = gi_fail_oom();
    return false;
  }
  for (size_t l = from; l < to; l++) {
    const gi_line *line = &d->lines[l];
    if (line->kind == GI_LINE_BREAK) continue;
    bool row = line->kind == GI_LINE_ROW;
    size_t start = 0, end = 0;
    if (row) row_values(d, line, ncol, &start, &end);
    for (size_t k = 0; k < line->count; k++) {
      item *it = &g->items[g->nitems++];
      it->tok = &d->tokens[line->first + k];
      it->line = l;
      it->is_value = row ? k >= start && k < end && classify(it->tok, true, it)
                         : classify(it->tok, false, it);
      it->run_start = row && k == start;
    }
  }
  /* Runs: values with no text between them; a table row starts a run of its own. */
  size_t text_from = 0;
  for (size_t i = 0; i < g->nitems;) {
    if (!g->items[i].is_value) {
      i++;
      continue;
    }
    run *r = &g->runs[g->nruns++];
    r->first = i;
    r->text_from = text_from;
    do i++;
    while (i < g->nitems && g->items[i].is_value && !g->items[i].run_start);
    r->count = i - r->first;
    text_from = i;
  }
  for (size_t k = 0; k < g->nruns; k++)
    g->runs[k].text_to = k + 1 < g->nruns ? g->runs[k + 1].first : g->nitems;
  return true;
}

/* Key of the text items in [from, to). */
static size_t text_key(const region *g, size_t from, size_t to, int32_t *key, size_t cap) {
  size_t n = 0;
  for (size_t i = from; i < to && n < cap; i++)
    if (!g->items[i].is_value) {
      const gi_token *t = g->items[i].tok;
      size_t k = t->nkey < cap - n ? t->nkey : cap - n;
      memcpy(key + n, t->key, k * sizeof *key);
      n += k;
    }
  return n;
}

/* The format's labels are NFKC-stable apart from punctuation, which keys leave out. */
static size_t label_key(const char *label, int32_t *key) {
  return gi_label_key(label, strlen(label), key, KEY_MAX);
}

/* ---- writing cells and findings ---- */

typedef struct table_ctx {
  gi_import *im;
  size_t table; /* index in the format */
  const struct govinfo_table *def;
  region g;
  size_t *printed; /* rows printed with values, in printed order */
  size_t nprinted;
  bool *done;     /* per printed row: read */
  bool *reported; /* per printed row: reported as not read */
  size_t last_line; /* last line a value was read from */
  int32_t *row_keys; /* KEY_MAX per row: the key of its label */
  size_t *row_key_len;
} table_ctx;

static gi_loc item_loc(const item *it) { return it->tok->loc; }

static bool money_unit_matches(const struct govinfo_column *c, const char *unit) {
  return c->kind == GOVINFO_KIND_MONEY && strstr(c->label, unit) != NULL &&
         !(strcmp(unit, "元") == 0 && strstr(c->label, "万元") != NULL);
}

static void put_value(table_ctx *t, size_t row, size_t col, const item *it) {
  gi_cell *cell = gi_report_cell(t->im->report, t->table, row, col);
  const struct govinfo_column *c = &t->def->columns[col];
  bool unit_ok = it->unit == NULL ||
                 (c->kind != GOVINFO_KIND_MONEY && strcmp(it->unit, "元") != 0 &&
                  strcmp(it->unit, "万元") != 0) ||
                 money_unit_matches(c, it->unit);
  if (it->kind == VALUE_NUMBER && unit_ok) {
    gi_cell_set_number(cell, &it->number);
  } else if (it->kind == VALUE_BLANK) {
    gi_cell_set_blank(cell);
  } else { /* a mark, or an amount in another unit: kept as printed, never converted */
    char *mark = gi_strndup(it->tok->text, it->tok->len);
    if (mark == NULL) {
      t->im->status = GOVINFO_ENOMEM;
      return;
    }
    gi_cell_take_mark(cell, mark);
  }
  cell->loc = item_loc(it);
  if (it->line > t->last_line || t->last_line == GI_NO_LINE) t->last_line = it->line;
}

static void put_row(table_ctx *t, size_t printed_index, const item *values) {
  size_t row = t->printed[printed_index];
  for (size_t c = 0; c < t->def->ncolumns; c++) put_value(t, row, c, &values[c]);
  t->done[printed_index] = true;
}

static void report_unread(table_ctx *t, size_t printed_index, gi_loc loc, const char *why_zh,
                          const char *why_en) {
  size_t row = t->printed[printed_index];
  t->reported[printed_index] = true;
  const struct govinfo_row *r = &t->def->rows[row];
  char **paths = calloc(t->def->ncolumns, sizeof *paths);
  char buf[256];
  bool ok = paths != NULL;
  for (size_t c = 0; ok && c < t->def->ncolumns; c++) {
    gi_cell_pointer(t->im->format, t->table, row, c, buf, sizeof buf);
    ok = (paths[c] = gi_strdup(buf)) != NULL;
  }
  if (ok) {
    char zh[512], en[512];
    snprintf(zh, sizeof zh, "未能确定地读出 %s「%s」一行的数字（%s），已留空缺失", t->def->id,
             r->label, why_zh);
    snprintf(en, sizeof en, "could not read the figures of %s row %s (%s) with certainty (%s); "
             "they are left absent", t->def->id, r->id, r->label, why_en);
    gi_import_finding(t->im, GI_RULE_IMPORT_CELL_UNREAD, loc, (const char *const *)paths,
                      t->def->ncolumns, zh, en);
  } else {
    t->im->status = GOVINFO_ENOMEM;
  }
  for (size_t c = 0; paths && c < t->def->ncolumns; c++) free(paths[c]);
  free(paths);
}

/* Where to point a finding about a row that was not read: the nearest value read before it,
 * else the region's first line. */
static gi_loc unread_loc(const table_ctx *t, size_t printed_index) {
  for (size_t k = printed_index; k-- > 0;)
    if (t->done[k]) {
      const gi_cell *c = gi_report_cell(t->im->report, t->table, t->printed[k], 0);
      if (c->loc.line) return c->loc;
    }
  size_t l = t->g.first_line < t->im->doc.nlines ? t->g.first_line : 0;
  return t->im->doc.nlines ? t->im->doc.lines[l].loc : (gi_loc){1, 1};
}

/* ---- which rows are printed ---- */

static bool is_child_of(const struct govinfo_table *def, size_t row, const char *group) {
  return def->rows[row].parent && strcmp(def->rows[row].parent, group) == 0;
}

/* A group row whose sub-rows are nowhere in the region was printed as one row (2019-style
 * （六）其他处理 in a 2021 report): it carries the figures, the sub-rows stay absent. */
static bool group_printed_whole(table_ctx *t, size_t group, const int32_t *region_key,
                                size_t nregion) {
  for (size_t r = 0; r < t->def->nrows; r++) {
    if (!is_child_of(t->def, r, t->def->rows[group].id)) continue;
    size_t n = t->row_key_len[r] > 8 ? 8 : t->row_key_len[r];
    if (gi_key_contains(region_key, nregion, t->row_keys + r * KEY_MAX, n)) return false;
  }
  return gi_key_contains(region_key, nregion, t->row_keys + group * KEY_MAX, t->row_key_len[group]);
}

static bool choose_printed_rows(table_ctx *t) {
  t->printed = calloc(t->def->nrows, sizeof *t->printed);
  t->done = calloc(t->def->nrows, sizeof *t->done);
  t->reported = calloc(t->def->nrows, sizeof *t->reported);
  t->row_keys = malloc(t->def->nrows * KEY_MAX * sizeof *t->row_keys);
  t->row_key_len = malloc(t->def->nrows * sizeof *t->row_key_len);
  if (t->row_keys && t->row_key_len)
    for (size_t r = 0; r < t->def->nrows; r++)
      t->row_key_len[r] = label_key(t->def->rows[r].label, t->row_keys + r * KEY_MAX);
  size_t cap = 1;
  for (size_t i = 0; i < t->g.nitems; i++) cap += t->g.items[i].tok->nkey;
  int32_t *region_key = malloc(sizeof(int32_t) * cap);
  if (!t->printed || !t->done || !t->reported || !region_key || !t->row_keys ||
      !t->row_key_len) {
    free(region_key);
    t->im->status = gi_fail_oom();
    return false;
  }
  size_t nregion = text_key(&t->g, 0, t->g.nitems, region_key, cap);
  for (size_t r = 0; r < t->def->nrows; r++) {
    const struct govinfo_row *row = &t->def->rows[r];
    if (row->role == GOVINFO_ROW_HEADING) continue;
    if (row->role == GOVINFO_ROW_GROUP) {
      if (group_printed_whole(t, r, region_key, nregion)) t->printed[t->nprinted++] = r;
      continue;
    }
    /* a sub-row of a group printed whole is not printed */
    if (row->parent && t->nprinted && strcmp(t->def->rows[t->printed[t->nprinted - 1]].id,
                                             row->parent) == 0)
      continue;
    t->printed[t->nprinted++] = r;
  }
  free(region_key);
  return true;
}

/* ---- checks on a candidate reading ---- */

#define MAX_ROW_IDENTITIES 4

/* The format's row identities of a table (total = sum of the parts) as column signs: +1 a
 * part, -1 a total, 0 neither; one row of ncol per identity. Returns how many. */
static size_t row_identity_signs(const table_ctx *t, int8_t *signs) {
  const struct govinfo_format *f = t->im->format;
  size_t n = 0, ncol = t->def->ncolumns;
  for (size_t i = 0; i < f->nidentities && n < MAX_ROW_IDENTITIES; i++) {
    const gi_identity *id = &f->identities[i];
    if (id->axis != GI_EACH_ROW || strcmp(id->table, t->def->id) != 0) continue;
    int8_t *row = signs + n++ * ncol;
    memset(row, 0, ncol);
    const char *const *lists[2] = {id->parts, id->totals};
    for (int side = 0; side < 2; side++)
      for (const char *const *c = lists[side]; *c; c++) {
        long col = gi_column_index(t->def, *c, strlen(*c), -1);
        if (col >= 0) row[col] = side == 0 ? 1 : -1;
      }
  }
  return n;
}

/* The row identities hold for one row's values (integers only). */
static bool row_identities_hold(const item *values, size_t ncol, const int8_t *signs,
                                size_t nidentities) {
  for (size_t i = 0; i < nidentities; i++) {
    int64_t balance = 0;
    for (size_t c = 0; c < ncol; c++) {
      int8_t sign = signs[i * ncol + c];
      if (sign == 0) continue;
      const item *v = &values[c];
      if (v->kind != VALUE_NUMBER || v->unit || !gi_decimal_is_integer(&v->number)) return false;
      balance += sign * gi_decimal_to_int(&v->number);
    }
    if (balance != 0) return false;
  }
  return true;
}

typedef enum label_match { LABEL_ABSENT, LABEL_VARIANT, LABEL_FOUND } label_match;

/* Is row's label in the text around run k (before it, and after it up to the next run)? */
static label_match label_near_run(const table_ctx *t, size_t row, const run *r) {
  int32_t have[KEY_MAX * 4];
  const int32_t *want = t->row_keys + row * KEY_MAX;
  size_t nw = t->row_key_len[row];
  size_t nh = text_key(&t->g, r->text_from, r->first, have, KEY_MAX * 2);
  nh += text_key(&t->g, r->first + r->count, r->text_to, have + nh, KEY_MAX * 4 - nh);
  if (nw == 0) return LABEL_FOUND;
  size_t common = gi_lcs(want, nw, have, nh);
  if (common == nw) return LABEL_FOUND;
  return common * 10 >= nw * 7 ? LABEL_VARIANT : LABEL_ABSENT;
}

/* Where a row's label starts in a key: its whole key, else its first letters when they occur
 * once (a misspelt label). SIZE_MAX when not there. */
static size_t label_position(const table_ctx *t, size_t row, const int32_t *key, size_t n) {
  const int32_t *want = t->row_keys + row * KEY_MAX;
  size_t nw = t->row_key_len[row], found = SIZE_MAX;
  if (nw == 0) return SIZE_MAX;
  for (size_t i = 0; i + nw <= n; i++)
    if (key[i] == want[0] && memcmp(key + i, want, nw * sizeof *key) == 0) return i;
  size_t head = nw < 5 ? nw : 5;
  for (size_t i = 0; i + head <= n; i++)
    if (key[i] == want[0] && memcmp(key + i, want, head * sizeof *key) == 0) {
      if (found != SIZE_MAX) return SIZE_MAX;
      found = i;
    }
  return found;
}

static void note_variant_at(table_ctx *t, size_t row, gi_loc loc) {
  const struct govinfo_row *def = &t->def->rows[row];
  char path[256], zh[512], en[512];
  snprintf(path, sizeof path, "/tables/%s/%s", t->def->id, def->id);
  snprintf(zh, sizeof zh, "%s 一行的标签与格式规定的「%s」写法不同，按位置和相近写法识别",
           t->def->id, def->label);
  snprintf(en, sizeof en, "the label of %s row %s is printed differently from the official "
           "「%s」; recognised by its position and likeness", t->def->id, def->id, def->label);
  const char *paths[1] = {path};
  gi_import_finding(t->im, GI_RULE_IMPORT_LABEL_VARIANT, loc, paths, 1, zh, en);
}

static void note_variant(table_ctx *t, size_t row, const run *r) {
  note_variant_at(t, row, item_loc(&t->g.items[r->first]));
}

/* After a reading that did not look at labels (2): rows whose label is printed only in a
 * near form ("2.其他法律行政止公开": its first letters once, 70 % of it there) are noted. */
static void note_variants_in_region(table_ctx *t) {
  size_t cap = 1;
  for (size_t i = 0; i < t->g.nitems; i++) cap += t->g.items[i].tok->nkey;
  int32_t *key = malloc(cap * sizeof *key);
  size_t *owner = malloc(cap * sizeof *owner); /* the item each letter comes from */
  if (key == NULL || owner == NULL) {
    free(key), free(owner);
    t->im->status = gi_fail_oom();
    return;
  }
  size_t n = 0;
  for (size_t i = 0; i < t->g.nitems; i++) {
    const gi_token *tok = t->g.items[i].tok;
    if (t->g.items[i].is_value) continue;
    memcpy(key + n, tok->key, tok->nkey * sizeof *key);
    for (size_t c = 0; c < tok->nkey; c++) owner[n + c] = i;
    n += tok->nkey;
  }
  for (size_t p = 0; p < t->nprinted; p++) {
    size_t row = t->printed[p], nw = t->row_key_len[row];
    const int32_t *want = t->row_keys + row * KEY_MAX;
    if (nw < 5 || gi_key_contains(key, n, want, nw)) continue;
    size_t at = label_position(t, row, key, n);
    if (at == SIZE_MAX) continue;
    size_t window = nw + 4 < n - at ? nw + 4 : n - at;
    if (gi_lcs(want, nw, key + at, window) * 10 >= nw * 7)
      note_variant_at(t, row, item_loc(&t->g.items[owner[at]]));
  }
  free(key);
  free(owner);
}

/* ---- the three readings ---- */

/* Key of the last text line before run r, into have; its length. */
static size_t adjacent_line_key(const table_ctx *t, const run *r, int32_t *have, size_t cap) {
  size_t last = SIZE_MAX;
  for (size_t i = r->text_from; i < r->first; i++)
    if (!t->g.items[i].is_value) last = i;
  size_t nh = 0;
  for (size_t i = r->text_from; last != SIZE_MAX && i < r->first; i++) {
    const item *it = &t->g.items[i];
    if (it->is_value || it->line != t->g.items[last].line) continue;
    size_t c = it->tok->nkey < cap - nh ? it->tok->nkey : cap - nh;
    memcpy(have + nh, it->tok->key, c * sizeof *have);
    nh += c;
  }
  return nh;
}

/* The last text line before run r names another row in full, and not this one: the values
 * are under that other row's label (two labels swapped, a row out of place). */
static bool label_conflict(const table_ctx *t, const run *r, size_t row) {
  int32_t have[KEY_MAX];
  size_t nh = adjacent_line_key(t, r, have, KEY_MAX);
  if (nh == 0) return false;
  /* how much of each label the line holds, as a fraction; another row's label held better
   * than this row's, and held at least 70 % (misspelt labels), is a conflict */
  size_t own = t->row_key_len[row];
  double mine = own ? (double)gi_lcs(t->row_keys + row * KEY_MAX, own, have, nh) / (double)own : 1;
  if (mine == 1) return false;
  for (size_t p = 0; p < t->nprinted; p++) {
    size_t other = t->printed[p], n = t->row_key_len[other];
    /* a label printed at all, whole or misspelt, keeps its first two letters together */
    if (other == row || n < 2 || !gi_key_contains(have, nh, t->row_keys + other * KEY_MAX, 2))
      continue;
    double theirs = (double)gi_lcs(t->row_keys + other * KEY_MAX, n, have, nh) / (double)n;
    if (theirs >= 0.7 && theirs > mine) return true;
  }
  return false;
}


/* Does a row's label (or, misspelt, its first five letters) start at key[0]? */
static bool label_starts_at(const table_ctx *t, size_t row, const int32_t *key, size_t n) {
  size_t nw = t->row_key_len[row], head = nw < 5 ? nw : 5;
  const int32_t *want = t->row_keys + row * KEY_MAX;
  return nw > 0 && n >= head && key[0] == want[0] && memcmp(key, want, head * sizeof *key) == 0;
}

/* Labels printed apart from their figures come in printed order through the region:
 * reading-order text prints columns of labels top to bottom. A label on the lines just
 * before a run (the last text line and the lines right above it, no blank between) that
 * names a row of that run belongs to the run and is left out. Two swapped labels break the
 * order. */
static bool detached_labels_in_printed_order(const table_ctx *t, const size_t *moved_to) {
  size_t cap = KEY_MAX * 8;
  int32_t *key = malloc(sizeof *key * cap);
  size_t *line_of = malloc(sizeof *line_of * cap); /* the line each letter comes from */
  if (key == NULL || line_of == NULL) {
    free(key), free(line_of);
    return false;
  }
  const gi_doc *d = &t->im->doc;
  uint64_t first[2] = {0, 0}; /* the labels' first letters, by their low 7 bits */
  for (size_t p = 0; p < t->nprinted; p++) {
    size_t row = t->printed[p];
    if (t->row_key_len[row]) {
      unsigned bit = (unsigned)t->row_keys[row * KEY_MAX] & 127u;
      first[bit >> 6] |= UINT64_C(1) << (bit & 63);
    }
  }
  size_t ncol = t->def->ncolumns, value = 0, last_row = 0;
  bool ok = true, any = false;
  for (size_t k = 0; k <= t->g.nruns && ok; k++) {
    size_t from = k == 0 ? 0 : t->g.runs[k - 1].first + t->g.runs[k - 1].count;
    size_t to = k < t->g.nruns ? t->g.runs[k].first : t->g.nitems;
    size_t lo = SIZE_MAX, hi = 0; /* printed rows the next run holds */
    for (size_t v = 0; k < t->g.nruns && v < t->g.runs[k].count; v++) {
      size_t row = moved_to[value + v] / ncol;
      if (row < lo) lo = row;
      if (row > hi) hi = row;
    }
    if (k < t->g.nruns) value += t->g.runs[k].count;
    size_t n = 0, zone = SIZE_MAX; /* lines from `zone` on are right before the run */
    for (size_t i = from; i < to; i++) {
      const item *it = &t->g.items[i];
      if (it->is_value) continue;
      for (size_t c = 0; c < it->tok->nkey && n < cap; c++) {
        key[n] = it->tok->key[c];
        line_of[n++] = it->line;
      }
      zone = it->line;
    }
    while (zone != SIZE_MAX && zone > 0 && k < t->g.nruns && d->lines[zone - 1].count > 0 &&
           d->lines[zone - 1].kind == GI_LINE_TEXT && n > 0 && line_of[0] <= zone - 1)
      zone--;
    for (size_t pos = 0; pos < n && ok; pos++) {
      unsigned bit = (unsigned)key[pos] & 127u;
      if (!(first[bit >> 6] >> (bit & 63) & 1)) continue;
      for (size_t p = 0; p < t->nprinted; p++) {
        if (!label_starts_at(t, t->printed[p], key + pos, n - pos)) continue;
        bool own = lo != SIZE_MAX && p >= lo && p <= hi && zone != SIZE_MAX && line_of[pos] >= zone;
        if (!own) {
          if (any && p <= last_row) ok = false;
          last_row = p;
          any = true;
        }
        break;
      }
    }
  }
  free(key);
  free(line_of);
  return ok;
}

/* Reads run k as printed row p, if the label around it is that row's. */
static void read_run_as_row(table_ctx *t, size_t k, size_t p) {
  const run *r = &t->g.runs[k];
  size_t row = t->printed[p];
  label_match m = label_conflict(t, r, row) ? LABEL_ABSENT : label_near_run(t, row, r);
  if (m == LABEL_ABSENT && t->nprinted > 1) {
    report_unread(t, p, item_loc(&t->g.items[r->first]), "该行数字旁的标签与格式规定的行不符",
                  "the label beside these figures is not this row's");
    return;
  }
  if (m == LABEL_VARIANT) note_variant(t, row, r);
  put_row(t, p, &t->g.items[r->first]);
}

/* 1: one run per printed row, each of one row's values. */
static bool read_by_runs(table_ctx *t) {
  size_t ncol = t->def->ncolumns;
  if (t->g.nruns != t->nprinted) return false;
  for (size_t k = 0; k < t->g.nruns; k++)
    if (t->g.runs[k].count != ncol) return false;
  for (size_t k = 0; k < t->g.nruns; k++) read_run_as_row(t, k, k);
  return true;
}

/* 1b: one row's run is broken (a number missing or extra) and all the others are whole: the
 * runs before it are the first rows, the runs after it the last ones; the broken row is
 * not read. */
static bool read_around_broken_run(table_ctx *t) {
  size_t ncol = t->def->ncolumns, broken = SIZE_MAX;
  if (t->g.nruns != t->nprinted) return false;
  for (size_t k = 0; k < t->g.nruns; k++) {
    if (t->g.runs[k].count == ncol) continue;
    if (broken != SIZE_MAX || t->g.runs[k].count + 1 < ncol || t->g.runs[k].count > ncol + 1)
      return false;
    broken = k;
  }
  if (broken == SIZE_MAX) return false;
  for (size_t k = 0; k < t->g.nruns; k++)
    if (k != broken) read_run_as_row(t, k, k);
  return true;
}

/* Values i and i + 1 are one above the other: each alone on its line, on adjacent lines. */
static bool stacked(const table_ctx *t, const item *v, size_t i) {
  const gi_doc *d = &t->im->doc;
  return v[i + 1].line == v[i].line + 1 && d->lines[v[i].line].count == 1 &&
         d->lines[v[i + 1].line].count == 1;
}

/* Reading-order text prints some stretches of a table column by column: one paragraph of
 * stacked values per column, all paragraphs of the same height, one per column. Such a block
 * is put back in row order; everything else stays as it is. */
static bool transpose_column_blocks(table_ctx *t, item *values, size_t n, size_t *moved_to,
                                    bool *in_block) {
  size_t ncol = t->def->ncolumns;
  item *out = malloc(n * sizeof *out);
  if (out == NULL) {
    t->im->status = gi_fail_oom();
    return false;
  }
  size_t i = 0, o = 0;
  while (i < n) {
    size_t height = 1;
    while (i + height < n && stacked(t, values, i + height - 1)) height++;
    bool block = height >= 2 && i + height * ncol <= n;
    for (size_t c = 1; block && c < ncol; c++) {
      size_t start = i + c * height;
      size_t h = 1;
      while (start + h < n && h <= height && stacked(t, values, start + h - 1)) h++;
      block = h == height && !stacked(t, values, start - 1);
    }
    if (!block) {
      moved_to[i] = o;
      in_block[i] = false;
      out[o++] = values[i++];
      continue;
    }
    for (size_t r = 0; r < height; r++)
      for (size_t c = 0; c < ncol; c++) {
        moved_to[i + c * height + r] = o;
        in_block[i + c * height + r] = true;
        out[o++] = values[i + c * height + r];
      }
    i += height * ncol;
  }
  memcpy(values, out, n * sizeof *out);
  free(out);
  return true;
}

/* 2: exactly all the values, row by row, where every row's identities confirm it. */
static bool read_by_stream(table_ctx *t) {
  size_t ncol = t->def->ncolumns, nvalues = 0;
  for (size_t k = 0; k < t->g.nruns; k++) nvalues += t->g.runs[k].count;
  if (nvalues != t->nprinted * ncol || nvalues == 0) return false;
  item *values = malloc(nvalues * sizeof *values);
  if (values == NULL) {
    t->im->status = gi_fail_oom();
    return true;
  }
  size_t *moved_to = malloc(nvalues * sizeof *moved_to);
  bool *in_block = malloc(nvalues * sizeof *in_block);
  if (moved_to == NULL || in_block == NULL) {
    free(values), free(moved_to), free(in_block);
    t->im->status = gi_fail_oom();
    return true;
  }
  size_t n = 0;
  for (size_t i = 0; i < t->g.nitems; i++)
    if (t->g.items[i].is_value) values[n++] = t->g.items[i];
  if (!transpose_column_blocks(t, values, n, moved_to, in_block)) {
    free(values), free(moved_to), free(in_block);
    return true;
  }
  /* A run that starts a row right after a label line must be under that row's label, and
   * the labels printed apart from their figures must be in printed order. */
  bool confirmed = detached_labels_in_printed_order(t, moved_to);
  for (size_t k = 0, first = 0; k < t->g.nruns && confirmed; first += t->g.runs[k++].count) {
    size_t at = moved_to[first];
    if (!in_block[first] && at % ncol == 0 &&
        label_conflict(t, &t->g.runs[k], t->printed[at / ncol]))
      confirmed = false;
  }
  free(moved_to);
  free(in_block);
  /* A table without row identities (table 2) is read this way only when it has one row. */
  int8_t signs[MAX_ROW_IDENTITIES * 16];
  size_t nsigns = ncol <= 16 ? row_identity_signs(t, signs) : 0;
  if (nsigns == 0) confirmed = confirmed && t->nprinted == 1;
  for (size_t k = 0; k < t->nprinted && confirmed && nsigns; k++)
    confirmed = row_identities_hold(values + k * ncol, ncol, signs, nsigns);
  if (confirmed) {
    for (size_t k = 0; k < t->nprinted; k++) put_row(t, k, values + k * ncol);
    note_variants_in_region(t);
  }
  free(values);
  return confirmed;
}

/* Does the text just before run r (since the previous run) hold row's whole label? */
static bool label_before_run(const table_ctx *t, size_t row, const run *r) {
  int32_t have[KEY_MAX * 2];
  size_t nh = text_key(&t->g, r->text_from, r->first, have, KEY_MAX * 2);
  size_t nw = t->row_key_len[row];
  return nw > 0 && gi_lcs(t->row_keys + row * KEY_MAX, nw, have, nh) == nw;
}

/* 3: each run of one row's values placed by the label printed just before it, when that
 * text names exactly one of the rows still to come. Text after a run is not used here: in
 * reading-order text it is often the next row's label. */
static void read_by_labels(table_ctx *t) {
  size_t ncol = t->def->ncolumns, next = 0;
  for (size_t k = 0; k < t->g.nruns && next < t->nprinted; k++) {
    const run *r = &t->g.runs[k];
    if (r->count != ncol) continue;
    size_t found = SIZE_MAX, matches = 0;
    int32_t line[KEY_MAX];
    size_t nl = adjacent_line_key(t, r, line, KEY_MAX);
    for (size_t p = next; p < t->nprinted; p++) {
      size_t row = t->printed[p], n = t->row_key_len[row];
      if (n && gi_lcs(t->row_keys + row * KEY_MAX, n, line, nl) == n) {
        if (found == SIZE_MAX) found = p;
        matches++;
      }
    }
    if (matches == 0)
      for (size_t p = next; p < t->nprinted; p++)
        if (label_before_run(t, t->printed[p], r)) {
          if (found == SIZE_MAX) found = p;
          matches++;
        }
    if (matches != 1) continue;
    put_row(t, found, &t->g.items[r->first]);
    next = found + 1;
  }
}

/* Table 4 style: a table whose rows have no labels of their own; its values are read in
 * printed order when they form one run, or runs separated only by the column header of the
 * value that follows (pdftotext prints a lone "总计" before the last total). */
static bool read_by_position(table_ctx *t) {
  size_t ncol = t->def->ncolumns, nvalues = 0;
  for (size_t k = 0; k < t->g.nruns; k++) nvalues += t->g.runs[k].count;
  if (nvalues != t->nprinted * ncol) return false;
  size_t at = 0;
  for (size_t k = 0; k < t->g.nruns; k++) {
    const run *r = &t->g.runs[k];
    if (k > 0) {
      int32_t have[KEY_MAX], want[KEY_MAX];
      size_t nh = text_key(&t->g, r->text_from, r->first, have, KEY_MAX);
      size_t nw = label_key(t->def->columns[at % ncol].label, want);
      if (nh != nw || memcmp(have, want, nw * sizeof *want) != 0) return false;
    }
    at += r->count;
  }
  item *values = malloc(nvalues * sizeof *values);
  if (values == NULL) {
    t->im->status = gi_fail_oom();
    return true;
  }
  size_t n = 0;
  for (size_t i = 0; i < t->g.nitems; i++)
    if (t->g.items[i].is_value) values[n++] = t->g.items[i];
  for (size_t k = 0; k < t->nprinted; k++) put_row(t, k, values + k * ncol);
  free(values);
  return true;
}

static bool rows_have_labels(const struct govinfo_table *def) { return !def->rows_side_by_side; }

static void report_table_missing(gi_import *im, const struct govinfo_table *def, gi_loc loc) {
  char path[128], zh[256], en[256];
  snprintf(path, sizeof path, "/tables/%s", def->id);
  snprintf(zh, sizeof zh, "未找到表格 %s（%s）", def->id, def->title);
  snprintf(en, sizeof en, "table %s (%s) was not found", def->id, def->title);
  const char *paths[1] = {path};
  gi_import_finding(im, GI_RULE_IMPORT_TABLE_MISSING, loc, paths, 1, zh, en);
}

/* Reads one table from lines [from, to). Returns the last line a value came from. */
static size_t read_table(gi_import *im, size_t table, size_t from, size_t to) {
  table_ctx t = {.im = im, .table = table, .def = &im->format->tables[table],
                 .last_line = GI_NO_LINE};
  if (!region_build(im, &t.g, from, to, t.def->ncolumns)) return GI_NO_LINE;
  if (!choose_printed_rows(&t)) goto done;
  if (t.g.nruns == 0) {
    size_t l = from < im->doc.nlines ? from : (im->doc.nlines ? im->doc.nlines - 1 : 0);
    report_table_missing(im, t.def, im->doc.nlines ? im->doc.lines[l].loc : (gi_loc){1, 1});
    goto done;
  }
  if (rows_have_labels(t.def)) {
    if (!read_by_runs(&t) && !read_around_broken_run(&t) && !read_by_stream(&t))
      read_by_labels(&t);
  } else {
    read_by_position(&t);
  }
  for (size_t k = 0; k < t.nprinted; k++)
    if (!t.done[k] && !t.reported[k])
      report_unread(&t, k, unread_loc(&t, k), "数字个数或排列与表格不符",
                    "the number or arrangement of figures does not fit the table");
  for (size_t i = 0; i < t.g.nitems; i++) /* the table ends at its last value, read or not */
    if (t.g.items[i].is_value && (t.last_line == GI_NO_LINE || t.g.items[i].line > t.last_line))
      t.last_line = t.g.items[i].line;
done:
  free(t.printed);
  free(t.done);
  free(t.reported);
  free(t.row_keys);
  free(t.row_key_len);
  region_free(&t.g);
  return t.last_line;
}

/* ---- regions of the tables ---- */

/* Lines of the section a table is printed in: from its heading to the next heading found. */
static void section_lines(const gi_import *im, const char *section, size_t *from, size_t *to) {
  const struct govinfo_format *f = im->format;
  long s = gi_section_index(f, section, strlen(section));
  *from = 0;
  *to = im->body_end;
  for (long k = s; k >= 0; k--)
    if (im->heading[k] != GI_NO_LINE) {
      *from = im->heading[k] + 1;
      break;
    }
  if (*from == 0) *from = im->title_end;
  for (size_t k = (size_t)s + 1; k < f->nsections; k++)
    if (im->heading[k] != GI_NO_LINE && im->heading[k] >= *from) {
      *to = im->heading[k];
      break;
    }
}

/* Captioned tables (table 2's parts): the line holding each caption, in order. */
static size_t find_caption(const gi_import *im, const struct govinfo_table *def, size_t from,
                           size_t to) {
  int32_t want[KEY_MAX], have[KEY_MAX];
  size_t nw = label_key(def->title, want);
  size_t head = nw < 4 ? nw : 4; /* the caption must start on its line */
  for (size_t l = from; l < to; l++) {
    size_t first = gi_doc_line_key(&im->doc, l, have, KEY_MAX);
    if (first == 0 || !gi_key_contains(have, first, want, head)) continue;
    /* a caption may wrap: look at the line and the next one together */
    size_t nh = first + (l + 1 < to ? gi_doc_line_key(&im->doc, l + 1, have + first, KEY_MAX - first) : 0);
    if (gi_key_contains(have, nh, want, nw)) return l;
  }
  return GI_NO_LINE;
}

/* Tables that share a section (table 2's parts) are told apart by their printed captions. */
static bool has_caption(const struct govinfo_format *f, const struct govinfo_table *def) {
  size_t n = 0;
  for (size_t j = 0; j < f->ntables; j++) n += strcmp(f->tables[j].section, def->section) == 0;
  return n > 1;
}

void gi_import_tables(gi_import *im) {
  const struct govinfo_format *f = im->format;
  for (size_t s = 0; s < f->nsections; s++) im->table_start[s] = im->table_end[s] = GI_NO_LINE;
  size_t caption[GI_MAX_TABLES];
  for (size_t i = 0; i < f->ntables; i++) {
    size_t from, to;
    section_lines(im, f->tables[i].section, &from, &to);
    caption[i] = has_caption(f, &f->tables[i]) ? find_caption(im, &f->tables[i], from, to)
                                               : GI_NO_LINE;
  }
  for (size_t i = 0; i < f->ntables && im->status == GOVINFO_OK; i++) {
    const struct govinfo_table *def = &f->tables[i];
    size_t from, to;
    section_lines(im, def->section, &from, &to);
    long s = gi_section_index(f, def->section, strlen(def->section));
    size_t start = from;
    if (has_caption(f, def)) {
      size_t at = caption[i];
      if (at == GI_NO_LINE) {
        report_table_missing(im, def, im->doc.lines[from < im->doc.nlines ? from : 0].loc);
        continue;
      }
      /* up to the next caption of this section, if any */
      size_t end = to;
      for (size_t j = 0; j < f->ntables; j++)
        if (j != i && caption[j] != GI_NO_LINE && caption[j] > at && caption[j] < end &&
            strcmp(f->tables[j].section, def->section) == 0)
          end = caption[j];
      start = at;
      from = at + 1;
      to = end;
    }
    if (s >= 0 && (im->table_start[s] == GI_NO_LINE || start < im->table_start[s]))
      im->table_start[s] = start;
    size_t last = read_table(im, i, from, to);
    if (s >= 0 && last != GI_NO_LINE &&
        (im->table_end[s] == GI_NO_LINE || last > im->table_end[s]))
      im->table_end[s] = last;
  }
}
