#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"

static govinfo_report *new_report(const char *format) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new(&r, format), GOVINFO_OK);
  return r;
}

Test(model, unknown_format_is_not_found) {
  govinfo_report *r = (govinfo_report *)1;
  cr_assert_eq(govinfo_report_new(&r, "2018"), GOVINFO_ENOTFOUND);
  cr_assert_null(r);
  cr_assert_eq(govinfo_report_new(NULL, "2021"), GOVINFO_EINVAL);
}

Test(model, a_new_report_has_every_cell_absent) {
  govinfo_report *r = new_report("2021");
  govinfo_cell_state s = GOVINFO_CELL_NUMBER;
  cr_assert_eq(govinfo_report_cell_state(r, "table3.new_received.total", &s), 0);
  cr_assert_eq(s, GOVINFO_CELL_ABSENT);
  cr_assert_eq(govinfo_report_section_count(r), 0);
  cr_assert_null(govinfo_report_organ(r));
  cr_assert_eq(govinfo_report_year(r), 0);
  govinfo_report_free(r);
}

Test(model, blank_mark_and_number_are_distinct_and_blank_is_not_zero) {
  govinfo_report *r = new_report("2021");
  const char *id = "table3.granted.research";
  int64_t v = 99;
  cr_assert_eq(govinfo_report_set_blank(r, id), 0);
  cr_assert_eq(govinfo_report_get_int(r, id, &v), GOVINFO_ETYPE);
  cr_assert_eq(v, 99);
  cr_assert(strstr(govinfo_error_last()->message, "blank"));
  cr_assert_eq(govinfo_report_set_mark(r, id, "/"), 0);
  const char *mark = NULL;
  cr_assert_eq(govinfo_report_get_mark(r, id, &mark), 0);
  cr_assert_str_eq(mark, "/");
  cr_assert_eq(govinfo_report_get_int(r, id, &v), GOVINFO_ETYPE);
  cr_assert_eq(govinfo_report_set_int(r, id, 0), 0);
  cr_assert_eq(govinfo_report_get_int(r, id, &v), 0);
  cr_assert_eq(v, 0);
  cr_assert_eq(govinfo_report_get_mark(r, id, &mark), GOVINFO_ETYPE);
  cr_assert_eq(govinfo_report_clear_cell(r, id), 0);
  govinfo_cell_state s;
  govinfo_report_cell_state(r, id, &s);
  cr_assert_eq(s, GOVINFO_CELL_ABSENT);
  govinfo_report_free(r);
}

Test(model, marks_are_text_that_is_not_a_number) {
  govinfo_report *r = new_report("2019");
  const char *id = "table4.review.total";
  cr_assert_eq(govinfo_report_set_mark(r, id, "12"), GOVINFO_ETYPE);
  cr_assert_eq(govinfo_report_set_mark(r, id, ""), GOVINFO_ETYPE);
  cr_assert_eq(govinfo_report_set_mark(r, id, "—"), 0);
  cr_assert_eq(govinfo_report_set_mark(r, id, "无"), 0);
  govinfo_report_free(r);
}

Test(model, money_is_an_exact_decimal) {
  govinfo_report *r = new_report("2021");
  const char *id = "table2_art20_8.admin_fees.fee_amount";
  char buf[GOVINFO_NUMBER_BUFSIZE];
  cr_assert_eq(govinfo_report_set_number(r, id, "0.1"), 0);
  cr_assert_eq(govinfo_report_get_number(r, id, buf, sizeof buf), 0);
  cr_assert_str_eq(buf, "0.1");
  int64_t v;
  cr_assert_eq(govinfo_report_get_int(r, id, &v), GOVINFO_ETYPE);
  cr_assert_eq(govinfo_report_set_number(r, id, "1e3"), GOVINFO_ETYPE);
  cr_assert_eq(govinfo_report_set_number(r, id, "1.1234567"), GOVINFO_ERANGE);
  cr_assert_eq(govinfo_report_get_number(r, id, buf, 4), GOVINFO_EINVAL);
  govinfo_report_free(r);
}

Test(model, integers_up_to_two_to_the_53) {
  govinfo_report *r = new_report("2021");
  const char *id = "table2_art20_6.admin_penalty.decisions";
  int64_t big = INT64_C(9007199254740992), v = 0;
  cr_assert_eq(govinfo_report_set_int(r, id, big), 0);
  cr_assert_eq(govinfo_report_get_int(r, id, &v), 0);
  cr_assert_eq(v, big);
  cr_assert_eq(govinfo_report_set_int(r, id, big + 1), GOVINFO_ERANGE);
  cr_assert_eq(govinfo_report_set_int(r, id, -big - 1), GOVINFO_ERANGE);
  cr_assert_eq(govinfo_report_set_number(r, id, "9007199254740993"), GOVINFO_ERANGE);
  cr_assert_eq(govinfo_report_get_int(r, id, &v), 0);
  cr_assert_eq(v, big, "a failed set leaves the cell as it was");
  govinfo_report_free(r);
}

