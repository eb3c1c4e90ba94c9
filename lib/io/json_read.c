/* JSON documents.
 *
 * Reading is one pass of an RFC 8259 scanner (which, like cJSON, lets raw control
 * characters other than NUL through inside strings) that turns the text into the events of
 * the shared builder (document.c): where every key and value starts (offset, line, column),
 * decoded strings, and numbers as their source text, so they stay exact decimals. It does
 * not go through cJSON: its tree of doubles and one allocation per value would cost more
 * than everything else together. Keys and strings without escapes point into the text;
 * strings with escapes are decoded into new strings the builder may keep.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/events.h"
#include "io/io.h"
#include "model/report.h"
#include "util/error.h"
#include "util/text.h"

/* A report is four levels deep; a fixed limit keeps the scanner's stack small. */
#define MAX_DEPTH 64

/* ---- scanning ---- */

typedef struct level {
  char close;       /* '}' or ']' */
  size_t key_event; /* objects: index of the current key event, SIZE_MAX before the first */
  size_t count;     /* arrays: elements started so far */
} level;

typedef struct scanner {
  const char *buf;
  size_t len, pos;
  const char *source;
  gi_event *ev;
  size_t n, cap;
  size_t nul; /* offset of the first NUL byte, len when there is none */
  /* Every newline before pos is counted: whitespace and strings count their own. */
  uint32_t line;
  size_t line_start;
  size_t depth;
  level stack[MAX_DEPTH];
} scanner;

/* Offset of the first c in [from, to), or to. Most stretches are short (keys, numbers):
 * those are faster without a call. */
static size_t find_byte(const char *buf, size_t from, size_t to, char c) {
  if (from >= to) return to;
  size_t stop = to - from > 16 ? from + 16 : to;
  for (; from < stop; from++)
    if (buf[from] == c) return from;
  if (from == to) return to;
  const char *p = memchr(buf + from, c, to - from);
  return p ? (size_t)(p - buf) : to;
}

/* Where the scanner is. */
static gi_loc here(const scanner *s) {
  return (gi_loc){s->line, (uint32_t)(s->pos - s->line_start + 1)};
}

