/* What the commands share: option parsing, messages, stdout and reading reports. */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- options ---- */

static const cli_option help_option = {"help", 'h', false};

/* Index of the option named by a long name of name_len bytes; nopts for --help; -1 when
 * unknown. */
static long find_long(const cli_option *opts, size_t nopts, const char *name, size_t name_len) {
  for (size_t i = 0; i < nopts; i++)
    if (strlen(opts[i].name) == name_len && memcmp(opts[i].name, name, name_len) == 0)
      return (long)i;
  if (strlen(help_option.name) == name_len && memcmp(help_option.name, name, name_len) == 0)
    return (long)nopts;
  return -1;
}

static long find_short(const cli_option *opts, size_t nopts, char c) {
  for (size_t i = 0; i < nopts; i++)
    if (opts[i].short_name != 0 && opts[i].short_name == c) return (long)i;
  return c == help_option.short_name ? (long)nopts : -1;
}

/* Parses the option at argv[*i] (it starts with '-' and is not "-" or "--"), advancing *i
 * past a separate value. Returns CLI_CONTINUE, or the exit status. */
static int parse_option(cli_args *args, bool *help, const cli_command *cmd, const cli_option *opts,
                        size_t nopts, int argc, char **argv, int *i) {
  const char *arg = argv[*i];
  const char *inline_value = NULL; /* "--opt=value" or "-oVALUE" */
  long index;
  if (arg[1] == '-') {
    const char *eq = strchr(arg + 2, '=');
    size_t name_len = eq ? (size_t)(eq - (arg + 2)) : strlen(arg + 2);
    index = find_long(opts, nopts, arg + 2, name_len);
    if (index < 0) return cli_usage_error(cmd, "unknown option '%.*s'", (int)(name_len + 2), arg);
    if (eq) inline_value = eq + 1;
  } else {
    index = find_short(opts, nopts, arg[1]);
    if (index < 0) return cli_usage_error(cmd, "unknown option '-%c'", arg[1]);
    if (arg[2] != '\0') inline_value = arg + 2;
  }
  const cli_option *opt = (size_t)index == nopts ? &help_option : &opts[index];
  const char *value = "";
  if (opt->has_value) {
    if (inline_value) {
      value = inline_value;
    } else if (*i + 1 < argc) {
      value = argv[++*i];
    } else {
      return cli_usage_error(cmd, "option '%s' needs a value", arg);
    }
  } else if (inline_value) {
    return cli_usage_error(cmd, "option '%s' takes no value", arg);
  }
  if (opt == &help_option) *help = true;
  else args->value[index] = value;
  return CLI_CONTINUE;
}

int cli_parse(cli_args *args, const cli_command *cmd, const cli_option *opts, size_t nopts,
              int argc, char **argv) {
  memset(args, 0, sizeof *args);
  if (nopts > CLI_MAX_OPTIONS) return cli_error("%s: too many options", cmd->name);
  args->operands = calloc((size_t)argc + 1, sizeof *args->operands);
  if (args->operands == NULL) return cli_error("out of memory");
  bool help = false, options_ended = false;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (options_ended || arg[0] != '-' || arg[1] == '\0') {
      args->operands[args->noperands++] = argv[i];
    } else if (strcmp(arg, "--") == 0) {
      options_ended = true;
    } else {
      int status = parse_option(args, &help, cmd, opts, nopts, argc, argv, &i);
      if (status != CLI_CONTINUE) {
        cli_args_free(args);
        return status;
      }
    }
  }
  if (help) {
    cli_args_free(args);
    cli_print_help(cmd);
    return CLI_EXIT_OK;
  }
  return CLI_CONTINUE;
}

void cli_args_free(cli_args *args) {
  free(args->operands);
  args->operands = NULL;
  args->noperands = 0;
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...) {
  fflush(stdout);
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "govinfo %s: ", cmd->name);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* the Chinese has fmt's conversions */
  vfprintf(stderr, cli_message(fmt), ap);
