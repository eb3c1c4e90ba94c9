/* The Word and Excel front ends: a .docx's paragraphs and tables, an .xlsx's sheets, into the
 * document's lines (doc.h), the same as HTML tables give.
 *
 * Word: each body paragraph is a text line, each table row a row of cells; a cell merged
 * across columns (gridSpan) is one cell, a cell merged down (vMerge) is in its first row
 * only, as HTML's rowspan; a row holding a table is page layout and its tables are read
 * instead. Positions: line = the paragraph or table row, counted through the body from 1;
 * column = the cell, from 1.
 *
 * Excel: each sheet in order, each row with values: a row with a single value that is not a
 * number is a text line (a title, a paragraph, a caption), any other a row of cells from the
 * first to the last column its block of rows uses (a block: rows with no empty row between),
 * empty cells blank; a cell a merged range covers (but its first) is left out. Positions:
 * line = the sheet row, column = the sheet column. */
#include <stdlib.h>
#include <string.h>

#include "import/doc.h"
#include "office/ooxml.h"
#include "office/xlsx.h"

/* ---- Word ---- */

typedef struct docx_reader {
  gi_doc *doc;
  uint32_t block; /* paragraphs and rows so far */
  bool in_table;  /* the last line was a table row */
  int status;
} docx_reader;

/* The text of a paragraph: its runs' text, tabs and breaks as spaces. */
static void paragraph_text(const xmlNode *p, gi_buf *b) {
  for (const xmlNode *c = p->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (gi_xml_is(c, "t")) {
      for (const xmlNode *t = c->children; t; t = t->next)
        if (t->type == XML_TEXT_NODE && t->content) gi_buf_puts(b, (const char *)t->content);
    } else if (gi_xml_is(c, "tab") || gi_xml_is(c, "br") || gi_xml_is(c, "cr")) {
      gi_buf_append(b, " ", 1);
    } else if (!gi_xml_is(c, "pPr") && !gi_xml_is(c, "rPr") && !gi_xml_is(c, "instrText") &&
               !gi_xml_is(c, "delText")) {
      paragraph_text(c, b); /* runs, hyperlinks, smart tags, inserted text */
    }
  }
}

static void read_body(docx_reader *r, const xmlNode *body);

static bool merged_down(const xmlNode *tc) {
  const xmlNode *v = gi_xml_child(gi_xml_child(tc, "tcPr"), "vMerge");
  const char *val = v ? gi_xml_attr(v, "val") : NULL;
  return v && (val == NULL || strcmp(val, "restart") != 0);
}

static bool holds_table(const xmlNode *tr) {
  for (const xmlNode *tc = tr->children; tc; tc = tc->next)
    if (gi_xml_is(tc, "tc") && gi_xml_child(tc, "tbl")) return true;
  return false;
}

static void read_row(docx_reader *r, const xmlNode *tr) {
  r->block++;
  if (!gi_doc_begin_row(r->doc, (gi_loc){r->block, 1}, !r->in_table)) {
    r->status = GOVINFO_ENOMEM;
    return;
  }
  r->in_table = true;
  uint32_t column = 0;
  for (const xmlNode *tc = tr->children; tc && r->status == GOVINFO_OK; tc = tc->next) {
    if (gi_xml_is(tc, "sdt")) tc = gi_xml_child(gi_xml_child(tc, "sdtContent"), "tc");
    if (!gi_xml_is(tc, "tc")) continue;
    column++;
    if (merged_down(tc)) continue;
    gi_buf b = {0};
    for (const xmlNode *p = tc->children; p; p = p->next)
      if (gi_xml_is(p, "p")) {
        if (b.len) gi_buf_append(&b, " ", 1);
        paragraph_text(p, &b);
      }
    gi_buf_append(&b, "", 0);
    if (b.failed) r->status = gi_fail_oom();
    else if (!gi_doc_add_cell(r->doc, b.data, b.len, (gi_loc){r->block, column}))
      r->status = GOVINFO_ENOMEM;
    gi_buf_free(&b);
  }
}

static void read_table(docx_reader *r, const xmlNode *tbl) {
  for (const xmlNode *tr = tbl->children; tr && r->status == GOVINFO_OK; tr = tr->next) {
    if (!gi_xml_is(tr, "tr")) continue;
    if (!holds_table(tr)) {
      read_row(r, tr);
      continue;
    }
    for (const xmlNode *tc = tr->children; tc; tc = tc->next) /* layout: read what it holds */
      if (gi_xml_is(tc, "tc")) read_body(r, tc);
  }
  r->in_table = false;
}

