/* govinfo import: read a published report from its text, Markdown, HTML or PDF, check it,
 * write it as YAML or JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_batch.h"

enum { OPT_OUTPUT, OPT_JSON, OPT_LANG, OPT_KIND, OPT_TO, OPT_JOBS, OPT_QUIET, OPT_COUNT_ };

static const cli_option options[OPT_COUNT_] = {
    [OPT_OUTPUT] = {"output", 'o', true}, [OPT_JSON] = {"json", 0, false},
    [OPT_LANG] = {"lang", 0, true},       [OPT_KIND] = {"kind", 0, true},
    [OPT_TO] = {"to", 0, true},           [OPT_JOBS] = {"jobs", 'j', true},
    [OPT_QUIET] = {"quiet", 'q', false},
};

typedef struct settings {
  const char *out;
  govinfo_input_kind kind;
  govinfo_syntax to; /* AUTO: by -o's extension, else YAML */
  bool json;
  cli_lang lang;
  unsigned jobs;
  bool quiet;
} settings;

static const char *const kind_names[] = {
    [GOVINFO_INPUT_AUTO] = "auto",         [GOVINFO_INPUT_TEXT] = "text",
    [GOVINFO_INPUT_MARKDOWN] = "markdown", [GOVINFO_INPUT_HTML] = "html",
    [GOVINFO_INPUT_TSV] = "tsv",           [GOVINFO_INPUT_DOCX] = "docx",
    [GOVINFO_INPUT_XLSX] = "xlsx",
};

static int parse_kind(const cli_command *cmd, const char *value, govinfo_input_kind *out) {
  *out = GOVINFO_INPUT_AUTO;
  if (value == NULL) return CLI_CONTINUE;
  for (size_t k = 0; k < sizeof kind_names / sizeof *kind_names; k++)
    if (strcmp(value, kind_names[k]) == 0) {
      *out = (govinfo_input_kind)k;
      return CLI_CONTINUE;
    }
  return cli_usage_error(
      cmd, "unknown input kind '%s' (expected auto, text, markdown, html, tsv, docx or xlsx)",
      value);
}

/* import_input's failure that it has printed itself (no library code). */
enum { IMPORT_PRINTED = 1 };

static int import_input(govinfo_report **report, govinfo_diagnostics **findings, const char *arg,
                        govinfo_input_kind kind) {
  govinfo_import_options opts = GOVINFO_IMPORT_OPTIONS_INIT;
  opts.kind = kind;
  if (strcmp(arg, "-") != 0) return govinfo_import_file_with(report, findings, arg, &opts);
  char *buf;
  size_t len;
  int err = cli_read_stream(stdin, &buf, &len);
  if (err) {
    cli_error("%s: cannot read: %s", CLI_STDIN_NAME, cli_read_error(err));
    return IMPORT_PRINTED;
  }
  if (len >= 5 && memcmp(buf, "%PDF-", 5) == 0) {
    free(buf);
    cli_error("%s: a PDF must be given as a file, not on standard input", CLI_STDIN_NAME);
    return IMPORT_PRINTED;
  }
  opts.source_name = CLI_STDIN_NAME;
  int rc = govinfo_import_with(report, findings, buf, len, &opts);
  free(buf);
  return rc;
}

static void print_all(const char *file, const govinfo_diagnostics *imported,
                      const govinfo_diagnostics *checked, bool json, cli_lang lang) {
  fflush(stdout);
  if (json) {
    if (!cli_print_findings_json(stderr, file, imported, "import") ||
        !cli_print_findings_json(stderr, file, checked, "validate"))
      fprintf(stderr, "govinfo: cannot print the findings: out of memory\n");
  } else {
    cli_print_findings_text(stderr, file, imported, lang);
    cli_print_findings_text(stderr, file, checked, lang);
  }
}

