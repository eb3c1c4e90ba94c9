/* The Markdown and HTML front ends of the importer: the lines, tokens, kinds and positions
 * they make of small inputs. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdarg.h>
#include <string.h>

#include "govinfo/govinfo.h"
#include "import/doc.h"
#include "util/buf.h"
#include "util/text.h"

static gi_doc doc;

static void setup(void) { gi_doc_init(&doc); }
static void teardown(void) { gi_doc_free(&doc); }

TestSuite(markdown, .init = setup, .fini = teardown);

static void read_markdown(const char *text) {
  int rc = gi_read_markdown(&doc, text, strlen(text));
  cr_assert_eq(rc, GOVINFO_OK, "%s", govinfo_error_last()->message);
}

static const gi_line *line_at(size_t i) {
  cr_assert_lt(i, doc.nlines, "line %zu of %zu", i, doc.nlines);
  return &doc.lines[i];
}

static const gi_token *token_at(size_t line, size_t i) {
  const gi_line *l = line_at(line);
  cr_assert_lt(i, l->count, "token %zu of line %zu (%zu tokens)", i, line, (size_t)l->count);
  return &doc.tokens[l->first + i];
}

/* Line i has this kind and exactly these tokens (NULL-terminated). */
static void expect_line(size_t i, gi_line_kind kind, ...) {
  const gi_line *l = line_at(i);
  cr_assert_eq(l->kind, kind, "line %zu (\"%s\") is of kind %d, not %d", i, l->raw, l->kind, kind);
  va_list ap;
  va_start(ap, kind);
  size_t n = 0;
  for (const char *want; (want = va_arg(ap, const char *)) != NULL; n++)
    cr_assert_str_eq(token_at(i, n)->text, want, "line %zu token %zu", i, n);
  va_end(ap);
  cr_assert_eq(l->count, n, "line %zu has %zu tokens, expected %zu", i, (size_t)l->count, n);
}

static void expect_loc(gi_loc loc, uint32_t line, uint32_t column) {
  cr_assert_eq(loc.line, line, "line %u, expected %u", loc.line, line);
  cr_assert_eq(loc.column, column, "column %u, expected %u", loc.column, column);
}

/* ---- Markdown ---- */

Test(markdown, a_pipe_row_gives_one_token_per_cell_where_each_cell_starts) {
  read_markdown("| 规章 | 0 |  12 |\n");
  cr_assert_eq(doc.nlines, 1);
  expect_line(0, GI_LINE_ROW, "规章", "0", "12", NULL);
  cr_assert(line_at(0)->table_start);
  expect_loc(line_at(0)->loc, 1, 1);
  expect_loc(token_at(0, 0)->loc, 1, 3);
  expect_loc(token_at(0, 1)->loc, 1, 12);
  expect_loc(token_at(0, 2)->loc, 1, 17);
}

Test(markdown, the_delimiter_row_is_dropped_and_only_the_first_row_starts_the_table) {
  read_markdown("| 信息内容 | 本年制发件数 |\n|:---|---:|\n| 规章 | 3 |\n");
  cr_assert_eq(doc.nlines, 2);
  expect_line(0, GI_LINE_ROW, "信息内容", "本年制发件数", NULL);
  expect_line(1, GI_LINE_ROW, "规章", "3", NULL);
  cr_assert(line_at(0)->table_start);
  cr_assert_not(line_at(1)->table_start);
  expect_loc(line_at(1)->loc, 3, 1);
}

Test(markdown, outer_pipes_are_optional) {
  read_markdown("信息内容 | 本年制发件数\n--- | ---\n规章 | 3\n");
  cr_assert_eq(doc.nlines, 2);
  expect_line(0, GI_LINE_ROW, "信息内容", "本年制发件数", NULL);
  expect_line(1, GI_LINE_ROW, "规章", "3", NULL);
  expect_loc(token_at(1, 1)->loc, 3, 10);
}

