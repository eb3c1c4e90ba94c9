/* The JSON reader is our own scanner (cJSON keeps neither positions nor exact numbers), so
 * this suite holds it to cJSON on thousands of mutated reports: whatever cJSON rejects, we
 * reject; whatever we accept, cJSON reads the same strings, numbers and nulls from. */
#include <cjson/cJSON.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static char *canonical_json(const char *relative, size_t *len) {
  govinfo_report *r = test_load(relative);
  char *json = NULL;
  cr_assert_eq(govinfo_report_serialize(&json, len, r, GOVINFO_SYNTAX_JSON, 0), 0);
  govinfo_report_free(r);
  return json;
}

/* One random edit of doc (a NUL-terminated copy of len bytes) into out; returns its length. */
static size_t mutate(const char *doc, size_t len, char *out) {
  static const char pieces[][8] = {"{",    "}",    "[",       "]",       ",",    ":",    "\"",
                                   "\\",   "0",    "-",       "1.5",     "e5",   " ",    "\n",
                                   "null", "true", "\\u00e9", "\\ud800", "\x01", "\xff", "\xe4\xb8",
                                   "01",   ".",    "\\n",     "/"};
  size_t at = test_random_below(len), n;
  switch (test_random_below(4)) {
  case 0: /* delete a few bytes */
    n = 1 + test_random_below(4);
    if (at + n > len) n = len - at;
    memcpy(out, doc, at);
    memcpy(out + at, doc + at + n, len - at - n);
    len -= n;
    break;
  case 1: /* insert a piece */
  case 2: {
    const char *p = pieces[test_random_below(sizeof pieces / sizeof pieces[0])];
    n = strlen(p);
    memcpy(out, doc, at);
    memcpy(out + at, p, n);
    memcpy(out + at + n, doc + at, len - at);
    len += n;
    break;
  }
  default: /* replace one byte */
    memcpy(out, doc, len);
    out[at] = pieces[test_random_below(sizeof pieces / sizeof pieces[0])][0];
  }
  out[len] = '\0';
  return len;
}

static const cJSON *member(const cJSON *o, const char *key) {
  return cJSON_GetObjectItemCaseSensitive(o, key);
}

/* Every string, number and null the report holds is what cJSON reads at the same place. */
static void assert_same_as_cjson(const govinfo_report *r, const cJSON *root) {
  const char *organ = govinfo_report_organ(r);
  const cJSON *j = member(root, "organ");
  cr_assert_eq(organ != NULL, cJSON_IsString(j));
  if (organ) cr_assert_str_eq(organ, j->valuestring);
  const cJSON *sections = member(root, "sections");
  cr_assert_eq((size_t)cJSON_GetArraySize(sections), govinfo_report_section_count(r));
  for (size_t i = 0; i < govinfo_report_section_count(r); i++) {
    const cJSON *s = cJSON_GetArrayItem(sections, (int)i);
    cr_assert_str_eq(govinfo_report_section_text_at(r, i), member(s, "text")->valuestring);
  }
  const govinfo_format *f = govinfo_report_format(r);
  for (size_t t = 0; t < govinfo_format_table_count(f); t++) {
    const govinfo_table *tb = govinfo_format_table_at(f, t);
    for (size_t row = 0; row < govinfo_table_row_count(tb); row++) {
      if (govinfo_row_role_of(govinfo_table_row_at(tb, row)) == GOVINFO_ROW_HEADING) continue;
      for (size_t c = 0; c < govinfo_table_column_count(tb); c++) {
        const govinfo_row *rw = govinfo_table_row_at(tb, row);
        const govinfo_column *col = govinfo_table_column_at(tb, c);
        char id[160];
        snprintf(id, sizeof id, "%s.%s.%s", govinfo_table_id(tb), govinfo_row_id(rw),
                 govinfo_column_id(col));
        const cJSON *cell =
            member(member(member(member(root, "tables"), govinfo_table_id(tb)), govinfo_row_id(rw)),
                   govinfo_column_id(col));
        govinfo_cell_state state;
        cr_assert_eq(govinfo_report_cell_state(r, id, &state), 0);
        char number[GOVINFO_NUMBER_BUFSIZE];
        const char *mark;
        switch (state) {
        case GOVINFO_CELL_ABSENT:
          cr_assert_null(cell, "%s", id);
          break;
        case GOVINFO_CELL_BLANK:
          cr_assert(cJSON_IsNull(cell), "%s", id);
          break;
        case GOVINFO_CELL_MARK:
          govinfo_report_get_mark(r, id, &mark);
          cr_assert(cJSON_IsString(cell) && strcmp(cell->valuestring, mark) == 0, "%s", id);
          break;
        case GOVINFO_CELL_NUMBER:
          govinfo_report_get_number(r, id, number, sizeof number);
          cr_assert(cJSON_IsNumber(cell) && cell->valuedouble == strtod(number, NULL), "%s: %s", id,
                    number);
          break;
        }
      }
    }
  }
}

