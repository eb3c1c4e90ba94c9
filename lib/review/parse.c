/* Reading a suppression file with libyaml's event parser: a mapping with one key,
 * `suppressions`, holding a list of flat mappings of scalars. Every error names the file, the
 * line, the column (in bytes, like the report readers) and the JSON Pointer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "io/files.h"
#include "review/review.h"
#include "util/text.h"

typedef struct reader {
  yaml_parser_t parser;
  yaml_event_t event;
  bool have_event;
  const char *text;
  size_t len;
  const char *name;
  govinfo_suppressions *set;
  size_t line, line_start; /* a cursor over line starts: events come in text order */
} reader;

/* The byte location of a libyaml mark (it counts characters). */
static gi_loc loc_of(reader *rd, yaml_mark_t mark, size_t *offset) {
  if (mark.line < rd->line) rd->line = 0, rd->line_start = 0;
  while (rd->line < mark.line && rd->line_start < rd->len) {
    const char *nl = memchr(rd->text + rd->line_start, '\n', rd->len - rd->line_start);
    if (nl == NULL) break;
    rd->line_start = (size_t)(nl - rd->text) + 1;
    rd->line++;
  }
  size_t at = rd->line_start;
  for (size_t chars = 0; chars < mark.column && at < rd->len; chars++) {
    at++;
    while (at < rd->len && ((unsigned char)rd->text[at] & 0xC0) == 0x80) at++;
  }
  *offset = at;
  return (gi_loc){(uint32_t)mark.line + 1, (uint32_t)(at - rd->line_start) + 1};
}

__attribute__((format(printf, 4, 5))) static int fail(reader *rd, yaml_mark_t mark,
                                                      const char *pointer, const char *fmt, ...) {
  char message[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);
  size_t offset;
  gi_loc loc = loc_of(rd, mark, &offset);
  return gi_fail_at(GOVINFO_ESCHEMA, rd->name, loc, offset, pointer, "%s", message);
}

/* The next event into rd->event (the previous one freed). */
static int next(reader *rd) {
  if (rd->have_event) yaml_event_delete(&rd->event);
  rd->have_event = false;
  if (!yaml_parser_parse(&rd->parser, &rd->event)) {
    if (rd->parser.error == YAML_MEMORY_ERROR) return gi_fail_oom();
    size_t offset;
    gi_loc loc = loc_of(rd, rd->parser.problem_mark, &offset);
    return gi_fail_at(GOVINFO_EPARSE, rd->name, loc, offset, NULL, "%s",
                      rd->parser.problem ? rd->parser.problem : "malformed YAML");
  }
  rd->have_event = true;
  if (rd->event.type == YAML_ALIAS_EVENT)
    return fail(rd, rd->event.start_mark, NULL, "aliases are not allowed in a suppression file");
  return GOVINFO_OK;
}

static bool is_scalar(const reader *rd, const char *value) {
  return rd->event.type == YAML_SCALAR_EVENT &&
         strcmp((const char *)rd->event.data.scalar.value, value) == 0;
}

/* A plain ~, null or empty scalar. */
static bool is_null(const reader *rd) {
  if (rd->event.type != YAML_SCALAR_EVENT || !rd->event.data.scalar.plain_implicit) return false;
  const char *v = (const char *)rd->event.data.scalar.value;
  return v[0] == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 || strcmp(v, "Null") == 0 ||
         strcmp(v, "NULL") == 0;
}

static int field_of(const char *key) {
  for (int i = 0; i < GI_ENTRY_FIELD_COUNT_; i++)
    if (strcmp(key, gi_entry_field_names[i]) == 0) return i;
  return -1;
}

static bool is_fingerprint(const char *s) {
  size_t n = strlen(s);
  if (n != GI_FINGERPRINT_SIZE - 1) return false;
  for (size_t i = 0; i < n; i++)
    if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
  return true;
}

