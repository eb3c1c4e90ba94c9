/* The importer's document: lines and normalised tokens with their source positions, and the
 * plain-text front end. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "import/doc.h"

/* Text storage: chunks that never move, so token pointers stay valid as the document grows. */
typedef struct gi_chunk {
  struct gi_chunk *next;
  size_t used, cap;
  _Alignas(8) char data[];
} gi_chunk;

enum { CHUNK_SIZE = 16384 };

void gi_doc_init(gi_doc *doc) { memset(doc, 0, sizeof *doc); }

enum { BUDGET_PER_BYTE = 3, BUDGET_BASE = 1 << 20 };

void gi_doc_set_budget(gi_doc *doc, size_t input_len) {
  doc->budget = input_len > (SIZE_MAX - BUDGET_BASE) / BUDGET_PER_BYTE
                    ? SIZE_MAX
                    : input_len * BUDGET_PER_BYTE + BUDGET_BASE;
}

int gi_doc_budget_error(const gi_doc *doc, const char *source) {
  return gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                    "the text holds too many lines or words for its size (%zu lines, %zu words): "
                    "the importer keeps within 4 times its input, and no report needs more",
                    doc->nlines, doc->ntokens);
}

/* Counts size bytes against the budget; false (the document failed) when it runs out. */
static bool charge(gi_doc *doc, size_t size) {
  if (doc->budget && (size > doc->budget || doc->used > doc->budget - size)) {
    doc->failed = doc->over_budget = true;
    return false;
  }
  doc->used += size;
  return true;
}

void gi_doc_free(gi_doc *doc) {
  for (gi_chunk *c = doc->chunks, *next; c; c = next) {
    next = c->next;
    free(c);
  }
  free(doc->lines);
  free(doc->tokens);
  gi_doc_init(doc);
}

/* Room for `size` bytes aligned to 4, in the newest chunk or a fresh one. */
static void *doc_alloc(gi_doc *doc, size_t size) {
  gi_chunk *c = doc->chunks;
  size_t at = c ? (c->used + 3) & ~(size_t)3 : 0;
  if (c == NULL || at > c->cap || c->cap - at < size) {
    size_t cap = size > CHUNK_SIZE ? size : CHUNK_SIZE;
    if (!charge(doc, sizeof(gi_chunk) + cap)) return NULL;
    gi_chunk *fresh = malloc(sizeof *fresh + cap);
    if (fresh == NULL) {
      doc->failed = true;
      gi_fail_oom();
      return NULL;
    }
    fresh->next = c;
    fresh->used = 0;
    fresh->cap = cap;
    doc->chunks = c = fresh;
    at = 0;
  }
  c->used = at + size;
  return c->data + at;
}

static const char *doc_store(gi_doc *doc, const char *s, size_t len) {
  if (len == 0) return ""; /* blank lines and empty cells take no storage */
  char *out = doc_alloc(doc, len + 1);
  if (out == NULL) return NULL;
  memcpy(out, s, len);
  out[len] = '\0';
  return out;
}

static const int32_t *doc_store_key(gi_doc *doc, const int32_t *key, size_t n) {
  static const int32_t none[1];
  if (n == 0) return none;
  int32_t *out = doc_alloc(doc, n * sizeof *key + 1);
  if (out != NULL && n > 0) memcpy(out, key, n * sizeof *key);
  return out;
}

static bool grow(gi_doc *doc, void **items, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return true;
  /* by half: doubling would hold up to twice what is needed, three times while copying */
  size_t fresh = *cap ? *cap + *cap / 2 : 64;
  if (!charge(doc, (fresh - *cap) * size)) return false;
  void *p = realloc(*items, fresh * size);
  if (p == NULL) {
    doc->failed = true;
    gi_fail_oom();
    return false;
  }
  *items = p;
  *cap = fresh;
  return true;
}

/* ---- normalisation ---- */

/* Length of the UTF-8 sequence at s (1 for a malformed byte) and its code point. The input
 * was checked to be UTF-8, so the common lengths are decoded inline. */
static inline size_t decode(const char *s, size_t len, int32_t *cp) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] < 0x80) {
    *cp = u[0];
    return 1;
  }
  if ((u[0] & 0xF0) == 0xE0 && len >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
    *cp = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    if (*cp >= 0x800 && (*cp < 0xD800 || *cp > 0xDFFF)) return 3;
  }
  utf8proc_ssize_t n = utf8proc_iterate(u, (utf8proc_ssize_t)len, cp);
  if (n <= 0) {
    *cp = -1;
    return 1;
  }
  return (size_t)n;
}