Test(markdown, a_line_with_a_pipe_but_no_table_shape_is_text) {
  read_markdown("甲 | 乙\n");
  expect_line(0, GI_LINE_TEXT, "甲", "|", "乙", NULL);
}

Test(markdown, empty_cells_keep_their_place_as_empty_tokens) {
  read_markdown("| 规章 | | &nbsp; | 0 |\n|  |\n");
  expect_line(0, GI_LINE_ROW, "规章", "", "", "0", NULL);
  expect_line(1, GI_LINE_ROW, "", NULL);
  expect_loc(token_at(0, 1)->loc, 1, 11); /* right after its pipe */
  expect_loc(token_at(0, 2)->loc, 1, 14);
  expect_loc(token_at(1, 0)->loc, 2, 2);
}

Test(markdown, marks_stay_as_printed) {
  read_markdown("| 规章 | / | — | - |\n");
  expect_line(0, GI_LINE_ROW, "规章", "/", "—", "-", NULL);
}

Test(markdown, a_dash_row_after_the_second_line_is_a_row_of_marks) {
  read_markdown("| 结果维持 | 总计 |\n|---|---|\n| - | - |\n");
  cr_assert_eq(doc.nlines, 2);
  expect_line(1, GI_LINE_ROW, "-", "-", NULL);
}

Test(markdown, escaped_pipes_stay_inside_their_cell) {
  read_markdown("| a \\| b | c |\n");
  expect_line(0, GI_LINE_ROW, "a|b", "c", NULL);
}

Test(markdown, bold_and_line_breaks_inside_cells_become_nothing) {
  read_markdown("| **（二）部分公开**<br>（区分处理的） | 1<br/>0 | <BR /> |\n");
  expect_line(0, GI_LINE_ROW, "(二)部分公开(区分处理的)", "10", "", NULL);
}

Test(markdown, cr_lf_line_ends_leave_no_carriage_return) {
  read_markdown("| a | b |\r\n|---|---|\r\n| c | 1 |\r\n正文\r\n");
  expect_line(1, GI_LINE_ROW, "c", "1", NULL);
  expect_line(2, GI_LINE_TEXT, "正文", NULL);
  cr_assert_str_eq(line_at(2)->raw, "正文");
}

Test(markdown, headings_lose_their_markers) {
  read_markdown("# 某县2024年政府信息公开工作年度报告\n\n## 一、总体情况 ##\n");
  cr_assert_eq(doc.nlines, 3);
  expect_line(0, GI_LINE_TEXT, "某县2024年政府信息公开工作年度报告", NULL);
  expect_line(1, GI_LINE_TEXT, NULL);
  expect_line(2, GI_LINE_TEXT, "一、总体情况", NULL);
  cr_assert_str_eq(line_at(2)->raw, "一、总体情况");
  expect_loc(token_at(2, 0)->loc, 3, 4);
}

Test(markdown, a_hash_without_a_space_is_text) {
  read_markdown("#3号文件\n");
  expect_line(0, GI_LINE_TEXT, "#3号文件", NULL);
}

Test(markdown, bold_in_text_is_removed_and_words_point_at_their_source_column) {
  read_markdown("本年新收**21**件 申请\n");
  expect_line(0, GI_LINE_TEXT, "本年新收21件", "申请", NULL);
  cr_assert_str_eq(line_at(0)->raw, "本年新收21件 申请");
  expect_loc(token_at(0, 0)->loc, 1, 1);
  expect_loc(token_at(0, 1)->loc, 1, 23); /* 12 + 2 + 2 + 2 + 3 + 1 bytes before it */
}

Test(markdown, escapes_and_character_references_are_decoded) {
  read_markdown("1\\. 属于&#22269;&#x5BB6;秘密 &amp; &lt;x&gt; &bogus; &#0;\n");
  expect_line(0, GI_LINE_TEXT, "1.", "属于国家秘密", "&", "<x>", "&bogus;", "&#0;", NULL);
  expect_loc(token_at(0, 1)->loc, 1, 5);
  expect_loc(token_at(0, 2)->loc, 1, 34);
}

