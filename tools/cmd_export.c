/* govinfo export: many reports into one CSV file, SQLite database or JSON Lines file. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_batch.h"

enum {
  OPT_OUTPUT,
  OPT_TO,
  OPT_BOM,
  OPT_WIDE,
  OPT_LABELS,
  OPT_IMPORT,
  OPT_JOBS,
  OPT_QUIET,
  OPT_LANG,
  OPT_COUNT_
};

static const cli_option options[OPT_COUNT_] = {
    [OPT_OUTPUT] = {"output", 'o', true}, [OPT_TO] = {"to", 0, true},
    [OPT_BOM] = {"bom", 0, false},        [OPT_WIDE] = {"wide", 0, false},
    [OPT_LABELS] = {"labels", 0, false},  [OPT_IMPORT] = {"import", 0, false},
    [OPT_JOBS] = {"jobs", 'j', true},     [OPT_QUIET] = {"quiet", 'q', false},
    [OPT_LANG] = {"lang", 0, true},
};

static int parse_format(const cli_command *cmd, const char *to, const char *out,
                        govinfo_export_format *format) {
  static const struct {
    const char *name;
    govinfo_export_format format;
  } names[] = {{"csv", GOVINFO_EXPORT_CSV},
               {"sqlite", GOVINFO_EXPORT_SQLITE},
               {"jsonl", GOVINFO_EXPORT_JSONL}};
  if (to == NULL) {
    *format = strcmp(out, "-") == 0 ? GOVINFO_EXPORT_CSV : govinfo_export_format_from_path(out);
    if (*format == 0)
      return cli_usage_error(cmd,
                             "cannot tell the format by the name '%s': use .csv, .db, .sqlite "
                             "or .jsonl, or --to",
                             out);
    return CLI_CONTINUE;
  }
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (strcmp(to, names[i].name) == 0) {
      *format = names[i].format;
      return CLI_CONTINUE;
    }
  return cli_usage_error(cmd, "unknown format '%s' (expected csv, sqlite or jsonl)", to);
}

static int parse_options(const cli_command *cmd, const cli_args *args,
                         govinfo_export_options *opts) {
  const char *out = args->value[OPT_OUTPUT];
  if (out == NULL) return cli_usage_error(cmd, "no output: -o OUT");
  if (args->noperands == 0) return cli_usage_error(cmd, "no input files");
  *opts = (govinfo_export_options)GOVINFO_EXPORT_OPTIONS_INIT;
  int status = parse_format(cmd, args->value[OPT_TO], out, &opts->format);
  if (status != CLI_CONTINUE) return status;
  if (args->value[OPT_BOM]) opts->flags |= GOVINFO_EXPORT_BOM;
  if (args->value[OPT_WIDE]) opts->flags |= GOVINFO_EXPORT_WIDE;
  if (args->value[OPT_LABELS]) opts->flags |= GOVINFO_EXPORT_LABELS;
  if (opts->format != GOVINFO_EXPORT_CSV && opts->flags)
    return cli_usage_error(cmd, "--bom, --wide and --labels are for CSV");
  if ((opts->flags & GOVINFO_EXPORT_LABELS) && !(opts->flags & GOVINFO_EXPORT_WIDE))
    return cli_usage_error(cmd, "--labels needs --wide (the tidy CSV has its labels in columns)");
  return CLI_CONTINUE;
}

/* Counts of the whole export. */
typedef struct tally {
  size_t read, written, unchanged, failed;
} tally;

static void print_item_failure(const govinfo_batch_item *item) {
  cli_failure failure;
  cli_failure_from_item(&failure, item);
  cli_print_failure(govinfo_batch_item_name(item), &failure);
}

static void print_tally(const tally *t, cli_lang lang, const char *out) {
  if (lang == CLI_LANG_ZH)
    fprintf(stderr, "共读取 %zu 个文件：%zu 份报告写入 %s，%zu 份未变（跳过），%zu 个无法读取\n",
            t->read, t->written, out, t->unchanged, t->failed);
  else
    fprintf(stderr,
            "%zu file%s read: %zu report%s written to %s, %zu unchanged (skipped), %zu failed\n",
            t->read, t->read == 1 ? "" : "s", t->written, t->written == 1 ? "" : "s", out,
            t->unchanged, t->failed);
}

