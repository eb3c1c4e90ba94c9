/* The HTML front end: a published page read with libxml2's HTML parser.
 *
 * The tree is walked in document order. Each <tr> becomes a table row of its <td>/<th>
 * cells, each cell once and in source order: a rowspan or colspan cell is not repeated, as
 * in a printed table, and an empty or &nbsp; cell is an empty token. Everything else gives
 * text lines, one per block element (title, p, div, h1-h6, li, ...) and per <br>-separated
 * line, white space collapsed. Scripts, styles and hidden elements give nothing. A row with
 * a table inside is page layout, not data: its cells are read as blocks and the inner
 * table's rows as rows.
 *
 * The page is read as UTF-8 unless it declares another charset (<meta charset>, the
 * http-equiv Content-Type form or an XML declaration); then it is read again in that charset
 * from its first byte, since libxml2 alone decodes what precedes a <meta charset> wrongly.
 * GBK labels are read as GB18030, their superset, as browsers do. A page that is neither
 * UTF-8 nor declared is refused rather than read as Latin-1.
 *
 * Positions: libxml2 keeps the line where each element starts (capped at 65535), not
 * columns. A row starts at its <tr>; a cell or text line at the line of its first visible
 * character, worked out from the lines of the nodes around it. Columns are 1.
 */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/doc.h"
#include "util/buf.h"
#include "util/text.h"

enum {
  PARSE_OPTIONS = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
};

typedef enum element_role {
  ROLE_INLINE, /* text flows through (span, b, a, font, ...: every element not listed) */
  ROLE_BLOCK,  /* a text line ends before and after it */
  ROLE_PRE,    /* a block whose newlines end lines */
  ROLE_BREAK,  /* <br>: a text line ends */
  ROLE_SKIP,   /* never shown */
  ROLE_TABLE,
  ROLE_ROW,
  ROLE_CELL
} element_role;

/* Sorted by name, for bsearch. */
static const struct element_role_def {
  const char *name;
  element_role role;
} element_roles[] = {
    {"address", ROLE_BLOCK},    {"article", ROLE_BLOCK},    {"aside", ROLE_BLOCK},
    {"blockquote", ROLE_BLOCK}, {"body", ROLE_BLOCK},       {"br", ROLE_BREAK},
    {"button", ROLE_SKIP},      {"canvas", ROLE_SKIP},      {"caption", ROLE_BLOCK},
    {"center", ROLE_BLOCK},     {"dd", ROLE_BLOCK},         {"details", ROLE_BLOCK},
    {"dialog", ROLE_BLOCK},     {"dir", ROLE_BLOCK},        {"div", ROLE_BLOCK},
    {"dl", ROLE_BLOCK},         {"dt", ROLE_BLOCK},         {"embed", ROLE_SKIP},
    {"fieldset", ROLE_BLOCK},   {"figcaption", ROLE_BLOCK}, {"figure", ROLE_BLOCK},
    {"footer", ROLE_BLOCK},     {"form", ROLE_BLOCK},       {"h1", ROLE_BLOCK},
    {"h2", ROLE_BLOCK},         {"h3", ROLE_BLOCK},         {"h4", ROLE_BLOCK},
    {"h5", ROLE_BLOCK},         {"h6", ROLE_BLOCK},         {"head", ROLE_BLOCK},
    {"header", ROLE_BLOCK},     {"hgroup", ROLE_BLOCK},     {"hr", ROLE_BLOCK},
    {"html", ROLE_BLOCK},       {"iframe", ROLE_SKIP},      {"input", ROLE_SKIP},
    {"legend", ROLE_BLOCK},     {"li", ROLE_BLOCK},         {"listing", ROLE_PRE},
    {"main", ROLE_BLOCK},       {"menu", ROLE_BLOCK},       {"nav", ROLE_BLOCK},
    {"noscript", ROLE_SKIP},    {"object", ROLE_SKIP},      {"ol", ROLE_BLOCK},
    {"p", ROLE_BLOCK},          {"plaintext", ROLE_PRE},    {"pre", ROLE_PRE},
    {"script", ROLE_SKIP},      {"section", ROLE_BLOCK},    {"select", ROLE_SKIP},
    {"style", ROLE_SKIP},       {"summary", ROLE_BLOCK},    {"svg", ROLE_SKIP},
    {"table", ROLE_TABLE},      {"tbody", ROLE_BLOCK},      {"td", ROLE_CELL},
    {"template", ROLE_SKIP},    {"textarea", ROLE_SKIP},    {"tfoot", ROLE_BLOCK},
    {"th", ROLE_CELL},          {"thead", ROLE_BLOCK},      {"title", ROLE_BLOCK},
    {"tr", ROLE_ROW},           {"ul", ROLE_BLOCK},         {"xmp", ROLE_PRE},
};

