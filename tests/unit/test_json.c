/* JSON reading and writing (lib/json.c), through the public API where it reaches. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* Parses JSON held in an exactly sized heap buffer (no NUL after it), so reads past the end
 * show up under ASan and valgrind. */
static int parse(govinfo_report **out, const char *text) {
  size_t len = strlen(text);
  char *copy = malloc(len ? len : 1);
  cr_assert_not_null(copy);
  memcpy(copy, text, len);
  int rc = govinfo_report_parse(out, copy, len, GOVINFO_SYNTAX_JSON, "doc.json");
  free(copy);
  return rc;
}

static govinfo_report *parse_ok(const char *text) {
  govinfo_report *r = NULL;
  int rc = parse(&r, text);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_eq(rc, GOVINFO_OK, "parse failed: %s (%u:%u %s)", e->message, e->line, e->column,
               e->path);
  cr_assert_not_null(r);
  return r;
}

/* Parses text that must fail with `code`; returns the error details. */
static const govinfo_error *parse_fails(const char *text, int code) {
  govinfo_report *r = (govinfo_report *)&r; /* must be reset to NULL */
  int rc = parse(&r, text);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_eq(rc, code, "expected %s, got %s: %s", govinfo_error_name(code),
               govinfo_error_name(rc), e->message);
  cr_assert_null(r);
  cr_assert_eq(e->code, code);
  cr_assert_str_eq(e->source, "doc.json");
  return e;
}

static void assert_at(const govinfo_error *e, unsigned line, unsigned column) {
  cr_assert_eq(e->line, line, "line %u, expected %u (%s)", e->line, line, e->message);
  cr_assert_eq(e->column, column, "column %u, expected %u (%s)", e->column, column, e->message);
}

static char *serialize(const govinfo_report *r) {
  char *out = NULL;
  size_t len = 0;
  int rc = govinfo_report_serialize(&out, &len, r, GOVINFO_SYNTAX_JSON, 0);
  cr_assert_eq(rc, GOVINFO_OK, "serialize: %s", govinfo_error_last()->message);
  cr_assert_eq(strlen(out), len);
  return out;
}

static char *number_of(const govinfo_report *r, const char *cell) {
  static char buf[GOVINFO_NUMBER_BUFSIZE];
  int rc = govinfo_report_get_number(r, cell, buf, sizeof buf);
  cr_assert_eq(rc, GOVINFO_OK, "%s: %s", cell, govinfo_error_last()->message);
  return buf;
}

static govinfo_cell_state state_of(const govinfo_report *r, const char *cell) {
  govinfo_cell_state st;
  cr_assert_eq(govinfo_report_cell_state(r, cell, &st), GOVINFO_OK);
  return st;
}

/* 1-based line and column of the first occurrence of needle, counted here independently. */
static void position_of(const char *text, const char *needle, unsigned *line, unsigned *column) {
  const char *at = strstr(text, needle);
  cr_assert_not_null(at, "%s not in the document", needle);
  *line = 1;
  const char *line_start = text;
  for (const char *p = text; p < at; p++)
    if (*p == '\n') {
      (*line)++;
      line_start = p + 1;
    }
  *column = (unsigned)(at - line_start) + 1;
}

/* ---- syntax errors ---- */

Test(json, missing_comma_is_reported_where_the_next_key_starts) {
  const govinfo_error *e = parse_fails("{\n"
                                       "  \"format\": \"2021\",\n"
                                       "  \"year\": 2024,\n"
                                       "  \"organ\": \"淮安市人民政府\"\n"
                                       "  \"title\": \"x\"\n"
                                       "}\n",
                                       GOVINFO_EPARSE);
  assert_at(e, 5, 3);
  cr_assert_str_eq(e->message, "malformed JSON: unexpected character '\"' (expected ',' or '}')");
  cr_assert_str_eq(e->path, "/organ");
  cr_assert_eq(e->offset, strlen("{\n  \"format\": \"2021\",\n  \"year\": 2024,\n"
                                 "  \"organ\": \"淮安市人民政府\"\n  "));
}

