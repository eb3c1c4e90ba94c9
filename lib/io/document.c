/* Builds a report from the events of a JSON or YAML document. Every shape rule lives here
 * once: which keys exist, which ids a format has, what a cell may hold. Errors name the
 * source, line, column and JSON Pointer of the offending value. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/events.h"
#include "model/report.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/suggest.h"
#include "util/text.h"

typedef struct builder {
  gi_event *ev;
  size_t n;
  const char *source;
  govinfo_report *report;
} builder;

gi_event *gi_event_append(gi_event **events, size_t *n, size_t *cap) {
  if (*n == *cap) {
    size_t more = *cap ? *cap * 2 : 64;
    gi_event *p = realloc(*events, more * sizeof *p);
    if (p == NULL) {
      gi_fail_oom();
      return NULL;
    }
    *events = p;
    *cap = more;
  }
  gi_event *e = &(*events)[(*n)++];
  *e = (gi_event){.type = GI_EV_END};
  return e;
}

/* ---- JSON Pointers of events ----
 * Worked out from the events before a node, and only when an error needs one, so reading
 * never tracks paths. */

typedef struct pointer_frame {
  bool mapping;
  bool want_key;       /* mapping: the next node is a key */
  const gi_event *key; /* mapping: the last key, NULL when it was not a scalar */
  size_t index;        /* sequence: nodes so far */
} pointer_frame;

static void node_done(pointer_frame *top, const gi_event *node) {
  if (top == NULL) return;
  if (!top->mapping) {
    top->index++;
  } else if (top->want_key) {
    top->key = node && node->type == GI_EV_SCALAR ? node : NULL;
    top->want_key = false;
  } else {
    top->want_key = true;
  }
}

static void append_segment(gi_buf *b, const char *s, size_t len) {
  gi_buf_append(b, "/", 1);
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '~') gi_buf_append(b, "~0", 2);
    else if (s[i] == '/') gi_buf_append(b, "~1", 2);
    else gi_buf_append(b, &s[i], 1);
  }
}

void gi_event_pointer(const gi_event *ev, size_t count, size_t at, char *out, size_t size) {
  pointer_frame *stack = malloc((at + 1) * sizeof *stack);
  gi_buf path = {0};
  size_t depth = 0;
  for (size_t i = 0; stack && i < at; i++) {
    const gi_event *e = &ev[i];
    if (e->type == GI_EV_MAP || e->type == GI_EV_SEQ)
      stack[depth++] = (pointer_frame){e->type == GI_EV_MAP, true, NULL, 0};
    else if (e->type == GI_EV_END && depth > 0) node_done(--depth ? &stack[depth - 1] : NULL, NULL);
    else node_done(depth ? &stack[depth - 1] : NULL, e);
  }
  for (size_t d = 0; stack && d < depth; d++) {
    if (!stack[d].mapping) {
      char index[24];
      int len = snprintf(index, sizeof index, "/%zu", stack[d].index);
      gi_buf_append(&path, index, (size_t)len);
    } else if (!stack[d].want_key) {
      const gi_event *k = stack[d].key;
      append_segment(&path, k ? k->text : "", k ? k->len : 0);
    } else if (d + 1 == depth && at < count && ev[at].type == GI_EV_SCALAR) {
      append_segment(&path, ev[at].text, ev[at].len); /* a key names its value */
    } else if (d + 1 == depth && at == count && stack[d].key) {
      /* past the last event (a reader's syntax error): name the value it follows */
      append_segment(&path, stack[d].key->text, stack[d].key->len);
    }
  }
  snprintf(out, size, "%s", path.data && !path.failed ? path.data : "");
  gi_buf_free(&path);
  free(stack);
}

__attribute__((format(printf, 4, 5))) static int fail(builder *b, size_t at, int code,
                                                      const char *fmt, ...) {
  char message[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);
  gi_loc loc = at < b->n ? b->ev[at].loc : (gi_loc){0, 0};
  size_t offset = at < b->n ? b->ev[at].offset : 0;
  char path[512];
  gi_event_pointer(b->ev, b->n, at, path, sizeof path);
  gi_fail_at(code, b->source, loc, offset, path, "%s", message);
  return code; /* what gi_fail_at returns; said here so callers' analysis sees it */
}

/* ---- event helpers ---- */

static bool is_scalar(const builder *b, size_t i) {
  return i < b->n && b->ev[i].type == GI_EV_SCALAR;
}

