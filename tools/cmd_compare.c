/* govinfo compare: a body's report against its report of the year before, or a corpus paired
 * by body and year and each pair compared. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_batch.h"

enum {
  OPT_JSON,
  OPT_LANG,
  OPT_MIN_RUN,
  OPT_REUSE_PERCENT,
  OPT_SECTIONS,
  OPT_JUMP,
  OPT_JOBS,
  OPT_COUNT_
};

static const cli_option options[OPT_COUNT_] = {
    [OPT_JSON] = {"json", 0, false},        [OPT_LANG] = {"lang", 0, true},
    [OPT_MIN_RUN] = {"min-run", 0, true},   [OPT_REUSE_PERCENT] = {"reuse-percent", 0, true},
    [OPT_SECTIONS] = {"sections", 0, true}, [OPT_JUMP] = {"jump-factor", 0, true},
    [OPT_JOBS] = {"jobs", 'j', true},
};

#define MAX_SECTIONS 16

typedef struct settings {
  bool json;
  cli_lang lang;
  unsigned jobs;
  govinfo_compare_options opts;
  char sections_text[256];
  const char *sections[MAX_SECTIONS + 1];
} settings;

typedef struct tally {
  size_t errors, warnings;
  bool error_findings, failed;
} tally;

/* ---- options ---- */

static int parse_unsigned(const cli_command *cmd, const char *name, const char *value,
                          unsigned *out) {
  if (value == NULL) return CLI_CONTINUE;
  char *end;
  errno = 0;
  unsigned long v = strtoul(value, &end, 10);
  if (value[0] < '0' || value[0] > '9' || *end || errno || v > 1000000)
    return cli_usage_error(cmd, "--%s takes a whole number, not '%s'", name, value);
  *out = (unsigned)v;
  return CLI_CONTINUE;
}

/* "s1,s5" into s->sections. */
static int parse_sections(const cli_command *cmd, const char *value, settings *s) {
  if (value == NULL) return CLI_CONTINUE;
  if (strlen(value) >= sizeof s->sections_text) return cli_usage_error(cmd, "--sections: too long");
  strcpy(s->sections_text, value);
  size_t n = 0;
  for (char *p = s->sections_text; *p;) {
    char *comma = strchr(p, ',');
    if (comma) *comma = '\0';
    if (*p == '\0' || n == MAX_SECTIONS)
      return cli_usage_error(cmd, "--sections takes section ids such as s1,s5");
    s->sections[n++] = p;
    p = comma ? comma + 1 : p + strlen(p);
  }
  s->sections[n] = NULL;
  s->opts.reuse_sections = s->sections;
  return CLI_CONTINUE;
}

static int parse_settings(const cli_command *cmd, const cli_args *args, settings *s) {
  s->json = args->value[OPT_JSON] != NULL;
  s->opts = (govinfo_compare_options)GOVINFO_COMPARE_OPTIONS_INIT;
  int status = cli_parse_lang(cmd, args->value[OPT_LANG], &s->lang);
  if (status == CLI_CONTINUE)
    status = parse_unsigned(cmd, "min-run", args->value[OPT_MIN_RUN], &s->opts.reuse_min_run);
  if (status == CLI_CONTINUE)
    status = parse_unsigned(cmd, "reuse-percent", args->value[OPT_REUSE_PERCENT],
                            &s->opts.reuse_percent);
  if (status == CLI_CONTINUE)
    status = parse_unsigned(cmd, "jump-factor", args->value[OPT_JUMP], &s->opts.jump_factor);
  if (status == CLI_CONTINUE) status = parse_sections(cmd, args->value[OPT_SECTIONS], s);
  if (status == CLI_CONTINUE) status = cli_parse_jobs(cmd, args->value[OPT_JOBS], &s->jobs);
  return status;
}

/* ---- printing ---- */

static void print_json_object(cJSON *obj) {
  char *text = obj ? cJSON_PrintUnformatted(obj) : NULL;
  cJSON_Delete(obj);
  if (text == NULL) {
    cli_error("cannot print JSON: out of memory");
    return;
  }
  cli_puts(text);
  cli_puts("\n");
  cJSON_free(text);
}

static void report_failure(const char *file, const cli_failure *failure, const settings *s,
                           tally *t) {
  if (s->json) {
    cJSON *obj = cJSON_CreateObject(), *error = NULL;
    bool ok = obj && cJSON_AddStringToObject(obj, "kind", "error") &&
              cJSON_AddStringToObject(obj, "file", file) &&
              (error = cJSON_AddObjectToObject(obj, "error")) != NULL &&
              cJSON_AddStringToObject(error, "code", govinfo_error_name(failure->code)) &&
              cJSON_AddStringToObject(error, "message", failure->message);
    print_json_object(ok ? obj : (cJSON_Delete(obj), NULL));
  } else {
    cli_print_failure(file, failure);
  }
  t->errors++;
  t->failed = true;
}

