/* JSON Lines: one object per report and line, {"source", "sha256", "valid", "errors",
 * "warnings", "notes", "report"}, the report in its canonical JSON made compact. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "govinfo/io.h"
#include "util/buf.h"
#include "util/error.h"

/* A JSON string literal (or null), printed by cJSON so escaping is its. */
static bool put_string(gi_buf *b, const char *text) {
  if (text == NULL) {
    gi_buf_puts(b, "null");
    return true;
  }
  cJSON *s = cJSON_CreateString(text);
  char *printed = s ? cJSON_PrintUnformatted(s) : NULL;
  cJSON_Delete(s);
  if (printed == NULL) return false;
  gi_buf_puts(b, printed);
  cJSON_free(printed);
  return true;
}

int gi_jsonl_add(govinfo_exporter *ex, const govinfo_report *r, const govinfo_diagnostics *findings,
                 const char *source, const char *sha256) {
  char *doc;
  size_t len;
  int rc = govinfo_report_serialize(&doc, &len, r, GOVINFO_SYNTAX_JSON, 0);
  if (rc) return rc;
  cJSON_Minify(doc); /* whitespace only: numbers stay the exact text they were */
  gi_buf b = {0};
  gi_buf_puts(&b, "{\"source\":");
  bool ok = put_string(&b, source ? source : r->origin);
  gi_buf_puts(&b, ",\"sha256\":");
  ok = ok && put_string(&b, sha256 && sha256[0] ? sha256 : NULL);
  if (findings) {
    size_t errors = govinfo_diagnostics_count_severity(findings, GOVINFO_SEVERITY_ERROR);
    gi_buf_printf(&b, ",\"valid\":%s,\"errors\":%zu,\"warnings\":%zu,\"notes\":%zu",
                  errors ? "false" : "true", errors,
                  govinfo_diagnostics_count_severity(findings, GOVINFO_SEVERITY_WARNING),
                  govinfo_diagnostics_count_severity(findings, GOVINFO_SEVERITY_NOTE));
  }
  gi_buf_puts(&b, ",\"report\":");
  gi_buf_puts(&b, doc);
  gi_buf_puts(&b, "}\n");
  free(doc);
  char *line;
  if (!ok) {
    gi_buf_free(&b);
    return gi_fail_oom();
  }
  if ((rc = gi_buf_finish(&b, &line, &len))) return rc;
  rc = gi_export_write(ex, line, len);
  free(line);
  return rc;
}
