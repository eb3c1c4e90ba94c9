/* The narrative against the tables (narrative.* rules): every statement both ways, the
 * sentences that must never be read as a table figure, Chinese numerals, the blank-total
 * fallback, percentages, and where in the file a finding is located. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "validate/prose.h"

/* ---- a consistent report ---- */

static void set_int(govinfo_report *r, const char *cell_id, int64_t v) {
  cr_assert_eq(govinfo_report_set_int(r, cell_id, v), 0, "%s: %s", cell_id,
               govinfo_error_last()->message);
}

/* Every data cell 0, then the figures below in the natural_person (or first) column and the
 * total: 100 received + 10 carried over = 95 handled + 15 carried forward. */
static govinfo_report *report_of(const char *format_id) {
  bool v2019 = strcmp(format_id, "2019") == 0;
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new_template(&r, format_id, v2019 ? 2020 : 2024, "某县人民政府"), 0);
  test_zero_every_data_cell(r);
  static const struct {
    const char *row;
    int64_t v;
  } t3[] = {{"new_received", 100},     {"carried_over", 10},       {"granted", 40},
            {"partially_granted", 20}, {"denied_state_secret", 5}, {"unable_not_held", 10},
            {"np_duplicate", 5},       {"result_total", 95},       {"carry_forward", 15}};
  for (size_t i = 0; i < GI_COUNT_OF(t3); i++) {
    char id[128];
    snprintf(id, sizeof id, "table3.%s.natural_person", t3[i].row);
    set_int(r, id, t3[i].v);
    snprintf(id, sizeof id, "table3.%s.total", t3[i].row);
    set_int(r, id, t3[i].v);
  }
  const char *other = v2019 ? "other_processing" : "other_other";
  char id[128];
  snprintf(id, sizeof id, "table3.%s.natural_person", other);
  set_int(r, id, 15);
  snprintf(id, sizeof id, "table3.%s.total", other);
  set_int(r, id, 15);
  static const struct {
    const char *cell;
    int64_t v;
  } t4[] = {{"review.upheld", 3},
            {"review.corrected", 2},
            {"review.other", 1},
            {"review.pending", 1},
            {"review.total", 7},
            {"litigation_direct.upheld", 2},
            {"litigation_direct.corrected", 1},
            {"litigation_direct.pending", 1},
            {"litigation_direct.total", 4},
            {"litigation_after_review.upheld", 1},
            {"litigation_after_review.total", 1}};
  for (size_t i = 0; i < GI_COUNT_OF(t4); i++) {
    snprintf(id, sizeof id, "table4.%s", t4[i].cell);
    set_int(r, id, t4[i].v);
  }
  if (!v2019) {
    set_int(r, "table2_art20_1.rules.made", 1);
    set_int(r, "table2_art20_1.rules.valid", 11);
    set_int(r, "table2_art20_1.normative_docs.made", 8);
    set_int(r, "table2_art20_1.normative_docs.repealed", 26);
    set_int(r, "table2_art20_1.normative_docs.valid", 66);
  }
  return r;
}

/* ---- the findings of one sentence ---- */

static const char *const narrative_rules[] = {"narrative.received",   "narrative.carried_over",
                                              "narrative.handled",    "narrative.carried_forward",
                                              "narrative.result",     "narrative.review",
                                              "narrative.litigation", "narrative.documents",
                                              "narrative.share",      NULL};

static govinfo_diagnostics *narrative_findings(const govinfo_report *r) {
  govinfo_validate_options opts = GOVINFO_VALIDATE_OPTIONS_INIT;
  opts.enable = narrative_rules;
  govinfo_diagnostics *d = NULL;
  cr_assert_eq(govinfo_report_validate_with(&d, r, &opts), 0, "%s", govinfo_error_last()->message);
  return d;
}

/* Sets section 一 to `text` and expects exactly one finding of `rule` whose paths, after
 * the text, are `cells` and whose values are the table's and the text's. */
