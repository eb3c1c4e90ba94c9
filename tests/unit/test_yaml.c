/* YAML reading (lib/yaml_read.c) and writing (lib/yaml_write.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"

/* Byte order marks: a separate literal, so that no hex escape runs into the next letter. */
#define UTF8_BOM "\xEF\xBB\xBF"
#define UTF16LE_BOM "\xFF\xFE"

/* ---- helpers ---- */

static govinfo_report *parse_ok(const char *text) {
  govinfo_report *r = NULL;
  int rc = gi_yaml_parse(&r, text, strlen(text), "t.yaml");
  const govinfo_error *e = govinfo_error_last();
  cr_assert_eq(rc, GOVINFO_OK, "parse failed: %s (%u:%u %s)\n%s", e->message, e->line, e->column,
               e->path, text);
  cr_assert_not_null(r);
  return r;
}

/* Parses text that must fail with `code`; returns the error details. */
static const govinfo_error *parse_fails(const char *text, size_t len, int code) {
  govinfo_report *r = (govinfo_report *)&r;
  int rc = gi_yaml_parse(&r, text, len, "t.yaml");
  const govinfo_error *e = govinfo_error_last();
  cr_assert_eq(rc, code, "expected %s, got %s: %s", govinfo_error_name(code),
               govinfo_error_name(rc), e->message);
  cr_assert_null(r);
  cr_assert_eq(e->code, code);
  cr_assert_str_eq(e->source, "t.yaml");
  return e;
}

static const govinfo_error *parse_fails_str(const char *text, int code) {
  return parse_fails(text, strlen(text), code);
}

/* Asserts the error sits at the `nth` (0-based) occurrence of `needle` in `text`: line,
 * 1-based byte column and byte offset counted here from the text itself. */
static void assert_error_at(const govinfo_error *e, const char *text, const char *needle, int nth) {
  const char *at = strstr(text, needle);
  for (int k = 0; at && k < nth; k++) at = strstr(at + 1, needle);
  cr_assert_not_null(at, "\"%s\" not in the text", needle);
  unsigned line = 1;
  const char *line_start = strncmp(text, UTF8_BOM, 3) == 0 ? text + 3 : text;
  for (const char *p = text; p < at; p++)
    if (*p == '\n') {
      line++;
      line_start = p + 1;
    }
  cr_assert_eq(e->offset, (size_t)(at - text), "offset %zu, expected %zu (%s)", e->offset,
               (size_t)(at - text), e->message);
  cr_assert_eq(e->line, line, "line %u, expected %u (%s)", e->line, line, e->message);
  cr_assert_eq(e->column, (unsigned)(at - line_start + 1), "column %u, expected %u (%s)", e->column,
               (unsigned)(at - line_start + 1), e->message);
}

static char *write_ok(const govinfo_report *r, unsigned flags) {
  char *out = NULL;
  size_t len = 0;
  int rc = gi_yaml_write(&out, &len, r, flags);
  cr_assert_eq(rc, GOVINFO_OK, "write failed: %s", govinfo_error_last()->message);
  cr_assert_not_null(out);
  cr_assert_eq(len, strlen(out));
  cr_assert(len > 0 && out[len - 1] == '\n', "output does not end with a newline");
  return out;
}

static govinfo_report *new_report(const char *format) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new(&r, format), GOVINFO_OK);
  return r;
}

/* write -> parse gives an equal report, and writing that again gives the same bytes. */
static void assert_round_trip(const govinfo_report *r, unsigned flags) {
  char *first = write_ok(r, flags);
  govinfo_report *back = parse_ok(first);
  cr_assert(govinfo_report_equal(r, back), "the report read back differs:\n%s", first);
  char *second = write_ok(back, flags);
  cr_assert_str_eq(second, first);
  free(second);
  govinfo_report_free(back);
  free(first);
}

static void set_cell_int(govinfo_report *r, const char *id, int64_t v) {
  cr_assert_eq(govinfo_report_set_int(r, id, v), GOVINFO_OK, "%s", id);
}

static govinfo_cell_state state_of(const govinfo_report *r, const char *id) {
  govinfo_cell_state s = GOVINFO_CELL_ABSENT;
  cr_assert_eq(govinfo_report_cell_state(r, id, &s), GOVINFO_OK, "%s", id);
  return s;
}

/* ---- PyYAML reads what we write ----
 * The report is flattened here into "pointer TAB kind TAB value" lines straight from the
 * model; a Python script flattens what PyYAML loads from our output the same way and the
 * two sets must be equal. Strings travel as hex, numbers as exact decimal text. One Python
 * run checks a whole batch of documents (python3 takes seconds to start under valgrind); it
 * exits with the number of the first document that differs, counting from 1. */

static const char pyyaml_check[] =
    "import decimal, sys, yaml\n"
    "class Loader(yaml.SafeLoader): pass\n"
    "Loader.add_constructor('tag:yaml.org,2002:float',\n"
    "    lambda l, n: decimal.Decimal(l.construct_scalar(n)))\n"
    "def seg(k): return str(k).replace('~', '~0').replace('/', '~1')\n"
    "def walk(p, v):\n"
    "    if isinstance(v, dict):\n"
    "        if not v: out.append(p + '\\tmap\\t')\n"
    "        for k, x in v.items():\n"
    "            if not isinstance(k, str): out.append(p + '\\tbadkey\\t' + repr(k))\n"
    "            walk(p + '/' + seg(k), x)\n"
    "    elif isinstance(v, list):\n"
    "        if not v: out.append(p + '\\tlist\\t')\n"
    "        for i, x in enumerate(v): walk(p + '/' + str(i), x)\n"
    "    elif v is None: out.append(p + '\\tz\\t')\n"
    "    elif isinstance(v, bool): out.append(p + '\\tbool\\t' + str(v))\n"
    "    elif isinstance(v, (int, decimal.Decimal)): out.append(p + '\\tn\\t' + str(v))\n"
    "    elif isinstance(v, str): out.append(p + '\\ts\\t' + v.encode('utf-8').hex())\n"
    "    else: out.append(p + '\\tother\\t' + repr(v))\n"
    "first_bad = 0\n"
    "for i in range(1, len(sys.argv), 2):\n"
    "    doc = yaml.load(open(sys.argv[i], 'rb'), Loader=Loader)\n"
    "    out = []\n"
    "    walk('', doc)\n"
    "    want = [l for l in open(sys.argv[i + 1], encoding='utf-8').read().split('\\n') if l]\n"
    "    if sorted(out) != sorted(want):\n"
    "        sys.stderr.write(f'document {i // 2 + 1}: PyYAML read other values:\\n  ' +\n"
    "            '\\n  '.join(sorted(set(out) ^ set(want))) + '\\n')\n"
    "        first_bad = first_bad or i // 2 + 1\n"
    "sys.exit(first_bad)\n";