/* Every item into the exporter. False when the export itself failed (it is discarded). */
static bool export_all(cli_batch *run, govinfo_exporter *ex, tally *t) {
  govinfo_batch_item *item;
  while ((item = cli_batch_next(run)) != NULL) {
    t->read++;
    bool failed = govinfo_batch_item_status(item) != GOVINFO_OK;
    if (failed) {
      print_item_failure(item);
      t->failed++;
    } else {
      int written;
      if (govinfo_exporter_add(ex, govinfo_batch_item_report(item),
                               govinfo_batch_item_findings(item), govinfo_batch_item_name(item),
                               govinfo_batch_item_sha256(item), &written)) {
        cli_error("%s: cannot export: %s", govinfo_batch_item_name(item), cli_last_error());
        govinfo_batch_item_free(item);
        return false;
      }
      if (written) t->written++;
      else t->unchanged++;
    }
    govinfo_batch_item_free(item);
    cli_batch_done(run, failed);
  }
  return true;
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  govinfo_export_options eopts;
  unsigned jobs = 0;
  cli_lang lang = CLI_LANG_ZH;
  status = parse_options(cmd, &args, &eopts);
  if (status == CLI_CONTINUE) status = cli_parse_jobs(cmd, args.value[OPT_JOBS], &jobs);
  if (status == CLI_CONTINUE) status = cli_parse_lang(cmd, args.value[OPT_LANG], &lang);
  if (status != CLI_CONTINUE) {
    cli_args_free(&args);
    return status;
  }
  const char *out = args.value[OPT_OUTPUT];
  govinfo_exporter *ex;
  if (govinfo_exporter_open(&ex, out, &eopts)) {
    cli_args_free(&args);
    return cli_error("%s", cli_last_error());
  }
  govinfo_batch_options opts = GOVINFO_BATCH_OPTIONS_INIT;
  opts.action = args.value[OPT_IMPORT] ? GOVINFO_BATCH_IMPORT : GOVINFO_BATCH_LOAD;
  opts.flags = GOVINFO_BATCH_VALIDATE | GOVINFO_BATCH_SHA256;
  opts.jobs = jobs;
  cli_batch batch;
  tally t = {0};
  status =
      cli_batch_start(&batch, args.operands, args.noperands, &opts, args.value[OPT_QUIET] != NULL);
  if (status == CLI_CONTINUE) {
    bool ok = export_all(&batch, ex, &t);
    cli_batch_finish(&batch);
    if (!ok) status = CLI_EXIT_FAILURE;
    else if (govinfo_exporter_commit(ex))
      status = cli_error("cannot finish %s: %s", out, cli_last_error());
    else status = batch.failed ? CLI_EXIT_FAILURE : CLI_EXIT_OK; /* read failures, lost items */
  }
  govinfo_exporter_free(ex);
  if (status != CLI_EXIT_FAILURE || t.read) print_tally(&t, lang, out);
  cli_args_free(&args);
  return status;
}

