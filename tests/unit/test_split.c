/* Splitting glued digit runs into cells (lib/import/split.c): the splits counted, pieces as
 * printed numbers, the identities, and bounded work on long runs. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "govinfo/common.h"
#include "import/split.h"

/* Table 3's row identity: the six applicant columns add up to the total. */
static const int8_t table3_row[7] = {1, 1, 1, 1, 1, 1, -1};

static gi_split_result search(const char *const *strings, size_t n, size_t ncells, size_t width,
                              const int8_t *signs, size_t budget) {
  size_t lens[GI_SPLIT_MAX_CELLS];
  for (size_t i = 0; i < n; i++) lens[i] = strlen(strings[i]);
  gi_split_problem p = {.strings = strings,
                        .lens = lens,
                        .nstrings = n,
                        .ncells = ncells,
                        .width = width,
                        .signs = signs,
                        .nidentities = signs ? 1 : 0,
                        .keep = 4,
                        .budget = budget};
  gi_split_result r;
  cr_assert_eq(gi_split_search(&p, &r), 0);
  return r;
}

/* The pieces of solution k as text, joined by '|'. */
static char *pieces(const char *const *strings, const gi_split_result *r, size_t k, size_t ncells) {
  static char out[256];
  out[0] = '\0';
  for (size_t c = 0; c < ncells; c++) {
    const gi_split_piece *p = &r->solutions[k * ncells + c];
    if (c) strcat(out, "|");
    strncat(out, strings[p->string] + p->start, p->len);
  }
  return out;
}

Test(split, seven_digits_are_seven_cells) {
  const char *s[] = {"2000002"};
  gi_split_result r = search(s, 1, 7, 7, NULL, 0);
  cr_assert_eq(r.nsolutions, 1);
  cr_assert_str_eq(pieces(s, &r, 0, 7), "2|0|0|0|0|0|2");
  free(r.solutions);
}

Test(split, the_row_identity_picks_the_one_split_of_a_longer_run) {
  const char *s[] = {"210000021"};
  gi_split_result fit = search(s, 1, 7, 7, NULL, 0);
  cr_assert_gt(fit.nsolutions, 1, "several splits have seven cells");
  gi_split_result r = search(s, 1, 7, 7, table3_row, 0);
  cr_assert_eq(r.nsolutions, 1);
  cr_assert_str_eq(pieces(s, &r, 0, 7), "21|0|0|0|0|0|21");
  free(fit.solutions);
  free(r.solutions);
}

Test(split, a_space_is_a_sure_boundary) {
  const char *s[] = {"10", "0", "0", "012"}; /* crawler file 03: 1,0,0,0,0,1,2 */
  gi_split_result r = search(s, 4, 7, 7, table3_row, 0);
  cr_assert_eq(r.nsolutions, 1);
  cr_assert_str_eq(pieces(s, &r, 0, 7), "1|0|0|0|0|1|2");
  free(r.solutions);
}

Test(split, no_piece_has_a_leading_zero) {
  const char *s[] = {"0100"};
  gi_split_result r = search(s, 1, 3, 3, NULL, 0);
  cr_assert_eq(r.nsolutions, 1, "only 0|10|0: 01 is no printed number");
  cr_assert_str_eq(pieces(s, &r, 0, 3), "0|10|0");
  free(r.solutions);
}

Test(split, too_few_digits_give_no_split) {
  const char *s[] = {"600006"}; /* one digit of 6000006 deleted */
  gi_split_result r = search(s, 1, 7, 7, table3_row, 0);
  cr_assert_eq(r.nsolutions, 0);
  cr_assert_not(r.exhausted);
  free(r.solutions);
}

Test(split, an_inconsistent_row_is_not_repaired) {
  const char *s[] = {"1000000"}; /* the only split breaks total = sum */
  gi_split_result fit = search(s, 1, 7, 7, NULL, 0);
  gi_split_result r = search(s, 1, 7, 7, table3_row, 0);
  cr_assert_eq(fit.nsolutions, 1);
  cr_assert_eq(r.nsolutions, 0);
  free(fit.solutions);
  free(r.solutions);
}

