/* Bodies summed (govinfo_sum, govinfo_sum_against): three reports summed by hand, blanks,
 * marks and group rows, refusals; and every rule found across reports, found. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"

static void set_int(govinfo_report *r, const char *cell_id, int64_t v) {
  cr_assert_eq(govinfo_report_set_int(r, cell_id, v), 0, "%s", cell_id);
}

static void set_number(govinfo_report *r, const char *cell_id, const char *text) {
  cr_assert_eq(govinfo_report_set_number(r, cell_id, text), 0, "%s", cell_id);
}

/* Every data cell 0, the given year, one origin naming it in findings. */
static govinfo_report *part(const char *format, int year, const char *origin) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new_template(&r, format, year, "某县某局"), 0);
  test_zero_every_data_cell(r);
  cr_assert_eq(gi_report_set_origin(r, origin), 0);
  return r;
}

/* Makes table 3 of r balanced with n received in the natural_person column, all granted. */
static void received(govinfo_report *r, int64_t n) {
  const char *rows[] = {"new_received", "granted", "result_total"};
  for (size_t i = 0; i < 3; i++) {
    char id[128];
    snprintf(id, sizeof id, "table3.%s.natural_person", rows[i]);
    set_int(r, id, n);
    snprintf(id, sizeof id, "table3.%s.total", rows[i]);
    set_int(r, id, n);
  }
}

static void expect_number(const govinfo_report *r, const char *cell_id, const char *want) {
  char buf[GOVINFO_NUMBER_BUFSIZE];
  cr_assert_eq(govinfo_report_get_number(r, cell_id, buf, sizeof buf), 0, "%s: %s", cell_id,
               govinfo_error_last()->message);
  cr_assert_str_eq(buf, want, "%s", cell_id);
}

static void expect_state(const govinfo_report *r, const char *cell_id, govinfo_cell_state want) {
  govinfo_cell_state s;
  cr_assert_eq(govinfo_report_cell_state(r, cell_id, &s), 0);
  cr_assert_eq(s, want, "%s", cell_id);
}

static govinfo_report *sum(govinfo_report **parts, size_t n, unsigned flags,
                           govinfo_diagnostics **found) {
  govinfo_sum_options opts = GOVINFO_SUM_OPTIONS_INIT;
  opts.flags = flags;
  opts.organ = "某县人民政府";
  govinfo_report *total = NULL;
  cr_assert_eq(govinfo_sum(&total, found, (const govinfo_report *const *)parts, n, &opts), 0, "%s",
               govinfo_error_last()->message);
  return total;
}

static size_t count_rule(const govinfo_diagnostics *d, const char *rule) {
  size_t n = 0;
  for (size_t i = 0; i < govinfo_diagnostics_count(d); i++)
    n += strcmp(govinfo_diagnostic_rule(govinfo_diagnostics_at(d, i)), rule) == 0;
  return n;
}