Test(json, missing_comma_deep_in_the_tables_names_the_cell) {
  const char *doc = "{\"format\": \"2021\", \"tables\": {\"table3\": {\n"
                    "\"new_received\": {\"natural_person\": 1 \"total\": 1}}}}";
  const govinfo_error *e = parse_fails(doc, GOVINFO_EPARSE);
  unsigned line, column;
  position_of(doc, "\"total\"", &line, &column);
  assert_at(e, line, column);
  cr_assert_eq(line, 2);
  cr_assert_str_eq(e->path, "/tables/table3/new_received/natural_person");
}

Test(json, truncated_document_reports_the_end_of_input) {
  const govinfo_error *e = parse_fails("{\"format\": \"2021\",\n\"year\": 2024", GOVINFO_EPARSE);
  assert_at(e, 2, 13);
  cr_assert(strstr(e->message, "end of input"), "%s", e->message);
}

Test(json, empty_and_blank_documents_are_malformed) {
  const govinfo_error *e = parse_fails("", GOVINFO_EPARSE);
  assert_at(e, 1, 1);
  cr_assert(strstr(e->message, "end of input"), "%s", e->message);
  e = parse_fails(" \n\t", GOVINFO_EPARSE);
  assert_at(e, 2, 2);
}

Test(json, trailing_garbage_after_the_document_is_an_error) {
  const govinfo_error *e = parse_fails("{\"format\": \"2021\"}\n\n  x", GOVINFO_EPARSE);
  assert_at(e, 3, 3);
  cr_assert(strstr(e->message, "character 'x'"), "%s", e->message);
  parse_fails("{\"format\": \"2021\"}{}", GOVINFO_EPARSE);
  parse_fails("{\"format\": \"2021\"}]", GOVINFO_EPARSE);
}

Test(json, trailing_whitespace_is_fine) {
  govinfo_report_free(parse_ok("{\"format\": \"2021\"}\r\n \t\n"));
}

Test(json, trailing_commas_are_errors) {
  assert_at(parse_fails("{\"format\": \"2021\",}", GOVINFO_EPARSE), 1, 19);
  const govinfo_error *e = parse_fails(
      "{\"format\": \"2021\", \"sections\": [{\"id\": \"s1\", \"text\": \"\"},]}", GOVINFO_EPARSE);
  cr_assert(strstr(e->message, "character ']'"), "%s", e->message);
}

Test(json, unterminated_string_is_reported_where_it_opens) {
  const govinfo_error *e =
      parse_fails("{\"format\": \"2021\",\n  \"organ\": \"abc}\n", GOVINFO_EPARSE);
  assert_at(e, 2, 12);
  cr_assert(strstr(e->message, "never closed"), "%s", e->message);
}

Test(json, bad_escapes_are_reported_at_the_backslash) {
  const govinfo_error *e =
      parse_fails("{\"format\": \"2021\", \"organ\": \"a\\qb\"}", GOVINFO_EPARSE);
  assert_at(e, 1, 31);
  cr_assert(strstr(e->message, "\\q"), "%s", e->message);
  e = parse_fails("{\"format\": \"2021\", \"tables\": {\"t\\x\": 1}}", GOVINFO_EPARSE);
  cr_assert_str_eq(e->path, "/tables", "the broken key is not part of the pointer");
  parse_fails("{\"format\": \"2021\", \"organ\": \"\\u12G4\"}", GOVINFO_EPARSE);
  parse_fails("{\"format\": \"2021\", \"organ\": \"\\u12\"}", GOVINFO_EPARSE);
}

Test(json, lone_surrogates_are_errors) {
  parse_fails("{\"format\": \"2021\", \"organ\": \"\\ud800\"}", GOVINFO_EPARSE);
  parse_fails("{\"format\": \"2021\", \"organ\": \"\\ud800\\u0041\"}", GOVINFO_EPARSE);
  parse_fails("{\"format\": \"2021\", \"organ\": \"\\udc00\"}", GOVINFO_EPARSE);
}

