/* govinfo.core: the Lua binding of libgovinfo, a thin layer over the public C API.
 * One source for Lua 5.1, 5.4 and LuaJIT; the conventions are documented in govinfo/init.lua.
 *
 * Anything the library allocates is anchored in a userdata with a __gc before any Lua call
 * that may raise (out of memory), so a raise never leaks it. */
#include <govinfo/govinfo.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"

#define REPORT_TYPE "govinfo.report"
#define OWNED_TYPE "govinfo.owned"
#define BLANK_KEY "govinfo.BLANK" /* registry field holding the blank sentinel */

/* Exported for require; no header needed. */
int luaopen_govinfo_core(lua_State *L);

/* ---- library memory held by a userdata until released ---- */

typedef struct owned {
  void *ptr;
  void (*release)(void *ptr);
} owned;

static int owned_gc(lua_State *L) {
  owned *o = luaL_checkudata(L, 1, OWNED_TYPE);
  if (o->ptr) o->release(o->ptr);
  o->ptr = NULL;
  return 0;
}

/* Pushes an empty holder; store the pointer in ->ptr right after the library returns it. */
static owned *push_owned(lua_State *L, void (*release)(void *)) {
  owned *o = lua_newuserdata(L, sizeof *o);
  o->ptr = NULL;
  o->release = release;
  luaL_getmetatable(L, OWNED_TYPE);
  lua_setmetatable(L, -2);
  return o;
}

static void release_owned(owned *o) {
  if (o->ptr) o->release(o->ptr);
  o->ptr = NULL;
}

static void free_diagnostics(void *p) { govinfo_diagnostics_free(p); }

/* ---- arguments ---- */

/* A string argument the library will read as a C string: a NUL inside would cut it short. */
static const char *check_text(lua_State *L, int index) {
  size_t len;
  const char *s = luaL_checklstring(L, index, &len);
  if (strlen(s) != len) luaL_argerror(L, index, "string contains a NUL byte");
  return s;
}

static const char *opt_text(lua_State *L, int index) {
  return lua_isnoneornil(L, index) ? NULL : check_text(L, index);
}

/* The same rule on every Lua version: an integral number within int (5.1 would truncate). */
static int check_int(lua_State *L, int index) {
  lua_Number n = luaL_checknumber(L, index);
  if (n != floor(n) || n < INT_MIN || n > INT_MAX) luaL_argerror(L, index, "integer expected");
  return (int)n;
}

static govinfo_syntax opt_syntax(lua_State *L, int index) {
  static const char *const names[] = {"auto", "json", "yaml", NULL};
  static const govinfo_syntax values[] = {GOVINFO_SYNTAX_AUTO, GOVINFO_SYNTAX_JSON,
                                          GOVINFO_SYNTAX_YAML};
  return values[luaL_checkoption(L, index, "auto", names)];
}

static govinfo_syntax check_output_syntax(lua_State *L, int index) {
  static const char *const names[] = {"json", "yaml", NULL};
  static const govinfo_syntax values[] = {GOVINFO_SYNTAX_JSON, GOVINFO_SYNTAX_YAML};
  return values[luaL_checkoption(L, index, NULL, names)];
}

/* Options of dumps/save: nil or {labels = boolean}; any other key is a mistake. */
static unsigned opt_write_flags(lua_State *L, int index) {
  if (lua_isnoneornil(L, index)) return 0;
  luaL_checktype(L, index, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, index)) {
    lua_pop(L, 1);
    if (lua_type(L, -1) != LUA_TSTRING || strcmp(lua_tostring(L, -1), "labels") != 0)
      luaL_argerror(L, index, "the only option is 'labels'");
  }
  lua_getfield(L, index, "labels");
  unsigned flags = lua_toboolean(L, -1) ? GOVINFO_WRITE_LABELS : 0;
  lua_pop(L, 1);
  return flags;
}

/* ---- results ---- */

/* nil, message, code for a failure the library reported: the message as the CLI prints it,
 * "file:line:column: error: message (at <JSON Pointer>)" as far as the library knows. */
static int push_failure(lua_State *L, int code) {
  const govinfo_error *e = govinfo_error_last();
  govinfo_error unrecorded = {.code = code, .message = "", .source = "", .path = ""};
  char *text = NULL;
  size_t len = 0;
  /* English, as the messages of the Python binding (message_zh is in the record) */
  int formatted =
      govinfo_error_format(&text, &len, e->code == code ? e : &unrecorded, NULL, GOVINFO_FORMAT_EN);
  lua_pushnil(L);
  if (formatted == GOVINFO_OK) lua_pushlstring(L, text, len);
  else lua_pushstring(L, govinfo_strerror(code));
  govinfo_free(text);
  lua_pushstring(L, govinfo_error_name(code));
  return 3;
}

static int push_status(lua_State *L, int rc) {
  if (rc) return push_failure(L, rc);
  lua_pushboolean(L, 1);
  return 1;
}

static void push_blank(lua_State *L) { lua_getfield(L, LUA_REGISTRYINDEX, BLANK_KEY); }

static int is_blank(lua_State *L, int index) {
  push_blank(L);
  int same = lua_rawequal(L, index, -1);
  lua_pop(L, 1);
  return same;
}