static void expect_one(govinfo_report *r, const char *text, const char *rule, const char *cells,
                       const char *table, const char *said) {
  cr_assert_eq(govinfo_report_set_section(r, "s1", NULL, text), 0);
  govinfo_diagnostics *d = narrative_findings(r);
  char all[8192], want[1024];
  test_describe_findings(d, all, sizeof all);
  snprintf(want, sizeof want, "%s /sections/0/text%s", rule, cells);
  cr_assert_str_eq(all, want, "%s", text);
  const govinfo_diagnostic *x = govinfo_diagnostics_at(d, 0);
  cr_assert_str_eq(govinfo_diagnostic_expected(x), table, "%s", text);
  cr_assert_str_eq(govinfo_diagnostic_actual(x), said, "%s", text);
  cr_assert_eq(govinfo_diagnostic_severity(x), GOVINFO_SEVERITY_WARNING);
  cr_assert_neq(govinfo_diagnostic_message(x)[0], '\0');
  cr_assert_neq(govinfo_diagnostic_message_en(x)[0], '\0');
  govinfo_diagnostics_free(d);
}

static void expect_none(govinfo_report *r, const char *text) {
  cr_assert_eq(govinfo_report_set_section(r, "s1", NULL, text), 0);
  govinfo_diagnostics *d = narrative_findings(r);
  char all[8192];
  test_describe_findings(d, all, sizeof all);
  cr_assert_eq(govinfo_diagnostics_count(d), 0, "%s\n%s", text, all);
  govinfo_diagnostics_free(d);
}

/* A statement: silent as printed, found with the number changed. */
typedef struct statement_case {
  const char *right, *wrong;
  const char *rule, *cells, *table, *said;
} statement_case;

#define P3(row) " /tables/table3/" row "/total"
#define P4(row, col) " /tables/table4/" row "/" col
#define PLIT(col) P4("litigation_direct", col) P4("litigation_after_review", col)

static const statement_case cases_both[] = {
    {"全年共受理政府信息公开申请100件，均在法定期限内答复。",
     "全年共受理政府信息公开申请101件，均在法定期限内答复。", "narrative.received",
     P3("new_received"), "100", "101"},
    {"本年新收政府信息公开申请一百件。", "本年新收政府信息公开申请一百零一件。",
     "narrative.received", P3("new_received"), "100", "101"},
    {"收到政府信息公开申请110件（含上年结转10件）。",
     "收到政府信息公开申请100件（含上年结转10件）。", "narrative.received",
     P3("new_received") P3("carried_over"), "110", "100"},
    {"上年结转政府信息公开申请10件。", "上年度结转政府信息公开申请十二件。",
     "narrative.carried_over", P3("carried_over"), "10", "12"},
    {"共办结政府信息公开申请95件。", "共办结政府信息公开申请九十件。", "narrative.handled",
     P3("result_total"), "95", "90"},
    {"受理申请100件，答复95件，另有15件顺延到下年度答复。",
     "受理申请100件，答复95件，另有16件顺延到下年度答复。", "narrative.carried_forward",
     P3("carry_forward"), "15", "16"},
    {"办结申请95件，结转下年度继续办理15件。", "办结申请95件，结转下年度继续办理5件。",
     "narrative.carried_forward", P3("carry_forward"), "15", "5"},
    {"办理结果中，予以公开40件。", "办理结果中，予以公开41件。", "narrative.result", P3("granted"),
     "40", "41"},
    {"申请中部分公开二十件。", "申请中部分公开二十二件。", "narrative.result",
     P3("partially_granted"), "20", "22"},
    {"办结申请95件，其中予以公开及部分公开60件。", "办结申请95件，其中予以公开及部分公开50件。",
     "narrative.result", P3("granted") P3("partially_granted"), "60", "50"},
    {"答复的申请中，予以公开、部分公开共60件。", "答复的申请中，予以公开、部分公开共61件。",
     "narrative.result", P3("granted") P3("partially_granted"), "60", "61"},
    {"申请中不予公开5件。", "申请中不予公开6件。", "narrative.result",
     " /tables/table3/denied_state_secret/total /tables/table3/denied_law_prohibited/total "
     "/tables/table3/denied_three_safety_one_stability/total "
     "/tables/table3/denied_third_party_rights/total /tables/table3/denied_internal_affairs/total "
     "/tables/table3/denied_process_info/total /tables/table3/denied_enforcement_file/total "
     "/tables/table3/denied_admin_query/total",
     "5", "6"},
    {"申请中无法提供十件。", "申请中无法提供十一件。", "narrative.result",
     " /tables/table3/unable_not_held/total /tables/table3/unable_need_creation/total "
     "/tables/table3/unable_unclear_after_correction/total",
     "10", "11"},
    {"被申请行政复议7件。", "被申请行政复议8件。", "narrative.review", P4("review", "total"), "7",
     "8"},
    {"收到行政复议申请7件。", "收到行政复议申请9件。", "narrative.review", P4("review", "total"),
     "7", "9"},
    {"行政复议7件，其中结果维持3件，结果纠正2件。", "行政复议7件，其中结果维持4件，结果纠正2件。",
     "narrative.review", P4("review", "upheld"), "3", "4"},
    {"行政复议7件，其中其他结果1件，尚未审结1件。", "行政复议7件，其中其他结果1件，尚未审结2件。",
     "narrative.review", P4("review", "pending"), "1", "2"},
    {"被提起行政诉讼5件。", "被提起行政诉讼6件。", "narrative.litigation", PLIT("total"), "5", "6"},
    {"行政复议7件，诉讼5件，其中维持3件。", "行政复议7件，诉讼5件，其中维持2件。",
     "narrative.litigation", PLIT("upheld"), "3", "2"},
    {"行政诉讼5件，其中结果纠正1件。", "行政诉讼5件，其中结果纠正3件。", "narrative.litigation",
     PLIT("corrected"), "1", "3"},
    {"未经复议直接起诉4件。", "未经复议直接起诉3件。", "narrative.litigation",
     P4("litigation_direct", "total"), "4", "3"},
    {"行政诉讼（复议后起诉）1件。", "行政诉讼（复议后起诉）2件。", "narrative.litigation",
     P4("litigation_after_review", "total"), "1", "2"},
    {"办结申请中予以公开40件，占42.1%。", "办结申请中予以公开40件，占40.0%。", "narrative.share",
     P3("result_total"), "42.1", "40.0"},
    {"答复中部分公开20件，占比21%。", "答复中部分公开20件，占比25%。", "narrative.share",
     P3("result_total"), "21", "25"},
    {"行政复议7件，其中结果维持3件，占42.86%。", "行政复议7件，其中结果维持3件，占50%。",
     "narrative.share", P4("review", "total"), "43", "50"},
};