Test(sum, three_reports_add_up_cell_by_cell_in_exact_decimals) {
  govinfo_report *p[3] = {part("2021", 2024, "a.yaml"), part("2021", 2024, "b.yaml"),
                          part("2021", 2024, "c.yaml")};
  received(p[0], 3);
  received(p[1], 40);
  received(p[2], 500);
  set_number(p[0], "table2_art20_8.admin_fees.fee_amount", "0.1");
  set_number(p[1], "table2_art20_8.admin_fees.fee_amount", "0.2");
  set_number(p[2], "table2_art20_8.admin_fees.fee_amount", "96171.65");
  set_int(p[0], "table4.review.upheld", 1);
  set_int(p[0], "table4.review.total", 1);
  set_int(p[2], "table4.review.pending", 2);
  set_int(p[2], "table4.review.total", 2);
  govinfo_diagnostics *found;
  govinfo_report *total = sum(p, 3, 0, &found);
  cr_assert_eq(govinfo_diagnostics_count(found), 0);
  /* by hand: 3 + 40 + 500, 0.1 + 0.2 + 96171.65, 1 + 0 + 2 */
  expect_number(total, "table3.new_received.natural_person", "543");
  expect_number(total, "table3.result_total.total", "543");
  expect_number(total, "table2_art20_8.admin_fees.fee_amount", "96171.95");
  expect_number(total, "table4.review.total", "3");
  expect_number(total, "table4.review.upheld", "1");
  expect_number(total, "table3.carry_forward.total", "0");
  cr_assert_eq(govinfo_report_year(total), 2024);
  cr_assert_str_eq(govinfo_report_organ(total), "某县人民政府");
  cr_assert_str_eq(govinfo_format_id(govinfo_report_format(total)), "2021");
  cr_assert(strstr(govinfo_report_preface(total), "b.yaml"));
  cr_assert_eq(govinfo_report_section_count(total), 6);
  /* the sum validates like any report */
  govinfo_diagnostics *checked;
  cr_assert_eq(govinfo_report_validate(&checked, total), 0);
  cr_assert_eq(govinfo_diagnostics_count_severity(checked, GOVINFO_SEVERITY_ERROR), 0);
  govinfo_diagnostics_free(checked);
  govinfo_diagnostics_free(found);
  govinfo_report_free(total);
  /* signed changes and decimals that cancel */
  govinfo_report *q[2] = {part("2019", 2020, "x.yaml"), part("2019", 2020, "y.yaml")};
  set_int(q[0], "table2_art20_5.admin_license.change", -3);
  set_int(q[1], "table2_art20_5.admin_license.change", 1);
  set_number(q[0], "table2_art20_9.centralized_procurement.total_amount", "1.25");
  set_number(q[1], "table2_art20_9.centralized_procurement.total_amount", "-0.75");
  total = sum(q, 2, 0, &found);
  expect_number(total, "table2_art20_5.admin_license.change", "-2");
  expect_number(total, "table2_art20_9.centralized_procurement.total_amount", "0.50");
  govinfo_diagnostics_free(found);
  govinfo_report_free(total);
  for (size_t i = 0; i < 3; i++) govinfo_report_free(p[i]);
  for (size_t i = 0; i < 2; i++) govinfo_report_free(q[i]);
}

Test(sum, a_blank_mark_or_absent_cell_in_any_part_is_absent_in_the_sum) {
  govinfo_report *p[3] = {part("2021", 2024, "a.yaml"), part("2021", 2024, "b.yaml"),
                          part("2021", 2024, "c.yaml")};
  cr_assert_eq(govinfo_report_set_blank(p[0], "table3.np_duplicate.research"), 0);
  cr_assert_eq(govinfo_report_set_mark(p[2], "table3.np_duplicate.research", "/"), 0);
  cr_assert_eq(govinfo_report_clear_cell(p[1], "table4.review.other"), 0);
  govinfo_diagnostics *found;
  govinfo_report *total = sum(p, 3, 0, &found);
  expect_state(total, "table3.np_duplicate.research", GOVINFO_CELL_ABSENT);
  expect_state(total, "table4.review.other", GOVINFO_CELL_ABSENT);
  expect_number(total, "table3.np_duplicate.total", "0");
  cr_assert_eq(govinfo_diagnostics_count(found), 2);
  const govinfo_diagnostic *d = govinfo_diagnostics_at(found, 0);
  cr_assert_str_eq(govinfo_diagnostic_rule(d), "sum.absent");
  cr_assert_str_eq(govinfo_diagnostic_path_at(d, 0), "/tables/table3/np_duplicate/research");
  cr_assert_str_eq(govinfo_diagnostic_file(d), "a.yaml", "located in the first part lacking it");
  const char *zh = govinfo_diagnostic_message(d), *en = govinfo_diagnostic_message_en(d);
  cr_assert(strstr(zh, "a.yaml（空白）") && strstr(zh, "c.yaml（“/”）") && !strstr(zh, "b.yaml"),
            "%s", zh);
  cr_assert(strstr(en, "a.yaml (blank)") && strstr(en, "c.yaml (the mark \"/\")"), "%s", en);
  d = govinfo_diagnostics_at(found, 1);
  cr_assert_str_eq(govinfo_diagnostic_file(d), "b.yaml");
  cr_assert(strstr(govinfo_diagnostic_message(d), "b.yaml（缺失）"));
  govinfo_diagnostics_free(found);
  govinfo_report_free(total);
  /* blank as zero: the blank counts, the mark still does not */
  total = sum(p, 3, GOVINFO_SUM_BLANK_AS_ZERO, &found);
  expect_state(total, "table3.np_duplicate.research", GOVINFO_CELL_ABSENT);
  cr_assert_eq(govinfo_report_set_int(p[2], "table3.np_duplicate.research", 4), 0);
  govinfo_diagnostics_free(found);
  govinfo_report_free(total);
  total = sum(p, 3, GOVINFO_SUM_BLANK_AS_ZERO, &found);
  expect_number(total, "table3.np_duplicate.research", "4");
  cr_assert_eq(count_rule(found, "sum.absent"), 1); /* review.other still */
  govinfo_diagnostics_free(found);
  govinfo_report_free(total);
  for (size_t i = 0; i < 3; i++) govinfo_report_free(p[i]);
}