static void leaf(FILE *f, const char *pointer, const char *kind, const char *value) {
  fprintf(f, "%s\t%s\t", pointer, kind);
  if (strcmp(kind, "s") == 0)
    for (const unsigned char *p = (const unsigned char *)value; *p; p++) fprintf(f, "%02x", *p);
  else fputs(value, f);
  fputc('\n', f);
}

static void flatten(FILE *f, const govinfo_report *r) {
  char pointer[256], number[GOVINFO_NUMBER_BUFSIZE];
  leaf(f, "/format", "s", r->format->id);
  if (r->year) {
    snprintf(number, sizeof number, "%d", r->year);
    leaf(f, "/year", "n", number);
  }
  for (int m = 0; m < GI_META_COUNT_; m++) {
    if (r->meta[m] == NULL) continue;
    snprintf(pointer, sizeof pointer, "/%s", gi_meta_defs[m].key);
    leaf(f, pointer, "s", r->meta[m]);
  }
  if (r->nsections == 0) leaf(f, "/sections", "list", "");
  for (size_t i = 0; i < r->nsections; i++) {
    snprintf(pointer, sizeof pointer, "/sections/%zu/id", i);
    leaf(f, pointer, "s", r->format->sections[r->sections[i].def].id);
    snprintf(pointer, sizeof pointer, "/sections/%zu/title", i);
    leaf(f, pointer, "s", r->sections[i].title);
    snprintf(pointer, sizeof pointer, "/sections/%zu/text", i);
    leaf(f, pointer, "s", r->sections[i].text);
  }
  bool any = false;
  for (size_t t = 0; t < r->format->ntables; t++) {
    const struct govinfo_table *tb = &r->format->tables[t];
    for (size_t row = 0; row < tb->nrows; row++)
      for (size_t c = 0; c < tb->ncolumns; c++) {
        const gi_cell *cell = gi_report_cell(r, t, row, c);
        if (cell->state == GOVINFO_CELL_ABSENT) continue;
        any = true;
        gi_cell_pointer(r->format, t, row, c, pointer, sizeof pointer);
        if (cell->state == GOVINFO_CELL_BLANK) {
          leaf(f, pointer, "z", "");
        } else if (cell->state == GOVINFO_CELL_MARK) {
          leaf(f, pointer, "s", cell->mark);
        } else {
          gi_decimal_format(&cell->number, number);
          leaf(f, pointer, "n", number);
        }
      }
  }
  if (!any) leaf(f, "/tables", "map", "");
}

static void temp_file(char *path, const char *data, size_t len) {
  strcpy(path, "/tmp/govinfo_test_yaml_XXXXXX");
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  FILE *f = fdopen(fd, "wb");
  cr_assert_not_null(f);
  cr_assert_eq(fwrite(data, 1, len, f), len);
  fclose(f);
}

/* Documents written for PyYAML to read back, checked together by pyyaml_check_batch. */
enum { PYYAML_BATCH_MAX = 32 };
typedef struct pyyaml_batch {
  size_t n;
  char *yaml[PYYAML_BATCH_MAX]; /* as written, for the failure message */
  char yaml_path[PYYAML_BATCH_MAX][64], want_path[PYYAML_BATCH_MAX][64];
} pyyaml_batch;

/* Writes r (with flags) and its flattened model to temporary files of the batch. */
static void pyyaml_add(pyyaml_batch *b, const govinfo_report *r, unsigned flags) {
  cr_assert_lt(b->n, PYYAML_BATCH_MAX);
  char *yaml = write_ok(r, flags);
  temp_file(b->yaml_path[b->n], yaml, strlen(yaml));
  strcpy(b->want_path[b->n], "/tmp/govinfo_test_want_XXXXXX");
  int fd = mkstemp(b->want_path[b->n]);
  cr_assert(fd >= 0);
  FILE *want = fdopen(fd, "w");
  cr_assert_not_null(want);
  flatten(want, r);
  /* with labels (a template), a missing title and date are written as null lines to fill in */
  if ((flags & GOVINFO_WRITE_LABELS) && govinfo_report_title(r) == NULL)
    leaf(want, "/title", "z", "");
  if ((flags & GOVINFO_WRITE_LABELS) && govinfo_report_published(r) == NULL)
    leaf(want, "/published", "z", "");
  fclose(want);
  b->yaml[b->n++] = yaml;
}

/* One Python run over the whole batch; removes its files. */
static void pyyaml_check_batch(pyyaml_batch *b) {
  char cmd[64 + PYYAML_BATCH_MAX * 2 * 64] = "/usr/bin/python3 -";
  for (size_t i = 0; i < b->n; i++) {
    strcat(strcat(cmd, " "), b->yaml_path[i]);
    strcat(strcat(cmd, " "), b->want_path[i]);
  }
  FILE *py = popen(cmd, "w");
  cr_assert_not_null(py);
  fputs(pyyaml_check, py);
  int status = pclose(py);
  for (size_t i = 0; i < b->n; i++) {
    unlink(b->yaml_path[i]);
    unlink(b->want_path[i]);
  }
  size_t bad = WIFEXITED(status) ? (size_t)WEXITSTATUS(status) : 0;
  cr_assert(WIFEXITED(status), "PyYAML's check did not run (status %d)", status);
  cr_assert_eq(bad, 0, "PyYAML disagrees on document %zu of %zu:\n%s", bad, b->n,
               bad >= 1 && bad <= b->n ? b->yaml[bad - 1] : "?");
  for (size_t i = 0; i < b->n; i++) free(b->yaml[i]);
  b->n = 0;
}

static void assert_pyyaml_reads_same(const govinfo_report *r, unsigned flags) {
  pyyaml_batch b = {0};
  pyyaml_add(&b, r, flags);
  pyyaml_check_batch(&b);
}

/* ---- reading: values ---- */