/* cJSON_Parse of the whole text. (cJSON 1.7.15's require_null_terminated rejects trailing
 * whitespace, so the rest is checked here.) */
static cJSON *parse_whole(const char *text, size_t len) {
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
  while (root && end < text + len && strchr(" \t\r\n", *end) && *end) end++;
  if (root && end != text + len) {
    cJSON_Delete(root);
    root = NULL;
  }
  return root;
}

static void fuzz_against_cjson(const char *relative, uint64_t seed, int rounds) {
  size_t len;
  char *doc = canonical_json(relative, &len);
  char *edited = malloc(len + 64);
  test_random_seed(seed);
  int accepted = 0, rejected = 0;
  for (int i = 0; i < rounds; i++) {
    size_t n = mutate(doc, len, edited);
    cJSON *theirs = parse_whole(edited, n);
    govinfo_report *ours = NULL;
    int rc = govinfo_report_parse(&ours, edited, n, GOVINFO_SYNTAX_JSON, "fuzz.json");
    if (theirs == NULL)
      cr_assert_neq(rc, 0, "round %d: cJSON rejects it but we accepted:\n%s", i, edited);
    if (rc == 0) {
      cr_assert_not_null(theirs, "round %d", i);
      assert_same_as_cjson(ours, theirs);
      accepted++;
    } else {
      cr_assert(rc == GOVINFO_EPARSE || rc == GOVINFO_ESCHEMA || rc == GOVINFO_ERANGE,
                "round %d: unexpected %s", i, govinfo_error_name(rc));
      cr_assert_gt(govinfo_error_last()->line, 0, "round %d: an error without a line", i);
      rejected++;
    }
    govinfo_report_free(ours);
    cJSON_Delete(theirs);
  }
  cr_assert_gt(accepted, rounds / 20, "the mutations should leave some documents valid");
  cr_assert_gt(rejected, rounds / 20);
  free(edited);
  govinfo_free(doc);
}

Test(json_vs_cjson, mutated_2019_reports_never_read_differently) {
  fuzz_against_cjson("examples/reports/suibin-2020.yaml", 0x9E3779B97F4A7C15u, 3000);
}

Test(json_vs_cjson, mutated_2021_reports_never_read_differently) {
  fuzz_against_cjson("examples/reports/huaian-2024.yaml", 0xD1B54A32D192ED03u, 3000);
}

Test(json_vs_cjson, escapes_decode_as_cjson_decodes_them) {
  const char *doc = "{\"format\": \"2021\", \"organ\": \"A\\u00e9\\ud83d\\ude00\\t\\\"\\\\\\/\\b\\f"
                    "\\n\\r\\u4e2d\", \"sections\": [{\"id\": \"s1\", \"text\": \"x\\u0041\"}]}";
  cJSON *theirs = cJSON_Parse(doc);
  govinfo_report *ours = NULL;
  cr_assert_eq(govinfo_report_parse(&ours, doc, strlen(doc), GOVINFO_SYNTAX_JSON, NULL), 0);
  assert_same_as_cjson(ours, theirs);
  govinfo_report_free(ours);
  cJSON_Delete(theirs);
}