#pragma GCC diagnostic pop
  va_end(ap);
  if (cli_language == CLI_LANG_ZH)
    fprintf(stderr, "\n用法：%s\n运行“govinfo help %s”了解更多。\n", cmd->synopsis, cmd->name);
  else
    fprintf(stderr, "\nusage: %s\nTry 'govinfo help %s' for more information.\n", cmd->synopsis,
            cmd->name);
  return CLI_EXIT_FAILURE;
}

void cli_print_help(const cli_command *cmd) {
  if (cli_language == CLI_LANG_ZH && cmd->help_zh)
    cli_printf("用法：%s\n\n%s", cmd->synopsis, cmd->help_zh);
  else cli_printf("usage: %s\n\n%s", cmd->synopsis, cmd->help);
}

cli_lang cli_language = CLI_LANG_EN;

/* "zh", "zh_CN.UTF-8", "zh-Hans" … are Chinese; "en", "C", "POSIX" … are not. */
static bool names_chinese(const char *value) { return strncmp(value, "zh", 2) == 0; }

void cli_choose_language(int argc, char **argv) {
  const char *env = getenv("GOVINFO_LANG");
  if (env && env[0]) {
    cli_language = names_chinese(env) ? CLI_LANG_ZH : CLI_LANG_EN;
  } else {
    const char *locale = getenv("LC_ALL");
    if (locale == NULL || locale[0] == '\0') locale = getenv("LANG");
    cli_language = locale && names_chinese(locale) ? CLI_LANG_ZH : CLI_LANG_EN;
  }
  /* --lang wins, wherever it is (so that "--help --lang zh" is in Chinese too) */
  for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
    const char *value = NULL;
    if (strncmp(argv[i], "--lang=", 7) == 0) value = argv[i] + 7;
    else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) value = argv[i + 1];
    if (value && strcmp(value, "zh") == 0) cli_language = CLI_LANG_ZH;
    else if (value && strcmp(value, "en") == 0) cli_language = CLI_LANG_EN;
  }
}

int cli_parse_lang(const cli_command *cmd, const char *value, cli_lang *out) {
  if (value == NULL) {
    *out = cli_language;
  } else if (strcmp(value, "zh") == 0) {
    *out = CLI_LANG_ZH;
  } else if (strcmp(value, "en") == 0) {
    *out = CLI_LANG_EN;
  } else {
    return cli_usage_error(cmd, "unknown language '%s' (expected zh or en)", value);
  }
  cli_language = *out;
  return CLI_CONTINUE;
}

/* ---- rules to check ---- */

/* "a,b,c" as a NULL-terminated array in one block (free()); NULL when out of memory. */
static char **split_ids(const char *list) {
  size_t n = 1, len = strlen(list);
  for (const char *p = list; *p; p++) n += *p == ',';
  char **ids = malloc((n + 1) * sizeof *ids + len + 1);
  if (ids == NULL) return NULL;
  char *text = memcpy((char *)(ids + n + 1), list, len + 1);
  size_t k = 0;
  for (char *p = text, *comma; p; p = comma ? comma + 1 : NULL) {
    comma = strchr(p, ',');
    if (comma) *comma = '\0';
    if (*p) ids[k++] = p;
  }
  ids[k] = NULL;
  return ids;
}

static int check_ids(const cli_command *cmd, char **ids) {
  for (size_t i = 0; ids && ids[i]; i++) {
    if (govinfo_rule_find(ids[i]) != NULL) continue;
    const govinfo_error *e = govinfo_error_last();
    return cli_usage_error(cmd, "%s", cli_text(e->message_zh, e->message));
  }
  return CLI_CONTINUE;
}

