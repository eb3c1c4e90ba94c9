/* govinfo import: read a published report from its text, Markdown, HTML or PDF, check it,
 * write it as YAML or JSON. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_OUTPUT, OPT_JSON, OPT_LANG, OPT_KIND, OPT_COUNT_ };

static const cli_option options[OPT_COUNT_] = {
    [OPT_OUTPUT] = {"output", 'o', true},
    [OPT_JSON] = {"json", 0, false},
    [OPT_LANG] = {"lang", 0, true},
    [OPT_KIND] = {"kind", 0, true},
};

static const char *const kind_names[] = {
    [GOVINFO_INPUT_AUTO] = "auto",         [GOVINFO_INPUT_TEXT] = "text",
    [GOVINFO_INPUT_MARKDOWN] = "markdown", [GOVINFO_INPUT_HTML] = "html",
    [GOVINFO_INPUT_TSV] = "tsv",           [GOVINFO_INPUT_DOCX] = "docx",
    [GOVINFO_INPUT_XLSX] = "xlsx",
};

static int parse_kind(const cli_command *cmd, const char *value, govinfo_input_kind *out) {
  *out = GOVINFO_INPUT_AUTO;
  if (value == NULL) return CLI_CONTINUE;
  for (size_t k = 0; k < sizeof kind_names / sizeof *kind_names; k++)
    if (strcmp(value, kind_names[k]) == 0) {
      *out = (govinfo_input_kind)k;
      return CLI_CONTINUE;
    }
  return cli_usage_error(
      cmd, "unknown input kind '%s' (expected auto, text, markdown, html, tsv, docx or xlsx)",
      value);
}

static int import_input(govinfo_report **report, govinfo_diagnostics **findings, const char *arg,
                        govinfo_input_kind kind) {
  govinfo_import_options opts = GOVINFO_IMPORT_OPTIONS_INIT;
  opts.kind = kind;
  if (strcmp(arg, "-") != 0) return govinfo_import_file_with(report, findings, arg, &opts);
  char *buf;
  size_t len;
  int err = cli_read_stream(stdin, &buf, &len);
  if (err) {
    cli_error("%s: cannot read: %s", CLI_STDIN_NAME, strerror(err));
    return GOVINFO_EIO;
  }
  if (len >= 5 && memcmp(buf, "%PDF-", 5) == 0) {
    free(buf);
    cli_error("%s: a PDF must be given as a file, not on standard input", CLI_STDIN_NAME);
    return GOVINFO_EINVAL;
  }
  opts.source_name = CLI_STDIN_NAME;
  int rc = govinfo_import_with(report, findings, buf, len, &opts);
  free(buf);
  return rc;
}

static void print_all(const char *file, const govinfo_diagnostics *imported,
                      const govinfo_diagnostics *checked, bool json, cli_lang lang) {
  fflush(stdout);
  if (json) {
    if (!cli_print_findings_json(stderr, file, imported, "import") ||
        !cli_print_findings_json(stderr, file, checked, "validate"))
      fprintf(stderr, "govinfo: cannot print the findings: out of memory\n");
  } else {
    cli_print_findings_text(stderr, file, imported, lang);
    cli_print_findings_text(stderr, file, checked, lang);
  }
}

static int import_one(const char *arg, const char *out, govinfo_input_kind kind, bool json,
                      cli_lang lang) {
  const char *file = cli_display_name(arg);
  govinfo_report *report;
  govinfo_diagnostics *imported, *checked;
  int rc = import_input(&report, &imported, arg, kind);
  if (rc == GOVINFO_EIO && govinfo_error_last()->code != GOVINFO_EIO) return CLI_EXIT_FAILURE;
  if (rc) {
    cli_failure failure;
    cli_failure_from_library(&failure, rc);
    cli_print_failure(file, &failure);
    return CLI_EXIT_FAILURE;
  }
  rc = govinfo_report_validate(&checked, report);
  if (rc) {
    govinfo_report_free(report);
    govinfo_diagnostics_free(imported);
    return cli_error("%s: cannot validate: %s", file, govinfo_error_last()->message);
  }
  int status = cli_write_report(report, out, GOVINFO_SYNTAX_AUTO, 0);
  print_all(file, imported, checked, json, lang);
  if (status == CLI_EXIT_OK &&
      (govinfo_diagnostics_count_severity(imported, GOVINFO_SEVERITY_ERROR) ||
       govinfo_diagnostics_count_severity(checked, GOVINFO_SEVERITY_ERROR)))
    status = CLI_EXIT_FINDINGS;
  govinfo_diagnostics_free(checked);
  govinfo_diagnostics_free(imported);
  govinfo_report_free(report);
  return status;
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  cli_lang lang = CLI_LANG_ZH;
  govinfo_input_kind kind = GOVINFO_INPUT_AUTO;
  status = cli_parse_lang(cmd, args.value[OPT_LANG], &lang);
  if (status == CLI_CONTINUE) status = parse_kind(cmd, args.value[OPT_KIND], &kind);
  if (status == CLI_CONTINUE && args.noperands != 1)
    status = cli_usage_error(cmd, "expected one FILE, got %zu", args.noperands);
  if (status == CLI_CONTINUE)
    status = import_one(args.operands[0], args.value[OPT_OUTPUT], kind,
                        args.value[OPT_JSON] != NULL, lang);
  cli_args_free(&args);
  return status;
}

const cli_command cli_import_command = {
    .name = "import",
    .summary = "read a published report from its text, Markdown, HTML or PDF",
    .synopsis = "govinfo import [--json] [--lang zh|en]\n"
                "               [--kind auto|text|markdown|html|tsv|docx|xlsx] [-o OUT] FILE",
    .help = "Reads a published annual report into the report model: tables 2, 3 and 4 cell by\n"
            "cell, the format version, year, organ, title, publication date, preface and the\n"
            "six sections. FILE is pdftotext output (reading order or -layout), Markdown with\n"
            "pipe tables, an HTML page, or a PDF (read with pdftotext -layout from\n"
            "poppler-utils, and with plain pdftotext when the layout text cannot be read\n"
            "whole); \"-\" reads standard input.\n"
            "\n"
            "No number is guessed: a cell is either read with certainty, or left absent with\n"
            "an import.cell_unread finding that names it and the line it should come from.\n"
            "\n"
            "The report goes to OUT (JSON for .json, YAML otherwise; written atomically) or,\n"
            "without -o, as YAML to standard output. Findings go to standard error: first the\n"
            "import findings (import.*), then those of validating the imported report, in\n"
            "the form of govinfo validate.\n"
            "\n"
            "Options:\n"
            "  -o, --output OUT  where to write the report (\"-\": standard output)\n"
            "  --json            findings as two JSON lines, \"stage\": \"import\" and\n"
            "                    \"validate\", each in the form of govinfo validate --json\n"
            "  --lang zh|en      language of the messages (default zh)\n"
            "  --kind KIND       auto (default: PDF, Word and Excel files by signature, else\n"
            "                    from the content), text, markdown, html, tsv (tab-separated\n"
            "                    rows), docx or xlsx\n"
            "  -h, --help        show this help\n"
            "\n"
            "Exit status: 0 no errors (warnings allowed), 1 some finding is an error (a cell\n"
            "not read, or a figure that does not add up), 2 a usage error or a file that\n"
            "could not be read or is not recognisably an annual report.\n",
    .run = run,
};