Test(json, nul_characters_never_cut_a_string_short) {
  const govinfo_error *e =
      parse_fails("{\"format\": \"2021\", \"organ\": \"a\\u0000b\"}", GOVINFO_EPARSE);
  assert_at(e, 1, 31);
  char raw[] = "{\"format\": \"2021\", \"organ\": \"a_b\"}";
  raw[30] = '\0';
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_parse(&r, raw, sizeof raw - 1, GOVINFO_SYNTAX_JSON, "doc.json"),
               GOVINFO_EPARSE);
  assert_at(govinfo_error_last(), 1, 31);
  cr_assert(strstr(govinfo_error_last()->message, "NUL"), "%s", govinfo_error_last()->message);
  raw[30] = '_';
  raw[2] = '\0'; /* inside a key */
  cr_assert_eq(govinfo_report_parse(&r, raw, sizeof raw - 1, GOVINFO_SYNTAX_JSON, "doc.json"),
               GOVINFO_EPARSE);
  assert_at(govinfo_error_last(), 1, 3);
}

Test(json, fullwidth_punctuation_is_shown_in_the_message) {
  const govinfo_error *e = parse_fails("{\"format\"：\"2021\"}", GOVINFO_EPARSE);
  assert_at(e, 1, 10);
  cr_assert(strstr(e->message, "'：'"), "%s", e->message);
}

Test(json, numbers_follow_the_json_grammar) {
  const char *bad[] = {"01", "-", "1.", ".5", "+1", "1e", "1e+", "-a", "0x10", "NaN", "1.2.3"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char doc[128];
    snprintf(doc, sizeof doc, "{\"format\": \"2021\", \"year\": %s}", bad[i]);
    govinfo_report *r = NULL;
    cr_assert_eq(parse(&r, doc), GOVINFO_EPARSE, "%s was accepted", bad[i]);
    cr_assert_eq(govinfo_error_last()->line, 1);
  }
}

Test(json, literals_must_be_spelled_out) {
  parse_fails("{\"format\": \"2021\", \"published\": nul}", GOVINFO_EPARSE);
  parse_fails("{\"format\": \"2021\", \"published\": nullx}", GOVINFO_EPARSE);
  parse_fails("{\"format\": \"2021\", \"published\": None}", GOVINFO_EPARSE);
  parse_fails("{'format': '2021'}", GOVINFO_EPARSE);
}

Test(json, nesting_has_a_limit) {
  char doc[400] = "{\"format\": \"2021\", \"x\": ";
  size_t n = strlen(doc);
  for (int i = 0; i < 100; i++) doc[n++] = '[';
  doc[n] = '\0';
  const govinfo_error *e = parse_fails(doc, GOVINFO_EPARSE);
  cr_assert(strstr(e->message, "nested deeper"), "%s", e->message);
}

Test(json, a_byte_order_mark_is_skipped) {
  govinfo_report *r = parse_ok("\xEF\xBB\xBF{\"format\": \"2019\"}");
  cr_assert_str_eq(govinfo_format_id(govinfo_report_format(r)), "2019");
  govinfo_report_free(r);
}

/* ---- shape errors carry the locations the scanner found ---- */

Test(json, duplicate_key_is_an_error_with_its_line) {
  const govinfo_error *e = parse_fails("{\n  \"format\": \"2021\",\n  \"year\": 2024,\n"
                                       "  \"year\": 2025\n}",
                                       GOVINFO_ESCHEMA);
  assert_at(e, 4, 3);
  cr_assert_str_eq(e->path, "/year");
  cr_assert(strstr(e->message, "line 3"), "%s", e->message);
}

Test(json, unknown_key_is_reported_with_its_pointer) {
  const char *doc =
      "{\"format\": \"2021\",\n \"tables\": {\"table3\": {\"new_received\": {\"nobody\": 1}}}}";
  const govinfo_error *e = parse_fails(doc, GOVINFO_ESCHEMA);
  cr_assert_str_eq(e->path, "/tables/table3/new_received/nobody");
  unsigned line, column;
  position_of(doc, "\"nobody\"", &line, &column);
  assert_at(e, line, column);
}

Test(json, booleans_are_not_cells) {
  const govinfo_error *e = parse_fails(
      "{\"format\": \"2021\", \"tables\": {\"table3\": {\"new_received\": {\"total\": true}}}}",
      GOVINFO_ESCHEMA);
  cr_assert_str_eq(e->path, "/tables/table3/new_received/total");
}

