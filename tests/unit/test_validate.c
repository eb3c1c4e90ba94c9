/* The rule registry and the validator: every rule both ways, in every format it applies to. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"

/* The ids of every format version of the registry, NULL-terminated. */
static const char *const *format_ids(void) {
  enum { MAX_FORMATS = 32 };
  static const char *ids[MAX_FORMATS + 1];
  cr_assert_leq(govinfo_format_count(), MAX_FORMATS);
  for (size_t i = 0; i < govinfo_format_count(); i++)
    ids[i] = govinfo_format_id(govinfo_format_at(i));
  return ids;
}
#define FOR_EACH_FORMAT(f) for (const char *const *f = format_ids(); *f; f++)

/* ---- building reports ---- */

/* A report year the format applies to: its last, or a few years into one still in force. */
static int year_of(const char *format_id) {
  const govinfo_format *f = govinfo_format_find(format_id);
  return govinfo_format_last_year(f) ? govinfo_format_last_year(f)
                                     : govinfo_format_first_year(f) + 3;
}

static void set_int(govinfo_report *r, const char *cell_id, int64_t v) {
  cr_assert_eq(govinfo_report_set_int(r, cell_id, v), 0, "%s: %s", cell_id,
               govinfo_error_last()->message);
}

static void set_number(govinfo_report *r, const char *cell_id, const char *text) {
  cr_assert_eq(govinfo_report_set_number(r, cell_id, text), 0, "%s: %s", cell_id,
               govinfo_error_last()->message);
}

static void set_text(govinfo_report *r, const char *section, const char *text) {
  cr_assert_eq(govinfo_report_set_section(r, section, NULL, text), 0);
}

static void set_published(govinfo_report *r, const char *date) {
  cr_assert_eq(govinfo_report_set_published(r, date), 0, "%s", date);
}

/* A complete, consistent report: all figures 0, every section written, published in time. */
static govinfo_report *base_report(const char *format_id) {
  int year = year_of(format_id);
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new_template(&r, format_id, year, "淮安市人民政府"), 0);
  char date[32];
  snprintf(date, sizeof date, "%d-01-20", year + 1);
  set_published(r, date);
  test_zero_every_data_cell(r);
  set_text(r, "s1", "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。");
  set_text(r, "s2", "主动公开政府信息情况见下表。");
  set_text(r, "s3", "收到和处理政府信息公开申请情况见下表。");
  set_text(r, "s4", "行政复议、行政诉讼情况见下表。");
  set_text(r, "s5", "主要问题是公开内容不够全面。下一步将加强培训。");
  set_text(r, "s6", strcmp(format_id, "2019") == 0 ? "无。" : "本年度未收取信息处理费。");
  return r;
}

/* ---- checking findings ---- */

static govinfo_diagnostics *validate(const govinfo_report *r) {
  govinfo_diagnostics *d = NULL;
  cr_assert_eq(govinfo_report_validate(&d, r), 0, "%s", govinfo_error_last()->message);
  cr_assert_not_null(d);
  return d;
}

/* "rule path path ..." */
static void describe(const govinfo_diagnostic *d, char *buf, size_t size) {
  size_t n = (size_t)snprintf(buf, size, "%s", govinfo_diagnostic_rule(d));
  for (size_t i = 0; i < govinfo_diagnostic_path_count(d) && n < size; i++)
    n += (size_t)snprintf(buf + n, size - n, " %s", govinfo_diagnostic_path_at(d, i));
}

static void describe_all(const govinfo_diagnostics *list, char *buf, size_t size) {
  size_t n = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < govinfo_diagnostics_count(list) && n + 1 < size; i++) {
    describe(govinfo_diagnostics_at(list, i), buf + n, size - n);
    n += strlen(buf + n);
    n += (size_t)snprintf(buf + n, size - n, "\n");
  }
}

/* Validates and asserts the findings are exactly `expected` (NULL-terminated, each
 * "rule path path ..."), in order. The list is returned for further checks. */
static govinfo_diagnostics *findings(const govinfo_report *r, const char *const *expected) {
  govinfo_diagnostics *list = validate(r);
  static char all[65536];
  describe_all(list, all, sizeof all);
  size_t n = 0;
  while (expected[n]) n++;
  cr_assert_eq(govinfo_diagnostics_count(list), n, "expected %zu findings, got:\n%s", n, all);
  for (size_t i = 0; i < n; i++) {
    char got[4096];
    describe(govinfo_diagnostics_at(list, i), got, sizeof got);
    cr_assert_str_eq(got, expected[i], "finding %zu; all findings:\n%s", i, all);
  }
  return list;
}

static void expect(const govinfo_report *r, const char *const *expected) {
  govinfo_diagnostics_free(findings(r, expected));
}

#define NONE ((const char *const[]){NULL})
#define FINDINGS(...) ((const char *const[]){__VA_ARGS__, NULL})

static void expect_values(const govinfo_diagnostic *d, const char *expected, const char *actual) {
  cr_assert_str_eq(govinfo_diagnostic_expected(d), expected);
  cr_assert_str_eq(govinfo_diagnostic_actual(d), actual);
}

/* Paths of table 3 */
#define T3(row, col) " /tables/table3/" #row "/" #col
/* clang-format off */
#define DENIED_ROWS(col)                                                                   \
  T3(denied_state_secret, col) T3(denied_law_prohibited, col)                              \
  T3(denied_three_safety_one_stability, col) T3(denied_third_party_rights, col)            \
  T3(denied_internal_affairs, col) T3(denied_process_info, col)                            \
  T3(denied_enforcement_file, col) T3(denied_admin_query, col)
/* clang-format on */
/* clang-format off */
#define RESULT_ROWS_HEAD(col)                                                              \
  T3(granted, col) T3(partially_granted, col) DENIED_ROWS(col) T3(unable_not_held, col)    \
  T3(unable_need_creation, col) T3(unable_unclear_after_correction, col)                   \
  T3(np_petition_complaint, col) T3(np_duplicate, col) T3(np_publication, col)             \
  T3(np_massive_repeated, col) T3(np_confirm_or_reissue, col)
/* clang-format on */
#define RESULT_ROWS_2019(col) RESULT_ROWS_HEAD(col) T3(other_processing, col)
/* clang-format off */
#define RESULT_ROWS_2021(col)                                                              \
  RESULT_ROWS_HEAD(col) T3(other_overdue_no_correction, col) T3(other_fee_unpaid, col)     \
  T3(other_other, col)
/* clang-format on */
/* clang-format off */
#define APPLICANTS(row)                                                                    \
  T3(row, natural_person) T3(row, commercial) T3(row, research) T3(row, public_interest)   \
  T3(row, legal_service) T3(row, other_org)
/* clang-format on */

static bool is_2019(const char *format_id) { return strcmp(format_id, "2019") == 0; }

/* ---- the registry ---- */

Test(registry, rule_ids_are_unique_dotted_and_found_by_id) {
  cr_assert_gt(govinfo_rule_count(), 0);
  for (size_t i = 0; i < govinfo_rule_count(); i++) {
    const char *id = govinfo_rule_id(govinfo_rule_at(i));
    cr_assert_not_null(id);
    cr_assert(strchr(id, '.') && id[0] != '.' && id[strlen(id) - 1] != '.', "%s", id);
    for (const char *p = id; *p; p++)
      cr_assert(strchr("abcdefghijklmnopqrstuvwxyz0123456789._", *p), "%s", id);
    for (size_t j = 0; j < i; j++)
      cr_assert_str_neq(id, govinfo_rule_id(govinfo_rule_at(j)), "duplicate rule id %s", id);
    cr_assert_eq(govinfo_rule_find(id), govinfo_rule_at(i));
  }
}

Test(registry, every_rule_is_documented_in_chinese_and_english) {
  for (size_t i = 0; i < govinfo_rule_count(); i++) {
    const govinfo_rule *rule = govinfo_rule_at(i);
    const char *zh = govinfo_rule_description(rule), *en = govinfo_rule_description_en(rule);
    cr_assert(zh && strlen(zh) > 6, "%s", govinfo_rule_id(rule));
    cr_assert(en && strlen(en) > 6, "%s", govinfo_rule_id(rule));
    bool has_cjk = false;
    for (const char *p = zh; *p; p++) has_cjk |= (unsigned char)*p >= 0xE4;
    cr_assert(has_cjk, "%s: the Chinese description has no Chinese", govinfo_rule_id(rule));
    cr_assert_str_neq(zh, en);
    govinfo_severity s = govinfo_rule_severity(rule);
    cr_assert(s == GOVINFO_SEVERITY_ERROR || s == GOVINFO_SEVERITY_WARNING ||
              s == GOVINFO_SEVERITY_NOTE);
  }
}