static void set_string_field(lua_State *L, const char *key, const char *value) {
  if (value == NULL) return;
  lua_pushstring(L, value);
  lua_setfield(L, -2, key);
}

static void set_int_field(lua_State *L, const char *key, lua_Integer value) {
  lua_pushinteger(L, value);
  lua_setfield(L, -2, key);
}

/* ---- numbers: exact decimal text <-> lua_Number, independent of the C locale ---- */

/* The locale's decimal point when it is one character (printf and strtod use it). */
static char locale_point(void) {
  const char *p = localeconv()->decimal_point;
  return p && p[0] && !p[1] ? p[0] : '.';
}

static void swap_char(char *s, char from, char to) {
  for (; *s; s++)
    if (*s == from) *s = to;
}

static lua_Number decimal_to_number(const char *text) {
  char buf[GOVINFO_NUMBER_BUFSIZE];
  snprintf(buf, sizeof buf, "%s", text);
  swap_char(buf, '.', locale_point());
  return strtod(buf, NULL);
}

/* 15 significant digits (DBL_DIG): any decimal of up to 15 digits survives the trip through
 * a double, so 96171.6 is stored as "96171.6", not "96171.600000000006". Exponents ("1e+300")
 * are left for the library to reject. */
static void number_to_decimal(lua_Number n, char buf[static GOVINFO_NUMBER_BUFSIZE]) {
  snprintf(buf, GOVINFO_NUMBER_BUFSIZE, "%.15g", (double)n);
  swap_char(buf, locale_point(), '.');
}

/* ---- the report userdata: a pointer, NULL once closed ---- */

typedef struct report_box {
  govinfo_report *report;
} report_box;

static report_box *push_report_box(lua_State *L) {
  report_box *box = lua_newuserdata(L, sizeof *box);
  box->report = NULL;
  luaL_getmetatable(L, REPORT_TYPE);
  lua_setmetatable(L, -2);
  return box;
}

/* The report just pushed if the library filled it (rc 0), else nil, message, code. */
static int finish_report(lua_State *L, int rc) { return rc ? push_failure(L, rc) : 1; }

static govinfo_report *check_report(lua_State *L, int index) {
  report_box *box = luaL_checkudata(L, index, REPORT_TYPE);
  if (box->report == NULL) luaL_error(L, "attempt to use a closed govinfo report");
  return box->report;
}

static int report_close(lua_State *L) {
  report_box *box = luaL_checkudata(L, 1, REPORT_TYPE);
  govinfo_report_free(box->report);
  box->report = NULL;
  return 0;
}

/* ---- module functions ---- */

static int core_load(lua_State *L) {
  const char *path = check_text(L, 1);
  govinfo_syntax syntax = opt_syntax(L, 2);
  report_box *box = push_report_box(L);
  return finish_report(L, govinfo_report_load(&box->report, path, syntax));
}

static int core_loads(lua_State *L) {
  size_t len;
  const char *text = luaL_checklstring(L, 1, &len);
  govinfo_syntax syntax = opt_syntax(L, 2);
  const char *name = opt_text(L, 3);
  report_box *box = push_report_box(L);
  return finish_report(L, govinfo_report_parse(&box->report, text, len, syntax, name));
}

static int core_template(lua_State *L) {
  const char *format_id = check_text(L, 1);
  int year = check_int(L, 2);
  const char *organ = opt_text(L, 3);
  report_box *box = push_report_box(L);
  return finish_report(L, govinfo_report_new_template(&box->report, format_id, year, organ));
}

static int core_new(lua_State *L) {
  const char *format_id = check_text(L, 1);
  report_box *box = push_report_box(L);
  return finish_report(L, govinfo_report_new(&box->report, format_id));
}

/* ---- cells ---- */

static int push_number_cell(lua_State *L, const govinfo_report *r, const char *id) {
  int64_t whole;
  if (govinfo_report_get_int(r, id, &whole) == GOVINFO_OK) {
#if LUA_VERSION_NUM >= 503
    lua_pushinteger(L, (lua_Integer)whole);
#else
    lua_pushnumber(L, (lua_Number)whole); /* exact: the library keeps within 2^53 */
#endif
    return 1;
  }
  char text[GOVINFO_NUMBER_BUFSIZE];
  int rc = govinfo_report_get_number(r, id, text, sizeof text);
  if (rc) return push_failure(L, rc);
  lua_pushnumber(L, decimal_to_number(text));
  return 1;
}

static int report_get(lua_State *L) {
  const govinfo_report *r = check_report(L, 1);
  const char *id = check_text(L, 2);
  govinfo_cell_state state;
  int rc = govinfo_report_cell_state(r, id, &state);
  if (rc) return push_failure(L, rc);
  switch (state) {
  case GOVINFO_CELL_BLANK:
    push_blank(L);
    return 1;
  case GOVINFO_CELL_MARK: {
    const char *mark;
    rc = govinfo_report_get_mark(r, id, &mark);
    if (rc) return push_failure(L, rc);
    lua_pushstring(L, mark);
    return 1;
  }
  case GOVINFO_CELL_NUMBER:
    return push_number_cell(L, r, id);
  case GOVINFO_CELL_ABSENT:
  default:
    lua_pushnil(L);
    return 1;
  }
}

