/* Parts of the format definitions that both versions print identically. Only a format
 * definition file includes this. */
#ifndef GOVINFO_FORMATS_SHARED_H
#define GOVINFO_FORMATS_SHARED_H

#include "model/format.h"

#define GI_DATA GOVINFO_ROW_DATA
#define GI_GROUP GOVINFO_ROW_GROUP
#define GI_HEADING GOVINFO_ROW_HEADING

/* The six sections: same official titles in both versions (FORMATS.md §2). */
/* clang-format off */
#define GI_SECTIONS_2019_2021                                                            \
  {"s1", "一", "一、总体情况", gi_no_variants},                                          \
  {"s2", "二", "二、主动公开政府信息情况", gi_s2_variants},                              \
  {"s3", "三", "三、收到和处理政府信息公开申请情况", gi_s3_variants},                    \
  {"s4", "四", "四、政府信息公开行政复议、行政诉讼情况", gi_s4_variants},                \
  {"s5", "五", "五、存在的主要问题及改进情况", gi_s5_variants},                          \
  {"s6", "六", "六、其他需要报告的事项", gi_s6_variants}
/* clang-format on */

/* Table 3 rows up to and including the 不予处理 group; （六） differs between versions. */
/* clang-format off */
#define GI_TABLE3_ROWS_HEAD                                                              \
  {"new_received", "一、本年新收政府信息公开申请数量", NULL, GI_DATA},                   \
  {"carried_over", "二、上年结转政府信息公开申请数量", NULL, GI_DATA},                   \
  {"results", "三、本年度办理结果", NULL, GI_HEADING},                                   \
  {"granted", "（一）予以公开", "results", GI_DATA},                                     \
  {"partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",      \
   "results", GI_DATA},                                                                  \
  {"denied", "（三）不予公开", "results", GI_GROUP},                                     \
  {"denied_state_secret", "1.属于国家秘密", "denied", GI_DATA},                          \
  {"denied_law_prohibited", "2.其他法律行政法规禁止公开", "denied", GI_DATA},            \
  {"denied_three_safety_one_stability", "3.危及“三安全一稳定”", "denied", GI_DATA},      \
  {"denied_third_party_rights", "4.保护第三方合法权益", "denied", GI_DATA},              \
  {"denied_internal_affairs", "5.属于三类内部事务信息", "denied", GI_DATA},              \
  {"denied_process_info", "6.属于四类过程性信息", "denied", GI_DATA},                    \
  {"denied_enforcement_file", "7.属于行政执法案卷", "denied", GI_DATA},                  \
  {"denied_admin_query", "8.属于行政查询事项", "denied", GI_DATA},                       \
  {"unable", "（四）无法提供", "results", GI_GROUP},                                     \
  {"unable_not_held", "1.本机关不掌握相关政府信息", "unable", GI_DATA},                  \
  {"unable_need_creation", "2.没有现成信息需要另行制作", "unable", GI_DATA},             \
  {"unable_unclear_after_correction", "3.补正后申请内容仍不明确", "unable", GI_DATA},    \
  {"not_processed", "（五）不予处理", "results", GI_GROUP},                              \
  {"np_petition_complaint", "1.信访举报投诉类申请", "not_processed", GI_DATA},           \
  {"np_duplicate", "2.重复申请", "not_processed", GI_DATA},                              \
  {"np_publication", "3.要求提供公开出版物", "not_processed", GI_DATA},                  \
  {"np_massive_repeated", "4.无正当理由大量反复申请", "not_processed", GI_DATA},         \
  {"np_confirm_or_reissue", "5.要求行政机关确认或重新出具已获取信息", "not_processed",   \
   GI_DATA}
/* clang-format on */

/* clang-format off */
#define GI_TABLE3_ROWS_TAIL                                                              \
  {"result_total", "（七）总计", "results", GI_DATA},                                    \
  {"carry_forward", "四、结转下年度继续办理", NULL, GI_DATA}
/* clang-format on */

extern const char *const gi_no_variants[];
extern const char *const gi_s2_variants[];
extern const char *const gi_s3_variants[];
extern const char *const gi_s4_variants[];
extern const char *const gi_s5_variants[];
extern const char *const gi_s6_variants[];

