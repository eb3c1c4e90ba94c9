/* Writes the canonical YAML form (docs/report-format.md). Our own emitter rather than
 * libyaml's, because `govinfo template` needs comments, which libyaml cannot write.
 *
 * Strings are double-quoted with YAML escapes; multi-line section text is a block literal
 * when every character survives one, otherwise double-quoted too. Everything written must
 * read back identically through libyaml and PyYAML (YAML 1.1), which decides the escapes:
 * both reject raw non-printable characters and treat U+0085, U+2028 and U+2029 as breaks. */
#include <stdio.h>
#include <string.h>

#include "govinfo/io.h"
#include "io/io.h"
#include "model/report.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"

typedef struct writer {
  gi_buf out;
  bool labels;
} writer;

/* Decodes the UTF-8 sequence at s (left bytes remain). Returns its length and the code
 * point, or 0 when the bytes are not valid UTF-8 (overlong, surrogate, beyond U+10FFFF,
 * truncated). */
static size_t utf8_next(const unsigned char *s, size_t left, uint32_t *cp) {
  unsigned c = s[0];
  size_t n = c < 0x80             ? 1
             : (c & 0xE0) == 0xC0 ? 2
             : (c & 0xF0) == 0xE0 ? 3
             : (c & 0xF8) == 0xF0 ? 4
                                  : 0;
  if (n == 0 || n > left) return 0;
  uint32_t v = n == 1 ? c : c & (0x7Fu >> n);
  for (size_t k = 1; k < n; k++) {
    if ((s[k] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (s[k] & 0x3Fu);
  }
  static const uint32_t min_of_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < min_of_length[n] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return n;
}

/* The escape a double-quoted scalar needs for a character, NULL when it is written as is.
 * tmp holds numeric escapes. */
static const char *escape_of(uint32_t cp, char tmp[8]) {
  switch (cp) {
  case '"':
    return "\\\"";
  case '\\':
    return "\\\\";
  case 0x00:
    return "\\0";
  case '\t':
    return "\\t";
  case '\n':
    return "\\n";
  case '\r':
    return "\\r";
  case 0x1B:
    return "\\e";
  case 0x85:
    return "\\N";
  case 0xA0:
    return "\\_";
  case 0x2028:
    return "\\L";
  case 0x2029:
    return "\\P";
  case 0xFEFF:
    return "\\uFEFF";
  case 0xFFFE:
    return "\\uFFFE";
  case 0xFFFF:
    return "\\uFFFF";
  }
  /* Other C0 controls, DEL and the C1 controls: YAML does not allow them raw. */
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
    snprintf(tmp, 8, "\\x%02X", (unsigned)cp);
    return tmp;
  }
  return NULL;
}

/* Writes s as a double-quoted scalar. Returns the offset of the first byte that is not
 * valid UTF-8, or SIZE_MAX when all was written. */
static size_t write_quoted(writer *w, const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  gi_buf_append(&w->out, "\"", 1);
  size_t run = 0; /* start of the characters not yet copied */
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    size_t n = utf8_next(p + i, len - i, &cp);
    if (n == 0) return i;
    char tmp[8];
    const char *escape = escape_of(cp, tmp);
    if (escape) {
      gi_buf_append(&w->out, s + run, i - run);
      gi_buf_puts(&w->out, escape);
      run = i + n;
    }
    i += n;
  }
  gi_buf_append(&w->out, s + run, len - run);
  gi_buf_append(&w->out, "\"", 1);
  return SIZE_MAX;
}

static int fail_utf8(const char *path, size_t at) {
  return gi_fail_at(GOVINFO_EINVAL, NULL, (gi_loc){0, 0}, 0, path,
                    "cannot write YAML: %s is not valid UTF-8 (byte %zu)", path, at);
}

static int write_string(writer *w, const char *s, const char *path) {
  size_t bad = write_quoted(w, s, strlen(s));
  return bad == SIZE_MAX ? GOVINFO_OK : fail_utf8(path, bad);
}

static void write_label(writer *w, const char *label) {
  if (!w->labels) return;
  gi_buf_puts(&w->out, "  # ");
  gi_buf_puts(&w->out, label);
}

static void write_indent(writer *w, size_t indent) {
  static const char spaces[] = "                ";
  gi_buf_append(&w->out, spaces, indent < sizeof spaces - 1 ? indent : sizeof spaces - 1);
}

/* ---- block literals ---- */

/* True when a block literal carries the character unchanged: printable, and not a line
 * break other than \n (a literal turns \r, U+0085, U+2028 and U+2029 into \n). */