static int set_number_cell(lua_State *L, govinfo_report *r, const char *id) {
#if LUA_VERSION_NUM >= 503
  if (lua_isinteger(L, 3))
    return push_status(L, govinfo_report_set_int(r, id, lua_tointeger(L, 3)));
#endif
  lua_Number n = lua_tonumber(L, 3);
  /* Integral floats within int64 go in as integers; the library checks the 2^53 bound. */
  if (n == floor(n) && n >= -9223372036854775808.0 && n < 9223372036854775808.0)
    return push_status(L, govinfo_report_set_int(r, id, (int64_t)n));
  char text[GOVINFO_NUMBER_BUFSIZE];
  number_to_decimal(n, text);
  return push_status(L, govinfo_report_set_number(r, id, text));
}

static int report_set(lua_State *L) {
  govinfo_report *r = check_report(L, 1);
  const char *id = check_text(L, 2);
  switch (lua_type(L, 3)) {
  case LUA_TNONE:
  case LUA_TNIL:
    return push_status(L, govinfo_report_clear_cell(r, id));
  case LUA_TNUMBER:
    return set_number_cell(L, r, id);
  case LUA_TSTRING:
    return push_status(L, govinfo_report_set_mark(r, id, check_text(L, 3)));
  default:
    if (is_blank(L, 3)) return push_status(L, govinfo_report_set_blank(r, id));
    lua_pushfstring(L, "number, string, govinfo.BLANK or nil expected, got %s",
                    luaL_typename(L, 3));
    return luaL_argerror(L, 3, lua_tostring(L, -1));
  }
}

static int report_decimal(lua_State *L) {
  const govinfo_report *r = check_report(L, 1);
  const char *id = check_text(L, 2);
  char text[GOVINFO_NUMBER_BUFSIZE];
  int rc = govinfo_report_get_number(r, id, text, sizeof text);
  if (rc) return push_failure(L, rc);
  lua_pushstring(L, text);
  return 1;
}

static int report_set_decimal(lua_State *L) {
  govinfo_report *r = check_report(L, 1);
  const char *id = check_text(L, 2);
  return push_status(L, govinfo_report_set_number(r, id, check_text(L, 3)));
}

/* ---- validation ---- */

/* The finding as govinfo validate prints it (the library's formatter). */
static void set_formatted_field(lua_State *L, const char *name, const govinfo_diagnostic *d,
                                unsigned flags) {
  char *text;
  size_t len;
  if (govinfo_diagnostic_format(&text, &len, d, NULL, flags) != GOVINFO_OK)
    luaL_error(L, "govinfo: out of memory");
  lua_pushlstring(L, text, len);
  govinfo_free(text);
  lua_setfield(L, -2, name);
}

static void push_diagnostic(lua_State *L, const govinfo_diagnostic *d) {
  lua_createtable(L, 0, 12);
  set_string_field(L, "rule", govinfo_diagnostic_rule(d));
  set_string_field(L, "severity", govinfo_severity_name(govinfo_diagnostic_severity(d)));
  set_string_field(L, "message", govinfo_diagnostic_message(d));
  set_string_field(L, "message_en", govinfo_diagnostic_message_en(d));
  size_t n = govinfo_diagnostic_path_count(d);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushstring(L, govinfo_diagnostic_path_at(d, i));
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, "paths");
  set_string_field(L, "expected", govinfo_diagnostic_expected(d));
  set_string_field(L, "actual", govinfo_diagnostic_actual(d));
  const char *file = govinfo_diagnostic_file(d);
  if (file && file[0]) set_string_field(L, "file", file);
  if (govinfo_diagnostic_line(d)) set_int_field(L, "line", govinfo_diagnostic_line(d));
  if (govinfo_diagnostic_column(d)) set_int_field(L, "column", govinfo_diagnostic_column(d));
  set_formatted_field(L, "text", d, 0);
  set_formatted_field(L, "text_en", d, GOVINFO_FORMAT_EN);
  set_string_field(L, "fingerprint", govinfo_diagnostic_fingerprint(d)); /* for suppressions */
}

/* The findings as an array of plain tables. */
static void push_findings(lua_State *L, const govinfo_diagnostics *found) {
  size_t n = govinfo_diagnostics_count(found);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    push_diagnostic(L, govinfo_diagnostics_at(found, i));
    lua_rawseti(L, -2, (int)i + 1);
  }
}

/* An option's array of rule ids as a NULL-terminated C array (a userdata left on the
 * stack, so Lua frees it), or NULL when the option is absent. */
static const char **opt_rule_ids(lua_State *L, int index, const char *name) {
  lua_getfield(L, index, name);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    return NULL;
  }
  if (!lua_istable(L, -1)) luaL_argerror(L, index, "enable and disable are arrays of rule ids");
  int table = lua_gettop(L);
  size_t n = 0;
  for (;; n++) {
    lua_rawgeti(L, table, (int)n + 1);
    bool end = lua_isnil(L, -1);
    lua_pop(L, 1);
    if (end) break;
  }
  const char **ids = lua_newuserdata(L, (n + 1) * sizeof *ids);
  for (size_t i = 0; i < n; i++) {
    lua_rawgeti(L, table, (int)i + 1);
    if (lua_type(L, -1) != LUA_TSTRING) luaL_argerror(L, index, "a rule id must be a string");
    ids[i] = lua_tostring(L, -1); /* kept alive by the table, which stays on the stack */
    lua_pop(L, 1);
  }
  ids[n] = NULL;
  return ids;
}