/* ---- exact numbers ---- */

static const char *cell_doc(const char *value) {
  static char doc[256];
  snprintf(doc, sizeof doc,
           "{\"format\": \"2021\",\n \"tables\": {\"table2_art20_8\": {\"admin_fees\": "
           "{\"fee_amount\": %s}}}}",
           value);
  return doc;
}

Test(json, one_tenth_stays_one_tenth) {
  govinfo_report *r = parse_ok(cell_doc("0.1"));
  cr_assert_str_eq(number_of(r, "table2_art20_8.admin_fees.fee_amount"), "0.1");
  govinfo_report_free(r);
  r = parse_ok(cell_doc("96171.60"));
  cr_assert_str_eq(number_of(r, "table2_art20_8.admin_fees.fee_amount"), "96171.60");
  govinfo_report_free(r);
}

Test(json, two_to_the_53_is_accepted_exactly) {
  govinfo_report *r = parse_ok(cell_doc("9007199254740992"));
  int64_t v = 0;
  cr_assert_eq(govinfo_report_get_int(r, "table2_art20_8.admin_fees.fee_amount", &v), 0);
  cr_assert_eq(v, INT64_C(9007199254740992));
  govinfo_report_free(r);
  r = parse_ok(cell_doc("-9007199254740992"));
  cr_assert_str_eq(number_of(r, "table2_art20_8.admin_fees.fee_amount"), "-9007199254740992");
  govinfo_report_free(r);
}

Test(json, one_past_two_to_the_53_is_out_of_range_with_its_place) {
  /* As a double it would silently become 9007199254740992. */
  const govinfo_error *e = parse_fails(cell_doc("9007199254740993"), GOVINFO_ERANGE);
  cr_assert_str_eq(e->path, "/tables/table2_art20_8/admin_fees/fee_amount");
  unsigned line, column;
  position_of(cell_doc("9007199254740993"), "9007199254740993", &line, &column);
  assert_at(e, line, column);
}

Test(json, too_many_decimal_places_is_out_of_range) {
  const govinfo_error *e = parse_fails(cell_doc("0.1234567"), GOVINFO_ERANGE);
  cr_assert_str_eq(e->path, "/tables/table2_art20_8/admin_fees/fee_amount");
}

Test(json, very_long_numbers_are_out_of_range_not_rounded) {
  const govinfo_error *e = parse_fails(
      cell_doc("1234567890123456789012345678901234567890123456789012345678901234567890"),
      GOVINFO_ERANGE);
  cr_assert_str_eq(e->path, "/tables/table2_art20_8/admin_fees/fee_amount");
  cr_assert_eq(e->line, 2);
}

Test(json, exponents_are_rejected) {
  const char *forms[] = {"1e3", "1E3", "1.5e+2", "100e-2"};
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    govinfo_report *r = NULL;
    int rc = parse(&r, cell_doc(forms[i]));
    cr_assert_neq(rc, GOVINFO_OK, "%s was accepted", forms[i]);
    cr_assert_neq(rc, GOVINFO_EPARSE, "%s is valid JSON", forms[i]);
    cr_assert_str_eq(govinfo_error_last()->path, "/tables/table2_art20_8/admin_fees/fee_amount");
  }
}

Test(json, year_is_read_from_its_text_not_a_double) {
  govinfo_report *r = parse_ok("{\"format\": \"2021\", \"year\": 2024}");
  cr_assert_eq(govinfo_report_year(r), 2024);
  govinfo_report_free(r);
  parse_fails("{\"format\": \"2021\", \"year\": 2024.0}", GOVINFO_ESCHEMA);
}

/* ---- text ---- */

Test(json, escapes_are_decoded) {
  govinfo_report *r = parse_ok("{\"format\": \"2021\", \"organ\": \"\\u6dee\\u5b89 "
                               "\\\"q\\\" \\\\ \\/ \\t\\n\\r\\b\\f \\ud83d\\ude00\"}");
  cr_assert_str_eq(govinfo_report_organ(r), "淮安 \"q\" \\ / \t\n\r\b\f 😀");
  govinfo_report_free(r);
}