Test(markdown, every_line_keeps_its_number_blank_ones_too) {
  read_markdown("第一段\n\n第二段\n");
  cr_assert_eq(doc.nlines, 3);
  expect_loc(line_at(2)->loc, 3, 1);
  expect_line(1, GI_LINE_TEXT, NULL);
}

Test(markdown, columns_count_the_byte_order_mark) {
  read_markdown("\xEF\xBB\xBF| a |\n");
  expect_line(0, GI_LINE_ROW, "a", NULL);
  expect_loc(token_at(0, 0)->loc, 1, 6);
}

Test(markdown, a_page_number_alone_is_a_page_break) {
  read_markdown("正文\n- 3 -\n第 4 页 共 6 页\n");
  expect_line(1, GI_LINE_BREAK, NULL);
  expect_line(2, GI_LINE_BREAK, NULL);
}

static const char split_table[] = "| 项目 | 自然人 | 总计 |\n"  /* 1 */
                                  "|---|---|---|\n"             /* 2 */
                                  "| 一、本年新收 | 3 | 3 |\n"  /* 3 */
                                  "\n"                          /* 4 */
                                  "-3-\n"                       /* 5 */
                                  "\n"                          /* 6 */
                                  "| 项目 | 自然人 | 总计 |\n"  /* 7: the header printed again */
                                  "|---|---|---|\n"             /* 8 */
                                  "| 二、上年结转 | 0 | 0 |\n"; /* 9 */

Test(markdown, a_table_broken_by_a_page_footer_continues_after_the_break) {
  read_markdown(split_table);
  cr_assert_eq(doc.nlines, 4, "%zu lines", doc.nlines);
  expect_line(0, GI_LINE_ROW, "项目", "自然人", "总计", NULL);
  expect_line(1, GI_LINE_ROW, "一、本年新收", "3", "3", NULL);
  expect_line(2, GI_LINE_BREAK, NULL);
  expect_loc(line_at(2)->loc, 5, 1);
  expect_line(3, GI_LINE_ROW, "二、上年结转", "0", "0", NULL);
  expect_loc(line_at(3)->loc, 9, 1);
  cr_assert(line_at(0)->table_start);
  cr_assert_not(line_at(3)->table_start);
}

Test(markdown, a_continuation_keeps_a_first_row_that_repeats_nothing) {
  read_markdown("| 项目 | 自然人 |\n|---|---|\n| 1.属于国家秘密 | 0 |\n第 2 页\n"
                "| 2.其他法律行政法规禁止公开 | 1 |\n|---|---|\n| 3.危及“三安全一稳定” | 2 |\n");
  cr_assert_eq(doc.nlines, 5);
  expect_line(2, GI_LINE_BREAK, NULL);
  expect_line(3, GI_LINE_ROW, "2.其他法律行政法规禁止公开", "1", NULL);
  expect_line(4, GI_LINE_ROW, "3.危及“三安全一稳定”", "2", NULL);
  cr_assert_not(line_at(3)->table_start);
}

Test(markdown, a_repeated_multi_row_header_is_dropped_whole) {
  read_markdown(
      "| 项目 | 申请人情况 | |\n|---|---|---|\n| | 自然人 | 总计 |\n| 一、本年新收 | 3 | 3 |\n"
      "-4-\n"
      "| 项目 | 申请人情况 | |\n|---|---|---|\n| | 自然人 | 总计 |\n| 四、结转 | 1 | 1 |\n");
  cr_assert_eq(doc.nlines, 5);
  expect_line(3, GI_LINE_BREAK, NULL);
  expect_line(4, GI_LINE_ROW, "四、结转", "1", "1", NULL);
}