/* Options of validate: nil or {strict = boolean, enable = {ids}, disable = {ids}}. */
static const govinfo_validate_options *opt_validate(lua_State *L, int index,
                                                    govinfo_validate_options *opts) {
  if (lua_isnoneornil(L, index)) return NULL;
  luaL_checktype(L, index, LUA_TTABLE);
  lua_pushnil(L);
  while (lua_next(L, index)) {
    lua_pop(L, 1);
    const char *key = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
    if (strcmp(key, "strict") != 0 && strcmp(key, "enable") != 0 && strcmp(key, "disable") != 0)
      luaL_argerror(L, index, "the options are 'strict', 'enable' and 'disable'");
  }
  govinfo_validate_options_init(opts, GOVINFO_VALIDATE_OPTIONS_VERSION);
  lua_getfield(L, index, "strict");
  if (lua_toboolean(L, -1)) opts->flags |= GOVINFO_VALIDATE_STRICT;
  lua_pop(L, 1);
  opts->enable = opt_rule_ids(L, index, "enable");
  opts->disable = opt_rule_ids(L, index, "disable");
  return opts;
}

static int report_validate(lua_State *L) {
  const govinfo_report *r = check_report(L, 1);
  govinfo_validate_options storage;
  const govinfo_validate_options *opts = opt_validate(L, 2, &storage);
  owned *held = push_owned(L, free_diagnostics);
  govinfo_diagnostics *found = NULL;
  int rc = govinfo_report_validate_with(&found, r, opts);
  if (rc) return push_failure(L, rc);
  held->ptr = found;
  lua_pushboolean(L, govinfo_diagnostics_count_severity(found, GOVINFO_SEVERITY_ERROR) == 0);
  push_findings(L, found);
  release_owned(held);
  return 2;
}

/* ---- importing published reports ---- */

/* After govinfo_import*: the report box (below the holder) and the import findings, or nil,
 * message, code. */
static int finish_import(lua_State *L, int rc, owned *held, govinfo_diagnostics *found) {
  if (rc) return push_failure(L, rc);
  held->ptr = found;
  push_findings(L, found);
  release_owned(held);
  lua_remove(L, -2); /* the holder */
  return 2;
}

static govinfo_input_kind opt_input_kind(lua_State *L, int index) {
  static const char *const names[] = {"auto", "text", "markdown", "html",
                                      "tsv",  "docx", "xlsx",     NULL};
  static const govinfo_input_kind values[] = {
      GOVINFO_INPUT_AUTO, GOVINFO_INPUT_TEXT, GOVINFO_INPUT_MARKDOWN, GOVINFO_INPUT_HTML,
      GOVINFO_INPUT_TSV,  GOVINFO_INPUT_DOCX, GOVINFO_INPUT_XLSX};
  return values[luaL_checkoption(L, index, "auto", names)];
}

static int core_import_text(lua_State *L) {
  size_t len;
  const char *text = luaL_checklstring(L, 1, &len);
  govinfo_input_kind kind = opt_input_kind(L, 2);
  const char *name = opt_text(L, 3);
  report_box *box = push_report_box(L);
  owned *held = push_owned(L, free_diagnostics);
  govinfo_diagnostics *found = NULL;
  int rc = govinfo_import(&box->report, &found, text, len, kind, name);
  return finish_import(L, rc, held, found);
}

static int core_import_file(lua_State *L) {
  const char *path = check_text(L, 1);
  report_box *box = push_report_box(L);
  owned *held = push_owned(L, free_diagnostics);
  govinfo_diagnostics *found = NULL;
  int rc = govinfo_import_file(&box->report, &found, path);
  return finish_import(L, rc, held, found);
}

/* ---- across reports (EXPERIMENTAL: analysis.h) ---- */

static void free_comparison(void *p) { govinfo_comparison_free(p); }
static void free_pairing(void *p) { govinfo_pairing_free(p); }

/* An unsigned option of a table at `index`, kept when the key is absent. */
static void opt_unsigned_field(lua_State *L, int index, const char *key, unsigned *out) {
  lua_getfield(L, index, key);
  if (!lua_isnil(L, -1)) {
    lua_Number n = luaL_checknumber(L, -1);
    if (n != floor(n) || n < 0 || n > UINT_MAX)
      luaL_error(L, "option '%s': whole number expected", key);
    *out = (unsigned)n;
  }
  lua_pop(L, 1);
}

/* Raises unless every key of the options table is one of `known`. */
static void check_option_names(lua_State *L, int index, const char *const *known) {
  lua_pushnil(L);
  while (lua_next(L, index)) {
    lua_pop(L, 1);
    int ok = 0;
    for (size_t i = 0; known[i] && lua_type(L, -1) == LUA_TSTRING; i++)
      ok = ok || strcmp(lua_tostring(L, -1), known[i]) == 0;
    if (!ok) luaL_argerror(L, index, "unknown option");
  }
}