/* CJK Unified Ideographs: letters that NFKC leaves alone, the bulk of every report. */
static inline bool is_ideograph(int32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; }

static inline bool is_space(int32_t cp) {
  if (cp > ' ' && cp < 0xA0) return false; /* the common case, one test */
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\v' || cp == '\f' ||
         cp == 0xA0 || cp == 0x3000 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009 ||
         cp == 0x200B || cp == 0xFEFF;
}

/* True when NFKC leaves the code point alone whatever surrounds it: the common case (ASCII,
 * CJK ideographs), checked without calling utf8proc_map. */
static inline bool nfkc_stable(int32_t cp) {
  if (cp < 0x80 || is_ideograph(cp)) return true;
  const utf8proc_property_t *p = utf8proc_get_property(cp);
  return p->decomp_seqindex == UINT16_MAX && p->combining_class == 0 && p->comb_index == UINT16_MAX;
}

/* NFKC without whitespace into out (room for len bytes: the fast path never grows text).
 * Returns the length, or SIZE_MAX when some character needs utf8proc. Full-width ASCII
 * (U+FF01..U+FF5E, full-width digits and punctuation) is NFKC's plain ASCII. */
static inline bool is_key_char(int32_t cp);

/* With key != NULL, also writes the normalised text's letters and digits there (at most
 * GI_TOKEN_KEY_MAX; their count in *nkey), in the same pass. */
static size_t normalize_fast_key(const char *restrict s, size_t len, char *restrict out,
                                 int32_t *restrict key, size_t *restrict nkey) {
  size_t n = 0, k = 0;
  for (size_t i = 0; i < len;) {
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] < 0x80) { /* ASCII: digits above all */
      unsigned char c = u[0];
      i++;
      if (c == ' ' || (c >= '\t' && c <= '\r')) continue;
      out[n++] = (char)c;
      if (key && k < GI_TOKEN_KEY_MAX && is_key_char(c)) key[k++] = c;
      continue;
    }
    if (u[0] >= 0xE4 && u[0] <= 0xE9 && len - i >= 3 && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80) { /* U+4000..U+9FFF: mostly ideographs, the bulk of a report */
      int32_t cp = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
      if (is_ideograph(cp)) {
        out[n] = (char)u[0], out[n + 1] = (char)u[1], out[n + 2] = (char)u[2];
        n += 3, i += 3;
        if (key && k < GI_TOKEN_KEY_MAX) key[k++] = cp;
        continue;
      }
    }
    int32_t cp;
    size_t step = decode(s + i, len - i, &cp);
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      cp -= 0xFEE0;
      out[n++] = (char)cp;
    } else if (is_space(cp)) {
      i += step;
      continue;
    } else if (cp >= 0 && nfkc_stable(cp)) {
      for (size_t b = 0; b < step; b++) out[n++] = s[i + b]; /* 1 to 4 bytes: no memcpy call */
    } else {
      return SIZE_MAX;
    }
    if (key && k < GI_TOKEN_KEY_MAX && is_key_char(cp)) key[k++] = cp;
    i += step;
  }
  if (nkey) *nkey = k;
  return n;
}

static size_t normalize_fast(const char *s, size_t len, char *out) {
  return normalize_fast_key(s, len, out, NULL, NULL);
}

static char *normalize_slow(const char *s, size_t len, size_t *out_len);

char *gi_normalize(const char *s, size_t len, size_t *out_len) {
  char *out = malloc(len + 1);
  if (out == NULL) {
    gi_fail_oom();
    return NULL;
  }
  size_t n = normalize_fast(s, len, out);
  if (n != SIZE_MAX) {
    out[n] = '\0';
    *out_len = n;
    return out;
  }
  free(out);
  return normalize_slow(s, len, out_len);
}

/* NFKC by utf8proc, without whitespace: text the fast path cannot take. */
static char *normalize_slow(const char *s, size_t len, size_t *out_len) {
  char *out;
  size_t n;
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
  if (m == UTF8PROC_ERROR_NOMEM) {
    gi_fail_oom();
    return NULL;
  }
  const char *src = m >= 0 ? (const char *)mapped : s; /* invalid UTF-8: keep the bytes */
  size_t src_len = m >= 0 ? (size_t)m : len;
  out = malloc(src_len + 1);
  if (out == NULL) {
    free(mapped);
    gi_fail_oom();
    return NULL;
  }
  n = 0;
  for (size_t i = 0; i < src_len;) {
    int32_t cp;
    size_t step = decode(src + i, src_len - i, &cp);
    if (!is_space(cp)) memcpy(out + n, src + i, step), n += step;
    i += step;
  }
  out[n] = '\0';
  free(mapped);
  *out_len = n;
  return out;
}

