/* govinfo validate: load reports, check them, print the findings clang-style or as JSON. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "cli_batch.h"

enum {
  OPT_JSON,
  OPT_LANG,
  OPT_JOBS,
  OPT_QUIET,
  OPT_STRICT,
  OPT_ENABLE,
  OPT_DISABLE,
  OPT_SUPPRESS,
  OPT_WRITE_SUPPRESSIONS,
  OPT_COUNT_
};

static const cli_option options[OPT_COUNT_] = {
    [OPT_JSON] = {"json", 0, false},
    [OPT_LANG] = {"lang", 0, true},
    [OPT_JOBS] = {"jobs", 'j', true},
    [OPT_QUIET] = {"quiet", 'q', false},
    [OPT_STRICT] = {"strict", 0, false},
    [OPT_ENABLE] = {"enable", 0, true},
    [OPT_DISABLE] = {"disable", 0, true},
    [OPT_SUPPRESS] = {"suppress", 0, true},
    [OPT_WRITE_SUPPRESSIONS] = {"write-suppressions", 0, true},
};

typedef struct settings {
  bool json;
  bool quiet; /* no progress line, no line for a valid report */
  cli_lang lang;
  govinfo_suppressions *suppress; /* --suppress: applied to every report's findings */
  govinfo_suppressions *written;  /* --write-suppressions: an entry per finding shown */
  const char *suppress_path;
} settings;

/* What all files added up to. */
typedef struct tally {
  size_t errors; /* error lines printed, load failures included (for the summary) */
  size_t warnings;
  size_t suppressed;
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
  size_t errors = govinfo_diagnostics_count_severity(diags, GOVINFO_SEVERITY_ERROR);
  size_t warnings = govinfo_diagnostics_count_severity(diags, GOVINFO_SEVERITY_WARNING);
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
    /* silence would leave staff wondering whether anything was checked */
    if (errors == 0 && !s->quiet) {
      if (s->lang == CLI_LANG_ZH && warnings)
        cli_printf("%s：有效，没有错误（%zu 个警告）\n", file, warnings);
      else if (s->lang == CLI_LANG_ZH) cli_printf("%s：有效，没有错误\n", file);
      else if (warnings)
        cli_printf("%s: valid, no errors (%zu warning%s)\n", file, warnings,
                   warnings == 1 ? "" : "s");
      else cli_printf("%s: valid, no errors\n", file);
    }
  }
  t->errors += errors;
  t->warnings += warnings;
  t->suppressed += govinfo_diagnostics_suppressed(diags);
  if (errors > 0) t->error_findings = true;
}

/* Records the findings shown (the batch already hid the suppressed ones) for
 * --write-suppressions; false after printing why (out of memory). */
static bool record_findings(const char *file, const govinfo_diagnostics *diags, const settings *s,
                            tally *t) {
  if (s->written == NULL) return true;
  int rc = govinfo_suppressions_add(s->written, diags, file,
                                    s->lang == CLI_LANG_EN ? GOVINFO_FORMAT_EN : 0);
  if (rc == GOVINFO_OK) return true;
  cli_failure failure;
  cli_failure_from_library(&failure, rc);
  report_failure(file, &failure, s, t);
  return false;
}

/* One item of the batch: its failure, or its findings. */
static void validate_item(const govinfo_batch_item *item, const settings *s, tally *t,
                          cli_summary *sum) {
  const char *file = govinfo_batch_item_name(item);
  int rc = govinfo_batch_item_status(item);
  if (rc) {
    cli_failure failure;
    cli_failure_from_item(&failure, item);
    report_failure(file, &failure, s, t);
    cli_summary_add_failure(sum);
    return;
  }
  const govinfo_diagnostics *diags = govinfo_batch_item_findings(item);
  if (!record_findings(file, diags, s, t)) {
    cli_summary_add_failure(sum);
    return;
  }
  print_findings(file, diags, s, t);
  cli_summary_add_report(sum, diags, NULL);
}

/* ---- suppression files ---- */