#define MAX_SECTION_IDS 16

/* nil or {min_run=, reuse_percent=, sections={"s1", ...}, jump_factor=, jump_min_base=}. The
 * section ids stay in the table, which the caller's stack keeps alive. */
static void opt_compare(lua_State *L, int index, govinfo_compare_options *o,
                        const char *ids[MAX_SECTION_IDS + 1]) {
  static const char *const known[] = {"min_run",     "reuse_percent", "sections",
                                      "jump_factor", "jump_min_base", NULL};
  *o = (govinfo_compare_options)GOVINFO_COMPARE_OPTIONS_INIT;
  if (lua_isnoneornil(L, index)) return;
  luaL_checktype(L, index, LUA_TTABLE);
  check_option_names(L, index, known);
  opt_unsigned_field(L, index, "min_run", &o->reuse_min_run);
  opt_unsigned_field(L, index, "reuse_percent", &o->reuse_percent);
  opt_unsigned_field(L, index, "jump_factor", &o->jump_factor);
  opt_unsigned_field(L, index, "jump_min_base", &o->jump_min_base);
  lua_getfield(L, index, "sections");
  if (!lua_isnil(L, -1)) {
    luaL_checktype(L, -1, LUA_TTABLE);
    size_t n = compat_rawlen(L, -1);
    if (n > MAX_SECTION_IDS) luaL_error(L, "option 'sections': too many ids");
    for (size_t i = 0; i < n; i++) {
      lua_rawgeti(L, -1, (int)i + 1);
      if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "option 'sections': strings expected");
      ids[i] = lua_tostring(L, -1);
      lua_pop(L, 1);
    }
    ids[n] = NULL;
    o->reuse_sections = ids;
  }
  lua_pop(L, 1);
}

/* compare(last, this [, options]) -> {findings = {...}, reuse = {{section=, chars=, reused=,
 * share=}, ...}} or nil, message, code. */
static int core_compare(lua_State *L) {
  const govinfo_report *last = check_report(L, 1), *now = check_report(L, 2);
  const char *ids[MAX_SECTION_IDS + 1];
  govinfo_compare_options opts;
  opt_compare(L, 3, &opts, ids);
  owned *held = push_owned(L, free_comparison);
  govinfo_comparison *c = NULL;
  int rc = govinfo_compare(&c, last, now, &opts);
  if (rc) return push_failure(L, rc);
  held->ptr = c;
  lua_createtable(L, 0, 2);
  push_findings(L, govinfo_comparison_findings(c));
  lua_setfield(L, -2, "findings");
  size_t n = govinfo_comparison_section_count(c);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    size_t chars = govinfo_comparison_section_chars(c, i);
    size_t reused = govinfo_comparison_section_reused(c, i);
    lua_createtable(L, 0, 4);
    set_string_field(L, "section", govinfo_comparison_section_id(c, i));
    set_int_field(L, "chars", (lua_Integer)chars);
    set_int_field(L, "reused", (lua_Integer)reused);
    lua_pushnumber(L, chars ? (lua_Number)reused / (lua_Number)chars : 0);
    lua_setfield(L, -2, "share");
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, "reuse");
  release_owned(held);
  return 1;
}

/* The reports of the array at `index`, in a userdata the stack keeps (no leak on a raise). */
static const govinfo_report **check_reports(lua_State *L, int index, size_t *n) {
  luaL_checktype(L, index, LUA_TTABLE);
  *n = compat_rawlen(L, index);
  const govinfo_report **r = lua_newuserdata(L, (*n + 1) * sizeof *r);
  for (size_t i = 0; i < *n; i++) {
    lua_rawgeti(L, index, (int)i + 1);
    report_box *box = luaL_testudata(L, -1, REPORT_TYPE);
    if (box == NULL) luaL_argerror(L, index, "an array of reports expected");
    if (box->report == NULL) luaL_error(L, "attempt to use a closed govinfo report");
    r[i] = box->report;
    lua_pop(L, 1);
  }
  return r;
}

static void push_index_array(lua_State *L, size_t n, const size_t *index) {
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushinteger(L, (lua_Integer)index[i] + 1);
    lua_rawseti(L, -2, (int)i + 1);
  }
}

/* pair(reports) -> {pairs = {{last, this}, ...}, ambiguous = {{i, j, ...}, ...},
 * unpaired = {i, ...}, bodies = {[i] = name}}, 1-based indices into reports. */
