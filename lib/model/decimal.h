/* Exact decimals: every figure of a report, without floating point. */
#ifndef GI_MODEL_DECIMAL_H
#define GI_MODEL_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GI_MAX_WHOLE UINT64_C(9007199254740992) /* 2^53 */

/* value = (negative ? -1 : 1) * (whole + frac / 10^scale); frac < 10^scale. Zero is never
 * negative. Two decimals are equal only with the same scale ("1.50" keeps two places). */
typedef struct gi_decimal {
  uint64_t whole;
  uint32_t frac;
  uint8_t scale;
  bool negative;
} gi_decimal;

/* Parses [+-]digits[.digits] of exactly `len` bytes, without leading zeros ("0.5" but not
 * "05": YAML 1.1 would read "010" as octal). GOVINFO_ETYPE when the text is not a
 * plain decimal, GOVINFO_ERANGE when the whole part exceeds 2^53 or it has more than
 * GOVINFO_MAX_SCALE decimal places. Sets no error details. */
int gi_decimal_parse(const char *text, size_t len, gi_decimal *out);
/* True when the text looks like an attempt at a number (starts with a digit, or a sign or
 * "." followed by a digit): such text is never taken for a mark. */
bool gi_looks_numeric(const char *text, size_t len);
/* Writes the canonical text, returns its length (< GOVINFO_NUMBER_BUFSIZE). */
size_t gi_decimal_format(const gi_decimal *d, char *buf);
bool gi_decimal_is_integer(const gi_decimal *d);
/* Value of an integer decimal (callers check gi_decimal_is_integer first). */
int64_t gi_decimal_to_int(const gi_decimal *d);
gi_decimal gi_decimal_from_int(int64_t v);
bool gi_decimal_equal(const gi_decimal *a, const gi_decimal *b);

#endif