Test(yaml, reads_metadata_sections_and_every_kind_of_cell) {
  govinfo_report *r = parse_ok("format: \"2021\"\n"
                               "year: 2024\n"
                               "organ: 淮安市人民政府\n"
                               "published: '2025-01-20'\n"
                               "sections:\n"
                               "  - id: s1\n"
                               "    text: |-\n"
                               "      第一段\n"
                               "      第二段\n"
                               "tables:\n"
                               "  table3:\n"
                               "    new_received:\n"
                               "      natural_person: 3001\n"
                               "      commercial: null\n"
                               "      research: ~\n"
                               "      public_interest:\n"
                               "      legal_service: \"/\"\n"
                               "      other_org: —\n"
                               "  table2_art20_8:\n"
                               "    admin_fees: {fee_amount: 96171.60}\n");
  cr_assert_eq(govinfo_report_year(r), 2024);
  cr_assert_str_eq(govinfo_report_organ(r), "淮安市人民政府");
  cr_assert_str_eq(govinfo_report_published(r), "2025-01-20");
  cr_assert_str_eq(govinfo_report_section_text(r, "s1"), "第一段\n第二段");
  int64_t v = 0;
  cr_assert_eq(govinfo_report_get_int(r, "table3.new_received.natural_person", &v), 0);
  cr_assert_eq(v, 3001);
  cr_assert_eq(state_of(r, "table3.new_received.commercial"), GOVINFO_CELL_BLANK);
  cr_assert_eq(state_of(r, "table3.new_received.research"), GOVINFO_CELL_BLANK);
  cr_assert_eq(state_of(r, "table3.new_received.public_interest"), GOVINFO_CELL_BLANK);
  cr_assert_eq(state_of(r, "table3.new_received.total"), GOVINFO_CELL_ABSENT);
  const char *mark = NULL;
  cr_assert_eq(govinfo_report_get_mark(r, "table3.new_received.legal_service", &mark), 0);
  cr_assert_str_eq(mark, "/");
  cr_assert_eq(govinfo_report_get_mark(r, "table3.new_received.other_org", &mark), 0);
  cr_assert_str_eq(mark, "—");
  char number[GOVINFO_NUMBER_BUFSIZE];
  cr_assert_eq(
      govinfo_report_get_number(r, "table2_art20_8.admin_fees.fee_amount", number, sizeof number),
      0);
  cr_assert_str_eq(number, "96171.60");
  govinfo_report_free(r);
}

Test(yaml, quoted_and_block_scalars_are_text_but_plain_ones_are_typed) {
  govinfo_report *r = parse_ok("format: \"2021\"\n"
                               "organ: 'null'\n"
                               "title: >-\n"
                               "  folded\n"
                               "  lines\n"
                               "source: \"~\"\n");
  cr_assert_str_eq(govinfo_report_organ(r), "null");
  cr_assert_str_eq(govinfo_report_title(r), "folded lines");
  cr_assert_str_eq(govinfo_report_source(r), "~");
  govinfo_report_free(r);
  r = parse_ok("format: \"2021\"\norgan: null\n");
  cr_assert_null(govinfo_report_organ(r));
  govinfo_report_free(r);
  /* a quoted number is text, and text that reads as a number is no mark */
  const char *text = "format: \"2021\"\ntables:\n  table3:\n    new_received:\n"
                     "      total: '12'\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_ESCHEMA);
  cr_assert_str_eq(e->path, "/tables/table3/new_received/total");
  assert_error_at(e, text, "'12'", 0);
}

Test(yaml, explicit_str_tag_makes_a_plain_scalar_text) {
  govinfo_report *r = parse_ok("format: \"2021\"\norgan: !!str null\n");
  cr_assert_str_eq(govinfo_report_organ(r), "null");
  govinfo_report_free(r);
  const char *text = "format: \"2021\"\ntables:\n  table3:\n    new_received:\n"
                     "      total: !!str 12\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_ESCHEMA);
  cr_assert_str_eq(e->path, "/tables/table3/new_received/total");
  /* other tags are ignored: !!int on a plain scalar changes nothing */
  r = parse_ok("format: \"2021\"\ntables:\n  table3:\n    new_received:\n"
               "      total: !!int 12\n");
  int64_t v = 0;
  cr_assert_eq(govinfo_report_get_int(r, "table3.new_received.total", &v), 0);
  cr_assert_eq(v, 12);
  govinfo_report_free(r);
}

Test(yaml, a_byte_order_mark_counts_in_offsets_but_not_in_columns) {
  govinfo_report *r = parse_ok(UTF8_BOM "format: \"2021\"\nyear: 2020\n");
  cr_assert_eq(govinfo_report_year(r), 2020);
  govinfo_report_free(r);
  const char *text = UTF8_BOM "format: \"2021\"\nbogus: 1\n";
  assert_error_at(parse_fails_str(text, GOVINFO_ESCHEMA), text, "bogus", 0);
  text = UTF8_BOM "{format: \"2021\", bogus: 1}";
  assert_error_at(parse_fails_str(text, GOVINFO_ESCHEMA), text, "bogus", 0);
}

Test(yaml, many_empty_values_in_flow_style_read_correctly) {
  /* Implicit empty values take no source bytes: their text outgrows the document. */
  char text[4096] = "{format: \"2021\",tables: {table3: {";
  static const char *const rows[] = {
      "new_received",        "carried_over",          "granted",         "partially_granted",
      "denied_state_secret", "denied_law_prohibited", "unable_not_held", "np_duplicate",
      "result_total",        "carry_forward"};
  for (size_t i = 0; i < GI_COUNT_OF(rows); i++) {
    strcat(text, rows[i]);
    strcat(text, ": {natural_person,commercial,research,public_interest,legal_service,"
                 "other_org,total},");
  }
  strcat(text, "}}}");
  govinfo_report *r = parse_ok(text);
  const struct govinfo_table *t3 = govinfo_format_table_find(r->format, "table3");
  for (size_t i = 0; i < GI_COUNT_OF(rows); i++)
    for (size_t c = 0; c < t3->ncolumns; c++) {
      char id[128];
      snprintf(id, sizeof id, "table3.%s.%s", rows[i], t3->columns[c].id);
      cr_assert_eq(state_of(r, id), GOVINFO_CELL_BLANK, "%s", id);
    }
  govinfo_report_free(r);
}

Test(yaml, input_need_not_be_nul_terminated) {
  const char text[] = "format: \"2021\"\nyear: 2024\nXXXXXXXX";
  govinfo_report *r = NULL;
  cr_assert_eq(gi_yaml_parse(&r, text, strlen(text) - 8, "t.yaml"), 0);
  cr_assert_eq(govinfo_report_year(r), 2024);
  govinfo_report_free(r);
}

/* ---- reading: errors ---- */

Test(yaml, syntax_error_has_exact_line_and_byte_column) {
  /* libyaml counts characters; the column reported counts the bytes of 淮安 */
  const char *text = "format: \"2021\"\norgan: 淮安: x\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_EPARSE);
  assert_error_at(e, text, ": x", 0);
  cr_assert_str_eq(e->message,
                   "malformed YAML: mapping values are not allowed in this context (text holding "
                   "\": \" must be quoted, or written in the block form: | and the text indented "
                   "on the lines below)");
}

