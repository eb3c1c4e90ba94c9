/* Reads YAML: libyaml's event parser turns the text into the shared event list, and
 * gi_document_build() (document.c) turns the events into a report. Nothing here knows the
 * report's shape.
 *
 * Locations: libyaml counts characters (index and column); we report bytes like the JSON
 * reader, converting with a cursor that only moves forward in the usual case, so the
 * conversion costs one walk over the text; the line's start is found by stepping back over
 * the mark's column, which is short. Offsets are those of the buffer as given, a UTF-8 byte
 * order mark included; columns on line 1 start after it, as editors show them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "io/events.h"
#include "io/io.h"
#include "model/report.h"
#include "util/error.h"
#include "util/text.h"

/* A byte offset and the number of characters (UTF-8 lead bytes) before it. */
typedef struct char_cursor {
  size_t chars, bytes;
} char_cursor;

typedef struct reader {
  const char *buf;
  size_t len;
  const char *source;
  size_t bom; /* bytes of a byte order mark libyaml does not see */
  gi_event *events;
  size_t n, cap;
  char *arena; /* short scalar values, NUL-separated; never moves */
  size_t arena_len, arena_cap;
  char_cursor at; /* follows the marks of events */
  unsigned documents;
  unsigned depth; /* open mappings and lists */
} reader;

/* As deep as the JSON reader goes. Checked event by event: libyaml's scan of a deeply nested
 * flow collection is quadratic, so the reader must stop long before the end of the text. */
enum { MAX_DEPTH = 64 };

static bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Continuation bytes (10xxxxxx) among the 8 bytes of w. */
static unsigned continuation_bytes(uint64_t w) {
  uint64_t c = w & ~(w << 1) & UINT64_C(0x8080808080808080); /* bit 7 set, bit 6 clear */
  return (unsigned)(((c >> 7) * UINT64_C(0x0101010101010101)) >> 56);
}

/* Byte offset of character `index`, moving the cursor there (back to the start when the
 * index is behind it, which event order makes rare). Skips 8 bytes at a time while the
 * character is further on: this walk runs over the whole text, so it must be cheap. */
static size_t byte_of_char(const reader *rd, char_cursor *c, size_t index) {
  if (index < c->chars) *c = (char_cursor){0, rd->bom};
  const unsigned char *p = (const unsigned char *)rd->buf;
  while (c->bytes + 8 <= rd->len) {
    uint64_t w;
    memcpy(&w, p + c->bytes, 8);
    size_t leads = 8 - continuation_bytes(w);
    if (c->chars + leads > index) break;
    c->chars += leads;
    c->bytes += 8;
  }
  for (; c->bytes < rd->len; c->bytes++) {
    if (is_continuation_byte(p[c->bytes])) continue;
    if (c->chars == index) break;
    c->chars++;
  }
  return c->bytes;
}

/* Byte offset `chars` characters before byte offset `at`. Usually the stretch is indentation
 * and ASCII ids, checked eight bytes at a time. */
static size_t back_chars(const reader *rd, size_t at, size_t chars) {
  const unsigned char *p = (const unsigned char *)rd->buf;
  if (chars <= at) {
    size_t i = at - chars;
    while (i + 8 <= at) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (w & UINT64_C(0x8080808080808080)) break;
      i += 8;
    }
    while (i < at && p[i] < 0x80) i++;
    if (i == at) return at - chars;
  }
  while (chars > 0 && at > 0) {
    at--;
    if (!is_continuation_byte(p[at])) chars--;
  }
  return at;
}

/* Line, byte column and byte offset of a libyaml mark. */
static void locate_mark(reader *rd, yaml_mark_t m, gi_loc *loc, size_t *offset) {
  size_t at = byte_of_char(rd, &rd->at, m.index);
  size_t start = m.line == 0 ? rd->bom : back_chars(rd, at, m.column);
  loc->line = (uint32_t)(m.line + 1);
  loc->column = (uint32_t)(at - start + 1);
  *offset = at;
}

/* Length of the line break at p[i] as libyaml counts breaks (\n, \r\n, \r, U+0085,
 * U+2028, U+2029), 0 when there is none. */