static const statement_case cases_2021[] = {
    {"申请中其他处理15件。", "申请中其他处理14件。", "narrative.result",
     " /tables/table3/other_overdue_no_correction/total /tables/table3/other_fee_unpaid/total "
     "/tables/table3/other_other/total",
     "15", "14"},
    {"本年制发规章1件。", "本年制发规章2件。", "narrative.documents",
     " /tables/table2_art20_1/rules/made", "1", "2"},
    {"全年废止行政规范性文件26件。", "全年废止行政规范性文件25件。", "narrative.documents",
     " /tables/table2_art20_1/normative_docs/repealed", "26", "25"},
    {"清理规范性文件100件，其中废止26件。", "清理规范性文件100件，其中废止20件。",
     "narrative.documents", " /tables/table2_art20_1/normative_docs/repealed", "26", "20"},
    {"截至年底，现行有效规章11件。", "截至年底，现行有效规章12件。", "narrative.documents",
     " /tables/table2_art20_1/rules/valid", "11", "12"},
};

static void run_cases(const char *format_id, const statement_case *cases, size_t n) {
  govinfo_report *r = report_of(format_id);
  for (size_t i = 0; i < n; i++) {
    expect_none(r, cases[i].right);
    const statement_case *c = &cases[i];
    expect_one(r, c->wrong, c->rule, c->cells, c->table, c->said);
  }
  govinfo_report_free(r);
}

Test(narrative, every_statement_is_silent_as_printed_and_found_when_changed) {
  run_cases("2021", cases_both, GI_COUNT_OF(cases_both));
  run_cases("2021", cases_2021, GI_COUNT_OF(cases_2021));
  run_cases("2019", cases_both, GI_COUNT_OF(cases_both));
}

Test(narrative, the_2019_format_reads_other_processing_as_its_own_row) {
  govinfo_report *r = report_of("2019");
  expect_none(r, "申请中其他处理15件。");
  expect_one(r, "申请中其他处理16件。", "narrative.result", P3("other_processing"), "15", "16");
  /* 2019's table 二 has no documents made, repealed or in force */
  expect_none(r, "本年制发规章9件。");
  govinfo_report_free(r);
}

/* Sentences of real reports that give no table figure: each names a number the tables do
 * not hold, so any of them read as a figure would be a finding. */
