/* Crawler text: a page saved as text by stripping its HTML tags with no separator.
 *
 * It starts with the crawler's header ("标题: …", "发布时间: …", "发布机构: …", "原文链接: …",
 * up to a line "==== 正文 ===="), and its report body is one line: headings, paragraphs and
 * table rows run together, cells glued ("规章000"). Such a line is cut into lines where the
 * format's section titles, table captions and row labels start (and after a section title),
 * before a closing signature and date, and after the site's navigation; the words of the new
 * lines are also cut where digits start or stop. Runs of digits are then split into cells by
 * the table reader (glued.c). */
#include <stdlib.h>
#include <string.h>

#include "import/import.h"

/* ---- the header ---- */

enum { HEADER_MAX_LINES = 30 };

/* Where the value of a header line "key: value" ("：" too) starts, or SIZE_MAX. */
static size_t header_value_at(const gi_line *line, const char *key) {
  size_t n = strlen(key);
  if (line->raw_len < n || memcmp(line->raw, key, n) != 0) return SIZE_MAX;
  if (line->raw_len >= n + 1 && line->raw[n] == ':') return n + 1;
  if (line->raw_len >= n + 3 && memcmp(line->raw + n, "：", 3) == 0) return n + 3;
  return SIZE_MAX;
}

static bool is_body_separator(const gi_line *line) {
  const char *s = line->raw;
  size_t i = 0;
  while (i < line->raw_len && (s[i] == ' ' || s[i] == '\t')) i++;
  return i < line->raw_len && s[i] == '=' && strstr(s, "正文") != NULL;
}

void gi_import_header(gi_import *im) {
  im->header_end = 0;
  im->header_title = im->header_published = im->header_organ = im->header_source = GI_NO_LINE;
  const gi_doc *d = &im->doc;
  if (d->nlines == 0 || header_value_at(&d->lines[0], "标题") == SIZE_MAX) return;
  size_t end = 0;
  for (size_t l = 1; l < d->nlines && l < HEADER_MAX_LINES && end == 0; l++)
    if (is_body_separator(&d->lines[l])) end = l + 1;
  if (end == 0) return;
  static const struct {
    const char *key;
    size_t offset; /* of the field of gi_import */
  } fields[] = {
      {"标题", offsetof(gi_import, header_title)},
      {"发布时间", offsetof(gi_import, header_published)},
      {"发布机构", offsetof(gi_import, header_organ)},
      {"原文链接", offsetof(gi_import, header_source)},
  };
  for (size_t l = 0; l + 1 < end; l++)
    for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
      if (header_value_at(&d->lines[l], fields[f].key) != SIZE_MAX)
        *(size_t *)((char *)im + fields[f].offset) = l;
  im->header_end = end;
}

char *gi_header_value(const gi_import *im, size_t line) {
  static const char *const keys[] = {"标题", "发布时间", "发布机构", "原文链接"};
  const gi_line *l = &im->doc.lines[line];
  size_t at = SIZE_MAX;
  for (size_t k = 0; k < sizeof keys / sizeof *keys && at == SIZE_MAX; k++)
    at = header_value_at(l, keys[k]);
  if (at == SIZE_MAX) at = l->raw_len;
  size_t end = l->raw_len;
  while (at < end && (l->raw[at] == ' ' || l->raw[at] == '\t')) at++;
  while (end > at && (l->raw[end - 1] == ' ' || l->raw[end - 1] == '\t' || l->raw[end - 1] == '\r'))
    end--;
  return gi_strndup(l->raw + at, end - at);
}

/* ---- cutting a run-together line ---- */

enum { MARK_MAX = 160, MARK_KEYS = 4096, MIN_GLUED_LINE = 200, MIN_LABELS = 3 };

typedef struct mark {
  uint32_t at, n; /* its key: marks->keys[at .. at + n) */
  bool title;     /* a section title: the line is also cut after it */
  bool row;       /* a table row label (counted to recognise a run-together line) */
} mark;

typedef struct marks {
  mark m[MARK_MAX];
  size_t n;
  int32_t keys[MARK_KEYS];
  size_t nkeys;
  uint64_t pairs[64]; /* a bit per bucket of the marks' first two letters */
} marks;