Test(registry, unknown_rules_and_null_arguments) {
  govinfo_error_clear();
  cr_assert_null(govinfo_rule_find("table3.nonsense"));
  cr_assert_eq(govinfo_error_last()->code, GOVINFO_ENOTFOUND);
  cr_assert_null(govinfo_rule_find(NULL));
  cr_assert_eq(govinfo_error_last()->code, GOVINFO_EINVAL);
  cr_assert_null(govinfo_rule_at(govinfo_rule_count()));
  cr_assert_null(govinfo_rule_id(NULL));
  cr_assert_null(govinfo_rule_description(NULL));
  cr_assert_null(govinfo_rule_description_en(NULL));
  cr_assert_eq(govinfo_rule_applies_to(NULL, govinfo_format_find("2021")), 0);
  cr_assert_eq(govinfo_rule_applies_to(govinfo_rule_at(0), NULL), 0);
}

Test(registry, severities_have_names) {
  cr_assert_str_eq(govinfo_severity_name(GOVINFO_SEVERITY_ERROR), "error");
  cr_assert_str_eq(govinfo_severity_name(GOVINFO_SEVERITY_WARNING), "warning");
  cr_assert_str_eq(govinfo_severity_name(GOVINFO_SEVERITY_NOTE), "note");
  cr_assert_eq(govinfo_rule_severity(govinfo_rule_find("table3.balance")), GOVINFO_SEVERITY_ERROR);
  cr_assert_eq(govinfo_rule_severity(govinfo_rule_find("cell.blank")), GOVINFO_SEVERITY_WARNING);
}

static bool applies(const char *rule_id, const govinfo_format *f) {
  const govinfo_rule *rule = govinfo_rule_find(rule_id);
  cr_assert_not_null(rule, "%s", rule_id);
  return govinfo_rule_applies_to(rule, f);
}

Test(registry, applies_to_follows_the_scopes_in_both_formats) {
  const govinfo_format *f2019 = govinfo_format_find("2019"), *f2021 = govinfo_format_find("2021");
  /* the 2021 format has every feature */
  for (size_t i = 0; i < govinfo_rule_count(); i++)
    cr_assert(govinfo_rule_applies_to(govinfo_rule_at(i), f2021), "%s",
              govinfo_rule_id(govinfo_rule_at(i)));
  /* 2019 asks nothing about fees, and its table 二 has no documents made, repealed, in force */
  for (size_t i = 0; i < govinfo_rule_count(); i++) {
    const char *id = govinfo_rule_id(govinfo_rule_at(i));
    bool fee = strcmp(id, "sections.fee_statement") == 0 || strcmp(id, "sections.fee_unpaid") == 0;
    bool documents = strcmp(id, "narrative.documents") == 0;
    cr_assert_eq(govinfo_rule_applies_to(govinfo_rule_at(i), f2019), !fee && !documents, "%s", id);
  }
}

/* A made-up format with none of the optional features: the scopes read its data. */
Test(registry, applies_to_reads_the_format_data) {
  static const struct govinfo_row rows[] = {{"a", "A", NULL, GOVINFO_ROW_DATA}};
  static const struct govinfo_column columns[] = {{"n", "N", GOVINFO_KIND_COUNT}};
  static const struct govinfo_table tables[] = {{"t", "s1", "T", rows, 1, columns, 1, false}};
  static const char *const none[] = {NULL};
  static const struct govinfo_section_def sections[] = {{"s1", "一", "一、总体情况", none}};
  static const struct govinfo_format plain = {.id = "plain",
                                              .name = "plain",
                                              .first_year = 2050,
                                              .sections = sections,
                                              .nsections = 1,
                                              .tables = tables,
                                              .ntables = 1};
  /* Rules across reports that read no format data apply everywhere; the year checks only
   * to the versions model/years.h names. */
  const char *const all_scope[] = {
      "cell.negative", "cell.blank",      "meta.missing", "sections.order", "published.late",
      "text.year",     "year.text_reuse", "year.jump",    "sum.absent",     "sum.differs"};
  const char *const other_scope[] = {"table3.balance",
                                     "table3.result_total",
                                     "table3.row_total",
                                     "table4.row_total",
                                     "group.sum",
                                     "layout.group_row",
                                     "sections.problems_empty",
                                     "sections.fee_statement",
                                     "sections.fee_unpaid",
                                     "narrative.received",
                                     "narrative.result",
                                     "narrative.review",
                                     "narrative.documents",
                                     "narrative.share",
                                     "year.carry_over",
                                     "year.documents"};
  for (size_t i = 0; i < GI_COUNT_OF(all_scope); i++) cr_assert(applies(all_scope[i], &plain));
  for (size_t i = 0; i < GI_COUNT_OF(other_scope); i++)
    cr_assert_not(applies(other_scope[i], &plain), "%s", other_scope[i]);

  /* one identity turns on its rule only */
  static const char *const parts[] = {"n", NULL};
  static const gi_identity identities[] = {
      {GI_RULE_TABLE4_ROW_TOTAL, "t", GI_EACH_ROW, parts, parts, "p", "p", "t", "t"}};
  struct govinfo_format with_identity = plain;
  with_identity.identities = identities;
  with_identity.nidentities = 1;
  cr_assert(applies("table4.row_total", &with_identity));
  cr_assert_not(applies("table3.balance", &with_identity));

  /* one statement turns on its rule only */
  static const char *const words[] = {"收到", NULL};
  static const gi_statement statements[] = {{GI_RULE_NARRATIVE_RECEIVED, "收到", "received", words,
                                             NULL, NULL, "t.a.n", NULL, NULL, 1, false}};
  struct govinfo_format with_statement = plain;
  with_statement.statements = statements;
  with_statement.nstatements = 1;
  cr_assert(applies("narrative.received", &with_statement));
  cr_assert_not(applies("narrative.handled", &with_statement));
}

/* ---- the base reports and the API ---- */

Test(validate, complete_consistent_reports_have_no_findings) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    govinfo_diagnostics *d = findings(r, NONE);
    cr_assert_eq(govinfo_diagnostics_count_severity(d, GOVINFO_SEVERITY_ERROR), 0);
    cr_assert_eq(govinfo_diagnostics_count_severity(d, GOVINFO_SEVERITY_WARNING), 0);
    govinfo_diagnostics_free(d);
    govinfo_report_free(r);
  }
}

Test(validate, null_arguments_are_einval_and_leave_no_list) {
  govinfo_report *r = base_report("2021");
  govinfo_diagnostics *d = (govinfo_diagnostics *)1;
  cr_assert_eq(govinfo_report_validate(&d, NULL), GOVINFO_EINVAL);
  cr_assert_null(d);
  cr_assert_eq(govinfo_report_validate(NULL, r), GOVINFO_EINVAL);
  govinfo_diagnostics_free(NULL);
  cr_assert_eq(govinfo_diagnostics_count(NULL), 0);
  cr_assert_null(govinfo_diagnostics_at(NULL, 0));
  cr_assert_eq(govinfo_diagnostics_count_severity(NULL, GOVINFO_SEVERITY_ERROR), 0);
  cr_assert_null(govinfo_diagnostic_rule(NULL));
  cr_assert_null(govinfo_diagnostic_message(NULL));
  cr_assert_null(govinfo_diagnostic_path_at(NULL, 0));
  cr_assert_eq(govinfo_diagnostic_path_count(NULL), 0);
  cr_assert_eq(govinfo_diagnostic_line(NULL), 0);
  char *json = (char *)1;
  cr_assert_eq(govinfo_diagnostics_to_json(&json, NULL, NULL), GOVINFO_EINVAL);
  cr_assert_null(json);
  govinfo_report_free(r);
}

Test(validate, an_empty_report_is_checked_not_refused) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new(&r, "2021"), 0);
  govinfo_diagnostics *d = validate(r);
  const govinfo_diagnostic *first = govinfo_diagnostics_at(d, 0);
  cr_assert_str_eq(govinfo_diagnostic_rule(first), "cell.absent");
  cr_assert_null(govinfo_diagnostics_at(d, govinfo_diagnostics_count(d)));
  /* year and organ missing, six sections missing */
  size_t meta = 0, sections = 0;
  for (size_t i = 0; i < govinfo_diagnostics_count(d); i++) {
    const char *rule = govinfo_diagnostic_rule(govinfo_diagnostics_at(d, i));
    meta += strcmp(rule, "meta.missing") == 0;
    sections += strcmp(rule, "sections.missing") == 0;
  }
  cr_assert_eq(meta, 2);
  cr_assert_eq(sections, 6);
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}

