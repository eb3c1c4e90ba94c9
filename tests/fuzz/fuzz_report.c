/* A libFuzzer target for one parser, chosen at build time (-DFUZZ_JSON, -DFUZZ_YAML,
 * -DFUZZ_TEXT, ...; tests/fuzz/meson.build builds one program per parser).
 *
 * Each input is parsed (or imported); a report that was read is validated, written as YAML
 * and as JSON, and each is read back: the report read back must write the same bytes again.
 * A difference, a crash or a sanitizer report is a finding (the program aborts). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govinfo/govinfo.h"
#include "govinfo/import.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static govinfo_report *read_input(const char *buf, size_t len) {
  govinfo_report *r = NULL;
#if defined(FUZZ_JSON) || defined(FUZZ_YAML)
#ifdef FUZZ_JSON
  govinfo_syntax syntax = GOVINFO_SYNTAX_JSON;
#else
  govinfo_syntax syntax = GOVINFO_SYNTAX_YAML;
#endif
  if (govinfo_report_parse(&r, buf, len, syntax, "fuzz") != GOVINFO_OK) return NULL;
#else
#if defined(FUZZ_MARKDOWN)
  govinfo_input_kind kind = GOVINFO_INPUT_MARKDOWN;
#elif defined(FUZZ_HTML)
  govinfo_input_kind kind = GOVINFO_INPUT_HTML;
#elif defined(FUZZ_TSV)
  govinfo_input_kind kind = GOVINFO_INPUT_TSV;
#elif defined(FUZZ_DOCX)
  govinfo_input_kind kind = GOVINFO_INPUT_DOCX;
#elif defined(FUZZ_XLSX)
  govinfo_input_kind kind = GOVINFO_INPUT_XLSX;
#elif defined(FUZZ_CRAWLER)
  govinfo_input_kind kind = GOVINFO_INPUT_AUTO; /* crawler text is recognised by content */
#else
  govinfo_input_kind kind = GOVINFO_INPUT_TEXT;
#endif
  govinfo_diagnostics *findings = NULL;
  if (govinfo_import(&r, &findings, buf, len, kind, "fuzz") != GOVINFO_OK) return NULL;
  govinfo_diagnostics_free(findings);
#endif
  return r;
}

/* Writes r in syntax, reads it back, writes it again: both writings must be equal. */
static void round_trip(const govinfo_report *r, govinfo_syntax syntax) {
  char *first = NULL, *second = NULL;
  size_t first_len = 0, second_len = 0;
  if (govinfo_report_serialize(&first, &first_len, r, syntax, 0) != GOVINFO_OK) abort();
  govinfo_report *again = NULL;
  if (govinfo_report_parse(&again, first, first_len, syntax, "written") != GOVINFO_OK) {
    fprintf(stderr, "cannot read back what was written: %s\n%s\n", govinfo_error_last()->message,
            first);
    abort();
  }
  if (govinfo_report_serialize(&second, &second_len, again, syntax, 0) != GOVINFO_OK) abort();
  if (first_len != second_len || memcmp(first, second, first_len) != 0) {
    fprintf(stderr, "written differently after reading back:\n%s\n---\n%s\n", first, second);
    abort();
  }
  govinfo_free(first);
  govinfo_free(second);
  govinfo_report_free(again);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  govinfo_report *r = read_input((const char *)data, size);
  if (r == NULL) return 0;
  govinfo_diagnostics *d = NULL;
  if (govinfo_report_validate(&d, r) == GOVINFO_OK) {
    for (size_t i = 0; i < govinfo_diagnostics_count(d); i++) {
      char *line = NULL;
      if (govinfo_diagnostic_format(&line, NULL, govinfo_diagnostics_at(d, i), NULL, 0) ==
          GOVINFO_OK)
        govinfo_free(line);
    }
  }
  govinfo_diagnostics_free(d);
  round_trip(r, GOVINFO_SYNTAX_YAML);
  round_trip(r, GOVINFO_SYNTAX_JSON);
  govinfo_report_free(r);
  return 0;
}
