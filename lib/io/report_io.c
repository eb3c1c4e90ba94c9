/* Reports in memory and in files: choosing JSON or YAML, and the public parse, load,
 * serialize and save calls. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "govinfo/io.h"
#include "io/files.h"
#include "io/io.h"
#include "util/error.h"
#include "util/text.h"

#define BOM "\xEF\xBB\xBF"

static bool valid_syntax(govinfo_syntax syntax) {
  return syntax == GOVINFO_SYNTAX_AUTO || syntax == GOVINFO_SYNTAX_JSON ||
         syntax == GOVINFO_SYNTAX_YAML;
}

/* JSON when the first character after the BOM and whitespace opens an object. */
static govinfo_syntax sniff(const char *buf, size_t len) {
  size_t i = len >= 3 && memcmp(buf, BOM, 3) == 0 ? 3 : 0;
  while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) i++;
  return i < len && buf[i] == '{' ? GOVINFO_SYNTAX_JSON : GOVINFO_SYNTAX_YAML;
}

int govinfo_report_parse(govinfo_report **out, const char *buf, size_t len, govinfo_syntax syntax,
                         const char *source_name) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  if (buf == NULL && len > 0) return gi_fail(GOVINFO_EINVAL, "buffer is NULL");
  if (!valid_syntax(syntax)) return gi_fail(GOVINFO_EINVAL, "unknown syntax %d", (int)syntax);
  if (buf == NULL) buf = "";
  /* Both readers skip a byte order mark themselves, so offsets count from the caller's
   * first byte. */
  if (syntax == GOVINFO_SYNTAX_AUTO) syntax = sniff(buf, len);
  /* The builder both readers share makes source_name the report's origin. */
  int rc = syntax == GOVINFO_SYNTAX_JSON ? gi_json_parse(out, buf, len, source_name)
                                         : gi_yaml_parse(out, buf, len, source_name);
  /* a report saved as GBK fails on its first Chinese character: say what the file is */
  if ((rc == GOVINFO_EPARSE || rc == GOVINFO_ESCHEMA) && !gi_utf8_valid(buf, len) &&
      gi_looks_gbk(buf, len))
    rc = gi_fail_gbk(source_name, buf, len);
  return rc;
}

int govinfo_report_load(govinfo_report **out, const char *path, govinfo_syntax syntax) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  if (path == NULL) return gi_fail(GOVINFO_EINVAL, "path is NULL");
  if (!valid_syntax(syntax)) return gi_fail(GOVINFO_EINVAL, "unknown syntax %d", (int)syntax);
  if (syntax == GOVINFO_SYNTAX_AUTO) syntax = govinfo_syntax_from_path(path);
  char *data = NULL;
  size_t len = 0;
  int rc = gi_read_file(path, &data, &len, GOVINFO_MAX_INPUT_BYTES_DEFAULT);
  if (rc) return rc;
  rc = govinfo_report_parse(out, data, len, syntax, path);
  free(data);
  return rc;
}

int govinfo_report_serialize(char **out, size_t *len, const govinfo_report *report,
                             govinfo_syntax syntax, unsigned flags) {
  if (out == NULL || report == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  *out = NULL;
  if (flags & ~GOVINFO_WRITE_LABELS) return gi_fail(GOVINFO_EINVAL, "unknown flags 0x%x", flags);
  switch (syntax) {
  case GOVINFO_SYNTAX_JSON:
    return gi_json_write(out, len, report);
  case GOVINFO_SYNTAX_YAML:
    return gi_yaml_write(out, len, report, flags);
  default:
    return gi_fail(GOVINFO_EINVAL, "serializing needs a syntax: JSON or YAML");
  }
}

int govinfo_report_save(const govinfo_report *report, const char *path, govinfo_syntax syntax,
                        unsigned flags) {
  if (report == NULL || path == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  if (syntax == GOVINFO_SYNTAX_AUTO) syntax = govinfo_syntax_from_path(path);
  if (syntax == GOVINFO_SYNTAX_AUTO)
    return gi_fail(GOVINFO_EINVAL,
                   "cannot tell JSON from YAML by the name %s: use .json, .yaml or .yml", path);
  char *doc = NULL;
  size_t len = 0;
  int rc = govinfo_report_serialize(&doc, &len, report, syntax, flags);
  if (rc) return rc;
  rc = govinfo_write_file_atomic(path, doc, len);
  free(doc);
  return rc;
}

/* ASCII only: strcasecmp would follow the locale. */
static bool extension_is(const char *ext, const char *want) {
  for (; *ext && *want; ext++, want++) {
    char c = *ext >= 'A' && *ext <= 'Z' ? (char)(*ext - 'A' + 'a') : *ext;
    if (c != *want) return false;
  }
  return *ext == *want;
}

govinfo_syntax govinfo_syntax_from_path(const char *path) {
  if (path == NULL) return GOVINFO_SYNTAX_AUTO;
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash + 1 : path, '.');
  if (dot == NULL) return GOVINFO_SYNTAX_AUTO;
  if (extension_is(dot + 1, "json")) return GOVINFO_SYNTAX_JSON;
  if (extension_is(dot + 1, "yaml") || extension_is(dot + 1, "yml")) return GOVINFO_SYNTAX_YAML;
  return GOVINFO_SYNTAX_AUTO;
}
