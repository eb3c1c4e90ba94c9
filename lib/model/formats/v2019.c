/* Format "2019": 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号,
 * for report years 2019 and 2020 (FORMATS.md §3). */
#include "shared.h"

static const struct govinfo_section_def sections[] = {GI_SECTIONS_2019_2021};

static const struct govinfo_column item_columns[] = {
    {"new_made", "本年新制作数量", GOVINFO_KIND_COUNT},
    {"new_published", "本年新公开数量", GOVINFO_KIND_COUNT},
    {"total_published", "对外公开总数量", GOVINFO_KIND_COUNT},
};
static const struct govinfo_row item1_rows[] = {
    {"rules", "规章", NULL, GI_DATA},
    {"normative_docs", "规范性文件", NULL, GI_DATA},
};

static const struct govinfo_column project_columns[] = {
    {"prev_year_count", "上一年项目数量", GOVINFO_KIND_COUNT},
    {"change", "本年增/减", GOVINFO_KIND_SIGNED},
    {"decisions", "处理决定数量", GOVINFO_KIND_COUNT},
};
static const struct govinfo_row item5_rows[] = {
    {"admin_license", "行政许可", NULL, GI_DATA},
    {"other_external_services", "其他对外管理服务事项", NULL, GI_DATA},
};
static const struct govinfo_row item6_rows[] = {
    {"admin_penalty", "行政处罚", NULL, GI_DATA},
    {"admin_coercion", "行政强制", NULL, GI_DATA},
};
static const struct govinfo_row item8_rows[] = {
    {"admin_fees", "行政事业性收费", NULL, GI_DATA},
};
static const struct govinfo_column procurement_columns[] = {
    {"project_count", "采购项目数量", GOVINFO_KIND_COUNT},
    {"total_amount", "采购总金额", GOVINFO_KIND_MONEY},
};
static const struct govinfo_row item9_rows[] = {
    {"centralized_procurement", "政府集中采购", NULL, GI_DATA},
};

static const struct govinfo_row table3_rows[] = {
    GI_TABLE3_ROWS_HEAD,
    {"other_processing", "（六）其他处理", "results", GI_DATA},
    GI_TABLE3_ROWS_TAIL,
};

/* （八） has only the first two project columns. */
static const struct govinfo_table tables[] = {
    {"table2_art20_1", "s2", "第二十条第（一）项", item1_rows, GI_COUNT_OF(item1_rows),
     item_columns, GI_COUNT_OF(item_columns), false},
    {"table2_art20_5", "s2", "第二十条第（五）项", item5_rows, GI_COUNT_OF(item5_rows),
     project_columns, GI_COUNT_OF(project_columns), false},
    {"table2_art20_6", "s2", "第二十条第（六）项", item6_rows, GI_COUNT_OF(item6_rows),
     project_columns, GI_COUNT_OF(project_columns), false},
    {"table2_art20_8", "s2", "第二十条第（八）项", item8_rows, GI_COUNT_OF(item8_rows),
     project_columns, 2, false},
    {"table2_art20_9", "s2", "第二十条第（九）项", item9_rows, GI_COUNT_OF(item9_rows),
     procurement_columns, GI_COUNT_OF(procurement_columns), false},
    {"table3", "s3", "收到和处理政府信息公开申请情况", table3_rows, GI_COUNT_OF(table3_rows),
     gi_table3_columns, GI_COUNT_OF(gi_table3_columns), false},
    GI_TABLE4,
};

static const char *const signature[] = {"本年新制作数量",
                                        "本年新公开数量",
                                        "对外公开总数量",
                                        "上一年项目数量",
                                        "第二十条第（九）项",
                                        "采购总金额",
                                        NULL};

static const gi_rule_params rule_params[] = {
    {GI_RULE_SECTIONS_PROBLEMS_EMPTY, "s5", NULL, gi_nothing_words, NULL},
    {GI_RULE_NARRATIVE_SHARE, NULL, NULL, gi_share_words, NULL},
};

static const gi_statement statements[] = {GI_STATEMENTS_2019_2021};

const struct govinfo_format gi_format_2019 = {
    .id = "2019",
    .name = "中华人民共和国政府信息公开工作年度报告格式（试行）",
    .first_year = 2019,
    .last_year = 2020,
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