/* ---- lines and tokens ---- */

static gi_line *add_line(gi_doc *doc, gi_line_kind kind, const char *raw, size_t len, gi_loc loc) {
  if (!grow(doc, (void **)&doc->lines, &doc->lines_cap, doc->nlines, sizeof *doc->lines))
    return NULL;
  const char *stored = doc_store(doc, raw, len);
  if (stored == NULL) return NULL;
  gi_line *line = &doc->lines[doc->nlines++];
  *line = (gi_line){.kind = (uint8_t)kind,
                    .raw = stored,
                    .raw_len = (uint32_t)len,
                    .first = (uint32_t)doc->ntokens,
                    .loc = loc};
  return line;
}

/* Gives back the end of the newest allocation `at`, keeping its first `keep` bytes. */
static void doc_keep(gi_doc *doc, const char *at, size_t keep) {
  doc->chunks->used = (size_t)(at - doc->chunks->data) + keep;
}

static bool add_token(gi_doc *doc, const char *raw, size_t len, gi_loc loc) {
  int32_t key[GI_TOKEN_KEY_MAX];
  size_t nkey = 0;
  /* normalised straight into the document's storage: the fast path never grows text */
  char *out = doc_alloc(doc, len + 1);
  if (out == NULL) return false;
  size_t n = normalize_fast_key(raw, len, out, key, &nkey);
  const char *stored;
  if (n != SIZE_MAX) {
    out[n] = '\0';
    doc_keep(doc, out, n ? n + 1 : 0);
    stored = n ? out : ""; /* empty text takes no storage, as in doc_store */
  } else {
    doc_keep(doc, out, 0);
    char *norm = normalize_slow(raw, len, &n);
    if (norm == NULL) return doc->failed = true, false;
    stored = doc_store(doc, norm, n);
    free(norm);
    if (stored) nkey = gi_label_key(stored, n, key, GI_TOKEN_KEY_MAX);
  }
  if (stored == NULL) return false;
  const int32_t *stored_key = doc_store_key(doc, key, nkey);
  if (stored_key == NULL) return false;
  if (!grow(doc, (void **)&doc->tokens, &doc->tokens_cap, doc->ntokens, sizeof *doc->tokens))
    return false;
  doc->tokens[doc->ntokens++] =
      (gi_token){.text = stored, .len = n, .loc = loc, .key = stored_key, .nkey = nkey};
  doc->lines[doc->nlines - 1].count++;
  return true;
}

/* Length of the space character at s (is_space), 0 when s starts anything else. Only bytes
 * that can start a space are decoded. */
static inline size_t space_at(const char *s, size_t len) {
  unsigned char c = (unsigned char)s[0];
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF) return 0;
  int32_t cp;
  size_t step = decode(s, len, &cp);
  return is_space(cp) ? step : 0;
}

static bool is_dash(int32_t cp) {
  return cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0x2012 || cp == 0x2015 ||
         cp == 0x2500 || cp == 0xFF0D || cp == 0x2212;
}

enum { PAGE_MARKER_MAX = 64 }; /* bytes: a page marker is short once its indentation is gone */

/* A page number standing alone: "-3-", "— 4 —", "- 12 -", "第 3 页", "第3页 共6页". */
static bool is_page_marker(const char *s, size_t len) {
  /* it starts with a dash (-, U+2010..U+2015, full-width －) or 第 */
  unsigned char c = len ? (unsigned char)s[0] : 0;
  if (c != '-' && c != 0xE2 && c != 0xEF && c != 0xE7) return false;
  char t[PAGE_MARKER_MAX];
  /* its characters are digits, dashes, 第 页 共 (full-width or not): the fast path or none */
  size_t n = len < sizeof t ? normalize_fast(s, len, t) : SIZE_MAX;
  if (n == SIZE_MAX) return false;
  size_t i = 0, digits = 0, dashes = 0;
  int32_t cp;
  bool ok = true;
  bool chinese = n >= 3 && strncmp(t, "第", 3) == 0;
  if (chinese) i = 3;
  while (i < n && ok) {
    size_t step = decode(t + i, n - i, &cp);
    if (cp >= '0' && cp <= '9') digits++;
    else if (is_dash(cp)) dashes++;
    else if (chinese && (strncmp(t + i, "页", 3) == 0 || strncmp(t + i, "共", 3) == 0))
      ;
    else ok = false;
    i += step;
  }
  return ok && digits > 0 && digits <= 4 && (chinese || dashes >= 2);
}

