/* The narrative against the tables (narrative.* rules): every count the text gives for a
 * table figure ("全年共受理政府信息公开申请859件") is compared with the cells, using the
 * statements the format lists (model/narrative.h).
 *
 * A count is a number followed by a unit (件, 起, 宗). Its clause runs from the delimiter
 * (，：（）…) or the count before it to the delimiter or the count after it; its sentence to
 * 。；！？ or a line break. A count is compared only when exactly one statement is left for
 * it once the words of its clause are read: longer words hide the words inside them
 * (予以公开及部分公开 hides 部分公开), a topic named last before the count decides between
 * topics (其中维持… after 行政复议 or 行政诉讼), and a statement of higher rank hides one of
 * lower rank (顺延到下年度答复 is carried forward, not handled). Counts of another period,
 * changes, approximations, channels and applicant types are never compared
 * (gi_narrative). One reading of the text serves all the narrative.* rules. */
#include <stdlib.h>
#include <string.h>

#include "validate/prose.h"
#include "validate/validate.h"

#define MAX_HITS 256  /* words found in one sentence; a longer sentence is not read */
#define MAX_CELLS 128 /* bytes of a cell id */

/* ---- the words of the format's statements ---- */

/* What a word of the lexicon is: a statement's word or topic word, or one of the words that
 * keep a count from being compared (gi_narrative), found in the same pass over a sentence. */
typedef enum word_kind { WORD, TOPIC, CHANGE, ABOUT, SUBSET, PERIOD } word_kind;

typedef struct entry {
  const char *word;
  size_t len;
  const char *const *list; /* TOPIC: the topic list it is from (shared by statements) */
  uint32_t head;           /* its first three bytes: most candidates fail on them */
  uint16_t statement;      /* WORD: the statement's index */
  uint8_t kind;            /* word_kind */
} entry;

#define BUCKETS 256

typedef struct lexicon {
  entry *entries;
  uint16_t *next;         /* per entry: the next of its bucket, UINT16_MAX at the end */
  uint16_t head[BUCKETS]; /* per bucket: its first entry */
  size_t count;
  const gi_statement *carried_over; /* whose words say "includes the carried-over" */
} lexicon;