Test(yaml, syntax_error_names_what_was_being_parsed) {
  const char *text = "format: \"2021\"\nsections:\n  - id: s1\n    text: \"不完\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_EPARSE);
  cr_assert(strstr(e->message, "malformed YAML: found unexpected end of stream"), "%s", e->message);
  cr_assert(strstr(e->message, "while scanning a quoted scalar at line 4"), "%s", e->message);
  cr_assert_eq(e->line, 5);
  cr_assert_eq(e->column, 1);
  cr_assert_eq(e->offset, strlen(text));
  cr_assert_str_eq(e->path, "/sections/0/text");
}

Test(yaml, block_mapping_error_points_at_the_bad_line) {
  const char *text = "format: \"2021\"\nyear: 2024\n- x\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_EPARSE);
  assert_error_at(e, text, "- x", 0);
  cr_assert(strstr(e->message, "did not find expected key"), "%s", e->message);
}

Test(yaml, invalid_utf8_is_a_parse_error_at_its_byte) {
  const char *text = "format: \"2021\"\norgan: \"淮\xFF\"\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_EPARSE);
  assert_error_at(e, text, "\xFF", 0);
  cr_assert(strstr(e->message, "UTF-8"), "%s", e->message);
  /* a truncated sequence at the very end */
  text = "format: \"2021\"\norgan: \xE6\xB7";
  e = parse_fails_str(text, GOVINFO_EPARSE);
  cr_assert_eq(e->line, 2);
}

Test(yaml, utf16_is_rejected) {
  const char text[] = UTF16LE_BOM "f\0o\0";
  const govinfo_error *e = parse_fails(text, sizeof text - 1, GOVINFO_EPARSE);
  cr_assert_eq(e->line, 1);
  cr_assert_eq(e->column, 1);
}

Test(yaml, control_characters_are_a_parse_error) {
  const char *text = "format: \"2021\"\nyear: 2024\norgan: \"a\x01\"\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_EPARSE);
  assert_error_at(e, text, "\x01", 0);
  const char nul[] = "format: \"2021\"\norgan: \"a\0b\"\n";
  e = parse_fails(nul, sizeof nul - 1, GOVINFO_EPARSE);
  cr_assert_eq(e->offset, 24);
}

Test(yaml, aliases_are_rejected_where_they_appear) {
  const char *text = "format: \"2021\"\norgan: x\ntitle: *a\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_ESCHEMA);
  assert_error_at(e, text, "*a", 0);
  cr_assert_str_eq(e->path, "/title");
  cr_assert(strstr(e->message, "anchors and aliases are not supported"), "%s", e->message);
}

Test(yaml, anchors_are_rejected_on_scalars_and_collections) {
  const char *text = "format: \"2021\"\norgan: &o 淮安\ntitle: *o\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_ESCHEMA);
  assert_error_at(e, text, "&o", 0);
  cr_assert_str_eq(e->path, "/organ");
  text = "format: \"2021\"\nsections:\n  - id: s1\n    text: x\ntables: &t\n  table3: {}\n";
  e = parse_fails_str(text, GOVINFO_ESCHEMA);
  cr_assert_str_eq(e->path, "/tables");
  cr_assert_eq(e->line, 5);
  text = "format: \"2021\"\nsections: &s [{id: s1, text: x}]\n";
  e = parse_fails_str(text, GOVINFO_ESCHEMA);
  assert_error_at(e, text, "&s", 0);
  cr_assert_str_eq(e->path, "/sections");
}

Test(yaml, a_second_document_is_rejected) {
  const char *text = "format: \"2021\"\n---\nformat: \"2019\"\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_ESCHEMA);
  assert_error_at(e, text, "---", 0);
  cr_assert(strstr(e->message, "second document"), "%s", e->message);
  /* one explicit document with an end marker is fine */
  govinfo_report *r = parse_ok("---\nformat: \"2021\"\n...\n");
  govinfo_report_free(r);
}

Test(yaml, an_empty_stream_lacks_the_format) {
  const govinfo_error *e = parse_fails("", 0, GOVINFO_ESCHEMA);
  cr_assert(strstr(e->message, "format"), "%s", e->message);
  e = parse_fails_str("# only a comment\n\n", GOVINFO_ESCHEMA);
  cr_assert(strstr(e->message, "format"), "%s", e->message);
}

Test(yaml, duplicate_key_is_an_error_with_its_line_and_pointer) {
  const char *text = "format: \"2021\"\n"
                     "tables:\n"
                     "  table3:\n"
                     "    new_received:\n"
                     "      natural_person: 1\n"
                     "      natural_person: 2\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_ESCHEMA);
  assert_error_at(e, text, "natural_person", 1);
  cr_assert_str_eq(e->path, "/tables/table3/new_received/natural_person");
  cr_assert(strstr(e->message, "duplicate"), "%s", e->message);
  text = "format: \"2021\"\nyear: 2024\nyear: 2024\n";
  e = parse_fails_str(text, GOVINFO_ESCHEMA);
  assert_error_at(e, text, "year", 1);
  cr_assert_str_eq(e->path, "/year");
}

Test(yaml, unknown_id_is_an_error_with_byte_column_after_chinese_text) {
  const char *text = "{format: \"2021\", organ: \"淮安市\", tables: {table3: {没有: {total: 1}}}}";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_ESCHEMA);
  assert_error_at(e, text, "没有", 0);
  cr_assert_str_eq(e->path, "/tables/table3/没有");
  text = "format: \"2021\"\ntables:\n  table3:\n    new_received:\n      bogus_column: 1\n";
  e = parse_fails_str(text, GOVINFO_ESCHEMA);
  assert_error_at(e, text, "bogus_column", 0);
  cr_assert_str_eq(e->path, "/tables/table3/new_received/bogus_column");
}

Test(yaml, pointer_of_an_error_escapes_tilde_and_slash) {
  const char *text = "format: \"2021\"\ntables:\n  \"a/b~c\": *x\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_ESCHEMA);
  cr_assert_str_eq(e->path, "/tables/a~1b~0c");
}

Test(yaml, null_arguments_are_rejected) {
  govinfo_report *r = NULL;
  cr_assert_eq(gi_yaml_parse(NULL, "", 0, NULL), GOVINFO_EINVAL);
  cr_assert_eq(gi_yaml_parse(&r, NULL, 3, NULL), GOVINFO_EINVAL);
  char *out = NULL;
  cr_assert_eq(gi_yaml_write(&out, NULL, NULL, 0), GOVINFO_EINVAL);
  cr_assert_null(out);
}

