/* Loads a report, validates it and prints every finding, clang-style.
 *
 *   cc check_report.c $(pkg-config --cflags --libs govinfo) -o check_report
 *   ./check_report report.yaml
 *
 * Exit status: 0 valid, 1 errors found, 2 the report could not be read. */
#include <govinfo/govinfo.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s REPORT.yaml|REPORT.json\n", argv[0]);
    return 2;
  }
  govinfo_report *report = NULL;
  if (govinfo_report_load(&report, argv[1], GOVINFO_SYNTAX_AUTO) != GOVINFO_OK) {
    char *line = NULL; /* "file:line:col: error: message (at /json/pointer)" */
    if (govinfo_error_format(&line, NULL, govinfo_error_last(), NULL, 0) == GOVINFO_OK)
      fprintf(stderr, "%s\n", line);
    govinfo_free(line);
    return 2;
  }
  govinfo_diagnostics *found = NULL;
  if (govinfo_report_validate(&found, report) != GOVINFO_OK) {
    fprintf(stderr, "%s: %s\n", argv[1], govinfo_error_last()->message);
    govinfo_report_free(report);
    return 2;
  }
  for (size_t i = 0; i < govinfo_diagnostics_count(found); i++) {
    const govinfo_diagnostic *d = govinfo_diagnostics_at(found, i);
    char *line = NULL; /* "file:line:col: severity: message [rule]", as govinfo validate */
    if (govinfo_diagnostic_format(&line, NULL, d, NULL, GOVINFO_FORMAT_EN) == GOVINFO_OK)
      printf("%s\n", line);
    govinfo_free(line);
  }
  size_t errors = govinfo_diagnostics_count_severity(found, GOVINFO_SEVERITY_ERROR);
  const char *organ = govinfo_report_organ(report);
  printf("%s %s (format %s, %d): %zu errors, %zu warnings\n", organ ? organ : "(no organ)",
         errors ? "fails" : "passes", govinfo_format_id(govinfo_report_format(report)),
         govinfo_report_year(report), errors,
         govinfo_diagnostics_count_severity(found, GOVINFO_SEVERITY_WARNING));
  govinfo_diagnostics_free(found);
  govinfo_report_free(report);
  return errors ? 1 : 0;
}