static unsigned pair_bucket(int32_t a, int32_t b) { return (unsigned)(a * 31 + b) & 4095u; }

static void add_mark(marks *ms, const char *text, bool title, bool row) {
  if (ms->n == MARK_MAX || ms->nkeys + 64 > MARK_KEYS) return;
  mark *m = &ms->m[ms->n];
  int32_t *key = ms->keys + ms->nkeys;
  m->at = (uint32_t)ms->nkeys;
  m->n = (uint32_t)gi_label_key(text, strlen(text), key, 64);
  m->title = title;
  m->row = row;
  if (m->n < 2) return;
  unsigned bucket = pair_bucket(key[0], key[1]);
  ms->pairs[bucket >> 6] |= UINT64_C(1) << (bucket & 63);
  ms->nkeys += m->n;
  ms->n++;
}

/* Tables that share a section (table 2's parts) print captions. */
static bool captioned(const struct govinfo_format *f, const struct govinfo_table *def) {
  size_t n = 0;
  for (size_t t = 0; t < f->ntables; t++) n += strcmp(f->tables[t].section, def->section) == 0;
  return n > 1;
}

/* What starts a line in a report: section titles, table captions, row labels. */
static marks *marks_make(const struct govinfo_format *f) {
  marks *ms = calloc(1, sizeof *ms);
  if (ms == NULL) return NULL;
  for (size_t s = 0; s < f->nsections; s++) {
    add_mark(ms, f->sections[s].title, true, false);
    for (const char *const *v = f->sections[s].variants; *v; v++) add_mark(ms, *v, true, false);
  }
  for (size_t t = 0; t < f->ntables; t++) {
    const struct govinfo_table *def = &f->tables[t];
    if (captioned(f, def)) add_mark(ms, def->title, false, false);
    for (size_t r = 0; r < def->nrows; r++) add_mark(ms, def->rows[r].label, false, true);
  }
  return ms;
}

/* Byte offset where the text numbered at `at` starts: before an opening bracket. */
static size_t back_over_bracket(const char *s, size_t at) {
  if (at >= 3 && (memcmp(s + at - 3, "（", 3) == 0 || memcmp(s + at - 3, "【", 3) == 0 ||
                  memcmp(s + at - 3, "〔", 3) == 0))
    return at - 3;
  if (at >= 1 && (s[at - 1] == '(' || s[at - 1] == '[')) return at - 1;
  return at;
}

static size_t utf8_len(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

typedef struct cuts {
  uint32_t *at;
  size_t n, cap;
} cuts;

static bool add_cut(cuts *c, size_t at) {
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 64;
    uint32_t *p = realloc(c->at, cap * sizeof *p);
    if (p == NULL) return false;
    c->at = p;
    c->cap = cap;
  }
  c->at[c->n++] = (uint32_t)at;
  return true;
}

/* A word that is a date as signatures print it: 2021年1月25日. */
static bool is_date_word(const int32_t *k, size_t n) {
  size_t i = 0, parts = 0;
  static const int32_t marks_ymd[3] = {0x5E74, 0x6708, 0x65E5}; /* 年 月 日 */
  while (parts < 3) {
    size_t digits = 0;
    while (i < n && k[i] >= '0' && k[i] <= '9') i++, digits++;
    if (digits == 0 || digits > (parts == 0 ? 4u : 2u) || (parts == 0 && digits != 4)) return false;
    if (i >= n || k[i] != marks_ymd[parts]) return false;
    i++, parts++;
  }
  return i == n;
}

/* Cuts before the signature and date that close the body ("… 某局 2021年1月25日 附件下载"):
 * the date word, the word before it (the organ) and the words after it each get a line. */
