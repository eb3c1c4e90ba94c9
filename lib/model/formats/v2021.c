/* Format "2021": 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号,
 * for report years from 2021 on (FORMATS.md §4). */
#include "shared.h"

static const struct govinfo_section_def sections[] = {GI_SECTIONS_2019_2021};

static const struct govinfo_column item1_columns[] = {
    {"made", "本年制发件数", GOVINFO_KIND_COUNT},
    {"repealed", "本年废止件数", GOVINFO_KIND_COUNT},
    {"valid", "现行有效件数", GOVINFO_KIND_COUNT},
};
static const struct govinfo_row item1_rows[] = {
    {"rules", "规章", NULL, GI_DATA},
    {"normative_docs", "行政规范性文件", NULL, GI_DATA},
};
static const struct govinfo_column decision_columns[] = {
    {"decisions", "本年处理决定数量", GOVINFO_KIND_COUNT},
};
static const struct govinfo_row item5_rows[] = {
    {"admin_license", "行政许可", NULL, GI_DATA},
};
static const struct govinfo_row item6_rows[] = {
    {"admin_penalty", "行政处罚", NULL, GI_DATA},
    {"admin_coercion", "行政强制", NULL, GI_DATA},
};
static const struct govinfo_column fee_columns[] = {
    {"fee_amount", "本年收费金额（单位：万元）", GOVINFO_KIND_MONEY},
};
static const struct govinfo_row item8_rows[] = {
    {"admin_fees", "行政事业性收费", NULL, GI_DATA},
};

/* （六）其他处理 became a group of three sub-rows; some reports still print it as one row,
 * which the model keeps as the group's own figure. */
static const struct govinfo_row table3_rows[] = {
    GI_TABLE3_ROWS_HEAD,
    {"other_processing", "（六）其他处理", "results", GI_GROUP},
    {"other_overdue_no_correction",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_processing",
     GI_DATA},
    {"other_fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     "other_processing", GI_DATA},
    {"other_other", "3.其他", "other_processing", GI_DATA},
    GI_TABLE3_ROWS_TAIL,
};

static const struct govinfo_table tables[] = {
    {"table2_art20_1", "s2", "第二十条第（一）项", item1_rows, GI_COUNT_OF(item1_rows),
     item1_columns, GI_COUNT_OF(item1_columns), false},
    {"table2_art20_5", "s2", "第二十条第（五）项", item5_rows, GI_COUNT_OF(item5_rows),
     decision_columns, GI_COUNT_OF(decision_columns), false},
    {"table2_art20_6", "s2", "第二十条第（六）项", item6_rows, GI_COUNT_OF(item6_rows),
     decision_columns, GI_COUNT_OF(decision_columns), false},
    {"table2_art20_8", "s2", "第二十条第（八）项", item8_rows, GI_COUNT_OF(item8_rows), fee_columns,
     GI_COUNT_OF(fee_columns), false},
    {"table3", "s3", "收到和处理政府信息公开申请情况", table3_rows, GI_COUNT_OF(table3_rows),
     gi_table3_columns, GI_COUNT_OF(gi_table3_columns), false},
    GI_TABLE4,
};

static const char *const signature[] = {"本年制发件数",
                                        "本年废止件数",
                                        "现行有效件数",
                                        "本年处理决定数量",
                                        "本年收费金额",
                                        "申请人逾期未按收费通知要求缴纳费用",
                                        NULL};

static const gi_rule_params rule_params[] = {
    {GI_RULE_SECTIONS_PROBLEMS_EMPTY, "s5", NULL, gi_nothing_words, NULL},
    {GI_RULE_NARRATIVE_SHARE, NULL, NULL, gi_share_words, NULL},
    {GI_RULE_SECTIONS_FEE_STATEMENT, "s6", NULL, gi_fee_words, gi_fee_context},
    {GI_RULE_SECTIONS_FEE_UNPAID, "s6", "table3.other_fee_unpaid.total", gi_fee_words,
     gi_fee_context},
};

/* Table 二 in the text: 本年制发, 本年废止 and 现行有效 规章 / 行政规范性文件. */
static const char *const made[] = {"制发", "制定", "出台", "印发", NULL};
static const char *const repealed[] = {"废止", NULL};
static const char *const in_force[] = {"现行有效", NULL};
static const char *const rules_words[] = {"规章", NULL};
static const char *const normative_words[] = {"行政规范性文件", "规范性文件", NULL};

#define DOCUMENTS(zh, en, words, topic, cell)                                                      \
  {                                                                                                \
    GI_RULE_NARRATIVE_DOCUMENTS, zh, en, words, topic, NULL, "table2_art20_1." cell, NULL, NULL,   \
        2, true                                                                                    \
  }

static const gi_statement statements[] = {
    GI_STATEMENTS_2019_2021,
    DOCUMENTS("本年制发规章", "rules made", made, rules_words, "rules.made"),
    DOCUMENTS("本年废止规章", "rules repealed", repealed, rules_words, "rules.repealed"),
    DOCUMENTS("现行有效规章", "rules in force", in_force, rules_words, "rules.valid"),
    DOCUMENTS("本年制发行政规范性文件", "normative documents made", made, normative_words,
              "normative_docs.made"),
    DOCUMENTS("本年废止行政规范性文件", "normative documents repealed", repealed, normative_words,
              "normative_docs.repealed"),
    DOCUMENTS("现行有效行政规范性文件", "normative documents in force", in_force, normative_words,
              "normative_docs.valid"),
};

const struct govinfo_format gi_format_2021 = {
    .id = "2021",
    .name = "中华人民共和国政府信息公开工作年度报告格式",
    .first_year = 2021,
    .last_year = 0,
    .sections = sections,
    .nsections = GI_COUNT_OF(sections),
    .tables = tables,
    .ntables = GI_COUNT_OF(tables),
    .identities = gi_identities_2019_2021,
    .nidentities = GI_COUNT_OF(gi_identities_2019_2021),
    .rule_params = rule_params,
    .nrule_params = GI_COUNT_OF(rule_params),
    .statements = statements,
    .nstatements = GI_COUNT_OF(statements),
    .signature = signature,
};