static bool text_is_n(const gi_event *e, const char *s, size_t n) {
  return e->len == n && memcmp(e->text, s, n) == 0;
}

static bool text_is(const gi_event *e, const char *s) { return text_is_n(e, s, strlen(s)); }

/* For string literals: the length is known at compile time (this runs for every cell). */
#define TEXT_IS(e, literal) text_is_n((e), (literal), sizeof(literal) - 1)

/* A YAML plain scalar that means null. */
static bool plain_null(const gi_event *e) {
  return e->style == GI_SCALAR_PLAIN && e->len <= 4 &&
         (e->len == 0 || TEXT_IS(e, "~") || TEXT_IS(e, "null") || TEXT_IS(e, "Null") ||
          TEXT_IS(e, "NULL"));
}

static bool is_null(const gi_event *e) {
  return e->type == GI_EV_SCALAR && (e->style == GI_SCALAR_NULL || plain_null(e));
}

static bool plain_bool(const gi_event *e) {
  return e->style == GI_SCALAR_PLAIN && (e->len == 4 || e->len == 5) &&
         (TEXT_IS(e, "true") || TEXT_IS(e, "True") || TEXT_IS(e, "TRUE") || TEXT_IS(e, "false") ||
          TEXT_IS(e, "False") || TEXT_IS(e, "FALSE"));
}

static const char *describe(const gi_event *e) {
  switch (e->type) {
  case GI_EV_MAP:
    return "a mapping";
  case GI_EV_SEQ:
    return "a list";
  case GI_EV_END:
    return "the end of a mapping or list";
  }
  if (is_null(e)) return "null";
  if (e->style == GI_SCALAR_BOOL || plain_bool(e)) return "a boolean";
  if (e->style == GI_SCALAR_NUMBER) return "a number";
  if (e->style == GI_SCALAR_PLAIN) {
    gi_decimal d;
    if (gi_decimal_parse(e->text, e->len, &d) == GOVINFO_OK) return "a number";
  }
  return "text";
}

/* Index just past the value that starts at i. */
static size_t skip_value(const builder *b, size_t i) {
  size_t depth = 0;
  do {
    if (b->ev[i].type == GI_EV_MAP || b->ev[i].type == GI_EV_SEQ) depth++;
    else if (b->ev[i].type == GI_EV_END) depth--;
    i++;
  } while (depth > 0 && i < b->n);
  return i;
}

/* Text of a string field: a JSON string or any YAML scalar but null. New string in *out
 * (NULL for null when allow_null). */
static int read_text(builder *b, size_t i, const char *what, bool allow_null, char **out) {
  gi_event *e = &b->ev[i];
  *out = NULL;
  if (allow_null && is_null(e)) return GOVINFO_OK;
  if (e->type != GI_EV_SCALAR ||
      (e->style != GI_SCALAR_STRING && (e->style != GI_SCALAR_PLAIN || plain_null(e))))
    return fail(b, i, GOVINFO_ESCHEMA, "%s must be text, not %s", what, describe(e));
  if (!e->utf8 && !gi_utf8_valid(e->text, e->len))
    return fail(b, i, GOVINFO_ESCHEMA, "%s is not valid UTF-8", what);
  if (memchr(e->text, '\0', e->len))
    return fail(b, i, GOVINFO_ESCHEMA, "%s contains a NUL character", what);
  if (e->owned) {
    *out = e->text; /* owned text is NUL-terminated at len */
    e->text = NULL;
    e->owned = false;
  } else if ((*out = gi_strndup(e->text, e->len)) == NULL) {
    return gi_fail_oom();
  }
  return GOVINFO_OK;
}

/* ---- mappings ----
 * Walks a mapping whose keys come from a fixed set, rejecting unknown and duplicate keys.
 * `lookup` maps a key to an index below 64 or -1; `read` reads the value at event i and
 * says where the next key starts; `explain` names the mapping and its keys, only when an
 * error needs it (it costs string formatting). */
typedef long (*key_lookup)(builder *b, void *ctx, const gi_event *key);
typedef int (*value_reader)(builder *b, void *ctx, long key, size_t i, size_t *next);
typedef void (*mapping_explainer)(builder *b, void *ctx, char *what, size_t what_size, char *keys,
                                  size_t keys_size);