static void read_body(docx_reader *r, const xmlNode *body) {
  for (const xmlNode *c = body->children; c && r->status == GOVINFO_OK; c = c->next) {
    if (gi_xml_is(c, "p")) {
      gi_buf b = {0};
      paragraph_text(c, &b);
      gi_buf_append(&b, "", 0);
      r->block++;
      if (b.failed) r->status = gi_fail_oom();
      else if (!gi_doc_add_text(r->doc, b.data, b.len, (gi_loc){r->block, 1}))
        r->status = GOVINFO_ENOMEM;
      gi_buf_free(&b);
      r->in_table = false;
    } else if (gi_xml_is(c, "tbl")) {
      read_table(r, c);
    } else if (gi_xml_is(c, "sdt")) {
      const xmlNode *content = gi_xml_child(c, "sdtContent");
      if (content) read_body(r, content);
    }
  }
}

int gi_read_docx(gi_doc *doc, const char *buf, size_t len, const char *source) {
  gi_zip *z;
  int rc = gi_zip_open(&z, buf, len, source);
  if (rc != GOVINFO_OK) return rc;
  xmlDocPtr tree = NULL;
  if (!gi_zip_has(z, "word/document.xml"))
    rc = gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                    "a zip archive without word/document.xml is no Word document (.docx)");
  else rc = gi_ooxml_part(z, "word/document.xml", source, false, &tree);
  if (rc == GOVINFO_OK) {
    docx_reader r = {.doc = doc};
    const xmlNode *body = gi_xml_child(xmlDocGetRootElement(tree), "body");
    if (body) read_body(&r, body);
    rc = r.status;
  }
  xmlFreeDoc(tree);
  gi_zip_close(z);
  return rc;
}

/* ---- Excel ---- */

static int compare_cells(const void *a, const void *b) {
  const gi_xlsx_cell *x = a, *y = b;
  if (x->row != y->row) return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

/* The lines of one sheet. */
static int read_sheet(gi_doc *doc, gi_xlsx_sheet *s) {
  if (s->ncells > 1) /* an empty sheet has no cells array: qsort must not see NULL */
    qsort(s->cells, s->ncells, sizeof *s->cells, compare_cells);
  bool last_was_row = false;
  size_t i = 0;
  while (i < s->ncells) {
    /* a block: rows with values, no empty row between */
    size_t end = i;
    uint32_t first_col = UINT32_MAX, last_col = 0;
    while (end < s->ncells && (end == i || s->cells[end].row <= s->cells[end - 1].row + 1)) {
      if (s->cells[end].col < first_col) first_col = s->cells[end].col;
      if (s->cells[end].col > last_col) last_col = s->cells[end].col;
      end++;
    }
    for (size_t m = 0; m < s->nmerges; m++) /* a merged range may reach further right */
      if (s->merges[m].first_row >= s->cells[i].row &&
          s->merges[m].first_row <= s->cells[end - 1].row && s->merges[m].last_col > last_col)
        last_col = s->merges[m].last_col;
    last_was_row = false;
    for (size_t j = i; j < end;) {
      size_t k = j;
      while (k < end && s->cells[k].row == s->cells[j].row) k++;
      uint32_t row = s->cells[j].row;
      if (k - j == 1 && !s->cells[j].number) {
        const gi_xlsx_cell *c = &s->cells[j];
        if (!gi_doc_add_text(doc, c->text, strlen(c->text), (gi_loc){row, c->col}))
          return GOVINFO_ENOMEM;
        last_was_row = false;
      } else {
        if (!gi_doc_begin_row(doc, (gi_loc){row, 1}, !last_was_row)) return GOVINFO_ENOMEM;
        size_t at = j;
        for (uint32_t col = first_col; col <= last_col; col++) {
          if (gi_xlsx_covered(s, row, col)) continue;
          const char *text = at < k && s->cells[at].col == col ? s->cells[at++].text : "";
          if (!gi_doc_add_cell(doc, text, strlen(text), (gi_loc){row, col})) return GOVINFO_ENOMEM;
        }
        last_was_row = true;
      }
      j = k;
    }
    i = end;
  }
  return GOVINFO_OK;
}

int gi_read_xlsx(gi_doc *doc, const char *buf, size_t len, const char *source) {
  gi_xlsx *x;
  int rc = gi_xlsx_open(&x, buf, len, source);
  for (size_t i = 0; rc == GOVINFO_OK && i < gi_xlsx_sheet_count(x); i++) {
    gi_xlsx_sheet *s;
    rc = gi_xlsx_read_sheet(x, i, &s);
    if (rc == GOVINFO_OK) rc = read_sheet(doc, s);
    gi_xlsx_sheet_free(s);
  }
  gi_xlsx_close(x); /* NULL when it could not be opened */
  return rc;
}
