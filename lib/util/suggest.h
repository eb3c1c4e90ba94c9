/* "Did you mean …?": the known word closest to a misspelt one. */
#ifndef GI_UTIL_SUGGEST_H
#define GI_UTIL_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>

typedef struct gi_suggestion {
  const char *word; /* the misspelt word */
  size_t len;
  size_t distance; /* of the best so far, SIZE_MAX when none is close */
  const char *best;
  size_t best_len;
} gi_suggestion;

/* Starts a search for words close to word[0..len). */
gi_suggestion gi_suggest_start(const char *word, size_t len);
/* Considers a known word; it becomes the suggestion when it is close enough (an edit
 * distance of 1 for words under 6 bytes, else a quarter of the word plus 1) and closer than
 * any before it. */
void gi_suggest_consider(gi_suggestion *s, const char *known, size_t len);
/* True when a close word was found: s->best[0..s->best_len). */
bool gi_suggest_found(const gi_suggestion *s);

#endif