static bool cut_signature(const char *s, size_t len, cuts *c) {
  size_t words[8], nwords = 0, end = len;
  while (nwords < 8 && end > 0) { /* the last words, from the end */
    while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t')) end--;
    size_t start = end;
    while (start > 0 && s[start - 1] != ' ' && s[start - 1] != '\t') start--;
    if (start == end) break;
    words[nwords++] = start;
    end = start;
  }
  for (size_t w = 0; w < nwords && w < 4; w++) {
    size_t start = words[w], stop = w == 0 ? len : words[w - 1];
    int32_t key[64];
    uint32_t off[64];
    size_t n = gi_key_offsets(s + start, stop - start, key, off, 64);
    if (!is_date_word(key, n)) continue;
    bool ok = add_cut(c, start);
    for (size_t a = 0; a < w && ok; a++) ok = add_cut(c, words[a]);
    /* the organ: a short word without sentence punctuation before the date */
    if (ok && w + 1 < nwords) {
      size_t os = words[w + 1], oe = start;
      size_t on = gi_key_offsets(s + os, oe - os, key, off, 64);
      bool sentence = false;
      for (size_t i = os; i + 3 <= oe; i++)
        sentence |= memcmp(s + i, "。", 3) == 0 || memcmp(s + i, "，", 3) == 0;
      if (on > 0 && on <= 40 && !sentence) ok = add_cut(c, os);
    }
    return ok;
  }
  return true;
}

static int compare_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* The cuts of a line; *labels counts the row labels found. False when out of memory. */
static bool find_cuts(const marks *ms, const gi_line *line, bool last_line, cuts *c,
                      size_t *labels) {
  const char *s = line->raw;
  size_t len = line->raw_len;
  int32_t *key = malloc(len * sizeof *key + 1);
  uint32_t *off = malloc(len * sizeof *off + 1);
  bool ok = key && off;
  size_t n = ok ? gi_key_offsets(s, len, key, off, len) : 0;
  *labels = 0;
  for (size_t i = 0; ok && i < n;) {
    const mark *best = NULL;
    unsigned bucket = i + 1 < n ? pair_bucket(key[i], key[i + 1]) : 0;
    bool may = i + 1 < n && (ms->pairs[bucket >> 6] >> (bucket & 63) & 1);
    for (size_t m = 0; may && m < ms->n; m++) {
      const mark *k = &ms->m[m];
      const int32_t *want = ms->keys + k->at;
      if (want[0] != key[i] || k->n > n - i || (best && best->n >= k->n)) continue;
      if (memcmp(key + i, want, k->n * sizeof *key) == 0) best = k;
    }
    if (best == NULL) {
      i++;
      continue;
    }
    *labels += best->row;
    ok = add_cut(c, back_over_bracket(s, off[i]));
    size_t last = off[i + best->n - 1];
    if (ok && best->title) ok = add_cut(c, last + utf8_len((unsigned char)s[last]));
    i += best->n;
  }
  /* the site's navigation before the report: "当前位置： 首页… 相关链接：" */
  const char *nav = "当前位置";
  size_t lead = 0;
  while (lead < len && s[lead] == ' ') lead++;
  if (ok && len - lead > strlen(nav) && memcmp(s + lead, nav, strlen(nav)) == 0) {
    const char *links = strstr(s, "相关链接");
    if (links && (size_t)(links - s) < 1024) {
      size_t at = (size_t)(links - s) + strlen("相关链接");
      if (at + 3 <= len && memcmp(s + at, "：", 3) == 0) at += 3;
      else if (at < len && s[at] == ':') at++;
      ok = add_cut(c, at);
    }
  }
  if (ok && last_line) ok = cut_signature(s, len, c);
  free(key);
  free(off);
  return ok;
}

static bool copy_line(gi_doc *to, const gi_line *line) {
  if (line->kind == GI_LINE_BREAK && line->raw_len == 0) return gi_doc_add_break(to, line->loc);
  return gi_doc_add_text(to, line->raw, line->raw_len, line->loc);
}

static bool add_pieces(gi_doc *to, const gi_line *line, cuts *c) {
  qsort(c->at, c->n, sizeof *c->at, compare_u32);
  size_t from = 0;
  for (size_t i = 0; i <= c->n; i++) {
    size_t at = i < c->n ? c->at[i] : line->raw_len;
    if (at <= from || at > line->raw_len) continue;
    gi_loc loc = {line->loc.line, line->loc.column + (uint32_t)from};
    if (!gi_doc_add_glued_text(to, line->raw + from, at - from, loc)) return false;
    from = at;
  }
  return true;
}