static const char *const must_not_fire[] = {
    "主动公开政府信息160条。",
    "主动公开政府信息160件。",
    "全年制作政策解读132件。",
    "受理申请较去年回落12.3%。",
    "受理政府信息公开申请较去年增加12件。",
    "共受理政府信息公开申请100件，其中网上申请60件，当场答复20件，自然人申请80件。",
    "其中受理网上申请60件。",
    "2023年受理政府信息公开申请80件。",
    "二〇二三年受理政府信息公开申请80件。",
    "去年受理政府信息公开申请80件，今年受理100件。",
    "3月5日收到政府信息公开申请1件。",
    "1至6月受理政府信息公开申请50件。",
    "1-6月受理政府信息公开申请50件。",
    "根据《关于规范政府信息公开工作的通知》（淮政办发〔2024〕3号）印发文件。",
    "联系电话：0517-87222589，受理政府信息公开申请。",
    "区政府办代表区政府受理政府信息公开申请17件，均已答复。",
    "受理政府信息公开申请约120件。",
    "受理政府信息公开申请120余件。",
    "受理政府信息公开申请120多件。",
    "受理政府信息公开申请120件以上。",
    "受理政府信息公开申请上千件。",
    "受理政府信息公开申请数十件。",
    "做到受理一件、办结一件。",
    "累计受理政府信息公开申请500件。",
    "受理并办结政府信息公开申请21件。",
    "行政复议和行政诉讼共9件。",
    "全年结转3件。",
    "市政府及市政府办政策性文件11件。",
    "认真办理每件申请，第3件申请当日答复。",
    "维持良好秩序3件。",
    "2024年全市在运维政务新媒体共计95个，合格率均为100%。",
    "办结的申请中，予以公开40件，占受理总数的37.5%。",
};

Test(narrative, sentences_that_give_no_table_figure_are_never_compared) {
  const char *formats[] = {"2019", "2021"};
  for (size_t f = 0; f < 2; f++) {
    govinfo_report *r = report_of(formats[f]);
    for (size_t i = 0; i < GI_COUNT_OF(must_not_fire); i++) expect_none(r, must_not_fire[i]);
    govinfo_report_free(r);
  }
}

Test(narrative, a_blank_total_is_compared_with_the_sum_of_the_applicant_columns) {
  govinfo_report *r = report_of("2021");
  cr_assert_eq(govinfo_report_set_blank(r, "table3.new_received.total"), 0);
  expect_none(r, "全年共受理政府信息公开申请100件。");
  cr_assert_eq(govinfo_report_set_section(r, "s1", NULL, "全年共受理政府信息公开申请99件。"), 0);
  govinfo_diagnostics *d = narrative_findings(r);
  cr_assert_eq(govinfo_diagnostics_count(d), 1);
  const govinfo_diagnostic *x = govinfo_diagnostics_at(d, 0);
  cr_assert_str_eq(govinfo_diagnostic_rule(x), "narrative.received");
  cr_assert_str_eq(govinfo_diagnostic_expected(x), "100");
  cr_assert(strstr(govinfo_diagnostic_message(x), "六类申请人之和"), "%s",
            govinfo_diagnostic_message(x));
  cr_assert(strstr(govinfo_diagnostic_message_en(x), "six applicant columns"));
  cr_assert_str_eq(govinfo_diagnostic_path_at(x, 1), "/tables/table3/new_received/natural_person");
  govinfo_diagnostics_free(d);
  /* a figure that cannot be read at all is not compared */
  cr_assert_eq(govinfo_report_set_blank(r, "table3.new_received.commercial"), 0);
  expect_none(r, "全年共受理政府信息公开申请99件。");
  govinfo_report_free(r);
}