/* ---- identities ---- */

Test(validate, balance_fails_when_carry_forward_is_off_by_one) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    set_int(r, "table3.new_received.natural_person", 21);
    set_int(r, "table3.new_received.total", 21);
    set_int(r, "table3.granted.natural_person", 20);
    set_int(r, "table3.granted.total", 20);
    set_int(r, "table3.result_total.natural_person", 20);
    set_int(r, "table3.result_total.total", 20);
    govinfo_diagnostics *d =
        findings(r, FINDINGS("table3.balance" T3(result_total, natural_person)
                                 T3(carry_forward, natural_person) T3(new_received, natural_person)
                                     T3(carried_over, natural_person),
                             "table3.balance" T3(result_total, total) T3(carry_forward, total)
                                 T3(new_received, total) T3(carried_over, total)));
    const govinfo_diagnostic *first = govinfo_diagnostics_at(d, 0);
    expect_values(first, "21", "20");
    cr_assert_eq(govinfo_diagnostic_severity(first), GOVINFO_SEVERITY_ERROR);
    /* every term with its value (lines: none, the report was built in memory) */
    cr_assert_str_eq(
        govinfo_diagnostic_message(first),
        "本年新收+上年结转 (21) ≠ 办理结果总计+结转下年度继续办理 (20)（自然人）；各项："
        "一、本年新收政府信息公开申请数量 21，二、上年结转政府信息公开申请数量 0，"
        "（七）总计 20，四、结转下年度继续办理 0");
    cr_assert_str_eq(govinfo_diagnostic_message_en(first),
                     "new received + carried over (21) ≠ results total + carried forward (20) "
                     "in column natural_person (自然人); the terms: new_received = 21, "
                     "carried_over = 0, result_total = 20, carry_forward = 0");
    govinfo_diagnostics_free(d);

    set_int(r, "table3.carry_forward.natural_person", 1);
    set_int(r, "table3.carry_forward.total", 1);
    expect(r, NONE);
    govinfo_report_free(r);
  }
}

Test(validate, result_total_fails_when_the_result_rows_do_not_add_up) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    set_int(r, "table3.granted.natural_person", 1);
    set_int(r, "table3.granted.total", 1);
    govinfo_diagnostics *d =
        is_2019(*f) ? findings(r, FINDINGS("table3.result_total" T3(result_total, natural_person)
                                               RESULT_ROWS_2019(natural_person),
                                           "table3.result_total" T3(result_total, total)
                                               RESULT_ROWS_2019(total)))
                    : findings(r, FINDINGS("table3.result_total" T3(result_total, natural_person)
                                               RESULT_ROWS_2021(natural_person),
                                           "table3.result_total" T3(result_total, total)
                                               RESULT_ROWS_2021(total)));
    expect_values(govinfo_diagnostics_at(d, 0), "1", "0");
    cr_assert(strstr(govinfo_diagnostic_message(govinfo_diagnostics_at(d, 1)), "（总计）"));
    govinfo_diagnostics_free(d);

    set_int(r, "table3.new_received.natural_person", 1);
    set_int(r, "table3.new_received.total", 1);
    set_int(r, "table3.result_total.natural_person", 1);
    set_int(r, "table3.result_total.total", 1);
    expect(r, NONE);
    govinfo_report_free(r);
  }
}

Test(validate, row_total_fails_when_the_applicant_columns_do_not_add_up) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    /* balanced down the column, so only the row totals are off */
    set_int(r, "table3.new_received.natural_person", 1);
    set_int(r, "table3.carry_forward.natural_person", 1);
    govinfo_diagnostics *d = findings(
        r, FINDINGS("table3.row_total" T3(new_received, total) APPLICANTS(new_received),
                    "table3.row_total" T3(carry_forward, total) APPLICANTS(carry_forward)));
    expect_values(govinfo_diagnostics_at(d, 0), "1", "0");
    cr_assert_str_eq(govinfo_diagnostic_message_en(govinfo_diagnostics_at(d, 0)),
                     "sum of the six applicant columns (1) ≠ total (0) in row new_received "
                     "(一、本年新收政府信息公开申请数量)");
    govinfo_diagnostics_free(d);

    set_int(r, "table3.new_received.total", 1);
    set_int(r, "table3.carry_forward.total", 1);
    expect(r, NONE);
    govinfo_report_free(r);
  }
}

Test(validate, row_total_checks_sub_rows_and_leaves_groups_without_figures_to_them) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    /* 1 in natural_person with 0 totals: every column balances, three rows do not; the
     * group （三）不予公开 prints nothing of its own and is not checked as a row */
    set_int(r, "table3.new_received.natural_person", 1);
    set_int(r, "table3.denied_state_secret.natural_person", 1);
    set_int(r, "table3.result_total.natural_person", 1);
    expect(r, FINDINGS("table3.row_total" T3(new_received, total) APPLICANTS(new_received),
                       "table3.row_total" T3(denied_state_secret, total)
                           APPLICANTS(denied_state_secret),
                       "table3.row_total" T3(result_total, total) APPLICANTS(result_total)));
    govinfo_report_free(r);
  }
}

Test(validate, table4_row_total_fails_when_a_total_is_printed_as_zero) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    /* 洪泽区 2023: 10 + 1 + 0 + 0 printed with total 0 */
    set_int(r, "table4.review.upheld", 10);
    set_int(r, "table4.review.corrected", 1);
    govinfo_diagnostics *d =
        findings(r, FINDINGS("table4.row_total /tables/table4/review/total "
                             "/tables/table4/review/upheld /tables/table4/review/corrected "
                             "/tables/table4/review/other /tables/table4/review/pending"));
    expect_values(govinfo_diagnostics_at(d, 0), "11", "0");
    govinfo_diagnostics_free(d);

    set_int(r, "table4.review.total", 11);
    expect(r, NONE);
    govinfo_report_free(r);
  }
}

Test(validate, identities_skip_cells_that_are_not_integers) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    /* 1.5 would break table3.result_total and table3.row_total if it were summed */
    set_number(r, "table3.granted.natural_person", "1.5");
    expect(r, FINDINGS("cell.fraction" T3(granted, natural_person)));
    cr_assert_eq(govinfo_report_set_blank(r, "table3.granted.natural_person"), 0);
    set_int(r, "table3.granted.total", 4);
    /* the granted row and the natural_person column are skipped; the total column is not */
    if (is_2019(*f))
      expect(r, FINDINGS("table3.result_total" T3(result_total, total) RESULT_ROWS_2019(total),
                         "cell.blank" T3(granted, natural_person)));
    else
      expect(r, FINDINGS("table3.result_total" T3(result_total, total) RESULT_ROWS_2021(total),
                         "cell.blank" T3(granted, natural_person)));
    govinfo_report_free(r);
  }
}

/* ---- group rows ---- */

static void print_group_as_one_row(govinfo_report *r, const char *group, const char *col,
                                   int64_t v) {
  char id[128];
  snprintf(id, sizeof id, "table3.%s.%s", group, col);
  set_int(r, id, v);
}

Test(validate, group_sum_fails_when_a_printed_group_differs_from_its_sub_rows) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    /* （三）不予公开 printed as 1 while its eight sub-rows all say 0 */
    print_group_as_one_row(r, "denied", "natural_person", 1);
    print_group_as_one_row(r, "denied", "total", 1);
    set_int(r, "table3.new_received.natural_person", 1);
    set_int(r, "table3.new_received.total", 1);
    set_int(r, "table3.result_total.natural_person", 1);
    set_int(r, "table3.result_total.total", 1);
    govinfo_diagnostics *d =
        findings(r, FINDINGS("group.sum" T3(denied, natural_person) DENIED_ROWS(natural_person),
                             "group.sum" T3(denied, total) DENIED_ROWS(total),
                             "layout.group_row /tables/table3/denied"));
    expect_values(govinfo_diagnostics_at(d, 0), "0", "1");
    govinfo_diagnostics_free(d);

    set_int(r, "table3.denied_process_info.natural_person", 1);
    set_int(r, "table3.denied_process_info.total", 1);
    expect(r, FINDINGS("layout.group_row /tables/table3/denied"));
    govinfo_report_free(r);
  }
}

