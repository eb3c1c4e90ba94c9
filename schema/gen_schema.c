/* Prints the JSON Schema of the report document (docs/report-format.md) on stdout.
 *
 * Tables, rows, columns and section ids come from the library's format definitions through
 * the public API only, so the schema states no fact of its own about a format version. The
 * output is deterministic; schema/meson.build checks that the committed
 * schema/govinfo-report.schema.json equals it. Regenerate with
 *   gen_schema > schema/govinfo-report.schema.json
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>
#include <govinfo/govinfo.h>

/* Building blocks. Every function that takes a cJSON item takes ownership of it, even on
 * failure, and every builder returns a complete value or NULL, so a failure anywhere
 * surfaces as a NULL schema instead of a thinner one. */

static bool put(cJSON *object, const char *key, cJSON *item) {
  if (object == NULL || key == NULL || item == NULL || !cJSON_AddItemToObject(object, key, item)) {
    cJSON_Delete(item);
    return false;
  }
  return true;
}

static bool append(cJSON *array, cJSON *item) {
  if (array == NULL || item == NULL || !cJSON_AddItemToArray(array, item)) {
    cJSON_Delete(item);
    return false;
  }
  return true;
}

static cJSON *string(const char *value) { return value ? cJSON_CreateString(value) : NULL; }

/* Returns value, or frees it and returns NULL when building it failed. */
static cJSON *checked(cJSON *value, bool ok) {
  if (ok) return value;
  cJSON_Delete(value);
  return NULL;
}

/* {key: item} */
static cJSON *object_with(const char *key, cJSON *item) {
  cJSON *o = cJSON_CreateObject();
  return checked(o, put(o, key, item));
}

/* [items[0], ..., items[n-1]] */
static cJSON *array_of(size_t n, cJSON *const *items) {
  cJSON *a = cJSON_CreateArray();
  bool ok = true;
  for (size_t i = 0; i < n; i++) ok = append(ok ? a : NULL, items[i]) && ok;
  return checked(a, ok);
}

static cJSON *string_list(size_t n, const char *const *names) {
  cJSON *a = cJSON_CreateArray();
  bool ok = a != NULL;
  for (size_t i = 0; ok && i < n; i++) ok = append(a, string(names[i]));
  return checked(a, ok);
}

/* {"type": type, "description": description}; description may be NULL. */
static cJSON *typed(const char *type, const char *description) {
  cJSON *s = object_with("type", string(type));
  return checked(s, description == NULL || put(s, "description", string(description)));
}

/* {"$ref": "#/$defs/<name>"} */
static cJSON *ref_to(const char *name) {
  char target[128];
  int n = snprintf(target, sizeof target, "#/$defs/%s", name);
  return n > 0 && (size_t)n < sizeof target ? object_with("$ref", string(target)) : NULL;
}

/* ---- shared definitions ---- */

/* A mark is non-empty text that is not a number in the grammar of gi_decimal_parse
 * (lib/decimal.c): "12" as a string is an error, "12件" is a mark. */
static cJSON *mark_schema(void) {
  cJSON *s = typed("string", NULL);
  bool ok = put(s, "minLength", cJSON_CreateNumber(1)) &&
            put(s, "not", object_with("pattern", string("^[+-]?(0|[1-9][0-9]*)(\\.[0-9]+)?$")));
  return checked(s, ok);
}

static cJSON *cell_schema(void) {
  static const char *const number_or_blank[] = {"number", "null"};
  cJSON *s = object_with("description",
                         string("A number, null for a blank cell (never zero), or a mark: "
                                "non-empty text that is not a number (\"/\", \"—\", \"无\"). "
                                "An absent cell is left out."));
  cJSON *choices[] = {object_with("type", string_list(2, number_or_blank)), mark_schema()};
  return checked(s, put(s, "anyOf", array_of(2, choices)));
}

static cJSON *section_schema(void) {
  static const char *const required[] = {"id", "text"};
  cJSON *props = object_with("id", typed("string", "section id"));
  bool props_ok =
      put(props, "title", typed("string", "as printed; optional on input: the official title")) &&
      put(props, "text", typed("string", NULL));
  cJSON *s = typed("object", NULL);
  bool ok = put(s, "required", string_list(2, required)) &&
            put(s, "additionalProperties", cJSON_CreateFalse());
  ok = put(ok ? s : NULL, "properties", checked(props, props_ok)) && ok;
  return checked(s, ok);
}

/* ---- one format version ---- */

