/* Reading the prose of a report: numbers, sentences, words, and where a place in a text lies
 * in its file (prose.h). */
#include <stddef.h>
#include <string.h>

#include "model/decimal.h"
#include "util/text.h"
#include "validate/prose.h"

/* ---- where a place of a text lies in its file ---- */

/* Bytes of text[0..offset) that JSON writes as two-byte escapes. */
static size_t escaped_before(const char *text, size_t offset) {
  size_t n = 0;
  for (size_t i = 0; i < offset; i++) {
    unsigned char c = (unsigned char)text[i];
    n += c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f';
  }
  return n;
}

gi_loc gi_text_loc(const gi_text_map *map, const char *text, size_t offset, gi_loc fallback) {
  if (map->start.line == 0) return fallback;
  size_t breaks = 0, line_start = 0;
  if (map->layout == GI_TEXT_SAME_BYTES || map->layout == GI_TEXT_BLOCK)
    for (size_t i = 0; i < offset; i++)
      if (text[i] == '\n') breaks++, line_start = i + 1;
  gi_loc at = map->start;
  switch (map->layout) {
  case GI_TEXT_SAME_BYTES:
    at.line += (uint32_t)breaks;
    at.column =
        breaks ? (uint32_t)(offset - line_start + 1) : at.column + map->column + (uint32_t)offset;
    return at;
  case GI_TEXT_JSON_ESCAPED:
    at.column += 1 + (uint32_t)(offset + escaped_before(text, offset));
    return at;
  case GI_TEXT_BLOCK:
    at.line += 1 + (uint32_t)breaks;
    at.column = map->column + (uint32_t)(offset - line_start);
    return at;
  default:
    return at;
  }
}

/* ---- numbers ---- */

/* The Chinese numeral at s (every one is three bytes in UTF-8): 0..9 a digit, 10 and up a
 * unit; -1 when none. A switch on the three bytes: this runs on every byte of a sentence. */
static int numeral_value(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] < 0xE3 || u[0] > 0xE9 || u[1] == 0 || u[2] == 0) return -1;
  switch ((uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2]) {
  case 0xE99BB6: /* 零 */
  case 0xE38087: /* 〇 */
    return 0;
  case 0xE4B880: /* 一 */
    return 1;
  case 0xE4BA8C: /* 二 */
  case 0xE4B8A4: /* 两 */
    return 2;
  case 0xE4B889: /* 三 */
    return 3;
  case 0xE59B9B: /* 四 */
    return 4;
  case 0xE4BA94: /* 五 */
    return 5;
  case 0xE585AD: /* 六 */
    return 6;
  case 0xE4B883: /* 七 */
    return 7;
  case 0xE585AB: /* 八 */
    return 8;
  case 0xE4B99D: /* 九 */
    return 9;
  case 0xE58D81: /* 十 */
    return 10;
  case 0xE799BE: /* 百 */
    return 100;
  case 0xE58D83: /* 千 */
    return 1000;
  case 0xE4B887: /* 万 */
    return 10000;
  default:
    return -1;
  }
}

bool gi_numeral_at(const char *s, size_t *len) {
  if (gi_digit_at(s, len) >= 0) return true;
  if (numeral_value(s) < 0) return false;
  *len = 3;
  return true;
}

/* Numerals without 十百千万, read digit by digit: 二〇二三. */
static bool positional_numeral(const char *s, size_t len, int64_t *out) {
  int64_t v = 0;
  for (size_t i = 0; i < len; i += 3) {
    int d = numeral_value(s + i);
    if (d < 0 || d > 9 || v > INT64_C(1) << 50) return false;
    v = v * 10 + d;
  }
  *out = v;
  return len > 0;
}