/* ---- writing: the canonical form ---- */

Test(yaml, writes_the_canonical_form) {
  govinfo_report *r = new_report("2021");
  cr_assert_eq(govinfo_report_set_year(r, 2024), 0);
  cr_assert_eq(govinfo_report_set_source(r, "szfgs2024.pdf"), 0);
  cr_assert_eq(govinfo_report_set_division_code(r, "320800"), 0);
  cr_assert_eq(govinfo_report_set_published(r, "2025-01-20"), 0);
  cr_assert_eq(govinfo_report_set_title(r, "淮安市人民政府2024年政府信息公开工作年度报告"), 0);
  cr_assert_eq(govinfo_report_set_organ(r, "淮安市人民政府"), 0);
  cr_assert_eq(govinfo_report_set_section(r, "s2", "二、主动公开", ""), 0);
  cr_assert_eq(govinfo_report_set_section(r, "s1", NULL, "2024年，……\n第二段"), 0);
  cr_assert_eq(govinfo_report_set_mark(r, "table3.new_received.research", "/"), 0);
  cr_assert_eq(govinfo_report_set_blank(r, "table3.new_received.commercial"), 0);
  set_cell_int(r, "table3.new_received.natural_person", 3001);
  cr_assert_eq(govinfo_report_set_number(r, "table2_art20_8.admin_fees.fee_amount", "96171.6"), 0);
  set_cell_int(r, "table3.carry_forward.total", 0);
  char *out = write_ok(r, 0);
  cr_assert_str_eq(out, "format: \"2021\"\n"
                        "year: 2024\n"
                        "organ: \"淮安市人民政府\"\n"
                        "title: \"淮安市人民政府2024年政府信息公开工作年度报告\"\n"
                        "published: \"2025-01-20\"\n"
                        "division_code: \"320800\"\n"
                        "source: \"szfgs2024.pdf\"\n"
                        "sections:\n"
                        "  - id: \"s2\"\n"
                        "    title: \"二、主动公开\"\n"
                        "    text: \"\"\n"
                        "  - id: \"s1\"\n"
                        "    title: \"一、总体情况\"\n"
                        "    text: |-\n"
                        "      2024年，……\n"
                        "      第二段\n"
                        "tables:\n"
                        "  table2_art20_8:\n"
                        "    admin_fees:\n"
                        "      fee_amount: 96171.6\n"
                        "  table3:\n"
                        "    new_received:\n"
                        "      natural_person: 3001\n"
                        "      commercial: null\n"
                        "      research: \"/\"\n"
                        "    carry_forward:\n"
                        "      total: 0\n");
  free(out);
  assert_round_trip(r, 0);
  assert_pyyaml_reads_same(r, 0);
  govinfo_report_free(r);
}

Test(yaml, an_empty_report_still_has_sections_and_tables) {
  govinfo_report *r = new_report("2019");
  char *out = write_ok(r, 0);
  cr_assert_str_eq(out, "format: \"2019\"\nsections: []\ntables: {}\n");
  free(out);
  assert_round_trip(r, 0);
  assert_pyyaml_reads_same(r, 0);
  /* a cell made absent again leaves no empty row or table behind */
  set_cell_int(r, "table4.review.total", 1);
  cr_assert_eq(govinfo_report_clear_cell(r, "table4.review.total"), 0);
  out = write_ok(r, 0);
  cr_assert_str_eq(out, "format: \"2019\"\nsections: []\ntables: {}\n");
  free(out);
  govinfo_report_free(r);
}

Test(yaml, output_is_deterministic) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new_template(&r, "2021", 2024, "某县人民政府"), 0);
  char *a = write_ok(r, GOVINFO_WRITE_LABELS), *b = write_ok(r, GOVINFO_WRITE_LABELS);
  cr_assert_str_eq(a, b);
  free(a);
  free(b);
  govinfo_report_free(r);
}

Test(yaml, numbers_keep_their_exact_decimal_text) {
  static const char *const numbers[] = {
      "0",       "-3",      "1.50", "0.000001", "9007199254740992", "-9007199254740992.999999",
      "7730.28", "0.000000"};
  static const char *const cells[] = {
      "table3.new_received.natural_person", "table3.new_received.commercial",
      "table3.new_received.research",       "table3.new_received.public_interest",
      "table3.new_received.legal_service",  "table3.new_received.other_org",
      "table3.new_received.total",          "table3.carried_over.total"};
  govinfo_report *r = new_report("2021");
  for (size_t i = 0; i < GI_COUNT_OF(numbers); i++)
    cr_assert_eq(govinfo_report_set_number(r, cells[i], numbers[i]), 0, "%s", numbers[i]);
  char *out = write_ok(r, 0);
  for (size_t i = 0; i < GI_COUNT_OF(numbers); i++) {
    char line[96];
    snprintf(line, sizeof line, ": %s\n", numbers[i]);
    cr_assert(strstr(out, line), "%s not written plain:\n%s", numbers[i], out);
  }
  free(out);
  assert_round_trip(r, 0);
  assert_pyyaml_reads_same(r, 0);
  govinfo_report_free(r);
}

Test(yaml, every_id_written_as_a_plain_key_reads_back_as_that_text) {
  /* Keys are written unquoted, so an id must be plain-safe and no YAML 1.1 word. */
  static const char *const words[] = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"};
  for (size_t f = 0; f < govinfo_format_count(); f++) {
    const struct govinfo_format *fmt = govinfo_format_at(f);
    for (size_t t = 0; t < fmt->ntables; t++) {
      const struct govinfo_table *tb = &fmt->tables[t];
      const char *ids[64];
      size_t n = 0;
      ids[n++] = tb->id;
      for (size_t i = 0; i < tb->nrows && n < 64; i++) ids[n++] = tb->rows[i].id;
      for (size_t i = 0; i < tb->ncolumns && n < 64; i++) ids[n++] = tb->columns[i].id;
      cr_assert_lt(n, 64);
      for (size_t i = 0; i < n; i++) {
        cr_assert(ids[i][0] >= 'a' && ids[i][0] <= 'z', "%s", ids[i]);
        cr_assert_eq(strspn(ids[i], "abcdefghijklmnopqrstuvwxyz0123456789_"), strlen(ids[i]), "%s",
                     ids[i]);
        for (size_t w = 0; w < GI_COUNT_OF(words); w++)
          cr_assert(strcmp(ids[i], words[w]) != 0, "%s", ids[i]);
      }
    }
  }
}

/* ---- writing: strings ---- */