static void print_reuse(const govinfo_comparison *c, cli_lang lang) {
  bool any = false;
  for (size_t i = 0; i < govinfo_comparison_section_count(c); i++) {
    size_t chars = govinfo_comparison_section_chars(c, i);
    if (chars == 0) continue;
    size_t permille = (govinfo_comparison_section_reused(c, i) * 1000 + chars / 2) / chars;
    cli_printf("%s%s %zu.%zu%%",
               any                   ? (lang == CLI_LANG_EN ? ", " : "，")
               : lang == CLI_LANG_EN ? "  text also in last year's: "
                                     : "  与上年相同的文字：",
               govinfo_comparison_section_id(c, i), permille / 10, permille % 10);
    any = true;
  }
  if (any) cli_puts("\n");
}

static void print_pair_line(const char *body, const char *last, int last_year, const char *now,
                            int year, cli_lang lang) {
  if (lang == CLI_LANG_EN)
    cli_printf("pair: %s: %s (%d) -> %s (%d)\n", body ? body : "?", last, last_year, now, year);
  else
    cli_printf("配对：%s：%s（%d年）→ %s（%d年）\n", body ? body : "?", last, last_year, now, year);
}

static cJSON *comparison_json(const govinfo_comparison *c, const char *body) {
  char *text;
  size_t len;
  if (govinfo_comparison_to_json(&text, &len, c)) return NULL;
  cJSON *obj = cJSON_CreateObject();
  bool ok = obj && cJSON_AddStringToObject(obj, "kind", "pair") &&
            (body ? cJSON_AddStringToObject(obj, "body", body) != NULL
                  : cJSON_AddNullToObject(obj, "body") != NULL);
  if (!ok) cJSON_Delete(obj);
  return cli_json_after(ok ? obj : NULL, text, len);
}

/* ---- comparing ---- */

static void compare_pair(const cli_loaded *cp, size_t a, size_t b, const char *body,
                         const settings *s, tally *t) {
  const char *last = cp->names[a], *now = cp->names[b];
  govinfo_comparison *c;
  int rc = govinfo_compare(&c, cp->reports[a], cp->reports[b], &s->opts);
  if (rc) {
    cli_failure failure;
    cli_failure_from_library(&failure, rc);
    if (s->json) report_failure(now, &failure, s, t);
    else {
      cli_error("cannot compare %s with %s: %s", now, last, failure.message);
      t->errors++;
      t->failed = true;
    }
    return;
  }
  const govinfo_diagnostics *found = govinfo_comparison_findings(c);
  if (s->json) {
    print_json_object(comparison_json(c, body));
  } else {
    print_pair_line(body, last, govinfo_report_year(cp->reports[a]), now,
                    govinfo_report_year(cp->reports[b]), s->lang);
    print_reuse(c, s->lang);
    fflush(stdout);
    cli_print_findings_text(stdout, now, found, s->lang);
  }
  size_t errors = govinfo_diagnostics_count_severity(found, GOVINFO_SEVERITY_ERROR);
  t->errors += errors;
  t->warnings += govinfo_diagnostics_count_severity(found, GOVINFO_SEVERITY_WARNING);
  if (errors) t->error_findings = true;
  govinfo_comparison_free(c);
}

static void print_ambiguous(const cli_loaded *cp, const size_t *index, const govinfo_pairing *p,
                            size_t g, const settings *s) {
  size_t size = govinfo_pairing_ambiguous_size(p, g);
  const char *body = govinfo_pairing_body(p, govinfo_pairing_ambiguous_member(p, g, 0));
  if (s->json) {
    cJSON *obj = cJSON_CreateObject(), *files = NULL;
    bool ok = obj && cJSON_AddStringToObject(obj, "kind", "ambiguous") &&
              cJSON_AddStringToObject(obj, "body", body ? body : "") &&
              (files = cJSON_AddArrayToObject(obj, "reports")) != NULL;
    for (size_t k = 0; ok && k < size; k++) {
      size_t i = index[govinfo_pairing_ambiguous_member(p, g, k)];
      cJSON *item = cJSON_CreateObject();
      ok = item && cJSON_AddStringToObject(item, "file", cp->names[i]) &&
           cJSON_AddNumberToObject(item, "year", govinfo_report_year(cp->reports[i])) &&
           cJSON_AddItemToArray(files, item);
      if (!ok) cJSON_Delete(item);
    }
    print_json_object(ok ? obj : (cJSON_Delete(obj), NULL));
    return;
  }
  cli_printf(s->lang == CLI_LANG_EN ? "ambiguous: %s:" : "无法确定配对：%s：", body ? body : "?");
  for (size_t k = 0; k < size; k++) {
    size_t i = index[govinfo_pairing_ambiguous_member(p, g, k)];
    cli_printf(s->lang == CLI_LANG_EN ? " %s (%d)" : " %s（%d年）", cp->names[i],
               govinfo_report_year(cp->reports[i]));
  }
  cli_puts("\n");
}

