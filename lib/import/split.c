/* Splitting glued digit runs into cells: a bounded search over the cuts (see split.h). */
#include <stdlib.h>
#include <string.h>

#include "import/split.h"
#include "util/error.h"

typedef struct search {
  const gi_split_problem *p;
  gi_split_result *out;
  size_t budget;
  gi_split_piece pieces[GI_SPLIT_MAX_CELLS];
  int64_t values[GI_SPLIT_MAX_CELLS];
  bool integer[GI_SPLIT_MAX_CELLS];
  size_t chars_after[GI_SPLIT_MAX_CELLS + 1]; /* per string: its characters and those after */
  int simple_total; /* column of a row's only total when every identity is a plain sum, or -1 */
  bool failed;      /* out of memory */
} search;

bool gi_split_piece_int(const gi_split_problem *p, const gi_split_piece *piece, int64_t *value) {
  const char *s = p->strings[piece->string] + piece->start;
  int64_t v = 0;
  for (size_t i = 0; i < piece->len; i++) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *value = v;
  return true;
}

/* A number as printed: digits, at most one '.' between digits, no leading zero but "0.x". */
static bool piece_valid(const char *s, size_t len) {
  if (len == 0 || len > GI_SPLIT_MAX_DIGITS || s[0] == '.' || s[len - 1] == '.') return false;
  if (len > 1 && s[0] == '0' && s[1] != '.') return false;
  bool point = false;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '.') {
      if (point) return false;
      point = true;
    } else if (s[i] < '0' || s[i] > '9') {
      return false;
    }
  }
  return true;
}

/* The identities hold for the row that ends at cell `last`. */
static bool row_holds(const search *s, size_t last) {
  const gi_split_problem *p = s->p;
  size_t first = last + 1 - p->width;
  for (size_t i = 0; i < p->nidentities; i++) {
    int64_t balance = 0;
    for (size_t c = 0; c < p->width; c++) {
      int8_t sign = p->signs[i * p->width + c];
      if (sign == 0) continue;
      if (!s->integer[first + c]) return false;
      balance += sign * s->values[first + c];
    }
    if (balance != 0) return false;
  }
  return true;
}

/* A plain-sum row (parts +1, one total -1, nothing else): its total's column, else -1. */
static int plain_total(const gi_split_problem *p) {
  if (p->nidentities != 1) return -1;
  int total = -1, parts = 0;
  for (size_t c = 0; c < p->width; c++) {
    int8_t sign = p->signs[c];
    parts += sign > 0;
    if (sign < 0) {
      if (total >= 0) return -1;
      total = (int)c;
    }
  }
  return parts <= 10 ? total : -1; /* ten parts at most: the total is one digit longer at most */
}

static void found(search *s) {
  gi_split_result *out = s->out;
  if (out->nsolutions < s->p->keep) {
    memcpy(out->solutions + out->nsolutions * s->p->ncells, s->pieces,
           s->p->ncells * sizeof *s->pieces);
  }
  out->nsolutions++;
}

/* Places cell c at string k, offset o. Returns false to stop (enough found, or budget). */
static bool place(search *s, size_t c, size_t k, size_t o) {
  const gi_split_problem *p = s->p;
  if (c == p->ncells) {
    if (k == p->nstrings) found(s);
    return s->out->nsolutions <= p->keep;
  }
  if (k == p->nstrings) return true;
  size_t cells_left = p->ncells - c; /* including this one */
  size_t strings_left = p->nstrings - k;
  if (strings_left > cells_left) return true; /* every string is at least one cell */
  size_t chars_left = s->chars_after[k] - o;
  if (chars_left < cells_left) return true; /* every cell at least one character */
  size_t col = c % p->width, row_end = c - col + p->width;
  const char *str = p->strings[k] + o;
  size_t avail = p->lens[k] - o;
  /* the longest part of this row so far */
  size_t longest = 0;
  for (size_t i = c - col; i < c; i++)
    if ((int)(i % p->width) != s->simple_total && s->pieces[i].len > longest)
      longest = s->pieces[i].len;
  size_t longest_piece = p->atomic && p->atomic[k] ? avail : GI_SPLIT_MAX_DIGITS;
  for (size_t len = 1; len <= avail && len <= longest_piece; len++) {
    if (++s->out->nodes > s->budget) {
      s->out->exhausted = true;
      return false;
    }
    bool atomic = p->atomic && p->atomic[k];
    if (atomic && len < avail) continue; /* a mark ("/") is one cell, whole */
    if (!atomic && !piece_valid(str, len)) continue;
    if (!atomic && len < avail && str[len] == '.') continue; /* a point starts no piece */
    size_t after = chars_left - len;
    if (after < cells_left - 1) break;
    if (s->simple_total >= 0) {
      /* cells after this row take a character each at least */
      size_t later = p->ncells - row_end;
      if ((int)col < s->simple_total) {
        /* a part is no longer than its row's total, still to come; the cells between take
         * a character each at least */
        size_t total_max = after - later - (row_end - c - 2);
        if (len > total_max) break;
      } else if ((int)col == s->simple_total) {
        /* the total has as many digits as the longest part, or one more */
        if (len < longest) continue;
        if (len > longest + 1) break;
      }
    }
    s->pieces[c] = (gi_split_piece){(uint16_t)k, (uint16_t)o, (uint16_t)len};
    int64_t v = 0;
    s->integer[c] = gi_split_piece_int(p, &s->pieces[c], &v);
    s->values[c] = v;
    if (col + 1 == p->width && !row_holds(s, c)) continue;
    bool more = len == avail ? place(s, c + 1, k + 1, 0) : place(s, c + 1, k, o + len);
    if (!more) return false;
  }
  return true;
}

int gi_split_search(const gi_split_problem *p, gi_split_result *out) {
  memset(out, 0, sizeof *out);
  if (p->width == 0 || p->ncells == 0 || p->ncells > GI_SPLIT_MAX_CELLS ||
      p->ncells % p->width != 0 || p->nstrings > GI_SPLIT_MAX_CELLS)
    return gi_fail(GOVINFO_EINVAL, "a split of %zu cells in rows of %zu is not searched", p->ncells,
                   p->width);
  search *s = calloc(1, sizeof *s);
  if (s == NULL) return gi_fail_oom();
  if (p->keep) {
    out->solutions = malloc(p->keep * p->ncells * sizeof *out->solutions);
    if (out->solutions == NULL) {
      free(s);
      return gi_fail_oom();
    }
  }
  s->p = p;
  s->out = out;
  s->budget = p->budget ? p->budget : GI_SPLIT_BUDGET;
  s->simple_total = p->nidentities ? plain_total(p) : -1;
  for (size_t k = p->nstrings; k-- > 0;) s->chars_after[k] = s->chars_after[k + 1] + p->lens[k];
  if (p->nstrings > 0) place(s, 0, 0, 0);
  free(s);
  return GOVINFO_OK;
}