/* The 洪泽区 layout: a 2021 report printing （六）其他处理 as one row, sub-rows absent. */
Test(validate, a_2021_report_printing_other_processing_as_one_row_uses_its_figure) {
  govinfo_report *r = base_report("2021");
  const char *const subs[] = {"other_overdue_no_correction", "other_fee_unpaid", "other_other"};
  const char *const cols[] = {"natural_person", "commercial", "research", "public_interest",
                              "legal_service",  "other_org",  "total"};
  for (size_t s = 0; s < 3; s++)
    for (size_t c = 0; c < 7; c++) {
      char id[128];
      snprintf(id, sizeof id, "table3.%s.%s", subs[s], cols[c]);
      cr_assert_eq(govinfo_report_clear_cell(r, id), 0);
    }
  for (size_t c = 0; c < 7; c++) print_group_as_one_row(r, "other_processing", cols[c], 0);
  print_group_as_one_row(r, "other_processing", "natural_person", 2);
  print_group_as_one_row(r, "other_processing", "total", 2);
  set_int(r, "table3.granted.natural_person", 1);
  set_int(r, "table3.granted.total", 1);
  set_int(r, "table3.new_received.natural_person", 3);
  set_int(r, "table3.new_received.total", 3);
  set_int(r, "table3.result_total.natural_person", 3);
  set_int(r, "table3.result_total.total", 3);
  govinfo_diagnostics *d =
      findings(r, FINDINGS("layout.group_row /tables/table3/other_processing"));
  const govinfo_diagnostic *w = govinfo_diagnostics_at(d, 0);
  cr_assert_eq(govinfo_diagnostic_severity(w), GOVINFO_SEVERITY_WARNING);
  cr_assert(strstr(govinfo_diagnostic_message(w), "（六）其他处理"));
  cr_assert(strstr(govinfo_diagnostic_message(w), "3.其他"));
  cr_assert(strstr(govinfo_diagnostic_message_en(w), "in place of its sub-rows"));
  cr_assert_null(govinfo_diagnostic_expected(w));
  govinfo_diagnostics_free(d);

  /* its printed 5 (not the absent sub-rows) now makes the results add up to 6, not 3 */
  print_group_as_one_row(r, "other_processing", "natural_person", 5);
  print_group_as_one_row(r, "other_processing", "total", 5);
  d = findings(r, FINDINGS("table3.result_total" T3(result_total, natural_person) RESULT_ROWS_HEAD(
                               natural_person) T3(other_processing, natural_person),
                           "table3.result_total" T3(result_total, total) RESULT_ROWS_HEAD(total)
                               T3(other_processing, total),
                           "layout.group_row /tables/table3/other_processing"));
  expect_values(govinfo_diagnostics_at(d, 0), "6", "3");
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}

Test(validate, sub_rows_of_a_group_printed_as_one_row_are_not_reported_absent) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    const char *const cols[] = {"natural_person", "commercial", "research", "public_interest",
                                "legal_service",  "other_org",  "total"};
    const char *const subs[] = {"unable_not_held", "unable_need_creation",
                                "unable_unclear_after_correction"};
    for (size_t c = 0; c < 7; c++) {
      for (size_t s = 0; s < 3; s++) {
        char id[128];
        snprintf(id, sizeof id, "table3.%s.%s", subs[s], cols[c]);
        cr_assert_eq(govinfo_report_clear_cell(r, id), 0);
      }
      if (c != 2) print_group_as_one_row(r, "unable", cols[c], 0);
    }
    /* 科研机构 is not printed for the group either: its sub-rows are absent */
    expect(r, FINDINGS("layout.group_row /tables/table3/unable",
                       "cell.absent" T3(unable_not_held, research),
                       "cell.absent" T3(unable_need_creation, research),
                       "cell.absent" T3(unable_unclear_after_correction, research)));
    govinfo_report_free(r);
  }
}

Test(validate, a_group_row_warning_is_located_at_its_first_printed_cell) {
  govinfo_report *r = base_report("2019");
  cr_assert_eq(gi_report_set_origin(r, "hongze.yaml"), 0);
  print_group_as_one_row(r, "not_processed", "research", 0);
  size_t t, row, col;
  cr_assert_eq(
      gi_cell_resolve(govinfo_report_format(r), "table3.not_processed.research", &t, &row, &col),
      0);
  gi_report_cell(r, t, row, col)->loc = (gi_loc){41, 13};
  govinfo_diagnostics *d = findings(r, FINDINGS("layout.group_row /tables/table3/not_processed"));
  const govinfo_diagnostic *w = govinfo_diagnostics_at(d, 0);
  cr_assert_str_eq(govinfo_diagnostic_file(w), "hongze.yaml");
  cr_assert_eq(govinfo_diagnostic_line(w), 41);
  cr_assert_eq(govinfo_diagnostic_column(w), 13);
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}

/* ---- single cells ---- */

Test(validate, negative_counts_and_amounts_are_errors_signed_changes_are_not) {
  govinfo_report *r = base_report("2019");
  set_int(r, "table2_art20_5.admin_license.change", -3);
  expect(r, NONE);
  set_int(r, "table2_art20_1.rules.new_made", -1);
  set_number(r, "table2_art20_9.centralized_procurement.total_amount", "-0.5");
  govinfo_diagnostics *d = findings(
      r, FINDINGS("cell.negative /tables/table2_art20_1/rules/new_made",
                  "cell.negative /tables/table2_art20_9/centralized_procurement/total_amount"));
  cr_assert(strstr(govinfo_diagnostic_message(govinfo_diagnostics_at(d, 0)), "-1"));
  cr_assert(strstr(govinfo_diagnostic_message_en(govinfo_diagnostics_at(d, 1)), "-0.5"));
  cr_assert(strstr(govinfo_diagnostic_message(govinfo_diagnostics_at(d, 0)), "规章"));
  cr_assert(strstr(govinfo_diagnostic_message(govinfo_diagnostics_at(d, 0)), "本年新制作数量"));
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);

  r = base_report("2021");
  set_int(r, "table2_art20_1.rules.made", -1);
  set_number(r, "table2_art20_8.admin_fees.fee_amount", "-96171.6");
  expect(r, FINDINGS("cell.negative /tables/table2_art20_1/rules/made",
                     "cell.negative /tables/table2_art20_8/admin_fees/fee_amount"));
  govinfo_report_free(r);
}

Test(validate, fractions_are_errors_except_in_money_columns) {
  govinfo_report *r = base_report("2019");
  set_number(r, "table2_art20_9.centralized_procurement.total_amount", "7730.28");
  expect(r, NONE);
  set_number(r, "table2_art20_5.admin_license.change", "0.5");
  set_number(r, "table4.review.pending", "2.0");
  govinfo_diagnostics *d =
      findings(r, FINDINGS("cell.fraction /tables/table2_art20_5/admin_license/change",
                           "cell.fraction /tables/table4/review/pending"));
  cr_assert(strstr(govinfo_diagnostic_message_en(govinfo_diagnostics_at(d, 1)), "2.0"));
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);

  r = base_report("2021");
  set_number(r, "table2_art20_8.admin_fees.fee_amount", "96171.6");
  expect(r, NONE);
  set_number(r, "table2_art20_1.normative_docs.valid", "1.5");
  expect(r, FINDINGS("cell.fraction /tables/table2_art20_1/normative_docs/valid"));
  govinfo_report_free(r);
}

Test(validate, blank_cells_are_warned_about_because_blank_is_not_zero) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    cr_assert_eq(govinfo_report_set_blank(r, "table3.granted.commercial"), 0);
    govinfo_diagnostics *d = findings(r, FINDINGS("cell.blank" T3(granted, commercial)));
    const govinfo_diagnostic *w = govinfo_diagnostics_at(d, 0);
    cr_assert_eq(govinfo_diagnostic_severity(w), GOVINFO_SEVERITY_WARNING);
    cr_assert(strstr(govinfo_diagnostic_message(w), "留空：空白不等于零"));
    cr_assert(strstr(govinfo_diagnostic_message(w), "（一）予以公开"));
    cr_assert(strstr(govinfo_diagnostic_message(w), "商业企业"));
    cr_assert_null(govinfo_diagnostic_expected(w));
    cr_assert_null(govinfo_diagnostic_actual(w));
    govinfo_diagnostics_free(d);
    govinfo_report_free(r);
  }
}

Test(validate, marks_are_warned_about_and_quoted) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    cr_assert_eq(govinfo_report_set_mark(r, "table4.litigation_direct.other", "—"), 0);
    govinfo_diagnostics *d =
        findings(r, FINDINGS("cell.mark /tables/table4/litigation_direct/other"));
    cr_assert(strstr(govinfo_diagnostic_message(govinfo_diagnostics_at(d, 0)), "“—”"));
    cr_assert(strstr(govinfo_diagnostic_message_en(govinfo_diagnostics_at(d, 0)), "\"—\""));
    govinfo_diagnostics_free(d);
    govinfo_report_free(r);
  }
}

