/* The govinfo command-line tool: what the commands share. The tool is a plain user of the
 * public API (<govinfo/govinfo.h>); it never reaches into lib/. */
#ifndef GOVINFO_CLI_H
#define GOVINFO_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <govinfo/govinfo.h>

/* Exit statuses of every command. */
enum {
  CLI_EXIT_OK = 0,
  CLI_EXIT_FINDINGS = 1, /* validate: a report has a finding of severity error */
  CLI_EXIT_FAILURE = 2   /* usage error, unreadable or malformed input, failed output */
};

/* Returned by cli_parse when the command should go on running. */
#define CLI_CONTINUE (-1)

/* Name under which stdin is shown in messages. */
#define CLI_STDIN_NAME "<stdin>"

typedef struct cli_command {
  const char *name;
  const char *summary;    /* one line for the list of commands */
  const char *synopsis;   /* "govinfo convert [--to json|yaml] IN OUT" (may hold several lines) */
  const char *help;       /* description and options, printed after the synopsis */
  const char *summary_zh; /* the summary and help in Chinese (NULL: the English) */
  const char *help_zh;
  int (*run)(const struct cli_command *cmd, int argc, char **argv);
} cli_command;

extern const cli_command cli_validate_command;
extern const cli_command cli_convert_command;
extern const cli_command cli_template_command;
extern const cli_command cli_rules_command;
extern const cli_command cli_import_command;
extern const cli_command cli_compare_command;
extern const cli_command cli_sum_command;
extern const cli_command cli_export_command;
extern const cli_command cli_render_command;

/* ---- options (cli.c) ---- */

typedef struct cli_option {
  const char *name; /* long name, without "--" */
  char short_name;  /* 0 when it has none */
  bool has_value;
} cli_option;

#define CLI_MAX_OPTIONS 16

typedef struct cli_args {
  /* Per option, in the order of the option table: its value, "" for a flag that was given,
   * NULL when absent. The last occurrence wins. */
  const char *value[CLI_MAX_OPTIONS];
  char **operands; /* malloc'd array of pointers into argv */
  size_t noperands;
} cli_args;

/* Parses argv[1..argc) of a command: options may come before or after operands, "--" ends
 * them, "--opt=value" and "--opt value" both work, "-" is an operand; -h/--help is implicit.
 * Returns CLI_CONTINUE with *args filled (free with cli_args_free), or the exit status to
 * return at once: CLI_EXIT_OK after printing help, CLI_EXIT_FAILURE after a usage error. */
int cli_parse(cli_args *args, const cli_command *cmd, const cli_option *opts, size_t nopts,
              int argc, char **argv);
void cli_args_free(cli_args *args);

/* Prints "govinfo CMD: <message>", the synopsis and a hint to stderr; returns
 * CLI_EXIT_FAILURE. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Prints the full help of a command to stdout. */
void cli_print_help(const cli_command *cmd);

typedef enum cli_lang { CLI_LANG_ZH, CLI_LANG_EN } cli_lang;

/* The language of every message of the run: --lang (anywhere on the command line), else
 * GOVINFO_LANG, else the locale (LC_ALL, then LANG: "zh…" gives zh), else en. Set once by
 * cli_choose_language() in main, before any output. */
extern cli_lang cli_language;
void cli_choose_language(int argc, char **argv);
/* "zh" or "en"; NULL (option absent) gives cli_language. Returns CLI_CONTINUE or a usage
 * error. */
int cli_parse_lang(const cli_command *cmd, const char *value, cli_lang *out);
/* The text in the run's language. */
static inline const char *cli_text(const char *zh, const char *en) {
  return cli_language == CLI_LANG_ZH && zh ? zh : en;
}

/* --strict, --enable RULE[,RULE...], --disable RULE[,RULE...] as validation options. */
typedef struct cli_checks {
  govinfo_validate_options opts;
  char **enable, **disable; /* NULL-terminated, or NULL */
} cli_checks;