static bool is_digit_cp(int32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}
static inline bool digit_at(const char *s, size_t len) {
  unsigned char c = (unsigned char)s[0];
  if (c < 0x80) return c >= '0' && c <= '9';
  return c == 0xEF && len >= 3 && (unsigned char)s[1] == 0xBC && (unsigned char)s[2] >= 0x90 &&
         (unsigned char)s[2] <= 0x99; /* U+FF10..U+FF19 */
}
static bool is_point_cp(int32_t cp) { return cp == '.' || cp == 0xFF0E; }
static bool is_numbering_mark(int32_t cp) { return cp == '.' || cp == 0xFF0E || cp == 0x3001; }

/* Length of a money unit printed right after a number at s ("万元", "元"), else 0. */
static size_t money_unit(const char *s, size_t len) {
  if (len >= 6 && memcmp(s, "万元", 6) == 0) return 6;
  if (len >= 3 && memcmp(s, "元", 3) == 0) return 3;
  return 0;
}

/* Adds the word raw[start, end) cut where digits start or stop: "规章000" is "规章" and
 * "000", "16220.85" stays whole, a money unit stays with its number ("3147230元"), and a
 * numbering at the start of the word stays with the text it numbers ("2.其他…"). */
static bool add_glued_word(gi_doc *doc, const char *raw, size_t start, size_t end, gi_loc loc) {
  size_t i = start;
  while (i < end) {
    size_t seg = i;
    int32_t cp;
    size_t step = decode(raw + i, end - i, &cp);
    bool digits = is_digit_cp(cp);
    if (digits) {
      size_t j = i;
      while (j < end) {
        int32_t c2, c3;
        size_t s2 = decode(raw + j, end - j, &c2);
        if (is_digit_cp(c2)) {
          j += s2;
          continue;
        }
        if ((is_point_cp(c2) || c2 == ',') && j > i && j + s2 < end) {
          decode(raw + j + s2, end - j - s2, &c3);
          if (is_digit_cp(c3)) {
            j += s2;
            continue;
          }
        }
        break;
      }
      /* a numbering at the start of the word ("2.其他…", "3、…") is part of its text */
      int32_t next = 0, after = 0;
      size_t s2 = j < end ? decode(raw + j, end - j, &next) : 0;
      if (j + s2 < end) decode(raw + j + s2, end - j - s2, &after);
      bool numbering =
          seg == start && j < end && is_numbering_mark(next) && !is_digit_cp(after) && j - i <= 2;
      if (!numbering) j += money_unit(raw + j, end - j);
      i = j;
      digits = !numbering;
    } else {
      i += step;
    }
    /* text, up to the next digit, byte by byte: a digit starts with 0-9 or, full-width,
     * with 0xEF, which no other byte of a sequence is */
    while (!digits && i < end && !digit_at(raw + i, end - i)) i++;
    gi_loc at = {loc.line, loc.column + (uint32_t)seg};
    if (!add_token(doc, raw + seg, i - seg, at)) return false;
  }
  return true;
}

static bool add_words(gi_doc *doc, const char *raw, size_t len, gi_loc loc, bool glued) {
  bool blank = true;
  for (size_t i = 0; i < len && blank; i++)
    blank = raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\r';
  /* a page marker is short once its indentation is gone */
  size_t lead = 0;
  while (lead < len && (raw[lead] == ' ' || raw[lead] == '\t')) lead++;
  gi_line_kind kind =
      !blank && is_page_marker(raw + lead, len - lead) ? GI_LINE_BREAK : GI_LINE_TEXT;
  if (add_line(doc, kind, raw, len, loc) == NULL) return false;
  if (kind == GI_LINE_BREAK) return true;
  /* Words: runs of non-space characters. */
  size_t i = 0;
  while (i < len) {
    size_t step = space_at(raw + i, len - i);
    if (step) {
      i += step;
      continue;
    }
    size_t start = i;
    /* byte by byte: a sequence's continuation bytes never start a space */
    while (i < len && space_at(raw + i, len - i) == 0) i++;
    gi_loc at = {loc.line, loc.column + (uint32_t)start};
    if (glued ? !add_glued_word(doc, raw, start, i, loc)
              : !add_token(doc, raw + start, i - start, at))
      return false;
  }
  return true;
}

bool gi_doc_add_text(gi_doc *doc, const char *raw, size_t len, gi_loc loc) {
  return add_words(doc, raw, len, loc, false);
}

bool gi_doc_add_glued_text(gi_doc *doc, const char *raw, size_t len, gi_loc loc) {
  return add_words(doc, raw, len, loc, true);
}