int cli_parse_checks(const cli_command *cmd, const char *strict, const char *enable,
                     const char *disable, cli_checks *checks) {
  memset(checks, 0, sizeof *checks);
  govinfo_validate_options_init(&checks->opts, GOVINFO_VALIDATE_OPTIONS_VERSION);
  if (strict) checks->opts.flags |= GOVINFO_VALIDATE_STRICT;
  if ((enable && (checks->enable = split_ids(enable)) == NULL) ||
      (disable && (checks->disable = split_ids(disable)) == NULL)) {
    cli_checks_free(checks);
    return cli_error("out of memory");
  }
  int status = check_ids(cmd, checks->enable);
  if (status == CLI_CONTINUE) status = check_ids(cmd, checks->disable);
  if (status != CLI_CONTINUE) {
    cli_checks_free(checks);
    return status;
  }
  checks->opts.enable = (const char *const *)checks->enable;
  checks->opts.disable = (const char *const *)checks->disable;
  return CLI_CONTINUE;
}

void cli_checks_free(cli_checks *checks) {
  free(checks->enable);
  free(checks->disable);
  checks->enable = checks->disable = NULL;
}

/* ---- messages and output ---- */

int cli_error(const char *fmt, ...) {
  fflush(stdout);
  char message[2048];
  va_list ap;
  va_start(ap, fmt);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* the Chinese has fmt's conversions */
  vsnprintf(message, sizeof message, cli_message(fmt), ap);
#pragma GCC diagnostic pop
  va_end(ap);
  fputs("govinfo: ", stderr);
  /* file names and arguments are user text: control characters never reach the terminal */
  for (const unsigned char *p = (const unsigned char *)message; *p; p++)
    if (*p < 0x20 || *p == 0x7F) fprintf(stderr, "\\x%02x", *p);
    else fputc(*p, stderr);
  fputc('\n', stderr);
  return CLI_EXIT_FAILURE;
}

void cli_write(const char *data, size_t len) {
  if (len > 0) fwrite(data, 1, len, stdout);
}

void cli_puts(const char *text) { fputs(text, stdout); }

void cli_printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stdout, fmt, ap);
  va_end(ap);
}

int cli_close_stdout(void) {
  errno = 0;
  bool failed = fflush(stdout) != 0 || ferror(stdout);
  int err = errno;
  if (fclose(stdout) != 0 && !failed) {
    failed = true;
    err = errno;
  }
  if (!failed) return CLI_EXIT_OK;
  fprintf(stderr, "govinfo: cannot write to standard output: %s\n",
          err ? strerror(err) : "write error");
  return CLI_EXIT_FAILURE;
}

/* ---- reading reports ---- */

static void copy_text(char *dst, size_t size, const char *src) {
  snprintf(dst, size, "%s", src ? src : "");
}

void cli_failure_from_error(cli_failure *failure, int code, const govinfo_error *e) {
  failure->code = code;
  copy_text(failure->message, sizeof failure->message,
            e->message[0] ? e->message : govinfo_strerror(code));
  copy_text(failure->message_zh, sizeof failure->message_zh, e->message[0] ? e->message_zh : "");
  failure->line = e->line;
  failure->column = e->column;
  copy_text(failure->path, sizeof failure->path, e->path);
}

void cli_failure_from_library(cli_failure *failure, int code) {
  cli_failure_from_error(failure, code, govinfo_error_last());
}

static void failure_from_errno(cli_failure *failure, const char *what, int err) {
  memset(failure, 0, sizeof *failure);
  failure->code = GOVINFO_EIO;
  snprintf(failure->message, sizeof failure->message, "%s: %s", what, strerror(err));
}

/* Reads all of f into a new buffer (free with free()). Returns 0 or an errno value: EFBIG
 * past GOVINFO_MAX_INPUT_BYTES_DEFAULT, so /dev/zero or a runaway pipe stops. */
int cli_read_stream(FILE *f, char **out, size_t *len) {
  const size_t max = GOVINFO_MAX_INPUT_BYTES_DEFAULT;
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  if (buf == NULL) return ENOMEM;
  for (;;) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    char *bigger = n <= max ? realloc(buf, cap <= max / 2 ? cap * 2 : max + 1) : NULL;
    if (bigger == NULL) {
      free(buf);
      return n > max ? EFBIG : ENOMEM;
    }
    buf = bigger;
    cap = cap <= max / 2 ? cap * 2 : max + 1;
  }
  if (ferror(f)) {
    int err = errno ? errno : EIO;
    free(buf);
    return err;
  }
  if (n > max) {
    free(buf);
    return EFBIG;
  }
  *out = buf;
  *len = n;
  return 0;
}

