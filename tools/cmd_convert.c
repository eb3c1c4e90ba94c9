/* govinfo convert: read a report in one syntax, write it in canonical JSON or YAML. */
#include <string.h>

#include "cli.h"

enum { OPT_TO, OPT_LANG, OPT_COUNT_ };

static const cli_option options[OPT_COUNT_] = {
    [OPT_TO] = {"to", 0, true},
    [OPT_LANG] = {"lang", 0, true},
};

/* The output syntax: --to, else the extension of OUT. Returns CLI_CONTINUE or a usage
 * error. */
static int output_syntax(const cli_command *cmd, const char *to, const char *out,
                         govinfo_syntax *syntax) {
  if (to != NULL) {
    if (strcmp(to, "json") == 0) {
      *syntax = GOVINFO_SYNTAX_JSON;
    } else if (strcmp(to, "yaml") == 0) {
      *syntax = GOVINFO_SYNTAX_YAML;
    } else {
      return cli_usage_error(cmd, "unknown output syntax '%s' (expected json or yaml)", to);
    }
    return CLI_CONTINUE;
  }
  *syntax = strcmp(out, "-") == 0 ? GOVINFO_SYNTAX_AUTO : govinfo_syntax_from_path(out);
  if (*syntax == GOVINFO_SYNTAX_AUTO)
    return cli_usage_error(cmd, "cannot tell the output syntax of '%s': use --to json|yaml", out);
  return CLI_CONTINUE;
}

static int convert(const char *in, const char *out, govinfo_syntax syntax) {
  govinfo_report *report;
  cli_failure failure;
  if (cli_load_report(&report, in, &failure)) {
    cli_print_failure(cli_display_name(in), &failure);
    return CLI_EXIT_FAILURE;
  }
  int status = cli_write_report(report, out, syntax, 0);
  govinfo_report_free(report);
  return status;
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  govinfo_syntax syntax = GOVINFO_SYNTAX_AUTO;
  cli_lang lang;
  if (cli_parse_lang(cmd, args.value[OPT_LANG], &lang) != CLI_CONTINUE) status = CLI_EXIT_FAILURE;
  else if (args.noperands != 2)
    status = cli_usage_error(cmd, "expected IN and OUT, got %zu operand%s", args.noperands,
                             args.noperands == 1 ? "" : "s");
  else status = output_syntax(cmd, args.value[OPT_TO], args.operands[1], &syntax);
  if (status == CLI_CONTINUE) status = convert(args.operands[0], args.operands[1], syntax);
  cli_args_free(&args);
  return status;
}

const cli_command cli_convert_command = {
    .name = "convert",
    .summary = "convert a report between JSON and YAML",
    .synopsis = "govinfo convert [--to json|yaml] [--lang zh|en] IN OUT",
    .help = "Reads the report IN (JSON or YAML; \"-\" reads standard input and recognises the\n"
            "syntax by its first character) and writes it to OUT in canonical form (\"-\"\n"
            "writes to standard output). A file is written atomically: into a temporary\n"
            "file beside it, then renamed, so a failure never leaves OUT half-written.\n"
            "\n"
            "Options:\n"
            "  --to json|yaml  output syntax (default: from the extension of OUT,\n"
            "                  .json, .yaml or .yml)\n"
            "  --lang zh|en    language of the messages\n"
            "  -h, --help      show this help\n"
            "\n"
            "Exit status: 0 converted, 2 a usage, input or output error.\n",
    .summary_zh = "在 JSON 和 YAML 之间转换报告",
    .help_zh = "读入报告 IN（JSON 或 YAML；“-”读标准输入，按第一个字符识别语法），以规范形式写到\n"
               "OUT（“-”写到标准输出）。文件先写到旁边的临时文件再改名，失败时不会留下写了一半的\n"
               "OUT。\n"
               "\n"
               "选项：\n"
               "  --to json|yaml  输出语法（默认：按 OUT 的扩展名 .json、.yaml 或 .yml）\n"
               "  --lang zh|en    消息的语言\n"
               "  -h, --help      显示本帮助\n"
               "\n"
               "退出状态：0 已转换，2 用法、输入或输出错误。\n",
    .run = run,
};
