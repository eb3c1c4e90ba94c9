/* govinfo template: a blank report to fill in, as YAML with the labels as comments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

enum { OPT_FORMAT, OPT_YEAR, OPT_ORGAN, OPT_OUTPUT, OPT_FORCE, OPT_LANG, OPT_TO, OPT_COUNT_ };

static const cli_option options[OPT_COUNT_] = {
    [OPT_FORMAT] = {"format", 0, true},  [OPT_YEAR] = {"year", 0, true},
    [OPT_ORGAN] = {"organ", 0, true},    [OPT_OUTPUT] = {"output", 'o', true},
    [OPT_FORCE] = {"force", 'f', false}, [OPT_LANG] = {"lang", 0, true},
    [OPT_TO] = {"to", 0, true},
};

/* A filled-in report must never be lost to a template written over it by mistake. */
static int refuse_overwrite(const cli_command *cmd, const char *output) {
  struct stat st;
  if (output == NULL || strcmp(output, "-") == 0 || stat(output, &st) != 0) return CLI_CONTINUE;
  return cli_usage_error(cmd, "%s exists: not overwritten (add --force to replace it)", output);
}

/* A year is 1..9999 written in digits only. Returns CLI_CONTINUE or a usage error. */
static int parse_year(const cli_command *cmd, const char *text, int *year) {
  if (text == NULL) return cli_usage_error(cmd, "--year is required");
  size_t n = strlen(text);
  bool digits = n > 0 && n <= 4 && strspn(text, "0123456789") == n;
  long value = digits ? strtol(text, NULL, 10) : 0;
  if (value < 1) return cli_usage_error(cmd, "invalid year '%s' (expected 1 to 9999)", text);
  *year = (int)value;
  return CLI_CONTINUE;
}

/* The format named by --format, else the one in force for the year. NULL after printing
 * why. */
static const govinfo_format *choose_format(const char *id, int year) {
  const govinfo_format *format = id ? govinfo_format_find(id) : govinfo_format_for_year(year);
  if (format == NULL) {
    cli_error("%s", cli_last_error());
    return NULL;
  }
  if (!govinfo_format_covers_year(format, year)) {
    int first = govinfo_format_first_year(format), last = govinfo_format_last_year(format);
    char years[32];
    bool zh = cli_language == CLI_LANG_ZH;
    if (last && zh) snprintf(years, sizeof years, "%d 至 %d 年", first, last);
    else if (last) snprintf(years, sizeof years, "%d to %d", first, last);
    else if (zh) snprintf(years, sizeof years, "%d 年起", first);
    else snprintf(years, sizeof years, "from %d on", first);
    const govinfo_format *right = govinfo_format_for_year(year);
    if (right)
      cli_error("format %s is for report years %s, not %d (use --format %s)",
                govinfo_format_id(format), years, year, govinfo_format_id(right));
    else
      cli_error("format %s is for report years %s, not %d", govinfo_format_id(format), years, year);
    return NULL;
  }
  return format;
}

/* The Excel template: the official tables with their merged headers, labels locked, the
 * value cells (blank) and the text unlocked. */
static int write_xlsx(const govinfo_report *report, const char *path) {
  govinfo_render_options opts = GOVINFO_RENDER_OPTIONS_INIT;
  opts.format = GOVINFO_RENDER_XLSX;
  opts.flags = GOVINFO_RENDER_NO_FINDINGS | GOVINFO_RENDER_PROTECT;
  if (govinfo_report_render_file(path, report, &opts) != GOVINFO_OK)
    return cli_error("cannot write the template: %s", cli_last_error());
  return CLI_EXIT_OK;
}

static int make_template(const cli_args *args, int year, bool xlsx) {
  const govinfo_format *format = choose_format(args->value[OPT_FORMAT], year);
  if (format == NULL) return CLI_EXIT_FAILURE;
  govinfo_report *report;
  if (govinfo_report_new_template(&report, govinfo_format_id(format), year, args->value[OPT_ORGAN]))
    return cli_error("cannot make the template: %s", cli_last_error());
  int status = xlsx ? write_xlsx(report, args->value[OPT_OUTPUT])
                    : cli_write_report(report, args->value[OPT_OUTPUT], GOVINFO_SYNTAX_YAML,
                                       GOVINFO_WRITE_LABELS);
  govinfo_report_free(report);
  return status;
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  const char *output = args.value[OPT_OUTPUT];
  int year = 0;
  cli_lang lang;
  const char *to = args.value[OPT_TO];
  size_t n = output ? strlen(output) : 0;
  bool xlsx = to ? strcmp(to, "xlsx") == 0 : n > 5 && strcmp(output + n - 5, ".xlsx") == 0;
  if (cli_parse_lang(cmd, args.value[OPT_LANG], &lang) != CLI_CONTINUE) status = CLI_EXIT_FAILURE;
  else if (to && !xlsx && strcmp(to, "yaml") != 0)
    status = cli_usage_error(cmd, "unknown template format '%s' (expected yaml or xlsx)", to);
  else if (xlsx && (output == NULL || strcmp(output, "-") == 0))
    status = cli_usage_error(cmd, "an Excel template needs a file: give -o FILE.xlsx");
  else if (args.noperands > 0)
    status = cli_usage_error(cmd, "unexpected operand '%s'", args.operands[0]);
  else if (!xlsx && output && govinfo_syntax_from_path(output) == GOVINFO_SYNTAX_JSON)
    status = cli_usage_error(cmd, "the template is YAML; '%s' names a JSON file", output);
  else status = parse_year(cmd, args.value[OPT_YEAR], &year);
  if (status == CLI_CONTINUE && args.value[OPT_FORCE] == NULL)
    status = refuse_overwrite(cmd, output);
  if (status == CLI_CONTINUE) status = make_template(&args, year, xlsx);
  cli_args_free(&args);
  return status;
}