static int core_pair(lua_State *L) {
  size_t n;
  lua_settop(L, 1);
  const govinfo_report **reports = check_reports(L, 1, &n);
  owned *held = push_owned(L, free_pairing);
  govinfo_pairing *p = NULL;
  int rc = govinfo_pairing_new(&p, reports, n, NULL);
  if (rc) return push_failure(L, rc);
  held->ptr = p;
  lua_createtable(L, 0, 4);
  size_t np = govinfo_pairing_pair_count(p);
  lua_createtable(L, (int)np, 0);
  for (size_t k = 0; k < np; k++) {
    size_t two[2];
    govinfo_pairing_pair_at(p, k, &two[0], &two[1]);
    push_index_array(L, 2, two);
    lua_rawseti(L, -2, (int)k + 1);
  }
  lua_setfield(L, -2, "pairs");
  size_t ng = govinfo_pairing_ambiguous_count(p);
  lua_createtable(L, (int)ng, 0);
  for (size_t g = 0; g < ng; g++) {
    size_t size = govinfo_pairing_ambiguous_size(p, g);
    lua_createtable(L, (int)size, 0);
    for (size_t k = 0; k < size; k++) {
      lua_pushinteger(L, (lua_Integer)govinfo_pairing_ambiguous_member(p, g, k) + 1);
      lua_rawseti(L, -2, (int)k + 1);
    }
    lua_rawseti(L, -2, (int)g + 1);
  }
  lua_setfield(L, -2, "ambiguous");
  size_t nu = govinfo_pairing_unpaired_count(p);
  lua_createtable(L, (int)nu, 0);
  for (size_t k = 0; k < nu; k++) {
    lua_pushinteger(L, (lua_Integer)govinfo_pairing_unpaired_at(p, k) + 1);
    lua_rawseti(L, -2, (int)k + 1);
  }
  lua_setfield(L, -2, "unpaired");
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    const char *body = govinfo_pairing_body(p, i);
    if (body == NULL) continue;
    lua_pushstring(L, body);
    lua_rawseti(L, -2, (int)i + 1);
  }
  lua_setfield(L, -2, "bodies");
  release_owned(held);
  return 1;
}

/* sum(parts [, {organ=, blank_as_zero=}]) -> report, findings or nil, message, code. */
static int core_sum(lua_State *L) {
  static const char *const known[] = {"organ", "blank_as_zero", NULL};
  size_t n;
  lua_settop(L, 2); /* the options stay at 2 whatever check_reports pushes */
  const govinfo_report **parts = check_reports(L, 1, &n);
  govinfo_sum_options opts = GOVINFO_SUM_OPTIONS_INIT;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    check_option_names(L, 2, known);
    lua_getfield(L, 2, "organ");
    opts.organ = lua_isnil(L, -1) ? NULL : check_text(L, -1); /* kept by the table */
    lua_pop(L, 1);
    lua_getfield(L, 2, "blank_as_zero");
    if (lua_toboolean(L, -1)) opts.flags |= GOVINFO_SUM_BLANK_AS_ZERO;
    lua_pop(L, 1);
  }
  report_box *box = push_report_box(L);
  owned *held = push_owned(L, free_diagnostics);
  govinfo_diagnostics *found = NULL;
  int rc = govinfo_sum(&box->report, &found, parts, n, &opts);
  return finish_import(L, rc, held, found);
}

/* sum_against(parent, sum) -> findings (sum.differs notes) or nil, message, code. */
static int core_sum_against(lua_State *L) {
  const govinfo_report *parent = check_report(L, 1), *total = check_report(L, 2);
  owned *held = push_owned(L, free_diagnostics);
  govinfo_diagnostics *found = NULL;
  int rc = govinfo_sum_against(&found, parent, total);
  if (rc) return push_failure(L, rc);
  held->ptr = found;
  push_findings(L, found);
  release_owned(held);
  return 1;
}

/* ---- reading and writing ---- */

static int report_dumps(lua_State *L) {
  const govinfo_report *r = check_report(L, 1);
  govinfo_syntax syntax = check_output_syntax(L, 2);
  unsigned flags = opt_write_flags(L, 3);
  owned *held = push_owned(L, govinfo_free);
  char *text = NULL;
  size_t len = 0;
  int rc = govinfo_report_serialize(&text, &len, r, syntax, flags);
  if (rc) return push_failure(L, rc);
  held->ptr = text;
  lua_pushlstring(L, text, len);
  release_owned(held);
  return 1;
}

static int report_save(lua_State *L) {
  const govinfo_report *r = check_report(L, 1);
  const char *path = check_text(L, 2);
  govinfo_syntax syntax = opt_syntax(L, 3);
  unsigned flags = opt_write_flags(L, 4);
  return push_status(L, govinfo_report_save(r, path, syntax, flags));
}

/* ---- rendering (render.h, EXPERIMENTAL) ---- */

/* r:render([format], [options]) and r:render_file(path, [format], [options]): format "html"
 * (default), "md" or "xlsx" (file only); options {findings = false, lang = "en"}. */
static govinfo_render_options check_render_options(lua_State *L, int format_at, int opts_at) {
  static const char *const names[] = {"html", "md", "xlsx", NULL};
  govinfo_render_options o = GOVINFO_RENDER_OPTIONS_INIT;
  o.format = (govinfo_render_format)(luaL_checkoption(L, format_at, "html", names) + 1);
  if (!lua_isnoneornil(L, opts_at)) {
    luaL_checktype(L, opts_at, LUA_TTABLE);
    lua_getfield(L, opts_at, "findings");
    if (!lua_isnil(L, -1) && !lua_toboolean(L, -1)) o.flags |= GOVINFO_RENDER_NO_FINDINGS;
    lua_pop(L, 1);
    lua_getfield(L, opts_at, "lang");
    const char *lang = lua_isnil(L, -1) ? "zh" : luaL_checkstring(L, -1);
    if (strcmp(lang, "en") == 0) o.flags |= GOVINFO_RENDER_EN;
    else if (strcmp(lang, "zh") != 0)
      luaL_error(L, "unknown language '%s' (expected zh or en)", lang);
    lua_pop(L, 1);
  }
  return o;
}

