/* How reports word the figures of their tables in the text: the words of the statements both
 * format versions share (listed by GI_STATEMENTS_2019_2021 in shared.h) and the words that
 * keep a count from being compared (gi_narrative). Every list was checked against real
 * reports: tests/unit/test_narrative.c holds the sentences that must and must not be read. */
#include "shared.h"

/* ---- table 3: applications ---- */

const char *const gi_w_received[] = {"受理", "收到", "新收", "接收", "接到", NULL};
const char *const gi_w_handled[] = {"办结", "答复", "办理", NULL};
const char *const gi_w_carried_over[] = {"上年结转", "上年度结转", "上一年度结转", "上一年结转",
                                         "往年结转", "去年结转",   "上年度转结",   NULL};
const char *const gi_w_carried_forward[] = {"结转下年度",     "结转下一年度",
                                            "结转到下年度",   "结转至下年度",
                                            "结转至下一年度", "结转到下一年度",
                                            "结转下年",       "顺延到下年度",
                                            "顺延至下年度",   "顺延到下一年度",
                                            "顺延至下一年度", "转入下年度",
                                            "转入下一年度",   NULL};
const char *const gi_w_application[] = {"申请", NULL};
const char *const gi_w_results_context[] = {"申请", "办结", "答复", "办理", NULL};

const char *const gi_w_granted[] = {"予以公开", "同意公开", "全部公开", NULL};
const char *const gi_w_partially_granted[] = {"部分公开", NULL};
const char *const gi_w_granted_or_partially[] = {
    "予以公开及部分公开", "予以公开和部分公开", "予以公开或部分公开", "予以公开、部分公开",
    "全部或部分公开",     "全部公开和部分公开", "全部公开及部分公开", NULL};
const char *const gi_w_denied[] = {"不予公开", NULL};
const char *const gi_w_unable[] = {"无法提供", NULL};
const char *const gi_w_not_processed[] = {"不予处理", NULL};
const char *const gi_w_other_processing[] = {"其他处理", NULL};

/* ---- table 4: reviews and lawsuits ---- */

const char *const gi_w_review[] = {"行政复议", "复议", NULL};
const char *const gi_w_litigation[] = {"行政诉讼", "诉讼", "起诉", NULL};
const char *const gi_w_litigation_direct[] = {"未经复议直接起诉", "直接起诉", "未经复议", NULL};
const char *const gi_w_litigation_after_review[] = {"复议后起诉", "经复议后起诉", NULL};
const char *const gi_w_upheld[] = {"维持", NULL};
const char *const gi_w_corrected[] = {"纠正", NULL};
const char *const gi_w_other_outcome[] = {"其他结果", NULL};
const char *const gi_w_pending[] = {"尚未审结", "未审结", "正在审理", "审理中", NULL};

/* ---- what keeps a count from being compared ---- */

static const char *const change[] = {"较",   "同比", "环比", "增长", "增加", "减少", "下降",
                                     "回落", "上升", "增幅", "降幅", "相比", "持平", NULL};
static const char *const period[] = {"去年", "上年", "上一年", "前年", "往年",   "历年", "累计",
                                     "以来", "近年", "明年",   "下年", "下一年", "今后", NULL};
static const char *const about[] = {"约",   "近",   "超过", "逾",   "将近", "不足",
                                    "不到", "上万", "上千", "上百", "数十", "数百",
                                    "数千", "几十", "几百", "成百", "成千", NULL};
static const char *const after[] = {"以上", "左右", "多", "余", "以下", NULL};
/* A channel (当场答复…), an applicant type (自然人申请…) or an office acting for the organ
 * (区政府办代表区政府受理…, whose count the tables of the whole organ may exceed). */
static const char *const subset[] = {
    "当场",     "现场",         "网上",         "在线",     "线上",   "信函", "当面", "邮寄",
    "传真",     "电子邮件",     "书面",         "口头",     "自然人", "法人", "企业", "公民",
    "科研机构", "社会公益组织", "法律服务机构", "其他组织", "代表",   NULL};
static const char *const part[] = {"其中", "含", "包括", "包含", NULL};
static const char *const each[] = {"每", "逐", "第", "单", "这", "该", "此", NULL};
static const char *const range[] = {"至", "到", "-", "~", "～", "—", "－", NULL};
static const char *const units[] = {"件", "起", "宗", NULL};
static const char *const percent[] = {"%", "％", NULL};
const char *const gi_share_words[] = {"占比", "占", NULL};
static const char *const share_base[] = {"比",         "比为",       "比例为",     "总数的",
                                         "总量的",     "办结总数的", "办理总数的", "答复总数的",
                                         "全部申请的", NULL};

static const char *const reporting[] = {"主动公开", "受理", "收到", "办结", "答复",
                                        "新收",     "制发", "废止", NULL};

const gi_narrative_words gi_narrative = {
    .change = change,
    .period = period,
    .about = about,
    .after = after,
    .subset = subset,
    .part = part,
    .each = each,
    .range = range,
    .units = units,
    .percent = percent,
    .share_base = share_base,
    .reporting = reporting,
};