const char *cli_read_error(int err) {
  _Static_assert(GOVINFO_MAX_INPUT_BYTES_DEFAULT == (size_t)64 << 20, "the message below");
  return err == EFBIG ? "larger than the input size limit of 64 MiB" : strerror(err);
}

static int load_stdin(govinfo_report **out, cli_failure *failure) {
  char *buf;
  size_t len;
  errno = 0;
  int err = cli_read_stream(stdin, &buf, &len);
  if (err) {
    failure_from_errno(failure, "cannot read standard input", err);
    if (err == EFBIG)
      snprintf(failure->message, sizeof failure->message, "standard input is %s",
               cli_read_error(err));
    return GOVINFO_EIO;
  }
  int rc = govinfo_report_parse(out, buf, len, GOVINFO_SYNTAX_AUTO, CLI_STDIN_NAME);
  if (rc) cli_failure_from_library(failure, rc);
  free(buf);
  return rc;
}

int cli_load_report(govinfo_report **out, const char *arg, cli_failure *failure) {
  *out = NULL;
  if (strcmp(arg, "-") == 0) return load_stdin(out, failure);
  int rc = govinfo_report_load(out, arg, GOVINFO_SYNTAX_AUTO);
  if (rc) cli_failure_from_library(failure, rc);
  return rc;
}

void cli_print_failure(const char *file, const cli_failure *failure) {
  fflush(stdout);
  govinfo_error e = {.code = failure->code,
                     .message = failure->message,
                     .message_zh = failure->message_zh,
                     .source = "",
                     .line = failure->line,
                     .column = failure->column,
                     .path = failure->path};
  char *line;
  unsigned flags = cli_language == CLI_LANG_EN ? GOVINFO_FORMAT_EN : 0;
  if (govinfo_error_format(&line, NULL, &e, file, flags) != GOVINFO_OK) {
    fprintf(stderr, "%s: error: %s\n", file, failure->message);
    return;
  }
  fprintf(stderr, "%s\n", line);
  govinfo_free(line);
}

const char *cli_display_name(const char *arg) {
  return strcmp(arg, "-") == 0 ? CLI_STDIN_NAME : arg;
}

int cli_write_report(const govinfo_report *report, const char *path, govinfo_syntax syntax,
                     unsigned flags) {
  bool to_stdout = path == NULL || strcmp(path, "-") == 0;
  if (syntax == GOVINFO_SYNTAX_AUTO && !to_stdout) syntax = govinfo_syntax_from_path(path);
  if (syntax == GOVINFO_SYNTAX_AUTO) syntax = GOVINFO_SYNTAX_YAML;
  if (!to_stdout) {
    /* Past the file size limit (ulimit -f) a write fails and is reported, instead of the
     * process being killed. SIGINT, SIGTERM and SIGHUP wait until the file is whole or
     * abandoned: the library's temporary file never stays. */
    signal(SIGXFSZ, SIG_IGN);
    sigset_t stop, before;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT), sigaddset(&stop, SIGTERM), sigaddset(&stop, SIGHUP);
    sigprocmask(SIG_BLOCK, &stop, &before);
    int rc = govinfo_report_save(report, path, syntax, flags);
    const char *why = cli_last_error();
    if (rc)
      rc = strstr(why, path) ? cli_error("%s", why) : cli_error("cannot write %s: %s", path, why);
    sigprocmask(SIG_SETMASK, &before, NULL);
    return rc ? rc : CLI_EXIT_OK;
  }
  char *text;
  size_t len;
  if (govinfo_report_serialize(&text, &len, report, syntax, flags))
    return cli_error("cannot serialize the report: %s", cli_last_error());
  cli_write(text, len);
  govinfo_free(text);
  return CLI_EXIT_OK;
}