Test(validate, absent_data_cells_are_warned_about) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    cr_assert_eq(govinfo_report_clear_cell(r, "table4.review.other"), 0);
    cr_assert_eq(govinfo_report_clear_cell(r, "table3.carry_forward.total"), 0);
    /* group rows (table3.denied …) are absent in the base report and never reported */
    expect(r, FINDINGS("cell.absent" T3(carry_forward, total),
                       "cell.absent /tables/table4/review/other"));
    govinfo_report_free(r);
  }
}

Test(validate, cell_findings_point_at_their_cells_in_every_table) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    const struct govinfo_format *fmt = govinfo_report_format(r);
    size_t blanks = 0;
    for (size_t t = 0; t < fmt->ntables; t++)
      for (size_t row = 0; row < fmt->tables[t].nrows; row++)
        if (fmt->tables[t].rows[row].role == GOVINFO_ROW_DATA)
          for (size_t c = 0; c < fmt->tables[t].ncolumns; c++, blanks++)
            gi_cell_set_blank(gi_report_cell(r, t, row, c));
    govinfo_diagnostics *d = validate(r);
    cr_assert_eq(govinfo_diagnostics_count(d), blanks);
    size_t i = 0;
    for (size_t t = 0; t < fmt->ntables; t++)
      for (size_t row = 0; row < fmt->tables[t].nrows; row++)
        if (fmt->tables[t].rows[row].role == GOVINFO_ROW_DATA)
          for (size_t c = 0; c < fmt->tables[t].ncolumns; c++) {
            char pointer[256];
            gi_cell_pointer(fmt, t, row, c, pointer, sizeof pointer);
            const govinfo_diagnostic *x = govinfo_diagnostics_at(d, i++);
            cr_assert_str_eq(govinfo_diagnostic_rule(x), "cell.blank");
            cr_assert_eq(govinfo_diagnostic_path_count(x), 1);
            cr_assert_str_eq(govinfo_diagnostic_path_at(x, 0), pointer);
          }
    govinfo_diagnostics_free(d);
    govinfo_report_free(r);
  }
}

/* ---- metadata ---- */

Test(validate, a_missing_year_or_organ_is_an_error) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    cr_assert_eq(govinfo_report_set_year(r, 0), 0);
    expect(r, FINDINGS("meta.missing /year"));
    cr_assert_eq(govinfo_report_set_year(r, year_of(*f)), 0);
    cr_assert_eq(govinfo_report_set_organ(r, NULL), 0);
    expect(r, FINDINGS("meta.missing /organ"));
    cr_assert_eq(govinfo_report_set_organ(r, ""), 0);
    govinfo_diagnostics *d = findings(r, FINDINGS("meta.missing /organ"));
    cr_assert_eq(govinfo_diagnostic_severity(govinfo_diagnostics_at(d, 0)), GOVINFO_SEVERITY_ERROR);
    govinfo_diagnostics_free(d);
    govinfo_report_free(r);
  }
}

Test(validate, a_format_that_does_not_apply_to_the_year_names_the_right_one) {
  govinfo_report *r = base_report("2021");
  cr_assert_eq(govinfo_report_set_year(r, 2020), 0);
  set_published(r, "2021-01-20");
  govinfo_diagnostics *d = findings(r, FINDINGS("format.year /format"));
  cr_assert(strstr(govinfo_diagnostic_message(govinfo_diagnostics_at(d, 0)), "“2019”"));
  cr_assert(strstr(govinfo_diagnostic_message_en(govinfo_diagnostics_at(d, 0)), "use \"2019\""));
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);

  r = base_report("2019");
  cr_assert_eq(govinfo_report_set_year(r, 2019), 0);
  set_published(r, "2020-01-20");
  expect(r, NONE);
  cr_assert_eq(govinfo_report_set_year(r, 2021), 0);
  set_published(r, "2022-01-20");
  d = findings(r, FINDINGS("format.year /format"));
  cr_assert(strstr(govinfo_diagnostic_message_en(govinfo_diagnostics_at(d, 0)), "use \"2021\""));
  govinfo_diagnostics_free(d);
  cr_assert_eq(govinfo_report_set_year(r, 2018), 0);
  set_published(r, "2019-01-20");
  d = findings(r, FINDINGS("format.year /format"));
  cr_assert(strstr(govinfo_diagnostic_message_en(govinfo_diagnostics_at(d, 0)),
                   "no version applies before 2019"));
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}

/* ---- sections ---- */

Test(validate, a_missing_section_is_an_error_naming_its_title) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    cr_assert_eq(govinfo_report_remove_section(r, "s4"), 0);
    govinfo_diagnostics *d = findings(r, FINDINGS("sections.missing /sections"));
    cr_assert(strstr(govinfo_diagnostic_message(govinfo_diagnostics_at(d, 0)),
                     "四、政府信息公开行政复议、行政诉讼情况"));
    govinfo_diagnostics_free(d);
    govinfo_report_free(r);
  }
}

Test(validate, sections_out_of_order_are_one_error_at_the_first_misplaced) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    cr_assert_eq(govinfo_report_remove_section(r, "s2"), 0);
    set_text(r, "s2", "主动公开政府信息情况见下表。"); /* appended after s6 */
    expect(r, FINDINGS("sections.order /sections/5"));
    cr_assert_eq(govinfo_report_remove_section(r, "s1"), 0);
    set_text(r, "s1", "总体情况。"); /* s3 s4 s5 s6 s2 s1: s2 is the first out of order */
    expect(r, FINDINGS("sections.order /sections/4"));
    govinfo_report_free(r);
  }
}

Test(validate, section_titles_accept_variants_spacing_and_a_missing_number) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    const char *const accepted[] = {
        "二、行政机关主动公开政府信息情况",   /* a listed variant */
        " 二 、主动公开\u3000政府信息情况\n", /* spaces, U+3000 */
        "主动公开政府信息情况",               /* without its number */
        "行政机关主动公开政府信息情况",       /* variant without its number */
    };
    for (size_t i = 0; i < GI_COUNT_OF(accepted); i++) {
      test_put_section(r, "s2", accepted[i], "见下表。"); /* a file's title may end a line */
      expect(r, NONE);
    }
    cr_assert_eq(govinfo_report_set_section(r, "s2", "二、主动公开情况", "见下表。"), 0);
    govinfo_diagnostics *d = findings(r, FINDINGS("sections.title /sections/1/title"));
    cr_assert(strstr(govinfo_diagnostic_message(govinfo_diagnostics_at(d, 0)), "二、主动公开情况"));
    govinfo_diagnostics_free(d);
    cr_assert_eq(govinfo_report_set_section(r, "s2", NULL, "见下表。"), 0);
    /* a wrong number is not a missing number */
    cr_assert_eq(govinfo_report_set_section(r, "s6", "五、其他需要报告的事项", "无"), 0);
    if (is_2019(*f)) expect(r, FINDINGS("sections.title /sections/5/title"));
    else
      expect(r, FINDINGS("sections.title /sections/5/title",
                         "sections.fee_statement /sections/5/text"));
    govinfo_report_free(r);
  }
}

Test(validate, section_five_is_also_titled_with_he_for_ji) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    const char *text = govinfo_report_section_text(r, "s5");
    char copy[256];
    snprintf(copy, sizeof copy, "%s", text);
    cr_assert_eq(govinfo_report_set_section(r, "s5", "五、存在的主要问题和改进情况", copy), 0);
    expect(r, NONE);
    cr_assert_eq(govinfo_report_set_section(r, "s5", "五、存在的主要问题和改进", copy), 0);
    expect(r, FINDINGS("sections.title /sections/4/title"));
    govinfo_report_free(r);
  }
}

Test(validate, a_problems_section_that_says_nothing_is_warned_about) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    const char *const empty[] = {"",           "无",         "无。",         " 无 ！\n",
                                 "\u3000；。", "暂无问题。", "暂无突出问题", " 暂无。"};
    for (size_t i = 0; i < GI_COUNT_OF(empty); i++) {
      set_text(r, "s5", empty[i]);
      expect(r, FINDINGS("sections.problems_empty /sections/4/text"));
    }
    /* short real sentences say something: not a length threshold */
    const char *const said[] = {"无重大问题，将继续加强培训。", "人员不足。", "培训不够。",
                                "暂无突出问题，但培训仍需加强。", "无无。"};
    for (size_t i = 0; i < GI_COUNT_OF(said); i++) {
      set_text(r, "s5", said[i]);
      expect(r, NONE);
    }
    govinfo_report_free(r);
  }
}