/* {"type": "object", "title": title, "additionalProperties": false, "properties": ...};
 * title may be NULL. */
static cJSON *closed_object(const char *title, cJSON *properties) {
  cJSON *s = typed("object", NULL);
  bool ok = (title == NULL || put(s, "title", string(title))) &&
            put(s, "additionalProperties", cJSON_CreateFalse());
  return checked(s, put(ok ? s : NULL, "properties", properties) && ok);
}

static cJSON *cell_of(const govinfo_column *column) {
  cJSON *s = ref_to("cell");
  return checked(s, put(s, "title", string(govinfo_column_label(column))));
}

static cJSON *row_schema(const govinfo_table *table, const govinfo_row *row) {
  cJSON *columns = cJSON_CreateObject();
  bool ok = columns != NULL;
  for (size_t i = 0; ok && i < govinfo_table_column_count(table); i++) {
    const govinfo_column *column = govinfo_table_column_at(table, i);
    ok = put(columns, govinfo_column_id(column), cell_of(column));
  }
  return closed_object(govinfo_row_label(row), checked(columns, ok));
}

/* Heading rows are labels only and never hold cells, so they are not keys. */
static cJSON *table_schema(const govinfo_table *table) {
  cJSON *rows = cJSON_CreateObject();
  bool ok = rows != NULL;
  for (size_t i = 0; ok && i < govinfo_table_row_count(table); i++) {
    const govinfo_row *row = govinfo_table_row_at(table, i);
    if (govinfo_row_role_of(row) != GOVINFO_ROW_HEADING)
      ok = put(rows, govinfo_row_id(row), row_schema(table, row));
  }
  return closed_object(govinfo_table_title(table), checked(rows, ok));
}

static cJSON *tables_schema(const govinfo_format *format) {
  cJSON *tables = cJSON_CreateObject();
  bool ok = tables != NULL;
  for (size_t i = 0; ok && i < govinfo_format_table_count(format); i++) {
    const govinfo_table *table = govinfo_format_table_at(format, i);
    ok = put(tables, govinfo_table_id(table), table_schema(table));
  }
  return closed_object(NULL, checked(tables, ok));
}

static cJSON *section_ids(const govinfo_format *format) {
  cJSON *ids = cJSON_CreateArray();
  bool ok = ids != NULL;
  for (size_t i = 0; ok && i < govinfo_format_section_count(format); i++)
    ok = append(ids, string(govinfo_section_def_id(govinfo_format_section_at(format, i))));
  return checked(ids, ok);
}

/* What a document of this format version adds to the top level: its section ids and its
 * tables. */
static cJSON *format_schema(const govinfo_format *format) {
  char description[256];
  int n = snprintf(description, sizeof description, "format \"%s\": %s", govinfo_format_id(format),
                   govinfo_format_name(format));
  if (n < 0 || (size_t)n >= sizeof description) return NULL;
  cJSON *id = object_with("id", object_with("enum", section_ids(format)));
  cJSON *props = object_with("sections", object_with("items", object_with("properties", id)));
  bool ok = put(props, "tables", tables_schema(format));
  cJSON *s = object_with("description", string(description));
  return checked(s, put(s, "properties", checked(props, ok)));
}

static const char *format_def_name(const govinfo_format *format, char *buf, size_t size) {
  int n = snprintf(buf, size, "format_%s", govinfo_format_id(format));
  return n > 0 && (size_t)n < size ? buf : NULL;
}

/* {"if": {"properties": {"format": {"const": id}}, "required": ["format"]},
 *  "then": {"$ref": "#/$defs/format_<id>"}} */
static cJSON *format_conditional(const govinfo_format *format) {
  static const char *const required[] = {"format"};
  char name[64];
  const char *def = format_def_name(format, name, sizeof name);
  cJSON *when = object_with(
      "properties", object_with("format", object_with("const", string(govinfo_format_id(format)))));
  bool ok = put(when, "required", string_list(1, required));
  cJSON *rule = object_with("if", checked(when, ok));
  return checked(rule, def != NULL && put(rule, "then", ref_to(def)));
}

/* ---- the document ---- */

static cJSON *format_ids(void) {
  cJSON *ids = cJSON_CreateArray();
  bool ok = ids != NULL;
  for (size_t i = 0; ok && i < govinfo_format_count(); i++)
    ok = append(ids, string(govinfo_format_id(govinfo_format_at(i))));
  return checked(ids, ok);
}

static cJSON *format_property(void) {
  cJSON *s = object_with("description", string("format version id"));
  return checked(s, put(s, "enum", format_ids()));
}

