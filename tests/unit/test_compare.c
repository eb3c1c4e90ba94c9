/* Two years of one body (govinfo_compare), text reuse and pairing a corpus: every year.* rule
 * both ways, the real consecutive pair 洪泽区 2023 → 2024, and a 2019-format → 2021-format
 * pair built from the seed. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "analysis/analysis.h"
#include "helpers.h"

#define HONGZE_2023 "tests/data/fixtures/huaian-hongze-2023.yaml"
#define HONGZE_2024 "tests/data/fixtures/huaian-hongze-2024.yaml"
#define SUIBIN_2020 "tests/data/fixtures/suibin-2020.yaml"
#define SUIBIN_2021 "tests/data/analysis/suibin-2021.yaml"

static void set_int(govinfo_report *r, const char *cell_id, int64_t v) {
  cr_assert_eq(govinfo_report_set_int(r, cell_id, v), 0, "%s", cell_id);
}

static govinfo_comparison *compare(const govinfo_report *last, const govinfo_report *now,
                                   const govinfo_compare_options *opts) {
  govinfo_comparison *c = NULL;
  cr_assert_eq(govinfo_compare(&c, last, now, opts), 0, "%s", govinfo_error_last()->message);
  return c;
}

/* "rule path path ..." of every finding, one per line. */
static void describe(const govinfo_comparison *c, char *buf, size_t size) {
  test_describe_findings(govinfo_comparison_findings(c), buf, size);
}

static void expect(const govinfo_report *last, const govinfo_report *now, const char *want) {
  govinfo_comparison *c = compare(last, now, NULL);
  char got[8192];
  describe(c, got, sizeof got);
  cr_assert_str_eq(got, want);
  govinfo_comparison_free(c);
}

static const govinfo_diagnostic *first_finding(const govinfo_comparison *c) {
  return govinfo_diagnostics_at(govinfo_comparison_findings(c), 0);
}

/* ---- the real pair ---- */

Test(compare, the_hongze_reports_of_2023_and_2024_continue_each_other) {
  govinfo_report *last = test_load(HONGZE_2023), *now = test_load(HONGZE_2024);
  govinfo_comparison *c = compare(last, now, NULL);
  cr_assert_eq(govinfo_diagnostics_count(govinfo_comparison_findings(c)), 0);
  /* their sections 一 and 五 share text, under the 50% threshold */
  cr_assert_eq(govinfo_comparison_section_count(c), 6);
  cr_assert_str_eq(govinfo_comparison_section_id(c, 0), "s1");
  size_t chars = govinfo_comparison_section_chars(c, 0),
         reused = govinfo_comparison_section_reused(c, 0);
  cr_assert_gt(reused * 100, 30 * chars);
  cr_assert_lt(reused * 100, 50 * chars);
  cr_assert_eq(govinfo_comparison_section_chars(c, 1), 0); /* section 二 has no text */
  cr_assert_null(govinfo_comparison_section_id(c, 6));
  cr_assert_eq(govinfo_comparison_section_chars(c, 6), 0);
  govinfo_comparison_free(c);
  govinfo_report_free(last);
  govinfo_report_free(now);
}

/* ---- year.carry_over ---- */