/* Charset labels browsers read with a wider decoder (WHATWG Encoding): GB2312 pages hold GBK
 * characters, and GB18030 decodes all of GBK. */
static const struct {
  const char *label;
  const char *charset;
} charset_labels[] = {
    {"gb2312", "GB18030"},          {"gbk", "GB18030"},         {"x-gbk", "GB18030"},
    {"gb_2312", "GB18030"},         {"gb_2312-80", "GB18030"},  {"csgb2312", "GB18030"},
    {"csiso58gb231280", "GB18030"}, {"iso-ir-58", "GB18030"},   {"chinese", "GB18030"},
    {"big5", "BIG5-HKSCS"},         {"x-x-big5", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"},
    {"iso-8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static bool is_named(const xmlNode *node, const char *name) {
  return node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

/* The next node after `node` in document order, within top's subtree. */
static xmlNode *next_within(xmlNode *node, const xmlNode *top, bool descend) {
  if (node == NULL) return NULL;
  if (descend && node->children) return node->children;
  for (; node && node != top; node = node->parent)
    if (node->next) return node->next;
  return NULL;
}

/* Where `word` first occurs in s, ignoring ASCII case; NULL when it does not. */
static const char *find_caseless(const char *s, const char *word) {
  size_t n = strlen(word);
  for (; *s; s++)
    if (strncasecmp(s, word, n) == 0) return s;
  return NULL;
}

/* The value after `name` and `=` in a list such as "text/html; charset=gbk" or a style
 * "color:red; display : none" (separator ':'), or NULL. */
static const char *value_after(const char *s, const char *name, char separator) {
  for (const char *at = s; (at = find_caseless(at, name)) != NULL;) {
    at += strlen(name);
    at += strspn(at, " \t");
    if (*at == separator) return at + 1 + strspn(at + 1, " \t\"'");
  }
  return NULL;
}

static bool is_hidden(xmlNode *node) {
  if (node->properties == NULL) return false;
  if (xmlHasProp(node, BAD_CAST "hidden")) return true;
  xmlAttr *style = xmlHasProp(node, BAD_CAST "style");
  /* the parser keeps an attribute's value as its one text child: read it without a copy */
  const xmlNode *value = style ? style->children : NULL;
  const char *display = value && value->type == XML_TEXT_NODE && value->content
                            ? value_after((const char *)value->content, "display", ':')
                            : NULL;
  return display && strncasecmp(display, "none", 4) == 0;
}

static int compare_role_names(const void *name, const void *def) {
  return strcmp(name, ((const struct element_role_def *)def)->name);
}

static element_role role_of(xmlNode *node) {
  const struct element_role_def *def = bsearch(node->name, element_roles, COUNT(element_roles),
                                               sizeof element_roles[0], compare_role_names);
  if (is_hidden(node)) return ROLE_SKIP;
  return def ? def->role : ROLE_INLINE;
}

static uint32_t line_of(xmlNode *node) {
  long line = xmlGetLineNo(node);
  return line < 1 ? 1 : line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)line;
}

/* ---- text ---- */

static bool is_space_at(const char *s, size_t len, size_t i, size_t *width) {
  unsigned char c = (unsigned char)s[i];
  *width = 1;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
  if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) { /* U+00A0, &nbsp; */
    *width = 2;
    return true;
  }
  return false;
}

static bool is_ideographic_space(const char *s, size_t len) {
  return len >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0;
}

/* Collapses runs of white space (no-break spaces too) into one space, in place, and trims
 * both ends, ideographic spaces (paragraph indents) included. Returns the new length. */
static size_t collapse_spaces(char *s, size_t len) {
  size_t n = 0, width;
  bool space = false;
  for (size_t i = 0; i < len; i += width) {
    if (is_space_at(s, len, i, &width)) {
      space = true;
      continue;
    }
    if (space && n > 0) s[n++] = ' ';
    space = false;
    memmove(s + n, s + i, width);
    n += width;
  }
  size_t start = 0;
  while (start < n && (s[start] == ' ' || is_ideographic_space(s + start, n - start)))
    start += s[start] == ' ' ? 1 : 3;
  while (n > start && (s[n - 1] == ' ' || (n - start >= 3 && is_ideographic_space(s + n - 3, 3))))
    n -= s[n - 1] == ' ' ? 1 : 3;
  memmove(s, s + start, n - start);
  s[n - start] = '\0';
  return n - start;
}

/* Newlines before the first visible character of s; -1 when it has none. */
static long newlines_before_text(const char *s, size_t len) {
  long newlines = 0;
  size_t width;
  for (size_t i = 0; i < len; i += width) {
    if (!is_space_at(s, len, i, &width)) return newlines;
    newlines += s[i] == '\n';
  }
  return -1;
}

/* ---- the walk ---- */

typedef struct gathered {
  gi_buf text;
  gi_loc loc;
  bool visible; /* holds a visible character; loc is where the first one is */
} gathered;

typedef struct html_reader {
  gi_doc *doc;
  gathered line; /* the text line being gathered */
  gathered cell; /* the cell being gathered */
  xmlNode *row;  /* the data row being read */
  xmlNode *cell_node;
  bool row_begun;
  gi_loc row_loc;
  xmlNode *table, *last_row_table; /* table of the current row, and of the last one emitted */
  int pre_depth;
  uint32_t element_line; /* where the last element entered starts */
  int status;
} html_reader;

/* Adds text that starts at line `line`. */
static void gather(gathered *g, const char *s, size_t len, uint32_t line) {
  if (!g->visible) {
    long newlines = newlines_before_text(s, len);
    if (newlines >= 0) {
      g->visible = true;
      g->loc = (gi_loc){line + (uint32_t)newlines, 1};
    }
  }
  gi_buf_append(&g->text, s, len);
}

static void reset(gathered *g) {
  g->text.len = 0;
  g->visible = false;
}

static void flush_line(html_reader *r) {
  gathered *g = &r->line;
  if (r->status != GOVINFO_OK) return;
  if (g->text.failed) {
    r->status = gi_fail_oom();
    return;
  }
  if (g->visible) {
    size_t n = collapse_spaces(g->text.data, g->text.len);
    gi_doc *doc = r->doc;
    if (!gi_doc_add_text(doc, g->text.data, n, g->loc)) {
      r->status = GOVINFO_ENOMEM;
    } else { /* words have no known column either */
      const gi_line *added = &doc->lines[doc->nlines - 1];
      for (size_t t = added->first; t < added->first + added->count; t++)
        doc->tokens[t].loc.column = 1;
    }
  }
  reset(g);
}

/* libxml2 gives a text node the line where it ends (where its first chunk ends when it is
 * long), so it starts that many newlines before, and not before the element before it. */
static uint32_t text_start_line(html_reader *r, xmlNode *node, const char *s, size_t len) {
  uint32_t end = line_of(node), newlines = 0;
  for (const char *nl = s; (nl = memchr(nl, '\n', len - (size_t)(nl - s))) != NULL; nl++)
    newlines++;
  return end > newlines && end - newlines > r->element_line ? end - newlines : r->element_line;
}

static void gather_text(html_reader *r, xmlNode *node) {
  const char *s = node->content ? (const char *)node->content : "";
  size_t len = strlen(s);
  if (r->row && !r->cell_node) return; /* stray text between cells */
  uint32_t line = text_start_line(r, node, s, len);
  if (r->cell_node || r->pre_depth == 0) {
    gather(r->cell_node ? &r->cell : &r->line, s, len, line);
    return;
  }
  for (const char *nl; (nl = memchr(s, '\n', len)) != NULL; s = nl + 1) {
    gather(&r->line, s, (size_t)(nl - s), line++);
    flush_line(r);
    len -= (size_t)(nl + 1 - s);
  }
  gather(&r->line, s, len, line);
}

/* A row with a table (or a row) inside is page layout, not a row of data. */
static bool is_layout_row(xmlNode *row) {
  for (xmlNode *n = next_within(row, row, true); n; n = next_within(n, row, true))
    if (is_named(n, "table") || is_named(n, "tr")) return true;
  return false;
}

static xmlNode *enclosing_table(xmlNode *node) {
  while (node && !is_named(node, "table")) node = node->parent;
  return node;
}

static void begin_cell(html_reader *r, xmlNode *node) {
  if (!r->row_begun) {
    r->row_begun = true;
    bool table_start = r->table != r->last_row_table;
    r->last_row_table = r->table;
    if (!gi_doc_begin_row(r->doc, r->row_loc, table_start)) r->status = GOVINFO_ENOMEM;
  }
  r->cell_node = node;
  reset(&r->cell);
  r->cell.loc = (gi_loc){r->element_line, 1};
}

static void end_cell(html_reader *r) {
  r->cell_node = NULL;
  if (r->status != GOVINFO_OK) return;
  gi_buf_append(&r->cell.text, "", 0); /* data is never NULL */
  if (r->cell.text.failed) {
    r->status = gi_fail_oom();
    return;
  }
  size_t n = collapse_spaces(r->cell.text.data, r->cell.text.len);
  if (!gi_doc_add_cell(r->doc, r->cell.text.data, n, r->cell.loc)) r->status = GOVINFO_ENOMEM;
}

/* Returns whether to read the node's children. */
static bool enter(html_reader *r, xmlNode *node) {
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    gather_text(r, node);
    return false;
  }
  if (node->type != XML_ELEMENT_NODE) return false;
  element_role role = role_of(node);
  r->element_line = line_of(node);
  if (r->cell_node) { /* inside a cell everything is the cell's text */
    if (role == ROLE_SKIP) return false;
    if (role != ROLE_INLINE) gi_buf_append(&r->cell.text, " ", 1);
    return true;
  }
  switch (role) {
  case ROLE_SKIP:
    return false;
  case ROLE_INLINE:
    return true;
  case ROLE_ROW:
    flush_line(r);
    if (!r->row && !is_layout_row(node)) {
      r->row = node;
      r->row_begun = false;
      r->row_loc = (gi_loc){r->element_line, 1};
    }
    return true;
  case ROLE_CELL:
    if (r->row) begin_cell(r, node);
    else flush_line(r);
    return true;
  case ROLE_TABLE:
    r->table = node;
    /* fall through */
  case ROLE_PRE:
  case ROLE_BLOCK:
  case ROLE_BREAK:
    flush_line(r);
    r->pre_depth += role == ROLE_PRE;
    return true;
  }
  return true;
}