/* Loads --suppress and starts --write-suppressions; false after printing why. */
static bool open_suppressions(settings *s, const char *load, const char *write) {
  int rc = load ? govinfo_suppressions_load(&s->suppress, load) : GOVINFO_OK;
  if (rc == GOVINFO_OK && write) rc = govinfo_suppressions_new(&s->written);
  if (rc == GOVINFO_OK) return true;
  cli_failure failure;
  cli_failure_from_library(&failure, rc);
  fflush(stdout);
  cli_print_failure(load ? load : write, &failure);
  return false;
}

/* The findings about the suppression file itself (stale entries, entries without a reason),
 * after every report, as the reports' are printed. */
static void check_suppressions(const char *path, const settings *s, tally *t) {
  govinfo_diagnostics *review;
  if (govinfo_suppressions_check(&review, s->suppress)) {
    cli_failure failure;
    cli_failure_from_library(&failure, GOVINFO_ENOMEM);
    report_failure(path, &failure, s, t);
    return;
  }
  if (govinfo_diagnostics_count(review) == 0) {
    govinfo_diagnostics_free(review);
    return;
  }
  if (s->json) {
    if (!cli_print_findings_json(stdout, path, review, "suppressions")) cli_error("out of memory");
  } else {
    cli_print_findings_text(stdout, path, review, s->lang);
  }
  t->warnings += govinfo_diagnostics_count_severity(review, GOVINFO_SEVERITY_WARNING);
  govinfo_diagnostics_free(review);
}

/* Writes --write-suppressions atomically; false after printing why. */
static bool write_suppressions(const char *path, const settings *s) {
  char *text;
  size_t len;
  int rc = govinfo_suppressions_serialize(&text, &len, s->written);
  if (rc == GOVINFO_OK) {
    rc = govinfo_write_file_atomic(path, text, len);
    govinfo_free(text);
  }
  if (rc) cli_error("cannot write %s: %s", path, cli_last_error());
  return rc == GOVINFO_OK;
}