Test(narrative, chinese_numerals_are_read) {
  static const struct {
    const char *text;
    int64_t value;
  } ok[] = {{"二十三", 23},      {"一百零五", 105},  {"两千", 2000}, {"十五", 15},
            {"一万二千", 12000}, {"二〇二三", 2023}, {"三百", 300},  {"九", 9}};
  for (size_t i = 0; i < GI_COUNT_OF(ok); i++) {
    int64_t v = -1;
    cr_assert(gi_chinese_numeral(ok[i].text, strlen(ok[i].text), &v), "%s", ok[i].text);
    cr_assert_eq(v, ok[i].value, "%s: %lld", ok[i].text, (long long)v);
  }
  const char *bad[] = {"百", "千", "二三十", "二百三千", "一万二万", "", "件"};
  for (size_t i = 0; i < GI_COUNT_OF(bad); i++) {
    int64_t v;
    cr_assert_not(gi_chinese_numeral(bad[i], strlen(bad[i]), &v), "%s", bad[i]);
  }
  gi_prose_number n;
  const char *text = "受理申请 3,119 件";
  cr_assert(gi_number_before(text, strstr(text, "件"), &n));
  cr_assert_eq(n.value, 3119);
  text = "受理申请１２件";
  cr_assert(gi_number_before(text, strstr(text, "件"), &n));
  cr_assert_eq(n.value, 12);
  text = "约1.5件";
  cr_assert_not(gi_number_before(text, strstr(text, "件"), &n));
}

Test(narrative, figures_of_the_fixtures_and_examples_agree_with_their_tables) {
  const char *files[] = {
      "examples/reports/huaian-2024.yaml",           "examples/reports/suibin-2020.yaml",
      "tests/data/fixtures/huaian-city-2024.yaml",   "tests/data/fixtures/huaian-hongze-2023.yaml",
      "tests/data/fixtures/huaian-hongze-2024.yaml", "tests/data/fixtures/suibin-2020.yaml"};
  for (size_t i = 0; i < GI_COUNT_OF(files); i++) {
    govinfo_report *r = test_load(files[i]);
    govinfo_diagnostics *d = narrative_findings(r);
    char all[4096];
    test_describe_findings(d, all, sizeof all);
    cr_assert_eq(govinfo_diagnostics_count(d), 0, "%s:\n%s", files[i], all);
    govinfo_diagnostics_free(d);
    govinfo_report_free(r);
  }
}

/* The 淮安市 report states fourteen figures in one paragraph: each is read, each is right. */
Test(narrative, every_figure_of_the_huaian_paragraph_is_read) {
  static const char *const cells[] = {"table3.new_received.total",
                                      "table3.carried_over.total",
                                      "table3.result_total.total",
                                      "table3.carry_forward.total",
                                      "table4.review.total",
                                      "table4.review.upheld",
                                      "table4.review.corrected",
                                      "table4.review.other",
                                      "table4.review.pending",
                                      "table4.litigation_direct.total",
                                      "table4.litigation_direct.upheld",
                                      "table4.litigation_direct.corrected",
                                      "table4.litigation_direct.other",
                                      "table4.litigation_direct.pending"};
  for (size_t i = 0; i < GI_COUNT_OF(cells); i++) {
    govinfo_report *r = test_load("tests/data/fixtures/huaian-city-2024.yaml");
    int64_t v;
    cr_assert_eq(govinfo_report_get_int(r, cells[i], &v), 0);
    set_int(r, cells[i], v + 1);
    govinfo_diagnostics *d = narrative_findings(r);
    cr_assert_eq(govinfo_diagnostics_count(d), 1, "%s", cells[i]);
    govinfo_diagnostics_free(d);
    govinfo_report_free(r);
  }
}

/* ---- where a finding is located ---- */

static const govinfo_diagnostic *only_finding(govinfo_diagnostics **d, const char *doc) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_parse(&r, doc, strlen(doc), GOVINFO_SYNTAX_AUTO, "doc"), 0, "%s",
               govinfo_error_last()->message);
  *d = narrative_findings(r);
  govinfo_report_free(r);
  cr_assert_eq(govinfo_diagnostics_count(*d), 1);
  return govinfo_diagnostics_at(*d, 0);
}

#define TABLE3_YAML "tables:\n  table3:\n    new_received:\n      total: 100\n"