static void leave(html_reader *r, xmlNode *node) {
  element_role role = role_of(node);
  if (node == r->cell_node) {
    end_cell(r);
    return;
  }
  if (r->cell_node) {
    if (role != ROLE_INLINE && role != ROLE_SKIP) gi_buf_append(&r->cell.text, " ", 1);
    return;
  }
  if (node == r->row) {
    r->row = NULL;
    return;
  }
  if (role == ROLE_INLINE || role == ROLE_SKIP || role == ROLE_BREAK) return;
  flush_line(r);
  r->pre_depth -= role == ROLE_PRE;
  if (role == ROLE_TABLE) r->table = enclosing_table(node->parent);
}

static int read_tree(gi_doc *doc, htmlDocPtr tree) {
  html_reader r = {.doc = doc};
  xmlNode *top = (xmlNode *)tree, *node = next_within(top, top, true);
  while (node && r.status == GOVINFO_OK) {
    if (enter(&r, node) && node->children) {
      node = node->children;
      continue;
    }
    for (;;) { /* leave the node and every ancestor it is the last child of */
      if (node->type == XML_ELEMENT_NODE) leave(&r, node);
      if (node->next) {
        node = node->next;
        break;
      }
      node = node->parent;
      if (node == top) {
        node = NULL;
        break;
      }
    }
  }
  flush_line(&r);
  gi_buf_free(&r.line.text);
  gi_buf_free(&r.cell.text);
  return r.status;
}