Test(compare, carried_over_must_continue_last_years_carried_forward_in_every_column) {
  govinfo_report *last = test_load(HONGZE_2023), *now = test_load(HONGZE_2024);
  set_int(now, "table3.carried_over.natural_person", 2);
  set_int(now, "table3.carried_over.total", 2);
  expect(last, now,
         "year.carry_over /tables/table3/carried_over/natural_person\n"
         "year.carry_over /tables/table3/carried_over/total");
  govinfo_comparison *c = compare(last, now, NULL);
  const govinfo_diagnostic *d = first_finding(c);
  cr_assert_str_eq(govinfo_diagnostic_expected(d), "0");
  cr_assert_str_eq(govinfo_diagnostic_actual(d), "2");
  cr_assert_eq(govinfo_diagnostic_severity(d), GOVINFO_SEVERITY_WARNING);
  cr_assert(strstr(govinfo_diagnostic_file(d), HONGZE_2024), "located in this year's report");
  cr_assert(strstr(govinfo_diagnostic_message(d), "自然人"));
  cr_assert(strstr(govinfo_diagnostic_message(d), HONGZE_2023), "names last year's report");
  cr_assert(strstr(govinfo_diagnostic_message_en(d), "natural"), "%s",
            govinfo_diagnostic_message_en(d));
  govinfo_comparison_free(c);
  /* the other way: last year carried applications forward that this year does not carry */
  set_int(now, "table3.carried_over.natural_person", 0);
  set_int(now, "table3.carried_over.total", 0);
  expect(last, now, "");
  set_int(last, "table3.carry_forward.commercial", 1);
  expect(last, now, "year.carry_over /tables/table3/carried_over/commercial");
  c = compare(last, now, NULL); /* located where this year's file prints the cell */
  cr_assert_gt(govinfo_diagnostic_line(first_finding(c)), 0);
  govinfo_comparison_free(c);
  govinfo_report_free(last);
  govinfo_report_free(now);
}

Test(compare, carry_over_holds_across_the_change_of_format) {
  govinfo_report *last = test_load(SUIBIN_2020), *now = test_load(SUIBIN_2021);
  govinfo_compare_options opts = GOVINFO_COMPARE_OPTIONS_INIT;
  const char *const none[] = {NULL};
  opts.reuse_sections = none; /* its section 一 is copied: see the reuse tests */
  govinfo_comparison *c = compare(last, now, &opts);
  cr_assert_eq(govinfo_diagnostics_count(govinfo_comparison_findings(c)), 0);
  govinfo_comparison_free(c);
  set_int(last, "table3.carry_forward.research", 4);
  c = compare(last, now, &opts);
  char got[1024];
  describe(c, got, sizeof got);
  cr_assert_str_eq(got, "year.carry_over /tables/table3/carried_over/research");
  cr_assert_str_eq(govinfo_diagnostic_expected(first_finding(c)), "4");
  govinfo_comparison_free(c);
  govinfo_report_free(last);
  govinfo_report_free(now);
}

/* ---- year.documents ---- */

Test(compare, documents_in_force_follow_last_year_plus_made_minus_repealed_in_2021) {
  govinfo_report *last = test_load(HONGZE_2023), *now = test_load(HONGZE_2024);
  /* 5 + 3 made - 0 repealed = 8, as printed */
  set_int(now, "table2_art20_1.normative_docs.valid", 9);
  expect(
      last, now,
      "year.documents /tables/table2_art20_1/normative_docs/valid "
      "/tables/table2_art20_1/normative_docs/made /tables/table2_art20_1/normative_docs/repealed");
  govinfo_comparison *c = compare(last, now, NULL);
  cr_assert_str_eq(govinfo_diagnostic_expected(first_finding(c)), "8");
  cr_assert_str_eq(govinfo_diagnostic_actual(first_finding(c)), "9");
  govinfo_comparison_free(c);
  set_int(now, "table2_art20_1.normative_docs.repealed", 1);
  set_int(now, "table2_art20_1.normative_docs.valid", 7);
  expect(last, now, "");
  set_int(last, "table2_art20_1.rules.valid", 2);
  expect(last, now,
         "year.documents /tables/table2_art20_1/rules/valid /tables/table2_art20_1/rules/made "
         "/tables/table2_art20_1/rules/repealed");
  govinfo_report_free(last);
  govinfo_report_free(now);
}