static bool literal_carries(uint32_t cp) {
  if (cp == '\n' || cp == '\t') return true;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return false;
  return cp != 0x2028 && cp != 0x2029 && cp != 0xFEFF && cp != 0xFFFE && cp != 0xFFFF;
}

/* Multi-line text with something before its trailing newlines, every character of which
 * a literal carries. */
static bool fits_literal(const char *s, size_t len, size_t body_len) {
  if (body_len == 0 || memchr(s, '\n', len) == NULL) return false;
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    size_t n = utf8_next(p + i, len - i, &cp);
    if (n == 0 || !literal_carries(cp)) return false;
    i += n;
  }
  return true;
}

/* A literal's content indentation is found from its first non-empty line; when that line
 * starts with whitespace, the indentation must be given explicitly. */
static bool needs_indent_indicator(const char *body) {
  while (*body == '\n') body++;
  return *body == ' ' || *body == '\t';
}

/* Writes text as a block literal whose lines sit at `indent` spaces, two more than the
 * mapping that holds it. The chomping indicator keeps the trailing newlines exact:
 * "-" none, "" one, "+" more. */
static void write_literal(writer *w, const char *s, size_t len, size_t body_len, size_t indent) {
  size_t trailing = len - body_len;
  gi_buf_puts(&w->out, "|");
  if (needs_indent_indicator(s)) gi_buf_puts(&w->out, "2");
  gi_buf_puts(&w->out, trailing == 0 ? "-" : trailing == 1 ? "" : "+");
  for (size_t i = 0; i <= body_len;) {
    const char *nl = memchr(s + i, '\n', body_len - i);
    size_t end = nl ? (size_t)(nl - s) : body_len;
    gi_buf_append(&w->out, "\n", 1);
    if (end > i) {
      write_indent(w, indent);
      gi_buf_append(&w->out, s + i, end - i);
    }
    i = end + 1;
  }
  for (size_t k = 1; k < trailing; k++) gi_buf_append(&w->out, "\n", 1);
}

/* Section text: a block literal when it can carry it, else a double-quoted scalar. */
static int write_text(writer *w, const char *s, size_t indent, const char *path) {
  size_t len = strlen(s), body_len = len;
  while (body_len > 0 && s[body_len - 1] == '\n') body_len--;
  if (!fits_literal(s, len, body_len)) return write_string(w, s, path);
  write_literal(w, s, len, body_len, indent);
  return GOVINFO_OK;
}

/* ---- the document ---- */

static int write_metadata(writer *w, const govinfo_report *r) {
  gi_buf_puts(&w->out, "format: ");
  write_quoted(w, r->format->id, strlen(r->format->id));
  write_label(w, r->format->name);
  gi_buf_puts(&w->out, "\n");
  if (r->year) gi_buf_printf(&w->out, "year: %d\n", r->year);
  for (int m = 0; m < GI_META_COUNT_; m++) {
    if (r->meta[m] == NULL && w->labels && m == GI_META_TITLE) /* a template: say what goes here */
      gi_buf_puts(&w->out,
                  "title: null  # 报告标题，如“某县人民政府2024年政府信息公开工作年度报告”\n");
    if (r->meta[m] == NULL && w->labels && m == GI_META_PUBLISHED)
      gi_buf_puts(&w->out, "published: null  # 发布日期，写成 2025-01-20 这样的 YYYY-MM-DD\n");
    if (r->meta[m] == NULL) continue;
    char path[32];
    snprintf(path, sizeof path, "/%s", gi_meta_defs[m].key);
    gi_buf_printf(&w->out, "%s: ", gi_meta_defs[m].key);
    int rc = gi_meta_defs[m].multiline ? write_text(w, r->meta[m], 2, path)
                                       : write_string(w, r->meta[m], path);
    if (rc) return rc;
    gi_buf_puts(&w->out, "\n");
  }
  return GOVINFO_OK;
}

static int write_section(writer *w, const govinfo_report *r, size_t i) {
  const gi_section *s = &r->sections[i];
  char path[48];
  gi_buf_puts(&w->out, "  - id: ");
  write_quoted(w, r->format->sections[s->def].id, strlen(r->format->sections[s->def].id));
  gi_buf_puts(&w->out, "\n");
  int rc;
  if (s->title) {
    snprintf(path, sizeof path, "/sections/%zu/title", i);
    gi_buf_puts(&w->out, "    title: ");
    if ((rc = write_string(w, s->title, path))) return rc;
    gi_buf_puts(&w->out, "\n");
  }
  snprintf(path, sizeof path, "/sections/%zu/text", i);
  gi_buf_puts(&w->out, "    text: ");
  if ((rc = write_text(w, s->text, 6, path))) return rc;
  gi_buf_puts(&w->out, "\n");
  return GOVINFO_OK;
}