Test(split, two_splits_that_satisfy_the_identity_are_both_counted) {
  const char *s[] = {"11011"}; /* 1|10|11 and 11|0|11 both add up, in three cells */
  static const int8_t sum2[3] = {1, 1, -1};
  gi_split_result r = search(s, 1, 3, 3, sum2, 0);
  cr_assert_eq(r.nsolutions, 2);
  free(r.solutions);
}

Test(split, a_decimal_stays_in_one_piece_and_a_mark_is_one_cell) {
  const char *s[] = {"16220.85"};
  gi_split_result r = search(s, 1, 1, 1, NULL, 0);
  cr_assert_eq(r.nsolutions, 1);
  free(r.solutions);
  const char *m[] = {"/", "00"};
  size_t lens[] = {1, 2};
  bool atomic[] = {true, false};
  gi_split_problem p = {.strings = m,
                        .lens = lens,
                        .atomic = atomic,
                        .nstrings = 2,
                        .ncells = 3,
                        .width = 3,
                        .keep = 1};
  cr_assert_eq(gi_split_search(&p, &r), 0);
  cr_assert_eq(r.nsolutions, 1);
  cr_assert_eq(r.solutions[0].len, 1);
  free(r.solutions);
}

Test(split, table4_fifteen_cells_with_three_row_identities) {
  static const int8_t table4_row[5] = {1, 1, 1, 1, -1};
  const char *s[] = {"101020000000011"};
  gi_split_result r = search(s, 1, 15, 5, table4_row, 0);
  cr_assert_eq(r.nsolutions, 1);
  cr_assert_str_eq(pieces(s, &r, 0, 15), "1|0|1|0|2|0|0|0|0|0|0|0|0|1|1");
  free(r.solutions);
}

/* Long runs of digits: the search stays within its budget, never blows up. */
Test(split, a_30_digit_run_is_searched_in_bounded_work) {
  const char *s[] = {"123456789123456789123456789123"};
  gi_split_result r = search(s, 1, 7, 7, table3_row, 0);
  cr_assert_leq(r.nodes, GI_SPLIT_BUDGET);
  cr_assert_not(r.exhausted, "pruned by the row identity, 30 digits are searched whole (%zu)",
                r.nodes);
  free(r.solutions);
  const char *z[] = {"100000000000000000000000000001"};
  r = search(z, 1, 7, 7, table3_row, 0);
  cr_assert_leq(r.nodes, GI_SPLIT_BUDGET);
  free(r.solutions);
}

Test(split, a_60_digit_run_is_searched_in_bounded_work) {
  const char *s[] = {"987654321987654321987654321987654321987654321987654321987654"};
  gi_split_result r = search(s, 1, 7, 7, table3_row, 0);
  cr_assert_leq(r.nodes, GI_SPLIT_BUDGET + 1);
  cr_assert(r.exhausted || r.nsolutions <= 5);
  free(r.solutions);
  r = search(s, 1, 7, 7, table3_row, 1000); /* a small budget runs out and says so */
  cr_assert_leq(r.nodes, 1001);
  cr_assert(r.exhausted);
  free(r.solutions);
}

Test(split, impossible_problems_are_refused) {
  const char *s[] = {"1"};
  size_t lens[] = {1};
  gi_split_problem p = {.strings = s, .lens = lens, .nstrings = 1, .ncells = 7, .width = 3};
  gi_split_result r;
  cr_assert_eq(gi_split_search(&p, &r), GOVINFO_EINVAL);
  p.ncells = GI_SPLIT_MAX_CELLS + 1;
  p.width = 1;
  cr_assert_eq(gi_split_search(&p, &r), GOVINFO_EINVAL);
}