Test(validate, section_six_must_mention_the_processing_fee_from_2021) {
  govinfo_report *r = base_report("2021");
  set_text(r, "s6", "无。");
  govinfo_diagnostics *d = findings(r, FINDINGS("sections.fee_statement /sections/5/text"));
  cr_assert_eq(govinfo_diagnostic_severity(govinfo_diagnostics_at(d, 0)), GOVINFO_SEVERITY_WARNING);
  govinfo_diagnostics_free(d);
  set_text(r, "s6", "全年收取政府信息公开信息处理费 0 元。");
  expect(r, NONE);
  /* real wordings without the literal 信息处理费 */
  const char *const reported[] = {
      "本机关未向公众收取政府信息处理相关费用。",
      "信息公开处理费收费情况：本年度未发生收费事项。",
      "本年度未收取政府信息公开处理费。",
      "依申请公开政府信息，未收取处理费用，也未发生信息公开收费。",
  };
  for (size_t i = 0; i < GI_COUNT_OF(reported); i++) {
    set_text(r, "s6", reported[i]);
    expect(r, NONE);
  }
  /* 处理费 about something else says nothing about the fee */
  const char *const silent[] = {"垃圾处理费标准已公示。", "本年度无其他事项。",
                                "污水处理费用已调整。政府信息公开工作稳步推进。"};
  for (size_t i = 0; i < GI_COUNT_OF(silent); i++) {
    set_text(r, "s6", silent[i]);
    expect(r, FINDINGS("sections.fee_statement /sections/5/text"));
  }
  govinfo_report_free(r);

  r = base_report("2019"); /* its section 六 already says only 无 */
  cr_assert_str_eq(govinfo_report_section_text(r, "s6"), "无。");
  expect(r, NONE);
  govinfo_report_free(r);
}

Test(validate, applications_dropped_for_unpaid_fees_need_the_fee_mentioned) {
  govinfo_report *r = base_report("2021");
  set_int(r, "table3.other_fee_unpaid.natural_person", 6);
  set_int(r, "table3.other_fee_unpaid.total", 6);
  set_int(r, "table3.new_received.natural_person", 6);
  set_int(r, "table3.new_received.total", 6);
  set_int(r, "table3.result_total.natural_person", 6);
  set_int(r, "table3.result_total.total", 6);
  set_text(r, "s6", "本年度收取信息处理费3940元。");
  expect(r, NONE);
  set_text(r, "s6", "无。");
  govinfo_diagnostics *d =
      findings(r, FINDINGS("sections.fee_statement /sections/5/text",
                           "sections.fee_unpaid" T3(other_fee_unpaid, total) " /sections/5/text"));
  cr_assert(strstr(govinfo_diagnostic_message(govinfo_diagnostics_at(d, 1)), "6"));
  govinfo_diagnostics_free(d);
  cr_assert_eq(govinfo_report_remove_section(r, "s6"), 0);
  expect(r,
         FINDINGS("sections.missing /sections", "sections.fee_unpaid" T3(other_fee_unpaid, total)));
  govinfo_report_free(r);
}

/* ---- publication date ---- */

Test(validate, a_report_published_before_the_year_ended_is_an_error) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    char date[32];
    snprintf(date, sizeof date, "%d-12-31", year_of(*f));
    set_published(r, date);
    govinfo_diagnostics *d = findings(r, FINDINGS("published.early /published"));
    cr_assert_eq(govinfo_diagnostic_severity(govinfo_diagnostics_at(d, 0)), GOVINFO_SEVERITY_ERROR);
    govinfo_diagnostics_free(d);
    snprintf(date, sizeof date, "%d-01-01", year_of(*f) + 1);
    set_published(r, date);
    expect(r, NONE);
    govinfo_report_free(r);
  }
}

static void expect_deadline(govinfo_report *r, const char *organ, const char *last_day,
                            const char *late) {
  cr_assert_eq(govinfo_report_set_organ(r, organ), 0);
  set_published(r, last_day);
  expect(r, NONE);
  set_published(r, late);
  expect(r, FINDINGS("published.late /published"));
}

Test(validate, late_publication_depends_on_who_publishes) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    int next = year_of(*f) + 1;
    char jan31[32], feb1[32], mar31[32], apr1[32];
    snprintf(jan31, sizeof jan31, "%d-01-31", next);
    snprintf(feb1, sizeof feb1, "%d-02-01", next);
    snprintf(mar31, sizeof mar31, "%d-03-31", next);
    snprintf(apr1, sizeof apr1, "%d-04-01", next);
    expect_deadline(r, "淮安市财政局", jan31, feb1);
    expect_deadline(r, "淮安市人民政府", mar31, apr1);
    expect_deadline(r, "绥滨镇人民\u3000政府 ", mar31, apr1);
    /* an organ not named yet gets the later deadline; meta.missing reports the organ */
    cr_assert_eq(govinfo_report_set_organ(r, NULL), 0);
    set_published(r, mar31);
    expect(r, FINDINGS("meta.missing /organ"));
    set_published(r, apr1);
    expect(r, FINDINGS("meta.missing /organ", "published.late /published"));
    govinfo_report_free(r);
  }
}

/* ---- years in the text ---- */

Test(validate, a_title_naming_another_year_is_warned_about) {
  FOR_EACH_FORMAT(f) {
    govinfo_report *r = base_report(*f);
    char title[128];
    snprintf(title, sizeof title, "淮安市人民政府%d 年政府信息公开工作年度报告", year_of(*f));
    cr_assert_eq(govinfo_report_set_title(r, title), 0);
    expect(r, NONE);
    snprintf(title, sizeof title, "淮安市人民政府%d年政府信息公开工作年度报告", year_of(*f) - 1);
    cr_assert_eq(govinfo_report_set_title(r, title), 0);
    expect(r, FINDINGS("text.year /title"));
    govinfo_report_free(r);
  }
}

Test(validate, a_reporting_period_naming_another_year_is_warned_about) {
  govinfo_report *r = base_report("2021");
  set_text(r, "s1", "本报告所列数据的统计期限自2024年1月1日至12月31日。");
  set_text(r, "s5", "2023年度报告中提出的问题已整改。"); /* other years are fine */
  expect(r, NONE);
  set_text(r, "s3", "专项行动自2023年3月1日至2023年12月31日开展。"); /* not the period */
  expect(r, NONE);
  set_text(r, "s1", "统计期限自 2023 年 1 月 1 日至 2023 年 12 月 31 日。");
  expect(r, FINDINGS("text.year /sections/0/text"));
  set_text(r, "s1", "自2024年1月1日至2023年12月31日。");
  expect(r, FINDINGS("text.year /sections/0/text"));
  set_text(r, "s1", "统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止。");
  expect(r, FINDINGS("text.year /sections/0/text"));
  set_text(r, "s1", "统计期限为２０２３年１月１日至１２月３１日。");
  govinfo_diagnostics *d = findings(r, FINDINGS("text.year /sections/0/text"));
  cr_assert(strstr(govinfo_diagnostic_message(govinfo_diagnostics_at(d, 0)),
                   "２０２３年１月１日至１２月３１日"));
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);

  r = base_report("2019");
  set_text(r, "s6", "统计期间为2020年1月1日至2020年12月31日。");
  expect(r, NONE);
  set_text(r, "s6", "统计期间为2019年1月1日至2019年12月31日。");
  expect(r, FINDINGS("text.year /sections/5/text"));
  govinfo_report_free(r);
}