/* Where any offset is, counting from the start: for errors only. */
static gi_loc loc_of(const scanner *s, size_t offset) {
  gi_loc loc = {1, 1};
  size_t line_start = s->len >= 3 && memcmp(s->buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0, p = 0;
  while ((p = find_byte(s->buf, p, offset, '\n')) < offset) {
    loc.line++;
    line_start = ++p;
  }
  loc.column = (uint32_t)(offset - line_start + 1);
  return loc;
}

static void count_newline(scanner *s, size_t at) {
  s->line++;
  s->line_start = at + 1;
}

/* Describes the byte at `at` for a message: 'x', a whole UTF-8 character, or its code. */
static void describe_byte(const scanner *s, size_t at, char *out, size_t size) {
  if (at >= s->len) {
    snprintf(out, size, "end of input");
    return;
  }
  unsigned char c = (unsigned char)s->buf[at];
  if (c == 0) {
    snprintf(out, size, "NUL byte");
  } else if (c >= 0x20 && c < 0x7F) {
    snprintf(out, size, "character '%c'", c);
  } else if (c >= 0xC2 && c <= 0xF4) {
    size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4, k = 1;
    while (k < n && at + k < s->len && ((unsigned char)s->buf[at + k] & 0xC0) == 0x80) k++;
    if (k == n) snprintf(out, size, "character '%.*s'", (int)n, s->buf + at);
    else snprintf(out, size, "byte 0x%02X", c);
  } else {
    snprintf(out, size, "%s 0x%02X", c < 0x80 ? "control character" : "byte", c);
  }
}

__attribute__((format(printf, 3, 4))) static int syntax_error(scanner *s, size_t at,
                                                              const char *fmt, ...) {
  char detail[160], pointer[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(detail, sizeof detail, fmt, ap);
  va_end(ap);
  gi_event_pointer(s->ev, s->n, s->n, pointer, sizeof pointer);
  return gi_fail_at(GOVINFO_EPARSE, s->source, loc_of(s, at), at, pointer, "malformed JSON: %s",
                    detail);
}

static int unexpected(scanner *s, const char *expected) {
  char what[64];
  describe_byte(s, s->pos, what, sizeof what);
  return syntax_error(s, s->pos, "unexpected %s (expected %s)", what, expected);
}

/* Appends an event starting at `offset`; text points into the document. */
static int push(scanner *s, gi_event_type type, gi_scalar_style style, size_t offset, gi_loc loc,
                const char *text, size_t len) {
  gi_event *e = gi_event_append(&s->ev, &s->n, &s->cap);
  if (e == NULL) return GOVINFO_ENOMEM;
  /* Every other field zero: the bytes are not known to be valid UTF-8, the builder checks. */
  *e = (gi_event){.type = (uint8_t)type,
                  .style = (uint8_t)style,
                  .text = (char *)text, /* never written through unless owned */
                  .len = len,
                  .loc = loc,
                  .offset = offset};
  return GOVINFO_OK;
}

static void skip_whitespace(scanner *s) {
  size_t p = s->pos;
  for (; p < s->len; p++) {
    char c = s->buf[p];
    if (c == '\n') count_newline(s, p);
    else if (c != ' ' && c != '\r' && c != '\t') break;
  }
  s->pos = p;
}

/* ---- strings ---- */

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Value of the four hex digits at p, -1 when they are not. */
static long hex4(const char *p) {
  long v = 0;
  for (int k = 0; k < 4; k++) {
    int d = hex_digit(p[k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

static bool is_high_surrogate(long v) { return v >= 0xD800 && v <= 0xDBFF; }
static bool is_low_surrogate(long v) { return v >= 0xDC00 && v <= 0xDFFF; }

/* Value of the \uXXXX escape at `at` (a backslash), -1 when there is none. */
static long unicode_escape(const scanner *s, size_t at) {
  if (at + 6 > s->len || s->buf[at] != '\\' || s->buf[at + 1] != 'u') return -1;
  return hex4(s->buf + at + 2);
}

/* Checks the escape at `at` (a backslash) and returns the offset just past it, or 0 after
 * recording an error. */
static size_t check_escape(scanner *s, size_t at) {
  if (at + 1 >= s->len) {
    syntax_error(s, at, "unexpected end of input in a string");
    return 0;
  }
  switch (s->buf[at + 1]) {
  case '"':
  case '\\':
  case '/':
  case 'b':
  case 'f':
  case 'n':
  case 'r':
  case 't':
    return at + 2;
  case 'u':
    break;
  default:
    syntax_error(s, at, "invalid escape '\\%c' in a string", s->buf[at + 1]);
    return 0;
  }
  long v = unicode_escape(s, at);
  if (v < 0) {
    syntax_error(s, at, "\\u must be followed by four hexadecimal digits");
    return 0;
  }
  if (v == 0) {
    syntax_error(s, at, "\\u0000 (NUL) cannot be part of a report's text");
    return 0;
  }
  if (is_low_surrogate(v)) {
    syntax_error(s, at, "\\u%04lX is the second half of a surrogate pair, without the first", v);
    return 0;
  }
  if (is_high_surrogate(v)) {
    if (!is_low_surrogate(unicode_escape(s, at + 6))) {
      syntax_error(s, at, "\\u%04lX is the first half of a surrogate pair, without the second", v);
      return 0;
    }
    return at + 12;
  }
  return at + 6;
}

static int check_no_nul(scanner *s, size_t start, size_t end) {
  return s->nul > start && s->nul < end ? syntax_error(s, s->nul, "NUL byte in a string")
                                        : GOVINFO_OK;
}

/* The rest of find_string_end, from p: long strings, escapes and raw newlines (which
 * cJSON and others accept). Bodies are searched with memchr; each position found is kept
 * while it lies ahead, so a long text with many escapes stays linear. */
static int find_string_end_slow(scanner *s, size_t start, size_t p, size_t *end, bool *escaped) {
  size_t quote = find_byte(s->buf, p, s->len, '"');
  size_t backslash = find_byte(s->buf, p, quote, '\\');
  size_t newline = find_byte(s->buf, p, quote, '\n');
  for (;;) {
    if (quote == s->len) return syntax_error(s, start, "string never closed (a '\"' is missing)");
    if (newline < backslash) {
      count_newline(s, newline);
      newline = find_byte(s->buf, newline + 1, quote, '\n');
      continue;
    }
    if (backslash == quote) break;
    *escaped = true;
    if ((p = check_escape(s, backslash)) == 0) return GOVINFO_EPARSE;
    if (p > quote) { /* it was \" */
      size_t old_quote = quote;
      quote = find_byte(s->buf, p, s->len, '"');
      if (newline == old_quote) newline = find_byte(s->buf, p, quote, '\n');
    }
    backslash = find_byte(s->buf, p, quote, '\\');
  }
  *end = quote;
  return check_no_nul(s, start, quote);
}

/* Finds the closing quote of the string opening at s->pos and checks its escapes. */
static int find_string_end(scanner *s, size_t *end, bool *escaped) {
  size_t start = s->pos, p = start + 1;
  size_t stop = s->len - p > 32 ? p + 32 : s->len;
  *escaped = false;
  for (; p < stop; p++) { /* most strings are short and plain: one quick loop */
    char c = s->buf[p];
    if (c == '"') {
      *end = p;
      return check_no_nul(s, start, p);
    }
    if (c == '\\' || c == '\n') break;
  }
  return find_string_end_slow(s, start, p, end, escaped);
}

/* Decodes one checked escape at in[0] (a backslash) into out; returns bytes read. */
static size_t decode_escape(const char *in, char *out, size_t *written) {
  static const char plain[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
  for (size_t k = 0; plain[k]; k += 2)
    if (in[1] == plain[k]) {
      out[0] = plain[k + 1];
      *written = 1;
      return 2;
    }
  unsigned long cp = (unsigned long)hex4(in + 2);
  size_t read = 6;
  if (is_high_surrogate((long)cp)) {
    cp = 0x10000 + ((cp - 0xD800) << 10) + ((unsigned long)hex4(in + 8) - 0xDC00);
    read = 12;
  }
  *written = gi_utf8_put((int32_t)cp, out);
  return read;
}

/* True when one of the n bytes at p is a control character (below 0x20): eight at a time. */
static bool has_control_byte(const char *p, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    if ((w - UINT64_C(0x2020202020202020)) & ~w & UINT64_C(0x8080808080808080)) return true;
  }
  for (; i < n; i++)
    if ((unsigned char)p[i] < 0x20) return true;
  return false;
}

/* New NUL-terminated string from a checked body with escapes; escapes only shrink. *exact
 * tells whether a place in it can be found in the source (gi_text_map's JSON_ESCAPED): only
 * two-byte escapes of the characters that must be escaped, and no raw control character. */
static char *decode_string(const char *body, size_t len, size_t *out_len, bool *exact) {
  char *out = malloc(len + 1);
  if (out == NULL) return NULL;
  size_t i = 0, o = 0;
  *exact = true;
  while (i < len) {
    size_t next = find_byte(body, i, len, '\\');
    memcpy(out + o, body + i, next - i);
    if (*exact && has_control_byte(body + i, next - i)) *exact = false;
    o += next - i;
    if (next == len) break;
    if (body[next + 1] == 'u' || body[next + 1] == '/') *exact = false;
    size_t written;
    i = next + decode_escape(body + next, out + o, &written);
    o += written;
  }
  out[o] = '\0';
  *out_len = o;
  return out;
}

static int scan_string(scanner *s) {
  size_t start = s->pos, end = 0;
  gi_loc loc = here(s);
  bool escaped = false;
  int rc = find_string_end(s, &end, &escaped);
  if (rc == GOVINFO_OK)
    rc = push(s, GI_EV_SCALAR, GI_SCALAR_STRING, start, loc, s->buf + start + 1, end - start - 1);
  if (rc) return rc;
  s->pos = end + 1;
  gi_event *e = &s->ev[s->n - 1];
  e->layout = GI_TEXT_SAME_BYTES;
  e->layout_column = 1; /* after the quote */
  if (escaped) {
    bool exact;
    if ((e->text = decode_string(s->buf + start + 1, end - start - 1, &e->len, &exact)) == NULL)
      return gi_fail_oom();
    e->owned = true;
    e->layout = exact ? GI_TEXT_JSON_ESCAPED : GI_TEXT_UNMAPPED;
  }
  return GOVINFO_OK;
}

/* ---- other values ---- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static size_t skip_digits(const scanner *s, size_t p) {
  while (p < s->len && is_digit(s->buf[p])) p++;
  return p;
}

/* RFC 8259 number grammar; whether it is a plain decimal is the builder's call. */
static int scan_number(scanner *s) {
  size_t start = s->pos, p = start;
  if (s->buf[p] == '-') p++;
  if (p >= s->len || !is_digit(s->buf[p]))
    return syntax_error(s, p, "a '-' must be followed by a digit");
  if (s->buf[p] == '0' && p + 1 < s->len && is_digit(s->buf[p + 1]))
    return syntax_error(s, p, "a number does not start with 0 followed by digits");
  p = skip_digits(s, p);
  if (p < s->len && s->buf[p] == '.') {
    if (p + 1 >= s->len || !is_digit(s->buf[p + 1]))
      return syntax_error(s, p + 1, "a digit must follow the decimal point");
    p = skip_digits(s, p + 1);
  }
  if (p < s->len && (s->buf[p] == 'e' || s->buf[p] == 'E')) {
    p++;
    if (p < s->len && (s->buf[p] == '+' || s->buf[p] == '-')) p++;
    if (p >= s->len || !is_digit(s->buf[p]))
      return syntax_error(s, p, "the exponent of a number has no digits");
    p = skip_digits(s, p);
  }
  int rc = push(s, GI_EV_SCALAR, GI_SCALAR_NUMBER, start, here(s), s->buf + start, p - start);
  s->pos = p;
  return rc;
}

static int scan_literal(scanner *s, const char *word, gi_scalar_style style) {
  size_t n = strlen(word);
  if (s->len - s->pos < n || memcmp(s->buf + s->pos, word, n) != 0) return unexpected(s, "a value");
  int rc = push(s, GI_EV_SCALAR, style, s->pos, here(s), word, n);
  s->pos += n;
  return rc;
}

/* ---- structure ---- */

typedef enum scan_state { WANT_VALUE, WANT_KEY, AFTER_VALUE } scan_state;

static int close_level(scanner *s, scan_state *next) {
  int rc = push(s, GI_EV_END, GI_SCALAR_STRING, s->pos, here(s), NULL, 0);
  s->depth--;
  s->pos++;
  *next = AFTER_VALUE;
  return rc;
}

static int open_level(scanner *s, gi_event_type type, char close, scan_state *next) {
  if (s->depth == MAX_DEPTH)
    return syntax_error(s, s->pos, "nested deeper than %d levels", MAX_DEPTH);
  int rc = push(s, type, GI_SCALAR_STRING, s->pos, here(s), NULL, 0);
  if (rc) return rc;
  s->stack[s->depth++] = (level){close, SIZE_MAX, 0};
  s->pos++;
  skip_whitespace(s);
  if (s->pos < s->len && s->buf[s->pos] == close) return close_level(s, next);
  *next = close == '}' ? WANT_KEY : WANT_VALUE;
  return GOVINFO_OK;
}

static int scan_value(scanner *s, scan_state *next) {
  if (s->depth > 0 && s->stack[s->depth - 1].close == ']') s->stack[s->depth - 1].count++;
  *next = AFTER_VALUE;
  if (s->pos >= s->len) return unexpected(s, "a value");
  char c = s->buf[s->pos];
  switch (c) {
  case '{':
    return open_level(s, GI_EV_MAP, '}', next);
  case '[':
    return open_level(s, GI_EV_SEQ, ']', next);
  case '"':
    return scan_string(s);
  case 't':
    return scan_literal(s, "true", GI_SCALAR_BOOL);
  case 'f':
    return scan_literal(s, "false", GI_SCALAR_BOOL);
  case 'n':
    return scan_literal(s, "null", GI_SCALAR_NULL);
  default:
    if (c == '-' || is_digit(c)) return scan_number(s);
    return unexpected(s, "a value");
  }
}

static int scan_key(scanner *s) {
  if (s->pos >= s->len || s->buf[s->pos] != '"') return unexpected(s, "a key in double quotes");
  s->stack[s->depth - 1].key_event = s->n;
  int rc = scan_string(s);
  if (rc) return rc;
  skip_whitespace(s);
  if (s->pos >= s->len || s->buf[s->pos] != ':') return unexpected(s, "':' after the key");
  s->pos++;
  return GOVINFO_OK;
}

static int scan_after_value(scanner *s, scan_state *next) {
  const level *l = &s->stack[s->depth - 1];
  if (s->pos < s->len && s->buf[s->pos] == ',') {
    s->pos++;
    *next = l->close == '}' ? WANT_KEY : WANT_VALUE;
    return GOVINFO_OK;
  }
  if (s->pos < s->len && s->buf[s->pos] == l->close) return close_level(s, next);
  return unexpected(s, l->close == '}' ? "',' or '}'" : "',' or ']'");
}

/* Checks the whole document and records its events. */
static int scan_document(scanner *s) {
  if (s->len >= 3 && memcmp(s->buf, "\xEF\xBB\xBF", 3) == 0) {
    s->pos = 3; /* a byte order mark: offsets count it, columns (as in editors) do not */
    s->line_start = 3;
  }
  scan_state state = WANT_VALUE;
  for (;;) {
    skip_whitespace(s);
    int rc;
    if (state == WANT_VALUE) {
      rc = scan_value(s, &state);
    } else if (state == WANT_KEY) {
      rc = scan_key(s);
      state = WANT_VALUE;
    } else if (s->depth > 0) {
      rc = scan_after_value(s, &state);
    } else {
      return s->pos == s->len ? GOVINFO_OK : unexpected(s, "nothing after the document");
    }
    if (rc) return rc;
  }
}

static void free_owned(gi_event *ev, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (ev[i].owned) free(ev[i].text);
}

int gi_json_parse(govinfo_report **out, const char *buf, size_t len, const char *source) {
  *out = NULL;
  if (buf == NULL) buf = "";
  const char *nul = memchr(buf, '\0', len);
  scanner s = {
      .buf = buf, .len = len, .source = source, .line = 1, .nul = nul ? (size_t)(nul - buf) : len};
  s.cap = len / 16 + 16; /* about one event per 16 bytes in a formatted report */
  if ((s.ev = malloc(s.cap * sizeof *s.ev)) == NULL) return gi_fail_oom();
  int rc = scan_document(&s);
  if (rc == GOVINFO_OK) rc = gi_document_build(out, s.ev, s.n, source);
  free_owned(s.ev, s.n); /* what the builder did not keep */
  free(s.ev);
  return rc;
}