static cJSON *year_property(void) {
  cJSON *s = typed("integer", "report year");
  bool ok = put(s, "minimum", cJSON_CreateNumber(1)) && put(s, "maximum", cJSON_CreateNumber(9999));
  return checked(s, ok);
}

/* A string or null; published dates are checked for real days by the library. */
static cJSON *published_property(void) {
  static const char *const string_or_null[] = {"string", "null"};
  cJSON *s = object_with("description", string("publication date YYYY-MM-DD; null or left "
                                               "out when the report prints none"));
  bool ok = put(s, "type", string_list(2, string_or_null)) &&
            put(s, "pattern", string("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"));
  return checked(s, ok);
}

static cJSON *division_code_property(void) {
  cJSON *s = typed("string", "administrative division code: 6, 9 or 12 digits");
  return checked(s, put(s, "pattern", string("^([0-9]{6}|[0-9]{9}|[0-9]{12})$")));
}

static cJSON *source_sha256_property(void) {
  cJSON *s = typed("string", "SHA-256 of the bytes the report was imported from, lowercase hex");
  return checked(s, put(s, "pattern", string("^[0-9a-f]{64}$")));
}

static cJSON *sections_property(void) {
  cJSON *s = typed("array", "the sections, in the order printed; each id at most once");
  return checked(s, put(s, "items", ref_to("section")));
}

static cJSON *properties(void) {
  cJSON *p = object_with("format", format_property());
  bool ok = put(p, "year", year_property()) &&
            put(p, "organ", typed("string", "发布机关, the issuing organ")) &&
            put(p, "title", typed("string", "title of the report as printed")) &&
            put(p, "published", published_property()) &&
            put(p, "division_code", division_code_property()) &&
            put(p, "source", typed("string", "file name or URL of the published report")) &&
            put(p, "source_sha256", source_sha256_property()) &&
            put(p, "preface", typed("string", "what the report prints before section 一")) &&
            put(p, "sections", sections_property()) &&
            put(p, "tables",
                typed("object", "table id → row id → column id → cell; the ids "
                                "depend on the format version"));
  return checked(p, ok);
}

static cJSON *conditionals(void) {
  cJSON *all = cJSON_CreateArray();
  bool ok = all != NULL;
  for (size_t i = 0; ok && i < govinfo_format_count(); i++)
    ok = append(all, format_conditional(govinfo_format_at(i)));
  return checked(all, ok);
}

static cJSON *definitions(void) {
  cJSON *defs = object_with("cell", cell_schema());
  bool ok = put(defs, "section", section_schema());
  for (size_t i = 0; ok && i < govinfo_format_count(); i++) {
    char name[64];
    const govinfo_format *format = govinfo_format_at(i);
    const char *def = format_def_name(format, name, sizeof name);
    ok = def != NULL && put(defs, def, format_schema(format));
  }
  return checked(defs, ok);
}

static cJSON *report_schema(void) {
  static const char *const required[] = {"format"};
  cJSON *s = object_with("$schema", string("https://json-schema.org/draft/2020-12/schema"));
  bool ok = put(s, "$id", string("urn:govinfo:report:1")) &&
            put(s, "title", string("政府信息公开工作年度报告 (libgovinfo report document)")) &&
            put(s, "description",
                string("One annual government-information-disclosure report in the JSON form read "
                       "and written by libgovinfo (docs/report-format.md). Generated from the "
                       "library's format definitions by schema/gen_schema.c; do not edit.")) &&
            put(s, "type", string("object")) && put(s, "required", string_list(1, required)) &&
            put(s, "additionalProperties", cJSON_CreateFalse()) &&
            put(s, "properties", properties()) && put(s, "allOf", conditionals()) &&
            put(s, "$defs", definitions());
  return checked(s, ok);
}

int main(int argc, char **argv) {
  if (argc != 1) {
    fprintf(stderr, "usage: %s > govinfo-report.schema.json\n", argv[0]);
    return 2;
  }
  cJSON *schema = report_schema();
  char *text = schema ? cJSON_Print(schema) : NULL;
  cJSON_Delete(schema);
  if (text == NULL) {
    fprintf(stderr, "gen_schema: could not build the schema (out of memory?)\n");
    return 1;
  }
  bool written = fputs(text, stdout) >= 0 && putchar('\n') != EOF && fflush(stdout) == 0;
  cJSON_free(text);
  if (!written) {
    perror("gen_schema: writing the schema");
    return 1;
  }
  return 0;
}