static int report_render(lua_State *L) {
  const govinfo_report *r = check_report(L, 1);
  govinfo_render_options o = check_render_options(L, 2, 3);
  owned *held = push_owned(L, govinfo_free);
  char *text = NULL;
  size_t len = 0;
  int rc = govinfo_report_render(&text, &len, r, &o);
  if (rc) return push_failure(L, rc);
  held->ptr = text;
  lua_pushlstring(L, text, len);
  release_owned(held);
  return 1;
}

static int report_render_file(lua_State *L) {
  const govinfo_report *r = check_report(L, 1);
  const char *path = check_text(L, 2);
  govinfo_render_options o = check_render_options(L, 3, 4);
  return push_status(L, govinfo_report_render_file(path, r, &o));
}

static int report_copy(lua_State *L) {
  const govinfo_report *r = check_report(L, 1);
  report_box *box = push_report_box(L);
  return finish_report(L, govinfo_report_copy(&box->report, r));
}

/* ---- metadata and sections ---- */

typedef struct text_field {
  const char *name;
  const char *(*get)(const govinfo_report *);
  int (*set)(govinfo_report *, const char *);
} text_field;

static const text_field text_fields[] = {
    {"organ", govinfo_report_organ, govinfo_report_set_organ},
    {"title", govinfo_report_title, govinfo_report_set_title},
    {"published", govinfo_report_published, govinfo_report_set_published},
    {"division_code", govinfo_report_division_code, govinfo_report_set_division_code},
    {"source", govinfo_report_source, govinfo_report_set_source},
    {"source_sha256", govinfo_report_source_sha256, govinfo_report_set_source_sha256},
    {"preface", govinfo_report_preface, govinfo_report_set_preface},
};
#define TEXT_FIELD_COUNT (sizeof text_fields / sizeof text_fields[0])

static int report_metadata(lua_State *L) {
  const govinfo_report *r = check_report(L, 1);
  lua_createtable(L, 0, (int)TEXT_FIELD_COUNT + 3);
  set_string_field(L, "format", govinfo_format_id(govinfo_report_format(r)));
  if (govinfo_report_year(r)) set_int_field(L, "year", govinfo_report_year(r));
  for (size_t i = 0; i < TEXT_FIELD_COUNT; i++)
    set_string_field(L, text_fields[i].name, text_fields[i].get(r));
  set_string_field(L, "origin", govinfo_report_origin(r));
  return 1;
}

static int report_set_metadata(lua_State *L) {
  govinfo_report *r = check_report(L, 1);
  const char *name = check_text(L, 2);
  if (strcmp(name, "year") == 0)
    return push_status(L, govinfo_report_set_year(r, lua_isnoneornil(L, 3) ? 0 : check_int(L, 3)));
  for (size_t i = 0; i < TEXT_FIELD_COUNT; i++)
    if (strcmp(name, text_fields[i].name) == 0)
      return push_status(L, text_fields[i].set(r, opt_text(L, 3)));
  return luaL_argerror(L, 2, lua_pushfstring(L, "no metadata field '%s'", name));
}

static int report_sections(lua_State *L) {
  const govinfo_report *r = check_report(L, 1);
  size_t n = govinfo_report_section_count(r);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_createtable(L, 0, 3);
    set_string_field(L, "id", govinfo_report_section_id_at(r, i));
    set_string_field(L, "title", govinfo_report_section_title_at(r, i));
    set_string_field(L, "text", govinfo_report_section_text_at(r, i));
    lua_rawseti(L, -2, (int)i + 1);
  }
  return 1;
}

static int report_set_section(lua_State *L) {
  govinfo_report *r = check_report(L, 1);
  const char *id = check_text(L, 2);
  const char *text = check_text(L, 3);
  const char *title = opt_text(L, 4);
  return push_status(L, govinfo_report_set_section(r, id, title, text));
}

static int report_remove_section(lua_State *L) {
  govinfo_report *r = check_report(L, 1);
  return push_status(L, govinfo_report_remove_section(r, check_text(L, 2)));
}

/* ---- metamethods ---- */

static int report_eq(lua_State *L) {
  report_box *a = luaL_testudata(L, 1, REPORT_TYPE);
  report_box *b = luaL_testudata(L, 2, REPORT_TYPE);
  if (a == NULL || b == NULL) {
    lua_pushboolean(L, 0);
    return 1;
  }
  lua_pushboolean(L, govinfo_report_equal(check_report(L, 1), check_report(L, 2)));
  return 1;
}

static int report_tostring(lua_State *L) {
  report_box *box = luaL_checkudata(L, 1, REPORT_TYPE);
  if (box->report == NULL) {
    lua_pushfstring(L, REPORT_TYPE " (closed): %p", (void *)box);
    return 1;
  }
  lua_pushfstring(L, REPORT_TYPE " (format %s, year %d): %p",
                  govinfo_format_id(govinfo_report_format(box->report)),
                  govinfo_report_year(box->report), (void *)box);
  return 1;
}