size_t gi_key_offsets(const char *s, size_t len, int32_t *key, uint32_t *offsets, size_t cap) {
  size_t n = 0;
  for (size_t i = 0; i < len && n < cap;) {
    int32_t cp;
    size_t step = decode(s + i, len - i, &cp);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0; /* full-width ASCII, as NFKC */
    if (is_key_char(cp)) {
      key[n] = cp;
      offsets[n++] = (uint32_t)i;
    }
    i += step;
  }
  return n;
}

void gi_doc_drop_empty_last_column(gi_doc *doc, size_t first_line) {
  size_t rows = 0;
  for (size_t l = first_line; l < doc->nlines; l++) {
    const gi_line *line = &doc->lines[l];
    if (line->kind != GI_LINE_ROW) continue;
    if (line->count < 2 || doc->tokens[line->first + line->count - 1].len != 0) return;
    rows++;
  }
  if (rows < 2) return;
  /* the rows' tokens follow each other from the first row on: close the gaps */
  size_t to = SIZE_MAX;
  for (size_t l = first_line; l < doc->nlines; l++) {
    gi_line *line = &doc->lines[l];
    if (to == SIZE_MAX) to = line->first;
    size_t keep = line->kind == GI_LINE_ROW ? line->count - 1 : line->count;
    memmove(doc->tokens + to, doc->tokens + line->first, keep * sizeof *doc->tokens);
    line->first = to;
    line->count = keep;
    to += keep;
  }
  if (to != SIZE_MAX) doc->ntokens = to;
}

bool gi_doc_add_break(gi_doc *doc, gi_loc loc) {
  return add_line(doc, GI_LINE_BREAK, "", 0, loc) != NULL;
}

bool gi_doc_begin_row(gi_doc *doc, gi_loc loc, bool table_start) {
  gi_line *line = add_line(doc, GI_LINE_ROW, "", 0, loc);
  if (line == NULL) return false;
  line->table_start = table_start;
  return true;
}

bool gi_doc_add_cell(gi_doc *doc, const char *raw, size_t len, gi_loc loc) {
  if (doc->nlines == 0 || doc->lines[doc->nlines - 1].kind != GI_LINE_ROW) return false;
  return add_token(doc, raw, len, loc);
}

/* ---- comparing labels ---- */

static inline bool is_key_char(int32_t cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (is_ideograph(cp)) return true;
  /* the punctuation of Chinese text, without a table lookup: general punctuation, CJK
   * symbols (but 〇, a number), full-width forms (but digits and letters) */
  if (cp >= 0x2000 && cp <= 0x206F) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return cp == 0x3007;
  if (cp >= 0xFF01 && cp <= 0xFF5E)
    return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
           (cp >= 0xFF41 && cp <= 0xFF5A);
  utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

size_t gi_label_key(const char *s, size_t len, int32_t *out, size_t cap) {
  size_t n = 0;
  for (size_t i = 0; i < len && n < cap;) {
    int32_t cp;
    i += decode(s + i, len - i, &cp);
    if (is_key_char(cp)) out[n++] = cp;
  }
  return n;
}

size_t gi_lcs(const int32_t *a, size_t na, const int32_t *b, size_t nb) {
  enum { MAX = 512 };
  size_t row[MAX + 1];
  if (na > MAX) na = MAX;
  memset(row, 0, (na + 1) * sizeof *row);
  for (size_t j = 0; j < nb; j++) {
    size_t diag = 0;
    for (size_t i = 1; i <= na; i++) {
      size_t up = row[i];
      row[i] = a[i - 1] == b[j] ? diag + 1 : (row[i - 1] > up ? row[i - 1] : up);
      diag = up;
    }
  }
  return row[na];
}

size_t gi_doc_line_key(const gi_doc *doc, size_t line, int32_t *key, size_t cap) {
  const gi_line *l = &doc->lines[line];
  size_t n = 0;
  for (size_t k = 0; k < l->count && n < cap; k++) {
    const gi_token *t = &doc->tokens[l->first + k];
    size_t c = t->nkey < cap - n ? t->nkey : cap - n;
    memcpy(key + n, t->key, c * sizeof *key);
    n += c;
  }
  return n;
}

bool gi_key_contains(const int32_t *hay, size_t nh, const int32_t *needle, size_t nn) {
  for (size_t i = 0; nn && i + nn <= nh; i++)
    if (hay[i] == needle[0] && memcmp(hay + i, needle, nn * sizeof *needle) == 0) return true;
  return false;
}
