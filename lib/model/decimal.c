/* Exact decimals: parsed from and printed to text without binary floating point. */
#include <stdio.h>
#include <string.h>

#include "model/decimal.h"
#include "govinfo/report.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool gi_looks_numeric(const char *s, size_t len) {
  size_t i = 0;
  if (i < len && (s[i] == '+' || s[i] == '-')) i++;
  if (i < len && s[i] == '.') i++;
  return i < len && is_digit(s[i]);
}

int gi_decimal_parse(const char *s, size_t len, gi_decimal *out) {
  size_t i = 0;
  bool negative = false;
  if (i < len && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  size_t start = i;
  if (i + 1 < len && s[i] == '0' && is_digit(s[i + 1])) return GOVINFO_ETYPE; /* "010": octal? */
  uint64_t whole = 0;
  bool too_large = false;
  for (; i < len && is_digit(s[i]); i++) {
    whole = whole * 10 + (uint64_t)(s[i] - '0');
    if (whole > GI_MAX_WHOLE) {
      too_large = true;
      whole = GI_MAX_WHOLE + 1; /* keep scanning without overflow */
    }
  }
  if (i == start) return GOVINFO_ETYPE;
  uint32_t frac = 0;
  size_t scale = 0;
  if (i < len && s[i] == '.') {
    size_t fstart = ++i;
    for (; i < len && is_digit(s[i]); i++) {
      if (i - fstart < GOVINFO_MAX_SCALE) frac = frac * 10 + (uint32_t)(s[i] - '0');
    }
    scale = i - fstart;
    if (scale == 0) return GOVINFO_ETYPE;
  }
  if (i != len) return GOVINFO_ETYPE;
  if (too_large || scale > GOVINFO_MAX_SCALE) return GOVINFO_ERANGE;
  out->whole = whole;
  out->frac = frac;
  out->scale = (uint8_t)scale;
  out->negative = negative && (whole != 0 || frac != 0);
  return GOVINFO_OK;
}

size_t gi_decimal_format(const gi_decimal *d, char *buf) {
  int n;
  if (d->scale == 0)
    n = snprintf(buf, GOVINFO_NUMBER_BUFSIZE, "%s%llu", d->negative ? "-" : "",
                 (unsigned long long)d->whole);
  else
    n = snprintf(buf, GOVINFO_NUMBER_BUFSIZE, "%s%llu.%0*lu", d->negative ? "-" : "",
                 (unsigned long long)d->whole, (int)d->scale, (unsigned long)d->frac);
  return n < 0 ? 0 : (size_t)n;
}

bool gi_decimal_is_integer(const gi_decimal *d) { return d->scale == 0; }

int64_t gi_decimal_to_int(const gi_decimal *d) {
  return d->negative ? -(int64_t)d->whole : (int64_t)d->whole;
}

gi_decimal gi_decimal_from_int(int64_t v) {
  gi_decimal d = {0, 0, 0, v < 0};
  d.whole = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  return d;
}

bool gi_decimal_equal(const gi_decimal *a, const gi_decimal *b) {
  return a->whole == b->whole && a->frac == b->frac && a->scale == b->scale &&
         a->negative == b->negative;
}
