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

#endif