Test(json, escapes_work_in_keys_and_marks_too) {
  govinfo_report *r = parse_ok("{\"form\\u0061t\": \"2021\", \"tables\": {\"table3\": "
                               "{\"new_received\": {\"total\": \"\\u2014\"}}}}");
  const char *mark = NULL;
  cr_assert_eq(govinfo_report_get_mark(r, "table3.new_received.total", &mark), 0);
  cr_assert_str_eq(mark, "—");
  govinfo_report_free(r);
}

Test(json, errors_inside_lists_name_the_element) {
  const govinfo_error *e = parse_fails("{\"format\": \"2021\", \"sections\": [{\"id\": \"s1\", "
                                       "\"text\": \"\"}, {\"id\": \"s2\" \"text\": \"\"}]}",
                                       GOVINFO_EPARSE);
  cr_assert_str_eq(e->path, "/sections/1/id");
}

Test(json, escaped_quotes_do_not_end_a_string) {
  govinfo_report *r =
      parse_ok("{\"format\": \"2021\", \"organ\": \"a\\\"}b\\\\\", \"title\": \"t\"}");
  cr_assert_str_eq(govinfo_report_organ(r), "a\"}b\\");
  cr_assert_str_eq(govinfo_report_title(r), "t");
  govinfo_report_free(r);
}

Test(json, invalid_utf8_text_is_refused) {
  const govinfo_error *e =
      parse_fails("{\"format\": \"2021\", \"organ\": \"\xC3\x28\"}", GOVINFO_ESCHEMA);
  cr_assert_str_eq(e->path, "/organ");
}

/* 200,000 escapes in one string: a reader quadratic in them would take minutes here. The
 * test reads no clock (bench-govinfo measures speed), so it passes on a loaded machine. */
Test(json, long_text_with_many_escapes_reads_whole) {
  size_t lines = 200000;
  char *doc = malloc(lines * 4 + 128);
  cr_assert_not_null(doc);
  size_t n = (size_t)sprintf(doc, "{\"format\": \"2021\", \"sections\": [{\"id\": \"s1\", "
                                  "\"text\": \"");
  for (size_t i = 0; i < lines; i++) {
    memcpy(doc + n, "a\\n", 3);
    n += 3;
  }
  n += (size_t)sprintf(doc + n, "\"}]}");
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_parse(&r, doc, n, GOVINFO_SYNTAX_JSON, NULL), GOVINFO_OK, "%s",
               govinfo_error_last()->message);
  cr_assert_eq(strlen(govinfo_report_section_text(r, "s1")), lines * 2);
  govinfo_report_free(r);
  free(doc);
}

/* ---- cells and locations ---- */

static const char *four_kinds = "{\n"
                                "\t\"format\":\t\"2021\",\n"
                                "\t\"tables\":\t{\n"
                                "\t\t\"table3\":\t{\n"
                                "\t\t\t\"new_received\":\t{\n"
                                "\t\t\t\t\"natural_person\":\t12,\n"
                                "\t\t\t\t\"commercial\":\tnull,\n"
                                "\t\t\t\t\"research\":\t\"/\"\n"
                                "\t\t\t}\n"
                                "\t\t}\n"
                                "\t}\n"
                                "}\n";

Test(json, number_blank_mark_and_absent_are_distinct) {
  govinfo_report *r = parse_ok(four_kinds);
  cr_assert_eq(state_of(r, "table3.new_received.natural_person"), GOVINFO_CELL_NUMBER);
  cr_assert_eq(state_of(r, "table3.new_received.commercial"), GOVINFO_CELL_BLANK);
  cr_assert_eq(state_of(r, "table3.new_received.research"), GOVINFO_CELL_MARK);
  cr_assert_eq(state_of(r, "table3.new_received.public_interest"), GOVINFO_CELL_ABSENT);
  const char *mark = NULL;
  cr_assert_eq(govinfo_report_get_mark(r, "table3.new_received.research", &mark), 0);
  cr_assert_str_eq(mark, "/");

  char *once = serialize(r);
  govinfo_report *again = parse_ok(once);
  cr_assert(govinfo_report_equal(r, again));
  cr_assert_eq(state_of(again, "table3.new_received.commercial"), GOVINFO_CELL_BLANK);
  cr_assert_eq(state_of(again, "table3.new_received.research"), GOVINFO_CELL_MARK);
  cr_assert_eq(state_of(again, "table3.new_received.public_interest"), GOVINFO_CELL_ABSENT);
  cr_assert_str_eq(number_of(again, "table3.new_received.natural_person"), "12");
  govinfo_report_free(again);
  free(once);
  govinfo_report_free(r);
}

