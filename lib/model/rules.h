/* The one registry of validation rules. Each X() line gives the enum name, the stable id
 * (never reused), the severity, where the rule applies, the validator's function that checks
 * it and its description in Chinese and English; the enum, `govinfo rules`, the validator's
 * table of checks, the docs and the tests all come from this list. */
#ifndef GI_MODEL_RULES_H
#define GI_MODEL_RULES_H

/* Where a rule applies:
 * ALL     every format version
 * LISTED  versions whose definition lists the rule: in an identity, or with parameters
 * GROUPS  versions that have group rows able to carry a figure
 * IMPORT  every version; found by the importer, never by validation
 * REVIEW  every version; found applying a suppression file (lib/review), never by validation
 *
 * The check is the function of lib/validate/ that looks for the rule's findings (named here,
 * so a rule cannot be added without one), or GI_FOUND_BY_IMPORTER for scope IMPORT
 * (GI_FOUND_BY_REVIEW for REVIEW). */
#define GI_RULES(X)                                                                                \
  X(TABLE3_BALANCE, "table3.balance", ERROR, LISTED, gi_check_identities,                          \
    "表三收办平衡：每一列本年新收加上年结转等于办理结果总计加结转下年度继续办理",                  \
    "table 3 balance: in every column, new received + carried over = results total + "             \
    "carried forward")                                                                             \
  X(TABLE3_RESULT_TOTAL, "table3.result_total", ERROR, LISTED, gi_check_identities,                \
    "表三明细合计：每一列各项办理结果之和等于（七）总计",                                          \
    "table 3 results: in every column, the result rows add up to (7) total")                       \
  X(TABLE3_ROW_TOTAL, "table3.row_total", ERROR, LISTED, gi_check_identities,                      \
    "表三横向总计：每一行总计等于六类申请人之和",                                                  \
    "table 3 row total: in every row, total = the six applicant columns")                          \
  X(TABLE4_ROW_TOTAL, "table4.row_total", ERROR, LISTED, gi_check_identities,                      \
    "表四：每一行结果维持、结果纠正、其他结果、尚未审结之和等于总计",                              \
    "table 4: in every row, upheld + corrected + other + pending = total")                         \
  X(GROUP_SUM, "group.sum", ERROR, GROUPS, gi_check_group_sums,                                    \
    "分组行印有自己的数字时，应等于其子项之和",                                                    \
    "a group row printed with figures of its own equals the sum of its sub-rows")                  \
  X(LAYOUT_GROUP_ROW, "layout.group_row", WARNING, GROUPS, gi_check_group_rows,                    \
    "版式偏差：分组行作为一行印出数字，未按格式分列子项",                                          \
    "layout deviation: a group row is printed as one row instead of its sub-rows")                 \
  X(CELL_NEGATIVE, "cell.negative", ERROR, ALL, gi_check_negatives,                                \
    "数值类型：计数和金额不能为负数（仅本年增/减可为负）",                                         \
    "kind of value: counts and amounts are not negative (only 本年增/减 is signed)")               \
  X(CELL_FRACTION, "cell.fraction", ERROR, ALL, gi_check_fractions,                                \
    "数值类型：只有金额可以有小数，计数必须是整数",                                                \
    "kind of value: only money may have decimals; counts are integers")                            \
  X(CELL_BLANK, "cell.blank", WARNING, ALL, gi_check_blanks, "单元格留空：空白不等于零",           \
    "blank cell: blank is not zero")                                                               \
  X(CELL_MARK, "cell.mark", WARNING, ALL, gi_check_marks,                                          \
    "单元格填写了非数字符号（如“/”“—”“无”），不等于零",                                            \
    "marked cell: a mark such as \"/\" is not a number and not zero")                              \
  X(CELL_ABSENT, "cell.absent", WARNING, ALL, gi_check_absents, "单元格缺失：报告未给出该数据",    \
    "absent cell: the report does not give this figure")                                           \
  X(META_MISSING, "meta.missing", ERROR, ALL, gi_check_meta, "缺少报告年度或发布机关",             \
    "the report year or the issuing organ is missing")                                             \
  X(FORMAT_YEAR, "format.year", ERROR, ALL, gi_check_format_year,                                  \
    "格式版本与报告年度不符：每个格式版本只适用于规定的报告年度",                                  \
    "the format version does not apply to the report year (each version covers its own "           \
    "years)")                                                                                      \
  X(SECTIONS_MISSING, "sections.missing", ERROR, ALL, gi_check_sections_missing,                   \
    "缺少必备部分：年度报告应包括一至六部分",                                                      \
    "a required section is missing: the report has six sections")                                  \
  X(SECTIONS_ORDER, "sections.order", ERROR, ALL, gi_check_sections_order, "各部分顺序应为一至六", \
    "the sections are not in the order one to six")                                                \
  X(SECTIONS_TITLE, "sections.title", WARNING, ALL, gi_check_sections_title,                       \
    "部分标题与格式规定的标题及已知变体不符",                                                      \
    "a section title is neither the official title nor a known variant")                           \
  X(SECTIONS_PROBLEMS_EMPTY, "sections.problems_empty", WARNING, LISTED, gi_check_problems_empty,  \
    "第五部分“存在的主要问题及改进情况”为空或仅写“无”",                                            \
    "section five (problems and improvements) is empty or only says 无")                           \
  X(SECTIONS_FEE_STATEMENT, "sections.fee_statement", WARNING, LISTED, gi_check_fee_statement,     \
    "第六部分未报告信息处理费收取情况",                                                            \
    "section six says nothing about 信息处理费 (information processing fees)")                     \
  X(SECTIONS_FEE_UNPAID, "sections.fee_unpaid", WARNING, LISTED, gi_check_fee_unpaid,              \
    "表三有逾期未缴纳信息处理费的申请，但第六部分未提及信息处理费",                                \
    "table 3 counts applications dropped for unpaid fees, but section six does not mention "       \
    "信息处理费")                                                                                  \
  X(PUBLISHED_EARLY, "published.early", ERROR, ALL, gi_check_published_early,                      \
    "发布日期应在报告年度结束之后", "the publication date must fall after the report year")        \
  X(PUBLISHED_LATE, "published.late", WARNING, ALL, gi_check_published_late,                       \
    "逾期发布：部门应于次年1月31日前、人民政府应于次年3月31日前公布",                              \
    "published late: by 31 January of the next year for a department, 31 March for a "             \
    "people's government (人民政府)")                                                              \
  X(TEXT_YEAR, "text.year", WARNING, ALL, gi_check_text_year, "正文所写的统计年度与报告年度不符",  \
    "a year written in the text for the reporting period differs from the report year")            \
  X(IMPORT_CELL_UNREAD, "import.cell_unread", ERROR, IMPORT, GI_FOUND_BY_IMPORTER,                 \
    "导入：无法确定地读出该单元格，已留空缺失（不猜测数字）",                                      \
    "import: the cell could not be read with certainty and is left absent (no guessing)")          \
  X(IMPORT_TABLE_MISSING, "import.table_missing", ERROR, IMPORT, GI_FOUND_BY_IMPORTER,             \
    "导入：未找到该表格", "import: the table was not found")                                       \
  X(IMPORT_LABEL_VARIANT, "import.label_variant", NOTE, IMPORT, GI_FOUND_BY_IMPORTER,              \
    "导入：行标签与格式规定的写法不同（按位置与相近写法识别）",                                    \
    "import: a row label is printed differently from the official one (recognised by "             \
    "position and likeness)")                                                                      \
  X(IMPORT_METADATA_MISSING, "import.metadata_missing", WARNING, IMPORT, GI_FOUND_BY_IMPORTER,     \
    "导入：未找到标题、发布机关、报告年度或发布日期",                                              \
    "import: the title, issuing organ, report year or publication date was not found")             \
  X(IMPORT_READING_ORDER, "import.reading_order", NOTE, IMPORT, GI_FOUND_BY_IMPORTER,              \
    "导入：PDF 的版式文本无法读出，改用阅读顺序文本",                                              \
    "import: the PDF's layout text could not be read; its reading-order text was used")            \
  X(IMPORT_SPLIT_BY_IDENTITY, "import.split_by_identity", NOTE, IMPORT, GI_FOUND_BY_IMPORTER,      \
    "导入：连在一起印出的数字按勾稽关系分开（只有一种分法满足格数与勾稽关系）",                    \
    "import: figures printed run together were separated by arithmetic (exactly one split "        \
    "satisfies the cell count and the identities)")                                                \
  /* review: findings about a suppression file (lib/review), never about a report */               \
  X(SUPPRESSION_STALE, "suppression.stale", NOTE, REVIEW, GI_FOUND_BY_REVIEW,                      \
    "抑制条目所针对的发现已不再出现（已改正或数值已变）",                                          \
    "a suppression matches no finding any more (fixed, or its values changed)")                    \
  X(SUPPRESSION_NO_REASON, "suppression.no_reason", WARNING, REVIEW, GI_FOUND_BY_REVIEW,           \
    "抑制条目未写理由，未予应用", "a suppression gives no reason and is not applied")

typedef enum gi_rule {
#define GI_RULE_ENUM_(name, id, severity, scope, check, zh, en) GI_RULE_##name,
  GI_RULES(GI_RULE_ENUM_)
#undef GI_RULE_ENUM_
      GI_RULE_COUNT_
} gi_rule;

typedef enum gi_rule_scope {
  GI_SCOPE_ALL,
  GI_SCOPE_LISTED,
  GI_SCOPE_GROUPS,
  GI_SCOPE_IMPORT,
  GI_SCOPE_REVIEW
} gi_rule_scope;

#include <stdbool.h>

#define GI_FOUND_BY_IMPORTER NULL
#define GI_FOUND_BY_REVIEW NULL

struct govinfo_rule;
/* The registry index of a rule record (govinfo_rule_at(i) gives record i). */
gi_rule gi_rule_of(const struct govinfo_rule *rule);

/* True for rules the importer reports (scope IMPORT): validation never runs them. */
bool gi_rule_is_import(gi_rule rule);
/* True for the rules about suppression files (scope REVIEW): validation never runs them. */
bool gi_rule_is_review(gi_rule rule);

#endif
