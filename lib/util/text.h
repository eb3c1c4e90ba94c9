/* Strings and UTF-8. */
#ifndef GI_UTIL_TEXT_H
#define GI_UTIL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GI_COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* New copies (malloc); NULL when out of memory (no error recorded). */
char *gi_strdup(const char *s);
char *gi_strndup(const char *s, size_t n);

/* Writes the UTF-8 of a code point to out (room for 4); returns its length. */
size_t gi_utf8_put(int32_t cp, char *out);
/* RFC 3629 UTF-8: no overlong forms, surrogates or code points above U+10FFFF. */
bool gi_utf8_valid(const char *s, size_t len);
/* Bytes of the control character at s (NUL-terminated): 1 for C0 (U+0000..U+001F) and DEL,
 * 2 for C1 (U+0080..U+009F); 0 for anything else. ESC and BEL drive terminals. */
size_t gi_control_at(const char *s);
/* Copies src into dst[0..size) (truncated, always NUL-terminated) with each control
 * character written as \xNN (C1 as \u0080..\u009F), so a message cannot drive a terminal. */
void gi_escape_controls(char *dst, size_t size, const char *src);
/* Offset of the first control character in s[0..len) that text may not hold: C0, DEL and C1,
 * except tab, and line feed and carriage return in multi-line text; len when none. */
size_t gi_forbidden_control(const char *s, size_t len, bool multiline);

/* Text that is not UTF-8 but reads as GBK/GB18030 (a Chinese file saved in the legacy
 * encoding): every byte above 0x7F starts a valid two-byte GBK pair, and there is one. */
bool gi_looks_gbk(const char *s, size_t len);
/* Names a GBK file that should be UTF-8, with the iconv command that converts it, as the
 * error of `source` at its first byte that is not UTF-8. Returns GOVINFO_EPARSE. */
int gi_fail_gbk(const char *source, const char *s, size_t len);

/* Bytes of the longest valid UTF-8 prefix of s (len when all of it is valid); linear. */
size_t gi_utf8_valid_prefix(const char *s, size_t len);

/* Bytes of the whitespace character at s (NUL-terminated), 0 if none: ASCII, U+00A0 and
 * U+3000 (ideographic space, common in Chinese documents). */
size_t gi_space_at(const char *s);
const char *gi_skip_spaces(const char *s);
/* After `word` at s, or NULL. */
const char *gi_after_word(const char *s, const char *word);

/* Value of the ASCII or full-width digit at s (its length in *len), -1 when none. */
static inline int gi_digit_at(const char *s, size_t *len) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] >= '0' && u[0] <= '9') {
    *len = 1;
    return u[0] - '0';
  }
  if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
    *len = 3;
    return u[2] - 0x90;
  }
  return -1;
}

#endif