Test(yaml, strings_are_double_quoted_with_yaml_escapes) {
  govinfo_report *r = new_report("2021");
  test_put_meta(r, GI_META_ORGAN,
                "q\"b\\ t\tn\nr\r e\x1B del\x7F c0\x01\x1F"
                " nel\xC2\x85 nbsp\xC2\xA0 ls\xE2\x80\xA8"
                " ps\xE2\x80\xA9 bom\xEF\xBB\xBF c1\xC2\x80\xC2\x9F"
                " nc\xEF\xBF\xBE\xEF\xBF\xBF 中文 \xF0\x9F\x98\x80");
  char *out = write_ok(r, 0);
  const char *expected = "organ: \"q\\\"b\\\\ t\\tn\\nr\\r e\\e del\\x7F c0\\x01\\x1F"
                         " nel\\N nbsp\\_ ls\\L ps\\P bom\\uFEFF c1\\x80\\x9F"
                         " nc\\uFFFE\\uFFFF 中文 \xF0\x9F\x98\x80\"\n";
  cr_assert(strstr(out, expected), "got:\n%s", out);
  free(out);
  assert_round_trip(r, 0);
  assert_pyyaml_reads_same(r, 0);
  govinfo_report_free(r);
}

/* Text and the exact way it must be written as section text. */
typedef struct text_case {
  const char *text;
  const char *written; /* what follows "    text: " */
} text_case;

static const text_case text_cases[] = {
    {"one line", "\"one line\"\n"},
    {"a\nb", "|-\n      a\n      b\n"},
    {"a\nb\n", "|\n      a\n      b\n"},
    {"a\n\nb\n\n\n", "|+\n      a\n\n      b\n\n\n"},
    {" a\nb", "|2-\n       a\n      b\n"},
    {"\n\n  x\ny\n", "|2\n\n\n        x\n      y\n"},
    {"\tx\ny", "|2-\n      \tx\n      y\n"},
    {"  \n", "|2\n        \n"},
    {"tab\there \nspaces  \n", "|\n      tab\there \n      spaces  \n"},
    {"# not a comment\nkey: value\n- item\n---\n...\n",
     "|\n      # not a comment\n      key: value\n      - item\n      ---\n      ...\n"},
    {"nbsp\xC2\xA0\nok", "|-\n      nbsp\xC2\xA0\n      ok\n"},
    {"\n", "\"\\n\"\n"},
    {"\n\n", "\"\\n\\n\"\n"},
    {"a\r\nb", "\"a\\r\\nb\"\n"},
    {"a\nb\xC2\x85", "\"a\\nb\\N\"\n"},
    {"a\xE2\x80\xA8\nb", "\"a\\L\\nb\"\n"},
    {"a\nb\xE2\x80\xA9", "\"a\\nb\\P\"\n"},
    {UTF8_BOM "a\nb", "\"\\uFEFFa\\nb\"\n"},
    {"a\n\x7F", "\"a\\n\\x7F\"\n"},
    {"a\n\x08", "\"a\\n\\x08\"\n"},
    {"a\n\xC2\x9B", "\"a\\n\\x9B\"\n"},
    {"", "\"\"\n"},
};

Test(yaml, section_text_takes_a_block_literal_only_when_it_survives_one) {
  for (size_t i = 0; i < GI_COUNT_OF(text_cases); i++) {
    govinfo_report *r = new_report("2021");
    test_put_section(r, "s1", NULL, text_cases[i].text);
    char *out = write_ok(r, 0);
    char expected[256];
    snprintf(expected, sizeof expected, "    text: %s", text_cases[i].written);
    cr_assert(strstr(out, expected), "case %zu: expected\n%s\ngot\n%s", i, expected, out);
    free(out);
    assert_round_trip(r, 0);
    govinfo_report_free(r);
  }
}

/* Strings chosen to break emitters: every escape class, every block literal edge. */
static const char *const nasty[] = {
    "tab\tinside",
    "  leading and trailing  ",
    "   ",
    "a: b # c",
    "- not a list",
    "#!not a comment",
    "'single' \"double\" `back`",
    "\\ back\\slash \\n not a newline",
    "null",
    "~",
    "true",
    "yes",
    "12",
    "0x1F",
    "1e3",
    "@at %percent &amp *star !bang |pipe >gt",
    "{not: a map}",
    "[not, a, list]",
    "trailing spaces   \nsecond line  \n",
    "\n\nleading blank lines\nx",
    "line\n   \nonly spaces between\n",
    "   \nfirst line only spaces\n",
    " leading space\nsecond",
    "\tleading tab\nsecond\n",
    "\t\n\t",
    "first\n\tsecond starts with a tab\n",
    "# comment-like\nkey: value\n- item\n--- \n...\n|\n>\n",
    "line ending in backslash \\\nnext",
    "keep\n\n\n",
    "\n\n",
    "\n",
    "x\n",
    "crlf\r\nline",
    "cr\ronly\n",
    "nel\xC2\x85line\n",
    "ls\xE2\x80\xA8ps\xE2\x80\xA9\n",
    UTF8_BOM "bom first\nline",
    "controls \x01\x07\x08\x0B\x0C\x1B\x1F\x7F end",
    "c1 \xC2\x80 \xC2\x9F\nsecond",
    "nbsp\xC2\xA0here",
    "nbsp\xC2\xA0\nin a literal\n",
    "U+FFFE \xEF\xBF\xBE U+FFFF \xEF\xBF\xBF\n",
    "中文 with 全角：冒号 and emoji \xF0\x9F\x98\x80\n第二行\n",
    "2024年，本机关坚持以习近平新时代中国特色社会主义思想为指导。\n\n（一）主动公开\n",
    /* longer than the reader's short-scalar limit (one string: parenthesised for clang) */
    ("（二）依申请公开。全年共收到政府信息公开申请3119件，较上年增长，办结3085件，"
     "结转下年度继续办理34件。\n\t其中自然人申请3001件，商业企业53件。  \n\n"),
    "",
};

static govinfo_report *report_with_everywhere(const char *s) {
  govinfo_report *r = new_report("2021");
  test_put_meta(r, GI_META_ORGAN, s);
  test_put_meta(r, GI_META_SOURCE, s);
  test_put_section(r, "s3", s, s);
  test_put_section(r, "s1", NULL, s);
  if (gi_check_mark(s, strlen(s)) == GOVINFO_OK) test_put_mark(r, "table3.granted.total", s);
  set_cell_int(r, "table3.granted.natural_person", 7);
  return r;
}

Test(yaml, nasty_strings_round_trip_byte_identical) {
  for (size_t i = 0; i < GI_COUNT_OF(nasty); i++) {
    govinfo_report *r = report_with_everywhere(nasty[i]);
    assert_round_trip(r, 0);
    assert_round_trip(r, GOVINFO_WRITE_LABELS);
    govinfo_report_free(r);
  }
}