Test(json, cells_remember_where_their_value_is) {
  govinfo_report *r = parse_ok(four_kinds);
  const char *cells[] = {"natural_person", "commercial", "research"};
  const char *values[] = {"12,", "null,", "\"/\""};
  for (size_t i = 0; i < 3; i++) {
    char id[64];
    snprintf(id, sizeof id, "table3.new_received.%s", cells[i]);
    size_t t, row, c;
    cr_assert_eq(gi_cell_resolve(govinfo_report_format(r), id, &t, &row, &c), 0);
    const gi_cell *cell = gi_report_cell(r, t, row, c);
    unsigned line, column;
    position_of(four_kinds, values[i], &line, &column);
    cr_assert_eq(cell->loc.line, line, "%s on line %u, not %u", id, cell->loc.line, line);
    cr_assert_eq(cell->loc.column, column, "%s at column %u, not %u", id, cell->loc.column, column);
  }
  govinfo_report_free(r);
}

Test(json, locations_count_lines_inside_multiline_strings) {
  /* cJSON accepts raw newlines in strings; the line count must still be right after them. */
  const char *doc = "{\"format\": \"2021\", \"organ\": \"a\nb\nc\",\n\"year\": x}";
  const govinfo_error *e = parse_fails(doc, GOVINFO_EPARSE);
  assert_at(e, 4, 9);
}

/* ---- writing ---- */

static govinfo_report *sample_report(void) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new(&r, "2021"), 0);
  cr_assert_eq(govinfo_report_set_year(r, 2024), 0);
  cr_assert_eq(govinfo_report_set_organ(r, "淮安市人民政府"), 0);
  cr_assert_eq(govinfo_report_set_division_code(r, "320800"), 0);
  cr_assert_eq(govinfo_report_set_section(r, "s2", NULL, "第二段\n\t\"引号\"\\"), 0);
  cr_assert_eq(govinfo_report_set_section(r, "s1", "一、总体情况", "第一段"), 0);
  cr_assert_eq(govinfo_report_set_int(r, "table3.new_received.total", 3001), 0);
  cr_assert_eq(govinfo_report_set_blank(r, "table3.new_received.commercial"), 0);
  cr_assert_eq(govinfo_report_set_mark(r, "table3.new_received.research", "—"), 0);
  cr_assert_eq(govinfo_report_set_number(r, "table2_art20_8.admin_fees.fee_amount", "7730.280"), 0);
  cr_assert_eq(govinfo_report_set_int(r, "table4.review.upheld", 0), 0);
  return r;
}

