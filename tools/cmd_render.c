/* govinfo render: the report as it is published, in HTML, Markdown or Excel. */
#include <string.h>
#include <strings.h>

#include "cli.h"

enum { OPT_TO, OPT_OUTPUT, OPT_NO_FINDINGS, OPT_LANG, OPT_COUNT_ };

static const cli_option options[OPT_COUNT_] = {
    [OPT_TO] = {"to", 0, true},
    [OPT_OUTPUT] = {"output", 'o', true},
    [OPT_NO_FINDINGS] = {"no-findings", 0, false},
    [OPT_LANG] = {"lang", 0, true},
};

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* The output format: --to, else the extension of -o, else HTML. Returns CLI_CONTINUE or a
 * usage error. */
static int output_format(const cli_command *cmd, const char *to, const char *out,
                         govinfo_render_format *format) {
  *format = GOVINFO_RENDER_HTML;
  if (to == NULL && out != NULL && strcmp(out, "-") != 0) {
    if (ends_with(out, ".md") || ends_with(out, ".markdown")) *format = GOVINFO_RENDER_MARKDOWN;
    else if (ends_with(out, ".xlsx")) *format = GOVINFO_RENDER_XLSX;
    else if (!ends_with(out, ".html") && !ends_with(out, ".htm"))
      return cli_usage_error(cmd, "cannot tell the output format of '%s': use --to html|md|xlsx",
                             out);
  } else if (to != NULL) {
    if (strcmp(to, "md") == 0 || strcmp(to, "markdown") == 0) *format = GOVINFO_RENDER_MARKDOWN;
    else if (strcmp(to, "xlsx") == 0) *format = GOVINFO_RENDER_XLSX;
    else if (strcmp(to, "html") != 0)
      return cli_usage_error(cmd, "unknown output format '%s' (expected html, md or xlsx)", to);
  }
  if (*format == GOVINFO_RENDER_XLSX && (out == NULL || strcmp(out, "-") == 0))
    return cli_usage_error(cmd, "an Excel workbook needs a file: give -o FILE.xlsx");
  return CLI_CONTINUE;
}

static int render(const char *in, const char *out, const govinfo_render_options *opts) {
  govinfo_report *report;
  cli_failure failure;
  if (cli_load_report(&report, in, &failure)) {
    cli_print_failure(cli_display_name(in), &failure);
    return CLI_EXIT_FAILURE;
  }
  int rc, status = CLI_EXIT_OK;
  if (out == NULL || strcmp(out, "-") == 0) {
    char *text;
    size_t len;
    rc = govinfo_report_render(&text, &len, report, opts);
    if (rc == GOVINFO_OK) {
      cli_write(text, len);
      govinfo_free(text);
    }
  } else {
    rc = govinfo_report_render_file(out, report, opts);
  }
  if (rc != GOVINFO_OK)
    status = cli_error("cannot render %s: %s", cli_display_name(in), govinfo_error_last()->message);
  govinfo_report_free(report);
  return status;
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  govinfo_render_options opts = GOVINFO_RENDER_OPTIONS_INIT;
  cli_lang lang = CLI_LANG_ZH;
  if (args.noperands != 1)
    status = cli_usage_error(cmd, "expected one REPORT, got %zu operands", args.noperands);
  else status = output_format(cmd, args.value[OPT_TO], args.value[OPT_OUTPUT], &opts.format);
  if (status == CLI_CONTINUE) status = cli_parse_lang(cmd, args.value[OPT_LANG], &lang);
  if (status == CLI_CONTINUE) {
    if (args.value[OPT_NO_FINDINGS]) opts.flags |= GOVINFO_RENDER_NO_FINDINGS;
    if (lang == CLI_LANG_EN) opts.flags |= GOVINFO_RENDER_EN;
    status = render(args.operands[0], args.value[OPT_OUTPUT], &opts);
  }
  cli_args_free(&args);
  return status;
}

const cli_command cli_render_command = {
    .name = "render",
    .summary = "show a report as published: HTML, Markdown or Excel",
    .synopsis = "govinfo render [--to html|md|xlsx] [--no-findings] [--lang zh|en] REPORT\n"
                "       [-o FILE]",
    .help = "Renders the report REPORT (JSON or YAML; \"-\" reads standard input) as it is\n"
            "published: the title, the preface, the six sections, and tables 二, 三 and 四\n"
            "in the official layout of its format version, with merged header cells; blanks\n"
            "and marks as printed, absent cells marked 缺. Findings are shown: cells in a\n"
            "finding highlighted, with its rule and message, and the list at the end.\n"
            "\n"
            "  html  one self-contained page (inline CSS, no scripts), prints on A4\n"
            "  md    GitHub-flavoured Markdown; tables with merged cells as HTML\n"
            "  xlsx  an Excel workbook: a sheet per table with its merged cells, numbers as\n"
            "        numbers, the sections' text and the findings on sheets of their own\n"
            "\n"
            "`govinfo import` reads every rendering back.\n"
            "\n"
            "Options:\n"
            "  --to html|md|xlsx  output format (default: from the extension of FILE, .html,\n"
            "                     .md or .xlsx; HTML on standard output)\n"
            "  -o, --output FILE  write to FILE, atomically, instead of standard output\n"
            "  --no-findings      the clean copy to publish: show no findings\n"
            "  --lang zh|en       language of the findings (default zh)\n"
            "  -h, --help         show this help\n"
            "\n"
            "Exit status: 0 written, 2 a usage, input or output error.\n",
    .run = run,
};