const cli_command cli_export_command = {
    .name = "export",
    .summary = "put many reports into one CSV file, SQLite database or JSON Lines file",
    .synopsis = "govinfo export [--to csv|sqlite|jsonl] [--bom] [--wide [--labels]] [--import]\n"
                "               [--jobs N] [--quiet] [--lang zh|en] -o OUT FILE|DIR...",
    .help =
        "Loads every report (JSON or YAML; a directory is walked recursively, \"-\" reads\n"
        "standard input), validates it, and writes them all into OUT, in input order. The\n"
        "format is --to, else OUT's extension: .csv, .db/.sqlite/.sqlite3, .jsonl.\n"
        "\n"
        "  csv     the tidy rows: one row per cell per report, with the columns source, organ,\n"
        "          year, format, cell_id, table_id, row_id, column_id, table_label, row_label,\n"
        "          column_label, state (number, blank, mark, absent), value, mark,\n"
        "          group_role, source_line, source_column (RFC 4180, UTF-8). group_role\n"
        "          tells how a cell relates to a group row printed as one figure: add the\n"
        "          cells whose role is cell or group_figure to count every figure once.\n"
        "  sqlite  tables reports, cells, sections and findings, and one view per official\n"
        "          table (e.g. table3_2021) in its printed shape. Exporting into an existing\n"
        "          database adds reports, skips those whose file is unchanged (same SHA-256)\n"
        "          and replaces those that changed, all in one transaction: an interrupted\n"
        "          export leaves the database as it was. See docs/export.md.\n"
        "  jsonl   one line per report: {\"source\", \"sha256\", \"valid\", \"errors\",\n"
        "          \"warnings\", \"notes\", \"report\": the report document}.\n"
        "\n"
        "CSV and JSON Lines are written to a temporary file renamed into place at the end\n"
        "(\"-\": standard output). A file that cannot be read is reported and left out; the\n"
        "others are exported. A summary goes to standard error.\n"
        "\n"
        "Options:\n"
        "  -o, --output OUT  the file or database to write (\"-\": standard output)\n"
        "  --to FORMAT       csv, sqlite or jsonl (default: by OUT's extension; CSV for -)\n"
        "  --bom             CSV: start with a UTF-8 byte order mark (Excel, WPS)\n"
        "  --wide            CSV: one row per report, one column per cell id (blank and\n"
        "                    absent cells both empty)\n"
        "  --labels          with --wide: a second header row of Chinese labels\n"
        "  --import          the inputs are published reports (PDF, text, Markdown, HTML):\n"
        "                    import them instead of loading report documents\n"
        "  -j, --jobs N      threads (default 0: one per processor)\n"
        "  -q, --quiet       no progress line\n"
        "  --lang zh|en      language of the messages (default: GOVINFO_LANG, else the\n"
        "                    locale)\n"
        "  -h, --help        show this help\n"
        "\n"
        "Exit status: 0 every input exported, 2 a usage error, an input that could not be\n"
        "read (the others are exported) or an output that could not be written (nothing\n"
        "is).\n",
    .summary_zh = "把多份报告放进一个 CSV 文件、SQLite 数据库或 JSON Lines 文件",
    .help_zh =
        "读入每份报告（JSON 或 YAML；目录递归查找，“-”读标准输入），检查后按输入顺序全部\n"
        "写入 OUT。格式由 --to 指定，否则按 OUT 的扩展名：.csv、.db/.sqlite/.sqlite3、.jsonl。\n"
        "\n"
        "  csv     整齐的行：每份报告每个单元格一行（RFC 4180，UTF-8），列见 docs/export.md\n"
        "  sqlite  reports、cells、sections、findings 表，以及每张规定表格一个视图；再次导出\n"
        "          到已有的数据库时只写入有变化的报告，全部在一个事务中完成\n"
        "  jsonl   每份报告一行：{\"source\", \"sha256\", \"valid\", \"errors\", \"warnings\",\n"
        "          \"notes\", \"report\"}\n"
        "\n"
        "CSV 和 JSON Lines 先写到临时文件，最后改名（“-”：标准输出）。无法读取的文件会报告\n"
        "并略过，其余照常导出。汇总写到标准错误。\n"
        "\n"
        "选项：\n"
        "  -o, --output OUT  要写的文件或数据库（“-”：标准输出）\n"
        "  --to FORMAT       csv、sqlite 或 jsonl（默认：按 OUT 的扩展名；- 为 CSV）\n"
        "  --bom             CSV：以 UTF-8 字节顺序标记开头（Excel、WPS）\n"
        "  --wide            CSV：每份报告一行，每个单元格编号一列\n"
        "  --labels          与 --wide 一起：第二行表头为中文名称\n"
        "  --import          输入是公开发布的报告（PDF、文本、Markdown、HTML）：先导入\n"
        "  -j, --jobs N      线程数（默认 0：每个处理器一个）\n"
        "  -q, --quiet       不显示进度行\n"
        "  --lang zh|en      消息的语言（默认：GOVINFO_LANG，否则按区域设置）\n"
        "  -h, --help        显示本帮助\n"
        "\n"
        "退出状态：0 全部导出，2 用法错误、有输入无法读取（其余已导出）或无法写出（什么都\n"
        "没有写）。\n",
    .run = run,
};
