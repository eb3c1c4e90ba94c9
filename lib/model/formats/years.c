/* The cross-year identities of the format versions (FORMATS.md §5.3) and the key figures:
 * one table, read by lib/analysis/compare.c. A new version adds its pairs here. */
#include <string.h>

#include "model/format.h"
#include "model/years.h"
#include "util/text.h"

/* X1: carried over = last year's carried forward, every column; holds across the change of
 * format (a 2020 report in the 2019 format, then a 2021 report). */
#define CARRY_OVER(last, this)                                                                     \
  {                                                                                                \
    GI_RULE_YEAR_CARRY_OVER, last, this, "table3.carried_over.*",                                  \
        {{+1, true, "table3.carry_forward.*"}}, 1, "本年“上年结转”应等于上年“结转下年度继续办理”", \
        "this year's carried over equals last year's carried forward"                              \
  }

const gi_year_check gi_year_checks[] = {
    CARRY_OVER("2019", "2019"),
    CARRY_OVER("2019", "2021"),
    CARRY_OVER("2021", "2021"),
    /* X3 (2019): 对外公开总数量 = last year's + 本年新公开数量. */
    {GI_RULE_YEAR_DOCUMENTS,
     "2019",
     "2019",
     "table2_art20_1.*.total_published",
     {{+1, true, "table2_art20_1.*.total_published"},
      {+1, false, "table2_art20_1.*.new_published"}},
     2,
     "对外公开总数量应等于上年对外公开总数量加本年新公开数量",
     "total published equals last year's total published + newly published"},
    /* X2 (2021): 现行有效件数 = last year's + 本年制发件数 - 本年废止件数. */
    {GI_RULE_YEAR_DOCUMENTS,
     "2021",
     "2021",
     "table2_art20_1.*.valid",
     {{+1, true, "table2_art20_1.*.valid"},
      {+1, false, "table2_art20_1.*.made"},
      {-1, false, "table2_art20_1.*.repealed"}},
     3,
     "现行有效件数应等于上年现行有效件数加本年制发件数减本年废止件数",
     "in force equals last year's in force + made - repealed"},
};

const size_t gi_year_check_count = GI_COUNT_OF(gi_year_checks);

const gi_key_figure gi_key_figures[] = {
    {"table3.new_received.total", "本年新收申请", "applications received"},
    {"table3.result_total.total", "办结申请", "applications handled"},
    {"table4.review.total", "行政复议", "administrative reviews"},
    {"table4.litigation_direct.total+table4.litigation_after_review.total", "行政诉讼", "lawsuits"},
};

const size_t gi_key_figure_count = GI_COUNT_OF(gi_key_figures);

bool gi_cross_rule_applies(gi_rule rule, const struct govinfo_format *format) {
  bool named = false;
  for (size_t i = 0; i < gi_year_check_count; i++) {
    const gi_year_check *c = &gi_year_checks[i];
    if (c->rule != rule) continue;
    named = true;
    if (strcmp(c->last_format, format->id) == 0 || strcmp(c->this_format, format->id) == 0)
      return true;
  }
  return !named;
}
