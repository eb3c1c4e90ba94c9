/* The command's own messages in Chinese: each format string given to cli_error or
 * cli_usage_error, and its Chinese with the same conversions in the same order
 * (tests/lint/test_messages_zh.py checks both). The library's messages have their own
 * catalog, lib/util/messages_zh.c; their Chinese comes with each error (message_zh). */
#include <string.h>

#include "cli.h"

typedef struct cli_zh_entry {
  const char *en, *zh;
} cli_zh_entry;

static const cli_zh_entry catalog[] = {
    /* reading and writing files */
    {"%s: a PDF must be given as a file, not on standard input",
     "%s：PDF 须以文件给出，不能从标准输入读入"},
    {"%s: cannot export: %s", "%s：无法导出：%s"},
    {"%s: cannot make the directory of %s: %s", "%s：无法建立 %s 所在的目录：%s"},
    {"%s: cannot read: %s", "%s：无法读取：%s"},
    {"%s: cannot validate: %s", "%s：无法检查：%s"},
    {"%s: not written: %s is the input itself", "%s：未写出：%s 就是输入文件本身"},
    {"%s: not written: %s was written from another input", "%s：未写出：%s 已由另一个输入写出"},
    {"%s: out of memory", "%s：内存不足"},
    {"a file of the batch was lost: %s", "批处理中丢失了一个文件：%s"},
    {"cannot compare %s with %s: %s", "无法比较 %s 与 %s：%s"},
    {"cannot compare %s with the sum: %s", "无法将 %s 与合计比较：%s"},
    {"cannot finish %s: %s", "无法完成 %s：%s"},
    {"cannot make the directory %s: %s", "无法建立目录 %s：%s"},
    {"cannot make the template: %s", "无法生成模板：%s"},
    {"cannot pair the reports: %s", "无法配对报告：%s"},
    {"cannot print JSON: out of memory", "无法输出 JSON：内存不足"},
    {"cannot render %s: %s", "无法生成 %s 的版面：%s"},
    {"cannot serialize the report: %s", "无法写出报告：%s"},
    {"cannot validate the sum: %s", "无法检查合计：%s"},
    {"cannot write %s: %s", "无法写入 %s：%s"},
    {"cannot write the template: %s", "无法写出模板：%s"},
    {"format %s is for report years %s, not %d", "格式 %s 适用于%s的报告，不适用于 %d 年"},
    {"format %s is for report years %s, not %d (use --format %s)",
     "格式 %s 适用于%s的报告，不适用于 %d 年（请用 --format %s）"},
    {"out of memory", "内存不足"},
    {"too many format versions to list", "格式版本太多，无法列出"},

    /* usage */
    {"%s exists: not overwritten (add --force to replace it)",
     "%s 已存在：不覆盖（确需覆盖时加 --force）"},
    {"%s: too many options", "%s：选项太多"},
    {"--%s takes a whole number, not '%s'", "--%s 须为整数，不能是“%s”"},
    {"--bom, --wide and --labels are for CSV", "--bom、--wide 和 --labels 只用于 CSV"},
    {"--jobs needs a number from 0 (one per processor) to 256, not '%s'",
     "--jobs 须为 0（每个处理器一个）到 256 之间的数，不能是“%s”"},
    {"--labels needs --wide (the tidy CSV has its labels in columns)",
     "--labels 须与 --wide 同用（整齐格式的 CSV 已有标签列）"},
    {"--organ NAME is required: the organ of the sum", "须给出 --organ 名称：合计的发布机关"},
    {"--sections takes section ids such as s1,s5", "--sections 须为 s1,s5 这样的部分编号"},
    {"--sections: too long", "--sections：太长"},
    {"--year is required", "须给出 --year"},
    {"-o %s: with several inputs, OUT is a directory", "-o %s：有多个输入时，OUT 须为目录"},
    {"an Excel template needs a file: give -o FILE.xlsx",
     "Excel 模板须写入文件：请给出 -o 文件.xlsx"},
    {"an Excel workbook needs a file: give -o FILE.xlsx",
     "Excel 工作簿须写入文件：请给出 -o 文件.xlsx"},
    {"cannot tell the format by the name '%s': use .csv, .db, .sqlite or .jsonl, or --to",
     "无法从文件名“%s”看出格式：请用 .csv、.db、.sqlite 或 .jsonl，或加 --to"},
    {"cannot tell the output format of '%s': use --to html|md|xlsx",
     "无法看出“%s”的输出格式：请加 --to html|md|xlsx"},
    {"cannot tell the output syntax of '%s': use --to json|yaml",
     "无法看出“%s”的输出语法：请加 --to json|yaml"},
    {"expected IN and OUT, got %zu operand%s", "应给出 IN 和 OUT，却给了 %zu 个参数%.0s"},
    {"expected LAST THIS, or files and directories holding at least two reports (found %zu)",
     "应给出“上年 本年”两份报告，或含至少两份报告的文件和目录（找到 %zu 份）"},
    {"expected one REPORT, got %zu operands", "应给出一份报告，却给了 %zu 个参数"},
    {"invalid year '%s' (expected 1 to 9999)", "无效的年度“%s”（应为 1 到 9999）"},
    {"no input files", "没有输入文件"},
    {"no output: -o OUT", "没有输出：请给出 -o OUT"},
    {"no reports found", "没有找到报告"},
    {"no reports given", "没有给出报告"},
    {"no reports to sum", "没有可合计的报告"},
    {"option '%s' needs a value", "选项“%s”需要一个值"},
    {"option '%s' takes no value", "选项“%s”不带值"},
    {"several inputs or a directory need -o OUTDIR/", "多个输入或一个目录须给出 -o 输出目录/"},
    {"the template is YAML; '%s' names a JSON file", "模板是 YAML；“%s”是 JSON 文件名"},
    {"unexpected operand '%s'", "多余的参数“%s”"},
    {"unknown format '%s' (expected csv, sqlite or jsonl)",
     "未知格式“%s”（应为 csv、sqlite 或 jsonl）"},
    {"unknown input kind '%s' (expected auto, text, markdown, html, tsv, docx or xlsx)",
     "未知输入类型“%s”（应为 auto、text、markdown、html、tsv、docx 或 xlsx）"},
    {"unknown language '%s' (expected zh or en)", "未知语言“%s”（应为 zh 或 en）"},
    {"unknown option '%.*s'", "未知选项“%.*s”"},
    {"unknown option '-%c'", "未知选项“-%c”"},
    {"unknown output format '%s' (expected html, md or xlsx)",
     "未知输出格式“%s”（应为 html、md 或 xlsx）"},
    {"unknown output format '%s' (expected json or yaml)", "未知输出格式“%s”（应为 json 或 yaml）"},
    {"unknown output syntax '%s' (expected json or yaml)", "未知输出语法“%s”（应为 json 或 yaml）"},
    {"unknown template format '%s' (expected yaml or xlsx)",
     "未知模板格式“%s”（应为 yaml 或 xlsx）"},
};

const char *cli_message(const char *fmt) {
  if (cli_language != CLI_LANG_ZH) return fmt;
  for (size_t i = 0; i < sizeof catalog / sizeof *catalog; i++)
    if (strcmp(catalog[i].en, fmt) == 0) return catalog[i].zh;
  return fmt;
}

const char *cli_last_error(void) {
  const govinfo_error *e = govinfo_error_last();
  return cli_text(e->message_zh, e->message);
}
