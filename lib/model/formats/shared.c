/* Definitions both format versions share (FORMATS.md §2, §3.2–3.3, §5). */
#include "shared.h"

const char *const gi_no_variants[] = {NULL};
const char *const gi_s2_variants[] = {"二、行政机关主动公开政府信息情况", NULL};
const char *const gi_s3_variants[] = {"三、行政机关收到和处理政府信息公开申请情况", NULL};
const char *const gi_s4_variants[] = {"四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
                                      "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
                                      "四、因政府信息公开工作被申请行政复议或提起行政诉讼情况",
                                      "四、政府信息公开行政复议行政诉讼情况",
                                      "四、政府信息公开行政复议和行政诉讼情况",
                                      "四、政府信息公开行政复议与行政诉讼情况",
                                      NULL};
const char *const gi_s5_variants[] = {"五、政府信息公开工作存在的主要问题及改进情况",
                                      "五、存在问题及改进情况", "五、存在主要问题及改进情况",
                                      "五、存在的主要问题和改进情况", NULL};
const char *const gi_s6_variants[] = {"六、其他需要报告事项", NULL};

const struct govinfo_column gi_table3_columns[7] = {
    {"natural_person", "自然人", GOVINFO_KIND_COUNT},
    {"commercial", "商业企业", GOVINFO_KIND_COUNT},
    {"research", "科研机构", GOVINFO_KIND_COUNT},
    {"public_interest", "社会公益组织", GOVINFO_KIND_COUNT},
    {"legal_service", "法律服务机构", GOVINFO_KIND_COUNT},
    {"other_org", "其他", GOVINFO_KIND_COUNT},
    {"total", "总计", GOVINFO_KIND_COUNT},
};

const struct govinfo_row gi_table4_rows[3] = {
    {"review", "行政复议", NULL, GI_DATA},
    {"litigation_direct", "行政诉讼（未经复议直接起诉）", NULL, GI_DATA},
    {"litigation_after_review", "行政诉讼（复议后起诉）", NULL, GI_DATA},
};

const struct govinfo_column gi_table4_columns[5] = {
    {"upheld", "结果维持", GOVINFO_KIND_COUNT}, {"corrected", "结果纠正", GOVINFO_KIND_COUNT},
    {"other", "其他结果", GOVINFO_KIND_COUNT},  {"pending", "尚未审结", GOVINFO_KIND_COUNT},
    {"total", "总计", GOVINFO_KIND_COUNT},
};

static const char *const t3_received[] = {"new_received", "carried_over", NULL};
static const char *const t3_settled[] = {"result_total", "carry_forward", NULL};
/* Group rows stand for their sub-rows: （六） is one row in 2019 and three in 2021. */
static const char *const t3_results[] = {"granted",       "partially_granted", "denied", "unable",
                                         "not_processed", "other_processing",  NULL};
static const char *const t3_result_total[] = {"result_total", NULL};
static const char *const t3_applicants[] = {
    "natural_person", "commercial", "research", "public_interest",
    "legal_service",  "other_org",  NULL};
static const char *const total_column[] = {"total", NULL};
static const char *const t4_outcomes[] = {"upheld", "corrected", "other", "pending", NULL};

const gi_identity gi_identities_2019_2021[4] = {
    {GI_RULE_TABLE3_BALANCE, "table3", GI_EACH_COLUMN, t3_received, t3_settled, "本年新收+上年结转",
     "new received + carried over", "办理结果总计+结转下年度继续办理",
     "results total + carried forward"},
    {GI_RULE_TABLE3_RESULT_TOTAL, "table3", GI_EACH_COLUMN, t3_results, t3_result_total,
     "各项办理结果之和", "sum of the result rows", "（七）总计", "(7) total"},
    {GI_RULE_TABLE3_ROW_TOTAL, "table3", GI_EACH_ROW, t3_applicants, total_column, "六类申请人之和",
     "sum of the six applicant columns", "总计", "total"},
    {GI_RULE_TABLE4_ROW_TOTAL, "table4", GI_EACH_ROW, t4_outcomes, total_column,
     "维持+纠正+其他+尚未审结", "upheld + corrected + other + pending", "总计", "total"},
};

/* Section 五 that says nothing: its whole text, once whitespace and punctuation are left
 * out, is one of these. Not a length: short real sentences must pass. */
const char *const gi_nothing_words[] = {"无", "暂无", "暂无问题", "暂无突出问题", NULL};

/* Section 六 reports the processing fee when it names 信息处理费, or another name of the fee
 * (处理费, 处理相关费用, 处理费用) in a text about 政府信息 or 信息公开. */
const char *const gi_fee_words[] = {"信息处理费", "处理费", "处理相关费用", "处理费用", NULL};
const char *const gi_fee_context[] = {"信息处理费", "政府信息", "信息公开", NULL};