static const luaL_Reg report_methods[] = {
    {"validate", report_validate},
    {"get", report_get},
    {"set", report_set},
    {"decimal", report_decimal},
    {"set_decimal", report_set_decimal},
    {"metadata", report_metadata},
    {"set_metadata", report_set_metadata},
    {"sections", report_sections},
    {"set_section", report_set_section},
    {"remove_section", report_remove_section},
    {"dumps", report_dumps},
    {"save", report_save},
    {"render", report_render},
    {"render_file", report_render_file},
    {"copy", report_copy},
    {"close", report_close},
    {NULL, NULL},
};

static const luaL_Reg report_metamethods[] = {
    {"__gc", report_close}, {"__close", report_close}, /* Lua 5.4's local r <close> */
    {"__eq", report_eq},    {"__tostring", report_tostring}, {NULL, NULL},
};

/* ---- the registry: formats, rules, cell ids (as Python's formats() and rules()) ---- */

static int core_formats(lua_State *L) {
  size_t n = govinfo_format_count();
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    const govinfo_format *f = govinfo_format_at(i);
    lua_createtable(L, 0, 4);
    set_string_field(L, "id", govinfo_format_id(f));
    set_string_field(L, "name", govinfo_format_name(f));
    set_int_field(L, "first_year", govinfo_format_first_year(f));
    if (govinfo_format_last_year(f)) set_int_field(L, "last_year", govinfo_format_last_year(f));
    lua_rawseti(L, -2, (int)i + 1);
  }
  return 1;
}

static int core_rules(lua_State *L) {
  size_t n = govinfo_rule_count();
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    const govinfo_rule *rule = govinfo_rule_at(i);
    lua_createtable(L, 0, 5);
    set_string_field(L, "id", govinfo_rule_id(rule));
    set_string_field(L, "severity", govinfo_severity_name(govinfo_rule_severity(rule)));
    set_string_field(L, "description", govinfo_rule_description(rule));
    set_string_field(L, "description_en", govinfo_rule_description_en(rule));
    lua_newtable(L);
    int k = 0;
    for (size_t f = 0; f < govinfo_format_count(); f++) {
      if (!govinfo_rule_applies_to(rule, govinfo_format_at(f))) continue;
      lua_pushstring(L, govinfo_format_id(govinfo_format_at(f)));
      lua_rawseti(L, -2, ++k);
    }
    lua_setfield(L, -2, "formats");
    lua_rawseti(L, -2, (int)i + 1);
  }
  return 1;
}

/* The ids of the cells of a format ("table3.new_received.total"), in format order. */
static int core_cells(lua_State *L) {
  const govinfo_format *f = govinfo_format_find(check_text(L, 1));
  if (f == NULL) return push_failure(L, GOVINFO_ENOTFOUND);
  lua_newtable(L);
  int k = 0;
  for (size_t t = 0; t < govinfo_format_table_count(f); t++) {
    const govinfo_table *tb = govinfo_format_table_at(f, t);
    for (size_t r = 0; r < govinfo_table_row_count(tb); r++) {
      const govinfo_row *row = govinfo_table_row_at(tb, r);
      if (govinfo_row_role_of(row) == GOVINFO_ROW_HEADING) continue;
      for (size_t c = 0; c < govinfo_table_column_count(tb); c++) {
        lua_pushfstring(L, "%s.%s.%s", govinfo_table_id(tb), govinfo_row_id(row),
                        govinfo_column_id(govinfo_table_column_at(tb, c)));
        lua_rawseti(L, -2, ++k);
      }
    }
  }
  return 1;
}

static const luaL_Reg core_functions[] = {
    {"formats", core_formats},
    {"rules", core_rules},
    {"cells", core_cells},
    {"load", core_load},
    {"loads", core_loads},
    {"template", core_template},
    {"import_text", core_import_text},
    {"import_file", core_import_file},
    {"new", core_new},
    {"compare", core_compare}, /* across reports */
    {"pair", core_pair},
    {"sum", core_sum},
    {"sum_against", core_sum_against},
    {NULL, NULL},
};

/* ---- the blank sentinel ---- */

static int blank_tostring(lua_State *L) {
  lua_pushliteral(L, "govinfo.BLANK");
  return 1;
}

static int blank_newindex(lua_State *L) { return luaL_error(L, "govinfo.BLANK is read-only"); }

/* One sentinel per Lua state, kept when the module is loaded again (busted reloads it). */
static void push_blank_sentinel(lua_State *L) {
  push_blank(L);
  if (!lua_isnil(L, -1)) return;
  lua_pop(L, 1);
  lua_newtable(L);
  lua_createtable(L, 0, 3);
  lua_pushcfunction(L, blank_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushcfunction(L, blank_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, BLANK_KEY);
}

int luaopen_govinfo_core(lua_State *L) {
  luaL_newmetatable(L, REPORT_TYPE);
  luaL_setfuncs(L, report_metamethods, 0);
  luaL_newlib(L, report_methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);

  luaL_newmetatable(L, OWNED_TYPE);
  lua_pushcfunction(L, owned_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);

  luaL_newlib(L, core_functions);
  push_blank_sentinel(L);
  lua_setfield(L, -2, "BLANK");
  lua_pushstring(L, govinfo_version_string());
  lua_setfield(L, -2, "version");
  return 1;
}