static bool all_digits(const gi_token *t) {
  for (size_t i = 0; i < t->len; i++)
    if (!(t->text[i] >= '0' && t->text[i] <= '9') && t->text[i] != '.') return false;
  return t->len > 0;
}

#define MAX_SPACED_ROWS 48 /* rows of the table checked by rows_spaced (table 3 has 26) */

/* Whether every row of the table with row identities (table 3) prints its cells apart, one
 * word each: then a space between digits is a cell boundary, else it may be stray. */
static bool rows_spaced(const struct govinfo_format *f, const gi_doc *d) {
  const struct govinfo_table *def = NULL;
  for (size_t i = 0; i < f->nidentities && def == NULL; i++)
    if (f->identities[i].axis == GI_EACH_ROW)
      for (size_t t = 0; t < f->ntables; t++)
        if (strcmp(f->tables[t].id, f->identities[i].table) == 0 && !f->tables[t].rows_side_by_side)
          def = &f->tables[t];
  if (def == NULL || def->nrows > MAX_SPACED_ROWS) return false;
  int32_t keys[MAX_SPACED_ROWS][64]; /* the rows' labels, compared by letters and digits */
  size_t nkeys[MAX_SPACED_ROWS];
  for (size_t r = 0; r < def->nrows; r++)
    nkeys[r] = gi_label_key(def->rows[r].label, strlen(def->rows[r].label), keys[r], 64);
  size_t rows = 0;
  for (size_t l = 0; l < d->nlines; l++) {
    const gi_line *line = &d->lines[l];
    if (line->count < 2) continue;
    const gi_token *first = &d->tokens[line->first];
    bool label = false;
    for (size_t r = 0; r < def->nrows && !label; r++)
      label = nkeys[r] == first->nkey && memcmp(keys[r], first->key, nkeys[r] * sizeof **keys) == 0;
    if (!label) continue;
    size_t digits = 0;
    while (digits + 1 < line->count && all_digits(&d->tokens[line->first + 1 + digits])) digits++;
    if (digits != def->ncolumns) return false;
    rows++;
  }
  return rows >= 3;
}

int gi_import_reflow(gi_import *im) {
  const gi_doc *d = &im->doc;
  size_t last = d->nlines;
  while (last > 0 && (d->lines[last - 1].count == 0 || d->lines[last - 1].kind != GI_LINE_TEXT))
    last--;
  /* only text made of lines: rows of tables need no cutting */
  bool candidate = false;
  for (size_t l = 0; l < d->nlines; l++) {
    if (d->lines[l].kind == GI_LINE_ROW) return GOVINFO_OK;
    candidate |= l >= im->header_end && d->lines[l].raw_len >= MIN_GLUED_LINE;
  }
  if (!candidate) return GOVINFO_OK;
  marks *ms = marks_make(im->format);
  if (ms == NULL) return gi_fail_oom();
  cuts *per_line = calloc(d->nlines, sizeof *per_line);
  bool ok = per_line != NULL, glued = false;
  for (size_t l = im->header_end; ok && l < d->nlines; l++) {
    const gi_line *line = &d->lines[l];
    if (line->kind != GI_LINE_TEXT || line->raw_len < MIN_GLUED_LINE) continue;
    size_t labels = 0;
    ok = find_cuts(ms, line, l + 1 == last, &per_line[l], &labels);
    if (labels >= MIN_LABELS) glued = true;
    else per_line[l].n = 0;
  }
  gi_doc fresh;
  gi_doc_init(&fresh);
  for (size_t l = 0; ok && glued && l < d->nlines; l++)
    ok = per_line[l].n ? add_pieces(&fresh, &d->lines[l], &per_line[l])
                       : copy_line(&fresh, &d->lines[l]);
  for (size_t l = 0; per_line && l < d->nlines; l++) free(per_line[l].at);
  free(per_line);
  free(ms);
  if (!ok || fresh.failed) {
    gi_doc_free(&fresh);
    return gi_fail_oom();
  }
  if (glued) {
    gi_doc_free(&im->doc);
    im->doc = fresh;
    im->glued = true;
    im->spaced = rows_spaced(im->format, &im->doc);
  }
  return GOVINFO_OK;
}
