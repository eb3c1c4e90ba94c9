/* The report as GitHub-flavoured Markdown: headings and paragraphs; a table without merged
 * cells as a pipe table, one with merged cells as an HTML table on one line (the way
 * converters write them), which GitHub shows and `govinfo import` reads. */
#include <string.h>

#include "render/page.h"

static bool has_merged_cells(const gi_layout_grid *g) {
  for (size_t i = 0; i < g->ncells; i++)
    if (g->cells[i].rowspan > 1 || g->cells[i].colspan > 1) return true;
  return false;
}

static void pipe_text(gi_buf *out, const char *s) {
  for (; *s; s++) {
    if (*s == '|' || *s == '\\') gi_buf_puts(out, "\\");
    gi_buf_append(out, s, 1);
  }
}

static void pipe_table(gi_buf *out, const gi_page *p, const gi_layout_grid *g) {
  for (unsigned r = 0; r < g->nrows; r++) {
    gi_buf_puts(out, "|");
    for (size_t i = g->row_start[r]; i < g->row_start[r + 1]; i++) {
      const gi_layout_cell *c = &g->cells[i];
      char buf[GI_CELL_TEXT_SIZE];
      gi_buf_puts(out, " ");
      pipe_text(out, gi_layout_is_value(c) ? gi_page_cell_text(p, c, buf) : c->text);
      gi_buf_puts(out, " |");
    }
    gi_buf_puts(out, "\n");
    if (r == 0) {
      gi_buf_puts(out, "|");
      for (unsigned k = 0; k < g->ncols; k++) gi_buf_puts(out, "---|");
      gi_buf_puts(out, "\n");
    }
  }
}

/* A text's lines as paragraphs, a blank line between them, each indented by two ideographic
 * spaces as Chinese text prints them (and as the importer tells paragraphs apart). */
static void paragraphs(gi_buf *out, const char *text) {
  while (text && *text) {
    const char *end = strchr(text, '\n');
    size_t n = end ? (size_t)(end - text) : strlen(text);
    if (n > 0) {
      gi_buf_puts(out, "\xE3\x80\x80\xE3\x80\x80");
      gi_buf_append(out, text, n);
      gi_buf_puts(out, "\n\n");
    }
    text = end ? end + 1 : NULL;
  }
}

int gi_render_markdown(gi_buf *out, const gi_page *p) {
  const govinfo_report *r = p->report;
  const char *title = govinfo_report_title(r);
  if (title) gi_buf_printf(out, "# %s\n\n", title);
  paragraphs(out, govinfo_report_preface(r));
  const struct govinfo_format *f = r->format;
  for (size_t s = 0; s < f->nsections; s++) {
    const gi_section *sec = NULL;
    for (size_t i = 0; i < r->nsections; i++)
      if (r->sections[i].def == s) sec = &r->sections[i];
    const gi_layout_grid *g = gi_layout_grid_for(&p->layout, f->sections[s].id);
    if (sec == NULL && g == NULL) continue;
    gi_buf_printf(out, "## %s\n\n", sec && sec->title ? sec->title : f->sections[s].title);
    if (sec) paragraphs(out, sec->text);
    if (g && has_merged_cells(g)) gi_render_html_table(out, p, g, true);
    else if (g) pipe_table(out, p, g);
    if (g) gi_buf_puts(out, "\n");
  }
  const char *published = govinfo_report_published(r);
  if (published) {
    char date[64];
    gi_page_date(published, date, sizeof date);
    const char *organ = govinfo_report_organ(r);
    if (organ) gi_buf_printf(out, "%s\n\n", organ);
    gi_buf_printf(out, "%s\n", date);
  }
  size_t n = govinfo_diagnostics_count(p->findings);
  if (p->findings) {
    gi_buf_printf(out, "\n## %s\n\n", p->en ? "Findings" : "检查结果");
    if (n == 0) gi_buf_printf(out, "%s\n", p->en ? "No findings." : "未发现问题。");
    for (size_t i = 0; i < n; i++) {
      const govinfo_diagnostic *d = govinfo_diagnostics_at(p->findings, i);
      gi_buf_printf(out, "%zu. %s: %s `[%s]`", i + 1,
                    govinfo_severity_name(govinfo_diagnostic_severity(d)), gi_page_message(p, d),
                    govinfo_diagnostic_rule(d));
      if (govinfo_diagnostic_path_count(d) > 0)
        gi_buf_printf(out, " `%s`", govinfo_diagnostic_path_at(d, 0));
      gi_buf_puts(out, "\n");
    }
  }
  return GOVINFO_OK;
}