Test(compare, total_published_follows_last_year_plus_newly_published_in_2019) {
  govinfo_report *last = test_load(SUIBIN_2020), *now = test_load(SUIBIN_2020);
  cr_assert_eq(govinfo_report_set_year(last, 2019), 0);
  set_int(last, "table2_art20_1.normative_docs.total_published", 10);
  set_int(now, "table2_art20_1.normative_docs.new_published", 2);
  set_int(now, "table2_art20_1.normative_docs.total_published", 12);
  govinfo_compare_options opts = GOVINFO_COMPARE_OPTIONS_INIT;
  const char *const none[] = {NULL};
  opts.reuse_sections = none;
  govinfo_comparison *c = compare(last, now, &opts);
  cr_assert_eq(govinfo_diagnostics_count(govinfo_comparison_findings(c)), 0);
  govinfo_comparison_free(c);
  set_int(now, "table2_art20_1.normative_docs.total_published", 2);
  c = compare(last, now, &opts);
  char got[1024];
  describe(c, got, sizeof got);
  cr_assert_str_eq(got, "year.documents /tables/table2_art20_1/normative_docs/total_published "
                        "/tables/table2_art20_1/normative_docs/new_published");
  cr_assert_str_eq(govinfo_diagnostic_expected(first_finding(c)), "12");
  govinfo_comparison_free(c);
  govinfo_report_free(last);
  govinfo_report_free(now);
}

/* ---- year.jump ---- */

Test(compare, key_figures_that_jump_from_a_non_trivial_base_are_noted) {
  govinfo_report *last = test_load(HONGZE_2023), *now = test_load(HONGZE_2024);
  set_int(now, "table3.new_received.total", 105); /* 21 x 5: not over */
  expect(last, now, "");
  set_int(now, "table3.new_received.total", 106);
  expect(last, now, "year.jump /tables/table3/new_received/total");
  govinfo_comparison *c = compare(last, now, NULL);
  const govinfo_diagnostic *d = first_finding(c);
  cr_assert_eq(govinfo_diagnostic_severity(d), GOVINFO_SEVERITY_NOTE);
  cr_assert_str_eq(govinfo_diagnostic_expected(d), "21");
  cr_assert_str_eq(govinfo_diagnostic_actual(d), "106");
  govinfo_comparison_free(c);
  set_int(now, "table3.new_received.total", 4); /* under 21 / 5 */
  expect(last, now, "year.jump /tables/table3/new_received/total");
  set_int(now, "table3.new_received.total", 5);
  expect(last, now, "");
  /* from a trivial base, nothing */
  set_int(last, "table3.new_received.total", 9);
  set_int(now, "table3.new_received.total", 900);
  expect(last, now, "");
  /* lawsuits: the two rows of table 4 together */
  set_int(now, "table3.new_received.total", 95);
  set_int(last, "table3.new_received.total", 21);
  set_int(last, "table4.litigation_direct.total", 12);
  set_int(last, "table4.litigation_after_review.total", 12);
  expect(last, now,
         "year.jump /tables/table4/litigation_direct/total "
         "/tables/table4/litigation_after_review/total");
  /* options */
  govinfo_compare_options opts = GOVINFO_COMPARE_OPTIONS_INIT;
  opts.jump_factor = 20;
  c = compare(last, now, &opts);
  cr_assert_eq(govinfo_diagnostics_count(govinfo_comparison_findings(c)), 0);
  govinfo_comparison_free(c);
  govinfo_report_free(last);
  govinfo_report_free(now);
}

/* ---- year.text_reuse ---- */

Test(compare, a_copied_section_is_found_and_one_written_anew_is_not) {
  govinfo_report *last = test_load(SUIBIN_2020), *now = test_load(SUIBIN_2021);
  govinfo_comparison *c = compare(last, now, NULL);
  char got[1024];
  describe(c, got, sizeof got);
  cr_assert_str_eq(got, "year.text_reuse /sections/0/text");
  const govinfo_diagnostic *d = first_finding(c);
  cr_assert_eq(govinfo_diagnostic_severity(d), GOVINFO_SEVERITY_WARNING);
  cr_assert(strstr(govinfo_diagnostic_message(d), "100.0%"), "%s", govinfo_diagnostic_message(d));
  cr_assert_eq(govinfo_diagnostic_line(d), 10, "located at the text of section 一");
  cr_assert_eq(govinfo_comparison_section_reused(c, 0), govinfo_comparison_section_chars(c, 0));
  cr_assert_eq(govinfo_comparison_section_reused(c, 4), 0); /* section 五 is new */
  govinfo_comparison_free(c);
  govinfo_report_free(last);
  govinfo_report_free(now);
}