Test(markdown, a_rule_between_two_halves_continues_the_table_without_a_break_line) {
  read_markdown(
      "| 项目 | 总计 |\n|---|---|\n| 一、本年新收 | 3 |\n\n-----\n\n| 项目 | 总计 |\n|---|---|\n"
      "| 二、上年结转 | 0 |\n");
  cr_assert_eq(doc.nlines, 3);
  expect_line(2, GI_LINE_ROW, "二、上年结转", "0", NULL);
  cr_assert_not(line_at(2)->table_start);
}

Test(markdown, tables_apart_without_a_page_break_are_two_tables) {
  read_markdown(
      "| 项目 | 总计 |\n|---|---|\n| 一 | 3 |\n\n| 结果维持 | 总计 |\n|---|---|\n| 1 | 1 |\n"
      "四、政府信息公开行政复议、行政诉讼情况\n-5-\n| 结果维持 | 总计 |\n|---|---|\n");
  cr_assert_eq(doc.nlines, 8, "%zu lines", doc.nlines);
  expect_line(3, GI_LINE_ROW, "结果维持", "总计", NULL);
  cr_assert(line_at(3)->table_start);
  expect_line(5, GI_LINE_TEXT, "四、政府信息公开行政复议、行政诉讼情况", NULL);
  expect_line(6, GI_LINE_BREAK, NULL);
  cr_assert(line_at(7)->table_start);
}

Test(markdown, empty_input_gives_no_lines) {
  read_markdown("");
  cr_assert_eq(doc.nlines, 0);
}

#ifdef GOVINFO_HAVE_HTML
Test(markdown, an_html_table_on_one_line_is_read_by_the_html_front_end) {
  read_markdown("正文\n<html><body><table><tr><td rowspan=2>（三）不予公开</td><td>1</td></tr>"
                "<tr><td>&nbsp;</td></tr></table></body></html>\n尾 | 巴\n");
  cr_assert_eq(doc.nlines, 4, "%zu lines", doc.nlines);
  expect_line(0, GI_LINE_TEXT, "正文", NULL);
  expect_line(1, GI_LINE_ROW, "(三)不予公开", "1", NULL);
  expect_line(2, GI_LINE_ROW, "", NULL);
  expect_line(3, GI_LINE_TEXT, "尾", "|", "巴", NULL);
  cr_assert(line_at(1)->table_start);
  expect_loc(line_at(2)->loc, 2, 1);
  expect_loc(token_at(2, 0)->loc, 2, 1);
  expect_loc(line_at(3)->loc, 3, 1);
}

Test(markdown, an_html_table_over_lines_continues_across_a_page_break) {
  read_markdown("<table border=1>\n<tr><td>项目</td><td>1</td></tr>\n</table>\n\n-3-\n\n"
                "<TABLE>\n<tr><td>二</td><td>0</td></tr>\n</TABLE>\n正文\n");
  cr_assert_eq(doc.nlines, 4, "%zu lines", doc.nlines);
  expect_line(0, GI_LINE_ROW, "项目", "1", NULL);
  expect_loc(line_at(0)->loc, 2, 1);
  expect_line(1, GI_LINE_BREAK, NULL);
  expect_loc(line_at(1)->loc, 5, 1);
  expect_line(2, GI_LINE_ROW, "二", "0", NULL);
  expect_loc(token_at(2, 1)->loc, 8, 1);
  cr_assert(line_at(0)->table_start);
  cr_assert_not(line_at(2)->table_start);
  expect_line(3, GI_LINE_TEXT, "正文", NULL);
  expect_loc(line_at(3)->loc, 10, 1);
}
#endif

/* ---- HTML ---- */

#ifdef GOVINFO_HAVE_HTML
TestSuite(html, .init = setup, .fini = teardown);

static void read_html(const char *text) {
  int rc = gi_read_html(&doc, text, strlen(text), "page.html");
  cr_assert_eq(rc, GOVINFO_OK, "%s", govinfo_error_last()->message);
}

