/* govinfo sum: the reports of several bodies summed into one, checked, written; optionally
 * compared with the report a parent body printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_batch.h"

enum { OPT_ORGAN, OPT_OUTPUT, OPT_BLANK, OPT_AGAINST, OPT_JSON, OPT_LANG, OPT_JOBS, OPT_COUNT_ };

static const cli_option options[OPT_COUNT_] = {
    [OPT_ORGAN] = {"organ", 0, true},          [OPT_OUTPUT] = {"output", 'o', true},
    [OPT_BLANK] = {"blank-as-zero", 0, false}, [OPT_AGAINST] = {"against", 0, true},
    [OPT_JSON] = {"json", 0, false},           [OPT_LANG] = {"lang", 0, true},
    [OPT_JOBS] = {"jobs", 'j', true},
};

/* A sum has no text and no publication of its own: the rules about what sections 五 and 六
 * say and about the publication date do not apply. */
static const char *const text_rules[] = {"sections.problems_empty", "sections.fee_statement",
                                         "sections.fee_unpaid", "meta.published_missing", NULL};

typedef struct settings {
  bool json;
  cli_lang lang;
  const char *output, *against;
  govinfo_sum_options opts;
} settings;

static void print_findings(const char *file, const govinfo_diagnostics *found, const char *stage,
                           const settings *s) {
  fflush(stdout);
  if (s->json) {
    if (!cli_print_findings_json(stderr, file, found, stage))
      fprintf(stderr, "govinfo: cannot print the findings: out of memory\n");
  } else {
    cli_print_findings_text(stderr, file, found, s->lang);
  }
}

static bool has_errors(const govinfo_diagnostics *found) {
  return govinfo_diagnostics_count_severity(found, GOVINFO_SEVERITY_ERROR) > 0;
}

/* The sum against the parent's own report: sum.differs notes. */
static int compare_with_parent(const govinfo_report *sum, const settings *s) {
  govinfo_report *parent;
  cli_failure failure;
  const char *file = cli_display_name(s->against);
  if (cli_load_report(&parent, s->against, &failure)) {
    cli_print_failure(file, &failure);
    return CLI_EXIT_FAILURE;
  }
  govinfo_diagnostics *found;
  int status = CLI_EXIT_OK;
  if (govinfo_sum_against(&found, parent, sum)) {
    status = cli_error("cannot compare %s with the sum: %s", file, cli_last_error());
  } else {
    print_findings(file, found, "against", s);
    govinfo_diagnostics_free(found);
  }
  govinfo_report_free(parent);
  return status;
}

/* Validates the sum, writes it, prints every finding; returns the exit status. */
static int finish(govinfo_report *sum, const govinfo_diagnostics *summed, const settings *s) {
  govinfo_validate_options vopts = GOVINFO_VALIDATE_OPTIONS_INIT;
  vopts.disable = text_rules;
  govinfo_diagnostics *checked;
  if (govinfo_report_validate_with(&checked, sum, &vopts))
    return cli_error("cannot validate the sum: %s", cli_last_error());
  int status = cli_write_report(sum, s->output, GOVINFO_SYNTAX_AUTO, 0);
  const char *out = s->output && strcmp(s->output, "-") != 0 ? s->output : "<stdout>";
  /* Summing's findings are located in the parts: each names its own file, except in the
   * one JSON object per stage, which names the sum. */
  print_findings(s->json ? out : NULL, summed, "sum", s);
  print_findings(out, checked, "validate", s);
  if (status == CLI_EXIT_OK && has_errors(checked)) status = CLI_EXIT_FINDINGS;
  govinfo_diagnostics_free(checked);
  if (s->against && status != CLI_EXIT_FAILURE) {
    int against = compare_with_parent(sum, s);
    if (against != CLI_EXIT_OK) status = against;
  }
  return status;
}

static void load_failed(const char *name, const cli_failure *failure, void *context) {
  cli_print_failure(name, failure);
  *(bool *)context = true;
}

/* The parts loaded on `jobs` threads, summed; nothing is written from incomplete parts. */
static int sum_inputs(const cli_command *cmd, char *const *operands, size_t n, unsigned jobs,
                      const settings *s) {
  bool failed = false;
  cli_loaded parts;
  int status = cli_load_all(&parts, operands, n, jobs, load_failed, &failed);
  if (status == CLI_CONTINUE && parts.n == 0) status = cli_usage_error(cmd, "no reports found");
  if (status == CLI_CONTINUE && failed) status = CLI_EXIT_FAILURE;
  govinfo_report *sum;
  govinfo_diagnostics *summed;
  if (status != CLI_CONTINUE) {
    /* reported */
  } else if (govinfo_sum(&sum, &summed, (const govinfo_report *const *)parts.reports, parts.n,
                         &s->opts)) {
    status = cli_error("%s", cli_last_error());
  } else {
    status = finish(sum, summed, s);
    govinfo_diagnostics_free(summed);
    govinfo_report_free(sum);
  }
  cli_loaded_free(&parts);
  return status;
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  settings s = {.json = args.value[OPT_JSON] != NULL,
                .output = args.value[OPT_OUTPUT],
                .against = args.value[OPT_AGAINST],
                .opts = GOVINFO_SUM_OPTIONS_INIT};
  s.opts.organ = args.value[OPT_ORGAN];
  if (args.value[OPT_BLANK]) s.opts.flags |= GOVINFO_SUM_BLANK_AS_ZERO;
  status = cli_parse_lang(cmd, args.value[OPT_LANG], &s.lang);
  if (status == CLI_CONTINUE && (s.opts.organ == NULL || s.opts.organ[0] == '\0'))
    status = cli_usage_error(cmd, "--organ NAME is required: the organ of the sum");
  if (status == CLI_CONTINUE && args.noperands == 0)
    status = cli_usage_error(cmd, "no reports to sum");
  unsigned jobs = 0;
  if (status == CLI_CONTINUE) status = cli_parse_jobs(cmd, args.value[OPT_JOBS], &jobs);
  if (status == CLI_CONTINUE) status = sum_inputs(cmd, args.operands, args.noperands, jobs, &s);
  cli_args_free(&args);
  return status;
}

