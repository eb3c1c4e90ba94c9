/* govinfo rules: the registry of validation rules, as aligned text or a JSON array. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

enum { OPT_JSON, OPT_LANG, OPT_COUNT_ };

static const cli_option options[OPT_COUNT_] = {
    [OPT_JSON] = {"json", 0, false},
    [OPT_LANG] = {"lang", 0, true},
};

/* Room for every format id joined by commas; checked in formats_of. */
#define FORMATS_BUFSIZE 256

/* The ids of the format versions the rule applies to, "2019,2021"; "-" for none. Returns
 * false when they do not fit. */
static bool formats_of(const govinfo_rule *rule, char *buf, size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < govinfo_format_count(); i++) {
    const govinfo_format *format = govinfo_format_at(i);
    if (!govinfo_rule_applies_to(rule, format)) continue;
    int n = snprintf(buf + used, size - used, "%s%s", used ? "," : "", govinfo_format_id(format));
    if (n < 0 || (size_t)n >= size - used) return false;
    used += (size_t)n;
  }
  if (used == 0) snprintf(buf, size, "-");
  return true;
}

static const char *description_of(const govinfo_rule *rule, cli_lang lang) {
  return lang == CLI_LANG_EN ? govinfo_rule_description_en(rule) : govinfo_rule_description(rule);
}

static const char *severity_of(const govinfo_rule *rule) {
  return govinfo_severity_name(govinfo_rule_severity(rule));
}

static int print_text(cli_lang lang) {
  size_t n = govinfo_rule_count();
  int id_width = 0, severity_width = 0, formats_width = 0;
  char formats[FORMATS_BUFSIZE];
  for (size_t i = 0; i < n; i++) {
    const govinfo_rule *rule = govinfo_rule_at(i);
    if (!formats_of(rule, formats, sizeof formats))
      return cli_error("too many format versions to list");
    int w = (int)strlen(govinfo_rule_id(rule));
    if (w > id_width) id_width = w;
    if ((w = (int)strlen(severity_of(rule))) > severity_width) severity_width = w;
    if ((w = (int)strlen(formats)) > formats_width) formats_width = w;
  }
  for (size_t i = 0; i < n; i++) {
    const govinfo_rule *rule = govinfo_rule_at(i);
    formats_of(rule, formats, sizeof formats);
    cli_printf("%-*s  %-*s  %-*s  %s\n", id_width, govinfo_rule_id(rule), severity_width,
               severity_of(rule), formats_width, formats, description_of(rule, lang));
  }
  return CLI_EXIT_OK;
}

/* Adds "formats": ["2019", "2021"]. False when out of memory. */
static bool add_formats(cJSON *obj, const govinfo_rule *rule) {
  cJSON *array = cJSON_AddArrayToObject(obj, "formats");
  if (array == NULL) return false;
  for (size_t i = 0; i < govinfo_format_count(); i++) {
    const govinfo_format *format = govinfo_format_at(i);
    if (!govinfo_rule_applies_to(rule, format)) continue;
    cJSON *id = cJSON_CreateString(govinfo_format_id(format));
    if (id == NULL) return false;
    cJSON_AddItemToArray(array, id);
  }
  return true;
}

/* NULL when out of memory. */
static cJSON *rule_json(const govinfo_rule *rule, cli_lang lang) {
  cJSON *obj = cJSON_CreateObject();
  bool ok = obj && cJSON_AddStringToObject(obj, "id", govinfo_rule_id(rule)) &&
            cJSON_AddStringToObject(obj, "severity", severity_of(rule)) && add_formats(obj, rule) &&
            cJSON_AddStringToObject(obj, "description", description_of(rule, lang));
  if (!ok) {
    cJSON_Delete(obj);
    return NULL;
  }
  return obj;
}

static int print_json(cli_lang lang) {
  cJSON *array = cJSON_CreateArray();
  for (size_t i = 0; array && i < govinfo_rule_count(); i++) {
    cJSON *rule = rule_json(govinfo_rule_at(i), lang);
    if (rule == NULL) {
      cJSON_Delete(array);
      array = NULL;
    } else {
      cJSON_AddItemToArray(array, rule);
    }
  }
  char *text = array ? cJSON_Print(array) : NULL;
  cJSON_Delete(array);
  if (text == NULL) return cli_error("out of memory");
  cli_puts(text);
  cli_puts("\n");
  cJSON_free(text);
  return CLI_EXIT_OK;
}

static int run(const cli_command *cmd, int argc, char **argv) {
  cli_args args;
  int status = cli_parse(&args, cmd, options, OPT_COUNT_, argc, argv);
  if (status != CLI_CONTINUE) return status;
  cli_lang lang = CLI_LANG_ZH;
  if (args.noperands > 0)
    status = cli_usage_error(cmd, "unexpected operand '%s'", args.operands[0]);
  else status = cli_parse_lang(cmd, args.value[OPT_LANG], &lang);
  if (status == CLI_CONTINUE) status = args.value[OPT_JSON] ? print_json(lang) : print_text(lang);
  cli_args_free(&args);
  return status;
}

const cli_command cli_rules_command = {
    .name = "rules",
    .summary = "list the validation rules",
    .synopsis = "govinfo rules [--json] [--lang zh|en]",
    .help =
        "Lists every validation rule: its id (as printed in brackets by 'govinfo\n"
        "validate'), its severity, the format versions it applies to and what it checks.\n"
        "\n"
        "Options:\n"
        "  --json          a JSON array of {\"id\", \"severity\", \"formats\", \"description\"}\n"
        "  --lang zh|en    language of the descriptions (default: GOVINFO_LANG, else the\n"
        "                  locale)\n"
        "  -h, --help      show this help\n"
        "\n"
        "Exit status: 0 listed, 2 a usage or output error.\n",
    .summary_zh = "列出检查规则",
    .help_zh =
        "列出每条检查规则：编号（govinfo validate 在方括号中给出的）、严重程度、适用的\n"
        "格式版本和检查内容。validate 的 --enable 和 --disable 使用这些编号。\n"
        "\n"
        "选项：\n"
        "  --json          JSON 数组，每项为 {\"id\", \"severity\", \"formats\", \"description\"}\n"
        "  --lang zh|en    说明的语言（默认：GOVINFO_LANG，否则按区域设置）\n"
        "  -h, --help      显示本帮助\n"
        "\n"
        "退出状态：0 已列出，2 用法或输出错误。\n",
    .run = run,
};