Test(sum, a_group_printed_as_one_row_is_summed_as_a_group) {
  govinfo_report *p[2] = {part("2021", 2024, "a.yaml"), part("2021", 2024, "b.yaml")};
  /* a prints （六）其他处理 as one row of 5 (2021 has three sub-rows) */
  const char *subs[] = {"other_overdue_no_correction", "other_fee_unpaid", "other_other"};
  for (size_t i = 0; i < 3; i++) {
    char id[128];
    snprintf(id, sizeof id, "table3.%s.natural_person", subs[i]);
    cr_assert_eq(govinfo_report_clear_cell(p[0], id), 0);
    snprintf(id, sizeof id, "table3.%s.total", subs[i]);
    cr_assert_eq(govinfo_report_clear_cell(p[0], id), 0);
  }
  const char *cols[] = {"natural_person", "commercial", "research", "public_interest",
                        "legal_service",  "other_org",  "total"};
  for (size_t c = 0; c < 7; c++) {
    char id[128];
    snprintf(id, sizeof id, "table3.other_processing.%s", cols[c]);
    set_int(p[0], id, c == 0 || c == 6 ? 5 : 0);
    for (size_t i = 0; i < 3; i++) {
      snprintf(id, sizeof id, "table3.%s.%s", subs[i], cols[c]);
      cr_assert_eq(govinfo_report_clear_cell(p[0], id), 0);
    }
  }
  for (size_t i = 0; i < 2; i++) {
    const char *rows[] = {"new_received", "result_total"};
    for (size_t k = 0; k < 2; k++) {
      char id[128];
      snprintf(id, sizeof id, "table3.%s.natural_person", rows[k]);
      set_int(p[i], id, i == 0 ? 5 : 3);
      snprintf(id, sizeof id, "table3.%s.total", rows[k]);
      set_int(p[i], id, i == 0 ? 5 : 3);
    }
  }
  set_int(p[1], "table3.other_other.natural_person", 2);
  set_int(p[1], "table3.other_other.total", 2);
  set_int(p[1], "table3.other_fee_unpaid.natural_person", 1);
  set_int(p[1], "table3.other_fee_unpaid.total", 1);
  govinfo_diagnostics *found;
  govinfo_report *total = sum(p, 2, 0, &found);
  expect_number(total, "table3.other_processing.natural_person", "8");
  expect_number(total, "table3.other_processing.total", "8");
  expect_number(total, "table3.other_processing.commercial", "0");
  expect_state(total, "table3.other_other.total", GOVINFO_CELL_ABSENT);
  expect_state(total, "table3.other_fee_unpaid.natural_person", GOVINFO_CELL_ABSENT);
  cr_assert_eq(govinfo_diagnostics_count(found), 1);
  const govinfo_diagnostic *d = govinfo_diagnostics_at(found, 0);
  cr_assert_str_eq(govinfo_diagnostic_rule(d), "sum.absent");
  cr_assert_str_eq(govinfo_diagnostic_path_at(d, 0), "/tables/table3/other_processing");
  cr_assert_str_eq(govinfo_diagnostic_file(d), "a.yaml");
  /* the sum carries the group row, reported like any such layout */
  govinfo_diagnostics *checked;
  cr_assert_eq(govinfo_report_validate(&checked, total), 0);
  cr_assert_eq(count_rule(checked, "layout.group_row"), 1);
  cr_assert_eq(govinfo_diagnostics_count_severity(checked, GOVINFO_SEVERITY_ERROR), 0);
  govinfo_diagnostics_free(checked);
  govinfo_diagnostics_free(found);
  govinfo_report_free(total);
  for (size_t i = 0; i < 2; i++) govinfo_report_free(p[i]);
}