Test(narrative, findings_point_at_the_number_in_the_file) {
  govinfo_diagnostics *d;
  /* a block literal: the line of the text and the column of the number */
  const govinfo_diagnostic *x = only_finding(
      &d, "format: \"2021\"\nyear: 2024\nsections:\n  - id: s1\n    text: |-\n      第一行。\n"
          "      全年受理政府信息公开申请 99 件。\n" TABLE3_YAML);
  cr_assert_eq(govinfo_diagnostic_line(x), 7);
  cr_assert_eq(govinfo_diagnostic_column(x), 7 + (unsigned)strlen("全年受理政府信息公开申请 "));
  govinfo_diagnostics_free(d);
  /* a quoted line */
  x = only_finding(&d, "format: \"2021\"\nyear: 2024\nsections:\n  - id: s1\n    text: "
                       "\"受理申请99件\"\n" TABLE3_YAML);
  cr_assert_eq(govinfo_diagnostic_line(x), 5);
  cr_assert_eq(govinfo_diagnostic_column(x), 12 + (unsigned)strlen("受理申请"));
  govinfo_diagnostics_free(d);
  /* JSON with escapes before the number */
  x = only_finding(&d, "{\"format\": \"2021\", \"year\": 2024, \"sections\": [{\"id\": \"s1\", "
                       "\"text\": \"一\\n\\\"二\\\"受理申请99件\"}], \"tables\": {\"table3\": "
                       "{\"new_received\": {\"total\": 100}}}}");
  cr_assert_eq(govinfo_diagnostic_line(x), 1);
  const char *json_text = "{\"format\": \"2021\", \"year\": 2024, \"sections\": [{\"id\": \"s1\", "
                          "\"text\": \"一\\n\\\"二\\\"受理申请";
  cr_assert_eq(govinfo_diagnostic_column(x), (unsigned)strlen(json_text) + 1);
  govinfo_diagnostics_free(d);
  /* a \u escape: only the start of the text is known for sure */
  x = only_finding(&d, "{\"format\": \"2021\", \"year\": 2024, \"sections\": [{\"id\": \"s1\", "
                       "\"text\": \"\\u4e00受理申请99件\"}], \"tables\": {\"table3\": "
                       "{\"new_received\": {\"total\": 100}}}}");
  cr_assert_eq(govinfo_diagnostic_column(x),
               1 + (unsigned)strlen("{\"format\": \"2021\", \"year\": "
                                    "2024, \"sections\": [{\"id\": "
                                    "\"s1\", \"text\": "));
  govinfo_diagnostics_free(d);
  /* a folded block: its start */
  x = only_finding(&d, "format: \"2021\"\nyear: 2024\nsections:\n  - id: s1\n    text: >-\n"
                       "      受理申请\n      99件\n" TABLE3_YAML);
  cr_assert_eq(govinfo_diagnostic_line(x), 5);
  cr_assert_eq(govinfo_diagnostic_column(x), 11);
  govinfo_diagnostics_free(d);
}

Test(narrative, text_set_through_the_api_has_no_location) {
  govinfo_report *r = report_of("2021");
  cr_assert_eq(govinfo_report_set_section(r, "s1", NULL, "受理政府信息公开申请99件。"), 0);
  govinfo_diagnostics *d = narrative_findings(r);
  cr_assert_eq(govinfo_diagnostics_count(d), 1);
  cr_assert_eq(govinfo_diagnostic_line(govinfo_diagnostics_at(d, 0)), 0);
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}

Test(narrative, disabled_rules_are_not_reported_and_the_others_still_are) {
  govinfo_report *r = report_of("2021");
  cr_assert_eq(govinfo_report_set_section(r, "s1", NULL,
                                          "受理政府信息公开申请99件，办结90件，予以公开41件。"),
               0);
  govinfo_validate_options opts = GOVINFO_VALIDATE_OPTIONS_INIT;
  opts.enable = narrative_rules;
  const char *const off[] = {"narrative.received", "narrative.result", NULL};
  opts.disable = off;
  govinfo_diagnostics *d = NULL;
  cr_assert_eq(govinfo_report_validate_with(&d, r, &opts), 0);
  cr_assert_eq(govinfo_diagnostics_count(d), 1);
  cr_assert_str_eq(govinfo_diagnostic_rule(govinfo_diagnostics_at(d, 0)), "narrative.handled");
  govinfo_diagnostics_free(d);
  d = narrative_findings(r);
  cr_assert_eq(govinfo_diagnostics_count(d), 3);
  cr_assert_str_eq(govinfo_diagnostic_rule(govinfo_diagnostics_at(d, 0)), "narrative.received");
  cr_assert_str_eq(govinfo_diagnostic_rule(govinfo_diagnostics_at(d, 1)), "narrative.handled");
  cr_assert_str_eq(govinfo_diagnostic_rule(govinfo_diagnostics_at(d, 2)), "narrative.result");
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}