static int write_sections(writer *w, const govinfo_report *r) {
  if (r->nsections == 0) {
    gi_buf_puts(&w->out, "sections: []\n");
    return GOVINFO_OK;
  }
  if (w->labels) /* a template: how to write text of several lines (YAML's block form) */
    gi_buf_puts(&w->out, "# 多行文字用块形式：在 text: 后写 |，下面各行比 text 多缩进两格，例如\n"
                         "#     text: |\n"
                         "#       本机关2024年……（第一段）\n"
                         "#       （第二段）……\n"
                         "# 文字中有“: ”（冒号加空格）时也要这样写，或把整段文字放进双引号。\n");
  gi_buf_puts(&w->out, "sections:\n");
  for (size_t i = 0; i < r->nsections; i++) {
    int rc = write_section(w, r, i);
    if (rc) return rc;
  }
  return GOVINFO_OK;
}

static bool row_has_cells(const govinfo_report *r, size_t t, size_t row) {
  for (size_t c = 0; c < r->format->tables[t].ncolumns; c++)
    if (gi_report_cell(r, t, row, c)->state != GOVINFO_CELL_ABSENT) return true;
  return false;
}

static bool table_has_cells(const govinfo_report *r, size_t t) {
  for (size_t row = 0; row < r->format->tables[t].nrows; row++)
    if (row_has_cells(r, t, row)) return true;
  return false;
}

static int write_cell(writer *w, const govinfo_report *r, size_t t, size_t row, size_t c) {
  const gi_cell *cell = gi_report_cell(r, t, row, c);
  const struct govinfo_column *col = &r->format->tables[t].columns[c];
  if (cell->state == GOVINFO_CELL_ABSENT) return GOVINFO_OK;
  gi_buf_printf(&w->out, "      %s: ", col->id);
  if (cell->state == GOVINFO_CELL_BLANK) {
    gi_buf_puts(&w->out, "null");
  } else if (cell->state == GOVINFO_CELL_NUMBER) {
    char number[GOVINFO_NUMBER_BUFSIZE];
    gi_buf_append(&w->out, number, gi_decimal_format(&cell->number, number));
  } else {
    char path[160];
    gi_cell_pointer(r->format, t, row, c, path, sizeof path);
    int rc = write_string(w, cell->mark, path);
    if (rc) return rc;
  }
  write_label(w, col->label);
  gi_buf_puts(&w->out, "\n");
  return GOVINFO_OK;
}

static int write_table(writer *w, const govinfo_report *r, size_t t) {
  const struct govinfo_table *tb = &r->format->tables[t];
  gi_buf_printf(&w->out, "  %s:", tb->id);
  write_label(w, tb->title);
  gi_buf_puts(&w->out, "\n");
  for (size_t row = 0; row < tb->nrows; row++) {
    if (!row_has_cells(r, t, row)) {
      /* A heading or a group printed through its sub-rows: with labels, name it above them,
       * so a template shows the table's hierarchy (三、本年度办理结果, （三）不予公开 …). */
      if (w->labels && tb->rows[row].role != GOVINFO_ROW_DATA)
        gi_buf_printf(&w->out, "    # %s\n", tb->rows[row].label);
      continue;
    }
    gi_buf_printf(&w->out, "    %s:", tb->rows[row].id);
    write_label(w, tb->rows[row].label);
    gi_buf_puts(&w->out, "\n");
    for (size_t c = 0; c < tb->ncolumns; c++) {
      int rc = write_cell(w, r, t, row, c);
      if (rc) return rc;
    }
  }
  return GOVINFO_OK;
}

static int write_tables(writer *w, const govinfo_report *r) {
  bool any = false;
  for (size_t t = 0; t < r->format->ntables && !any; t++) any = table_has_cells(r, t);
  if (!any) {
    gi_buf_puts(&w->out, "tables: {}\n");
    return GOVINFO_OK;
  }
  gi_buf_puts(&w->out, "tables:\n");
  for (size_t t = 0; t < r->format->ntables; t++) {
    if (!table_has_cells(r, t)) continue;
    int rc = write_table(w, r, t);
    if (rc) return rc;
  }
  return GOVINFO_OK;
}

int gi_yaml_write(char **out, size_t *len, const govinfo_report *r, unsigned flags) {
  if (out == NULL || r == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  *out = NULL;
  writer w = {.labels = (flags & GOVINFO_WRITE_LABELS) != 0};
  int rc;
  if ((rc = write_metadata(&w, r)) || (rc = write_sections(&w, r)) || (rc = write_tables(&w, r))) {
    gi_buf_free(&w.out);
    return rc;
  }
  return gi_buf_finish(&w.out, out, len);
}