Test(json, canonical_output_is_exactly_this) {
  govinfo_report *r = sample_report();
  char *out = serialize(r);
  cr_assert_str_eq(out, "{\n"
                        "\t\"format\":\t\"2021\",\n"
                        "\t\"year\":\t2024,\n"
                        "\t\"organ\":\t\"淮安市人民政府\",\n"
                        "\t\"division_code\":\t\"320800\",\n"
                        "\t\"sections\":\t[{\n"
                        "\t\t\t\"id\":\t\"s2\",\n"
                        "\t\t\t\"title\":\t\"二、主动公开政府信息情况\",\n"
                        "\t\t\t\"text\":\t\"第二段\\n\\t\\\"引号\\\"\\\\\"\n"
                        "\t\t}, {\n"
                        "\t\t\t\"id\":\t\"s1\",\n"
                        "\t\t\t\"title\":\t\"一、总体情况\",\n"
                        "\t\t\t\"text\":\t\"第一段\"\n"
                        "\t\t}],\n"
                        "\t\"tables\":\t{\n"
                        "\t\t\"table2_art20_8\":\t{\n"
                        "\t\t\t\"admin_fees\":\t{\n"
                        "\t\t\t\t\"fee_amount\":\t7730.280\n"
                        "\t\t\t}\n"
                        "\t\t},\n"
                        "\t\t\"table3\":\t{\n"
                        "\t\t\t\"new_received\":\t{\n"
                        "\t\t\t\t\"commercial\":\tnull,\n"
                        "\t\t\t\t\"research\":\t\"—\",\n"
                        "\t\t\t\t\"total\":\t3001\n"
                        "\t\t\t}\n"
                        "\t\t},\n"
                        "\t\t\"table4\":\t{\n"
                        "\t\t\t\"review\":\t{\n"
                        "\t\t\t\t\"upheld\":\t0\n"
                        "\t\t\t}\n"
                        "\t\t}\n"
                        "\t}\n"
                        "}\n");
  free(out);
  govinfo_report_free(r);
}

Test(json, empty_report_still_has_sections_and_tables) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new(&r, "2019"), 0);
  char *out = serialize(r);
  cr_assert_str_eq(out,
                   "{\n\t\"format\":\t\"2019\",\n\t\"sections\":\t[],\n\t\"tables\":\t{\n\t}\n}\n");
  govinfo_report *again = parse_ok(out);
  cr_assert(govinfo_report_equal(r, again));
  govinfo_report_free(again);
  free(out);
  govinfo_report_free(r);
}

Test(json, unset_metadata_is_left_out) {
  govinfo_report *r = sample_report();
  char *out = serialize(r);
  cr_assert_null(strstr(out, "\"published\""));
  cr_assert_null(strstr(out, "\"title\":\t\"淮安")); /* report title unset */
  cr_assert_null(strstr(out, "\"source\""));
  free(out);
  cr_assert_eq(govinfo_report_set_published(r, "2025-01-20"), 0);
  cr_assert_eq(govinfo_report_set_year(r, 0), 0);
  out = serialize(r);
  cr_assert_not_null(strstr(out, "\t\"published\":\t\"2025-01-20\",\n"));
  cr_assert_null(strstr(out, "\"year\""));
  free(out);
  govinfo_report_free(r);
}

Test(json, serialize_parse_serialize_is_byte_identical) {
  govinfo_report *r = sample_report();
  cr_assert_eq(govinfo_report_set_title(r, "标题"), 0);
  cr_assert_eq(govinfo_report_set_published(r, "2025-01-20"), 0);
  cr_assert_eq(govinfo_report_set_source(r, "https://example.invalid/a?b=1&c=\"2\""), 0);
  char *first = serialize(r);
  govinfo_report *again = parse_ok(first);
  cr_assert(govinfo_report_equal(r, again));
  char *second = serialize(again);
  cr_assert_str_eq(first, second);
  free(first);
  free(second);
  govinfo_report_free(again);
  govinfo_report_free(r);
}

Test(json, key_order_in_the_input_does_not_matter) {
  const char *shuffled =
      "{\"tables\": {\"table4\": {\"review\": {\"total\": 2, \"upheld\": 1}},"
      " \"table3\": {\"result_total\": {\"total\": 5}, \"new_received\": {\"total\": 5,"
      " \"natural_person\": 5}}},"
      " \"sections\": [{\"text\": \"t\", \"id\": \"s1\"}],"
      " \"source\": \"x.pdf\", \"organ\": \"o\", \"year\": 2024, \"format\": \"2021\"}";
  const char *ordered =
      "{\"format\": \"2021\", \"year\": 2024, \"organ\": \"o\", \"source\": \"x.pdf\","
      " \"sections\": [{\"id\": \"s1\", \"text\": \"t\"}],"
      " \"tables\": {\"table3\": {\"new_received\": {\"natural_person\": 5, \"total\": 5},"
      " \"result_total\": {\"total\": 5}},"
      " \"table4\": {\"review\": {\"upheld\": 1, \"total\": 2}}}}";
  govinfo_report *a = parse_ok(shuffled), *b = parse_ok(ordered);
  char *x = serialize(a), *y = serialize(b);
  cr_assert_str_eq(x, y);
  /* and canonical: format first, tables in format order */
  cr_assert_eq(strncmp(x, "{\n\t\"format\":", 12), 0);
  cr_assert_lt(strstr(x, "\"table3\""), strstr(x, "\"table4\""));
  cr_assert_lt(strstr(x, "\"natural_person\""), strstr(x, "\"total\""));
  free(x);
  free(y);
  govinfo_report_free(a);
  govinfo_report_free(b);
}

