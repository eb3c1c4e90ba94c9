/* Private to the importer: splitting glued digit runs into cells (split.c).
 *
 * Crawler text strips the separators between table cells: `2000002` is 2, 0, 0, 0, 0, 0, 2.
 * A run is a list of digit strings (the words a space still separates; a space is a sure cell
 * boundary). A split cuts each string into one or more pieces, in order, so that there are
 * exactly as many pieces as cells; a piece is a number as printed (no leading zero but "0"
 * itself, a decimal point only between digits). The search counts the splits that also
 * satisfy the rows' identities (total = sum of the parts), checked at the end of each row,
 * and pruned by them: a sum of non-negative parts is at least its largest part and shorter
 * than it by at most one digit... so the total has as many digits as the longest part, or
 * one more. The work is bounded by a node budget: when it runs out the search says so and
 * finds nothing certain. */
#ifndef GI_IMPORT_SPLIT_H
#define GI_IMPORT_SPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GI_SPLIT_MAX_CELLS 32   /* cells of one search (table 4 has 15) */
#define GI_SPLIT_MAX_DIGITS 18  /* longest piece: fits in int64_t */
#define GI_SPLIT_BUDGET 2000000 /* search nodes per search */
/* search nodes of all the searches of one import: a real report takes a few thousand, a
 * hostile text of many long runs would otherwise take a search's budget per row */
#define GI_SPLIT_IMPORT_BUDGET 4000000

typedef struct gi_split_piece {
  uint16_t string; /* index of the digit string */
  uint16_t start, len;
} gi_split_piece;

typedef struct gi_split_problem {
  const char *const *strings; /* digit strings: ASCII digits and at most one '.' */
  const size_t *lens;
  const bool *atomic; /* NULL, or per string: one cell, whole (a mark, "3,985,758") */
  size_t nstrings;
  size_t ncells; /* a multiple of width */
  size_t width;  /* cells of one row */
  /* Row identities: nidentities rows of `width` signs (+1 a part, -1 a total, 0 neither),
   * each holding for every row of the split. */
  const int8_t *signs;
  size_t nidentities;
  size_t keep;   /* solutions to store (at most); the count goes on to keep + 1 */
  size_t budget; /* search nodes; 0: GI_SPLIT_BUDGET */
} gi_split_problem;

typedef struct gi_split_result {
  size_t nsolutions;         /* found, at most keep + 1 (then: more than keep) */
  bool exhausted;            /* the budget ran out: the count is a lower bound */
  size_t nodes;              /* search nodes used */
  gi_split_piece *solutions; /* min(nsolutions, keep) rows of ncells pieces; caller frees */
} gi_split_result;

/* Searches the splits of p. GOVINFO_OK, or GOVINFO_ENOMEM / GOVINFO_EINVAL (more cells than
 * GI_SPLIT_MAX_CELLS, or ncells not a multiple of width). */
int gi_split_search(const gi_split_problem *p, gi_split_result *out);

/* The integer value of a piece; false when it holds a decimal point. */
bool gi_split_piece_int(const gi_split_problem *p, const gi_split_piece *piece, int64_t *value);

#endif