typedef struct mapping_kind {
  key_lookup lookup;
  value_reader read;
  mapping_explainer explain;
} mapping_kind;

/* The expected key closest to a misspelt one ("new_recieved" → "new_received") from a
 * ", "-separated list, into out; false when none is close. */
static bool closest_key(const gi_event *key, const char *keys, char *out, size_t size) {
  gi_suggestion s = gi_suggest_start(key->text, key->len);
  for (const char *k = keys; *k;) {
    size_t len = strcspn(k, ",");
    gi_suggest_consider(&s, k, len);
    k += len;
    while (*k == ',' || *k == ' ') k++;
  }
  if (gi_suggest_found(&s)) snprintf(out, size, "%.*s", (int)s.best_len, s.best);
  return gi_suggest_found(&s);
}

static int mapping_error(builder *b, size_t i, const mapping_kind *kind, void *ctx,
                         const char *problem, const gi_event *key, uint32_t first_line) {
  char what[160], keys[1024], suggestion[96];
  kind->explain(b, ctx, what, sizeof what, keys, sizeof keys);
  if (key == NULL)
    return fail(b, i, GOVINFO_ESCHEMA, "%s must be a mapping, not %s", what, describe(&b->ev[i]));
  if (first_line)
    return fail(b, i, GOVINFO_ESCHEMA, "duplicate key \"%.*s\" in %s (first on line %u)",
                (int)key->len, key->text, what, (unsigned)first_line);
  if (closest_key(key, keys, suggestion, sizeof suggestion))
    return fail(b, i, GOVINFO_ESCHEMA, "%s \"%.*s\" in %s (did you mean \"%s\"?)", problem,
                (int)key->len, key->text, what, suggestion);
  return fail(b, i, GOVINFO_ESCHEMA, "%s \"%.*s\" in %s (expected one of: %s)", problem,
              (int)key->len, key->text, what, keys);
}

static int read_mapping(builder *b, size_t i, const mapping_kind *kind, void *ctx, size_t *next) {
  if (b->ev[i].type != GI_EV_MAP) return mapping_error(b, i, kind, ctx, NULL, NULL, 0);
  uint64_t seen = 0;
  uint32_t first_line[64];
  i++;
  while (i < b->n && b->ev[i].type != GI_EV_END) {
    gi_event *key = &b->ev[i];
    long k =
        key->type == GI_EV_SCALAR && key->style != GI_SCALAR_NULL ? kind->lookup(b, ctx, key) : -2;
    if (k == -2) return fail(b, i, GOVINFO_ESCHEMA, "a key must be text, not %s", describe(key));
    if (memchr(key->text, '\0', key->len))
      return fail(b, i, GOVINFO_ESCHEMA, "a key contains a NUL character");
    if (k < 0) return mapping_error(b, i, kind, ctx, "unknown key", key, 0);
    if (seen & (UINT64_C(1) << k))
      return mapping_error(b, i, kind, ctx, "duplicate key", key, first_line[k]);
    seen |= UINT64_C(1) << k;
    first_line[k] = key->loc.line ? key->loc.line : 1;
    int rc = kind->read(b, ctx, k, i + 1, &i);
    if (rc) return rc;
  }
  *next = i + 1;
  return GOVINFO_OK;
}

/* ---- cells ---- */

/* Full-width digits (U+FF10..U+FF19), sign and point as typed by an input method (１１６,
 * －３, １２．５) in ASCII, into out (room for len + 1); false when s is anything else. */
static bool fullwidth_number(const char *s, size_t len, char *out, size_t *out_len) {
  size_t n = 0, digits = 0;
  for (size_t i = 0; i < len;) {
    const unsigned char *u = (const unsigned char *)s + i;
    if (len - i < 3 || u[0] != 0xEF) return false;
    unsigned cp = ((unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F)) + 0xF000;
    if (cp >= 0xFF10 && cp <= 0xFF19) out[n++] = (char)('0' + cp - 0xFF10), digits++;
    else if (cp == 0xFF0E) out[n++] = '.';
    else if (cp == 0xFF0D && n == 0) out[n++] = '-';
    else return false;
    i += 3;
  }
  out[n] = '\0';
  *out_len = n;
  return digits > 0;
}

/* A number written with a thousands separator or a comma ("1,234", "1,16", "1，234"). */
static bool has_separator(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (s[i] == ',' || (i + 2 < len && memcmp(s + i, "\xEF\xBC\x8C", 3) == 0)) return true;
  return false;
}

