/* govinfo: command-line front end of libgovinfo. Dispatches to the commands, prints the
 * general help and the version, and checks that standard output was written. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const cli_command *const commands[] = {
    &cli_validate_command, &cli_import_command, &cli_convert_command, &cli_template_command,
    &cli_rules_command,    &cli_export_command, &cli_render_command,
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static const cli_command *find_command(const char *name) {
  for (size_t i = 0; i < COMMAND_COUNT; i++)
    if (strcmp(commands[i]->name, name) == 0) return commands[i];
  return NULL;
}

static void print_general_help(FILE *f) {
  fputs("usage: govinfo COMMAND [OPTIONS] [ARGS]\n"
        "       govinfo --version | --help | help COMMAND\n"
        "\n"
        "Checks, converts and creates 政府信息公开工作年度报告 (annual reports on\n"
        "government information disclosure) kept as JSON or YAML.\n"
        "\n"
        "Commands:\n",
        f);
  for (size_t i = 0; i < COMMAND_COUNT; i++)
    fprintf(f, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
  fprintf(f, "  %-10s %s\n", "help", "show the help of a command");
  fputs("\n"
        "Options:\n"
        "  -h, --help  show this help\n"
        "  --version   show the version of govinfo and libgovinfo\n"
        "\n"
        "Run 'govinfo help COMMAND' for the options of a command.\n",
        f);
}

static int general_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int general_usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("govinfo: ", stderr);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputs("\nusage: govinfo COMMAND [OPTIONS] [ARGS]\n"
        "Try 'govinfo --help' for more information.\n",
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
  if (cmd == NULL) return general_usage_error("help: unknown command '%s'", argv[1]);
  cli_print_help(cmd);
  return CLI_EXIT_OK;
}

static bool is_help_option(const char *arg) {
  return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* govinfo --help | --version */
static int general_option(int argc, char **argv) {
  const char *option = argv[1];
  if (!is_help_option(option) && strcmp(option, "--version") != 0)
    return general_usage_error("unknown option '%s'", option);
  if (argc > 2) return general_usage_error("unexpected operand '%s'", argv[2]);
  if (strcmp(option, "--version") == 0) return print_version();
  print_general_help(stdout);
  return CLI_EXIT_OK;
}

static int dispatch(int argc, char **argv) {
  if (argc < 2) return general_usage_error("no command given");
  const char *first = argv[1];
  if (first[0] == '-') return general_option(argc, argv);
  if (strcmp(first, "help") == 0) return help_command(argc - 1, argv + 1);
  const cli_command *cmd = find_command(first);
  if (cmd == NULL) return general_usage_error("unknown command '%s'", first);
  return cmd->run(cmd, argc - 1, argv + 1);
}

int main(int argc, char **argv) {
  int status = dispatch(argc, argv);
  if (cli_close_stdout() != CLI_EXIT_OK) status = CLI_EXIT_FAILURE;
  return status;
}