Test(compare, the_reuse_threshold_and_its_sections_are_options) {
  govinfo_report *last = test_load(HONGZE_2023), *now = test_load(HONGZE_2024);
  govinfo_compare_options opts = GOVINFO_COMPARE_OPTIONS_INIT;
  opts.reuse_percent = 40; /* section 一 shares about 43% */
  govinfo_comparison *c = compare(last, now, &opts);
  char got[1024];
  describe(c, got, sizeof got);
  cr_assert_str_eq(got, "year.text_reuse /sections/0/text");
  govinfo_comparison_free(c);
  const char *const six[] = {"s6", NULL}; /* 六 is the same sentence both years */
  opts.reuse_percent = 50;
  opts.reuse_sections = six;
  c = compare(last, now, &opts);
  describe(c, got, sizeof got);
  cr_assert_str_eq(got, "year.text_reuse /sections/5/text");
  govinfo_comparison_free(c);
  /* a longer run needed: less is reused */
  opts = (govinfo_compare_options)GOVINFO_COMPARE_OPTIONS_INIT;
  c = compare(last, now, &opts);
  size_t at20 = govinfo_comparison_section_reused(c, 0);
  govinfo_comparison_free(c);
  opts.reuse_min_run = 60;
  c = compare(last, now, &opts);
  cr_assert_lt(govinfo_comparison_section_reused(c, 0), at20);
  govinfo_comparison_free(c);
  govinfo_report_free(last);
  govinfo_report_free(now);
}

Test(reuse, counts_characters_in_shared_runs_exactly) {
  size_t chars, reused;
  cr_assert_eq(gi_text_reuse("甲乙丙丁戊己庚辛", "子丑甲乙丙丁戊寅卯", 5, &chars, &reused), 0);
  cr_assert_eq(chars, 9);
  cr_assert_eq(reused, 5);
  cr_assert_eq(gi_text_reuse("甲乙丙丁戊己庚辛", "子丑甲乙丙丁戊寅卯", 6, &chars, &reused), 0);
  cr_assert_eq(reused, 0);
  /* two runs, overlapping windows counted once */
  cr_assert_eq(gi_text_reuse("ABCDEFGH--IJKLMN", "xABCDEFGHyIJKLMNz", 4, &chars, &reused), 0);
  cr_assert_eq(chars, 17);
  cr_assert_eq(reused, 14);
  /* new figures, spaces and full-width forms do not hide a copy */
  cr_assert_eq(gi_text_reuse("2023 年共受理申请 21 件，均已答复。",
                             "２０２４年共受理申请95件，均已答复。", 10, &chars, &reused),
               0);
  cr_assert_eq(reused, chars);
  /* nothing to share */
  cr_assert_eq(gi_text_reuse("", "甲乙丙", 1, &chars, &reused), 0);
  cr_assert_eq(chars, 3);
  cr_assert_eq(reused, 0);
  cr_assert_eq(gi_text_reuse(NULL, "", 20, &chars, &reused), 0);
  cr_assert_eq(chars, 0);
  /* a repeated character does not slow the table down or confuse it */
  char many[30001];
  memset(many, 'a', sizeof many - 1);
  many[sizeof many - 1] = '\0';
  cr_assert_eq(gi_text_reuse(many, "baaaab", 3, &chars, &reused), 0);
  cr_assert_eq(reused, 4);
}

/* ---- arguments and options ---- */