extern const struct govinfo_column gi_table3_columns[7];
extern const struct govinfo_row gi_table4_rows[3];
extern const struct govinfo_column gi_table4_columns[5];
/* clang-format off */
#define GI_TABLE4                                                                       \
  {"table4", "s4", "政府信息公开行政复议、行政诉讼情况", gi_table4_rows, 3,            \
   gi_table4_columns, 5, true}
/* clang-format on */
extern const gi_identity gi_identities_2019_2021[4];

/* What sections 五 and 六 must say (sections.c): the words of rule parameters. */
extern const char *const gi_nothing_words[];
extern const char *const gi_fee_words[];
extern const char *const gi_fee_context[];
/* Before a percentage printed beside a count (narrative.share): 占, 占比. */
extern const char *const gi_share_words[];

/* ---- the narrative (model/narrative.h; words in narrative.c) ---- */

extern const char *const gi_w_received[],
    *const gi_w_handled[],
        *const gi_w_carried_over[],
            *const gi_w_carried_forward[],
                *const gi_w_application[],
                    *const gi_w_results_context[],
                        *const gi_w_granted[],
                            *const gi_w_partially_granted[],
                                *const gi_w_granted_or_partially[],
                                    *const gi_w_denied[],
                                        *const gi_w_unable[],
                                            *const gi_w_not_processed[],
                                                *const gi_w_other_processing[],
                                                    *const gi_w_review[],
                                                        *const gi_w_litigation[],
                                                            *const gi_w_litigation_direct[],
                                                                *const gi_w_litigation_after_review[],
                                                                    *const gi_w_upheld[],
                                                                        *const gi_w_corrected[],
                                                                            *const
                                                                                gi_w_other_outcome[],
                                                                                    *const
                                                                                        gi_w_pending
                                                                                            [];

#define GI_T3(row) "table3." row ".total"
#define GI_T4(row, column) "table4." row "." column
#define GI_LITIGATION(column)                                                                      \
  "table4.litigation_direct." column "+table4.litigation_after_review." column
#define GI_RESULTS_TOTAL GI_T3("result_total")

/* Statements of tables 3 and 4, the same in both versions. Ranks: the verbs of applications
 * (1) yield to the rows they name more precisely (2: 结转, result classes), to reviews and
 * lawsuits (3: "收到行政复议申请") and to the outcomes of those (4). */