static uint32_t head_of(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  return (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
}

/* Fibonacci hashing of the first character. */
static unsigned bucket_of(uint32_t head) { return (head * UINT32_C(2654435761)) >> 24; }

static size_t list_length(const char *const *words) {
  size_t n = 0;
  while (words && words[n]) n++;
  return n;
}

static void add_words(lexicon *lx, const char *const *words, size_t statement, word_kind kind) {
  for (size_t i = 0; words && words[i]; i++) {
    entry *e = &lx->entries[lx->count];
    *e = (entry){words[i], strlen(words[i]), words, 0, (uint16_t)statement, (uint8_t)kind};
    if (e->len < 3) continue; /* every word is Chinese: three bytes at least */
    e->head = head_of(e->word);
    unsigned b = bucket_of(e->head);
    lx->next[lx->count] = lx->head[b];
    lx->head[b] = (uint16_t)lx->count++;
  }
}

static bool lexicon_make(lexicon *lx, const struct govinfo_format *f) {
  const gi_narrative_words *w = &gi_narrative;
  size_t n = list_length(w->change) + list_length(w->about) + list_length(w->subset) +
             list_length(w->period);
  for (size_t s = 0; s < f->nstatements; s++)
    n += list_length(f->statements[s].words) + list_length(f->statements[s].topic);
  *lx = (lexicon){0};
  if (n >= UINT16_MAX) return false;
  lx->entries = malloc(n * sizeof *lx->entries + 1);
  lx->next = malloc(n * sizeof *lx->next + 1);
  if (lx->entries == NULL || lx->next == NULL) return false;
  for (size_t b = 0; b < BUCKETS; b++) lx->head[b] = UINT16_MAX;
  add_words(lx, w->change, 0, CHANGE);
  add_words(lx, w->about, 0, ABOUT);
  add_words(lx, w->subset, 0, SUBSET);
  add_words(lx, w->period, 0, PERIOD);
  for (size_t s = 0; s < f->nstatements; s++) {
    add_words(lx, f->statements[s].words, s, WORD);
    bool known = false; /* statements share topic lists: each is looked for once */
    for (size_t t = 0; t < s && !known; t++)
      known = f->statements[t].topic == f->statements[s].topic;
    if (!known) add_words(lx, f->statements[s].topic, s, TOPIC);
    if (f->statements[s].rule == GI_RULE_NARRATIVE_CARRIED_OVER && lx->carried_over == NULL)
      lx->carried_over = &f->statements[s];
  }
  return true;
}

static void lexicon_free(lexicon *lx) {
  free(lx->entries);
  free(lx->next);
}

/* ---- the words of one sentence ---- */

typedef struct hit {
  const char *start, *end;
  uint16_t entry;
} hit;

typedef struct sentence {
  const char *start, *end;
  hit hits[MAX_HITS];
  size_t nhits;
  bool overflow;
  /* Where the sentence first names another period or time (end when it does not); worked
   * out once, when a count of the sentence first needs it. */
  const char *other_time;
  bool other_time_known;
} sentence;

static bool inside(const hit *a, const hit *b) {
  return a->start >= b->start && a->end <= b->end && a->end - a->start < b->end - b->start;
}

/* Every word of the lexicon in the sentence, less those inside a longer one. */
static void read_sentence(const lexicon *lx, sentence *s) {
  s->nhits = 0;
  s->overflow = false;
  s->other_time_known = false;
  for (const char *p = s->start; p + 3 <= s->end;) {
    unsigned char c = (unsigned char)*p;
    if (c < 0xE0 || c >= 0xF0) { /* not a three-byte character: no word starts here */
      p += c < 0x80 ? 1 : c < 0xE0 ? 2 : 4;
      continue;
    }
    uint32_t head = head_of(p);
    for (uint16_t k = lx->head[bucket_of(head)]; k != UINT16_MAX; k = lx->next[k]) {
      const entry *e = &lx->entries[k];
      if (e->head != head || (size_t)(s->end - p) < e->len ||
          memcmp(p + 3, e->word + 3, e->len - 3) != 0)
        continue;
      if (s->nhits == MAX_HITS) {
        s->overflow = true;
        return;
      }
      s->hits[s->nhits++] = (hit){p, p + e->len, k};
    }
    p += 3;
  }
  /* Hits come in the order of their starts: a hit that holds hit i starts at or before it,
   * within the length of the longest word. */
  size_t kept = 0;
  for (size_t i = 0; i < s->nhits; i++) {
    bool hidden = false;
    for (size_t j = i; j-- > 0 && !hidden && s->hits[i].start - s->hits[j].start < 64;)
      hidden = inside(&s->hits[i], &s->hits[j]);
    for (size_t j = i + 1; j < s->nhits && !hidden && s->hits[j].start == s->hits[i].start; j++)
      hidden = inside(&s->hits[i], &s->hits[j]);
    if (!hidden) s->hits[kept++] = s->hits[i];
  }
  s->nhits = kept;
}

/* ---- counts and their clauses ---- */

typedef struct count {
  gi_prose_number number;
  const char *unit_end;
  const char *clause_start, *clause_end;
  bool part; /* the clause starts with 其中, 含…: a part of another figure */
} count;

/* The count whose unit starts at `unit` (len bytes), if a number stands before it. */
static bool count_at(const char *text, const char *unit, size_t len, count *c) {
  if (!gi_number_before(text, unit, &c->number) || c->number.single_one) return false;
  c->unit_end = unit + len;
  return true;
}

static int by_position(const void *a, const void *b) {
  const count *x = a, *y = b;
  return x->number.start < y->number.start ? -1 : x->number.start > y->number.start;
}

/* Every count of the text, in order; NULL with *n 0 when there is none or memory ran out
 * (*oom). */
static count *find_counts(const char *text, size_t *n, bool *oom) {
  count *counts = NULL;
  size_t cap = 0;
  *n = 0;
  const char *const *units = gi_narrative.units;
  for (size_t u = 0; units[u]; u++) {
    size_t len = strlen(units[u]);
    for (const char *p = strstr(text, units[u]); p; p = strstr(p + len, units[u])) {
      count c;
      if (!count_at(text, p, len, &c)) continue;
      if (*n == cap) {
        cap = cap ? cap * 2 : 16;
        count *grown = realloc(counts, cap * sizeof *grown);
        if (grown == NULL) {
          free(counts);
          *n = 0;
          *oom = true;
          return NULL;
        }
        counts = grown;
      }
      counts[(*n)++] = c;
    }
  }
  if (*n > 1) qsort(counts, *n, sizeof *counts, by_position);
  return counts;
}

/* Bytes of the clause delimiter that ends at p (not before low), 0 if none. */
static size_t delimiter_before(const char *low, const char *p) {
  if (p - low >= 3 && gi_clause_delimiter_at(p - 3) == 3) return 3;
  if (p - low >= 1 && gi_clause_delimiter_at(p - 1) == 1) return 1;
  return 0;
}

/* Bytes of the opening bracket "（" or "(" that ends at p, 0 if none. */
static size_t is_opening(const char *low, const char *p) {
  if (p - low >= 1 && p[-1] == '(') return 1;
  return p - low >= 3 && memcmp(p - 3, "（", 3) == 0 ? 3 : 0;
}

/* The clause of counts[k] within its sentence: delimited by 、-less delimiters and counts. */
static void find_clause(count *counts, size_t n, size_t k, const sentence *s) {
  count *c = &counts[k];
  const char *low = s->start, *high = s->end;
  if (k > 0 && counts[k - 1].unit_end > low && counts[k - 1].unit_end <= c->number.start)
    low = counts[k - 1].unit_end;
  if (k + 1 < n && counts[k + 1].number.start < high) high = counts[k + 1].number.start;
  const char *p = c->number.start;
  for (;;) {
    size_t d = delimiter_before(low, p);
    if (d == 0) {
      if (p <= low) break;
      p = gi_char_before(low, p);
      continue;
    }
    bool closing = p[-1] == ')' || (d == 3 && (unsigned char)p[-1] == 0x89);
    if (!closing || gi_skip_spaces(p) != gi_skip_spaces(c->number.start)) break;
    /* "行政诉讼（复议后起诉）1件": the brackets name what is counted */
    p -= d;
    while (p > low && !is_opening(low, p)) p = gi_char_before(low, p);
    if (p > low) p -= is_opening(low, p);
  }
  c->clause_start = p;
  const char *q = c->unit_end;
  while (q < high && gi_clause_delimiter_at(q) == 0) q++;
  c->clause_end = q;
  const char *start = gi_skip_spaces(p);
  c->part = gi_word_at(start, c->number.start, gi_narrative.part) != 0;
}

/* ---- what keeps a count from being compared ---- */

/* A word of that kind among the sentence's hits within [from, to): words inside a
 * statement's word (上年 in 上年结转) were dropped with the hits they hide. */
static bool has_hit(const lexicon *lx, const sentence *s, word_kind kind, const char *from,
                    const char *to) {
  for (size_t i = 0; i < s->nhits; i++)
    if (lx->entries[s->hits[i].entry].kind == kind && s->hits[i].start >= from &&
        s->hits[i].end <= to)
      return true;
  return false;
}

/* The first year other than the report's ("2023年", "二〇二三年") or date ("3月5日",
 * "1至6月") in [from, to), to when none. */
static const char *other_time_in(const char *from, const char *to, int year) {
  for (const char *p = from; p < to;) {
    size_t len;
    if (!gi_numeral_at(p, &len)) {
      unsigned char c = (unsigned char)*p; /* on to the next character */
      p += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      continue;
    }
    const char *start = p;
    while (p < to && gi_numeral_at(p, &len)) p += len;
    const char *after = gi_skip_spaces(p);
    if (gi_word_at(after, to, (const char *const[]){"月", NULL})) return start;
    if (!gi_word_at(after, to, (const char *const[]){"年", NULL})) continue;
    gi_prose_number y;
    int64_t value = -1;
    if (gi_number_at(start, p, &y) && y.end == p) value = y.value;
    else if (!gi_chinese_numeral(start, (size_t)(p - start), &value)) continue;
    if (value >= 1000 && value != year) return start;
  }
  return to;
}

/* Where the sentence first names another period: a word (去年…) or another year or a date. */
static const char *other_time(const lexicon *lx, sentence *s, int year) {
  if (!s->other_time_known) {
    const char *first = s->end;
    for (size_t i = 0; i < s->nhits; i++)
      if (lx->entries[s->hits[i].entry].kind == PERIOD && s->hits[i].start < first)
        first = s->hits[i].start;
    s->other_time = other_time_in(s->start, first, year);
    s->other_time_known = true;
  }
  return s->other_time;
}

static bool kept_out(const lexicon *lx, const count *c, sentence *s, int year) {
  const gi_narrative_words *w = &gi_narrative;
  const char *before = c->number.start;
  size_t n;
  if (gi_word_before(c->clause_start, before, w->each)) return true;
  if ((n = gi_word_before(c->clause_start, before, w->range)) != 0) {
    size_t len;
    const char *prev = gi_char_before(s->start, before - n);
    if (prev < before - n && gi_numeral_at(prev, &len)) return true;
  }
  if (gi_word_at(gi_skip_spaces(c->unit_end), c->clause_end, w->after)) return true;
  if (has_hit(lx, s, ABOUT, c->clause_start, c->number.end)) return true; /* 约, 数十 */
  if (has_hit(lx, s, CHANGE, c->clause_start, c->clause_end)) return true;
  if (has_hit(lx, s, SUBSET, c->clause_start, c->clause_end)) return true;
  return other_time(lx, s, year) < c->clause_end;
}

/* ---- the statement a count gives ---- */

/* Position of the last word of the topic list before the end of the clause, NULL when the
 * sentence names none there. */
static const char *topic_position(const lexicon *lx, const sentence *s, const count *c,
                                  const char *const *topic) {
  const char *last = NULL;
  for (size_t i = 0; i < s->nhits; i++) {
    const entry *e = &lx->entries[s->hits[i].entry];
    if (e->kind == TOPIC && e->list == topic && s->hits[i].start < c->clause_end)
      last = s->hits[i].start;
  }
  return last;
}

/* The one statement the count gives, NULL when none or more than one. */
static const gi_statement *statement_of(const lexicon *lx, const struct govinfo_format *f,
                                        const sentence *s, const count *c) {
  enum { MAX_CANDIDATES = 16 };
  size_t cand[MAX_CANDIDATES], n = 0;
  const char *topic[MAX_CANDIDATES];
  for (size_t i = 0; i < s->nhits; i++) {
    const entry *e = &lx->entries[s->hits[i].entry];
    if (e->kind != WORD || s->hits[i].start < c->clause_start || s->hits[i].end > c->clause_end)
      continue;
    const gi_statement *st = &f->statements[e->statement];
    bool seen = false;
    for (size_t k = 0; k < n; k++) seen = seen || cand[k] == e->statement;
    if (seen || (c->part && !st->part)) continue;
    if (st->context && !gi_find_any(s->start, s->end, st->context, NULL)) continue;
    const char *at = st->topic ? topic_position(lx, s, c, st->topic) : NULL;
    if (st->topic && at == NULL) continue;
    if (n == MAX_CANDIDATES) return NULL;
    topic[n] = at;
    cand[n++] = e->statement;
  }
  /* The topic named last decides; then the highest rank. */
  const char *latest = NULL;
  uint8_t rank = 0;
  for (size_t k = 0; k < n; k++)
    if (topic[k] && topic[k] > latest) latest = topic[k];
  for (size_t k = 0; k < n; k++)
    if ((topic[k] == NULL || topic[k] == latest) && f->statements[cand[k]].rank > rank)
      rank = f->statements[cand[k]].rank;
  const gi_statement *found = NULL;
  for (size_t k = 0; k < n; k++) {
    const gi_statement *st = &f->statements[cand[k]];
    if ((topic[k] && topic[k] != latest) || st->rank != rank) continue;
    if (found) return NULL; /* two figures: the sentence is not compared */
    found = st;
  }
  return found;
}

/* "（含上年结转18件）" or "，含上年度结转…" right after the count. */
static bool includes_carried_over(const lexicon *lx, const count *c, const sentence *s) {
  if (lx->carried_over == NULL) return false;
  const char *p = gi_skip_spaces(c->unit_end);
  p += gi_word_at(p, s->end, (const char *const[]){"（", "(", "，", ",", NULL});
  size_t n = gi_word_at(p, s->end, gi_narrative.part);
  if (n == 0) return false;
  const char *end = p + n;
  while (end < s->end && !gi_word_at(end, s->end, (const char *const[]){"）", ")", "，", NULL}))
    end++;
  return gi_find_any(p + n, end, lx->carried_over->words, NULL) != NULL;
}

/* ---- the tables' side ---- */

/* The row identity of a table whose total is `column` (table3.row_total, table4.row_total):
 * its parts stand in for a total left blank. */
static const gi_identity *row_identity(const vctx *x, const table_view *t, size_t column) {
  for (size_t i = 0; i < x->f->nidentities; i++) {
    const gi_identity *id = &x->f->identities[i];
    if (id->axis == GI_EACH_ROW && strcmp(id->table, t->def->id) == 0 && id->totals[0] &&
        id->totals[1] == NULL && strcmp(id->totals[0], t->def->columns[column].id) == 0)
      return id;
  }
  return NULL;
}

/* The figure of one cell: its number, a group's sub-rows, or for a total not filled in the
 * parts of the table's row identity (*blank_total set to that identity). */
static bool cell_figure(vctx *x, const char *id, size_t len, bool collect, int64_t *out,
                        const gi_identity **blank_total) {
  char buf[MAX_CELLS];
  size_t ti, row, col;
  if (len >= sizeof buf) return false;
  memcpy(buf, id, len);
  buf[len] = '\0';
  if (gi_cell_resolve(x->f, buf, &ti, &row, &col) != GOVINFO_OK) return false;
  table_view t = gi_table_view_of(x, ti);
  if (gi_row_value(x, &t, row, col, collect, 0, out)) return true;
  const gi_identity *identity = row_identity(x, &t, col);
  if (identity == NULL) return false;
  int64_t sum = 0;
  for (size_t i = 0; identity->parts[i]; i++) {
    long c = gi_column_index(t.def, identity->parts[i], strlen(identity->parts[i]), -1);
    int64_t v;
    if (c < 0 || !gi_row_value(x, &t, row, (size_t)c, collect, 0, &v) ||
        __builtin_add_overflow(sum, v, &sum))
      return false;
  }
  *out = sum;
  *blank_total = identity;
  return true;
}

/* The sum of '+'-joined cells. */
static bool cells_figure(vctx *x, const char *cells, bool collect, int64_t *out,
                         const gi_identity **blank_total) {
  int64_t sum = 0;
  for (const char *p = cells; *p;) {
    const char *plus = strchr(p, '+');
    size_t len = plus ? (size_t)(plus - p) : strlen(p);
    int64_t v;
    if (!cell_figure(x, p, len, collect, &v, blank_total) || __builtin_add_overflow(sum, v, &sum))
      return false;
    p += len + (plus != NULL);
  }
  *out = sum;
  return true;
}

/* ---- findings ---- */

typedef struct mismatch {
  const gi_statement *statement;
  gi_rule rule;
  size_t section;
  const char *number, *clause; /* in the section's text */
  size_t clause_len;
  const char *cells;
  int64_t text, table;
  const gi_identity *blank_total;
  gi_prose_number percent; /* narrative.share: as printed */
  int64_t expected_scaled; /* narrative.share: the share, in units of the printed decimals */
} mismatch;

typedef struct reading {
  vctx *x;
  lexicon lx;
  bool lexicon_made;
  mismatch *found;
  size_t n, cap;
} reading;

static void keep(reading *rd, const mismatch *m) {
  if (rd->n == rd->cap) {
    size_t cap = rd->cap ? rd->cap * 2 : 8;
    mismatch *grown = realloc(rd->found, cap * sizeof *grown);
    if (grown == NULL) {
      rd->x->finding.oom = true;
      return;
    }
    rd->found = grown;
    rd->cap = cap;
  }
  rd->found[rd->n++] = *m;
}

static int64_t power_of_ten(unsigned n) {
  int64_t p = 1;
  while (n--) p *= 10;
  return p;
}

/* A percentage printed beside the count ("，占33.9%"): checked against the count's share of
 * the statement's base, when nothing else is named as the base. */
static void check_share(reading *rd, const count *c, const sentence *s, mismatch m) {
  const gi_narrative_words *w = &gi_narrative;
  const gi_rule_params *params = gi_format_rule_params(rd->x->f, GI_RULE_NARRATIVE_SHARE);
  if (params == NULL || m.statement->share_base == NULL) return;
  const char *p = gi_skip_spaces(c->unit_end);
  p += gi_word_at(p, s->end, (const char *const[]){"，", ",", "（", "(", NULL});
  size_t n = gi_word_at(p, s->end, params->words);
  if (n == 0) return;
  p += n;
  p += gi_word_at(p, s->end, w->share_base);
  gi_prose_number pct;
  if (!gi_number_at(p, s->end, &pct) || pct.start != gi_skip_spaces(p) || pct.decimals > 3 ||
      !gi_word_at(gi_skip_spaces(pct.end), s->end, w->percent))
    return;
  int64_t base;
  const gi_identity *blank_total = NULL;
  if (!cells_figure(rd->x, m.statement->share_base, false, &base, &blank_total) || base <= 0 ||
      base > INT64_C(1000000000) || m.text > INT64_C(1000000000) || pct.value > 100000)
    return;
  int64_t scale = power_of_ten(pct.decimals);
  int64_t printed = pct.value * scale + pct.fraction, v = m.text * 100 * scale;
  /* Rounded or cut to the printed decimals. */
  if ((2 * printed - 1) * base <= 2 * v && 2 * v < (2 * printed + 2) * base) return;
  m.rule = GI_RULE_NARRATIVE_SHARE;
  m.cells = m.statement->share_base;
  m.table = base;
  m.blank_total = blank_total;
  m.percent = pct;
  m.expected_scaled = (2 * v + base) / (2 * base);
  keep(rd, &m);
}

static void compare_count(reading *rd, size_t section, const count *c, sentence *s) {
  vctx *x = rd->x;
  const gi_statement *st = statement_of(&rd->lx, x->f, s, c);
  if (st == NULL || kept_out(&rd->lx, c, s, x->r->year)) return; /* the cheap test first */
  mismatch m = {.statement = st,
                .rule = st->rule,
                .section = section,
                .number = c->number.start,
                .clause = c->clause_start,
                .clause_len = (size_t)(c->clause_end - c->clause_start),
                .cells = st->cells,
                .text = c->number.value};
  if (st->cells_with_carried_over && includes_carried_over(&rd->lx, c, s))
    m.cells = st->cells_with_carried_over;
  if (!cells_figure(x, m.cells, false, &m.table, &m.blank_total)) return;
  if (m.table != m.text) keep(rd, &m);
  check_share(rd, c, s, m);
}

static void read_text(reading *rd, size_t section, const char *text) {
  size_t n;
  bool oom = false;
  count *counts = find_counts(text, &n, &oom);
  if (oom) rd->x->finding.oom = true;
  sentence *s = n ? malloc(sizeof *s) : NULL;
  if (n && s == NULL) rd->x->finding.oom = true;
  if (n && !rd->lexicon_made) { /* most texts have no count: the words are sorted only now */
    rd->lexicon_made = true;
    if (!lexicon_make(&rd->lx, rd->x->f)) rd->x->finding.oom = true;
  }
  for (size_t k = 0; s && k < n && !rd->x->finding.oom; k++) {
    if (k == 0 || counts[k].number.start >= s->end) { /* counts are in order */
      s->start = gi_sentence_start(text, counts[k].number.start);
      s->end = gi_sentence_end(counts[k].number.start);
      read_sentence(&rd->lx, s);
    }
    if (s->overflow) continue;
    find_clause(counts, n, k, s);
    compare_count(rd, section, &counts[k], s);
  }
  free(s);
  free(counts);
}

/* A clause in messages: at most this many bytes, cut at a character. */
#define CLAUSE_BYTES 90

static int excerpt_length(const char *clause, size_t len) {
  if (len <= CLAUSE_BYTES) return (int)len;
  size_t n = CLAUSE_BYTES;
  while (n > 0 && ((unsigned char)clause[n] & 0xC0) == 0x80) n--;
  return (int)n;
}

static void report(vctx *x, const mismatch *m) {
  const gi_section *sec = &x->r->sections[m->section];
  size_t offset = (size_t)(m->number - sec->text);
  int len = excerpt_length(m->clause, m->clause_len);
  const char *clause = m->clause;
  int64_t ignored;
  const gi_identity *blank = NULL;
  begin(x, m->rule);
  add_path(x, gi_text_loc(&sec->text_map, sec->text, offset, sec->loc), "/sections/%zu/text",
           m->section);
  cells_figure(x, m->cells, true, &ignored, &blank);
  const char *zh_total = m->blank_total ? "（总计栏未填数字，按" : "";
  const char *zh_parts = m->blank_total ? m->blank_total->parts_zh : "";
  const char *zh_end = m->blank_total ? "计）" : "";
  const char *en_total = m->blank_total ? " (the total is not filled in: " : "";
  const char *en_parts = m->blank_total ? m->blank_total->parts_en : "";
  const char *en_end = m->blank_total ? ")" : "";
  if (m->rule == GI_RULE_NARRATIVE_SHARE) {
    int64_t scale = power_of_ten(m->percent.decimals);
    char expected[GOVINFO_NUMBER_BUFSIZE], printed[GOVINFO_NUMBER_BUFSIZE];
    gi_decimal e = {(uint64_t)(m->expected_scaled / scale), (uint32_t)(m->expected_scaled % scale),
                    m->percent.decimals, false};
    gi_decimal p = {(uint64_t)m->percent.value, m->percent.fraction, m->percent.decimals, false};
    gi_decimal_format(&e, expected);
    gi_decimal_format(&p, printed);
    gi_finding_say(&x->finding, GI_SLOT_EXPECTED, "%s", expected);
    gi_finding_say(&x->finding, GI_SLOT_ACTUAL, "%s", printed);
    SAY_ZH(x, "正文“%.*s”：%lld件占%s（%lld）的%s%%，正文写%s%%%s%s%s", len, clause,
           (long long)m->text, m->statement->name_zh, (long long)m->table, expected, printed,
           zh_total, zh_parts, zh_end);
    SAY_EN(x, "the text \"%.*s\": %lld is %s%% of the base of %s (%lld), the text says %s%%%s%s%s",
           len, clause, (long long)m->text, expected, m->statement->name_en, (long long)m->table,
           printed, en_total, en_parts, en_end);
  } else {
    gi_finding_set_values(&x->finding, m->table, m->text);
    SAY_ZH(x, "正文“%.*s”所写%s（%lld）与表中（%lld）不符%s%s%s", len, clause,
           m->statement->name_zh, (long long)m->text, (long long)m->table, zh_total, zh_parts,
           zh_end);
    SAY_EN(x, "the text \"%.*s\" gives %s as %lld, the tables %lld%s%s%s", len, clause,
           m->statement->name_en, (long long)m->text, (long long)m->table, en_total, en_parts,
           en_end);
  }
  finish(x);
}

void gi_check_narrative(vctx *x, gi_rule rule) {
  if (x->narrative_done || x->f->nstatements == 0) return;
  x->narrative_done = true;
  reading rd = {.x = x};
  for (size_t i = 0; i < x->r->nsections && !x->finding.oom; i++)
    if (x->r->sections[i].text) read_text(&rd, i, x->r->sections[i].text);
  /* In the registry's order, each rule's findings in the order of the text. */
  for (size_t r = rule; r < GI_RULE_COUNT_ && !x->finding.oom; r++) {
    if (gi_rule_check_of((gi_rule)r) != gi_check_narrative || !x->wanted[r] ||
        !govinfo_rule_applies_to(govinfo_rule_at(r), x->f))
      continue;
    for (size_t i = 0; i < rd.n && !x->finding.oom; i++)
      if (rd.found[i].rule == (gi_rule)r) report(x, &rd.found[i]);
  }
  free(rd.found);
  lexicon_free(&rd.lx);
}