Test(compare, years_must_follow_each_other_and_options_must_make_sense) {
  govinfo_report *last = test_load(HONGZE_2023), *now = test_load(HONGZE_2024);
  govinfo_comparison *c = (govinfo_comparison *)1;
  cr_assert_eq(govinfo_compare(&c, now, last, NULL), GOVINFO_EINVAL);
  cr_assert_null(c);
  cr_assert(strstr(govinfo_error_last()->message, "2024 and 2023"));
  cr_assert_eq(govinfo_compare(&c, last, last, NULL), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_compare(&c, NULL, now, NULL), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_compare(NULL, last, now, NULL), GOVINFO_EINVAL);
  govinfo_compare_options opts;
  cr_assert_eq(govinfo_compare_options_init(&opts, 0), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_compare_options_init(&opts, GOVINFO_COMPARE_OPTIONS_VERSION + 1),
               GOVINFO_EINVAL);
  cr_assert_eq(govinfo_compare_options_init(NULL, 1), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_compare_options_init(&opts, GOVINFO_COMPARE_OPTIONS_VERSION), 0);
  cr_assert_eq(opts.reuse_min_run, 20);
  cr_assert_eq(opts.reuse_percent, 50);
  cr_assert_eq(opts.jump_factor, 5);
  opts.reuse_min_run = 0;
  cr_assert_eq(govinfo_compare(&c, last, now, &opts), GOVINFO_EINVAL);
  opts.reuse_min_run = 20;
  opts.reuse_percent = 101;
  cr_assert_eq(govinfo_compare(&c, last, now, &opts), GOVINFO_EINVAL);
  opts.reuse_percent = 50;
  opts.jump_factor = 1;
  cr_assert_eq(govinfo_compare(&c, last, now, &opts), GOVINFO_EINVAL);
  opts.jump_factor = 5;
  const char *const bad[] = {"s9", NULL};
  opts.reuse_sections = bad;
  cr_assert_eq(govinfo_compare(&c, last, now, &opts), GOVINFO_ENOTFOUND);
  opts.reuse_sections = NULL;
  opts.flags = 0x80;
  cr_assert_eq(govinfo_compare(&c, last, now, &opts), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_set_year(last, 0), 0);
  cr_assert_eq(govinfo_compare(&c, last, now, NULL), GOVINFO_EINVAL);
  govinfo_comparison_free(NULL);
  cr_assert_null(govinfo_comparison_findings(NULL));
  cr_assert_eq(govinfo_comparison_section_count(NULL), 0);
  govinfo_report_free(last);
  govinfo_report_free(now);
}

Test(compare, the_json_has_the_files_years_reuse_and_findings) {
  govinfo_report *last = test_load(HONGZE_2023), *now = test_load(HONGZE_2024);
  set_int(now, "table3.carried_over.total", 1);
  govinfo_comparison *c = compare(last, now, NULL);
  char *text;
  size_t len;
  cr_assert_eq(govinfo_comparison_to_json(&text, &len, c), 0);
  cJSON *obj = cJSON_ParseWithLength(text, len);
  cr_assert_not_null(obj);
  cr_assert(strstr(cJSON_GetObjectItem(obj, "last")->valuestring, HONGZE_2023));
  cr_assert(strstr(cJSON_GetObjectItem(obj, "this")->valuestring, HONGZE_2024));
  cr_assert_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(obj, "years"), 1)->valueint, 2024);
  cJSON *reuse = cJSON_GetObjectItem(obj, "reuse");
  cr_assert_eq(cJSON_GetArraySize(reuse), 6);
  cJSON *s1 = cJSON_GetArrayItem(reuse, 0);
  cr_assert_str_eq(cJSON_GetObjectItem(s1, "section")->valuestring, "s1");
  double share = cJSON_GetObjectItem(s1, "share")->valuedouble;
  cr_assert(share > 0.3 && share < 0.5);
  cr_assert(cJSON_IsTrue(cJSON_GetObjectItem(obj, "valid")));
  cr_assert_eq(cJSON_GetObjectItem(obj, "warnings")->valueint, 1);
  cJSON *d = cJSON_GetArrayItem(cJSON_GetObjectItem(obj, "diagnostics"), 0);
  cr_assert_str_eq(cJSON_GetObjectItem(d, "rule")->valuestring, "year.carry_over");
  cJSON_Delete(obj);
  govinfo_free(text);
  govinfo_comparison_free(c);
  govinfo_report_free(last);
  govinfo_report_free(now);
}

/* ---- pairing ---- */

static govinfo_report *body(const char *organ, int year) {
  govinfo_report *r = NULL;
  const char *format = year <= 2020 ? "2019" : "2021";
  cr_assert_eq(govinfo_report_new_template(&r, format, year, organ), 0);
  return r;
}