Test(yaml, pyyaml_reads_the_nasty_strings_the_same) {
  /* Each string as organ, title, text and mark: a few reports, one Python run. */
  pyyaml_batch batch = {0};
  govinfo_report *r = new_report("2021");
  const struct govinfo_table *t3 = govinfo_format_table_find(r->format, "table3");
  size_t row = 0, column = 0;
  for (size_t i = 0; i < GI_COUNT_OF(nasty); i++) {
    if (gi_check_mark(nasty[i], strlen(nasty[i])) != GOVINFO_OK) continue;
    while (t3->rows[row].role == GOVINFO_ROW_HEADING) row++;
    cr_assert_lt(row, t3->nrows);
    char id[128];
    snprintf(id, sizeof id, "table3.%s.%s", t3->rows[row].id, t3->columns[column].id);
    test_put_mark(r, id, nasty[i]);
    if (++column == t3->ncolumns) {
      column = 0;
      row++;
    }
  }
  for (size_t i = 0; i < GI_COUNT_OF(nasty); i += 6) {
    for (size_t s = 0; s < 6 && i + s < GI_COUNT_OF(nasty); s++) {
      char sid[4] = {'s', (char)('1' + s), 0};
      test_put_section(r, sid, nasty[(i + s + 1) % GI_COUNT_OF(nasty)], nasty[i + s]);
    }
    test_put_meta(r, GI_META_ORGAN, nasty[i]);
    pyyaml_add(&batch, r, 0);
    pyyaml_add(&batch, r, GOVINFO_WRITE_LABELS);
  }
  pyyaml_check_batch(&batch);
  govinfo_report_free(r);
}

Test(yaml, invalid_utf8_is_refused_by_the_setters_and_by_the_writer) {
  govinfo_report *r = new_report("2021");
  static const char *const bad[] = {"bad \xFF byte",    "\xC3",     "\xC0\xAF", "\xED\xA0\x80",
                                    "\xF4\x90\x80\x80", "\xE6\xB7", "a\n\x80"};
  for (size_t i = 0; i < GI_COUNT_OF(bad); i++) {
    cr_assert_eq(govinfo_report_set_organ(r, bad[i]), GOVINFO_EINVAL, "case %zu", i);
    cr_assert(strstr(govinfo_error_last()->message, "UTF-8"));
    cr_assert_eq(govinfo_report_set_section(r, "s1", NULL, bad[i]), GOVINFO_EINVAL);
    cr_assert_eq(govinfo_report_set_section(r, "s1", bad[i], "ok"), GOVINFO_EINVAL);
    cr_assert_eq(govinfo_report_set_mark(r, "table3.new_received.total", bad[i]), GOVINFO_EINVAL);
  }
  cr_assert_null(govinfo_report_organ(r));
  cr_assert_eq(govinfo_report_section_count(r), 0);

  /* Bytes that got past the API (internal setters) are refused on output, not mangled. */
  char *out = (char *)1;
  cr_assert_eq(gi_report_take_meta(r, GI_META_ORGAN, gi_strdup("bad \xFF byte")), 0);
  cr_assert_eq(gi_yaml_write(&out, NULL, r, 0), GOVINFO_EINVAL);
  cr_assert_null(out);
  cr_assert_str_eq(govinfo_error_last()->path, "/organ");
  cr_assert_eq(govinfo_report_set_organ(r, NULL), 0);
  cr_assert_eq(gi_report_take_section(r, 0, NULL, gi_strdup("a\n\x80"), (gi_loc){0, 0}), 0);
  cr_assert_eq(gi_yaml_write(&out, NULL, r, 0), GOVINFO_EINVAL);
  cr_assert_str_eq(govinfo_error_last()->path, "/sections/0/text");
  cr_assert_eq(govinfo_report_remove_section(r, "s1"), 0);
  gi_cell_take_mark(gi_report_cell(r, 4, 0, 6), gi_strdup("\xE2\x80"));
  cr_assert_eq(gi_yaml_write(&out, NULL, r, 0), GOVINFO_EINVAL);
  cr_assert_str_eq(govinfo_error_last()->path, "/tables/table3/new_received/total");
  govinfo_report_free(r);
}

/* Control characters: the setters refuse them where the format has no use for them (a tab
 * anywhere, line breaks in multi-line text); the readers keep what a file holds, and the
 * writers write it escaped (above). */
Test(yaml, control_characters_are_refused_by_the_setters) {
  govinfo_report *r = new_report("2021");
  static const char *const one_line[] = {"\x1b]0;pwned\x07", "a\nb",        "cr\r",
                                         "del\x7F",          "c1 \xC2\x9B", "nul-free \x01"};
  for (size_t i = 0; i < GI_COUNT_OF(one_line); i++) {
    cr_assert_eq(govinfo_report_set_organ(r, one_line[i]), GOVINFO_EINVAL, "case %zu", i);
    cr_assert(strstr(govinfo_error_last()->message, "control character"), "%s",
              govinfo_error_last()->message);
    cr_assert_eq(govinfo_report_set_title(r, one_line[i]), GOVINFO_EINVAL, "case %zu", i);
    cr_assert_eq(govinfo_report_set_mark(r, "table3.granted.total", one_line[i]), GOVINFO_EINVAL,
                 "case %zu", i);
    cr_assert_eq(govinfo_report_set_section(r, "s1", one_line[i], "ok"), GOVINFO_EINVAL);
  }
  cr_assert_null(govinfo_report_organ(r), "nothing refused was kept");
  cr_assert_eq(govinfo_report_set_section(r, "s1", NULL, "bell \x07"), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_set_preface(r, "esc \x1b[2J"), GOVINFO_EINVAL);
  cr_assert(strstr(govinfo_error_last()->message, "U+001B at byte 5"), "%s",
            govinfo_error_last()->message);
  /* what text does use */
  cr_assert_eq(govinfo_report_set_organ(r, "某县\t人民政府"), GOVINFO_OK);
  cr_assert_eq(govinfo_report_set_mark(r, "table3.granted.total", "见\t说明"), GOVINFO_OK);
  cr_assert_eq(govinfo_report_set_section(r, "s1", NULL, "一行\r\n\t二行\n"), GOVINFO_OK);
  cr_assert_eq(govinfo_report_set_preface(r, "序\n言"), GOVINFO_OK);
  govinfo_report_free(r);
}

/* ---- writing: labels and the template ---- */