static const char report_table[] =
    "<table border=1>\n"                                                                  /* 1 */
    "<tr><td rowspan=3 colspan=3>（本列数据的勾稽关系为：<br>第一项加第二项之和）</td>\n" /* 2 */
    "    <td colspan=7>申请人情况</td></tr>\n"                                            /* 3 */
    "<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>\n"
    "<tr><td>商业企业</td><td>科研机构</td></tr>\n"                                  /* 5 */
    "<tr><td rowspan=9>三、本年度办理结果</td><td rowspan=8>（三）不予公开</td>\n"   /* 6 */
    "    <td>1.属于国家秘密</td><td>1</td><td>&nbsp;</td><td></td><td>/</td></tr>\n" /* 7 */
    "<tr><td>2.其他法律行政法规禁止公开</td>\n"                                      /* 8 */
    "    <td>\n      <p><span>0</span></p>\n    </td></tr>\n"                        /* 9-11 */
    "</table>\n";

Test(html, each_cell_comes_once_in_source_order_rowspans_not_repeated) {
  read_html(report_table);
  cr_assert_eq(doc.nlines, 5, "%zu lines", doc.nlines);
  expect_line(0, GI_LINE_ROW, "(本列数据的勾稽关系为:第一项加第二项之和)", "申请人情况", NULL);
  expect_line(1, GI_LINE_ROW, "自然人", "法人或其他组织", "总计", NULL);
  expect_line(2, GI_LINE_ROW, "商业企业", "科研机构", NULL);
  expect_line(3, GI_LINE_ROW, "三、本年度办理结果", "(三)不予公开", "1.属于国家秘密", "1", "", "",
              "/", NULL);
  expect_line(4, GI_LINE_ROW, "2.其他法律行政法规禁止公开", "0", NULL);
  cr_assert(line_at(0)->table_start);
  for (size_t i = 1; i < 5; i++) cr_assert_not(line_at(i)->table_start);
}

Test(html, rows_and_cells_start_at_their_source_lines_column_1) {
  read_html(report_table);
  expect_loc(line_at(0)->loc, 2, 1);
  expect_loc(token_at(0, 1)->loc, 3, 1);
  expect_loc(line_at(3)->loc, 6, 1);
  expect_loc(token_at(3, 2)->loc, 7, 1);
  expect_loc(token_at(3, 4)->loc, 7, 1);  /* an empty cell: where it starts */
  expect_loc(token_at(4, 1)->loc, 10, 1); /* a cell's text on a later line */
}

Test(html, the_title_comes_first_then_one_line_per_block_and_per_br) {
  read_html(
      "<html><head><meta charset=\"utf-8\"><title>某县2024年政府信息公开工作年度报告</title>\n"
      "<style>p { margin: 0 }</style><script>document.write('<p>x</p>')</script></head>\n"
      "<body><h1>某县2024年<br>政府信息公开工作年度报告</h1>\n"
      "<p>　　根据《条例》，\n  现公布。</p><div>一、总体情况<div>（一）主动公开</div>正文</div>\n"
      "<ul><li>一是</li><li>二是<b>加强</b></li></ul><p>-2-</p></body></html>\n");
  cr_assert_eq(doc.nlines, 10, "%zu lines", doc.nlines);
  expect_line(0, GI_LINE_TEXT, "某县2024年政府信息公开工作年度报告", NULL);
  expect_line(1, GI_LINE_TEXT, "某县2024年", NULL);
  expect_line(2, GI_LINE_TEXT, "政府信息公开工作年度报告", NULL);
  expect_line(3, GI_LINE_TEXT, "根据《条例》,", "现公布。", NULL);
  cr_assert_str_eq(line_at(3)->raw, "根据《条例》， 现公布。");
  expect_line(4, GI_LINE_TEXT, "一、总体情况", NULL);
  expect_line(5, GI_LINE_TEXT, "(一)主动公开", NULL);
  expect_line(6, GI_LINE_TEXT, "正文", NULL);
  expect_line(7, GI_LINE_TEXT, "一是", NULL);
  expect_line(8, GI_LINE_TEXT, "二是加强", NULL);
  expect_line(9, GI_LINE_BREAK, NULL);
  expect_loc(line_at(0)->loc, 1, 1);
  expect_loc(line_at(3)->loc, 4, 1);
  expect_loc(token_at(3, 1)->loc, 4, 1); /* words have no known column */
}