static int read_cell(builder *b, size_t i, gi_cell *cell) {
  gi_event *e = &b->ev[i];
  char ascii[96]; /* a number typed in full-width digits, in ASCII */
  size_t n;
  if (e->type != GI_EV_SCALAR || e->style == GI_SCALAR_BOOL || plain_bool(e))
    return fail(b, i, GOVINFO_ESCHEMA,
                "a cell holds a number, null (blank) or a mark such as \"/\", not %s", describe(e));
  if (is_null(e)) {
    gi_cell_set_blank(cell);
  } else if (e->style == GI_SCALAR_NUMBER ||
             (e->style == GI_SCALAR_PLAIN && gi_looks_numeric(e->text, e->len))) {
    gi_decimal d;
    int rc = gi_decimal_parse(e->text, e->len, &d);
    if (rc == GOVINFO_ERANGE)
      return fail(b, i, rc, "number %.*s is out of range: at most 2^53 and %d decimal places",
                  (int)e->len, e->text, GOVINFO_MAX_SCALE);
    if (rc && has_separator(e->text, e->len))
      return fail(b, i, GOVINFO_ESCHEMA,
                  "\"%.*s\" is a number written with a separator: do not write separators in "
                  "numbers (数字中不要使用逗号), e.g. 1234",
                  (int)e->len, e->text);
    if (rc)
      return fail(b, i, GOVINFO_ESCHEMA,
                  "\"%.*s\" is not a plain decimal number (no exponents, no separators)%s",
                  (int)e->len, e->text,
                  e->style == GI_SCALAR_PLAIN ? "; quote it to keep it as a mark" : "");
    gi_cell_set_number(cell, &d);
  } else if (e->len < sizeof ascii && fullwidth_number(e->text, e->len, ascii, &n)) {
    gi_decimal d;
    int rc = gi_decimal_parse(ascii, n, &d);
    if (rc == GOVINFO_ERANGE)
      return fail(b, i, rc, "number %.*s is out of range: at most 2^53 and %d decimal places",
                  (int)e->len, e->text, GOVINFO_MAX_SCALE);
    if (rc)
      return fail(b, i, GOVINFO_ESCHEMA, "\"%.*s\" is not a plain decimal number", (int)e->len,
                  e->text);
    gi_cell_set_number(cell, &d);
    cell->fullwidth = true;
  } else {
    if (e->len == 0)
      return fail(b, i, GOVINFO_ESCHEMA,
                  "an empty string is not a mark: write null for a blank cell");
    if (gi_check_mark(e->text, e->len))
      return fail(b, i, GOVINFO_ESCHEMA,
                  "\"%.*s\" is a number written as text: write it without quotes", (int)e->len,
                  e->text);
    char *mark;
    int rc = read_text(b, i, "a mark", false, &mark);
    if (rc) return rc;
    gi_cell_take_mark(cell, mark);
  }
  cell->loc = e->loc;
  return GOVINFO_OK;
}

static void list_ids(char *buf, size_t size, const void *base, size_t count, size_t stride);

/* Appends ", id" (or "id" first) to a list of keys for an error message. */
static void list_add(char *buf, size_t size, const char *id) {
  size_t used = strlen(buf);
  if (used < size) snprintf(buf + used, size - used, "%s%s", used ? ", " : "", id);
}

typedef struct row_ctx {
  size_t table, row;
  long hint;
} row_ctx;

static long lookup_column(builder *b, void *ctx, const gi_event *key) {
  row_ctx *rc = ctx;
  const struct govinfo_table *t = &b->report->format->tables[rc->table];
  long c = gi_column_index(t, key->text, key->len, rc->hint);
  if (c >= 0) rc->hint = c + 1;
  return c;
}

static int read_column_value(builder *b, void *ctx, long column, size_t i, size_t *next) {
  row_ctx *rc = ctx;
  *next = i + 1;
  return read_cell(b, i, gi_report_cell(b->report, rc->table, rc->row, (size_t)column));
}

static void explain_row(builder *b, void *ctx, char *what, size_t what_size, char *keys,
                        size_t keys_size) {
  row_ctx *rc = ctx;
  const struct govinfo_table *t = &b->report->format->tables[rc->table];
  snprintf(what, what_size, "row %s.%s", t->id, t->rows[rc->row].id);
  list_ids(keys, keys_size, t->columns, t->ncolumns, sizeof t->columns[0]);
}

