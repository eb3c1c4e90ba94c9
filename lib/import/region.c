/* A table's region: the values printed in it (numbers with their units, marks, blank
 * cells), their runs, and which of the table's rows it prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/tables.h"

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
  while (digits_end < t->len && ((s[digits_end] >= '0' && s[digits_end] <= '9') ||
                                 s[digits_end] == '.' || s[digits_end] == ','))
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

/* Digits, with a decimal point between two of them or a money unit after them. */
static bool is_digit_string(const gi_token *t) {
  size_t n = t->len;
  if (n >= 3 && strcmp(t->text + n - 3, "元") == 0) n -= 3;
  if (n >= 3 && strcmp(t->text + n - 3, "万") == 0) n -= 3;
  if (n == 0) return false;
  for (size_t i = 0; i < n; i++)
    if (!(t->text[i] >= '0' && t->text[i] <= '9') && !(t->text[i] == '.' && i > 0 && i + 1 < n))
      return false;
  return true;
}

/* ---- regions ---- */

void gi_region_free(region *g) {
  free(g->items);
  free(g->runs);
  memset(g, 0, sizeof *g);
}

/* The cells [*start, *end) of a table row that hold its values: the trailing value cells.
 * Converters pad a spanned cell with empty ones; beyond the table's ncol values they are
 * dropped from the one side that has them, or from both when the empty cells at the two ends
 * are exactly the extra ones (else not knowable, left as they are). A row
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
    /* fillers on the left and an empty trailing column on the right: when the empty cells
     * at both ends are exactly the extra ones, the values are the cells between them */
    else if (lead + trail == extra) s += lead, e -= trail;
  }
  *start = s;
  *end = e;
}

bool gi_region_build(gi_import *im, region *g, size_t from, size_t to, size_t ncol) {
  memset(g, 0, sizeof *g);
  g->first_line = from;
  g->end_line = to;
  const gi_doc *d = &im->doc;
  size_t n = 0;
  for (size_t l = from; l < to; l++) n += d->lines[l].count;
  g->items = calloc(n ? n : 1, sizeof *g->items);
  g->runs = calloc(n ? n : 1, sizeof *g->runs);
  if (g->items == NULL || g->runs == NULL) {
    gi_region_free(g);
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
      it->loc = it->tok->loc;
      it->line = l;
      it->is_value =
          row ? k >= start && k < end && classify(it->tok, true, it) : classify(it->tok, false, it);
      /* glued text: "0000000" is several cells, read by splitting (glued.c) */
      if (!it->is_value && im->glued && is_digit_string(it->tok)) {
        it->is_value = true;
        it->kind = VALUE_NUMBER;
        it->unit = NULL;
      }
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
size_t gi_text_key(const region *g, size_t from, size_t to, int32_t *key, size_t cap) {
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
size_t gi_printed_label_key(const char *label, int32_t *key) {
  return gi_label_key(label, strlen(label), key, KEY_MAX);
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
    if (gi_key_contains(region_key, nregion, t->row_keys + r * ROW_KEY_MAX, n)) return false;
  }
  return gi_key_contains(region_key, nregion, t->row_keys + group * ROW_KEY_MAX,
                         t->row_key_len[group]);
}

bool gi_choose_printed_rows(table_ctx *t) {
  t->printed = calloc(t->def->nrows, sizeof *t->printed);
  t->done = calloc(t->def->nrows, sizeof *t->done);
  t->reported = calloc(t->def->nrows, sizeof *t->reported);
  t->row_keys = malloc(t->def->nrows * ROW_KEY_MAX * sizeof *t->row_keys);
  t->row_key_len = malloc(t->def->nrows * sizeof *t->row_key_len);
  if (t->row_keys && t->row_key_len)
    for (size_t r = 0; r < t->def->nrows; r++)
      t->row_key_len[r] = gi_label_key(t->def->rows[r].label, strlen(t->def->rows[r].label),
                                       t->row_keys + r * ROW_KEY_MAX, ROW_KEY_MAX);
  size_t cap = 1;
  for (size_t i = 0; i < t->g.nitems; i++) cap += t->g.items[i].tok->nkey;
  int32_t *region_key = malloc(sizeof(int32_t) * cap);
  if (!t->printed || !t->done || !t->reported || !region_key || !t->row_keys || !t->row_key_len) {
    free(region_key);
    t->im->status = gi_fail_oom();
    return false;
  }
  size_t nregion = gi_text_key(&t->g, 0, t->g.nitems, region_key, cap);
  for (size_t r = 0; r < t->def->nrows; r++) {
    const struct govinfo_row *row = &t->def->rows[r];
    if (row->role == GOVINFO_ROW_HEADING) continue;
    if (row->role == GOVINFO_ROW_GROUP) {
      if (group_printed_whole(t, r, region_key, nregion)) t->printed[t->nprinted++] = r;
      continue;
    }
    /* a sub-row of a group printed whole is not printed */
    if (row->parent && t->nprinted &&
        strcmp(t->def->rows[t->printed[t->nprinted - 1]].id, row->parent) == 0)
      continue;
    t->printed[t->nprinted++] = r;
  }
  free(region_key);
  return true;
}