/* One entry: the mapping whose start is the current event. */
static int read_entry(reader *rd, size_t index) {
  char pointer[64];
  snprintf(pointer, sizeof pointer, "/suppressions/%zu", index);
  if (rd->event.type != YAML_MAPPING_START_EVENT)
    return fail(rd, rd->event.start_mark, pointer,
                "a suppression is a mapping with fingerprint and reason");
  yaml_mark_t start = rd->event.start_mark;
  gi_suppression *s = gi_suppressions_append(rd->set);
  if (s == NULL) return GOVINFO_ENOMEM;
  size_t offset;
  s->loc = loc_of(rd, start, &offset);
  int rc;
  while ((rc = next(rd)) == GOVINFO_OK && rd->event.type != YAML_MAPPING_END_EVENT) {
    if (rd->event.type != YAML_SCALAR_EVENT)
      return fail(rd, rd->event.start_mark, pointer, "a key of a suppression is text");
    const char *key = (const char *)rd->event.data.scalar.value;
    int field = field_of(key);
    if (field < 0)
      return fail(rd, rd->event.start_mark, pointer,
                  "unknown key \"%s\" (a suppression has fingerprint, reason, who, when, rule "
                  "and file)",
                  key);
    snprintf(pointer, sizeof pointer, "/suppressions/%zu/%s", index, key);
    if (s->field[field])
      return fail(rd, rd->event.start_mark, pointer, "\"%s\" is given twice", key);
    if ((rc = next(rd)) != GOVINFO_OK) return rc;
    if (rd->event.type != YAML_SCALAR_EVENT)
      return fail(rd, rd->event.start_mark, pointer, "the value of \"%s\" is text, not a %s",
                  gi_entry_field_names[field],
                  rd->event.type == YAML_SEQUENCE_START_EVENT ? "list" : "mapping");
    const char *value = is_null(rd) ? "" : (const char *)rd->event.data.scalar.value;
    if (field == GI_ENTRY_FINGERPRINT && !is_fingerprint(value))
      return fail(rd, rd->event.start_mark, pointer,
                  "\"%s\" is not a fingerprint (16 lowercase hex digits, as govinfo validate "
                  "--json gives them)",
                  value);
    if ((s->field[field] = gi_strdup(value)) == NULL) return gi_fail_oom();
    snprintf(pointer, sizeof pointer, "/suppressions/%zu", index);
  }
  if (rc) return rc;
  if (s->field[GI_ENTRY_FINGERPRINT] == NULL)
    return fail(rd, start, pointer, "a suppression needs a fingerprint");
  return GOVINFO_OK;
}

/* The list under `suppressions`; the current event is its value. */
static int read_list(reader *rd) {
  if (is_null(rd)) return GOVINFO_OK;
  if (rd->event.type != YAML_SEQUENCE_START_EVENT)
    return fail(rd, rd->event.start_mark, "/suppressions",
                "\"suppressions\" holds a list of suppressions");
  int rc;
  size_t index = 0;
  while ((rc = next(rd)) == GOVINFO_OK && rd->event.type != YAML_SEQUENCE_END_EVENT)
    if ((rc = read_entry(rd, index++)) != GOVINFO_OK) return rc;
  return rc;
}

static int read_document(reader *rd) {
  int rc;
  if ((rc = next(rd))) return rc; /* stream start */
  if ((rc = next(rd))) return rc; /* document start, or stream end */
  if (rd->event.type == YAML_STREAM_END_EVENT) return GOVINFO_OK; /* an empty file */
  if ((rc = next(rd))) return rc;
  if (is_null(rd)) return next(rd); /* an empty document */
  if (rd->event.type != YAML_MAPPING_START_EVENT)
    return fail(rd, rd->event.start_mark, "",
                "a suppression file is a mapping with the key \"suppressions\"");
  bool seen = false;
  while ((rc = next(rd)) == GOVINFO_OK && rd->event.type != YAML_MAPPING_END_EVENT) {
    if (!is_scalar(rd, "suppressions") || seen)
      return fail(rd, rd->event.start_mark, "",
                  seen ? "\"suppressions\" is given twice"
                       : "unknown key: a suppression file has only \"suppressions\"");
    seen = true;
    if ((rc = next(rd)) || (rc = read_list(rd))) return rc;
  }
  if (rc) return rc;
  if ((rc = next(rd))) return rc; /* document end */
  if ((rc = next(rd))) return rc;
  if (rd->event.type != YAML_STREAM_END_EVENT)
    return fail(rd, rd->event.start_mark, "", "a suppression file holds one YAML document");
  return GOVINFO_OK;
}

int govinfo_suppressions_parse(govinfo_suppressions **out, const char *text, size_t len,
                               const char *name) {
  if (out) *out = NULL;
  if (out == NULL || (text == NULL && len > 0)) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  reader rd = {.text = text ? text : "", .len = len, .name = name ? name : "<suppressions>"};
  rd.set = gi_suppressions_new(rd.name);
  if (rd.set == NULL) return GOVINFO_ENOMEM;
  if (!yaml_parser_initialize(&rd.parser)) {
    govinfo_suppressions_free(rd.set);
    return gi_fail_oom();
  }
  yaml_parser_set_input_string(&rd.parser, (const unsigned char *)rd.text, len);
  yaml_parser_set_encoding(&rd.parser, YAML_UTF8_ENCODING);
  int rc = read_document(&rd);
  if (rd.have_event) yaml_event_delete(&rd.event);
  yaml_parser_delete(&rd.parser);
  if (rc == GOVINFO_OK) rc = gi_suppressions_index(rd.set);
  if (rc) {
    govinfo_suppressions_free(rd.set);
    return rc;
  }
  *out = rd.set;
  return GOVINFO_OK;
}

int govinfo_suppressions_load(govinfo_suppressions **out, const char *path) {
  if (out) *out = NULL;
  if (out == NULL || path == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  char *text = NULL;
  size_t len = 0;
  int rc = gi_read_file(path, &text, &len, 0);
  if (rc) return rc;
  rc = govinfo_suppressions_parse(out, text, len, path);
  free(text);
  return rc;
}
