/* The report as one self-contained HTML5 page: inline CSS, no scripts, no network. */
#include <string.h>

#include "render/page.h"

/* Fonts by the family names Debian's fonts-noto-cjk provides, then common Windows and macOS
 * ones. A table row never breaks across an A4 page. */
static const char style[] =
    "@page { size: A4; margin: 20mm 15mm; }\n"
    "body { font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"SimSun\", "
    "\"Songti SC\", serif; max-width: 180mm; margin: 0 auto; padding: 1em; line-height: 1.8; "
    "color: #000; background: #fff; }\n"
    "h1, h2, th, .findings { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", "
    "\"Microsoft YaHei\", \"PingFang SC\", sans-serif; }\n"
    "h1 { font-size: 1.5em; text-align: center; }\n"
    "h2 { font-size: 1.15em; margin: 1.2em 0 0.4em; }\n"
    "p { text-indent: 2em; margin: 0.3em 0; }\n"
    "p.signature { text-align: right; text-indent: 0; margin: 0; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 10pt; "
    "line-height: 1.4; }\n"
    "th, td { border: 1px solid #000; padding: 2px 4px; text-align: center; }\n"
    "th { font-weight: bold; }\n"
    "th, td.number, td.blank, td.mark, td.absent { min-width: 2.2em; }\n"
    "td.number { white-space: nowrap; }\n"
    "td.label { text-align: left; }\n"
    "thead { display: table-header-group; }\n"
    "tr { break-inside: avoid; page-break-inside: avoid; }\n"
    "td.absent { background: #eee; }\n"
    "td.absent::after { content: \"\\7F3A\"; color: #888; }\n" /* 缺 */
    "td.error { background: #fcc; outline: 2px solid #c00; outline-offset: -2px; }\n"
    "td.warning { background: #fe9; }\n"
    "td.note { background: #def; }\n"
    ".findings { margin-top: 2em; border-top: 1px solid #888; font-size: 10pt; }\n"
    ".findings li.error { color: #900; }\n"
    ".findings code { color: #555; }\n"
    "@media print { td.error, td.warning, td.note { -webkit-print-color-adjust: exact; "
    "print-color-adjust: exact; } }\n";

void gi_html_escape(gi_buf *out, const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '&':
      gi_buf_puts(out, "&amp;");
      break;
    case '<':
      gi_buf_puts(out, "&lt;");
      break;
    case '>':
      gi_buf_puts(out, "&gt;");
      break;
    case '"':
      gi_buf_puts(out, "&quot;");
      break;
    case '\n':
      gi_buf_puts(out, "&#10;");
      break;
    default:
      gi_buf_append(out, s, 1);
    }
  }
}

static const char *const state_class[] = {"absent", "blank", "mark", "number"};

/* A value cell: its text, its state as a class, and the findings naming it highlighted,
 * their rule and message in its title (never in its text, so the page still imports). */
static void value_cell(gi_buf *out, const gi_page *p, const gi_layout_cell *c) {
  char buf[GI_CELL_TEXT_SIZE];
  const char *text = gi_page_cell_text(p, c, buf);
  size_t n = govinfo_diagnostics_count(p->findings);
  size_t first = gi_page_next_finding(p, c, 0);
  gi_buf_printf(out, "<td class=\"%s", state_class[gi_page_cell_state(p, c)]);
  if (first < n) {
    govinfo_severity worst = GOVINFO_SEVERITY_NOTE;
    for (size_t i = first; i < n; i = gi_page_next_finding(p, c, i + 1)) {
      govinfo_severity s = govinfo_diagnostic_severity(govinfo_diagnostics_at(p->findings, i));
      if (s > worst) worst = s;
    }
    gi_buf_printf(out, " %s\" title=\"", govinfo_severity_name(worst));
    for (size_t i = first; i < n; i = gi_page_next_finding(p, c, i + 1)) {
      const govinfo_diagnostic *d = govinfo_diagnostics_at(p->findings, i);
      if (i != first) gi_buf_puts(out, "&#10;");
      gi_buf_printf(out, "%zu. [%s] ", i + 1, govinfo_diagnostic_rule(d));
      gi_html_escape(out, gi_page_message(p, d));
    }
  }
  gi_buf_puts(out, "\"");
  if (c->colspan > 1) gi_buf_printf(out, " colspan=\"%u\"", c->colspan);
  gi_buf_puts(out, ">");
  gi_html_escape(out, text);
  gi_buf_puts(out, "</td>");
}