/* Every operand through the batch runner, results in input order. */
static void validate_all(char **operands, size_t n, unsigned jobs, const cli_checks *checks,
                         const settings *s, tally *t) {
  bool batch = cli_is_batch(operands, n), quiet = s->quiet;
  govinfo_batch_options opts = GOVINFO_BATCH_OPTIONS_INIT;
  opts.action = GOVINFO_BATCH_LOAD;
  opts.flags = GOVINFO_BATCH_VALIDATE;
  opts.validate = &checks->opts;
  opts.suppress = s->suppress; /* applied by the workers, as each report is validated */
  opts.jobs = jobs;
  cli_batch run;
  cli_summary sum;
  if (!cli_summary_init(&sum)) {
    cli_error("out of memory");
    t->failed = true;
    return;
  }
  if (cli_batch_start(&run, operands, n, &opts, quiet) != CLI_CONTINUE) {
    t->failed = true;
    cli_summary_free(&sum);
    return;
  }
  govinfo_batch_item *item;
  while ((item = cli_batch_next(&run)) != NULL) {
    bool failed = govinfo_batch_item_status(item) != GOVINFO_OK;
    validate_item(item, s, t, &sum);
    govinfo_batch_item_free(item);
    cli_batch_done(&run, failed);
  }
  if (run.failed > sum.failed) t->failed = true; /* lost to lack of memory */
  cli_batch_finish(&run);
  if (s->suppress) check_suppressions(s->suppress_path, s, t);
  /* One FILE prints what it always did; a batch adds its summary. */
  if (batch) {
    if (s->json) cli_summary_print_json(&sum, stdout);
    else cli_summary_print_text(&sum, s->lang);
  }
  cli_summary_free(&sum);
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  settings s = {.json = args.value[OPT_JSON] != NULL, .quiet = args.value[OPT_QUIET] != NULL};
  unsigned jobs = 0;
  cli_checks checks;
  status = cli_parse_lang(cmd, args.value[OPT_LANG], &s.lang);
  if (status == CLI_CONTINUE) status = cli_parse_jobs(cmd, args.value[OPT_JOBS], &jobs);
  if (status == CLI_CONTINUE && args.noperands == 0)
    status = cli_usage_error(cmd, "no input files");
  if (status == CLI_CONTINUE)
    status = cli_parse_checks(cmd, args.value[OPT_STRICT], args.value[OPT_ENABLE],
                              args.value[OPT_DISABLE], &checks);
  if (status != CLI_CONTINUE) {
    cli_args_free(&args);
    return status;
  }
  const char *suppress = args.value[OPT_SUPPRESS], *write = args.value[OPT_WRITE_SUPPRESSIONS];
  s.suppress_path = suppress;
  if (!open_suppressions(&s, suppress, write)) {
    cli_checks_free(&checks);
    cli_args_free(&args);
    return CLI_EXIT_FAILURE;
  }
  tally t = {0};
  validate_all(args.operands, args.noperands, jobs, &checks, &s, &t);
  if (s.written && !write_suppressions(write, &s)) t.failed = true;
  govinfo_suppressions_free(s.suppress);
  govinfo_suppressions_free(s.written);
  cli_checks_free(&checks);
  cli_args_free(&args);
  if (!s.json) cli_print_totals(t.errors, t.warnings, t.suppressed, s.lang);
  if (t.failed) return CLI_EXIT_FAILURE;
  return t.error_findings ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

const cli_command cli_validate_command = {
    .name = "validate",
    .summary = "check reports against the rules of their format version",
    .synopsis = "govinfo validate [--strict] [--enable RULE,...] [--disable RULE,...] [--json]\n"
                "                [--lang zh|en] [--jobs N] [--quiet] [--suppress FILE]\n"
                "                [--write-suppressions FILE] FILE|DIR...",
    .help =
        "Loads each report (JSON or YAML; \"-\" reads standard input and recognises the\n"
        "syntax by its first character) and checks it against every rule of its format\n"
        "version. A directory is walked recursively for *.json, *.yaml and *.yml files (and\n"
        "files without such an extension that look like reports), in name order. Reports\n"
        "are read on --jobs threads; the output is in input order and the same for any N.\n"
        "Findings go to standard output, one per line, clang-style:\n"
        "\n"
        "  report.yaml:57:9: error: <message> [table3.balance]\n"
        "\n"
        "A file that cannot be read or parsed is reported on standard error as\n"
        "\"file:line:col: error: <message> (at <JSON Pointer>)\"; the others go on. A summary\n"
        "of all files follows on standard error: with several files or a directory, the\n"
        "files read, valid, with errors and failed, and the findings per rule. On a\n"
        "terminal, a progress line on standard error shows files done, rate, time left and\n"
        "failures.\n"
        "\n"
        "Options:\n"
        "  --json          one JSON object per file and line (JSON Lines) on standard\n"
        "                  output: {\"file\", \"valid\", \"errors\", \"warnings\", \"notes\",\n"
        "                  \"diagnostics\"}, or {\"file\", \"valid\": false, \"error\": {...}}\n"
        "                  for a file that could not be loaded; with several files or a\n"
        "                  directory, a last line {\"summary\": {\"files\", \"valid\",\n"
        "                  \"with_errors\", \"failed\", \"errors\", \"warnings\", \"notes\",\n"
        "                  \"rules\": {rule id: count}}} (it has no \"file\" key)\n"
        "  --strict        warnings fail too (they are reported as errors): for staff\n"
        "                  before they publish; an unfilled template fails\n"
        "  --enable RULE,...   check only these rules (their ids: govinfo rules)\n"
        "  --disable RULE,...  leave these rules out\n"
        "  -j, --jobs N    threads (default 0: one per processor)\n"
        "  -q, --quiet     no progress line, and no \"FILE: valid\" line\n"
        "  --suppress FILE hide the findings a suppression file lists by fingerprint (each\n"
        "                  entry with a reason; an entry without one is not applied and is\n"
        "                  warned about [suppression.no_reason]); the hidden ones are counted\n"
        "                  (\"suppressed\" in --json). An entry that hid nothing in the\n"
        "                  reports it applies to is reported as a note [suppression.stale],\n"
        "                  located in FILE (with --json: a line with \"stage\": \"suppressions\")\n"
        "  --write-suppressions FILE\n"
        "                  write a suppression file with one entry per finding shown (its\n"
        "                  fingerprint, rule and report, the finding as a comment, the reason\n"
        "                  left empty for the reviewer to fill in)\n"
        "  --lang zh|en    language of the messages (default: GOVINFO_LANG, else the\n"
        "                  locale: LC_ALL or LANG starting with zh gives Chinese)\n"
        "  -h, --help      show this help\n"
        "\n"
        "A report without errors is confirmed by one line, \"FILE: valid, no errors\".\n"
        "\n"
        "Exit status: 0 no errors (warnings allowed, unless --strict), 1 some report has\n"
        "an error, 2 a usage error or a file that could not be read or parsed.\n",
    .summary_zh = "按格式版本的规则检查报告",
    .help_zh =
        "读入每份报告（JSON 或 YAML；“-”读标准输入，按第一个字符识别语法），按其格式版本的\n"
        "每条规则检查。目录按名称顺序递归查找 *.json、*.yaml、*.yml 文件（以及看起来像报告\n"
        "的无扩展名文件）。报告在 --jobs 个线程上读取；输出按输入顺序，与线程数无关。\n"
        "检查结果写到标准输出，每条一行，形如：\n"
        "\n"
        "  report.yaml:57:9: error: <说明> [table3.balance]\n"
        "\n"
        "没有错误的报告输出一行“文件：有效，没有错误”。无法读取或解析的文件在标准错误上\n"
        "报告为“文件:行:列: error: <说明>（位置 <JSON Pointer>）”，其余文件照常检查。\n"
        "最后在标准错误上给出汇总：多个文件或目录时，列出读取、有效、有错误和失败的文件数，\n"
        "以及每条规则的结果数。在终端上，标准错误上有一行进度。\n"
        "\n"
        "选项：\n"
        "  --json          每个文件一行 JSON（JSON Lines）写到标准输出：{\"file\", \"valid\",\n"
        "                  \"errors\", \"warnings\", \"notes\", \"diagnostics\"}；无法读入的文件为\n"
        "                  {\"file\", \"valid\": false, \"error\": {...}}；多个文件时最后一行是\n"
        "                  {\"summary\": {...}}\n"
        "  --strict        警告也算错误（按错误报告）：发布前使用；未填写的模板不能通过\n"
        "  --enable RULE,...   只检查这些规则（规则编号见 govinfo rules）\n"
        "  --disable RULE,...  不检查这些规则\n"
        "  -j, --jobs N    线程数（默认 0：每个处理器一个）\n"
        "  -q, --quiet     不显示进度行，也不输出“有效”行\n"
        "  --suppress FILE 按指纹隐藏抑制文件所列的发现（每个条目须写理由；没有理由的条目\n"
        "                  不予应用并给出警告 [suppression.no_reason]）；隐藏的发现计入统计\n"
        "                  （--json 中的 \"suppressed\"）。在所适用的报告中没有隐藏任何发现\n"
        "                  的条目作为提示报告 [suppression.stale]，定位在 FILE 中\n"
        "  --write-suppressions FILE\n"
        "                  写出抑制文件：每个显示的发现一个条目（指纹、规则和报告，发现本身\n"
        "                  作为注释，理由留空由审核人填写）\n"
        "  --lang zh|en    消息的语言（默认：GOVINFO_LANG，否则按区域设置 LC_ALL 或 LANG）\n"
        "  -h, --help      显示本帮助\n"
        "\n"
        "退出状态：0 没有错误（可以有警告，--strict 时不可以），1 有报告存在错误，\n"
        "2 用法错误，或有文件无法读取或解析。\n",
    .run = run,
};