Test(validate, a_sentence_about_the_year_before_left_in_is_warned_about) {
  govinfo_report *r = base_report("2021"); /* for 2024 */
  const char *const fine[] = {
      "2024年，本单位主动公开政府信息100条。",
      "较2023年，主动公开政府信息增长10%。",
      "2023年结转的申请已于本年办结，受理申请按时答复。",
      "2025年，我们将主动公开更多信息。",
      "2023年度报告中提出的问题已整改。",
      "本单位在2023年以来主动公开的基础上继续推进。",
      "联系电话0517-2023，主动公开。",
  };
  for (size_t i = 0; i < GI_COUNT_OF(fine); i++) {
    set_text(r, "s1", fine[i]);
    expect(r, NONE);
  }
  const char *const stale[] = {
      "本单位2023年度主动公开政府信息100条。",
      "（一）主动公开情况。2023 年，我区在政府网站平台主动公开政府信息 1136 条。",
      "我局２０２３年共受理政府信息公开申请21件。",
  };
  for (size_t i = 0; i < GI_COUNT_OF(stale); i++) {
    set_text(r, "s1", stale[i]);
    govinfo_diagnostics *d = findings(r, FINDINGS("text.year /sections/0/text"));
    const govinfo_diagnostic *x = govinfo_diagnostics_at(d, 0);
    cr_assert(strstr(govinfo_diagnostic_message(x), "2023年度"), "%s",
              govinfo_diagnostic_message(x));
    cr_assert(strstr(govinfo_diagnostic_message_en(x), "2023"));
    govinfo_diagnostics_free(d);
  }
  govinfo_report_free(r);

  /* located at the year, in the file */
  const char *doc =
      "format: \"2021\"\nyear: 2024\norgan: 某县人民政府\nsections:\n"
      "  - id: s1\n    text: |-\n      总体情况。\n      本单位2023年度主动公开政府信息。\n";
  cr_assert_eq(govinfo_report_parse(&r, doc, strlen(doc), GOVINFO_SYNTAX_YAML, "r.yaml"), 0);
  govinfo_diagnostics *d = NULL;
  govinfo_validate_options opts = GOVINFO_VALIDATE_OPTIONS_INIT;
  const char *const only[] = {"text.year", NULL};
  opts.enable = only;
  cr_assert_eq(govinfo_report_validate_with(&d, r, &opts), 0);
  cr_assert_eq(govinfo_diagnostics_count(d), 1);
  cr_assert_eq(govinfo_diagnostic_line(govinfo_diagnostics_at(d, 0)), 8);
  cr_assert_eq(govinfo_diagnostic_column(govinfo_diagnostics_at(d, 0)),
               7 + (unsigned)strlen("本单位"));
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}

Test(validate, the_preface_is_where_reports_usually_state_the_period) {
  govinfo_report *r = base_report("2021");
  cr_assert_eq(govinfo_report_set_preface(r, "报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 "
                                             "31 日。"),
               0);
  expect(r, NONE);
  cr_assert_eq(govinfo_report_set_preface(r, "本报告由区政府办编制。统计期限自2023年1月1日至2023年"
                                             "12月31日。"),
               0);
  govinfo_diagnostics *d = findings(r, FINDINGS("text.year /preface"));
  cr_assert(strstr(govinfo_diagnostic_message_en(govinfo_diagnostics_at(d, 0)), "the preface"));
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}

/* ---- order, locations and JSON ---- */

Test(validate, findings_follow_registry_order_then_table_row_column_order) {
  govinfo_report *r = base_report("2021");
  cr_assert_eq(govinfo_report_set_mark(r, "table2_art20_1.rules.repealed", "/"), 0);
  cr_assert_eq(govinfo_report_set_blank(r, "table3.granted.commercial"), 0);
  cr_assert_eq(govinfo_report_set_blank(r, "table2_art20_1.rules.made"), 0);
  set_int(r, "table2_art20_5.admin_license.decisions", -1);
  cr_assert_eq(govinfo_report_set_organ(r, NULL), 0);
  expect(r, FINDINGS("cell.negative /tables/table2_art20_5/admin_license/decisions",
                     "cell.blank /tables/table2_art20_1/rules/made",
                     "cell.blank" T3(granted, commercial),
                     "cell.mark /tables/table2_art20_1/rules/repealed", "meta.missing /organ"));
  govinfo_report_free(r);
}

static void locate(govinfo_report *r, const char *cell_id, unsigned line, unsigned column) {
  size_t t, row, col;
  cr_assert_eq(gi_cell_resolve(govinfo_report_format(r), cell_id, &t, &row, &col), 0);
  gi_report_cell(r, t, row, col)->loc = (gi_loc){line, column};
}

Test(validate, findings_are_located_where_their_first_path_was_read) {
  govinfo_report *r = base_report("2021");
  set_int(r, "table3.new_received.natural_person", 1);
  set_int(r, "table3.carry_forward.natural_person", 1);
  locate(r, "table3.new_received.total", 57, 9);
  locate(r, "table3.new_received.natural_person", 51, 9);
  r->year = 0;
  r->year_loc = (gi_loc){2, 7};
  cr_assert_eq(govinfo_report_remove_section(r, "s4"), 0);
  r->sections_loc = (gi_loc){9, 1};
  set_text(r, "s5", "无");
  r->sections[3].loc = (gi_loc){30, 5};
  govinfo_diagnostics *d =
      findings(r, FINDINGS("table3.row_total" T3(new_received, total) APPLICANTS(new_received),
                           "table3.row_total" T3(carry_forward, total) APPLICANTS(carry_forward),
                           "meta.missing /year", "sections.missing /sections",
                           "sections.problems_empty /sections/3/text"));
  const unsigned where[][2] = {{57, 9}, {0, 0}, {2, 7}, {9, 1}, {30, 5}};
  for (size_t i = 0; i < GI_COUNT_OF(where); i++) {
    const govinfo_diagnostic *x = govinfo_diagnostics_at(d, i);
    cr_assert_eq(govinfo_diagnostic_line(x), where[i][0], "finding %zu", i);
    cr_assert_eq(govinfo_diagnostic_column(x), where[i][1], "finding %zu", i);
    cr_assert_str_eq(govinfo_diagnostic_file(x), "", "built in memory");
  }
  govinfo_diagnostics_free(d);

  cr_assert_eq(gi_report_set_origin(r, "report.yaml"), 0);
  d = validate(r);
  cr_assert_str_eq(govinfo_diagnostic_file(govinfo_diagnostics_at(d, 0)), "report.yaml");
  govinfo_report_free(r); /* the list keeps its own copy of the file name */
  cr_assert_str_eq(govinfo_diagnostic_file(govinfo_diagnostics_at(d, 4)), "report.yaml");
  govinfo_diagnostics_free(d);
}

Test(validate, metadata_findings_are_located_at_their_keys) {
  govinfo_report *r = base_report("2021");
  cr_assert_eq(gi_report_set_origin(r, "report.json"), 0);
  cr_assert_eq(govinfo_report_set_year(r, 2020), 0);
  r->format_loc = (gi_loc){2, 13};
  set_published(r, "2020-06-01");
  r->meta_loc[GI_META_PUBLISHED] = (gi_loc){6, 16};
  cr_assert_eq(govinfo_report_set_title(r, "2019年政府信息公开工作年度报告"), 0);
  r->meta_loc[GI_META_TITLE] = (gi_loc){5, 12};
  cr_assert_eq(govinfo_report_set_section(r, "s3", "三、申请情况", "见下表。"), 0);
  r->sections[2].loc = (gi_loc){20, 5};
  govinfo_diagnostics *d =
      findings(r, FINDINGS("format.year /format", "sections.title /sections/2/title",
                           "published.early /published", "text.year /title"));
  const unsigned where[][2] = {{2, 13}, {20, 5}, {6, 16}, {5, 12}};
  for (size_t i = 0; i < GI_COUNT_OF(where); i++) {
    const govinfo_diagnostic *x = govinfo_diagnostics_at(d, i);
    cr_assert_str_eq(govinfo_diagnostic_file(x), "report.json");
    cr_assert_eq(govinfo_diagnostic_line(x), where[i][0], "finding %zu", i);
    cr_assert_eq(govinfo_diagnostic_column(x), where[i][1], "finding %zu", i);
  }
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}

static const cJSON *item(const cJSON *obj, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  cr_assert_not_null(v, "no key \"%s\"", key);
  return v;
}

