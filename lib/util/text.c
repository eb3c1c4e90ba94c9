/* Strings and UTF-8. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/text.h"

char *gi_strndup(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (d == NULL) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *gi_strdup(const char *s) { return gi_strndup(s, strlen(s)); }

size_t gi_utf8_put(int32_t cp, char *out) {
  if (cp < 0x80) return out[0] = (char)cp, 1;
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* RFC 3629 UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). Runs of ASCII are
 * skipped eight bytes at a time: section texts are long. */
size_t gi_utf8_valid_prefix(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s, *end = p + len;
  while (p < end) {
    if (end - p >= 8) {
      uint64_t w;
      memcpy(&w, p, 8);
      if ((w & UINT64_C(0x8080808080808080)) == 0) {
        p += 8;
        continue;
      }
    }
    unsigned c = *p;
    if (c < 0x80) {
      p++;
      continue;
    }
    if (c >= 0xE1 && c <= 0xEC && end - p >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
      p += 3; /* three bytes without a special range: all of CJK */
      continue;
    }
    size_t need;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return (size_t)(p - (const unsigned char *)s);
    }
    if ((size_t)(end - p) <= need || p[1] < lo || p[1] > hi)
      return (size_t)(p - (const unsigned char *)s);
    for (size_t k = 2; k <= need; k++)
      if ((p[k] & 0xC0) != 0x80) return (size_t)(p - (const unsigned char *)s);
    p += need + 1;
  }
  return len;
}

size_t gi_control_at(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] < 0x20 || u[0] == 0x7F) return u[0] ? 1 : 0;
  return u[0] == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F ? 2 : 0;
}

size_t gi_forbidden_control(const char *s, size_t len, bool multiline) {
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != 0x7F && c != 0xC2) continue; /* 0xC2 starts the C1 controls */
    if (c == '\t' || (multiline && (c == '\n' || c == '\r'))) continue;
    if (c == 0xC2 ? i + 1 < len && gi_control_at(s + i) : true) return i;
  }
  return len;
}

void gi_escape_controls(char *dst, size_t size, const char *src) {
  if (size == 0) return;
  size_t n = 0;
  for (const char *p = src; *p;) {
    size_t c = gi_control_at(p);
    char escaped[8];
    const char *piece = p;
    size_t len = 1;
    if (c == 1) snprintf(escaped, sizeof escaped, "\\x%02x", (unsigned char)*p);
    else if (c == 2) snprintf(escaped, sizeof escaped, "\\u%04x", (unsigned char)p[1]);
    if (c) piece = escaped, len = strlen(escaped);
    if (n + len >= size) break;
    memcpy(dst + n, piece, len);
    n += len;
    p += c ? c : 1;
  }
  dst[n] = '\0';
}

bool gi_looks_gbk(const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  /* GBK's Chinese characters are rarely valid UTF-8: text whose first non-ASCII character is
   * valid UTF-8 is UTF-8 with a bad byte somewhere, not GBK */
  size_t bad = gi_utf8_valid_prefix(s, len);
  for (size_t i = 0; i < bad; i++)
    if (u[i] >= 0x80) return false;
  size_t pairs = 0;
  for (size_t i = 0; i < len; i++) {
    if (u[i] < 0x80) continue;
    if (u[i] == 0x80 || u[i] == 0xFF || i + 1 == len || u[i + 1] < 0x40 || u[i + 1] == 0x7F ||
        u[i + 1] == 0xFF) /* GB18030's four-byte forms are rare in reports */
      return false;
    i++, pairs++;
  }
  return pairs > 0;
}

int gi_fail_gbk(const char *source, const char *s, size_t len) {
  size_t bad = gi_utf8_valid_prefix(s, len), line_start = 0;
  uint32_t line = 1;
  for (size_t i = 0; i < bad; i++)
    if (s[i] == '\n') line++, line_start = i + 1;
  const char *name = source && source[0] ? source : "FILE";
  return gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){line, (uint32_t)(bad - line_start + 1)}, bad,
                    NULL,
                    "the file is saved as GBK (GB18030), not UTF-8: convert it first, e.g. "
                    "iconv -f GB18030 -t UTF-8 %s > converted.txt",
                    name);
}

bool gi_utf8_valid(const char *s, size_t len) { return gi_utf8_valid_prefix(s, len) == len; }

/* Bytes of the whitespace character at s, 0 if none: ASCII, U+00A0 and U+3000 (ideographic
 * space, common in Chinese documents). */
size_t gi_space_at(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] == ' ' || (u[0] >= '\t' && u[0] <= '\r')) return 1;
  if (u[0] == 0xC2 && u[1] == 0xA0) return 2;
  if (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) return 3;
  return 0;
}

const char *gi_skip_spaces(const char *s) {
  for (size_t n; (n = gi_space_at(s)) != 0;) s += n;
  return s;
}

/* After `word` at s, or NULL. */
const char *gi_after_word(const char *s, const char *word) {
  size_t n = strlen(word);
  return strncmp(s, word, n) == 0 ? s + n : NULL;
}
