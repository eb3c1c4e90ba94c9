/* The Markdown front end: Markdown as PDF-to-Markdown converters write it.
 *
 * Pipe-table rows (`| a | b |`) become table rows, one token per cell; the delimiter row
 * (`|---|:--:|`) is dropped. Every other line becomes a text line, without the markup that
 * would disturb matching: heading markers, bold markers, <br>, backslash escapes and
 * character references. Thematic breaks (`---`, which converters print between pages) and
 * setext underlines are dropped.
 *
 * Some converters (MinerU) write a table with merged cells as HTML instead, from a line
 * starting `<table` or `<html>...<table` to the line closing it: the HTML front end reads it.
 *
 * A converter breaks a table where the PDF breaks the page: two tables with only blank lines
 * and page footers ("-3-", "第 3 页", `---`) between them are one table. The second half
 * continues the first (no table_start), the footer stays as the page break between them, the
 * blank lines go, and (pipe tables) rows that repeat the table's leading rows (a header
 * printed again on the new page) are dropped.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "import/doc.h"

/* Markup removed from text and cells: bold markers, and line breaks inside cells. */
static const char *const removed_markup[] = {"**", "<br>", "<br/>", "<br />"};

/* Character references converters write; numeric ones (&#20013; &#x4E2D;) are decoded too. */
static const struct {
  const char *name;
  const char *text;
} named_references[] = {
    {"&nbsp;", " "}, {"&ensp;", " "}, {"&emsp;", " "},  {"&thinsp;", " "}, {"&amp;", "&"},
    {"&lt;", "<"},   {"&gt;", ">"},   {"&quot;", "\""}, {"&apos;", "'"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

typedef struct md_cell {
  size_t start, len; /* the cell's bytes between its pipes, in the input */
  uint32_t column;   /* 1-based column of its first non-space byte */
} md_cell;

typedef struct md_reader {
  gi_doc *doc;
  const char *buf;
  size_t len;
  /* Text without its markup, and for each byte of it the column it came from. */
  char *clean;
  uint32_t *columns;
  size_t clean_len, clean_cap;
  md_cell *cells;
  size_t ncells, cells_cap;
  /* The table being read or continued: its first row and the rows of its first block. */
  size_t table_first, table_rows;
  /* After a table: true while only blank lines and page breaks have followed it. */
  bool in_gap, gap_has_break;
  size_t gap_start;   /* index of the first line after the table */
  bool out_of_memory; /* an allocation of the reader's own failed */
} md_reader;

/* One input line: bytes [start, end) without the newline and a trailing CR. */
typedef struct md_line {
  size_t start, end;
  size_t line_start; /* offset of the line's first byte, for columns */
  uint32_t number;
} md_line;

static bool is_blank_byte(char c) { return c == ' ' || c == '\t'; }

static bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

static uint32_t column_of(const md_line *l, size_t offset) {
  return (uint32_t)(offset - l->line_start + 1);
}

/* ---- removing inline markup ---- */

static bool reserve_clean(md_reader *r, size_t n) {
  if (n + 1 <= r->clean_cap) return true;
  char *text = realloc(r->clean, n + 1);
  if (text == NULL) return !(r->out_of_memory = true);
  r->clean = text;
  uint32_t *cols = realloc(r->columns, (n + 1) * sizeof *cols);
  if (cols == NULL) return !(r->out_of_memory = true);
  r->columns = cols;
  r->clean_cap = n + 1;
  return true;
}

static void put(md_reader *r, const char *s, size_t n, uint32_t column) {
  for (size_t i = 0; i < n; i++) {
    r->clean[r->clean_len] = s[i];
    r->columns[r->clean_len++] = column;
  }
}

/* Length of a numeric character reference at s ("&#20013;", "&#x4E2D;") and its UTF-8
 * encoding in out; 0 when there is none or it names no character. */
static size_t numeric_reference(const char *s, size_t len, char out[4], size_t *out_len) {
  if (len < 4 || s[0] != '&' || s[1] != '#') return 0;
  bool hex = s[2] == 'x' || s[2] == 'X';
  size_t i = hex ? 3 : 2, digits = 0;
  int32_t cp = 0;
  for (; i < len && digits < 7; i++, digits++) {
    char c = s[i];
    int v = c >= '0' && c <= '9'          ? c - '0'
            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : -1;
    if (v < 0) break;
    cp = cp * (hex ? 16 : 10) + v;
  }
  if (digits == 0 || i >= len || s[i] != ';' || cp == 0 || !utf8proc_codepoint_valid(cp)) return 0;
  *out_len = (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
  return i + 1;
}

/* Copies s[0..len) into r->clean without inline markup; the source of s is at `column`. A
 * reference or an escape never takes more bytes than it replaces. */
static bool clean_inline(md_reader *r, const char *s, size_t len, uint32_t column) {
  r->clean_len = 0;
  if (!reserve_clean(r, len)) return false;
  size_t i = 0;
  while (i < len) {
    uint32_t at = column + (uint32_t)i;
    if (s[i] != '*' && s[i] != '<' && s[i] != '\\' && s[i] != '&') { /* plain text */
      put(r, s + i, 1, at);
      i++;
      continue;
    }
    size_t skip = 0;
    for (size_t k = 0; k < COUNT(removed_markup) && skip == 0; k++) {
      size_t n = strlen(removed_markup[k]);
      if (len - i >= n && strncasecmp(s + i, removed_markup[k], n) == 0) skip = n;
    }
    if (skip) {
      i += skip;
      continue;
    }
    if (s[i] == '\\' && i + 1 < len && is_ascii_punct(s[i + 1])) {
      put(r, s + i + 1, 1, at);
      i += 2;
      continue;
    }
    if (s[i] == '&') {
      for (size_t k = 0; k < COUNT(named_references) && skip == 0; k++) {
        size_t n = strlen(named_references[k].name);
        if (len - i >= n && memcmp(s + i, named_references[k].name, n) == 0) {
          put(r, named_references[k].text, strlen(named_references[k].text), at);
          skip = n;
        }
      }
      char utf8[4];
      size_t utf8_len = 0;
      if (skip == 0 && (skip = numeric_reference(s + i, len - i, utf8, &utf8_len)) > 0)
        put(r, utf8, utf8_len, at);
      if (skip) {
        i += skip;
        continue;
      }
    }
    put(r, s + i, 1, at);
    i++;
  }
  r->clean[r->clean_len] = '\0';
  return true;
}

/* ---- lines ---- */

/* True when the line holds a `|` that is not escaped. */
static bool has_pipe(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '\\') i++;
    else if (s[i] == '|') return true;
  }
  return false;
}

static size_t skip_blanks(const char *s, size_t i, size_t end) {
  while (i < end && is_blank_byte(s[i])) i++;
  return i;
}

static size_t trim_end(const char *s, size_t start, size_t end) {
  while (end > start && is_blank_byte(s[end - 1])) end--;
  return end;
}

/* Splits a table line into r->cells. Leading and trailing pipes are optional. */
static bool split_cells(md_reader *r, const md_line *l) {
  const char *s = r->buf;
  size_t start = skip_blanks(s, l->start, l->end), end = trim_end(s, start, l->end);
  if (start < end && s[start] == '|') start++;
  if (end > start && s[end - 1] == '|' && !(end - start >= 2 && s[end - 2] == '\\')) end--;
  r->ncells = 0;
  size_t cell = start;
  for (size_t i = start;; i++) {
    if (i < end && s[i] == '\\') {
      i++;
      continue;
    }
    if (i < end && s[i] != '|') continue;
    if (r->ncells == r->cells_cap) {
      size_t cap = r->cells_cap ? 2 * r->cells_cap : 16;
      md_cell *cells = realloc(r->cells, cap * sizeof *cells);
      if (cells == NULL) return !(r->out_of_memory = true);
      r->cells = cells;
      r->cells_cap = cap;
    }
    size_t stop = i < end ? i : end, first = skip_blanks(s, cell, stop);
    /* an empty cell is where it starts */
    r->cells[r->ncells++] = (md_cell){cell, stop - cell, column_of(l, first < stop ? first : cell)};
    if (i >= end) break;
    cell = i + 1;
  }
  return true;
}

/* A delimiter row: every cell is dashes (min_dashes at least) with optional colons (`---`,
 * `:--`, `:-:`). */
static bool is_delimiter_row(md_reader *r, const md_line *l, size_t min_dashes) {
  if (!has_pipe(r->buf + l->start, l->end - l->start) || !split_cells(r, l)) return false;
  for (size_t c = 0; c < r->ncells; c++) {
    const char *s = r->buf + r->cells[c].start;
    size_t start = skip_blanks(s, 0, r->cells[c].len), end = trim_end(s, start, r->cells[c].len);
    if (start < end && s[start] == ':') start++;
    if (end > start && s[end - 1] == ':') end--;
    if (start == end || end - start < min_dashes) return false;
    for (size_t i = start; i < end; i++)
      if (s[i] != '-') return false;
  }
  return true;
}

/* `---`, `***`, `___` (spaces allowed between) or a setext underline `===`. */
static bool is_rule(const char *s, size_t len) {
  char mark = 0;
  size_t count = 0;
  for (size_t i = 0; i < len; i++) {
    if (is_blank_byte(s[i])) continue;
    if (mark == 0 && (s[i] == '-' || s[i] == '*' || s[i] == '_' || s[i] == '=')) mark = s[i];
    if (s[i] != mark) return false;
    count++;
  }
  return count >= 3;
}

static bool next_line(const char *buf, size_t len, size_t *pos, uint32_t *number, md_line *l) {
  if (*pos >= len) return false;
  const char *nl = memchr(buf + *pos, '\n', len - *pos);
  size_t end = nl ? (size_t)(nl - buf) : len;
  *l = (md_line){.start = *pos, .end = end, .line_start = *pos, .number = ++*number};
  if (l->end > l->start && buf[l->end - 1] == '\r') l->end--;
  *pos = nl ? end + 1 : len;
  return true;
}

/* ---- rows ---- */

static bool clean_cell(md_reader *r, const md_cell *c) {
  return clean_inline(r, r->buf + c->start, c->len, 1);
}

/* True when the row in r->cells has the same cells as the document's row line `at`. */
static int row_repeats(md_reader *r, size_t at, bool *same) {
  const gi_line *line = &r->doc->lines[at];
  *same = line->kind == GI_LINE_ROW && line->count == r->ncells;
  for (size_t c = 0; c < r->ncells && *same; c++) {
    if (!clean_cell(r, &r->cells[c])) return gi_fail_oom();
    size_t n;
    char *norm = gi_normalize(r->clean, r->clean_len, &n);
    if (norm == NULL) return GOVINFO_ENOMEM;
    const gi_token *t = &r->doc->tokens[line->first + c];
    *same = t->len == n && memcmp(t->text, norm, n) == 0;
    free(norm);
  }
  return GOVINFO_OK;
}

static int emit_row(md_reader *r, const md_line *l, bool table_start) {
  size_t first = skip_blanks(r->buf, l->start, l->end);
  if (!gi_doc_begin_row(r->doc, (gi_loc){l->number, column_of(l, first)}, table_start))
    return GOVINFO_ENOMEM;
  for (size_t c = 0; c < r->ncells; c++) {
    if (!clean_cell(r, &r->cells[c])) return gi_fail_oom();
    if (!gi_doc_add_cell(r->doc, r->clean, r->clean_len, (gi_loc){l->number, r->cells[c].column}))
      return GOVINFO_ENOMEM;
  }
  return GOVINFO_OK;
}

/* Between a table and its continuation only the page breaks stay. Blank lines and breaks
 * have no tokens, so dropping lines leaves the tokens as they are. */
static void keep_only_breaks(gi_doc *doc, size_t from) {
  size_t kept = from;
  for (size_t i = from; i < doc->nlines; i++)
    if (doc->lines[i].kind == GI_LINE_BREAK) doc->lines[kept++] = doc->lines[i];
  doc->nlines = kept;
}

/* Starts a table: whether it continues the one before, across a page break. */
static bool begin_table(md_reader *r) {
  bool continued = r->in_gap && r->gap_has_break;
  if (continued) keep_only_breaks(r->doc, r->gap_start);
  return continued;
}

static void end_table(md_reader *r) {
  r->in_gap = true;
  r->gap_has_break = false;
  r->gap_start = r->doc->nlines;
}

/* Reads the pipe table starting at line *l; leaves *l on the first line after it (valid
 * when *more). */
static int read_table(md_reader *r, md_line *l, size_t *pos, uint32_t *number, bool *more) {
  bool continued = begin_table(r);
  if (!continued) {
    r->table_first = r->doc->nlines;
    r->table_rows = 0;
  }
  size_t block_row = 0, emitted = 0, first_line = r->doc->nlines;
  bool checking_repeat = continued;
  size_t repeat = 0; /* leading rows of the table repeated so far */
  int rc = GOVINFO_OK;
  do {
    /* the second line, or `|---|` repeated inside a table by a converter (a row of marks
     * "-" is no delimiter there) */
    bool delimiter = is_delimiter_row(r, l, block_row == 1 ? 1 : 3);
    block_row++;
    if (delimiter) continue;
    if (!split_cells(r, l)) return gi_fail_oom();
    if (checking_repeat && repeat < r->table_rows) {
      bool same;
      if ((rc = row_repeats(r, r->table_first + repeat, &same)) != GOVINFO_OK) return rc;
      if (same) {
        repeat++;
        continue;
      }
    }
    checking_repeat = false;
    if ((rc = emit_row(r, l, !continued && emitted == 0)) != GOVINFO_OK) return rc;
    emitted++;
  } while ((*more = next_line(r->buf, r->len, pos, number, l)) &&
           has_pipe(r->buf + l->start, l->end - l->start));
  if (!continued) r->table_rows = emitted;
  gi_doc_drop_empty_last_column(r->doc, first_line);
  end_table(r);
  return GOVINFO_OK;
}

/* ---- HTML tables ---- */

#ifdef GOVINFO_HAVE_HTML
/* Counts the `<table` and `</table` tags of a line. */
static void count_table_tags(const char *s, size_t len, size_t *opened, size_t *closed) {
  for (size_t i = 0; i < len; i++) {
    if (s[i] != '<') continue;
    if (len - i > 6 && strncasecmp(s + i, "<table", 6) == 0 &&
        (s[i + 6] == '>' || is_blank_byte(s[i + 6])))
      ++*opened;
    else if (len - i >= 7 && strncasecmp(s + i, "</table", 7) == 0) ++*closed;
  }
}

/* A line starting an HTML table: `<table ...` or `<html><body><table>` (MinerU). */
static bool starts_html_table(const md_reader *r, const md_line *l) {
  size_t start = skip_blanks(r->buf, l->start, l->end), opened = 0, closed = 0;
  if (l->end - start < 6 || (strncasecmp(r->buf + start, "<table", 6) != 0 &&
                             strncasecmp(r->buf + start, "<html", 5) != 0))
    return false;
  count_table_tags(r->buf + start, l->end - start, &opened, &closed);
  return opened > 0;
}

/* Reads the HTML table starting at line *l, up to the line that closes it, with the HTML
 * front end; leaves *l on the first line after it (valid when *more). */
static int read_html_table(md_reader *r, md_line *l, size_t *pos, uint32_t *number, bool *more) {
  bool continued = begin_table(r);
  size_t start = l->start, opened = 0, closed = 0, first_line = r->doc->nlines;
  uint32_t first_number = l->number;
  size_t end;
  do {
    count_table_tags(r->buf + l->start, l->end - l->start, &opened, &closed);
    end = l->end;
  } while (closed < opened && (*more = next_line(r->buf, r->len, pos, number, l)));
  int rc = gi_read_html(r->doc, r->buf + start, end - start, NULL);
  if (rc != GOVINFO_OK) return rc;
  /* The HTML front end counts lines from the block's first. */
  bool first_row = true;
  for (size_t i = first_line; i < r->doc->nlines; i++) {
    gi_line *line = &r->doc->lines[i];
    line->loc.line += first_number - 1;
    for (size_t t = line->first; t < line->first + line->count; t++)
      r->doc->tokens[t].loc.line += first_number - 1;
    if (line->kind == GI_LINE_ROW && first_row) {
      line->table_start = line->table_start && !continued;
      first_row = false;
    }
  }
  end_table(r);
  if (*more) *more = next_line(r->buf, r->len, pos, number, l);
  return GOVINFO_OK;
}
#endif

/* ---- text ---- */

/* The text of a line without a heading's `#` markers. */
static void strip_heading(const char *s, size_t *start, size_t *end) {
  size_t i = skip_blanks(s, *start, *end), hashes = 0;
  while (i + hashes < *end && s[i + hashes] == '#') hashes++;
  if (hashes == 0 || hashes > 6 || (i + hashes < *end && !is_blank_byte(s[i + hashes]))) return;
  *start = skip_blanks(s, i + hashes, *end);
  size_t e = trim_end(s, *start, *end), closing = e;
  while (closing > *start && s[closing - 1] == '#') closing--;
  if (closing == *start || is_blank_byte(s[closing - 1])) e = trim_end(s, *start, closing);
  *end = e;
}

static int read_text(md_reader *r, const md_line *l) {
  if (is_rule(r->buf + l->start, l->end - l->start)) {
    if (r->buf[skip_blanks(r->buf, l->start, l->end)] != '=') r->gap_has_break = true;
    return GOVINFO_OK;
  }
  size_t start = l->start, end = l->end;
  strip_heading(r->buf, &start, &end);
  if (!clean_inline(r, r->buf + start, end - start, column_of(l, start))) return gi_fail_oom();
  gi_doc *doc = r->doc;
  uint32_t base = r->clean_len ? r->columns[0] : column_of(l, start);
  if (!gi_doc_add_text(doc, r->clean, r->clean_len, (gi_loc){l->number, base}))
    return GOVINFO_ENOMEM;
  /* gi_doc_add_text counts columns in the cleaned text; point them back at the source. */
  const gi_line *added = &doc->lines[doc->nlines - 1];
  for (size_t t = added->first; t < added->first + added->count; t++)
    doc->tokens[t].loc.column = r->columns[doc->tokens[t].loc.column - base];
  if (added->kind == GI_LINE_BREAK) r->gap_has_break = true;
  else if (added->count > 0) r->in_gap = false;
  return GOVINFO_OK;
}

/* A table starts at a line with a pipe when the line starts with one or the next line is a
 * delimiter row (the header of a table written without outer pipes). */
static bool starts_table(md_reader *r, const md_line *l, size_t pos, uint32_t number) {
  const char *s = r->buf;
  if (!has_pipe(s + l->start, l->end - l->start)) return false;
  if (s[skip_blanks(s, l->start, l->end)] == '|') return true;
  md_line next;
  return next_line(r->buf, r->len, &pos, &number, &next) && is_delimiter_row(r, &next, 1);
}

int gi_read_markdown(gi_doc *doc, const char *buf, size_t len) {
  md_reader r = {.doc = doc, .buf = buf, .len = len};
  size_t pos = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  uint32_t number = 0;
  md_line l;
  bool more = next_line(buf, len, &pos, &number, &l);
  if (more) l.line_start = 0; /* columns of the first line count the byte order mark */
  int rc = GOVINFO_OK;
  while (more && rc == GOVINFO_OK) {
    if (starts_table(&r, &l, pos, number)) {
      rc = read_table(&r, &l, &pos, &number, &more);
#ifdef GOVINFO_HAVE_HTML
    } else if (starts_html_table(&r, &l)) {
      rc = read_html_table(&r, &l, &pos, &number, &more);
#endif
    } else {
      rc = read_text(&r, &l);
      more = next_line(buf, len, &pos, &number, &l);
    }
  }
  free(r.clean);
  free(r.columns);
  free(r.cells);
  /* a failed split may have been taken for a line that is no delimiter */
  return rc == GOVINFO_OK && r.out_of_memory ? gi_fail_oom() : rc;
}