Test(sum, mixed_formats_years_and_missing_years_are_refused) {
  govinfo_report *a = part("2021", 2024, "a.yaml"), *b = part("2019", 2020, "b.yaml"),
                 *c = part("2021", 2023, "c.yaml"), *d = part("2021", 2024, "d.yaml");
  govinfo_report *total = (govinfo_report *)1;
  govinfo_diagnostics *found = (govinfo_diagnostics *)1;
  const govinfo_report *mixed[] = {a, b};
  cr_assert_eq(govinfo_sum(&total, &found, mixed, 2, NULL), GOVINFO_EINVAL);
  cr_assert_null(total);
  cr_assert_null(found);
  const char *m = govinfo_error_last()->message;
  cr_assert(strstr(m, "format") && strstr(m, "a.yaml") && strstr(m, "b.yaml") &&
                strstr(m, "2019") && strstr(m, "2021"),
            "%s", m);
  const govinfo_report *years[] = {a, d, c};
  cr_assert_eq(govinfo_sum(&total, &found, years, 3, NULL), GOVINFO_EINVAL);
  m = govinfo_error_last()->message;
  cr_assert(strstr(m, "years") && strstr(m, "c.yaml") && strstr(m, "2023"), "%s", m);
  cr_assert_eq(govinfo_report_set_year(d, 0), 0);
  const govinfo_report *no_year[] = {a, d};
  cr_assert_eq(govinfo_sum(&total, &found, no_year, 2, NULL), GOVINFO_EINVAL);
  cr_assert(strstr(govinfo_error_last()->message, "d.yaml"));
  cr_assert_eq(govinfo_sum(&total, &found, NULL, 0, NULL), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_sum(NULL, &found, mixed, 1, NULL), GOVINFO_EINVAL);
  govinfo_sum_options opts;
  cr_assert_eq(govinfo_sum_options_init(&opts, 9), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_sum_options_init(&opts, GOVINFO_SUM_OPTIONS_VERSION), 0);
  opts.flags = 0x10;
  cr_assert_eq(govinfo_sum(&total, &found, mixed, 1, &opts), GOVINFO_EINVAL);
  /* one part alone is its own sum */
  cr_assert_eq(govinfo_sum(&total, &found, mixed, 1, NULL), 0);
  cr_assert_null(govinfo_report_organ(total));
  govinfo_report_free(total);
  govinfo_diagnostics_free(found);
  govinfo_report_free(a);
  govinfo_report_free(b);
  govinfo_report_free(c);
  govinfo_report_free(d);
}

Test(sum, sums_beyond_the_largest_figure_are_out_of_range) {
  govinfo_report *a = part("2021", 2024, "a.yaml"), *b = part("2021", 2024, "b.yaml");
  set_int(a, "table4.review.total", 9007199254740992);
  set_int(b, "table4.review.total", 1);
  const govinfo_report *both[] = {a, b};
  govinfo_report *total;
  govinfo_diagnostics *found;
  cr_assert_eq(govinfo_sum(&total, &found, both, 2, NULL), GOVINFO_ERANGE);
  govinfo_report_free(a);
  govinfo_report_free(b);
}