const cli_command cli_sum_command = {
    .name = "sum",
    .summary = "sum the reports of several bodies into one",
    .summary_zh = "把几个机关的报告汇总为一份",
    .help_zh =
        "试验性功能。把几个机关的报告（文件、递归读取的目录，或“-”标准输入；--jobs 个线程\n"
        "读取）汇总为同一格式版本、同一年度的一份报告，每个单元格为各部分之和（精确十进制）。\n"
        "格式版本或年度不同的报告不予汇总。\n"
        "\n"
        "某单元格在任一部分中为空白、符号或缺失时，汇总结果中该单元格缺失，并给出 sum.absent\n"
        "说明缺少它的部分。某部分作为一行印出数字的分组行（layout.group_row）按分组汇总。\n"
        "汇总报告有六个部分的规定标题而无正文，前言列出其各部分；它像任何报告一样接受检查，\n"
        "但不检查第五、六部分的内容和发布日期（合计没有发布日期）。\n"
        "\n"
        "汇总结果写到 OUT（.json 为 JSON，否则 YAML；原子写入），没有 -o 时以 YAML 写到标准\n"
        "输出。检查结果写到标准错误：汇总的（定位在各部分中）、检查汇总报告的，以及使用\n"
        "--against 时比较的。\n"
        "\n"
        "选项：\n"
        "  --organ NAME       汇总报告的发布机关（必需）\n"
        "  -o, --output OUT   汇总结果写到哪里（“-”：标准输出）\n"
        "  --blank-as-zero    空白单元格按 0 计\n"
        "  --against PARENT   把上级自己印出的报告 PARENT 与汇总结果逐格比较：每个不同的数字\n"
        "                     给出一条 sum.differs 提示\n"
        "  --json             检查结果为 JSON 行，\"stage\" 为 \"sum\"、\"validate\" 或 \"against\"\n"
        "  --lang zh|en       消息的语言\n"
        "  -j, --jobs N       读取各部分的线程数（默认 0：每个处理器一个）\n"
        "  -h, --help         显示本帮助\n"
        "\n"
        "退出状态：0 汇总结果没有错误（可以有警告），1 有错误，2 用法错误、有报告无法读取、\n"
        "报告无法汇总或写出失败。\n",
    .synopsis = "govinfo sum --organ NAME [-o OUT] [--blank-as-zero] [--against PARENT]\n"
                "            [--json] [--lang zh|en] [--jobs N] FILE|DIR...",
    .help =
        "EXPERIMENTAL. Sums the reports of several bodies (files, directories read\n"
        "recursively for report documents, or \"-\" for standard input; read on --jobs\n"
        "threads) into one report of the same format\n"
        "version and year whose every cell is the sum of theirs, in exact decimals. Reports\n"
        "of different format versions or years are refused.\n"
        "\n"
        "A cell that is blank, a mark or absent in any part is left absent in the sum, with a\n"
        "sum.absent finding naming the parts that lack it. A group row that a part prints as\n"
        "one figure (layout.group_row) is summed as a group. The sum has the six sections\n"
        "with their official titles and no text, and a preface naming its parts; it is\n"
        "validated like any report, less the rules about what sections 五 and 六 say and\n"
        "about the publication date, which a sum does not have.\n"
        "\n"
        "The sum goes to OUT (JSON for .json, YAML otherwise; written atomically) or, without\n"
        "-o, as YAML to standard output. Findings go to standard error: those of summing\n"
        "(located in the parts), of validating the sum, then with --against those of the\n"
        "comparison.\n"
        "\n"
        "Options:\n"
        "  --organ NAME       the organ of the sum (required)\n"
        "  -o, --output OUT   where to write the sum (\"-\": standard output)\n"
        "  --blank-as-zero    a blank cell counts as 0\n"
        "  --against PARENT   compare the report PARENT printed (a city's own) with the sum,\n"
        "                     cell by cell: a sum.differs note for each figure that differs\n"
        "  --json             findings as JSON lines with \"stage\": \"sum\", \"validate\" and\n"
        "                     \"against\", each in the form of govinfo validate --json\n"
        "  --lang zh|en       language of the messages (default: GOVINFO_LANG, else the\n"
        "                     locale)\n"
        "  -j, --jobs N       threads reading the parts (default 0: one per processor)\n"
        "  -h, --help         show this help\n"
        "\n"
        "Exit status: 0 the sum has no errors (warnings allowed), 1 it has, 2 a usage error,\n"
        "a report that could not be read, reports that cannot be summed, or a failed\n"
        "output.\n",
    .run = run,
};