void gi_render_html_table(gi_buf *out, const gi_page *p, const gi_layout_grid *g, bool one_line) {
  const char *nl = one_line ? "" : "\n";
  gi_buf_printf(out, "<table class=\"%s\">%s", g->section, nl);
  for (unsigned r = 0; r < g->nrows; r++) {
    if (r == 0 && g->header_rows) gi_buf_printf(out, "<thead>%s", nl);
    if (r == g->header_rows) gi_buf_printf(out, "<tbody>%s", nl);
    gi_buf_puts(out, "<tr>");
    for (size_t i = g->row_start[r]; i < g->row_start[r + 1]; i++) {
      const gi_layout_cell *c = &g->cells[i];
      if (gi_layout_is_value(c)) {
        value_cell(out, p, c);
        continue;
      }
      const char *tag = c->header ? "th" : "td";
      gi_buf_printf(out, "<%s", tag);
      if (!c->header) gi_buf_puts(out, " class=\"label\"");
      if (c->colspan > 1) gi_buf_printf(out, " colspan=\"%u\"", c->colspan);
      if (c->rowspan > 1) gi_buf_printf(out, " rowspan=\"%u\"", c->rowspan);
      gi_buf_puts(out, ">");
      gi_html_escape(out, c->text);
      gi_buf_printf(out, "</%s>", tag);
    }
    gi_buf_printf(out, "</tr>%s", nl);
    if (r + 1 == g->header_rows) gi_buf_printf(out, "</thead>%s", nl);
  }
  gi_buf_printf(out, "</tbody>%s</table>%s", nl, nl);
}

/* Each line of a text as its own paragraph. */
static void paragraphs(gi_buf *out, const char *text, const char *cls) {
  while (text && *text) {
    const char *end = strchr(text, '\n');
    size_t n = end ? (size_t)(end - text) : strlen(text);
    if (n > 0) {
      gi_buf_printf(out, cls ? "<p class=\"%s\">" : "<p>", cls);
      char line[4096];
      while (n > 0) { /* escaped in pieces: a paragraph may be long */
        size_t k = n < sizeof line - 1 ? n : sizeof line - 1;
        memcpy(line, text, k);
        line[k] = '\0';
        gi_html_escape(out, line);
        text += k;
        n -= k;
      }
      gi_buf_puts(out, "</p>\n");
    }
    text = end ? end + 1 : NULL;
  }
}

static void findings_list(gi_buf *out, const gi_page *p) {
  size_t n = govinfo_diagnostics_count(p->findings);
  gi_buf_printf(out, "<section class=\"findings\">\n<h2>%s</h2>\n",
                p->en ? "Findings" : "检查结果");
  if (n == 0) {
    gi_buf_printf(out, "<p>%s</p>\n", p->en ? "No findings." : "未发现问题。");
  } else {
    gi_buf_puts(out, "<ol>\n");
    for (size_t i = 0; i < n; i++) {
      const govinfo_diagnostic *d = govinfo_diagnostics_at(p->findings, i);
      const char *sev = govinfo_severity_name(govinfo_diagnostic_severity(d));
      gi_buf_printf(out, "<li class=\"%s\">%s: ", sev, sev);
      gi_html_escape(out, gi_page_message(p, d));
      gi_buf_printf(out, " <code>[%s]</code>", govinfo_diagnostic_rule(d));
      for (size_t k = 0; k < govinfo_diagnostic_path_count(d); k++) {
        gi_buf_puts(out, k ? ", " : " <code>");
        gi_html_escape(out, govinfo_diagnostic_path_at(d, k));
        if (k + 1 == govinfo_diagnostic_path_count(d)) gi_buf_puts(out, "</code>");
      }
      gi_buf_puts(out, "</li>\n");
    }
    gi_buf_puts(out, "</ol>\n");
  }
  gi_buf_puts(out, "</section>\n");
}

int gi_render_html(gi_buf *out, const gi_page *p) {
  const govinfo_report *r = p->report;
  const char *title = govinfo_report_title(r);
  gi_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"libgovinfo\">\n<title>");
  gi_html_escape(out, title ? title : "政府信息公开工作年度报告");
  gi_buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", style);
  if (title) {
    gi_buf_puts(out, "<h1>");
    gi_html_escape(out, title);
    gi_buf_puts(out, "</h1>\n");
  }
  paragraphs(out, govinfo_report_preface(r), "preface");
  const struct govinfo_format *f = r->format;
  for (size_t s = 0; s < f->nsections; s++) {
    const char *id = f->sections[s].id;
    const gi_section *sec = NULL;
    for (size_t i = 0; i < r->nsections; i++)
      if (r->sections[i].def == s) sec = &r->sections[i];
    const gi_layout_grid *g = gi_layout_grid_for(&p->layout, id);
    if (sec == NULL && g == NULL) continue;
    gi_buf_puts(out, "<h2>");
    gi_html_escape(out, sec && sec->title ? sec->title : f->sections[s].title);
    gi_buf_puts(out, "</h2>\n");
    if (sec) paragraphs(out, sec->text, NULL);
    if (g) gi_render_html_table(out, p, g, false);
  }
  const char *published = govinfo_report_published(r);
  if (published) {
    char date[64];
    gi_page_date(published, date, sizeof date);
    const char *organ = govinfo_report_organ(r);
    if (organ) paragraphs(out, organ, "signature");
    paragraphs(out, date, "signature");
  }
  if (p->findings) findings_list(out, p);
  gi_buf_puts(out, "</main>\n</body>\n</html>\n");
  return GOVINFO_OK;
}
