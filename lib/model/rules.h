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
 * CROSS   found by the checks across reports (lib/analysis/: compare, sum), never by the
 *         validation of one report; the versions are those the cross-year data names
 *         (model/years.h), every version for rules that read no format data
 * REVIEW  every version; found applying a suppression file (lib/review), never by validation
 *
 * The check is the function of lib/validate/ that looks for the rule's findings (named here,
 * so a rule cannot be added without one), GI_FOUND_BY_IMPORTER for scope IMPORT,
 * GI_FOUND_ACROSS_REPORTS for scope CROSS, GI_FOUND_BY_REVIEW for scope REVIEW. */
/* clang-format off */
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
  X(CELL_FULLWIDTH_DIGITS, "cell.fullwidth_digits", NOTE, ALL, gi_check_fullwidth_digits,          \
    "单元格的数字用全角字符书写（如输入法输入的“１１６”），已按数字读取",                          \
    "a cell's number is written in full-width digits (as input methods type １１６) and was "   \
    "read as that number")                                                                         \
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
    "第五部分“存在的主要问题及改进情况”为空或仅写“无”“暂无问题”之类",                              \
    "section five (problems and improvements) is empty or only says 无 (none), 暂无问题 or the "   \
    "like")                                                                                        \
  X(SECTIONS_FEE_STATEMENT, "sections.fee_statement", WARNING, LISTED, gi_check_fee_statement,     \
    "第六部分未报告信息处理费收取情况",                                                            \
    "section six says nothing about 信息处理费 (information processing fees)")                     \
  X(SECTIONS_FEE_UNPAID, "sections.fee_unpaid", WARNING, LISTED, gi_check_fee_unpaid,              \
    "表三有逾期未缴纳信息处理费的申请，但第六部分未提及信息处理费",                                \
    "table 3 counts applications dropped for unpaid fees, but section six does not mention "       \
    "信息处理费")                                                                                  \
  X(PUBLISHED_MISSING, "meta.published_missing", WARNING, ALL, gi_check_published_missing,        \
    "缺少发布日期：年度报告应写明发布日期（published: YYYY-MM-DD）",                               \
    "the publication date is missing (published: YYYY-MM-DD)")                                     \
  X(PUBLISHED_EARLY, "published.early", ERROR, ALL, gi_check_published_early,                      \
    "发布日期应在报告年度结束之后", "the publication date must fall after the report year")        \
  X(PUBLISHED_LATE, "published.late", WARNING, ALL, gi_check_published_late,                       \
    "逾期发布：部门应于次年1月31日前、人民政府应于次年3月31日前公布",                              \
    "published late: by 31 January of the next year for a department, 31 March for a "             \
    "people's government (人民政府)")                                                              \
  X(TEXT_YEAR, "text.year", WARNING, ALL, gi_check_text_year, "正文所写的统计年度与报告年度不符",  \
    "a year written in the text for the reporting period differs from the report year")            \
  X(NARRATIVE_RECEIVED, "narrative.received", WARNING, LISTED, gi_check_narrative,                 \
    "正文所写本年收到（受理）的申请数与表三“本年新收”不符"                                         \
    "（正文称含上年结转时，与本年新收加上年结转比较）",                                            \
    "the number of applications the text says were received differs from table 3's new "           \
    "received (new received + carried over when the text says it includes those)")                 \
  X(NARRATIVE_CARRIED_OVER, "narrative.carried_over", WARNING, LISTED, gi_check_narrative,         \
    "正文所写上年结转的申请数与表三“上年结转”不符",                                                \
    "the number of applications the text says were carried over differs from table 3")             \
  X(NARRATIVE_HANDLED, "narrative.handled", WARNING, LISTED, gi_check_narrative,                   \
    "正文所写办结（答复）的申请数与表三办理结果“总计”不符",                                        \
    "the number of applications the text says were handled differs from table 3's results total")  \
  X(NARRATIVE_CARRIED_FORWARD, "narrative.carried_forward", WARNING, LISTED, gi_check_narrative,   \
    "正文所写结转下年度的申请数与表三“结转下年度继续办理”不符",                                    \
    "the number of applications the text says are carried forward differs from table 3")           \
  X(NARRATIVE_RESULT, "narrative.result", WARNING, LISTED, gi_check_narrative,                     \
    "正文所写某类办理结果（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理）"           \
    "的件数与表三不符",                                                                            \
    "a count of one class of results (granted, partially granted, denied, unable, not "            \
    "processed, other) in the text differs from table 3")                                          \
  X(NARRATIVE_REVIEW, "narrative.review", WARNING, LISTED, gi_check_narrative,                     \
    "正文所写行政复议件数（或其某类结果）与表四不符",                                              \
    "the text's count of administrative reviews (or of one of their outcomes) differs from "       \
    "table 4")                                                                                     \
  X(NARRATIVE_LITIGATION, "narrative.litigation", WARNING, LISTED, gi_check_narrative,             \
    "正文所写行政诉讼件数（或其某类结果）与表四两行诉讼之和不符",                                  \
    "the text's count of lawsuits (or of one of their outcomes) differs from table 4's two "       \
    "litigation rows")                                                                             \
  X(NARRATIVE_DOCUMENTS, "narrative.documents", WARNING, LISTED, gi_check_narrative,               \
    "正文所写规章或行政规范性文件的制发、废止、现行有效件数与表二不符",                            \
    "the text's count of rules or normative documents made, repealed or in force differs from "    \
    "table 2")                                                                                     \
  X(NARRATIVE_SHARE, "narrative.share", WARNING, LISTED, gi_check_narrative,                       \
    "正文在件数旁所写的百分比与该件数占表中基数的比例不符",                                        \
    "a percentage printed beside a count is not that count's share of the table's base")           \
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
  X(IMPORT_CHARSET_WRONG, "import.charset_wrong", WARNING, IMPORT, GI_FOUND_BY_IMPORTER,           \
    "导入：网页声明的字符集与其实际编码不符",                                                      \
    "import: the page is not written in the charset it declares")                                  \
  X(YEAR_CARRY_OVER, "year.carry_over", WARNING, CROSS, GI_FOUND_ACROSS_REPORTS,                   \
    "跨年度：本年“上年结转”应等于上年报告的“结转下年度继续办理”（每一列）",                        \
    "across years: this year's carried over equals last year's carried forward, in every column")  \
  X(YEAR_DOCUMENTS, "year.documents", WARNING, CROSS, GI_FOUND_ACROSS_REPORTS,                     \
    "跨年度：现行有效件数应等于上年现行有效件数加本年制发减本年废止（2021 格式）；"                \
    "对外公开总数量应等于上年总数量加本年新公开数量（2019 格式）",                                 \
    "across years: documents in force = last year's + made - repealed (2021 format); total "       \
    "published = last year's + newly published (2019 format)")                                     \
  X(YEAR_TEXT_REUSE, "year.text_reuse", WARNING, CROSS, GI_FOUND_ACROSS_REPORTS,                   \
    "跨年度：某部分正文与上年报告大段相同，超过阈值",                                              \
    "across years: too much of a section's text also appears in last year's report")               \
  X(YEAR_JUMP, "year.jump", NOTE, CROSS, GI_FOUND_ACROSS_REPORTS,                                  \
    "跨年度：关键数字（收到、办结、行政复议、行政诉讼）较上年增长超过5倍或降至五分之一以下",       \
    "across years: a key figure (received, handled, reviews, lawsuits) grew over 5 times or "      \
    "fell under a fifth of last year's")                                                           \
  X(SUM_ABSENT, "sum.absent", WARNING, CROSS, GI_FOUND_ACROSS_REPORTS,                             \
    "汇总：某个报告该单元格为空白、符号或缺失，汇总结果中该单元格缺失",                            \
    "sum: a part leaves the cell blank, marked or absent, so the sum leaves it absent")            \
  X(SUM_DIFFERS, "sum.differs", NOTE, CROSS, GI_FOUND_ACROSS_REPORTS,                              \
    "汇总：上级报告所印数字与各部分之和不同",                                                      \
    "sum: the parent's printed figure differs from the sum of its parts")                         \
  /* review: findings about a suppression file (lib/review), never about a report */               \
  X(SUPPRESSION_STALE, "suppression.stale", NOTE, REVIEW, GI_FOUND_BY_REVIEW,                      \
    "抑制条目所针对的发现已不再出现（已改正或数值已变）",                                          \
    "a suppression matches no finding any more (fixed, or its values changed)")                    \
  X(SUPPRESSION_NO_REASON, "suppression.no_reason", WARNING, REVIEW, GI_FOUND_BY_REVIEW,           \
    "抑制条目未写理由，未予应用", "a suppression gives no reason and is not applied")

/* clang-format on */

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
  GI_SCOPE_CROSS,
  GI_SCOPE_REVIEW
} gi_rule_scope;

#include <stdbool.h>

#define GI_FOUND_BY_IMPORTER NULL
#define GI_FOUND_ACROSS_REPORTS NULL
#define GI_FOUND_BY_REVIEW NULL

struct govinfo_rule;
/* The registry index of a rule record (govinfo_rule_at(i) gives record i). */
gi_rule gi_rule_of(const struct govinfo_rule *rule);

/* True for rules the importer reports (scope IMPORT): validation never runs them. */
bool gi_rule_is_import(gi_rule rule);
/* True for rules found across reports (scope CROSS): validation never runs them. */
bool gi_rule_is_cross(gi_rule rule);
/* True for the rules about suppression files (scope REVIEW): validation never runs them. */
bool gi_rule_is_review(gi_rule rule);

#endif