Test(validate, diagnostics_as_json_have_the_documented_shape) {
  govinfo_report *r = base_report("2021");
  cr_assert_eq(gi_report_set_origin(r, "report.yaml"), 0);
  set_int(r, "table3.new_received.natural_person", 21);
  set_int(r, "table3.new_received.total", 21);
  set_int(r, "table3.granted.natural_person", 20);
  set_int(r, "table3.granted.total", 20);
  set_int(r, "table3.result_total.natural_person", 20);
  set_int(r, "table3.result_total.total", 20);
  locate(r, "table3.result_total.natural_person", 57, 9);
  cr_assert_eq(govinfo_report_set_blank(r, "table4.review.other"), 0);
  govinfo_diagnostics *d = validate(r);
  char *text = NULL;
  size_t len = 0;
  cr_assert_eq(govinfo_diagnostics_to_json(&text, &len, d), 0);
  cr_assert_eq(len, strlen(text));
  cJSON *root = cJSON_Parse(text);
  cr_assert_not_null(root, "%s", text);
  cr_assert(cJSON_IsFalse(item(root, "valid")));
  cr_assert_eq(item(root, "errors")->valueint, 2);
  cr_assert_eq(item(root, "warnings")->valueint, 1);
  cr_assert_eq(item(root, "notes")->valueint, 0);
  const cJSON *list = item(root, "diagnostics");
  cr_assert_eq(cJSON_GetArraySize(list), 3);

  const cJSON *first = cJSON_GetArrayItem(list, 0);
  cr_assert_str_eq(item(first, "rule")->valuestring, "table3.balance");
  cr_assert_str_eq(item(first, "severity")->valuestring, "error");
  cr_assert_eq(cJSON_GetArraySize(item(first, "paths")), 4);
  cr_assert_str_eq(cJSON_GetArrayItem(item(first, "paths"), 0)->valuestring,
                   "/tables/table3/result_total/natural_person");
  cr_assert_str_eq(item(first, "message")->valuestring,
                   govinfo_diagnostic_message(govinfo_diagnostics_at(d, 0)));
  cr_assert(cJSON_IsString(item(first, "message_en")));
  cr_assert_str_eq(item(first, "expected")->valuestring, "21");
  cr_assert_str_eq(item(first, "actual")->valuestring, "20");
  cr_assert_str_eq(item(first, "file")->valuestring, "report.yaml");
  cr_assert_eq(item(first, "line")->valueint, 57);
  cr_assert_eq(item(first, "column")->valueint, 9);

  const cJSON *second = cJSON_GetArrayItem(list, 1); /* total column: no location */
  cr_assert(cJSON_IsNull(item(second, "line")));
  cr_assert(cJSON_IsNull(item(second, "column")));
  const cJSON *blank = cJSON_GetArrayItem(list, 2);
  cr_assert_str_eq(item(blank, "severity")->valuestring, "warning");
  cr_assert(cJSON_IsNull(item(blank, "expected")));
  cr_assert(cJSON_IsNull(item(blank, "actual")));
  cJSON_Delete(root);
  govinfo_free(text);
  govinfo_diagnostics_free(d);

  /* in memory, with nothing to find */
  govinfo_report *clean = base_report("2019");
  d = validate(clean);
  cr_assert_eq(govinfo_diagnostics_to_json(&text, NULL, d), 0);
  root = cJSON_Parse(text);
  cr_assert(cJSON_IsTrue(item(root, "valid")));
  cr_assert_eq(cJSON_GetArraySize(item(root, "diagnostics")), 0);
  cJSON_Delete(root);
  govinfo_free(text);
  govinfo_diagnostics_free(d);
  govinfo_report_free(clean);

  /* file null when built in memory */
  cr_assert_eq(gi_report_set_origin(r, NULL), 0);
  d = validate(r);
  cr_assert_eq(govinfo_diagnostics_to_json(&text, NULL, d), 0);
  root = cJSON_Parse(text);
  cr_assert(cJSON_IsNull(item(cJSON_GetArrayItem(item(root, "diagnostics"), 0), "file")));
  cJSON_Delete(root);
  govinfo_free(text);
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}

/* A third format version: the validator reads it like the others, with no code of its own. */
Test(validate, a_new_format_version_is_validated_from_its_data_alone) {
  govinfo_report *r = base_report("2021");
  struct govinfo_format next = *govinfo_report_format(r);
  next.id = "2030";
  next.first_year = 2030;
  next.identities = &gi_format_2021.identities[3]; /* table 4 only */
  next.nidentities = 1;
  next.rule_params = NULL; /* no text rules */
  next.nrule_params = 0;
  r->format = &next;
  cr_assert_eq(govinfo_report_set_year(r, 2030), 0);
  set_published(r, "2031-01-20");
  set_int(r, "table3.new_received.natural_person", 5); /* no table-3 identities in 2030 */
  set_int(r, "table4.review.upheld", 1);
  set_text(r, "s5", "无");
  set_text(r, "s6", "无");
  expect(r, FINDINGS("table4.row_total /tables/table4/review/total /tables/table4/review/upheld "
                     "/tables/table4/review/corrected /tables/table4/review/other "
                     "/tables/table4/review/pending"));
  r->format = &gi_format_2021;
  govinfo_report_free(r);
}

/* ---- every line of every identity, driven by the format data ---- */

/* Number of findings of `rule` and, through *first_path, the first path of the last one. */
static size_t count_rule(const govinfo_diagnostics *list, const char *rule, const char **first) {
  size_t n = 0;
  for (size_t i = 0; i < govinfo_diagnostics_count(list); i++) {
    const govinfo_diagnostic *d = govinfo_diagnostics_at(list, i);
    if (strcmp(govinfo_diagnostic_rule(d), rule) != 0) continue;
    *first = govinfo_diagnostic_path_at(d, 0);
    n++;
  }
  return n;
}

/* Puts 1 into the first total cell of one line (a column, or a row) of an identity and
 * expects exactly one finding of its rule, located at that cell. */
static void expect_line_checked(const char *format_id, const gi_identity *id, const char *row,
                                const char *column) {
  govinfo_report *r = base_report(format_id);
  char cell[160], pointer[200];
  snprintf(cell, sizeof cell, "%s.%s.%s", id->table, row, column);
  snprintf(pointer, sizeof pointer, "/tables/%s/%s/%s", id->table, row, column);
  set_int(r, cell, 1);
  govinfo_diagnostics *list = validate(r);
  const char *rule = govinfo_rule_id(govinfo_rule_at(id->rule)), *first = NULL;
  size_t n = count_rule(list, rule, &first);
  cr_assert_eq(n, 1, "%s: %zu findings of %s after setting %s", format_id, n, rule, cell);
  cr_assert_str_eq(first, pointer, "%s %s", format_id, rule);
  govinfo_diagnostics_free(list);
  govinfo_report_free(r);
}

Test(validate, every_column_and_every_row_of_every_identity_is_checked) {
  FOR_EACH_FORMAT(f) {
    const struct govinfo_format *format = govinfo_format_find(*f);
    for (size_t i = 0; i < format->nidentities; i++) {
      const gi_identity *id = &format->identities[i];
      const struct govinfo_table *t = govinfo_format_table_find(format, id->table);
      if (id->axis == GI_EACH_COLUMN) {
        for (size_t c = 0; c < t->ncolumns; c++)
          expect_line_checked(*f, id, id->totals[0], t->columns[c].id);
      } else {
        for (size_t row = 0; row < t->nrows; row++)
          if (t->rows[row].role == GOVINFO_ROW_DATA)
            expect_line_checked(*f, id, t->rows[row].id, id->totals[0]);
      }
    }
  }
}

/* The results total breaks 明细合计 too: the finding names it as the figure most likely wrong
 * when its details' sum would satisfy both, and says so otherwise (issue 12). */
Test(validate, balance_names_the_figure_most_likely_wrong) {
  govinfo_report *r = base_report("2021");
  set_int(r, "table3.new_received.natural_person", 21);
  set_int(r, "table3.new_received.total", 21);
  set_int(r, "table3.granted.natural_person", 21);
  set_int(r, "table3.granted.total", 21);
  set_int(r, "table3.result_total.natural_person", 22); /* the details say 21 */
  set_int(r, "table3.result_total.total", 22);
  govinfo_diagnostics *d;
  cr_assert_eq(govinfo_report_validate(&d, r), GOVINFO_OK);
  const govinfo_diagnostic *balance = NULL;
  for (size_t i = 0; i < govinfo_diagnostics_count(d) && !balance; i++)
    if (strcmp(govinfo_diagnostic_rule(govinfo_diagnostics_at(d, i)), "table3.balance") == 0)
      balance = govinfo_diagnostics_at(d, i);
  cr_assert_not_null(balance);
  cr_assert(strstr(govinfo_diagnostic_message_en(balance),
                   ". Most likely result_total (22) is wrong: its detail rows add up to 21, "
                   "which satisfies both") != NULL,
            "%s", govinfo_diagnostic_message_en(balance));
  cr_assert(strstr(govinfo_diagnostic_message(balance), "最可能错的是“（七）总计”（22）") != NULL,
            "%s", govinfo_diagnostic_message(balance));
  govinfo_diagnostics_free(d);
  /* new received is wrong as well: fixing the total alone would not balance */
  set_int(r, "table3.new_received.natural_person", 25);
  set_int(r, "table3.new_received.total", 25);
  cr_assert_eq(govinfo_report_validate(&d, r), GOVINFO_OK);
  balance = NULL;
  for (size_t i = 0; i < govinfo_diagnostics_count(d) && !balance; i++)
    if (strcmp(govinfo_diagnostic_rule(govinfo_diagnostics_at(d, i)), "table3.balance") == 0)
      balance = govinfo_diagnostics_at(d, i);
  cr_assert_not_null(balance);
  cr_assert(strstr(govinfo_diagnostic_message_en(balance), "check the detail rows first") != NULL,
            "%s", govinfo_diagnostic_message_en(balance));
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}