/* ---- parsing and charsets ---- */

/* What libxml2 reported while parsing: kept, never printed on the host's stderr. */
typedef struct parse_errors {
  bool conversion_failed; /* bytes that are not in the charset the page was read in */
  bool too_deep;          /* libxml2 stopped building the tree at its depth limit */
} parse_errors;

static void take_error(void *data, xmlErrorPtr error) {
  parse_errors *seen = data;
  if (error == NULL) return;
  if (error->domain == XML_FROM_I18N || error->domain == XML_FROM_IO ||
      error->code == XML_ERR_INVALID_ENCODING || error->code == XML_ERR_INVALID_CHAR)
    seen->conversion_failed = true;
  if (error->message && strstr(error->message, "Excessive depth")) seen->too_deep = true;
}

/* libxml2 errors of the parser context go to the context's own handler. libxml2 2.9 reports
 * charset conversion errors without a context, to the thread's handler (thread-local in
 * libxml2): that one is set for the parse and put back after it. */
static void parser_error(void *ctxt, xmlErrorPtr error) {
  take_error(((htmlParserCtxtPtr)ctxt)->_private, error);
}

static int parse(htmlDocPtr *out, const char *buf, size_t len, const char *charset,
                 const char *source, parse_errors *seen) {
  *seen = (parse_errors){false, false};
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt == NULL) return gi_fail_oom();
  ctxt->_private = seen;
  ctxt->userData = ctxt;
  ctxt->sax->serror = parser_error;
  ctxt->sax->initialized = XML_SAX2_MAGIC; /* so that libxml2 uses serror */
  xmlStructuredErrorFunc thread_handler = xmlStructuredError;
  void *thread_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(seen, take_error);
  *out = htmlCtxtReadMemory(ctxt, buf, (int)len, NULL, charset, PARSE_OPTIONS);
  xmlSetStructuredErrorFunc(thread_context, thread_handler);
  int rc = GOVINFO_OK;
  const xmlError *error = xmlCtxtGetLastError(ctxt);
  if (*out == NULL && error && error->code == XML_ERR_NO_MEMORY) {
    rc = gi_fail_oom();
  } else if (*out == NULL) {
    const char *why = error && error->message ? error->message : "no document\n";
    rc = gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                    "cannot read the HTML page: %.*s", (int)strcspn(why, "\n"), why);
  } else if (seen->too_deep) {
    rc = gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                    "the HTML page is nested deeper than libxml2's limit of 256 elements, "
                    "so its reading was cut short there: the rest of the page is missing");
  }
  htmlFreeParserCtxt(ctxt);
  return rc;
}

