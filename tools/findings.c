/* Printing findings, shared by validate and import: clang-style lines or one JSON line. */
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
      fprintf(stderr, "govinfo: cannot print a finding: %s\n", govinfo_error_last()->message);
      continue;
    }
    fprintf(out, "%s\n", line);
    govinfo_free(line);
  }
}

/* The library's JSON for the list, with "file" (and "stage") first. */
static cJSON *findings_json(const char *file, const govinfo_diagnostics *diags, const char *stage) {
  char *text;
  size_t len;
  if (govinfo_diagnostics_to_json(&text, &len, diags)) return NULL;
  cJSON *parsed = cJSON_ParseWithLength(text, len);
  govinfo_free(text);
  cJSON *obj = cJSON_IsObject(parsed) ? cJSON_CreateObject() : NULL;
  bool ok = obj && cJSON_AddStringToObject(obj, "file", file) &&
            (stage == NULL || cJSON_AddStringToObject(obj, "stage", stage));
  while (ok && parsed->child) {
    cJSON *item = cJSON_DetachItemViaPointer(parsed, parsed->child);
    ok = cJSON_AddItemToObject(obj, item->string, item);
    if (!ok) cJSON_Delete(item);
  }
  cJSON_Delete(parsed);
  if (!ok) {
    cJSON_Delete(obj);
    return NULL;
  }
  return obj;
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