Test(model, unknown_ids_and_headings_are_not_found) {
  govinfo_report *r = new_report("2019");
  cr_assert_eq(govinfo_report_set_int(r, "table3.other_fee_unpaid.total", 1), GOVINFO_ENOTFOUND);
  cr_assert_eq(govinfo_report_set_int(r, "table3.results.total", 1), GOVINFO_ENOTFOUND);
  cr_assert_eq(govinfo_report_set_int(r, "nonsense", 1), GOVINFO_ENOTFOUND);
  cr_assert_eq(govinfo_report_set_int(r, NULL, 1), GOVINFO_EINVAL);
  govinfo_report_free(r);
}

Test(model, group_rows_can_carry_their_own_figure) {
  govinfo_report *r = new_report("2021");
  cr_assert_eq(govinfo_report_set_int(r, "table3.other_processing.total", 4), 0);
  int64_t v;
  cr_assert_eq(govinfo_report_get_int(r, "table3.other_processing.total", &v), 0);
  cr_assert_eq(v, 4);
  govinfo_cell_state s;
  govinfo_report_cell_state(r, "table3.other_other.total", &s);
  cr_assert_eq(s, GOVINFO_CELL_ABSENT, "sub-rows are never invented");
  govinfo_report_free(r);
}

Test(model, metadata_is_checked_and_copied) {
  govinfo_report *r = new_report("2019");
  char organ[] = "绥滨镇人民政府";
  cr_assert_eq(govinfo_report_set_organ(r, organ), 0);
  organ[0] = 'x';
  cr_assert_str_eq(govinfo_report_organ(r), "绥滨镇人民政府");
  cr_assert_eq(govinfo_report_set_published(r, "2021-01-15"), 0);
  cr_assert_eq(govinfo_report_set_published(r, "2021-02-30"), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_set_published(r, "2021-1-15"), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_set_published(r, "2023-02-29"), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_set_published(r, "2024-02-29"), 0);
  cr_assert_str_eq(govinfo_report_published(r), "2024-02-29");
  cr_assert_eq(govinfo_report_set_division_code(r, "230422"), 0);
  cr_assert_eq(govinfo_report_set_division_code(r, "23042"), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_set_division_code(r, "230422100000"), 0);
  cr_assert_eq(govinfo_report_set_year(r, 2020), 0);
  cr_assert_eq(govinfo_report_set_year(r, 10000), GOVINFO_ERANGE);
  cr_assert_eq(govinfo_report_year(r), 2020);
  cr_assert_eq(govinfo_report_set_title(r, NULL), 0);
  cr_assert_null(govinfo_report_title(r));
  govinfo_report_free(r);
}

Test(model, sections_keep_their_order_and_are_replaced_in_place) {
  govinfo_report *r = new_report("2021");
  cr_assert_eq(govinfo_report_set_section(r, "s2", NULL, "two"), 0);
  cr_assert_eq(govinfo_report_set_section(r, "s1", "一、总体情况", "one"), 0);
  cr_assert_eq(govinfo_report_set_section(r, "s2", "二、行政机关主动公开政府信息情况", "2"), 0);
  cr_assert_eq(govinfo_report_section_count(r), 2);
  cr_assert_str_eq(govinfo_report_section_id_at(r, 0), "s2");
  cr_assert_str_eq(govinfo_report_section_text_at(r, 0), "2");
  cr_assert_str_eq(govinfo_report_section_title_at(r, 0), "二、行政机关主动公开政府信息情况");
  cr_assert_str_eq(govinfo_report_section_text(r, "s1"), "one");
  cr_assert_null(govinfo_report_section_text(r, "s3"));
  cr_assert_eq(govinfo_report_set_section(r, "s7", NULL, "x"), GOVINFO_ENOTFOUND);
  cr_assert_eq(govinfo_report_remove_section(r, "s2"), 0);
  cr_assert_eq(govinfo_report_section_count(r), 1);
  cr_assert_eq(govinfo_report_remove_section(r, "s2"), GOVINFO_ENOTFOUND);
  govinfo_report_free(r);
}

Test(model, template_has_every_data_cell_blank_and_six_sections) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new_template(&r, "2021", 2025, "某县人民政府"), 0);
  cr_assert_eq(govinfo_report_section_count(r), 6);
  cr_assert_str_eq(govinfo_report_section_title_at(r, 3), "四、政府信息公开行政复议、行政诉讼情况");
  const govinfo_format *f = govinfo_report_format(r);
  size_t blank = 0;
  for (size_t t = 0; t < govinfo_format_table_count(f); t++) {
    const govinfo_table *tb = govinfo_format_table_at(f, t);
    for (size_t row = 0; row < govinfo_table_row_count(tb); row++)
      for (size_t c = 0; c < govinfo_table_column_count(tb); c++) {
        gi_cell *cell = gi_report_cell(r, t, row, c);
        bool data = govinfo_row_role_of(govinfo_table_row_at(tb, row)) == GOVINFO_ROW_DATA;
        cr_assert_eq(cell->state, data ? GOVINFO_CELL_BLANK : GOVINFO_CELL_ABSENT);
        blank += data;
      }
  }
  cr_assert_eq(blank, 200);
  govinfo_report_free(r);
}

