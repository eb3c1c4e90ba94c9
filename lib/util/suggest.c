/* "Did you mean …?": edit distance between short ids. */
#include <stdint.h>
#include <string.h>

#include "govinfo/common.h"

#include "util/suggest.h"

/* Levenshtein distance between two short ids (longer ones are never close). */
static size_t edit_distance(const char *a, size_t la, const char *b, size_t lb) {
  enum { MAX_ID = 64 };
  if (la >= MAX_ID || lb >= MAX_ID) return SIZE_MAX;
  size_t row[MAX_ID + 1];
  for (size_t j = 0; j <= lb; j++) row[j] = j;
  for (size_t i = 1; i <= la; i++) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= lb; j++) {
      size_t above = row[j];
      size_t best = diagonal + (a[i - 1] != b[j - 1]);
      if (above + 1 < best) best = above + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diagonal = above;
    }
  }
  return row[lb];
}

gi_suggestion gi_suggest_start(const char *word, size_t len) {
  return (gi_suggestion){.word = word, .len = len, .distance = SIZE_MAX};
}

void gi_suggest_consider(gi_suggestion *s, const char *known, size_t len) {
  size_t d = edit_distance(s->word, s->len, known, len);
  size_t limit = s->len < 6 ? 1 : s->len / 4 + 1;
  if (d <= limit && d < s->distance) {
    s->distance = d;
    s->best = known;
    s->best_len = len;
  }
}

bool gi_suggest_found(const gi_suggestion *s) { return s->distance != SIZE_MAX; }

const char *govinfo_suggest(const char *word, const char *const *candidates) {
  if (word == NULL || candidates == NULL) return NULL;
  gi_suggestion s = gi_suggest_start(word, strlen(word));
  for (size_t i = 0; candidates[i]; i++)
    gi_suggest_consider(&s, candidates[i], strlen(candidates[i]));
  return gi_suggest_found(&s) ? s.best : NULL;
}