/* The value of `name=` in an attribute or declaration, up to a quote, space or ';'; new
 * (free with xmlFree) or NULL. */
static xmlChar *charset_in(const xmlChar *text, const char *name) {
  const char *at = text ? value_after((const char *)text, name, '=') : NULL;
  size_t len = at ? strcspn(at, " \t\"';") : 0;
  return len > 0 ? xmlStrndup(BAD_CAST at, (int)len) : NULL;
}

/* The charset the page declares: `<meta charset=...>`, `<meta http-equiv="Content-Type"
 * content="...; charset=...">` or `<?xml ... encoding="..."?>`; new (free with xmlFree) or
 * NULL. */
static xmlChar *declared_charset(htmlDocPtr tree) {
  xmlNode *top = (xmlNode *)tree;
  for (xmlNode *n = next_within(top, top, true); n; n = next_within(n, top, true)) {
    xmlChar *charset = NULL;
    if (n->type == XML_PI_NODE && strcmp((const char *)n->name, "xml") == 0) {
      charset = charset_in(n->content, "encoding");
    } else if (is_named(n, "meta")) {
      charset = xmlGetProp(n, BAD_CAST "charset");
      if (charset == NULL) {
        xmlChar *content = xmlGetProp(n, BAD_CAST "content");
        charset = charset_in(content, "charset");
        xmlFree(content);
      }
    }
    if (charset) return charset;
  }
  return NULL;
}

