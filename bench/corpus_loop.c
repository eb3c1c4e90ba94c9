/* bench-corpus-loop: the baseline of bench/corpus.py — a plain loop over the library in one
 * thread, no batch runner: for each file named on standard input (one path per line), load
 * it (or import it, with --import OUTDIR, and save it there as YAML, as `govinfo import -o`
 * does) and validate it, and format every finding the way the CLI prints it. Prints
 * "N files, F failed, D findings". Uses the public API only. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <govinfo/govinfo.h>

static size_t format_all(const govinfo_diagnostics *d) {
  size_t n = govinfo_diagnostics_count(d);
  for (size_t i = 0; i < n; i++) {
    char *line;
    if (govinfo_diagnostic_format(&line, NULL, govinfo_diagnostics_at(d, i), NULL, 0) == 0)
      govinfo_free(line);
  }
  return n;
}

int main(int argc, char **argv) {
  const char *outdir = argc > 2 && strcmp(argv[1], "--import") == 0 ? argv[2] : NULL;
  char path[4096];
  size_t files = 0, failed = 0, findings = 0;
  while (fgets(path, sizeof path, stdin)) {
    path[strcspn(path, "\n")] = '\0';
    if (path[0] == '\0') continue;
    files++;
    govinfo_report *report = NULL;
    govinfo_diagnostics *imported = NULL, *checked = NULL;
    int rc = outdir ? govinfo_import_file(&report, &imported, path)
                    : govinfo_report_load(&report, path, GOVINFO_SYNTAX_AUTO);
    if (rc == 0) rc = govinfo_report_validate(&checked, report);
    if (rc == 0 && outdir) {
      char out[4200];
      snprintf(out, sizeof out, "%s/%zu.yaml", outdir, files);
      rc = govinfo_report_save(report, out, GOVINFO_SYNTAX_YAML, 0);
    }
    if (rc) failed++;
    if (imported) findings += format_all(imported);
    if (checked) findings += format_all(checked);
    govinfo_diagnostics_free(imported);
    govinfo_diagnostics_free(checked);
    govinfo_report_free(report);
  }
  printf("%zu files, %zu failed, %zu findings\n", files, failed, findings);
  return 0;
}