static void print_unpaired(const cli_loaded *cp, size_t i, const char *body, const settings *s) {
  const char *file = cp->names[i];
  int year = govinfo_report_year(cp->reports[i]);
  if (s->json) {
    cJSON *obj = cJSON_CreateObject();
    bool ok = obj && cJSON_AddStringToObject(obj, "kind", "unpaired") &&
              cJSON_AddStringToObject(obj, "file", file) &&
              (body ? cJSON_AddStringToObject(obj, "body", body) != NULL
                    : cJSON_AddNullToObject(obj, "body") != NULL) &&
              cJSON_AddNumberToObject(obj, "year", year);
    print_json_object(ok ? obj : (cJSON_Delete(obj), NULL));
  } else if (s->lang == CLI_LANG_EN) {
    cli_printf("unpaired: %s (%s, %d)\n", file, body ? body : "no organ", year);
  } else {
    cli_printf("未配对：%s（%s，%d年）\n", file, body ? body : "未写发布机关", year);
  }
}

/* Every loaded report paired by body and year, each pair compared. */
static int compare_corpus(const cli_loaded *cp, bool as_given, const settings *s, tally *t) {
  const govinfo_report **loaded = malloc((cp->n + 1) * sizeof *loaded);
  size_t *index = malloc((cp->n + 1) * sizeof *index), n = 0;
  if (loaded == NULL || index == NULL) {
    free(loaded);
    free(index);
    return cli_error("out of memory");
  }
  for (size_t i = 0; i < cp->n; i++)
    if (cp->reports[i]) {
      loaded[n] = cp->reports[i];
      index[n++] = i;
    }
  govinfo_pairing *p = NULL;
  if (govinfo_pairing_new(&p, loaded, n, NULL)) {
    free(loaded);
    free(index);
    return cli_error("cannot pair the reports: %s", cli_last_error());
  }
  if (as_given && n == 2) { /* LAST THIS: compared as given, whatever their names */
    const char *body = govinfo_pairing_body(p, 1);
    compare_pair(cp, index[0], index[1], body, s, t);
  } else {
    for (size_t k = 0; k < govinfo_pairing_pair_count(p); k++) {
      size_t a, b;
      govinfo_pairing_pair_at(p, k, &a, &b);
      compare_pair(cp, index[a], index[b], govinfo_pairing_body(p, b), s, t);
    }
    for (size_t g = 0; g < govinfo_pairing_ambiguous_count(p); g++)
      print_ambiguous(cp, index, p, g, s);
    for (size_t k = 0; k < govinfo_pairing_unpaired_count(p); k++) {
      size_t i = govinfo_pairing_unpaired_at(p, k);
      print_unpaired(cp, index[i], govinfo_pairing_body(p, i), s);
    }
  }
  govinfo_pairing_free(p);
  free(loaded);
  free(index);
  return CLI_CONTINUE;
}

typedef struct load_context {
  const settings *s;
  tally *t;
} load_context;

static void load_failed(const char *name, const cli_failure *failure, void *context) {
  load_context *c = context;
  report_failure(name, failure, c->s, c->t);
}