/* Fills *checks from the options' values (NULL when absent); an unknown rule id is a usage
 * error with the library's suggestion. Returns CLI_CONTINUE (free with cli_checks_free) or
 * CLI_EXIT_FAILURE. */
int cli_parse_checks(const cli_command *cmd, const char *strict, const char *enable,
                     const char *disable, cli_checks *checks);
void cli_checks_free(cli_checks *checks);

/* ---- messages and output (cli.c) ---- */

/* "govinfo: <message>" on stderr, after flushing stdout so the two streams stay in order;
 * returns CLI_EXIT_FAILURE. fmt is English; in Chinese runs its Chinese from
 * tools/messages_zh.c is printed (as for cli_usage_error). */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The Chinese of a message's format string in Chinese runs (tools/messages_zh.c), else fmt. */
const char *cli_message(const char *fmt);
/* The last library error's message in the run's language. */
const char *cli_last_error(void);
/* Writes to stdout. Write errors are sticky and reported once, by cli_close_stdout. */
void cli_write(const char *data, size_t len);
void cli_puts(const char *text);
void cli_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Flushes and closes stdout; on failure prints why and returns CLI_EXIT_FAILURE. */
int cli_close_stdout(void);

/* ---- reading reports (cli.c) ---- */

/* Why a report could not be loaded, copied out of govinfo_error_last() so it survives later
 * library calls. */
typedef struct cli_failure {
  int code; /* GOVINFO_E* */
  char message[512];
  char message_zh[512];  /* "" when there is none: message is used */
  unsigned line, column; /* 0 when unknown */
  char path[512];        /* JSON Pointer, "" when none */
} cli_failure;

/* Reads a whole stream into a new buffer (NUL-terminated; free()); returns 0 or an errno. */
int cli_read_stream(FILE *f, char **buf, size_t *len);
/* What cli_read_stream's error means, as a phrase (static). */
const char *cli_read_error(int err);
/* "-" reads stdin and sniffs the syntax; anything else is a file, syntax by extension. */
int cli_load_report(govinfo_report **out, const char *arg, cli_failure *failure);
/* The name of an operand in messages: CLI_STDIN_NAME for "-". */
const char *cli_display_name(const char *arg);
/* Fills *failure from govinfo_error_last() after the library returned code. */
void cli_failure_from_library(cli_failure *failure, int code);
/* Fills *failure from a recorded error (a batch item's). */
void cli_failure_from_error(cli_failure *failure, int code, const govinfo_error *e);
/* "file:line:col: error: <message> (at <JSON Pointer>)" on stderr, in cli_language. */
void cli_print_failure(const char *file, const cli_failure *failure);

/* Writes a report to path, atomically, or to standard output for NULL or "-". syntax AUTO
 * means by the path's extension, YAML when it tells nothing. Returns CLI_EXIT_OK, or prints
 * why and returns CLI_EXIT_FAILURE. */
int cli_write_report(const govinfo_report *report, const char *path, govinfo_syntax syntax,
                     unsigned flags);

/* ---- findings (findings.c) ---- */

/* One clang-style line per finding: "file:line:col: severity: message [rule]". */
void cli_print_findings_text(FILE *out, const char *file, const govinfo_diagnostics *diags,
                             cli_lang lang);
/* One JSON line {"file", ["stage",] "valid", "errors", ..., "diagnostics"}; false when out of
 * memory. stage may be NULL. */
bool cli_print_findings_json(FILE *out, const char *file, const govinfo_diagnostics *diags,
                             const char *stage);
struct cJSON;
/* The members of the library's JSON object text[0..len) (freed here with govinfo_free())
 * moved after head's own, so the CLI's fields come first. Returns head, or NULL (head
 * deleted) when text is no object or memory runs out. */
struct cJSON *cli_json_after(struct cJSON *head, char *text, size_t len);
/* "2 errors and 3 warnings generated; 1 finding suppressed." (zh: "共 2 个错误，3 个警告；…")
 * on stderr; nothing when all are 0. */
void cli_print_totals(size_t errors, size_t warnings, size_t suppressed, cli_lang lang);

#endif
