/* govinfo validate: load reports, check them, print the findings clang-style or as JSON. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

enum { OPT_JSON, OPT_LANG, OPT_COUNT_ };

static const cli_option options[OPT_COUNT_] = {
    [OPT_JSON] = {"json", 0, false},
    [OPT_LANG] = {"lang", 0, true},
};

typedef struct settings {
  bool json;
  cli_lang lang;
} settings;

/* What all files added up to. */
typedef struct tally {
  size_t errors; /* error lines printed, load failures included (for the summary) */
  size_t warnings;
  bool error_findings; /* some report has a finding of severity error */
  bool failed;         /* some file could not be read, parsed or checked */
} tally;

/* ---- a file that could not be loaded or checked ---- */

static bool add_uint_or_null(cJSON *obj, const char *key, unsigned value) {
  return value ? cJSON_AddNumberToObject(obj, key, value) != NULL
               : cJSON_AddNullToObject(obj, key) != NULL;
}

static bool add_string_or_null(cJSON *obj, const char *key, const char *value) {
  return value[0] ? cJSON_AddStringToObject(obj, key, value) != NULL
                  : cJSON_AddNullToObject(obj, key) != NULL;
}

/* Prints obj as one line of JSON and frees it. Returns false when out of memory. */
static bool print_json_line(cJSON *obj) {
  char *text = obj ? cJSON_PrintUnformatted(obj) : NULL;
  cJSON_Delete(obj);
  if (text == NULL) return false;
  cli_puts(text);
  cli_puts("\n");
  cJSON_free(text);
  return true;
}

static void print_failure_json(const char *file, const cli_failure *failure) {
  cJSON *obj = cJSON_CreateObject();
  cJSON *error = NULL;
  bool ok = obj && cJSON_AddStringToObject(obj, "file", file) &&
            cJSON_AddFalseToObject(obj, "valid") &&
            (error = cJSON_AddObjectToObject(obj, "error")) != NULL &&
            cJSON_AddStringToObject(error, "code", govinfo_error_name(failure->code)) &&
            cJSON_AddStringToObject(error, "message", failure->message) &&
            add_uint_or_null(error, "line", failure->line) &&
            add_uint_or_null(error, "column", failure->column) &&
            add_string_or_null(error, "path", failure->path);
  if (!ok) {
    cJSON_Delete(obj);
    obj = NULL;
  }
  if (!print_json_line(obj)) cli_error("%s: out of memory", file);
}

static void report_failure(const char *file, const cli_failure *failure, const settings *s,
                           tally *t) {
  if (s->json) print_failure_json(file, failure);
  else cli_print_failure(file, failure);
  t->errors++;
  t->failed = true;
}

/* ---- the findings of one report ---- */

static void print_findings(const char *file, const govinfo_diagnostics *diags, const settings *s,
                           tally *t) {
  if (s->json) {
    if (!cli_print_findings_json(stdout, file, diags, NULL)) {
      cli_failure failure = {.code = GOVINFO_ENOMEM};
      snprintf(failure.message, sizeof failure.message,
               "cannot print the findings as JSON: out of memory");
      report_failure(file, &failure, s, t);
      return;
    }
  } else {
    cli_print_findings_text(stdout, file, diags, s->lang);
  }
  size_t errors = govinfo_diagnostics_count_severity(diags, GOVINFO_SEVERITY_ERROR);
  t->errors += errors;
  t->warnings += govinfo_diagnostics_count_severity(diags, GOVINFO_SEVERITY_WARNING);
  if (errors > 0) t->error_findings = true;
}

static void validate_one(const char *arg, const settings *s, tally *t) {
  const char *file = cli_display_name(arg);
  cli_failure failure;
  govinfo_report *report;
  if (cli_load_report(&report, arg, &failure)) {
    report_failure(file, &failure, s, t);
    return;
  }
  govinfo_diagnostics *diags;
  int rc = govinfo_report_validate(&diags, report);
  if (rc) {
    cli_failure_from_library(&failure, rc);
    report_failure(file, &failure, s, t);
  } else {
    print_findings(file, diags, s, t);
    govinfo_diagnostics_free(diags);
  }
  govinfo_report_free(report);
}

/* ---- the summary, like clang's "2 errors and 3 warnings generated." ---- */

static void print_summary(const tally *t, cli_lang lang) {
  if (t->errors == 0 && t->warnings == 0) return;
  fflush(stdout);
  if (lang == CLI_LANG_ZH) {
    fputs("共 ", stderr);
    if (t->errors) fprintf(stderr, "%zu 个错误", t->errors);
    if (t->errors && t->warnings) fputs("，", stderr);
    if (t->warnings) fprintf(stderr, "%zu 个警告", t->warnings);
    fputs("。\n", stderr);
  } else {
    if (t->errors) fprintf(stderr, "%zu error%s", t->errors, t->errors == 1 ? "" : "s");
    if (t->errors && t->warnings) fputs(" and ", stderr);
    if (t->warnings) fprintf(stderr, "%zu warning%s", t->warnings, t->warnings == 1 ? "" : "s");
    fputs(" generated.\n", stderr);
  }
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  settings s = {.json = args.value[OPT_JSON] != NULL};
  status = cli_parse_lang(cmd, args.value[OPT_LANG], &s.lang);
  if (status == CLI_CONTINUE && args.noperands == 0)
    status = cli_usage_error(cmd, "no input files");
  if (status != CLI_CONTINUE) {
    cli_args_free(&args);
    return status;
  }
  tally t = {0};
  for (size_t i = 0; i < args.noperands; i++) validate_one(args.operands[i], &s, &t);
  cli_args_free(&args);
  if (!s.json) print_summary(&t, s.lang);
  if (t.failed) return CLI_EXIT_FAILURE;
  return t.error_findings ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

const cli_command cli_validate_command = {
    .name = "validate",
    .summary = "check reports against the rules of their format version",
    .synopsis = "govinfo validate [--json] [--lang zh|en] FILE...",
    .help =
        "Loads each report (JSON or YAML; \"-\" reads standard input and recognises the\n"
        "syntax by its first character) and checks it against every rule of its format\n"
        "version. Findings go to standard output, one per line, clang-style:\n"
        "\n"
        "  report.yaml:57:9: error: <message> [table3.balance]\n"
        "\n"
        "A file that cannot be read or parsed is reported on standard error as\n"
        "\"file:line:col: error: <message> (at <JSON Pointer>)\". A summary of all files\n"
        "follows on standard error.\n"
        "\n"
        "Options:\n"
        "  --json          one JSON object per file and line (JSON Lines) on standard\n"
        "                  output: {\"file\", \"valid\", \"errors\", \"warnings\", \"notes\",\n"
        "                  \"diagnostics\"}, or {\"file\", \"valid\": false, \"error\": {...}}\n"
        "                  for a file that could not be loaded\n"
        "  --lang zh|en    language of the messages (default zh)\n"
        "  -h, --help      show this help\n"
        "\n"
        "Exit status: 0 no errors (warnings allowed), 1 some report has an error,\n"
        "2 a usage error or a file that could not be read or parsed.\n",
    .run = run,
};
