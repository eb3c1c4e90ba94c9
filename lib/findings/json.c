/* A list of findings as one JSON object (govinfo_diagnostics_to_json). */
#include <cjson/cJSON.h>
#include <string.h>

#include "findings/findings.h"
#include "util/text.h"

static bool add_string_or_null(cJSON *obj, const char *key, const char *value) {
  return value && value[0] ? cJSON_AddStringToObject(obj, key, value) != NULL
                           : cJSON_AddNullToObject(obj, key) != NULL;
}

static bool add_count_or_null(cJSON *obj, const char *key, unsigned value) {
  return value ? cJSON_AddNumberToObject(obj, key, value) != NULL
               : cJSON_AddNullToObject(obj, key) != NULL;
}

static bool add_paths(cJSON *obj, const govinfo_diagnostic *d) {
  cJSON *paths = cJSON_AddArrayToObject(obj, "paths");
  for (size_t i = 0; paths && i < d->npaths; i++) {
    cJSON *s = cJSON_CreateString(d->paths[i]);
    if (s == NULL || !cJSON_AddItemToArray(paths, s)) {
      cJSON_Delete(s);
      return false;
    }
  }
  return paths != NULL;
}

static cJSON *diagnostic_json(const govinfo_diagnostic *d) {
  cJSON *obj = cJSON_CreateObject();
  bool ok = obj && cJSON_AddStringToObject(obj, "rule", govinfo_diagnostic_rule(d)) &&
            cJSON_AddStringToObject(obj, "severity", govinfo_severity_name(d->severity)) &&
            add_paths(obj, d) && cJSON_AddStringToObject(obj, "message", d->message) &&
            cJSON_AddStringToObject(obj, "message_en", d->message_en) &&
            add_string_or_null(obj, "expected", d->expected) &&
            add_string_or_null(obj, "actual", d->actual) &&
            add_string_or_null(obj, "file", d->file) && add_count_or_null(obj, "line", d->line) &&
            add_count_or_null(obj, "column", d->column) &&
            cJSON_AddStringToObject(obj, "fingerprint", d->fingerprint);
  if (!ok) {
    cJSON_Delete(obj);
    return NULL;
  }
  return obj;
}

bool gi_diagnostics_add_json(cJSON *obj, const govinfo_diagnostics *list) {
  gi_diagnostics_fingerprint(list);
  cJSON *items = NULL;
  bool ok =
      obj && cJSON_AddBoolToObject(obj, "valid", list->by_severity[GOVINFO_SEVERITY_ERROR] == 0) &&
      cJSON_AddNumberToObject(obj, "errors", (double)list->by_severity[GOVINFO_SEVERITY_ERROR]) &&
      cJSON_AddNumberToObject(obj, "warnings",
                              (double)list->by_severity[GOVINFO_SEVERITY_WARNING]) &&
      cJSON_AddNumberToObject(obj, "notes", (double)list->by_severity[GOVINFO_SEVERITY_NOTE]) &&
      cJSON_AddNumberToObject(obj, "suppressed", (double)list->suppressed) &&
      (items = cJSON_AddArrayToObject(obj, "diagnostics")) != NULL;
  for (size_t i = 0; ok && i < list->count; i++) {
    cJSON *d = diagnostic_json(&list->items[i]);
    ok = d && cJSON_AddItemToArray(items, d);
    if (!ok) cJSON_Delete(d);
  }
  return ok;
}

int gi_json_print(char **out, size_t *len, cJSON *obj) {
  char *printed = obj ? cJSON_Print(obj) : NULL;
  cJSON_Delete(obj);
  if (printed == NULL) return gi_fail_oom();
  /* Copied so the caller frees it with govinfo_free() whatever allocator cJSON uses. */
  size_t n = strlen(printed);
  char *copy = gi_strndup(printed, n);
  cJSON_free(printed);
  if (copy == NULL) return gi_fail_oom();
  *out = copy;
  if (len) *len = n;
  return GOVINFO_OK;
}

int govinfo_diagnostics_to_json(char **out, size_t *len, const govinfo_diagnostics *list) {
  if (out) *out = NULL;
  if (out == NULL || list == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  cJSON *obj = cJSON_CreateObject();
  if (obj && !gi_diagnostics_add_json(obj, list)) {
    cJSON_Delete(obj);
    obj = NULL;
  }
  return gi_json_print(out, len, obj);
}
