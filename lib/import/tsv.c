/* The tab-separated front end: what a browser, WPS or Excel puts on the clipboard when a
 * table is copied, and what HTML-to-text tools write.
 *
 * A line with a tab is a table row (GI_LINE_ROW): one cell per field, an empty field an empty
 * cell (blank, never 0). A cell spanning several rows is printed on its first row only, so
 * the rows below it have fewer leading fields: rows keep the fields they have, and the table
 * reader takes a row's values from its end. A field in double quotes may hold tabs, line
 * breaks and doubled quotes (Excel quotes a cell with a line break so). Every other line is
 * text. */
#include <stdlib.h>
#include <string.h>

#include "import/doc.h"

typedef struct tsv_reader {
  gi_doc *doc;
  const char *buf;
  size_t len;
  uint32_t line;     /* 1-based line of position `at` */
  size_t line_start; /* offset of that line's first byte */
  bool last_was_row; /* the line before was a row: this one continues its table */
  char *cell;        /* an unquoted copy of a quoted field */
  size_t cell_cap;
} tsv_reader;

static bool has_tab(const char *s, size_t len) { return memchr(s, '\t', len) != NULL; }

/* Copies the quoted field starting at `at` (on its quote) without its quotes into r->cell;
 * returns the offset after its closing quote, and counts the line breaks it holds. */
static size_t quoted_field(tsv_reader *r, size_t at, size_t *n, uint32_t *newlines,
                           size_t *last_newline) {
  size_t i = at + 1;
  *n = 0;
  while (i < r->len) {
    char c = r->buf[i];
    if (c == '"') {
      if (i + 1 < r->len && r->buf[i + 1] == '"') {
        r->cell[(*n)++] = '"';
        i += 2;
        continue;
      }
      return i + 1;
    }
    if (c == '\n') {
      ++*newlines;
      *last_newline = i;
    }
    r->cell[(*n)++] = c == '\n' || c == '\r' ? ' ' : c;
    i++;
  }
  return i;
}

/* Reads the row starting at offset `at` (its line holds a tab); returns where the next line
 * starts. */
static size_t read_row(tsv_reader *r, size_t at) {
  gi_loc loc = {r->line, 1};
  if (!gi_doc_begin_row(r->doc, loc, !r->last_was_row)) return SIZE_MAX;
  size_t i = at;
  for (;;) {
    size_t start = i;
    while (start < r->len && r->buf[start] == ' ') start++;
    gi_loc cell_loc = {r->line, (uint32_t)(start - r->line_start + 1)};
    bool ok;
    size_t stop;
    if (start < r->len && r->buf[start] == '"') {
      size_t n;
      uint32_t newlines = 0;
      size_t last_newline = 0;
      stop = quoted_field(r, start, &n, &newlines, &last_newline);
      ok = gi_doc_add_cell(r->doc, r->cell, n, cell_loc);
      if (newlines) {
        r->line += newlines;
        r->line_start = last_newline + 1;
      }
      while (stop < r->len && r->buf[stop] != '\t' && r->buf[stop] != '\n') stop++;
    } else {
      stop = start;
      while (stop < r->len && r->buf[stop] != '\t' && r->buf[stop] != '\n') stop++;
      size_t end = stop;
      while (end > start && (r->buf[end - 1] == '\r' || r->buf[end - 1] == ' ')) end--;
      ok = gi_doc_add_cell(r->doc, r->buf + start, end - start, cell_loc);
    }
    if (!ok) return SIZE_MAX;
    if (stop >= r->len) return r->len;
    if (r->buf[stop] == '\n') return stop + 1;
    i = stop + 1; /* after the tab */
  }
}

int gi_read_tsv(gi_doc *doc, const char *buf, size_t len) {
  tsv_reader r = {.doc = doc, .buf = buf, .len = len, .line = 1};
  /* a quoted field is never longer than the input */
  r.cell = len ? malloc(len) : NULL;
  if (len && r.cell == NULL) return gi_fail_oom();
  size_t at = 0, table_first = 0;
  int rc = GOVINFO_OK;
  while (at < len) {
    const char *nl = memchr(buf + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - buf) : len;
    r.line_start = at;
    size_t next;
    if (has_tab(buf + at, end - at)) {
      if (!r.last_was_row) table_first = doc->nlines;
      next = read_row(&r, at);
      r.last_was_row = true;
    } else {
      size_t stop = end > at && buf[end - 1] == '\r' ? end - 1 : end;
      bool blank = true;
      for (size_t i = at; i < stop && blank; i++) blank = buf[i] == ' ';
      if (r.last_was_row && !blank) gi_doc_drop_empty_last_column(doc, table_first);
      next = gi_doc_add_text(doc, buf + at, stop - at, (gi_loc){r.line, 1}) ? end + 1 : SIZE_MAX;
      r.last_was_row = r.last_was_row && blank;
    }
    if (next == SIZE_MAX) {
      rc = GOVINFO_ENOMEM;
      break;
    }
    at = next;
    r.line++;
  }
  if (rc == GOVINFO_OK && r.last_was_row) gi_doc_drop_empty_last_column(doc, table_first);
  free(r.cell);
  return rc;
}