Test(html, no_break_spaces_collapse_like_spaces_and_indents_are_trimmed) {
  read_html("<p>&nbsp;&nbsp;　　正文&nbsp;&nbsp; 甲\n乙　</p><p>&nbsp;</p>");
  cr_assert_eq(doc.nlines, 1);
  cr_assert_str_eq(line_at(0)->raw, "正文 甲 乙");
}

Test(html, text_after_an_element_starts_where_the_text_does) {
  read_html("<div><b>甲</b></div>\n\n正文\n<p>乙</p>");
  expect_line(1, GI_LINE_TEXT, "正文", NULL);
  expect_loc(line_at(1)->loc, 3, 1);
}

Test(html, hidden_elements_scripts_and_styles_give_nothing) {
  read_html("<p>甲</p><div style=\"color: red; DISPLAY : none\">隐藏</div><p hidden>也隐藏</p>"
            "<noscript>无脚本</noscript><script>var s = '<td>';</script><style>td{}</style>"
            "<table><tr><td>1</td><td style=\"display:none\">2</td></tr></table><p>乙</p>");
  cr_assert_eq(doc.nlines, 3);
  expect_line(0, GI_LINE_TEXT, "甲", NULL);
  expect_line(1, GI_LINE_ROW, "1", NULL);
  expect_line(2, GI_LINE_TEXT, "乙", NULL);
}

Test(html, a_layout_row_gives_its_text_and_the_inner_rows) {
  read_html("<table><tr><td>导航</td><td><p>一、总体情况</p>\n"
            "<table><tr><th>信息内容</th><th>本年制发件数</th></tr><tr><td>规章</td><td>0</td></"
            "tr></table>\n"
            "<p>三、收到和处理</p><table><tr><td>自然人</td></tr></table></td></tr>"
            "<tr><td>页脚</td></tr></table>");
  cr_assert_eq(doc.nlines, 7, "%zu lines", doc.nlines);
  expect_line(0, GI_LINE_TEXT, "导航", NULL);
  expect_line(1, GI_LINE_TEXT, "一、总体情况", NULL);
  expect_line(2, GI_LINE_ROW, "信息内容", "本年制发件数", NULL);
  expect_line(3, GI_LINE_ROW, "规章", "0", NULL);
  expect_line(4, GI_LINE_TEXT, "三、收到和处理", NULL);
  expect_line(5, GI_LINE_ROW, "自然人", NULL);
  expect_line(6, GI_LINE_ROW, "页脚", NULL); /* the outer table's own row */
  cr_assert(line_at(2)->table_start);
  cr_assert_not(line_at(3)->table_start);
  cr_assert(line_at(5)->table_start);
  cr_assert(line_at(6)->table_start);
}

Test(html, text_between_cells_is_not_a_line) {
  read_html("<table><tr>stray<td>1</td> junk <td>2</td></tr></table>");
  cr_assert_eq(doc.nlines, 1);
  expect_line(0, GI_LINE_ROW, "1", "2", NULL);
}

Test(html, an_empty_row_is_no_row) {
  read_html("<table><tr></tr><tr><td>1</td></tr></table>");
  cr_assert_eq(doc.nlines, 1);
  cr_assert(line_at(0)->table_start);
}

Test(html, preformatted_text_gives_a_line_per_source_line) {
  read_html("<pre>第一行\n第二行</pre>");
  cr_assert_eq(doc.nlines, 2);
  expect_line(1, GI_LINE_TEXT, "第二行", NULL);
  expect_loc(line_at(1)->loc, 2, 1);
}