typedef struct corpus {
  govinfo_report *r[16];
  size_t n;
  govinfo_pairing *p;
} corpus;

static void pair(corpus *c) {
  cr_assert_eq(govinfo_pairing_new(&c->p, (const govinfo_report *const *)c->r, c->n, NULL), 0, "%s",
               govinfo_error_last()->message);
}

static void corpus_free(corpus *c) {
  govinfo_pairing_free(c->p);
  for (size_t i = 0; i < c->n; i++) govinfo_report_free(c->r[i]);
}

static void expect_pair(const corpus *c, size_t k, size_t last, size_t now) {
  size_t a, b;
  cr_assert_eq(govinfo_pairing_pair_at(c->p, k, &a, &b), 0);
  cr_assert_eq(a, last, "pair %zu: %zu", k, a);
  cr_assert_eq(b, now, "pair %zu: %zu", k, b);
}

Test(pairing, bodies_match_without_their_region_full_width_forms_and_spaces) {
  corpus c = {.n = 6};
  c.r[0] = body("淮安市洪泽区人民政府", 2024);
  c.r[1] = body("洪泽区 人民政府", 2023);
  c.r[2] = body("淮安市人民政府", 2024);
  c.r[3] = body("江苏省淮安市人民政府", 2023);
  c.r[4] = body("某县人民政府（Ａ）", 2021);
  c.r[5] = body("某县人民政府(A)", 2022);
  pair(&c);
  cr_assert_eq(govinfo_pairing_pair_count(c.p), 3);
  /* by body name (in the order of their bytes), then year */
  expect_pair(&c, 0, 4, 5); /* 某县人民政府(A) */
  expect_pair(&c, 1, 1, 0); /* 洪泽区人民政府 */
  expect_pair(&c, 2, 3, 2); /* 淮安市人民政府 */
  cr_assert_str_eq(govinfo_pairing_body(c.p, 0), "洪泽区人民政府");
  cr_assert_str_eq(govinfo_pairing_body(c.p, 3), "淮安市人民政府");
  cr_assert_str_eq(govinfo_pairing_body(c.p, 4), "某县人民政府(A)");
  cr_assert_eq(govinfo_pairing_ambiguous_count(c.p), 0);
  cr_assert_eq(govinfo_pairing_unpaired_count(c.p), 0);
  corpus_free(&c);
}

Test(pairing, a_body_name_keeps_what_is_not_a_region) {
  char *key, *region;
  static const char *const cases[][3] = {
      {"淮安市洪泽区人民政府", "洪泽区人民政府", "淮安市"},
      {"淮安市人民政府", "淮安市人民政府", ""},
      {"淮安市市场监督管理局", "淮安市市场监督管理局", ""},
      {"淮安市洪泽区市场监督管理局", "洪泽区市场监督管理局", "淮安市"},
      {"绥滨县绥滨镇人民政府", "绥滨镇人民政府", "绥滨县"},
      {"江苏省淮安市洪泽区人民政府办公室", "洪泽区人民政府办公室", "江苏省淮安市"},
      {"淮安 经济技术开发区管理委员会", "淮安经济技术开发区管理委员会", ""},
  };
  for (size_t i = 0; i < GI_COUNT_OF(cases); i++) {
    cr_assert_eq(gi_body_key(cases[i][0], &key, &region), 0);
    cr_assert_str_eq(key, cases[i][1], "%s", cases[i][0]);
    cr_assert_str_eq(region, cases[i][2], "%s", cases[i][0]);
    free(key);
    free(region);
  }
}