static int import_one(const char *arg, const char *out, govinfo_input_kind kind, bool json,
                      cli_lang lang, govinfo_syntax to) {
  const char *file = cli_display_name(arg);
  govinfo_report *report;
  govinfo_diagnostics *imported, *checked;
  int rc = import_input(&report, &imported, arg, kind);
  if (rc == IMPORT_PRINTED) return CLI_EXIT_FAILURE;
  if (rc) {
    cli_failure failure;
    cli_failure_from_library(&failure, rc);
    cli_print_failure(file, &failure);
    return CLI_EXIT_FAILURE;
  }
  rc = govinfo_report_validate(&checked, report);
  if (rc) {
    govinfo_report_free(report);
    govinfo_diagnostics_free(imported);
    return cli_error("%s: cannot validate: %s", file, cli_last_error());
  }
  int status = cli_write_report(report, out, to, 0);
  print_all(file, imported, checked, json, lang);
  if (status == CLI_EXIT_OK &&
      (govinfo_diagnostics_count_severity(imported, GOVINFO_SEVERITY_ERROR) ||
       govinfo_diagnostics_count_severity(checked, GOVINFO_SEVERITY_ERROR)))
    status = CLI_EXIT_FINDINGS;
  govinfo_diagnostics_free(checked);
  govinfo_diagnostics_free(imported);
  govinfo_report_free(report);
  return status;
}

/* ---- many inputs into one output directory ---- */

/* Outputs written so far in this run, so two inputs never write the same file. */
typedef struct written {
  char **paths;
  size_t n, cap;
} written;

static bool was_written(const written *w, const char *path) {
  for (size_t i = 0; i < w->n; i++)
    if (strcmp(w->paths[i], path) == 0) return true;
  return false;
}

static bool remember(written *w, char *path) {
  if (w->n == w->cap) {
    size_t cap = w->cap ? w->cap * 2 : 64;
    char **p = realloc(w->paths, cap * sizeof *p);
    if (p == NULL) return false;
    w->paths = p;
    w->cap = cap;
  }
  w->paths[w->n++] = path;
  return true;
}

static void written_free(written *w) {
  for (size_t i = 0; i < w->n; i++) free(w->paths[i]);
  free(w->paths);
}

/* OUTDIR/relative with its extension replaced ("2024/a.pdf" -> "2024/a.yaml"), or kept and
 * extended when keep_extension ("2024/a.pdf.yaml"). */
static char *output_path(const char *outdir, const char *relative, govinfo_syntax to,
                         bool keep_extension) {
  if (strcmp(relative, "-") == 0) relative = "stdin";
  const char *slash = strrchr(relative, '/');
  const char *base = slash ? slash + 1 : relative;
  const char *dot = strrchr(base, '.');
  size_t stem = !keep_extension && dot && dot != base ? (size_t)(dot - relative) : strlen(relative);
  const char *ext = to == GOVINFO_SYNTAX_JSON ? ".json" : ".yaml";
  size_t dirlen = strlen(outdir);
  bool sep = dirlen > 0 && outdir[dirlen - 1] != '/';
  char *path = malloc(dirlen + 1 + stem + strlen(ext) + 1);
  if (path == NULL) return NULL;
  sprintf(path, "%s%s%.*s%s", outdir, sep ? "/" : "", (int)stem, relative, ext);
  return path;
}

/* mkdir -p of the directories above path. */
static bool make_parents(char *path) {
  for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
    *p = '\0';
    bool ok = mkdir(path, 0777) == 0 || errno == EEXIST;
    *p = '/';
    if (!ok) return false;
  }
  return true;
}

