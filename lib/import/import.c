/* Importing a published report from memory: input kind, front end, detection, tables, text. */
#include <stdlib.h>
#include <string.h>

#include "govinfo/import.h"
#include "import/import.h"
#include "util/sha256.h"
#include "util/text.h"

/* ---- input kind ---- */

static bool starts_with_ci(const char *s, size_t len, const char *prefix) {
  size_t n = strlen(prefix);
  if (len < n) return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

static govinfo_input_kind sniff(const char *buf, size_t len) {
  size_t i = 0;
  if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) i++;
  if (i < len && buf[i] == '<' &&
      (starts_with_ci(buf + i, len - i, "<!doctype html") ||
       starts_with_ci(buf + i, len - i, "<html") || starts_with_ci(buf + i, len - i, "<table") ||
       starts_with_ci(buf + i, len - i, "<meta") || starts_with_ci(buf + i, len - i, "<head") ||
       starts_with_ci(buf + i, len - i, "<body") || starts_with_ci(buf + i, len - i, "<!--")))
    return GOVINFO_INPUT_HTML;
  /* Markdown: a pipe-table delimiter row such as |---|---|, or a line that starts an HTML
   * table in a document that is not HTML (converters such as MinerU write merged tables so) */
  for (size_t at = 0; at < len;) {
    const char *nl = memchr(buf + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - buf) : len;
    size_t k = at;
    while (k < end && buf[k] == ' ') k++;
    if (starts_with_ci(buf + k, end - k, "<table") || starts_with_ci(buf + k, end - k, "<html"))
      return GOVINFO_INPUT_MARKDOWN;
    if (k < end && buf[k] == '|') {
      size_t dashes = 0;
      bool other = false;
      for (size_t j = k; j < end; j++) {
        char c = buf[j];
        if (c == '-') dashes++;
        else if (c != '|' && c != ':' && c != ' ' && c != '\r') other = true;
      }
      if (dashes >= 3 && !other) return GOVINFO_INPUT_MARKDOWN;
    }
    at = end + 1;
  }
  return GOVINFO_INPUT_TEXT;
}

static int read_input(gi_import *im, const char *buf, size_t len, govinfo_input_kind kind) {
  switch (kind) {
  case GOVINFO_INPUT_HTML:
#ifdef GOVINFO_HAVE_HTML
    return gi_read_html(&im->doc, buf, len, im->source);
#else
    return gi_fail(GOVINFO_ENOTFOUND,
                   "%s: HTML import is not available: libgovinfo was built "
                   "without libxml2 (Debian package libxml2-dev)",
                   im->source);
#endif
  case GOVINFO_INPUT_MARKDOWN:
    return gi_read_markdown(&im->doc, buf, len);
  case GOVINFO_INPUT_TEXT:
  case GOVINFO_INPUT_AUTO:
    break;
  }
  return gi_read_text(&im->doc, buf, len);
}

/* Refuses text that is not UTF-8, naming the line and column of the first bad byte. */
static int check_utf8(const char *buf, size_t len, const char *source) {
  if (gi_utf8_valid(buf, len)) return GOVINFO_OK;
  uint32_t line = 1;
  size_t line_start = 0, end = len;
  for (size_t i = 0; i < len; i++)
    if (buf[i] == '\n') {
      if (!gi_utf8_valid(buf + line_start, i - line_start)) {
        end = i;
        break;
      }
      line_start = i + 1;
      line++;
    }
  size_t good = 0; /* longest valid prefix of the line */
  for (size_t n = 1; line_start + n <= end; n++)
    if (gi_utf8_valid(buf + line_start, n)) good = n;
  return gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){line, (uint32_t)(good + 1)}, line_start + good,
                    NULL,
                    "the text is not valid UTF-8 (convert it first, e.g. iconv -f GB18030 "
                    "-t UTF-8)");
}

int govinfo_import_options_init(govinfo_import_options *opts, unsigned version) {
  if (opts == NULL) return gi_fail(GOVINFO_EINVAL, "options pointer is NULL");
  if (version == 0 || version > GOVINFO_IMPORT_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_import_options", version);
  *opts = (govinfo_import_options)GOVINFO_IMPORT_OPTIONS_INIT;
  opts->version = version;
  return GOVINFO_OK;
}

int gi_import_options_check(const govinfo_import_options *opts) {
  if (opts->version == 0 || opts->version > GOVINFO_IMPORT_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_import_options", opts->version);
  if ((unsigned)opts->kind > GOVINFO_INPUT_HTML)
    return gi_fail(GOVINFO_EINVAL, "unknown input kind %d", (int)opts->kind);
  return GOVINFO_OK;
}

int gi_import_set_sha256(govinfo_report *report, const char *bytes, size_t len) {
  char *hex = malloc(GI_SHA256_HEX_SIZE);
  if (hex == NULL) return GOVINFO_ENOMEM;
  gi_sha256_hex(bytes, len, hex);
  return gi_report_take_meta(report, GI_META_SOURCE_SHA256, hex);
}

int govinfo_import(govinfo_report **out, govinfo_diagnostics **findings, const char *buf,
                   size_t len, govinfo_input_kind kind, const char *source_name) {
  govinfo_import_options opts = GOVINFO_IMPORT_OPTIONS_INIT;
  opts.kind = kind;
  opts.source_name = source_name;
  return govinfo_import_with(out, findings, buf, len, &opts);
}

int govinfo_import_with(govinfo_report **out, govinfo_diagnostics **findings, const char *buf,
                        size_t len, const govinfo_import_options *opts) {
  if (out == NULL || findings == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  *findings = NULL;
  if (buf == NULL && len > 0) return gi_fail(GOVINFO_EINVAL, "buffer is NULL");
  govinfo_import_options defaults = GOVINFO_IMPORT_OPTIONS_INIT;
  if (opts == NULL) opts = &defaults;
  int checked = gi_import_options_check(opts);
  if (checked) return checked;
  govinfo_input_kind kind = opts->kind;
  const char *source_name = opts->source_name;
  const char *source = source_name ? source_name : "";
  if (kind == GOVINFO_INPUT_AUTO) kind = sniff(buf ? buf : "", len);
  if (kind != GOVINFO_INPUT_HTML) { /* an HTML page may declare another charset */
    int rc = check_utf8(buf ? buf : "", len, source);
    if (rc != GOVINFO_OK) return rc;
  }
  gi_import im = {.source = source};
  gi_doc_init(&im.doc);
  im.findings = gi_diagnostics_new(source);
  if (im.findings == NULL) return GOVINFO_ENOMEM;
  int rc = read_input(&im, buf ? buf : "", len, kind);
  if (rc == GOVINFO_OK && im.doc.failed) rc = GOVINFO_ENOMEM;
  if (rc == GOVINFO_OK) rc = gi_import_detect(&im);
  if (rc == GOVINFO_OK) gi_import_tables(&im);
  if (rc == GOVINFO_OK && im.status == GOVINFO_OK) gi_import_text(&im);
  if (rc == GOVINFO_OK) rc = im.status;
  if (rc == GOVINFO_OK) rc = gi_import_set_sha256(im.report, buf ? buf : "", len);
  gi_doc_free(&im.doc);
  if (rc != GOVINFO_OK) {
    if (rc == GOVINFO_ENOMEM) gi_fail_oom();
    govinfo_report_free(im.report);
    govinfo_diagnostics_free(im.findings);
    return rc;
  }
  *out = im.report;
  *findings = im.findings;
  return GOVINFO_OK;
}