bool gi_chinese_numeral(const char *s, size_t len, int64_t *out) {
  if (len == 0 || len % 3) return false;
  bool units = false;
  for (size_t i = 0; i < len; i += 3) {
    int v = numeral_value(s + i);
    if (v < 0) return false;
    units = units || v >= 10;
  }
  if (!units) return positional_numeral(s, len, out);
  int64_t total = 0, section = 0;
  int pending = -1, last_unit = 100000;
  bool ten_thousand = false;
  for (size_t i = 0; i < len; i += 3) {
    int v = numeral_value(s + i);
    if (v == 0) { /* 零: a gap, as in 一百零五 */
      if (pending > 0) return false;
      pending = -1;
    } else if (v < 10) {
      if (pending > 0) return false; /* two digits in a row: 二三十 */
      pending = v;
    } else if (v < 10000) {
      if (v >= last_unit) return false; /* 二百三千 */
      if (pending < 0) {
        if (v != 10 || i != 0) return false; /* 十五 = 15, but not 百 alone */
        pending = 1;
      }
      section += (int64_t)pending * v;
      pending = -1;
      last_unit = v;
    } else { /* 万 */
      if (ten_thousand) return false;
      if (pending > 0) section += pending;
      if (section == 0) return false;
      total = section * 10000;
      section = 0;
      pending = -1;
      last_unit = 100000;
      ten_thousand = true;
    }
  }
  *out = total + section + (pending > 0 ? pending : 0);
  return true;
}

/* Bytes of the whitespace that ends at `end` (at or after `text`), 0 if none. */
static size_t space_before(const char *text, const char *end) {
  if (end > text && (end[-1] == ' ' || end[-1] == '\t')) return 1;
  if (end - text >= 2 && (unsigned char)end[-2] == 0xC2 && (unsigned char)end[-1] == 0xA0) return 2;
  if (end - text >= 3 && memcmp(end - 3, "\xE3\x80\x80", 3) == 0) return 3;
  return 0;
}

const char *gi_char_before(const char *text, const char *p) {
  if (p <= text) return text;
  do p--;
  while (p > text && ((unsigned char)*p & 0xC0) == 0x80);
  return p;
}

/* Reads digits [start, end) (thousands separators allowed); false beyond 2^53. */
static bool digits_value(const char *start, const char *end, int64_t *out) {
  uint64_t v = 0;
  size_t len;
  for (const char *p = start; p < end;) {
    int d = gi_digit_at(p, &len);
    if (d < 0) {
      p++; /* a separator */
      continue;
    }
    v = v * 10 + (uint64_t)d;
    if (v > GI_MAX_WHOLE) return false;
    p += len;
  }
  *out = (int64_t)v;
  return true;
}

/* Start of the run of digits (with "," every three) that ends at `end`; end when none. */
static const char *digits_back(const char *text, const char *end) {
  const char *start = end;
  size_t len, group = 0;
  for (;;) {
    const char *c = gi_char_before(text, start);
    if (c == start) break;
    if (gi_digit_at(c, &len) >= 0 && c + len == start) {
      start = c;
      group++;
      continue;
    }
    /* A separator: three digits after it and a digit before it. */
    if (*c == ',' && group == 3 && c > text && gi_digit_at(gi_char_before(text, c), &len) >= 0) {
      start = c;
      group = 0;
      continue;
    }
    break;
  }
  return *start == ',' ? start + 1 : start;
}

bool gi_number_before(const char *text, const char *end, gi_prose_number *out) {
  for (size_t n; (n = space_before(text, end)) != 0;) end -= n;
  const char *start = digits_back(text, end);
  memset(out, 0, sizeof *out);
  if (start < end) {
    const char *c = gi_char_before(text, start);
    size_t len;
    /* 1.5件, 1万件, 二十3件: not a plain count. */
    if (c < start && (*c == '.' || gi_numeral_at(c, &len))) return false;
    out->start = start;
    out->end = end;
    return digits_value(start, end, &out->value);
  }
  while (start - text >= 3 && numeral_value(start - 3) >= 0) start -= 3;
  if (start == end || !gi_chinese_numeral(start, (size_t)(end - start), &out->value)) return false;
  size_t len;
  const char *c = gi_char_before(text, start);
  if (c < start && gi_digit_at(c, &len) >= 0) return false;
  out->start = start;
  out->end = end;
  out->chinese = true;
  out->single_one = end - start == 3 && memcmp(start, "一", 3) == 0;
  return true;
}