static const mapping_kind row_mapping = {lookup_column, read_column_value, explain_row};

static void list_ids(char *buf, size_t size, const void *base, size_t count, size_t stride) {
  buf[0] = '\0';
  for (size_t k = 0; k < count; k++)
    list_add(buf, size, *(const char *const *)((const char *)base + k * stride));
}

typedef struct table_ctx {
  size_t table;
  long hint;
} table_ctx;

static long lookup_row(builder *b, void *ctx, const gi_event *key) {
  table_ctx *tc = ctx;
  const struct govinfo_table *t = &b->report->format->tables[tc->table];
  long r = gi_row_index(t, key->text, key->len, tc->hint);
  if (r >= 0 && t->rows[r].role == GOVINFO_ROW_HEADING) return -1;
  if (r >= 0) tc->hint = r + 1;
  return r;
}

static int read_row_value(builder *b, void *ctx, long row, size_t i, size_t *next) {
  table_ctx *tc = ctx;
  row_ctx rc = {tc->table, (size_t)row, 0};
  return read_mapping(b, i, &row_mapping, &rc, next);
}

static long lookup_table(builder *b, void *ctx, const gi_event *key) {
  long *hint = ctx;
  long t = gi_table_index(b->report->format, key->text, key->len, *hint);
  if (t >= 0) *hint = t + 1;
  return t;
}

static void explain_table(builder *b, void *ctx, char *what, size_t what_size, char *keys,
                          size_t keys_size) {
  const struct govinfo_table *t = &b->report->format->tables[((table_ctx *)ctx)->table];
  snprintf(what, what_size, "table %s of format %s", t->id, b->report->format->id);
  keys[0] = '\0';
  for (size_t r = 0; r < t->nrows; r++)
    if (t->rows[r].role != GOVINFO_ROW_HEADING) list_add(keys, keys_size, t->rows[r].id);
}

static const mapping_kind table_mapping = {lookup_row, read_row_value, explain_table};

static int read_table_value(builder *b, void *ctx, long table, size_t i, size_t *next) {
  table_ctx tc = {(size_t)table, 0};
  return read_mapping(b, i, &table_mapping, &tc, next);
}

static void explain_tables(builder *b, void *ctx, char *what, size_t what_size, char *keys,
                           size_t keys_size) {
  const struct govinfo_format *f = b->report->format;
  snprintf(what, what_size, "the tables of format %s", f->id);
  list_ids(keys, keys_size, f->tables, f->ntables, sizeof f->tables[0]);
}

static const mapping_kind tables_mapping = {lookup_table, read_table_value, explain_tables};

static int read_tables(builder *b, size_t i, size_t *next) {
  long hint = 0;
  return read_mapping(b, i, &tables_mapping, &hint, next);
}

/* ---- sections ---- */

enum { SECTION_ID, SECTION_TITLE, SECTION_TEXT };
static const char *const section_keys[] = {"id", "title", "text"};

typedef struct section_ctx {
  size_t id_event; /* 0 when no id yet */
  char *title, *text;
  size_t text_event;
} section_ctx;

static long lookup_section_key(builder *b, void *ctx, const gi_event *key) {
  for (size_t k = 0; k < GI_COUNT_OF(section_keys); k++)
    if (text_is(key, section_keys[k])) return (long)k;
  return -1;
}

static int read_section_value(builder *b, void *ctx, long key, size_t i, size_t *next) {
  section_ctx *sc = ctx;
  *next = i + 1;
  if (b->ev[i].type != GI_EV_SCALAR) *next = skip_value(b, i);
  switch (key) {
  case SECTION_ID:
    if (!is_scalar(b, i) || b->ev[i].style == GI_SCALAR_NULL || is_null(&b->ev[i]))
      return fail(b, i, GOVINFO_ESCHEMA, "a section id is text such as \"s1\", not %s",
                  describe(&b->ev[i]));
    sc->id_event = i;
    return GOVINFO_OK;
  case SECTION_TITLE:
    return read_text(b, i, "a section title", true, &sc->title);
  default:
    sc->text_event = i;
    return read_text(b, i, "a section text", false, &sc->text);
  }
}

static void explain_section(builder *b, void *ctx, char *what, size_t what_size, char *keys,
                            size_t keys_size) {
  snprintf(what, what_size, "a section");
  snprintf(keys, keys_size, "id, title, text");
}