const cli_command cli_template_command = {
    .name = "template",
    .summary = "write a blank report to fill in",
    .synopsis = "govinfo template [--format ID] --year YEAR [--organ NAME] [--to yaml|xlsx]\n"
                "       [-o FILE [--force]]",
    .help = "Writes a report ready to fill in, as YAML: the year and organ set, the six\n"
            "sections with their official titles and empty text, every cell of every table\n"
            "blank (null), each row and cell with its Chinese label as a comment.\n"
            "\n"
            "With --to xlsx (or -o FILE.xlsx) it is an Excel workbook to fill in Excel or\n"
            "WPS: the official tables with their merged headers on sheets 表二, 表三 and 表四,\n"
            "the labels protected, the value cells and the sections' text open to edit, each\n"
            "value cell named by its cell id (table3.new_received.total). `govinfo validate`\n"
            "and `govinfo import` read the filled workbook.\n"
            "\n"
            "Options:\n"
            "  --format ID       format version, \"2019\" or \"2021\" (default: the version in\n"
            "                    force for YEAR)\n"
            "  --year YEAR       report year (required)\n"
            "  --organ NAME      issuing organ (发布机关)\n"
            "  --to yaml|xlsx    YAML (default) or an Excel workbook (from the extension of\n"
            "                    FILE when .xlsx)\n"
            "  -o, --output FILE write to FILE, atomically, instead of standard output; an\n"
            "                    existing FILE is not overwritten\n"
            "  -f, --force       overwrite an existing FILE\n"
            "  --lang zh|en      language of the messages\n"
            "  -h, --help        show this help\n"
            "\n"
            "The template has title: and published: lines to fill in, and shows how to write\n"
            "text of several lines (YAML's block form, text: |).\n"
            "\n"
            "Exit status: 0 written, 2 a usage error, an unknown format or year, a FILE that\n"
            "exists already, or a failed write.\n",
    .summary_zh = "写出一份待填写的空白报告",
    .help_zh = "以 YAML 写出一份待填写的报告：已填好年度和发布机关，六个部分带有规定的标题和\n"
               "空的正文，每张表的每个单元格都是空白（null），每行每格以注释标出中文名称；另有\n"
               "待填写的 title:（标题）和 published:（发布日期）行，并说明多行文字的写法\n"
               "（YAML 块形式 text: |）。\n"
               "\n"
               "使用 --to xlsx（或 -o FILE.xlsx）时写出 Excel 工作簿，可在 Excel 或 WPS 中填写：\n"
               "表二、表三、表四各占一个工作表，表头合并单元格与规定格式相同，标签受保护，数值\n"
               "单元格和各部分正文可以编辑，每个数值单元格以其单元格 id 命名\n"
               "（table3.new_received.total）。govinfo validate 和 govinfo import 可读取填好的\n"
               "工作簿。\n"
               "\n"
               "选项：\n"
               "  --format ID       格式版本，\"2019\" 或 \"2021\"（默认：YEAR 适用的版本）\n"
               "  --year YEAR       报告年度（必需）\n"
               "  --organ NAME      发布机关\n"
               "  --to yaml|xlsx    YAML（默认）或 Excel 工作簿（FILE 以 .xlsx 结尾时亦然）\n"
               "  -o, --output FILE 写到 FILE（原子写入）而不是标准输出；FILE 已存在时不覆盖\n"
               "  -f, --force       覆盖已存在的 FILE\n"
               "  --lang zh|en      消息的语言\n"
               "  -h, --help        显示本帮助\n"
               "\n"
               "退出状态：0 已写出，2 用法错误、未知的格式或年度、FILE 已存在，或写入失败。\n",
    .run = run,
};