Test(yaml, labels_are_comments_and_the_report_reads_back_equal) {
  govinfo_report *r = new_report("2021");
  cr_assert_eq(govinfo_report_set_blank(r, "table3.new_received.natural_person"), 0);
  cr_assert_eq(govinfo_report_set_mark(r, "table3.new_received.total", "#/"), 0);
  cr_assert_eq(govinfo_report_set_section(r, "s1", NULL, "a\nb: # c\n"), 0);
  char *out = write_ok(r, GOVINFO_WRITE_LABELS);
  cr_assert(strstr(out, "format: \"2021\"  # 中华人民共和国政府信息公开工作年度报告格式\n"), "%s",
            out);
  cr_assert(strstr(out, "\n  table3:  # 收到和处理政府信息公开申请情况\n"
                        "    new_received:  # 一、本年新收政府信息公开申请数量\n"
                        "      natural_person: null  # 自然人\n"),
            "%s", out);
  cr_assert(strstr(out, "      total: \"#/\"  # 总计\n"), "%s", out);
  free(out);
  assert_round_trip(r, GOVINFO_WRITE_LABELS);
  assert_pyyaml_reads_same(r, GOVINFO_WRITE_LABELS);
  govinfo_report_free(r);
}

/* The template written with labels: after "tables:", exactly one line per table, data row
 * and cell, in format order, each with its label, every cell null; headings and groups are a
 * comment line with their label above their sub-rows. */
static void check_template(const char *format_id) {
  govinfo_report *r = NULL;
  int year = govinfo_format_first_year(govinfo_format_find(format_id)); /* one it covers */
  cr_assert_eq(govinfo_report_new_template(&r, format_id, year, "某县人民政府"), 0);
  char *out = write_ok(r, GOVINFO_WRITE_LABELS);
  char line[512];
  snprintf(line, sizeof line, "format: \"%s\"  # %s\n", format_id, govinfo_format_name(r->format));
  cr_assert(strncmp(out, line, strlen(line)) == 0, "%s", out);
  const char *p = strstr(out, "\ntables:\n");
  cr_assert_not_null(p);
  p += strlen("\ntables:\n");
  size_t cells = 0;
  for (size_t t = 0; t < r->format->ntables; t++) {
    const struct govinfo_table *tb = &r->format->tables[t];
    snprintf(line, sizeof line, "  %s:  # %s\n", tb->id, tb->title);
    cr_assert(strncmp(p, line, strlen(line)) == 0, "expected %s at:\n%.200s", line, p);
    p += strlen(line);
    for (size_t row = 0; row < tb->nrows; row++) {
      if (tb->rows[row].role != GOVINFO_ROW_DATA) {
        snprintf(line, sizeof line, "    # %s\n", tb->rows[row].label);
        cr_assert(strncmp(p, line, strlen(line)) == 0, "expected %s at:\n%.200s", line, p);
        p += strlen(line);
        continue;
      }
      snprintf(line, sizeof line, "    %s:  # %s\n", tb->rows[row].id, tb->rows[row].label);
      cr_assert(strncmp(p, line, strlen(line)) == 0, "expected %s at:\n%.200s", line, p);
      p += strlen(line);
      for (size_t c = 0; c < tb->ncolumns; c++) {
        snprintf(line, sizeof line, "      %s: null  # %s\n", tb->columns[c].id,
                 tb->columns[c].label);
        cr_assert(strncmp(p, line, strlen(line)) == 0, "expected %s at:\n%.200s", line, p);
        p += strlen(line);
        cells++;
      }
    }
  }
  cr_assert_str_eq(p, "", "unexpected lines after the last cell:\n%s", p);
  cr_assert_gt(cells, 150);
  govinfo_report *back = parse_ok(out);
  cr_assert(govinfo_report_equal(r, back));
  govinfo_report_free(back);
  free(out);
  assert_pyyaml_reads_same(r, GOVINFO_WRITE_LABELS);
  govinfo_report_free(r);
}

Test(yaml, template_with_labels_has_every_cell_null_with_its_label) {
  for (size_t i = 0; i < govinfo_format_count(); i++)
    check_template(govinfo_format_id(govinfo_format_at(i)));
}

Test(yaml, a_multi_line_preface_is_a_block_literal_after_the_metadata) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new(&r, "2021"), 0);
  govinfo_report_set_source(r, "x.pdf");
  govinfo_report_set_preface(r, "本报告由某某编制。\n统计期限自2024年1月1日至2024年12月31日。");
  char *out = write_ok(r, 0);
  cr_assert(strstr(out, "source: \"x.pdf\"\npreface: |-\n  本报告由某某编制。\n  统计期限"), "%s",
            out);
  govinfo_report *back = parse_ok(out);
  cr_assert(govinfo_report_equal(r, back));
  govinfo_free(out);
  govinfo_report_free(back);
  govinfo_report_free(r);
}

Test(yaml, text_after_digits_is_a_mark_when_quoted_and_an_error_when_plain) {
  govinfo_report *r = parse_ok("format: \"2019\"\ntables:\n  table2_art20_9:\n"
                               "    centralized_procurement:\n      total_amount: \"251000元\"\n");
  const char *mark = NULL;
  cr_assert_eq(
      govinfo_report_get_mark(r, "table2_art20_9.centralized_procurement.total_amount", &mark), 0);
  cr_assert_str_eq(mark, "251000元");
  govinfo_report_free(r);
  const char *plain = "format: \"2019\"\ntables:\n  table4:\n    review:\n      total: 12件\n";
  const govinfo_error *e = parse_fails_str(plain, GOVINFO_ESCHEMA);
  cr_assert(strstr(e->message, "quote it to keep it as a mark"), "%s", e->message);
  cr_assert_str_eq(e->path, "/tables/table4/review/total");
  e = parse_fails_str("format: \"2019\"\ntables:\n  table4:\n    review:\n      total: 010\n",
                      GOVINFO_ESCHEMA);
  cr_assert_str_eq(e->path, "/tables/table4/review/total");
}

Test(yaml, a_key_with_a_nul_character_is_refused_where_it_is) {
  const char *text = "format: \"2021\"\ntables:\n  \"table3\\0zzzzzzzz\":\n    new_received: {}\n";
  const govinfo_error *e = parse_fails_str(text, GOVINFO_ESCHEMA);
  cr_assert(strstr(e->message, "NUL"), "%s", e->message);
  cr_assert_eq(e->line, 3);
  e = parse_fails_str("format: \"2021\\0junk\"\n", GOVINFO_ESCHEMA);
  cr_assert(strstr(e->message, "NUL"), "%s", e->message);
  cr_assert_str_eq(e->path, "/format");
}