Test(sum, a_printed_report_is_compared_with_the_sum_of_its_parts) {
  govinfo_report *p[2] = {part("2021", 2024, "a.yaml"), part("2021", 2024, "b.yaml")};
  received(p[0], 3);
  received(p[1], 4);
  set_number(p[0], "table2_art20_8.admin_fees.fee_amount", "1.5");
  govinfo_diagnostics *found;
  govinfo_report *total = sum(p, 2, 0, &found);
  govinfo_diagnostics_free(found);
  govinfo_report *parent = part("2021", 2024, "city.yaml");
  received(parent, 7);
  set_number(parent, "table2_art20_8.admin_fees.fee_amount", "1.50"); /* the same value */
  govinfo_diagnostics *diff;
  cr_assert_eq(govinfo_sum_against(&diff, parent, total), 0);
  cr_assert_eq(govinfo_diagnostics_count(diff), 0);
  govinfo_diagnostics_free(diff);
  set_int(parent, "table3.granted.natural_person", 6);
  set_int(parent, "table3.partially_granted.natural_person", 1);
  cr_assert_eq(govinfo_sum_against(&diff, parent, total), 0);
  cr_assert_eq(govinfo_diagnostics_count(diff), 2);
  const govinfo_diagnostic *d = govinfo_diagnostics_at(diff, 0);
  cr_assert_str_eq(govinfo_diagnostic_rule(d), "sum.differs");
  cr_assert_eq(govinfo_diagnostic_severity(d), GOVINFO_SEVERITY_NOTE);
  cr_assert_str_eq(govinfo_diagnostic_path_at(d, 0), "/tables/table3/granted/natural_person");
  cr_assert_str_eq(govinfo_diagnostic_expected(d), "7");
  cr_assert_str_eq(govinfo_diagnostic_actual(d), "6");
  cr_assert_str_eq(govinfo_diagnostic_file(d), "city.yaml");
  govinfo_diagnostics_free(diff);
  govinfo_report *other = part("2021", 2023, "old.yaml");
  cr_assert_eq(govinfo_sum_against(&diff, other, total), GOVINFO_EINVAL);
  cr_assert_null(diff);
  govinfo_report_free(other);
  govinfo_report_free(parent);
  govinfo_report_free(total);
  for (size_t i = 0; i < 2; i++) govinfo_report_free(p[i]);
}

/* Every rule of scope CROSS of the registry comes out of compare or sum somewhere. */
Test(cross, every_rule_found_across_reports_is_found) {
  bool seen[64] = {false};
  size_t n = govinfo_rule_count();
  cr_assert_leq(n, 64);
  govinfo_report *last = test_load("tests/data/fixtures/suibin-2020.yaml"),
                 *now = test_load("tests/data/analysis/suibin-2021.yaml");
  set_int(now, "table3.carried_over.total", 1); /* year.carry_over; its 一 is copied */
  govinfo_comparison *c;
  cr_assert_eq(govinfo_compare(&c, last, now, NULL), 0);
  const govinfo_diagnostics *lists[4] = {govinfo_comparison_findings(c)};
  govinfo_report *h23 = test_load("tests/data/fixtures/huaian-hongze-2023.yaml"),
                 *h24 = test_load("tests/data/fixtures/huaian-hongze-2024.yaml");
  set_int(h24, "table2_art20_1.rules.valid", 3);  /* year.documents */
  set_int(h24, "table3.result_total.total", 900); /* year.jump */
  govinfo_comparison *c2;
  cr_assert_eq(govinfo_compare(&c2, h23, h24, NULL), 0);
  lists[1] = govinfo_comparison_findings(c2);
  govinfo_report *a = part("2021", 2024, "a.yaml"), *b = part("2021", 2024, "b.yaml");
  cr_assert_eq(govinfo_report_set_blank(a, "table4.review.other"), 0);
  govinfo_report *parts[] = {a, b};
  govinfo_diagnostics *summed, *against;
  govinfo_report *total = sum(parts, 2, 0, &summed);
  lists[2] = summed;
  set_int(b, "table4.review.total", 9);
  cr_assert_eq(govinfo_sum_against(&against, b, total), 0);
  lists[3] = against;
  for (size_t l = 0; l < 4; l++)
    for (size_t i = 0; i < govinfo_diagnostics_count(lists[l]); i++) {
      const govinfo_rule *r =
          govinfo_rule_find(govinfo_diagnostic_rule(govinfo_diagnostics_at(lists[l], i)));
      for (size_t k = 0; k < n; k++)
        if (govinfo_rule_at(k) == r) seen[k] = true;
    }
  for (size_t k = 0; k < n; k++) {
    const char *id = govinfo_rule_id(govinfo_rule_at(k));
    bool cross = strncmp(id, "year.", 5) == 0 || strncmp(id, "sum.", 4) == 0;
    cr_assert_eq(seen[k], cross, "%s", id);
  }
  govinfo_diagnostics_free(summed);
  govinfo_diagnostics_free(against);
  govinfo_report_free(total);
  govinfo_report_free(a);
  govinfo_report_free(b);
  govinfo_comparison_free(c);
  govinfo_comparison_free(c2);
  govinfo_report_free(h23);
  govinfo_report_free(h24);
  govinfo_report_free(last);
  govinfo_report_free(now);
}