/* clang-format off */
#define GI_STATEMENTS_2019_2021                                                                    \
  {GI_RULE_NARRATIVE_RECEIVED, "本年收到申请", "applications received", gi_w_received, NULL,     \
   gi_w_application, GI_T3("new_received"), GI_T3("new_received") "+" GI_T3("carried_over"),    \
   NULL, 1, false},                                                                                \
  {GI_RULE_NARRATIVE_HANDLED, "办结申请", "applications handled", gi_w_handled, NULL,             \
   gi_w_application, GI_RESULTS_TOTAL, NULL, NULL, 1, false},                                      \
  {GI_RULE_NARRATIVE_CARRIED_OVER, "上年结转申请", "applications carried over",                   \
   gi_w_carried_over, NULL, gi_w_application, GI_T3("carried_over"), NULL, NULL, 2, true},        \
  {GI_RULE_NARRATIVE_CARRIED_FORWARD, "结转下年度申请", "applications carried forward",           \
   gi_w_carried_forward, NULL, NULL, GI_T3("carry_forward"), NULL, NULL, 2, true},                \
  {GI_RULE_NARRATIVE_RESULT, "予以公开", "granted", gi_w_granted, NULL, gi_w_results_context,     \
   GI_T3("granted"), NULL, GI_RESULTS_TOTAL, 2, true},                                             \
  {GI_RULE_NARRATIVE_RESULT, "部分公开", "partially granted", gi_w_partially_granted, NULL,       \
   gi_w_results_context, GI_T3("partially_granted"), NULL, GI_RESULTS_TOTAL, 2, true},            \
  {GI_RULE_NARRATIVE_RESULT, "予以公开及部分公开", "granted and partially granted",               \
   gi_w_granted_or_partially, NULL, gi_w_results_context,                                          \
   GI_T3("granted") "+" GI_T3("partially_granted"), NULL, GI_RESULTS_TOTAL, 2, true},             \
  {GI_RULE_NARRATIVE_RESULT, "不予公开", "denied", gi_w_denied, NULL, gi_w_results_context,       \
   GI_T3("denied"), NULL, GI_RESULTS_TOTAL, 2, true},                                              \
  {GI_RULE_NARRATIVE_RESULT, "无法提供", "unable to provide", gi_w_unable, NULL,                  \
   gi_w_results_context, GI_T3("unable"), NULL, GI_RESULTS_TOTAL, 2, true},                        \
  {GI_RULE_NARRATIVE_RESULT, "不予处理", "not processed", gi_w_not_processed, NULL,               \
   gi_w_results_context, GI_T3("not_processed"), NULL, GI_RESULTS_TOTAL, 2, true},                \
  {GI_RULE_NARRATIVE_RESULT, "其他处理", "other processing", gi_w_other_processing, NULL,         \
   gi_w_results_context, GI_T3("other_processing"), NULL, GI_RESULTS_TOTAL, 2, true},             \
  {GI_RULE_NARRATIVE_REVIEW, "行政复议", "administrative reviews", gi_w_review, NULL, NULL,       \
   GI_T4("review", "total"), NULL, NULL, 3, true},                                                 \
  {GI_RULE_NARRATIVE_LITIGATION, "行政诉讼", "lawsuits", gi_w_litigation, NULL, NULL,             \
   GI_LITIGATION("total"), NULL, NULL, 3, true},                                                   \
  {GI_RULE_NARRATIVE_LITIGATION, "未经复议直接起诉", "lawsuits filed directly",                   \
   gi_w_litigation_direct, NULL, NULL, GI_T4("litigation_direct", "total"), NULL, NULL, 4, true}, \
  {GI_RULE_NARRATIVE_LITIGATION, "复议后起诉", "lawsuits filed after review",                     \
   gi_w_litigation_after_review, NULL, NULL, GI_T4("litigation_after_review", "total"), NULL,     \
   NULL, 4, true},                                                                                 \
  {GI_RULE_NARRATIVE_REVIEW, "行政复议结果维持", "reviews upheld", gi_w_upheld, gi_w_review,      \
   NULL, GI_T4("review", "upheld"), NULL, GI_T4("review", "total"), 4, true},                      \
  {GI_RULE_NARRATIVE_REVIEW, "行政复议结果纠正", "reviews corrected", gi_w_corrected,            \
   gi_w_review, NULL, GI_T4("review", "corrected"), NULL, GI_T4("review", "total"), 4, true},      \
  {GI_RULE_NARRATIVE_REVIEW, "行政复议其他结果", "reviews with other outcomes",                  \
   gi_w_other_outcome, gi_w_review, NULL, GI_T4("review", "other"), NULL,                          \
   GI_T4("review", "total"), 4, true},                                                             \
  {GI_RULE_NARRATIVE_REVIEW, "行政复议尚未审结", "reviews pending", gi_w_pending, gi_w_review,    \
   NULL, GI_T4("review", "pending"), NULL, GI_T4("review", "total"), 4, true},                     \
  {GI_RULE_NARRATIVE_LITIGATION, "行政诉讼结果维持", "lawsuits upheld", gi_w_upheld,             \
   gi_w_litigation, NULL, GI_LITIGATION("upheld"), NULL, GI_LITIGATION("total"), 4, true},        \
  {GI_RULE_NARRATIVE_LITIGATION, "行政诉讼结果纠正", "lawsuits corrected", gi_w_corrected,       \
   gi_w_litigation, NULL, GI_LITIGATION("corrected"), NULL, GI_LITIGATION("total"), 4, true},     \
  {GI_RULE_NARRATIVE_LITIGATION, "行政诉讼其他结果", "lawsuits with other outcomes",             \
   gi_w_other_outcome, gi_w_litigation, NULL, GI_LITIGATION("other"), NULL,                        \
   GI_LITIGATION("total"), 4, true},                                                               \
  {GI_RULE_NARRATIVE_LITIGATION, "行政诉讼尚未审结", "lawsuits pending", gi_w_pending,           \
   gi_w_litigation, NULL, GI_LITIGATION("pending"), NULL, GI_LITIGATION("total"), 4, true}
/* clang-format on */

#endif