/* 标题, 自然人, 商业企业, 总计 and 镕 (GBK only, not GB2312) in GBK. */
#define GBK_TITLE "\xB1\xEA\xCC\xE2"
#define GBK_NATURAL "\xD7\xD4\xC8\xBB\xC8\xCB"
#define GBK_COMMERCIAL "\xC9\xCC\xD2\xB5\xC6\xF3\xD2\xB5"
#define GBK_TOTAL "\xD7\xDC\xBC\xC6"
#define GBK_ONLY "\xE9\x46"

Test(html, a_gbk_page_is_read_in_the_charset_its_meta_declares) {
  read_html("<html><head><title>" GBK_TITLE "</title><meta charset=\"gb2312\"></head><body>"
            "<table><tr><td>" GBK_NATURAL "</td><td>" GBK_COMMERCIAL GBK_ONLY "</td></tr></table>"
            "<p>" GBK_TOTAL "</p></body></html>");
  cr_assert_eq(doc.nlines, 3);
  expect_line(0, GI_LINE_TEXT, "标题", NULL);
  expect_line(1, GI_LINE_ROW, "自然人", "商业企业镕", NULL);
  expect_line(2, GI_LINE_TEXT, "总计", NULL);
}

Test(html, the_http_equiv_and_xml_declaration_forms_are_honoured) {
  read_html("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">"
            "<title>" GBK_TITLE "</title></head></html>");
  expect_line(0, GI_LINE_TEXT, "标题", NULL);
  gi_doc_free(&doc);
  read_html("<?xml version=\"1.0\" encoding=\"gbk\"?>\n"
            "<html><body><p>" GBK_TOTAL "</p></body></html>");
  expect_line(0, GI_LINE_TEXT, "总计", NULL);
}

Test(html, a_page_declared_utf8_is_read_as_utf8) {
  read_html("<title>标题</title><meta charset=\"UTF-8\"><p>自然人</p>");
  expect_line(0, GI_LINE_TEXT, "标题", NULL);
  expect_line(1, GI_LINE_TEXT, "自然人", NULL);
}

Test(html, a_page_neither_utf8_nor_declared_is_refused) {
  const char page[] = "<p>" GBK_TOTAL "</p>";
  cr_assert_eq(gi_read_html(&doc, page, strlen(page), "page.html"), GOVINFO_EPARSE);
  cr_assert_str_eq(govinfo_error_last()->source, "page.html");
  cr_assert(strstr(govinfo_error_last()->message, "UTF-8"));
}

Test(html, an_unknown_charset_is_refused_by_name) {
  const char page[] = "<meta charset=\"x-unheard-of\"><p>a</p>";
  cr_assert_eq(gi_read_html(&doc, page, strlen(page), "page.html"), GOVINFO_EPARSE);
  cr_assert(strstr(govinfo_error_last()->message, "x-unheard-of"));
}

Test(html, broken_markup_is_recovered_silently, .init = cr_redirect_stderr) {
  gi_doc_init(&doc);
  read_html("<table><tr><td>1<td>2</tr><tr><td>3</tbl></div></p><p>尾</p>&bogus; <x:y>");
  expect_line(0, GI_LINE_ROW, "1", "2", NULL);
  expect_line(1, GI_LINE_ROW, "3尾&bogus;", NULL); /* the table is never closed */
  fflush(stderr);
  cr_assert_stderr_eq_str("");
}

Test(html, reading_twice_works_the_parser_is_left_usable) {
  read_html("<p>一</p>");
  gi_doc_free(&doc);
  read_html("<p>二</p>");
  expect_line(0, GI_LINE_TEXT, "二", NULL);
}

Test(html, an_empty_page_gives_no_lines) {
  read_html("");
  cr_assert_eq(doc.nlines, 0);
}
#endif