Test(pairing, ambiguous_reports_are_listed_never_guessed) {
  corpus c = {.n = 7};
  c.r[0] = body("洪泽区人民政府", 2023);
  c.r[1] = body("淮安市洪泽区人民政府", 2024);
  c.r[2] = body("洪泽区人民政府", 2024); /* two reports of 2024 */
  c.r[3] = body("淮安市洪泽区人民政府", 2025);
  c.r[4] = body("淮安市清江浦区人民政府", 2023);
  c.r[5] = body("宿迁市清江浦区人民政府", 2024); /* the same name in another city? */
  c.r[6] = body("某县人民政府", 2021);
  pair(&c);
  cr_assert_eq(govinfo_pairing_pair_count(c.p), 0);
  cr_assert_eq(govinfo_pairing_ambiguous_count(c.p), 2);
  /* groups by body name: 洪泽区… (2024 twice, with 2023 and 2025), then 清江浦区… */
  size_t want0[] = {0, 1, 2, 3}, want1[] = {4, 5};
  cr_assert_eq(govinfo_pairing_ambiguous_size(c.p, 0), 4);
  for (size_t k = 0; k < 4; k++)
    cr_assert_eq(govinfo_pairing_ambiguous_member(c.p, 0, k), want0[k]);
  cr_assert_eq(govinfo_pairing_ambiguous_size(c.p, 1), 2);
  for (size_t k = 0; k < 2; k++)
    cr_assert_eq(govinfo_pairing_ambiguous_member(c.p, 1, k), want1[k]);
  cr_assert_eq(govinfo_pairing_ambiguous_member(c.p, 1, 2), SIZE_MAX);
  cr_assert_eq(govinfo_pairing_ambiguous_size(c.p, 2), SIZE_MAX);
  cr_assert_eq(govinfo_pairing_unpaired_count(c.p), 1);
  cr_assert_eq(govinfo_pairing_unpaired_at(c.p, 0), 6);
  cr_assert_eq(govinfo_pairing_unpaired_at(c.p, 1), SIZE_MAX);
  corpus_free(&c);
}

Test(pairing, gaps_missing_organs_and_years_leave_reports_unpaired) {
  corpus c = {.n = 4};
  c.r[0] = body("洪泽区人民政府", 2021);
  c.r[1] = body("洪泽区人民政府", 2023); /* no 2022 */
  c.r[2] = body(NULL, 2022);
  c.r[3] = body("洪泽区人民政府", 2024);
  pair(&c);
  cr_assert_eq(govinfo_pairing_pair_count(c.p), 1);
  expect_pair(&c, 0, 1, 3);
  cr_assert_eq(govinfo_pairing_unpaired_count(c.p), 2);
  cr_assert_eq(govinfo_pairing_unpaired_at(c.p, 0), 0);
  cr_assert_eq(govinfo_pairing_unpaired_at(c.p, 1), 2);
  cr_assert_null(govinfo_pairing_body(c.p, 2));
  cr_assert_null(govinfo_pairing_body(c.p, 9));
  size_t a;
  cr_assert_eq(govinfo_pairing_pair_at(c.p, 1, &a, NULL), GOVINFO_EINVAL);
  corpus_free(&c);
}

Test(pairing, arguments_and_options) {
  govinfo_pairing *p = (govinfo_pairing *)1;
  cr_assert_eq(govinfo_pairing_new(&p, NULL, 0, NULL), 0);
  cr_assert_eq(govinfo_pairing_pair_count(p), 0);
  govinfo_pairing_free(p);
  cr_assert_eq(govinfo_pairing_new(&p, NULL, 2, NULL), GOVINFO_EINVAL);
  cr_assert_null(p);
  const govinfo_report *none[] = {NULL};
  cr_assert_eq(govinfo_pairing_new(&p, none, 1, NULL), GOVINFO_EINVAL);
  govinfo_pairing_options opts;
  cr_assert_eq(govinfo_pairing_options_init(&opts, 2), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_pairing_options_init(&opts, GOVINFO_PAIRING_OPTIONS_VERSION), 0);
  opts.flags = 1;
  govinfo_report *r = body("某县人民政府", 2022);
  const govinfo_report *one[] = {r};
  cr_assert_eq(govinfo_pairing_new(&p, one, 1, &opts), GOVINFO_EINVAL);
  govinfo_report_free(r);
  govinfo_pairing_free(NULL);
  cr_assert_eq(govinfo_pairing_ambiguous_count(NULL), 0);
}
