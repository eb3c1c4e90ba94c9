/* Printing findings, shared by the commands: clang-style lines or one JSON line, and the totals. */
#include <cjson/cJSON.h>
#include <stdio.h>

#include "cli.h"

void cli_print_findings_text(FILE *out, const char *file, const govinfo_diagnostics *diags,
                             cli_lang lang) {
  unsigned flags = lang == CLI_LANG_EN ? GOVINFO_FORMAT_EN : 0;
  size_t n = govinfo_diagnostics_count(diags);
  for (size_t i = 0; i < n; i++) {
    char *line;
    if (govinfo_diagnostic_format(&line, NULL, govinfo_diagnostics_at(diags, i), file, flags)) {
      fprintf(stderr, "govinfo: %s: %s\n", cli_text("无法输出检查结果", "cannot print a finding"),
              cli_last_error());
      continue;
    }
    fprintf(out, "%s\n", line);
    govinfo_free(line);
  }
}

cJSON *cli_json_after(cJSON *head, char *text, size_t len) {
  cJSON *parsed = cJSON_ParseWithLength(text, len);
  govinfo_free(text);
  bool ok = head && cJSON_IsObject(parsed);
  while (ok && parsed->child) {
    cJSON *item = cJSON_DetachItemViaPointer(parsed, parsed->child);
    ok = cJSON_AddItemToObject(head, item->string, item);
    if (!ok) cJSON_Delete(item);
  }
  cJSON_Delete(parsed);
  if (!ok) {
    cJSON_Delete(head);
    return NULL;
  }
  return head;
}

/* The library's JSON for the list, with "file" (and "stage") first. */
static cJSON *findings_json(const char *file, const govinfo_diagnostics *diags, const char *stage) {
  char *text;
  size_t len;
  if (govinfo_diagnostics_to_json(&text, &len, diags)) return NULL;
  cJSON *obj = cJSON_CreateObject();
  bool ok = obj && cJSON_AddStringToObject(obj, "file", file) &&
            (stage == NULL || cJSON_AddStringToObject(obj, "stage", stage));
  if (!ok) cJSON_Delete(obj);
  return cli_json_after(ok ? obj : NULL, text, len);
}

void cli_print_totals(size_t errors, size_t warnings, size_t suppressed, cli_lang lang) {
  if (errors == 0 && warnings == 0 && suppressed == 0) return;
  fflush(stdout);
  bool counts = errors || warnings;
  if (lang == CLI_LANG_ZH) {
    if (counts) fputs("共 ", stderr);
    if (errors) fprintf(stderr, "%zu 个错误", errors);
    if (errors && warnings) fputs("，", stderr);
    if (warnings) fprintf(stderr, "%zu 个警告", warnings);
    if (counts && suppressed) fputs("；", stderr);
    if (suppressed) fprintf(stderr, "%zu 个发现已按抑制文件隐藏", suppressed);
    fputs("。\n", stderr);
  } else {
    if (errors) fprintf(stderr, "%zu error%s", errors, errors == 1 ? "" : "s");
    if (errors && warnings) fputs(" and ", stderr);
    if (warnings) fprintf(stderr, "%zu warning%s", warnings, warnings == 1 ? "" : "s");
    if (counts) fputs(" generated", stderr);
    if (counts && suppressed) fputs("; ", stderr);
    if (suppressed)
      fprintf(stderr, "%zu finding%s suppressed", suppressed, suppressed == 1 ? "" : "s");
    fputs(".\n", stderr);
  }
}

bool cli_print_findings_json(FILE *out, const char *file, const govinfo_diagnostics *diags,
                             const char *stage) {
  cJSON *obj = findings_json(file, diags, stage);
  char *text = obj ? cJSON_PrintUnformatted(obj) : NULL;
  cJSON_Delete(obj);
  if (text == NULL) return false;
  fputs(text, out);
  fputc('\n', out);
  cJSON_free(text);
  return true;
}
