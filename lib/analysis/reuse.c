/* Text reused from last year (year.text_reuse): which characters of this year's text lie in
 * a run of at least N characters that last year's text also has.
 *
 * Both texts are normalised to code points (full-width forms folded, whitespace dropped,
 * each run of digits one '#': a copied paragraph with new figures is still copied). Every
 * window of N characters of last year's text goes into a hash table by its rolling hash;
 * each window of this year's text is looked up, a hit checked character by character, and
 * a match covers its N characters. A character lies in a common run of at least N
 * characters exactly when some window of N characters over it matches, so the count is
 * exact, in time linear in the two lengths. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "util/error.h"

/* ---- normalising ---- */

/* The code point at s (valid UTF-8, as every text of a report is) and its length. */
static uint32_t decode(const unsigned char *s, size_t *len) {
  if (s[0] < 0x80) return *len = 1, s[0];
  if (s[0] < 0xE0) return *len = 2, (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
  if (s[0] < 0xF0)
    return *len = 3, (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
  return *len = 4, (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
                       (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
}

static bool is_space(uint32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x3000;
}

/* New array of the text's normalised code points (count in *n); NULL when out of memory. */
static uint32_t *normalise(const char *text, size_t *n) {
  size_t bytes = strlen(text);
  uint32_t *out = malloc((bytes + 1) * sizeof *out);
  if (out == NULL) return NULL;
  size_t k = 0;
  bool in_digits = false;
  for (const unsigned char *p = (const unsigned char *)text; *p;) {
    size_t len;
    uint32_t c = decode(p, &len);
    p += len;
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0; /* full-width ASCII */
    if (is_space(c)) continue;
    bool digit = c >= '0' && c <= '9';
    if (digit && in_digits) continue;
    in_digits = digit;
    out[k++] = digit ? '#' : c;
  }
  *n = k;
  return out;
}

/* ---- windows of last year's text ---- */

#define BASE UINT64_C(0x100000001B3)

typedef struct slot {
  uint64_t hash;
  uint32_t at; /* window start + 1; 0: empty */
} slot;

typedef struct windows {
  const uint32_t *text;
  size_t n, run;
  slot *slots;
  size_t mask;
  uint64_t top; /* BASE^(run-1), to take the first character out of the hash */
} windows;

static uint64_t hash_of(const uint32_t *s, size_t run) {
  uint64_t h = 0;
  for (size_t i = 0; i < run; i++) h = h * BASE + s[i];
  return h;
}

static uint64_t roll(const windows *w, uint64_t h, uint32_t out, uint32_t in) {
  return (h - out * w->top) * BASE + in;
}

/* The slot holding a window equal to s, or the empty slot where it would go. */
static slot *find(const windows *w, uint64_t h, const uint32_t *s) {
  for (size_t i = (size_t)h & w->mask;; i = (i + 1) & w->mask) {
    slot *sl = &w->slots[i];
    if (sl->at == 0 || (sl->hash == h && memcmp(w->text + sl->at - 1, s, w->run * sizeof *s) == 0))
      return sl;
  }
}

static int windows_make(windows *w, const uint32_t *text, size_t n, size_t run) {
  *w = (windows){text, n, run, NULL, 0, 1};
  if (n < run) return GOVINFO_OK;
  if (n >= UINT32_MAX) return gi_fail(GOVINFO_ERANGE, "a text of %zu characters is too long", n);
  size_t count = n - run + 1, size = 16;
  while (size < 2 * count) size *= 2;
  w->slots = calloc(size, sizeof *w->slots);
  if (w->slots == NULL) return gi_fail_oom();
  w->mask = size - 1;
  for (size_t i = 1; i < run; i++) w->top *= BASE;
  uint64_t h = hash_of(text, run);
  for (size_t i = 0;; i++) {
    slot *sl = find(w, h, text + i);
    if (sl->at == 0) *sl = (slot){h, (uint32_t)i + 1};
    if (i + run == n) break;
    h = roll(w, h, text[i], text[i + run]);
  }
  return GOVINFO_OK;
}

/* ---- this year's text against them ---- */

static size_t covered(const windows *w, const uint32_t *text, size_t n) {
  if (w->slots == NULL || n < w->run) return 0;
  size_t reused = 0, end = 0;
  uint64_t h = hash_of(text, w->run);
  for (size_t i = 0; i < n; i++) {
    if (i + w->run <= n) {
      if (find(w, h, text + i)->at != 0) end = i + w->run;
      if (i + w->run < n) h = roll(w, h, text[i], text[i + w->run]);
    }
    reused += i < end;
  }
  return reused;
}

int gi_text_reuse(const char *last, const char *current, unsigned min_run, size_t *chars,
                  size_t *reused) {
  size_t nl, nc;
  uint32_t *a = normalise(last ? last : "", &nl), *b = normalise(current ? current : "", &nc);
  windows w = {0};
  int rc = a && b ? windows_make(&w, a, nl, min_run ? min_run : 1) : gi_fail_oom();
  if (rc == GOVINFO_OK) {
    *chars = nc;
    *reused = covered(&w, b, nc);
  }
  free(w.slots);
  free(a);
  free(b);
  return rc;
}