static bool is_directory(const char *operand) {
  char *const one[] = {(char *)operand};
  return cli_is_batch(one, 1); /* one operand is a batch only when it is a directory */
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  settings s = {0};
  status = parse_settings(cmd, &args, &s);
  if (status == CLI_CONTINUE && args.noperands == 0)
    status = cli_usage_error(cmd, "no reports given");
  /* LAST THIS: two files compared as given, whatever their names. */
  bool as_given = status == CLI_CONTINUE && args.noperands == 2 &&
                  !is_directory(args.operands[0]) && !is_directory(args.operands[1]);
  tally t = {0};
  load_context context = {&s, &t};
  cli_loaded cp = {0};
  if (status == CLI_CONTINUE)
    status = cli_load_all(&cp, args.operands, args.noperands, s.jobs, load_failed, &context);
  if (status == CLI_CONTINUE && cp.n < 2)
    status = cli_usage_error(cmd,
                             "expected LAST THIS, or files and directories holding at least "
                             "two reports (found %zu)",
                             cp.n);
  if (status == CLI_CONTINUE && !(as_given && t.failed))
    status = compare_corpus(&cp, as_given, &s, &t);
  cli_loaded_free(&cp);
  cli_args_free(&args);
  if (status != CLI_CONTINUE) return status;
  if (!s.json) cli_print_totals(t.errors, t.warnings, 0, s.lang);
  if (t.failed) return CLI_EXIT_FAILURE;
  return t.error_findings ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

const cli_command cli_compare_command = {
    .name = "compare",
    .summary = "compare a body's report with its report of the year before",
    .summary_zh = "把一个机关的报告与其上一年度的报告比较",
    .help_zh =
        "试验性功能。把一份报告与同一机关上一年度的报告比较：本年“上年结转”与上年“结转下年度\n"
        "继续办理”逐列对比（year.carry_over，跨格式版本也适用），现行有效件数\n"
        "（year.documents），逐部分与上年相同的正文（year.text_reuse），以及关键数字的\n"
        "大幅变化（year.jump）。\n"
        "\n"
        "给出两个文件 LAST THIS 时按给出的顺序比较：THIS 应为 LAST 的下一年度。否则\n"
        "把所有文件和目录（递归读取报告文件，按名称顺序，--jobs 个线程；“-”为标准输入）\n"
        "中的报告按机关和相邻年度配对：机关名称去掉全角、空格和开头的地区名后比较\n"
        "（淮安市洪泽区人民政府 = 洪泽区人民政府）。每一对都打印出来，附各部分正文与上年\n"
        "相同的比例和检查结果；可能有多种配法的报告列为“无法确定”，绝不猜测，其余列为\n"
        "“未配对”。\n"
        "\n"
        "选项：\n"
        "  --json               每行一个 JSON 对象（kind 为 pair、ambiguous、unpaired 或\n"
        "                       error，字段见英文帮助）\n"
        "  --lang zh|en         消息的语言\n"
        "  --min-run N          正文重复按至少 N 个字符的片段计算（20）\n"
        "  --reuse-percent P    某部分超过 P% 时报告 year.text_reuse（50）\n"
        "  --sections IDS       适用阈值的部分（s1,s5）\n"
        "  --jump-factor F      增长超过 F 倍或降至 1/F 以下时报告 year.jump（5）\n"
        "  -j, --jobs N         读取报告的线程数（默认 0：每个处理器一个）\n"
        "  -h, --help           显示本帮助\n"
        "\n"
        "退出状态：0 没有错误（可以有警告和提示），1 有错误，2 用法错误或有报告无法读取\n"
        "或比较。\n",
    .synopsis = "govinfo compare [--json] [--lang zh|en] [OPTIONS] LAST THIS\n"
                "       govinfo compare [--json] [--lang zh|en] [--jobs N] [OPTIONS] FILE|DIR...",
    .help = "EXPERIMENTAL. Compares a report with the same body's report of the year before:\n"
            "this year's carried-over applications against last year's carried forward, in\n"
            "every column (year.carry_over; across the change of format too), the documents in\n"
            "force (year.documents), text reused from last year section by section\n"
            "(year.text_reuse) and key figures that jump (year.jump).\n"
            "\n"
            "With two files, LAST THIS, they are compared as given: THIS must be for the year\n"
            "after LAST. Otherwise every report of the files and directories (read\n"
            "recursively for report documents, in name order, on --jobs threads; \"-\" is\n"
            "standard input) is paired by body and consecutive\n"
            "years: bodies are matched by their organ with full-width forms, spaces and leading\n"
            "region names left out (淮安市洪泽区人民政府 = 洪泽区人民政府). Each pair is printed,\n"
            "with the share of each section's text also found in last year's and the\n"
            "findings; reports that could pair in more than one way are listed as ambiguous,\n"
            "never guessed, and the rest as unpaired.\n"
            "\n"
            "Options:\n"
            "  --json               one JSON object per line: {\"kind\": \"pair\", \"body\",\n"
            "                       \"last\", \"this\", \"years\", \"reuse\": [{\"section\", "
            "\"chars\",\n"
            "                       \"reused\", \"share\"}], \"valid\", ..., \"diagnostics\"},\n"
            "                       {\"kind\": \"ambiguous\", \"body\", \"reports\"},\n"
            "                       {\"kind\": \"unpaired\", \"file\", \"body\", \"year\"},\n"
            "                       {\"kind\": \"error\", \"file\", \"error\"} for a report\n"
            "                       that could not be read or compared\n"
            "  --lang zh|en         language of the messages (default: GOVINFO_LANG, else the\n"
            "                       locale)\n"
            "  --min-run N          text reuse counts runs of at least N characters (20)\n"
            "  --reuse-percent P    year.text_reuse above P% of a section (50)\n"
            "  --sections IDS       sections the threshold applies to (s1,s5)\n"
            "  --jump-factor F      year.jump above F times or under 1/F (5)\n"
            "  -j, --jobs N         threads reading the reports (default 0: one per\n"
            "                       processor)\n"
            "  -h, --help           show this help\n"
            "\n"
            "Exit status: 0 no errors (warnings and notes allowed), 1 some finding is an\n"
            "error, 2 a usage error or a report that could not be read or compared.\n",
    .run = run,
};