/* The charset to decode a declared label with: a wider one for the labels browsers widen,
 * NULL when it is UTF-8 (already read as such), else the label itself. */
static const char *charset_to_read(const char *label) {
  if (xmlParseCharEncoding(label) == XML_CHAR_ENCODING_UTF8) return NULL;
  for (size_t i = 0; i < COUNT(charset_labels); i++)
    if (strcasecmp(label, charset_labels[i].label) == 0) return charset_labels[i].charset;
  return label;
}

static int read_declared(gi_doc *doc, htmlDocPtr *tree, const char *buf, size_t len,
                         const char *source) {
  xmlChar *label = declared_charset(*tree);
  const char *charset = label ? charset_to_read((const char *)label) : NULL;
  int rc = GOVINFO_OK;
  if (charset == NULL) {
    if (!gi_utf8_valid(buf, len))
      rc = gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                      "the HTML page is not UTF-8 and declares no other charset");
  } else {
    xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(charset);
    if (handler == NULL) {
      rc = gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                      "the HTML page declares charset \"%s\", which cannot be read here",
                      (const char *)label);
    } else {
      xmlCharEncCloseFunc(handler);
      htmlDocPtr declared = NULL;
      parse_errors seen;
      rc = parse(&declared, buf, len, charset, source, &seen);
      if (rc == GOVINFO_OK && seen.conversion_failed) {
        /* the declared charset is wrong: UTF-8 text is read as such, else as well as the
         * declared charset allows; a finding says so either way */
        snprintf(doc->wrong_charset, sizeof doc->wrong_charset, "%s", (const char *)label);
        doc->read_as_utf8 = gi_utf8_valid(buf, len);
      }
      if (rc == GOVINFO_OK && !doc->read_as_utf8) {
        xmlFreeDoc(*tree);
        *tree = declared;
      } else {
        xmlFreeDoc(declared);
      }
    }
  }
  xmlFree(label);
  return rc;
}

int gi_read_html(gi_doc *doc, const char *buf, size_t len, const char *source) {
  if (len > INT_MAX)
    return gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                      "the HTML page is too large (%zu bytes)", len);
  xmlInitParser(); /* once per process; libxml2 asks libraries to call it */
  htmlDocPtr tree = NULL;
  parse_errors seen;
  int rc = parse(&tree, buf, len, "UTF-8", source, &seen);
  if (rc == GOVINFO_OK) rc = read_declared(doc, &tree, buf, len, source);
  if (rc == GOVINFO_OK) rc = read_tree(doc, tree);
  xmlFreeDoc(tree);
  return rc;
}
