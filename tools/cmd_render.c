/* govinfo render: the report as it is published, in HTML, Markdown or Excel. */
#include <string.h>
#include <strings.h>

#include "cli.h"

enum { OPT_TO, OPT_OUTPUT, OPT_NO_FINDINGS, OPT_LANG, OPT_SUPPRESS, OPT_COUNT_ };

static const cli_option options[OPT_COUNT_] = {
    [OPT_TO] = {"to", 0, true},
    [OPT_OUTPUT] = {"output", 'o', true},
    [OPT_NO_FINDINGS] = {"no-findings", 0, false},
    [OPT_LANG] = {"lang", 0, true},
    [OPT_SUPPRESS] = {"suppress", 0, true},
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

/* With --suppress: the report's findings less those the file suppresses, for opts->findings
 * (the suppressed ones are not highlighted). */
static int shown_findings(govinfo_diagnostics **out, const govinfo_report *report, const char *in,
                          const char *suppress_path) {
  *out = NULL;
  govinfo_suppressions *set = NULL;
  govinfo_diagnostics *all = NULL;
  int rc = govinfo_suppressions_load(&set, suppress_path);
  if (rc == GOVINFO_OK) rc = govinfo_report_validate(&all, report);
  if (rc == GOVINFO_OK) rc = govinfo_suppressions_apply(out, set, all, cli_display_name(in));
  govinfo_diagnostics_free(all);
  govinfo_suppressions_free(set);
  if (rc == GOVINFO_OK) return CLI_EXIT_OK;
  cli_failure failure;
  cli_failure_from_library(&failure, rc);
  cli_print_failure(suppress_path, &failure);
  return CLI_EXIT_FAILURE;
}

static int render(const char *in, const char *out, govinfo_render_options *opts,
                  const char *suppress_path) {
  govinfo_report *report;
  cli_failure failure;
  if (cli_load_report(&report, in, &failure)) {
    cli_print_failure(cli_display_name(in), &failure);
    return CLI_EXIT_FAILURE;
  }
  govinfo_diagnostics *shown = NULL;
  if (suppress_path && !(opts->flags & GOVINFO_RENDER_NO_FINDINGS)) {
    if (shown_findings(&shown, report, in, suppress_path) != CLI_EXIT_OK) {
      govinfo_report_free(report);
      return CLI_EXIT_FAILURE;
    }
    opts->findings = shown;
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
    status = cli_error("cannot render %s: %s", cli_display_name(in), cli_last_error());
  opts->findings = NULL;
  govinfo_diagnostics_free(shown);
  govinfo_report_free(report);
  return status;
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  govinfo_render_options opts = GOVINFO_RENDER_OPTIONS_INIT;
  cli_lang lang = cli_language;
  if (args.noperands != 1)
    status = cli_usage_error(cmd, "expected one REPORT, got %zu operands", args.noperands);
  else status = output_format(cmd, args.value[OPT_TO], args.value[OPT_OUTPUT], &opts.format);
  if (status == CLI_CONTINUE) status = cli_parse_lang(cmd, args.value[OPT_LANG], &lang);
  if (status == CLI_CONTINUE) {
    if (args.value[OPT_NO_FINDINGS]) opts.flags |= GOVINFO_RENDER_NO_FINDINGS;
    if (lang == CLI_LANG_EN) opts.flags |= GOVINFO_RENDER_EN;
    status = render(args.operands[0], args.value[OPT_OUTPUT], &opts, args.value[OPT_SUPPRESS]);
  }
  cli_args_free(&args);
  return status;
}

const cli_command cli_render_command = {
    .name = "render",
    .summary = "show a report as published: HTML, Markdown or Excel",
    .synopsis = "govinfo render [--to html|md|xlsx] [--no-findings] [--suppress FILE]\n"
                "       [--lang zh|en] REPORT [-o FILE]",
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
            "  --suppress FILE    do not show the findings a suppression file hides (see\n"
            "                     govinfo validate --suppress)\n"
            "  --lang zh|en       language of the findings (default: GOVINFO_LANG, else the\n"
            "                     locale)\n"
            "  -h, --help         show this help\n"
            "\n"
            "Exit status: 0 written, 2 a usage, input or output error.\n",
    .summary_zh = "按发布的样式显示报告：HTML、Markdown 或 Excel",
    .help_zh =
        "按发布的样式呈现报告 REPORT（JSON 或 YAML；“-”读标准输入）：标题、前言、六个\n"
        "部分，以及按其格式版本规定版式排列、表头合并单元格的表二、表三、表四；空白和\n"
        "符号照原样，缺失的单元格标为“缺”。显示检查结果：有问题的单元格突出显示并附规则\n"
        "和消息，末尾列出全部检查结果。\n"
        "\n"
        "  html  一个自包含的网页（内联 CSS，无脚本），可按 A4 打印\n"
        "  md    GitHub 风格的 Markdown；有合并单元格的表格写成 HTML\n"
        "  xlsx  Excel 工作簿：每张表一个工作表（合并单元格照原样，数字为数值），正文和\n"
        "        检查结果各占一个工作表\n"
        "\n"
        "govinfo import 可以读回每一种呈现。\n"
        "\n"
        "选项：\n"
        "  --to html|md|xlsx  输出格式（默认：按 FILE 的扩展名 .html、.md 或 .xlsx；标准\n"
        "                     输出为 HTML）\n"
        "  -o, --output FILE  写到 FILE（原子写入）而不是标准输出\n"
        "  --no-findings      供发布的干净副本：不显示检查结果\n"
        "  --suppress FILE    不显示抑制文件所隐藏的检查结果（见 govinfo validate --suppress）\n"
        "  --lang zh|en       检查结果的语言\n"
        "  -h, --help         显示本帮助\n"
        "\n"
        "退出状态：0 已写出，2 用法、输入或输出错误。\n",
    .run = run,
};
