/* govinfo: command-line front end of libgovinfo. Dispatches to the commands, prints the
 * general help and the version, and checks that standard output was written. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const cli_command *const commands[] = {
    &cli_validate_command, &cli_import_command, &cli_convert_command,
    &cli_template_command, &cli_rules_command,  &cli_export_command,
    &cli_compare_command,  &cli_sum_command, /* across reports */
    &cli_render_command,
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const cli_command *find_command(const char *name) {
  for (size_t i = 0; i < COMMAND_COUNT; i++)
    if (strcmp(commands[i]->name, name) == 0) return commands[i];
  return NULL;
}

static void print_general_help(FILE *f) {
  fputs(cli_text("用法：govinfo 命令 [选项] [参数]\n"
                 "      govinfo --version | --help | help 命令\n"
                 "\n"
                 "检查、转换和新建以 JSON 或 YAML 保存的政府信息公开工作年度报告，\n"
                 "并把公开发布的报告（PDF、Word、Excel、HTML、文本）导入为数据。\n"
                 "\n"
                 "命令：\n",
                 "usage: govinfo COMMAND [OPTIONS] [ARGS]\n"
                 "       govinfo --version | --help | help COMMAND\n"
                 "\n"
                 "Checks, converts and creates 政府信息公开工作年度报告 (annual reports on\n"
                 "government information disclosure) kept as JSON or YAML.\n"
                 "\n"
                 "Commands:\n"),
        f);
  for (size_t i = 0; i < COMMAND_COUNT; i++)
    fprintf(f, "  %-10s %s\n", commands[i]->name,
            cli_text(commands[i]->summary_zh, commands[i]->summary));
  fprintf(f, "  %-10s %s\n", "help", cli_text("显示某个命令的帮助", "show the help of a command"));
  fputs(cli_text("\n"
                 "选项：\n"
                 "  -h, --help     显示本帮助\n"
                 "  -V, --version  显示 govinfo 和 libgovinfo 的版本\n"
                 "  --lang zh|en   消息的语言（默认：GOVINFO_LANG，否则按区域设置 LANG）\n"
                 "\n"
                 "运行“govinfo help 命令”查看某个命令的选项。\n",
                 "\n"
                 "Options:\n"
                 "  -h, --help     show this help\n"
                 "  -V, --version  show the version of govinfo and libgovinfo\n"
                 "  --lang zh|en   language of the messages (default: GOVINFO_LANG, else the\n"
                 "                 locale, LC_ALL or LANG: zh… gives Chinese, else English)\n"
                 "\n"
                 "Run 'govinfo help COMMAND' for the options of a command.\n"),
        f);
}

/* "did you mean 'validate'?" for a misspelt command; "" when nothing is close. */
static const char *did_you_mean(const char *name, char *buf, size_t size) {
  const char *names[COMMAND_COUNT + 2];
  for (size_t i = 0; i < COMMAND_COUNT; i++) names[i] = commands[i]->name;
  names[COMMAND_COUNT] = "help";
  names[COMMAND_COUNT + 1] = NULL;
  const char *best = govinfo_suggest(name, names);
  if (best == NULL) return "";
  if (cli_language == CLI_LANG_ZH) snprintf(buf, size, "（是否想用“%s”？）", best);
  else snprintf(buf, size, " (did you mean '%s'?)", best);
  return buf;
}

static int general_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int general_usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("govinfo: ", stderr);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputs(cli_text("\n用法：govinfo 命令 [选项] [参数]\n"
                 "运行“govinfo --help”了解更多。\n",
                 "\nusage: govinfo COMMAND [OPTIONS] [ARGS]\n"
                 "Try 'govinfo --help' for more information.\n"),
        stderr);
  return CLI_EXIT_FAILURE;
}

/* The library actually loaded, and the headers the tool was built with when they differ. */
static int print_version(void) {
  const char *library = govinfo_version_string();
  cli_printf("govinfo (libgovinfo) %s\n", library);
  if (strcmp(library, GOVINFO_VERSION_STRING) != 0)
    cli_printf("built with libgovinfo headers %s\n", GOVINFO_VERSION_STRING);
  return CLI_EXIT_OK;
}

/* govinfo help [COMMAND] */
static int help_command(int argc, char **argv) {
  if (argc > 2) return general_usage_error("help: unexpected operand '%s'", argv[2]);
  if (argc < 2) {
    print_general_help(stdout);
    return CLI_EXIT_OK;
  }
  const cli_command *cmd = find_command(argv[1]);
  char hint[96];
  if (cmd == NULL)
    return cli_language == CLI_LANG_ZH
               ? general_usage_error("help：未知的命令“%s”%s", argv[1],
                                     did_you_mean(argv[1], hint, sizeof hint))
               : general_usage_error("help: unknown command '%s'%s", argv[1],
                                     did_you_mean(argv[1], hint, sizeof hint));
  cli_print_help(cmd);
  return CLI_EXIT_OK;
}

static bool is_help_option(const char *arg) {
  return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* govinfo --help | --version */
static int general_option(int argc, char **argv) {
  const char *option = argv[1];
  bool version = strcmp(option, "--version") == 0 || strcmp(option, "-V") == 0;
  if (!is_help_option(option) && !version)
    return cli_language == CLI_LANG_ZH ? general_usage_error("未知的选项“%s”", option)
                                       : general_usage_error("unknown option '%s'", option);
  if (argc > 2)
    return cli_language == CLI_LANG_ZH ? general_usage_error("多余的参数“%s”", argv[2])
                                       : general_usage_error("unexpected operand '%s'", argv[2]);
  if (version) return print_version();
  print_general_help(stdout);
  return CLI_EXIT_OK;
}

static int dispatch(int argc, char **argv) {
  /* "govinfo --lang zh --help": cli_choose_language took the language already */
  if (argc > 1 && strncmp(argv[1], "--lang=", 7) == 0) {
    argv[1] = argv[0];
    return dispatch(argc - 1, argv + 1);
  }
  if (argc > 2 && strcmp(argv[1], "--lang") == 0) {
    argv[2] = argv[0];
    return dispatch(argc - 2, argv + 2);
  }
  if (argc < 2) return general_usage_error("%s", cli_text("没有给出命令", "no command given"));
  const char *first = argv[1];
  if (first[0] == '-') return general_option(argc, argv);
  if (strcmp(first, "help") == 0) return help_command(argc - 1, argv + 1);
  const cli_command *cmd = find_command(first);
  char hint[96];
  if (cmd == NULL)
    return cli_language == CLI_LANG_ZH
               ? general_usage_error("未知的命令“%s”%s", first,
                                     did_you_mean(first, hint, sizeof hint))
               : general_usage_error("unknown command '%s'%s", first,
                                     did_you_mean(first, hint, sizeof hint));
  return cmd->run(cmd, argc - 1, argv + 1);
}

int main(int argc, char **argv) {
  cli_choose_language(argc, argv);
  int status = dispatch(argc, argv);
  if (cli_close_stdout() != CLI_EXIT_OK) status = CLI_EXIT_FAILURE;
  return status;
}
