/* Across years, as data: what a report must continue from last year's report (year.* rules,
 * checked by lib/analysis/compare.c) for each pair of format versions, and the key figures
 * whose jumps are noted. FORMATS.md §5.3 (X1–X3). */
#ifndef GI_MODEL_YEARS_H
#define GI_MODEL_YEARS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/rules.h"

struct govinfo_format;

/* One term of a cross-year identity. */
typedef struct gi_year_term {
  int sign;         /* +1 or -1 */
  bool last_year;   /* a cell of last year's report, else of this year's */
  const char *cell; /* "<table>.<row>.<column>"; a '*' row or column stands for the target's */
} gi_year_term;

#define GI_YEAR_MAX_TERMS 3

/* this year's `cell` = the sum of the terms, for reports of `last_format` then `this_format`.
 * A '*' as the row or the column of `cell` repeats the identity for every row or column of
 * this year's table (the terms' '*' takes the same id). */
typedef struct gi_year_check {
  gi_rule rule;
  const char *last_format, *this_format;
  const char *cell;
  gi_year_term terms[GI_YEAR_MAX_TERMS];
  size_t nterms;
  const char *relation_zh, *relation_en; /* the identity, in messages */
} gi_year_check;

extern const gi_year_check gi_year_checks[];
extern const size_t gi_year_check_count;

/* A key figure of a report, for year.jump: the sum of its cells ('+'-joined ids). */
typedef struct gi_key_figure {
  const char *cells;
  const char *name_zh, *name_en;
} gi_key_figure;

extern const gi_key_figure gi_key_figures[];
extern const size_t gi_key_figure_count;

/* Whether a rule of scope CROSS applies to a format: the versions the year checks of that
 * rule name, or every version when no check names the rule (it reads no format data). */
bool gi_cross_rule_applies(gi_rule rule, const struct govinfo_format *format);

#endif