static size_t break_length(const unsigned char *p, size_t i, size_t len) {
  if (p[i] == '\n') return 1;
  if (p[i] == '\r') return i + 1 < len && p[i + 1] == '\n' ? 2 : 1;
  if (p[i] == 0xC2 && i + 1 < len && p[i + 1] == 0x85) return 2;
  if (p[i] == 0xE2 && i + 2 < len && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
    return 3;
  return 0;
}

/* Line and byte column of a byte offset (reader errors only give the offset). */
static gi_loc locate_byte(const reader *rd, size_t offset) {
  const unsigned char *p = (const unsigned char *)rd->buf;
  gi_loc loc = {1, 1};
  size_t line_start = rd->bom;
  for (size_t i = 0; i < offset && i < rd->len;) {
    size_t n = break_length(p, i, rd->len);
    if (n == 0) {
      i++;
      continue;
    }
    i += n;
    loc.line++;
    line_start = i;
  }
  loc.column = (uint32_t)(offset - line_start + 1);
  return loc;
}

/* Records an error with the pointer of where the reader had got to. */
static int fail_at(reader *rd, int code, gi_loc loc, size_t offset, const char *message) {
  char path[512];
  gi_event_pointer(rd->events, rd->n, rd->n, path, sizeof path);
  return gi_fail_at(code, rd->source, loc, offset, path, "%s", message);
}

__attribute__((format(printf, 4, 5))) static int
fail_at_mark(reader *rd, int code, yaml_mark_t mark, const char *fmt, ...) {
  char message[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);
  gi_loc loc;
  size_t offset;
  locate_mark(rd, mark, &loc, &offset);
  return fail_at(rd, code, loc, offset, message);
}

/* libyaml's problem with what to do about it: ": " in plain text is the usual cause. */
static const char *with_advice(const char *problem) {
  if (strcmp(problem, "mapping values are not allowed in this context") == 0)
    return "mapping values are not allowed in this context (text holding \": \" must be quoted, "
           "or written in the block form: | and the text indented on the lines below)";
  return problem;
}

static int parser_error(reader *rd, const yaml_parser_t *p) {
  if (p->error == YAML_MEMORY_ERROR) return gi_fail_oom();
  const char *problem = p->problem ? with_advice(p->problem) : "unknown error";
  char message[400];
  if (p->error == YAML_READER_ERROR) {
    if (p->problem_value >= 0)
      snprintf(message, sizeof message, "malformed YAML: %s (0x%X)", problem,
               (unsigned)p->problem_value);
    else snprintf(message, sizeof message, "malformed YAML: %s", problem);
    size_t offset = rd->bom + p->problem_offset;
    return fail_at(rd, GOVINFO_EPARSE, locate_byte(rd, offset), offset, message);
  }
  if (p->context)
    return fail_at_mark(rd, GOVINFO_EPARSE, p->problem_mark, "malformed YAML: %s (%s at line %zu)",
                        problem, p->context, p->context_mark.line + 1);
  return fail_at_mark(rd, GOVINFO_EPARSE, p->problem_mark, "malformed YAML: %s", problem);
}

/* ---- events ---- */

static int push(reader *rd, gi_event_type type, yaml_mark_t mark, gi_event **out) {
  gi_event *e = gi_event_append(&rd->events, &rd->n, &rd->cap);
  if (e == NULL) return GOVINFO_ENOMEM;
  e->type = (uint8_t)type;
  /* Nothing is ever reported at the end of a mapping or list: spare the conversion. */
  if (type != GI_EV_END) locate_mark(rd, mark, &e->loc, &e->offset);
  if (out) *out = e;
  return GOVINFO_OK;
}

static bool explicit_str_tag(const yaml_char_t *tag) {
  return tag && strcmp((const char *)tag, YAML_STR_TAG) == 0;
}

/* Scalars up to this long (keys, numbers, short strings) are copied into the arena. */
enum { SHORT_SCALAR = 128 };

/* Gives the event libyaml's scalar value. Short values are copied into the arena so libyaml
 * frees its block at once: keeping hundreds of small blocks alive until the report is built
 * costs more in malloc than the copy (the builder only keeps a few strings). Long values,
 * and any that no longer fit, are stolen instead, so they are never copied. */
static void take_scalar_value(reader *rd, gi_event *e, yaml_event_t *ev) {
  size_t len = ev->data.scalar.length;
  e->len = len;
  if (len <= SHORT_SCALAR && rd->arena_cap - rd->arena_len > len) {
    e->text = rd->arena + rd->arena_len;
    memcpy(e->text, ev->data.scalar.value, len);
    e->text[len] = '\0';
    rd->arena_len += len + 1;
    return;
  }
  e->text = (char *)ev->data.scalar.value;
  e->owned = true;
  ev->data.scalar.value = NULL;
}

/* ---- where a scalar's text lies in the source (gi_text_map, model/report.h) ---- */

/* Short plain scalars are keys and numbers: nobody locates a place inside them. */
enum { LOCATED_PLAIN = 16 };

/* Offset just past the line break ending the line that holds `at`, len when none. */
static size_t next_line(const reader *rd, size_t at) {
  const unsigned char *p = (const unsigned char *)rd->buf;
  for (size_t i = at; i < rd->len; i++) {
    size_t n = break_length(p, i, rd->len);
    if (n) return i + n;
  }
  return rd->len;
}

/* A literal block ("|", "|-", "|+"): its lines are the source's lines after the header, from
 * one indentation on. Known only when the header gives no indentation indicator and the first
 * line of the value is found there. */
static void layout_block(const reader *rd, gi_event *e) {
  size_t header = e->offset, content = next_line(rd, header);
  for (size_t i = header + 1; i < content; i++)
    if (rd->buf[i] >= '1' && rd->buf[i] <= '9') return; /* an indentation indicator */
  size_t indent = 0;
  while (content + indent < rd->len && rd->buf[content + indent] == ' ') indent++;
  const char *first_break = memchr(e->text, '\n', e->len);
  size_t first = first_break ? (size_t)(first_break - e->text) : e->len;
  if (first == 0 || indent >= UINT16_MAX || content + indent + first > rd->len ||
      memcmp(rd->buf + content + indent, e->text, first) != 0)
    return;
  e->layout = GI_TEXT_BLOCK;
  e->layout_column = (uint16_t)(indent + 1);
}

/* Quoted or plain on one line, without escapes: the value's bytes are the source's. */
static void layout_inline(reader *rd, gi_event *e, const yaml_event_t *ev, size_t quotes) {
  size_t end = byte_of_char(rd, &rd->at, ev->end_mark.index);
  if (end - e->offset != e->len + quotes || memchr(e->text, '\n', e->len) ||
      memcmp(rd->buf + e->offset + quotes / 2, e->text, e->len) != 0)
    return;
  e->layout = GI_TEXT_SAME_BYTES;
  e->layout_column = (uint16_t)(quotes / 2);
}

static void layout_scalar(reader *rd, gi_event *e, const yaml_event_t *ev) {
  switch (ev->data.scalar.style) {
  case YAML_LITERAL_SCALAR_STYLE:
    layout_block(rd, e);
    return;
  case YAML_SINGLE_QUOTED_SCALAR_STYLE:
  case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
    layout_inline(rd, e, ev, 2);
    return;
  case YAML_PLAIN_SCALAR_STYLE:
    if (e->len > LOCATED_PLAIN) layout_inline(rd, e, ev, 0);
    return;
  default: /* folded: its lines are joined */
    return;
  }
}

static int push_scalar(reader *rd, yaml_event_t *ev) {
  gi_event *e;
  int rc = push(rd, GI_EV_SCALAR, ev->start_mark, &e);
  if (rc) return rc;
  bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
  e->style = plain && !explicit_str_tag(ev->data.scalar.tag) ? GI_SCALAR_PLAIN : GI_SCALAR_STRING;
  e->utf8 = true; /* libyaml rejects input that is not UTF-8, and escapes it cannot encode */
  take_scalar_value(rd, e, ev);
  layout_scalar(rd, e, ev);
  return GOVINFO_OK;
}

static int reject_anchor(reader *rd, const yaml_event_t *ev, const yaml_char_t *anchor) {
  if (anchor == NULL) return GOVINFO_OK;
  return fail_at_mark(rd, GOVINFO_ESCHEMA, ev->start_mark,
                      "anchors and aliases are not supported (anchor &%s)", (const char *)anchor);
}

static int open_level(reader *rd, gi_event_type type, const yaml_event_t *ev) {
  if (rd->depth == MAX_DEPTH)
    return fail_at_mark(rd, GOVINFO_EPARSE, ev->start_mark,
                        "malformed YAML: nested deeper than %d levels", MAX_DEPTH);
  rd->depth++;
  return push(rd, type, ev->start_mark, NULL);
}

/* Adds what one libyaml event means to the list; *done at the end of the stream. */
static int take_event(reader *rd, yaml_event_t *ev, bool *done) {
  int rc;
  switch (ev->type) {
  case YAML_STREAM_END_EVENT:
    *done = true;
    return GOVINFO_OK;
  case YAML_DOCUMENT_START_EVENT:
    if (++rd->documents > 1)
      return fail_at_mark(rd, GOVINFO_ESCHEMA, ev->start_mark,
                          "a YAML file holds one report, but a second document starts here");
    return GOVINFO_OK;
  case YAML_ALIAS_EVENT:
    return fail_at_mark(rd, GOVINFO_ESCHEMA, ev->start_mark,
                        "anchors and aliases are not supported (alias *%s)",
                        (const char *)ev->data.alias.anchor);
  case YAML_SCALAR_EVENT:
    if ((rc = reject_anchor(rd, ev, ev->data.scalar.anchor))) return rc;
    return push_scalar(rd, ev);
  case YAML_SEQUENCE_START_EVENT:
    if ((rc = reject_anchor(rd, ev, ev->data.sequence_start.anchor))) return rc;
    return open_level(rd, GI_EV_SEQ, ev);
  case YAML_MAPPING_START_EVENT:
    if ((rc = reject_anchor(rd, ev, ev->data.mapping_start.anchor))) return rc;
    return open_level(rd, GI_EV_MAP, ev);
  case YAML_SEQUENCE_END_EVENT:
  case YAML_MAPPING_END_EVENT:
    rd->depth--;
    return push(rd, GI_EV_END, ev->start_mark, NULL);
  default: /* stream start, document end */
    return GOVINFO_OK;
  }
}

static int read_events(reader *rd) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return gi_fail_oom();
  /* UTF-8 only. We skip a byte order mark ourselves: libyaml would either not count it
   * (guessing the encoding) or count it as column 1 of the first line, which then misreads
   * the indentation of a block mapping (told the encoding). */
  if (rd->len >= 3 && memcmp(rd->buf, "\xEF\xBB\xBF", 3) == 0) rd->bom = 3;
  rd->at = (char_cursor){0, rd->bom};
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  yaml_parser_set_input_string(&parser, (const unsigned char *)rd->buf + rd->bom,
                               rd->len - rd->bom);
  int rc = GOVINFO_OK;
  for (bool done = false; rc == GOVINFO_OK && !done;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      rc = parser_error(rd, &parser);
      break;
    }
    rc = take_event(rd, &ev, &done);
    yaml_event_delete(&ev);
  }
  yaml_parser_delete(&parser);
  return rc;
}

static void free_events(reader *rd) {
  for (size_t i = 0; i < rd->n; i++)
    if (rd->events[i].owned) free(rd->events[i].text);
  free(rd->events);
  free(rd->arena);
}

int gi_yaml_parse(govinfo_report **out, const char *buf, size_t len, const char *source) {
  if (out == NULL || (buf == NULL && len > 0)) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  *out = NULL;
  /* A scalar takes at least a few bytes, so this rarely needs to grow. */
  reader rd = {.buf = buf ? buf : "", .len = len, .source = source, .cap = len / 8 + 16};
  /* Values are rarely longer than their source; those that do not fit are stolen. */
  rd.arena_cap = len + 1;
  rd.events = malloc(rd.cap * sizeof *rd.events);
  rd.arena = malloc(rd.arena_cap);
  if (rd.events == NULL || rd.arena == NULL) {
    free(rd.events);
    free(rd.arena);
    return gi_fail_oom();
  }
  int rc = read_events(&rd);
  if (rc == GOVINFO_OK) rc = gi_document_build(out, rd.events, rd.n, source);
  free_events(&rd);
  return rc;
}