static const mapping_kind section_mapping = {lookup_section_key, read_section_value,
                                             explain_section};

static int read_section(builder *b, size_t i, size_t *next) {
  section_ctx sc = {0, NULL, NULL, 0};
  int rc = read_mapping(b, i, &section_mapping, &sc, next);
  if (rc == GOVINFO_OK && sc.id_event == 0)
    rc = fail(b, i, GOVINFO_ESCHEMA, "a section needs an id (s1 to s6)");
  if (rc == GOVINFO_OK && sc.text == NULL)
    rc = fail(b, i, GOVINFO_ESCHEMA, "a section needs its text (\"\" when it has none)");
  long def = -1;
  if (rc == GOVINFO_OK) {
    const gi_event *id = &b->ev[sc.id_event];
    const struct govinfo_format *f = b->report->format;
    def = gi_section_index(f, id->text, id->len);
    if (def < 0)
      rc = fail(b, sc.id_event, GOVINFO_ESCHEMA, "format %s has no section \"%.*s\" (s1 to s%zu)",
                f->id, (int)id->len, id->text, f->nsections);
    else if (govinfo_report_section_text(b->report, f->sections[def].id) != NULL)
      rc = fail(b, sc.id_event, GOVINFO_ESCHEMA, "section %s appears twice", f->sections[def].id);
  }
  if (rc) {
    free(sc.title);
    free(sc.text);
    return rc;
  }
  rc = gi_report_take_section(b->report, (size_t)def, sc.title, sc.text, b->ev[i].loc);
  if (rc == GOVINFO_OK) {
    const gi_event *t = &b->ev[sc.text_event];
    b->report->sections[b->report->nsections - 1].text_map =
        (gi_text_map){t->loc, t->layout_column, t->layout};
  }
  return rc;
}

static int read_sections(builder *b, size_t i, size_t *next) {
  if (b->ev[i].type != GI_EV_SEQ)
    return fail(b, i, GOVINFO_ESCHEMA, "sections must be a list, not %s", describe(&b->ev[i]));
  b->report->sections_loc = b->ev[i].loc;
  i++;
  while (i < b->n && b->ev[i].type != GI_EV_END) {
    int rc = read_section(b, i, &i);
    if (rc) return rc;
  }
  *next = i + 1;
  return GOVINFO_OK;
}

/* ---- top level ---- */

enum { TOP_FORMAT = GI_META_COUNT_, TOP_YEAR, TOP_SECTIONS, TOP_TABLES, TOP_COUNT_ };

static const char *top_key(long k) {
  static const char *const names[] = {"format", "year", "sections", "tables"};
  return k < GI_META_COUNT_ ? gi_meta_defs[k].key : names[k - GI_META_COUNT_];
}

static long lookup_top_key(builder *b, void *ctx, const gi_event *key) {
  for (long k = 0; k < TOP_COUNT_; k++)
    if (text_is(key, top_key(k))) return k;
  return -1;
}

static int read_year(builder *b, size_t i) {
  gi_event *e = &b->ev[i];
  if (is_null(e)) return GOVINFO_OK;
  gi_decimal d;
  bool number = e->type == GI_EV_SCALAR &&
                (e->style == GI_SCALAR_NUMBER || e->style == GI_SCALAR_PLAIN) &&
                gi_decimal_parse(e->text, e->len, &d) == GOVINFO_OK;
  if (!number || !gi_decimal_is_integer(&d) || d.negative || d.whole < 1 || d.whole > 9999)
    return fail(b, i, GOVINFO_ESCHEMA, "year must be a whole number from 1 to 9999, not %s",
                describe(e));
  b->report->year = (int)d.whole;
  b->report->year_loc = e->loc;
  return GOVINFO_OK;
}

static int read_meta(builder *b, gi_meta which, size_t i) {
  char *value;
  int rc = read_text(b, i, gi_meta_defs[which].key, true, &value);
  if (rc) return rc;
  const gi_meta_def *def = &gi_meta_defs[which];
  if (value && def->check && def->check(value) != GOVINFO_OK) {
    rc = fail(b, i, GOVINFO_ESCHEMA, "%s must be %s, not \"%s\"", def->key, def->what, value);
    free(value);
    return rc;
  }
  free(b->report->meta[which]);
  b->report->meta[which] = value;
  b->report->meta_loc[which] = b->ev[i].loc;
  return GOVINFO_OK;
}