Test(json, filled_in_templates_of_every_format_survive_a_round_trip) {
  for (size_t i = 0; i < govinfo_format_count(); i++) {
    const char *format = govinfo_format_id(govinfo_format_at(i));
    govinfo_report *r = NULL;
    int year = govinfo_format_first_year(govinfo_format_at(i)); /* a year the format covers */
    cr_assert_eq(govinfo_report_new_template(&r, format, year, "某某人民政府"), 0);
    char *first = serialize(r);
    govinfo_report *again = parse_ok(first);
    cr_assert(govinfo_report_equal(r, again), "format %s", format);
    char *second = serialize(again);
    cr_assert_str_eq(first, second);
    free(first);
    free(second);
    govinfo_report_free(again);
    govinfo_report_free(r);
  }
}

Test(json, length_is_optional_when_serializing) {
  govinfo_report *r = sample_report();
  char *out = NULL;
  cr_assert_eq(govinfo_report_serialize(&out, NULL, r, GOVINFO_SYNTAX_JSON, 0), 0);
  cr_assert_eq(out[strlen(out) - 1], '\n');
  govinfo_free(out);
  govinfo_report_free(r);
}

static void assert_schema_error(const char *doc, const char *path, const char *needle) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_parse(&r, doc, strlen(doc), GOVINFO_SYNTAX_JSON, "t.json"),
               GOVINFO_ESCHEMA);
  cr_assert_str_eq(govinfo_error_last()->path, path);
  cr_assert(strstr(govinfo_error_last()->message, needle), "%s", govinfo_error_last()->message);
}

Test(json, a_misspelt_id_suggests_the_closest_one) {
  assert_schema_error("{\"format\": \"2021\", \"tables\": {\"table3\": {\"new_recieved\": {}}}}",
                      "/tables/table3/new_recieved", "did you mean \"new_received\"?");
  assert_schema_error("{\"format\": \"2021\", \"tables\": {\"tabel3\": {}}}", "/tables/tabel3",
                      "did you mean \"table3\"?");
  assert_schema_error("{\"format\": \"2019\", \"orgn\": \"x\"}", "/orgn",
                      "did you mean \"organ\"?");
}

Test(json, an_unknown_id_far_from_any_lists_them_all) {
  assert_schema_error(
      "{\"format\": \"2021\", \"tables\": {\"table3\": {\"granted\": {\"xyz\": 1}}}}",
      "/tables/table3/granted/xyz",
      "expected one of: natural_person, commercial, research, public_interest, "
      "legal_service, other_org, total");
  assert_schema_error("{\"format\": \"2021\", \"zzz\": 1}", "/zzz",
                      "expected one of: format, year, organ, title, published, division_code, "
                      "source, source_sha256, preface, sections, tables");
}

Test(json, the_preface_is_kept_whole_and_in_canonical_place) {
  const char *doc =
      "{\"sections\": [], \"preface\": \"本报告……\\n统计期限自2024年1月1日至2024年12月31日。\","
      " \"format\": \"2021\"}";
  govinfo_report *r = parse_ok(doc);
  cr_assert_str_eq(govinfo_report_preface(r), "本报告……\n统计期限自2024年1月1日至2024年12月31日。");
  char *out = NULL;
  cr_assert_eq(govinfo_report_serialize(&out, NULL, r, GOVINFO_SYNTAX_JSON, 0), 0);
  cr_assert(strstr(out, "\"preface\":") < strstr(out, "\"sections\":"));
  govinfo_free(out);
  govinfo_report_free(r);
}
