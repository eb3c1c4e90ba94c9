/* What the three renderers share: the report, its layout, the findings to show, and how a
 * cell's value prints. */
#ifndef GI_RENDER_PAGE_H
#define GI_RENDER_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "govinfo/render.h"
#include "model/report.h"
#include "render/layout.h"
#include "util/buf.h"

typedef struct gi_page {
  const govinfo_report *report;
  gi_layout layout;
  const govinfo_diagnostics *findings; /* NULL when none are shown */
  bool en;                             /* findings in English */
} gi_page;

#define GI_CELL_TEXT_SIZE 64 /* a number's text, or the start of a mark */

/* The printed text of a value cell: a number as written, a mark as is, "" for a blank or an
 * absent cell. Borrowed from the report (a mark) or written into buf. */
const char *gi_page_cell_text(const gi_page *p, const gi_layout_cell *c, char *buf);
/* The state of the report cell a value cell shows. */
govinfo_cell_state gi_page_cell_state(const gi_page *p, const gi_layout_cell *c);
/* Index into p->findings of the next finding at or after `from` naming the cell of c among
 * its paths; count of findings when none. */
size_t gi_page_next_finding(const gi_page *p, const gi_layout_cell *c, size_t from);
/* The findings' message in the page's language. */
const char *gi_page_message(const gi_page *p, const govinfo_diagnostic *d);
/* The printed publication date "2024 年 3 月 1 日" of "2024-03-01" into buf (32 bytes). */
void gi_page_date(const char *iso, char *buf, size_t size);

int gi_render_html(gi_buf *out, const gi_page *p);
int gi_render_markdown(gi_buf *out, const gi_page *p);
/* The table grid as one HTML <table> (shared by HTML and Markdown). */
void gi_render_html_table(gi_buf *out, const gi_page *p, const gi_layout_grid *g, bool one_line);
void gi_html_escape(gi_buf *out, const char *s);
/* XLSX into the file at path (written directly; the caller renames it into place); protect:
 * every sheet protected, only the value cells editable. */
int gi_render_xlsx(const char *path, const gi_page *p, bool protect);

#endif
