/* What confirms a reading: the format's row identities, and the labels printed around the
 * figures (whole, misspelt, in printed order or not). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/tables.h"

/* ---- checks on a candidate reading ---- */

/* The format's row identities of a table (total = sum of the parts) as column signs: +1 a
 * part, -1 a total, 0 neither; one row of ncol per identity. Returns how many. */
size_t gi_row_identity_signs(const table_ctx *t, int8_t *signs) {
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
bool gi_row_identities_hold(const item *values, size_t ncol, const int8_t *signs,
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

/* Is row's label in the text around run k (before it, and after it up to the next run)? */
label_match gi_label_near_run(const table_ctx *t, size_t row, const run *r) {
  int32_t have[KEY_MAX * 4];
  const int32_t *want = t->row_keys + row * ROW_KEY_MAX;
  size_t nw = t->row_key_len[row];
  size_t nh = gi_text_key(&t->g, r->text_from, r->first, have, KEY_MAX * 2);
  nh += gi_text_key(&t->g, r->first + r->count, r->text_to, have + nh, KEY_MAX * 4 - nh);
  /* printed whole, the common case: the label is a subsequence without the LCS table */
  if (nw == 0 || gi_key_contains(have, nh, want, nw)) return LABEL_FOUND;
  size_t common = gi_lcs(want, nw, have, nh);
  if (common == nw) return LABEL_FOUND;
  return alike(common, nw) ? LABEL_VARIANT : LABEL_ABSENT;
}

/* Where a row's label starts in a key: its whole key, else its first letters when they occur
 * once (a misspelt label). SIZE_MAX when not there. */
static size_t label_position(const table_ctx *t, size_t row, const int32_t *key, size_t n) {
  const int32_t *want = t->row_keys + row * ROW_KEY_MAX;
  size_t nw = t->row_key_len[row], found = SIZE_MAX;
  if (nw == 0) return SIZE_MAX;
  for (size_t i = 0; i + nw <= n; i++)
    if (key[i] == want[0] && memcmp(key + i, want, nw * sizeof *key) == 0) return i;
  size_t head = nw < LIKE_HEAD ? nw : LIKE_HEAD;
  for (size_t i = 0; i + head <= n; i++)
    if (key[i] == want[0] && memcmp(key + i, want, head * sizeof *key) == 0) {
      if (found != SIZE_MAX) return SIZE_MAX;
      found = i;
    }
  return found;
}

static void note_variant_at(table_ctx *t, size_t row, gi_loc loc) {
  const struct govinfo_row *def = &t->def->rows[row];
  char path[256], zh[768], en[512], name[256];
  snprintf(path, sizeof path, "/tables/%s/%s", t->def->id, def->id);
  gi_table_name_zh(t->im->format, t->def, name, sizeof name);
  snprintf(zh, sizeof zh, "%s「%s」一行的标签印法与格式规定不同，按位置和相近写法识别", name,
           def->label);
  snprintf(en, sizeof en,
           "the label of %s row %s is printed differently from the official "
           "「%s」; recognised by its position and likeness",
           t->def->id, def->id, def->label);
  const char *paths[1] = {path};
  gi_import_finding(t->im, GI_RULE_IMPORT_LABEL_VARIANT, loc, paths, 1, zh, en);
}

void gi_note_variant(table_ctx *t, size_t row, const run *r) {
  note_variant_at(t, row, item_loc(&t->g.items[r->first]));
}

/* After a reading that did not look at labels (2): rows whose label is printed only in a
 * near form ("2.其他法律行政止公开": its first letters once, 70 % of it there) are noted. */
void gi_note_variants_in_region(table_ctx *t) {
  size_t cap = 1;
  for (size_t i = 0; i < t->g.nitems; i++) cap += t->g.items[i].tok->nkey;
  int32_t *key = malloc(cap * sizeof *key);
  size_t *owner = calloc(cap, sizeof *owner); /* the item each letter comes from */
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
    const int32_t *want = t->row_keys + row * ROW_KEY_MAX;
    if (nw < LIKE_HEAD || gi_key_contains(key, n, want, nw)) continue;
    size_t at = label_position(t, row, key, n);
    if (at == SIZE_MAX) continue;
    size_t window = nw + 4 < n - at ? nw + 4 : n - at;
    if (alike(gi_lcs(want, nw, key + at, window), nw))
      note_variant_at(t, row, item_loc(&t->g.items[owner[at]]));
  }
  free(key);
  free(owner);
}

/* Key of the last text line before run r, into have; its length. */
size_t gi_adjacent_line_key(const table_ctx *t, const run *r, int32_t *have, size_t cap) {
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
bool gi_label_conflict(const table_ctx *t, const run *r, size_t row) {
  int32_t have[KEY_MAX];
  size_t nh = gi_adjacent_line_key(t, r, have, KEY_MAX);
  if (nh == 0) return false;
  /* how much of each label the line holds, as a fraction; another row's label held better
   * than this row's, and held alike (misspelt labels), is a conflict */
  size_t own = t->row_key_len[row];
  if (own == 0 || gi_key_contains(have, nh, t->row_keys + row * ROW_KEY_MAX, own)) return false;
  size_t mine = gi_lcs(t->row_keys + row * ROW_KEY_MAX, own, have, nh);
  if (mine == own) return false;
  for (size_t p = 0; p < t->nprinted; p++) {
    size_t other = t->printed[p], n = t->row_key_len[other];
    /* a label printed at all, whole or misspelt, keeps its first two letters together */
    if (other == row || n < 2 || !gi_key_contains(have, nh, t->row_keys + other * ROW_KEY_MAX, 2))
      continue;
    size_t theirs = gi_lcs(t->row_keys + other * ROW_KEY_MAX, n, have, nh);
    if (alike(theirs, n) && theirs * own > mine * n) return true; /* theirs/n > mine/own */
  }
  return false;
}

/* Does a row's label (or, misspelt, its first five letters) start at key[0]? */
static bool label_starts_at(const table_ctx *t, size_t row, const int32_t *key, size_t n) {
  size_t nw = t->row_key_len[row], head = nw < LIKE_HEAD ? nw : LIKE_HEAD;
  const int32_t *want = t->row_keys + row * ROW_KEY_MAX;
  return nw > 0 && n >= head && key[0] == want[0] && memcmp(key, want, head * sizeof *key) == 0;
}

/* Labels printed apart from their figures come in printed order through the region:
 * reading-order text prints columns of labels top to bottom. A label on the lines just
 * before a run (the last text line and the lines right above it, no blank between) that
 * names a row of that run belongs to the run and is left out. Two swapped labels break the
 * order. */
bool gi_detached_labels_in_printed_order(const table_ctx *t, const size_t *moved_to) {
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
      unsigned bit = (unsigned)t->row_keys[row * ROW_KEY_MAX] & 127u;
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

/* Does the text just before run r (since the previous run) hold row's whole label? */
bool gi_label_before_run(const table_ctx *t, size_t row, const run *r) {
  int32_t have[KEY_MAX * 2];
  size_t nh = gi_text_key(&t->g, r->text_from, r->first, have, KEY_MAX * 2);
  size_t nw = t->row_key_len[row];
  return nw > 0 && gi_lcs(t->row_keys + row * ROW_KEY_MAX, nw, have, nh) == nw;
}