Test(model, copies_are_equal_and_independent) {
  govinfo_report *a = NULL, *b = NULL;
  cr_assert_eq(govinfo_report_new_template(&a, "2019", 2020, "绥滨镇人民政府"), 0);
  govinfo_report_set_mark(a, "table4.review.total", "/");
  govinfo_report_set_number(a, "table2_art20_9.centralized_procurement.total_amount", "25.1");
  cr_assert_eq(govinfo_report_copy(&b, a), 0);
  cr_assert(govinfo_report_equal(a, b));
  govinfo_report_set_int(b, "table4.review.total", 0);
  cr_assert_not(govinfo_report_equal(a, b));
  govinfo_report_set_mark(b, "table4.review.total", "/");
  cr_assert(govinfo_report_equal(a, b));
  govinfo_report_set_number(b, "table2_art20_9.centralized_procurement.total_amount", "25.10");
  cr_assert_not(govinfo_report_equal(a, b), "25.1 and 25.10 print differently");
  govinfo_report_set_section(b, "s6", NULL, "无。");
  cr_assert_not(govinfo_report_equal(a, b));
  govinfo_report_free(a);
  govinfo_report_free(b);
}

Test(model, the_preface_is_kept_as_given) {
  govinfo_report *r = new_report("2021");
  cr_assert_null(govinfo_report_preface(r));
  cr_assert_eq(govinfo_report_set_preface(r, "本报告……\n（地址：……）"), 0);
  cr_assert_str_eq(govinfo_report_preface(r), "本报告……\n（地址：……）");
  govinfo_report *copy = NULL;
  cr_assert_eq(govinfo_report_copy(&copy, r), 0);
  cr_assert(govinfo_report_equal(r, copy));
  cr_assert_eq(govinfo_report_set_preface(copy, NULL), 0);
  cr_assert_not(govinfo_report_equal(r, copy));
  govinfo_report_free(copy);
  govinfo_report_free(r);
}

Test(model, marks_may_start_with_digits_but_may_not_be_numbers) {
  govinfo_report *r = new_report("2019");
  const char *id = "table2_art20_9.centralized_procurement.total_amount";
  const char *mark = NULL;
  cr_assert_eq(govinfo_report_set_mark(r, id, "251000元"), 0);
  cr_assert_eq(govinfo_report_get_mark(r, id, &mark), 0);
  cr_assert_str_eq(mark, "251000元");
  cr_assert_eq(govinfo_report_set_mark(r, id, "12件"), 0);
  cr_assert_eq(govinfo_report_set_mark(r, id, "010"), 0, "not a number in the report grammar");
  cr_assert_eq(govinfo_report_set_mark(r, id, "-3"), GOVINFO_ETYPE);
  cr_assert_eq(govinfo_report_set_mark(r, id, "1.1234567"), GOVINFO_ETYPE, "a number, too precise");
  cr_assert_eq(govinfo_report_set_number(r, id, "010"), GOVINFO_ETYPE);
  govinfo_report_free(r);
}

Test(model, constructors_refuse_a_null_output) {
  cr_assert_eq(govinfo_report_new_template(NULL, "2021", 2024, NULL), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_copy(NULL, NULL), GOVINFO_EINVAL);
}

Test(model, a_template_of_a_version_that_does_not_apply_to_the_year_is_refused) {
  govinfo_report *r = (govinfo_report *)1;
  cr_assert_eq(govinfo_report_new_template(&r, "2021", 2019, NULL), GOVINFO_EINVAL);
  cr_assert_null(r);
  cr_assert_str_eq(govinfo_error_last()->message,
                   "format version 2021 does not apply to report year 2019: use 2019");
  cr_assert_str_eq(govinfo_error_last()->message_zh,
                   "格式版本 2021 不适用于 2019 年度的报告：请用 2019");
  cr_assert_eq(govinfo_report_new_template(&r, "2019", 2024, NULL), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_new_template(&r, "2019", 2020, NULL), GOVINFO_OK);
  govinfo_report_free(r);
}

Test(model, a_misspelt_cell_id_gets_a_suggestion) {
  govinfo_report *r;
  cr_assert_eq(govinfo_report_new_template(&r, "2021", 2024, NULL), GOVINFO_OK);
  int64_t v;
  cr_assert_eq(govinfo_report_get_int(r, "table3.new_recieved.total", &v), GOVINFO_ENOTFOUND);
  const govinfo_error *e = govinfo_error_last();
  cr_assert(strstr(e->message, "(did you mean \"table3.new_received.total\"?)") != NULL, "%s",
            e->message);
  cr_assert(strstr(e->message_zh, "（是否想用“table3.new_received.total”？）") != NULL, "%s",
            e->message_zh);
  cr_assert_eq(govinfo_report_get_int(r, "table9.zzz.qqq", &v), GOVINFO_ENOTFOUND);
  cr_assert(strstr(govinfo_error_last()->message, "did you mean") == NULL, "%s",
            govinfo_error_last()->message);
  govinfo_report_free(r);
}