static int read_top_value(builder *b, void *ctx, long key, size_t i, size_t *next) {
  *next = i + 1; /* scalars; the readers of lists and mappings say where they end */
  switch (key) {
  case TOP_FORMAT: /* read before the walk: the format decides every id below */
    b->report->format_loc = b->ev[i].loc;
    *next = skip_value(b, i);
    return GOVINFO_OK;
  case TOP_YEAR:
    return read_year(b, i);
  case TOP_SECTIONS:
    return read_sections(b, i, next);
  case TOP_TABLES:
    return read_tables(b, i, next);
  default:
    return read_meta(b, (gi_meta)key, i);
  }
}

static void explain_top(builder *b, void *ctx, char *what, size_t what_size, char *keys,
                        size_t keys_size) {
  static const long canonical[] = {TOP_FORMAT,        TOP_YEAR,
                                   GI_META_ORGAN,     GI_META_TITLE,
                                   GI_META_PUBLISHED, GI_META_DIVISION_CODE,
                                   GI_META_SOURCE,    GI_META_SOURCE_SHA256,
                                   GI_META_PREFACE,   TOP_SECTIONS,
                                   TOP_TABLES};
  _Static_assert(GI_COUNT_OF(canonical) == TOP_COUNT_, "every top-level key is listed");
  snprintf(what, what_size, "the report");
  keys[0] = '\0';
  for (size_t k = 0; k < GI_COUNT_OF(canonical); k++)
    list_add(keys, keys_size, top_key(canonical[k]));
}

static const mapping_kind top_mapping = {lookup_top_key, read_top_value, explain_top};

/* Finds the "format" key of the top-level mapping and checks its value: the format, or NULL
 * (GOVINFO_ESCHEMA recorded). */
static const struct govinfo_format *find_format(builder *b) {
  size_t i = 1;
  while (i < b->n && b->ev[i].type != GI_EV_END) {
    if (is_scalar(b, i) && TEXT_IS(&b->ev[i], "format")) {
      size_t v = i + 1;
      gi_event *e = &b->ev[v];
      const struct govinfo_format *found = NULL;
      if (e->type != GI_EV_SCALAR ||
          (e->style != GI_SCALAR_STRING && (e->style != GI_SCALAR_PLAIN || plain_null(e)))) {
        fail(b, v, GOVINFO_ESCHEMA, "format must be a version id such as \"2021\", not %s",
             describe(e));
      } else if (memchr(e->text, '\0', e->len)) {
        fail(b, v, GOVINFO_ESCHEMA, "format contains a NUL character");
      } else if ((found = gi_format_find_n(e->text, e->len)) == NULL) {
        char known[128];
        gi_format_ids(known, sizeof known);
        fail(b, v, GOVINFO_ESCHEMA, "unknown format version \"%.*s\" (known: %s)", (int)e->len,
             e->text, known);
      }
      return found;
    }
    i = skip_value(b, i + 1);
  }
  char known[128];
  gi_format_ids(known, sizeof known);
  fail(b, 0, GOVINFO_ESCHEMA, "the report has no \"format\" key (one of %s)", known);
  return NULL;
}

int gi_document_build(govinfo_report **out, gi_event *events, size_t n, const char *source) {
  builder b = {.ev = events, .n = n, .source = source};
  *out = NULL;
  if (n == 0)
    return gi_fail_at(GOVINFO_ESCHEMA, source, (gi_loc){1, 1}, 0, "",
                      "the document is empty: a report needs at least \"format\"");
  if (events[0].type != GI_EV_MAP)
    return fail(&b, 0, GOVINFO_ESCHEMA, "a report is a mapping of keys, not %s",
                describe(&events[0]));
  const struct govinfo_format *format = find_format(&b);
  if (format == NULL) return GOVINFO_ESCHEMA; /* details recorded */
  int rc = govinfo_report_new(&b.report, format->id);
  if (rc) return rc;
  if (source && (rc = gi_report_set_origin(b.report, source))) {
    govinfo_report_free(b.report);
    return rc;
  }
  size_t next;
  rc = read_mapping(&b, 0, &top_mapping, NULL, &next);
  if (rc) {
    govinfo_report_free(b.report);
    return rc;
  }
  *out = b.report;
  return GOVINFO_OK;
}