bool gi_number_at(const char *s, const char *end, gi_prose_number *out) {
  memset(out, 0, sizeof *out);
  while (s < end && gi_space_at(s)) s += gi_space_at(s);
  const char *p = s;
  size_t len;
  uint64_t v = 0;
  for (int d; p < end && (d = gi_digit_at(p, &len)) >= 0; p += len) {
    v = v * 10 + (uint64_t)d;
    if (v > GI_MAX_WHOLE) return false;
  }
  if (p == s) return false;
  out->start = s;
  out->value = (int64_t)v;
  size_t point = p < end && *p == '.' ? 1 : p + 3 <= end && memcmp(p, "．", 3) == 0 ? 3 : 0;
  if (point && p + point < end && gi_digit_at(p + point, &len) >= 0) {
    p += point;
    for (int d; p < end && (d = gi_digit_at(p, &len)) >= 0 && out->decimals < 6; p += len) {
      out->fraction = out->fraction * 10 + (uint32_t)d;
      out->decimals++;
    }
  }
  out->end = p;
  return true;
}

/* ---- sentences, clauses and words ---- */

/* Bytes of the sentence end (。！？；!?; or a line break) that starts at p, 0 if none. Tested
 * byte by byte: every byte of a text goes through here. */
static size_t sentence_end_at(const unsigned char *p) {
  switch (p[0]) {
  case '\n':
  case '!':
  case '?':
  case ';':
    return 1;
  case 0xE3: /* 。 E3 80 82 */
    return p[1] == 0x80 && p[2] == 0x82 ? 3 : 0;
  case 0xEF: /* ！ EF BC 81, ？ EF BC 9F, ； EF BC 9B */
    return p[1] == 0xBC && (p[2] == 0x81 || p[2] == 0x9F || p[2] == 0x9B) ? 3 : 0;
  default:
    return 0;
  }
}

size_t gi_clause_delimiter_at(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  switch (p[0]) {
  case ',':
  case ':':
  case '(':
  case ')':
    return 1;
  case 0xEF: /* ， EF BC 8C, ： EF BC 9A, （ EF BC 88, ） EF BC 89 */
    return p[1] == 0xBC && (p[2] == 0x8C || p[2] == 0x9A || p[2] == 0x88 || p[2] == 0x89) ? 3 : 0;
  default:
    return 0;
  }
}

/* Bytes of the word of the list that ends at p (at or after text), 0 if none. */
size_t gi_word_before(const char *text, const char *end, const char *const *words) {
  for (size_t i = 0; words && words[i]; i++) {
    size_t n = strlen(words[i]);
    if ((size_t)(end - text) >= n && memcmp(end - n, words[i], n) == 0) return n;
  }
  return 0;
}

size_t gi_word_at(const char *s, const char *end, const char *const *words) {
  for (size_t i = 0; words && words[i]; i++) {
    size_t n = strlen(words[i]);
    if ((size_t)(end - s) >= n && memcmp(s, words[i], n) == 0) return n;
  }
  return 0;
}

const char *gi_sentence_start(const char *text, const char *p) {
  const unsigned char *t = (const unsigned char *)text, *q = (const unsigned char *)p;
  for (; q > t; q--) {
    if (sentence_end_at(q - 1) == 1) break;
    if (q - t >= 3 && sentence_end_at(q - 3) == 3) break;
  }
  return (const char *)q;
}

const char *gi_sentence_end(const char *p) {
  const unsigned char *q = (const unsigned char *)p;
  for (; *q; q += 1 + strcspn((const char *)q + 1, "\n!?;\xE3\xEF"))
    if (sentence_end_at(q)) return (const char *)q;
  return (const char *)q;
}

/* Looks for the word's third byte first: in Chinese text every few bytes is a lead byte
 * such as 0xE5, while the last byte of a character is spread over 64 values. */
const char *gi_find_word(const char *s, const char *end, const char *word) {
  size_t n = strlen(word), k = n > 2 ? 2 : n ? n - 1 : 0;
  if (n == 0 || s == NULL) return s;
  for (const char *from = s + k; end - s >= (ptrdiff_t)n;) {
    const char *p = memchr(from, word[k], (size_t)(end - from) - (n - 1 - k));
    if (p == NULL) return NULL;
    if (memcmp(p - k, word, n) == 0) return p - k;
    from = p + 1;
    s = p + 1 - k;
  }
  return NULL;
}

const char *gi_find_any(const char *s, const char *end, const char *const *words, size_t *len) {
  const char *best = NULL;
  for (size_t i = 0; words && words[i]; i++) {
    const char *p = gi_find_word(s, end, words[i]);
    if (p && (best == NULL || p < best)) {
      best = p;
      if (len) *len = strlen(words[i]);
    }
  }
  return best;
}