static bool same_file(const char *a, const char *b) {
  struct stat sa, sb;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Where an item's report goes; NULL (after printing why) when it cannot go anywhere. */
static char *choose_output(const govinfo_batch_item *item, const settings *s, written *w) {
  const char *file = govinfo_batch_item_name(item);
  const char *relative = govinfo_batch_item_relative_path(item);
  char *path = output_path(s->out, relative, s->to, false);
  if (path && was_written(w, path)) { /* a.pdf and a.txt side by side */
    free(path);
    path = output_path(s->out, relative, s->to, true);
  }
  if (path == NULL) {
    cli_error("%s: out of memory", file);
    return NULL;
  }
  if (was_written(w, path)) {
    cli_error("%s: not written: %s was written from another input", file, path);
  } else if (same_file(path, govinfo_batch_item_path(item))) {
    cli_error("%s: not written: %s is the input itself", file, path);
  } else if (!make_parents(path)) {
    cli_error("%s: cannot make the directory of %s: %s", file, path, strerror(errno));
  } else if (!remember(w, path)) {
    cli_error("%s: out of memory", file);
  } else {
    return path;
  }
  free(path);
  return NULL;
}

/* One item: its failure, or its report written and its findings printed. True when it
 * failed (not read, or not written). */
static bool import_item(const govinfo_batch_item *item, const settings *s, written *w,
                        cli_summary *sum, bool *error_findings) {
  const char *file = govinfo_batch_item_name(item);
  int rc = govinfo_batch_item_status(item);
  if (rc) {
    cli_failure failure;
    cli_failure_from_item(&failure, item);
    cli_print_failure(file, &failure);
    cli_summary_add_failure(sum);
    return true;
  }
  const govinfo_diagnostics *imported = govinfo_batch_item_import_findings(item);
  const govinfo_diagnostics *checked = govinfo_batch_item_findings(item);
  char *path = choose_output(item, s, w);
  govinfo_syntax syntax = s->to == GOVINFO_SYNTAX_JSON ? GOVINFO_SYNTAX_JSON : GOVINFO_SYNTAX_YAML;
  if (path && govinfo_report_save(govinfo_batch_item_report(item), path, syntax, 0)) {
    cli_error("cannot write %s: %s", path, cli_last_error());
    path = NULL; /* remembered in w, freed there */
  }
  print_all(file, imported, checked, s->json, s->lang);
  if (path == NULL) {
    cli_summary_add_failure(sum);
    return true;
  }
  cli_summary_add_report(sum, imported, checked);
  if (govinfo_diagnostics_count_severity(imported, GOVINFO_SEVERITY_ERROR) ||
      govinfo_diagnostics_count_severity(checked, GOVINFO_SEVERITY_ERROR))
    *error_findings = true;
  return false;
}

static int check_outdir(const cli_command *cmd, const char *out) {
  if (out == NULL || strcmp(out, "-") == 0)
    return cli_usage_error(cmd, "several inputs or a directory need -o OUTDIR/");
  struct stat st;
  if (stat(out, &st) == 0) {
    if (!S_ISDIR(st.st_mode))
      return cli_usage_error(cmd, "-o %s: with several inputs, OUT is a directory", out);
    return CLI_CONTINUE;
  }
  size_t n = strlen(out);
  char *dir = malloc(n + 2);
  if (dir == NULL) return cli_error("out of memory");
  memcpy(dir, out, n);
  memcpy(dir + n, "/", 2);
  bool ok = make_parents(dir);
  free(dir);
  if (!ok) return cli_error("cannot make the directory %s: %s", out, strerror(errno));
  return CLI_CONTINUE;
}

static int cli_import_batch(const cli_command *cmd, char **operands, size_t n, const settings *s) {
  int status = check_outdir(cmd, s->out);
  if (status != CLI_CONTINUE) return status;
  govinfo_import_options import = GOVINFO_IMPORT_OPTIONS_INIT;
  import.kind = s->kind;
  govinfo_batch_options opts = GOVINFO_BATCH_OPTIONS_INIT;
  opts.action = GOVINFO_BATCH_IMPORT;
  opts.flags = GOVINFO_BATCH_VALIDATE;
  opts.import = &import;
  opts.jobs = s->jobs;
  cli_summary sum;
  if (!cli_summary_init(&sum)) return cli_error("out of memory");
  cli_batch run;
  if (cli_batch_start(&run, operands, n, &opts, s->quiet) != CLI_CONTINUE) {
    cli_summary_free(&sum);
    return CLI_EXIT_FAILURE;
  }
  written w = {0};
  bool error_findings = false;
  govinfo_batch_item *item;
  while ((item = cli_batch_next(&run)) != NULL) {
    bool failed = import_item(item, s, &w, &sum, &error_findings);
    govinfo_batch_item_free(item);
    cli_batch_done(&run, failed);
  }
  bool failed = run.failed > 0;
  cli_batch_finish(&run);
  written_free(&w);
  if (s->json) cli_summary_print_json(&sum, stderr);
  else cli_summary_print_text(&sum, s->lang);
  cli_summary_free(&sum);
  return failed ? CLI_EXIT_FAILURE : error_findings ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}

static int parse_to(const cli_command *cmd, const char *value, govinfo_syntax *out) {
  *out = GOVINFO_SYNTAX_AUTO;
  if (value == NULL) return CLI_CONTINUE;
  if (strcmp(value, "json") == 0) *out = GOVINFO_SYNTAX_JSON;
  else if (strcmp(value, "yaml") == 0) *out = GOVINFO_SYNTAX_YAML;
  else return cli_usage_error(cmd, "unknown output format '%s' (expected json or yaml)", value);
  return CLI_CONTINUE;
}

static int parse_settings(const cli_command *cmd, const cli_args *args, settings *s) {
  *s = (settings){.out = args->value[OPT_OUTPUT],
                  .json = args->value[OPT_JSON] != NULL,
                  .quiet = args->value[OPT_QUIET] != NULL};
  int status = cli_parse_lang(cmd, args->value[OPT_LANG], &s->lang);
  if (status == CLI_CONTINUE) status = parse_kind(cmd, args->value[OPT_KIND], &s->kind);
  if (status == CLI_CONTINUE) status = parse_to(cmd, args->value[OPT_TO], &s->to);
  if (status == CLI_CONTINUE) status = cli_parse_jobs(cmd, args->value[OPT_JOBS], &s->jobs);
  if (status == CLI_CONTINUE && args->noperands == 0)
    status = cli_usage_error(cmd, "no input files");
  return status;
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  settings s;
  status = parse_settings(cmd, &args, &s);
  if (status == CLI_CONTINUE && cli_is_batch(args.operands, args.noperands))
    status = cli_import_batch(cmd, args.operands, args.noperands, &s);
  else if (status == CLI_CONTINUE)
    status = import_one(args.operands[0], s.out, s.kind, s.json, s.lang, s.to);
  cli_args_free(&args);
  return status;
}

const cli_command cli_import_command = {
    .name = "import",
    .summary = "read a published report from its text, Markdown, HTML or PDF",
    .synopsis = "govinfo import [--json] [--lang zh|en]\n"
                "               [--kind auto|text|markdown|html|tsv|docx|xlsx]\n"
                "               [--to json|yaml] [-o OUT] FILE\n"
                "       govinfo import [OPTIONS] [--jobs N] [--quiet] -o OUTDIR/ FILE|DIR...",
    .help = "Reads a published annual report into the report model: tables 2, 3 and 4 cell by\n"
            "cell, the format version, year, organ, title, publication date, preface and the\n"
            "six sections. FILE is pdftotext output (reading order or -layout), Markdown with\n"
            "pipe tables, an HTML page, or a PDF (read with pdftotext -layout from\n"
            "poppler-utils, and with plain pdftotext when the layout text cannot be read\n"
            "whole); \"-\" reads standard input.\n"
            "\n"
            "No number is guessed: a cell is either read with certainty, or left absent with\n"
            "an import.cell_unread finding that names it and the line it should come from.\n"
            "\n"
            "The report goes to OUT (JSON for .json, YAML otherwise; written atomically) or,\n"
            "without -o, as YAML to standard output. Findings go to standard error (unlike\n"
            "validate's, which go to standard output), because standard output may carry the\n"
            "report: first the import findings (import.*), then those of validating the\n"
            "imported report, in the form of govinfo validate.\n"
            "\n"
            "With several inputs or a directory (walked recursively for *.pdf, *.txt, *.md,\n"
            "*.html and files that look like published reports, in name order), each report\n"
            "goes into OUTDIR (made when missing) under its path relative to the input it was\n"
            "found in, with the extension replaced (in/2024/a.pdf -> OUTDIR/2024/a.yaml; a.pdf\n"
            "beside a.txt gives a.pdf.yaml). An input is never overwritten. Inputs are\n"
            "imported on --jobs threads; the output is in input order and the same for any N.\n"
            "A file that cannot be imported is reported and the others go on. At the end, a\n"
            "summary on standard error: files read, without errors, with errors, failed, and\n"
            "the findings per rule (with --json, one line {\"summary\": {...}} as for validate).\n"
            "On a terminal, a progress line on standard error.\n"
            "\n"
            "Options:\n"
            "  -o, --output OUT  where to write the report (\"-\": standard output), or the\n"
            "                    directory of the reports of several inputs\n"
            "  --to json|yaml    the form of the report (default: by OUT's extension, YAML)\n"
            "  -j, --jobs N      threads (default 0: one per processor)\n"
            "  -q, --quiet       no progress line\n"
            "  --json            findings as two JSON lines, \"stage\": \"import\" and\n"
            "                    \"validate\", each in the form of govinfo validate --json\n"
            "  --lang zh|en      language of the messages (default: GOVINFO_LANG, else the\n"
            "                    locale)\n"
            "  --kind KIND       auto (default: PDF, Word and Excel files by signature, else\n"
            "                    from the content), text, markdown, html, tsv (tab-separated\n"
            "                    rows), docx or xlsx\n"
            "  -h, --help        show this help\n"
            "\n"
            "Exit status: 0 no errors (warnings allowed), 1 some finding is an error (a cell\n"
            "not read, or a figure that does not add up), 2 a usage error or a file that\n"
            "could not be read or is not recognisably an annual report.\n",
    .summary_zh = "从文本、Markdown、HTML、PDF、Word 或 Excel 读入公开发布的报告",
    .help_zh =
        "把公开发布的年度报告读入报告数据：表二、表三、表四逐格读取，以及格式版本、年度、\n"
        "发布机关、标题、发布日期、前言和六个部分。FILE 可以是 pdftotext 的输出、带管道\n"
        "表格的 Markdown、HTML 网页、Word（.docx）、Excel（.xlsx）或 PDF（用 poppler-utils\n"
        "的 pdftotext -layout 读取）；“-”读标准输入。\n"
        "\n"
        "不猜测任何数字：一个单元格要么确定地读出，要么留作缺失，并给出 import.cell_unread\n"
        "结果，指明该单元格和它应在的行。\n"
        "\n"
        "报告写到 OUT（.json 为 JSON，否则 YAML；原子写入），没有 -o 时以 YAML 写到标准\n"
        "输出。检查结果写到标准错误（标准输出可能正在输出报告）：先是导入结果（import.*），\n"
        "再是检查导入后报告的结果，形式同 govinfo validate。\n"
        "\n"
        "多个输入或目录时（按名称顺序递归查找 *.pdf、*.txt、*.md、*.html 等），每份报告\n"
        "写到 OUTDIR 下与输入相同的相对路径，扩展名替换（in/2024/a.pdf -> OUTDIR/2024/a.yaml）。\n"
        "不会覆盖输入。无法导入的文件会报告，其余照常进行；最后在标准错误上给出汇总。\n"
        "\n"
        "选项：\n"
        "  -o, --output OUT  报告写到哪里（“-”：标准输出），或多个输入时报告的目录\n"
        "  --to json|yaml    报告的形式（默认：按 OUT 的扩展名，否则 YAML）\n"
        "  -j, --jobs N      线程数（默认 0：每个处理器一个）\n"
        "  -q, --quiet       不显示进度行\n"
        "  --json            检查结果为两行 JSON，\"stage\": \"import\" 和 \"validate\"\n"
        "  --lang zh|en      消息的语言（默认：GOVINFO_LANG，否则按区域设置）\n"
        "  --kind KIND       auto（默认）、text、markdown、html、tsv、docx 或 xlsx\n"
        "  -h, --help        显示本帮助\n"
        "\n"
        "退出状态：0 没有错误（可以有警告），1 有错误（单元格未读出，或数字对不上），\n"
        "2 用法错误，或有文件无法读取、看不出是年度报告。\n",
    .run = run,
};
