/* Allocation failure in the Markdown and HTML front ends: the n-th malloc, calloc or realloc
 * of the library's code fails (ld --wrap, see meson.build), for every n until a run needs no
 * more. Each run must fail with GOVINFO_ENOMEM or give exactly the document of a run without
 * failures, and leave nothing behind (the ASan build checks leaks). libxml2's own
 * allocations are not wrapped. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "failing_alloc.h"
#include "govinfo/govinfo.h"
#include "import/doc.h"
#include "util/buf.h"
#include "util/text.h"

typedef int reader(gi_doc *doc, const char *text, size_t len);

static int markdown(gi_doc *doc, const char *text, size_t len) {
  return gi_read_markdown(doc, text, len);
}

static int tsv(gi_doc *doc, const char *text, size_t len) { return gi_read_tsv(doc, text, len); }

#ifdef GOVINFO_HAVE_HTML
static int html(gi_doc *doc, const char *text, size_t len) {
  return gi_read_html(doc, text, len, "oom.html");
}
#endif

static bool same_doc(const gi_doc *got, const gi_doc *want) {
  if (got->nlines != want->nlines || got->ntokens != want->ntokens) return false;
  for (size_t i = 0; i < want->nlines; i++) {
    const gi_line *a = &got->lines[i], *b = &want->lines[i];
    if (a->kind != b->kind || a->count != b->count || a->first != b->first ||
        a->table_start != b->table_start || a->loc.line != b->loc.line ||
        a->loc.column != b->loc.column || strcmp(a->raw, b->raw) != 0)
      return false;
  }
  for (size_t i = 0; i < want->ntokens; i++) {
    const gi_token *a = &got->tokens[i], *b = &want->tokens[i];
    if (strcmp(a->text, b->text) != 0 || a->loc.line != b->loc.line ||
        a->loc.column != b->loc.column)
      return false;
  }
  return true;
}

/* Reads with the 1st, 2nd, ... allocation failing until a run completes untouched. Every
 * run must give GOVINFO_ENOMEM or the document of a run without failures; returns the
 * first failed allocation after which a different document came back (0 when none). */
static long fail_each_allocation_in_turn(reader *read, const char *text) {
  size_t len = strlen(text);
  gi_doc want;
  gi_doc_init(&want);
  cr_assert_eq(read(&want, text, len), GOVINFO_OK);
  long differs = 0;
  for (long n = 0;; n++) {
    gi_doc doc;
    gi_doc_init(&doc);
    allocations_left = n;
    failed_one = false;
    int rc = read(&doc, text, len);
    bool failed = failed_one;
    allocations_left = -1;
    if (rc == GOVINFO_OK && !same_doc(&doc, &want) && differs == 0) differs = n + 1;
    gi_doc_free(&doc);
    if (!failed) {
      cr_assert_eq(rc, GOVINFO_OK);
      cr_assert_gt(n, 0, "the reader should allocate");
      break;
    }
    cr_assert(rc == GOVINFO_OK || rc == GOVINFO_ENOMEM,
              "allocation %ld failed and the result was %s", n + 1, govinfo_error_name(rc));
    if (rc == GOVINFO_ENOMEM) cr_assert_eq(govinfo_error_last()->code, GOVINFO_ENOMEM);
  }
  gi_doc_free(&want);
  return differs;
}

static void survives(reader *read, const char *text) {
  long differs = fail_each_allocation_in_turn(read, text);
  cr_assert_eq(differs, 0, "allocation %ld failed and another document came back", differs);
}

Test(markup_oom, markdown_survives_every_failed_allocation) {
  survives(
      markdown,
      "# 某县2024年政府信息公开工作年度报告\n\n本年新收**21**件 &nbsp; &#22269; 1\\.\n\n"
      "| 项目 | 申请人情况 | |\n|---|---|---|\n| | 自然人 | 总计 |\n"
      "| **一、本年新收** | 3 | 3 |\n| （二）部分公开<br>（区分处理的） | | / |\n\n---\n\n"
      "| 项目 | 申请人情况 | |\n|---|---|---|\n| | 自然人 | 总计 |\n"
      "| 四、结转下年度继续办理 | 1 | 1 |\n\n---\n\n| 结果维持 | 总计 |\n|---|---|\n| 1 | 1 |\n");
}

Test(markup_oom, tab_separated_rows_survive_every_failed_allocation) {
  survives(tsv,
           "某县2024年政府信息公开工作年度报告\n申请人情况\n\t自然人\t总计\n"
           "三、本年度办理结果\t（一）予以公开\t3\t3\t\n\t\"（二）部分公开\n（区分）\"\t\t/\t\n"
           "四、结转下年度继续办理\t1\t1\t\n");
}

/* A page number between two halves of a table: normalising it never allocates, so a failed
 * allocation cannot turn it into text. */
Test(markup_oom, a_page_number_line_survives_every_failed_allocation) {
  survives(markdown, "| 项目 | 总计 |\n|---|---|\n| 一 | 3 |\n"
                     "-3-\n| 项目 | 总计 |\n|---|---|\n| 二 | 0 |\n");
}

#ifdef GOVINFO_HAVE_HTML
Test(markup_oom, html_survives_every_failed_allocation) {
  survives(
      html,
      "<html><head><title>某县2024年政府信息公开工作年度报告</title></head><body>\n"
      "<table><tr><td>导航</td><td><h1>某县<br>年度报告</h1><p>&nbsp;正文</p>\n"
      "<table><tr><td rowspan=2 colspan=3>（本列数据）</td><td colspan=7>申请人情况</td></tr>\n"
      "<tr><td>自然人</td><td>&nbsp;</td><td></td><td>/</td></tr></table>\n"
      "<pre>第一行\n第二行</pre></td></tr></table></body></html>\n");
}

Test(markup_oom, markdown_with_html_tables_survives_every_failed_allocation) {
  survives(markdown, "正文\n<html><body><table><tr><td rowspan=2>甲</td><td>1</td></tr>"
                     "<tr><td>&nbsp;</td></tr></table></body></html>\n\n---\n\n<table>\n"
                     "<tr><td>乙</td><td>2</td></tr>\n</table>\n尾\n");
}

Test(markup_oom, a_gbk_page_read_twice_survives_every_failed_allocation) {
  /* 标题 and 自然人 in GBK, declared after the title */
  survives(html, "<title>\xB1\xEA\xCC\xE2</title><meta charset=\"gbk\">"
                 "<table><tr><td>\xD7\xD4\xC8\xBB\xC8\xCB</td><td>3</td></tr>"
                 "</table>");
}
#endif
