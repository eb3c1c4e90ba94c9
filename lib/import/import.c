/* Importing a published report from memory: input kind, front end, detection, tables, text. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govinfo/import.h"
#include "govinfo/io.h"
#include "import/import.h"
#include "office/zip.h"
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

/* Tab-separated rows: three lines or more with a tab after some text (pdftotext and
 * converters never write tabs). */
static bool tab_separated(const char *buf, size_t len) {
  size_t rows = 0;
  for (size_t at = 0; at < len && rows < 3;) {
    const char *nl = memchr(buf + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - buf) : len;
    const char *tab = memchr(buf + at, '\t', end - at);
    bool text_before = false;
    for (const char *p = buf + at; tab && p < tab && !text_before; p++) text_before = *p != ' ';
    rows += tab && text_before;
    at = end + 1;
  }
  return rows >= 3;
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
  return tab_separated(buf, len) ? GOVINFO_INPUT_TSV : GOVINFO_INPUT_TEXT;
}

/* ---- files that are no text ---- */

static const unsigned char ole2_signature[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

static bool starts(const char *buf, size_t len, const void *sig, size_t n) {
  return len >= n && memcmp(buf, sig, n) == 0;
}

static bool contains(const char *buf, size_t len, const char *word) {
  size_t n = strlen(word);
  for (size_t i = 0; i + n <= len; i++)
    if (buf[i] == word[0] && memcmp(buf + i, word, n) == 0) return true;
  return false;
}

/* A Word or Excel file by its zip parts; GOVINFO_EPARSE for another zip archive. */
static int office_kind(const char *buf, size_t len, const char *source, govinfo_input_kind *kind) {
#ifdef GOVINFO_HAVE_OFFICE
  gi_zip *z;
  int rc = gi_zip_open(&z, buf, len, source);
  if (rc != GOVINFO_OK) return rc;
  bool docx = gi_zip_has(z, "word/document.xml"), xlsx = gi_zip_has(z, "xl/workbook.xml");
  gi_zip_close(z);
  if (docx || xlsx) {
    *kind = docx ? GOVINFO_INPUT_DOCX : GOVINFO_INPUT_XLSX;
    return GOVINFO_OK;
  }
  return gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                    "a zip archive that is neither a Word (.docx) nor an Excel (.xlsx) file: "
                    "import reads PDF, Word, Excel, HTML, Markdown, tab-separated and plain text");
#else
  (void)buf, (void)len, (void)kind;
  return gi_fail_at(GOVINFO_ENOTFOUND, source, (gi_loc){0, 0}, 0, NULL,
                    "a zip archive (a Word or Excel file?): libgovinfo was built without libzip "
                    "(Debian package libzip-dev), so it cannot read it");
#endif
}

/* Refuses what is no published report's text, saying what it is: a legacy Word or Excel
 * file, a report document (JSON or YAML, for govinfo validate). GOVINFO_OK otherwise. */
static int refuse_other_files(const char *buf, size_t len, const char *source) {
  if (starts(buf, len, ole2_signature, sizeof ole2_signature))
    return gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                      "a legacy Word (.doc) or Excel (.xls) file, which import cannot read: "
                      "convert it first, e.g. soffice --headless --convert-to docx FILE "
                      "(or --convert-to xlsx), and import the result");
  size_t i = 0;
  if (starts(buf, len, "\xEF\xBB\xBF", 3)) i = 3;
  while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) i++;
  size_t head = len - i < 4096 ? len - i : 4096;
  bool json = i < len && buf[i] == '{' && contains(buf + i, head, "\"format\"");
  bool yaml = false;
  for (size_t at = i, lines = 0; at < len && lines < 64 && !yaml; lines++) {
    const char *nl = memchr(buf + at, '\n', len - at);
    size_t end = nl ? (size_t)(nl - buf) : len;
    yaml = starts(buf + at, end - at, "format:", 7) || starts(buf + at, end - at, "tables:", 7);
    at = end + 1;
  }
  if (json || yaml)
    return gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){1, 1}, 0, NULL,
                      "this is a report document (%s), not a published report: check it with "
                      "govinfo validate",
                      json ? "JSON" : "YAML");
  return GOVINFO_OK;
}

/* What a file that is no UTF-8 text is, by its signature; NULL when it may be text. */
static const char *binary_kind(const char *buf, size_t len) {
  static const struct {
    const char *signature;
    size_t n;
    const char *what;
  } kinds[] = {
      {"\x89PNG", 4, "a PNG image"},    {"\xFF\xD8\xFF", 3, "a JPEG image"},
      {"GIF8", 4, "a GIF image"},       {"II*\0", 4, "a TIFF image"},
      {"MM\0*", 4, "a TIFF image"},     {"\x1F\x8B", 2, "a gzip archive"},
      {"Rar!", 4, "a RAR archive"},     {"7z\xBC\xAF", 4, "a 7-Zip archive"},
      {"{\\rtf", 5, "an RTF document"},
  };
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
    if (starts(buf, len, kinds[k].signature, kinds[k].n)) return kinds[k].what;
  return memchr(buf, '\0', len < 8192 ? len : 8192) ? "a binary file" : NULL;
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
  case GOVINFO_INPUT_TSV:
    return gi_read_tsv(&im->doc, buf, len);
  case GOVINFO_INPUT_DOCX:
  case GOVINFO_INPUT_XLSX:
#ifdef GOVINFO_HAVE_OFFICE
    return kind == GOVINFO_INPUT_DOCX ? gi_read_docx(&im->doc, buf, len, im->source)
                                      : gi_read_xlsx(&im->doc, buf, len, im->source);
#else
    return gi_fail(GOVINFO_ENOTFOUND,
                   "%s: Word and Excel import is not available: libgovinfo was built without "
                   "libzip (Debian package libzip-dev)",
                   im->source);
#endif
  case GOVINFO_INPUT_TEXT:
  case GOVINFO_INPUT_AUTO:
    break;
  }
  return gi_read_text(&im->doc, buf, len);
}

/* Refuses text that is not UTF-8, naming the line and column of the first bad byte. One
 * pass: the bytes before the first bad one are counted for lines, never re-checked. */
static int check_utf8(const char *buf, size_t len, const char *source) {
  size_t bad = gi_utf8_valid_prefix(buf, len);
  if (bad == len) return GOVINFO_OK;
  uint32_t line = 1;
  size_t line_start = 0;
  for (const char *nl = buf; (nl = memchr(nl, '\n', bad - (size_t)(nl - buf))) != NULL; nl++) {
    line++;
    line_start = (size_t)(nl - buf) + 1;
  }
  size_t good = bad - line_start; /* the valid part of the bad line */
  const char *binary = binary_kind(buf, len);
  if (binary == NULL && gi_looks_gbk(buf, len)) return gi_fail_gbk(source, buf, len);
  if (binary)
    return gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                      "%s, not text: import reads PDF, Word (.docx), Excel (.xlsx), HTML, "
                      "Markdown, tab-separated and plain text",
                      binary);
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
  if ((unsigned)opts->kind > GOVINFO_INPUT_XLSX)
    return gi_fail(GOVINFO_EINVAL, "unknown input kind %d", (int)opts->kind);
  return GOVINFO_OK;
}

int gi_import_options_copy(govinfo_import_options *dst, const govinfo_import_options *src) {
  int rc = gi_import_options_check(src);
  if (rc) return rc;
  govinfo_import_options copy = GOVINFO_IMPORT_OPTIONS_INIT;
  /* a caller of version 1 has no max_input_bytes: its struct ends before it */
  memcpy(&copy, src,
         src->version >= 2 ? sizeof copy : offsetof(govinfo_import_options, max_input_bytes));
  copy.version = GOVINFO_IMPORT_OPTIONS_VERSION;
  if (copy.max_input_bytes == 0) copy.max_input_bytes = GOVINFO_MAX_INPUT_BYTES_DEFAULT;
  *dst = copy;
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

/* The lines where the pages of pdftotext output start: a page starts on the line where its
 * form feed is. NULL (npages 0) when out of memory or there is a single page. */
static uint32_t *page_lines(const char *buf, size_t len, size_t *npages) {
  size_t n = 1;
  for (size_t i = 0; i < len; i++) n += buf[i] == '\f';
  *npages = 0;
  if (n < 2) return NULL;
  uint32_t *first = malloc(n * sizeof *first);
  if (first == NULL) return NULL;
  uint32_t line = 1;
  first[(*npages)++] = 1;
  for (size_t i = 0; i < len; i++) {
    if (buf[i] == '\n') line++;
    /* a form feed that ends the text starts no page */
    else if (buf[i] == '\f' && i + 1 < len) first[(*npages)++] = line;
  }
  return first;
}

static void report_wrong_charset(gi_import *im) {
  char zh[256], en[256];
  const char *label = im->doc.wrong_charset;
  if (im->doc.read_as_utf8) {
    snprintf(
        zh, sizeof zh,
        "网页声明字符集为 %s，但其内容是 UTF-8 编码，已按 UTF-8 读取；请更正网页的 charset 声明",
        label);
    snprintf(en, sizeof en,
             "the page declares charset %s but is written in UTF-8, and was read as UTF-8: "
             "correct its charset declaration",
             label);
  } else {
    snprintf(zh, sizeof zh, "网页声明字符集为 %s，但部分字节不属于该字符集，无法读出的文字已跳过",
             label);
    snprintf(en, sizeof en,
             "the page declares charset %s but holds bytes that are not in it: text that "
             "could not be decoded was skipped",
             label);
  }
  gi_import_finding(im, GI_RULE_IMPORT_CHARSET_WRONG, (gi_loc){1, 1}, NULL, 0, zh, en);
}

/* Imports buf with checked options; pdf: buf is pdftotext output, whose form feeds separate
 * pages (findings then name the page and the line on it). */
static int import_checked(govinfo_report **out, govinfo_diagnostics **findings, const char *buf,
                          size_t len, const govinfo_import_options *opts, bool pdf) {
  govinfo_input_kind kind = opts->kind;
  const char *source_name = opts->source_name;
  const char *source = source_name ? source_name : "";
  if (buf == NULL) buf = "";
  if (kind == GOVINFO_INPUT_AUTO && gi_zip_signature(buf, len)) {
    int rc = office_kind(buf, len, source, &kind);
    if (rc != GOVINFO_OK) return rc;
  }
  bool binary = kind == GOVINFO_INPUT_DOCX || kind == GOVINFO_INPUT_XLSX;
  if (!binary) {
    int rc = refuse_other_files(buf, len, source);
    if (rc != GOVINFO_OK) return rc;
  }
  if (kind == GOVINFO_INPUT_AUTO) kind = sniff(buf, len);
  if (!binary && kind != GOVINFO_INPUT_HTML) { /* an HTML page may declare another charset */
    int rc = check_utf8(buf, len, source);
    if (rc != GOVINFO_OK) return rc;
  }
  gi_import im = {.source = source};
  gi_doc_init(&im.doc);
  if (pdf) im.page_first_line = page_lines(buf, len, &im.npages);
  im.findings = gi_diagnostics_new(source);
  if (im.findings == NULL) {
    free(im.page_first_line);
    return GOVINFO_ENOMEM;
  }
  if (!binary) gi_doc_set_budget(&im.doc, len); /* a zip's parts are larger than the zip */
  int rc = read_input(&im, buf, len, kind);
  if (im.doc.over_budget) rc = gi_doc_budget_error(&im.doc, source);
  else if (rc == GOVINFO_OK && im.doc.failed) rc = GOVINFO_ENOMEM;
  if (rc == GOVINFO_OK && im.doc.wrong_charset[0]) report_wrong_charset(&im);
  if (rc == GOVINFO_OK) rc = gi_import_detect(&im);
  if (rc == GOVINFO_OK) gi_import_tables(&im);
  if (rc == GOVINFO_OK && im.status == GOVINFO_OK) gi_import_text(&im);
  if (rc == GOVINFO_OK) rc = im.status;
  if (rc == GOVINFO_OK) rc = gi_import_set_sha256(im.report, buf ? buf : "", len);
  gi_doc_free(&im.doc);
  free(im.page_first_line);
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

static int check_call(govinfo_report **out, govinfo_diagnostics **findings, const char *buf,
                      size_t len, const govinfo_import_options **opts,
                      govinfo_import_options *defaults) {
  if (out == NULL || findings == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  *findings = NULL;
  if (buf == NULL && len > 0) return gi_fail(GOVINFO_EINVAL, "buffer is NULL");
  int rc = gi_import_options_copy(defaults, *opts ? *opts : defaults);
  *opts = defaults;
  return rc;
}

int govinfo_import_with(govinfo_report **out, govinfo_diagnostics **findings, const char *buf,
                        size_t len, const govinfo_import_options *opts) {
  govinfo_import_options defaults = GOVINFO_IMPORT_OPTIONS_INIT;
  int rc = check_call(out, findings, buf, len, &opts, &defaults);
  return rc ? rc : import_checked(out, findings, buf, len, opts, false);
}

int gi_import_pdf_text(govinfo_report **out, govinfo_diagnostics **findings, const char *text,
                       size_t len, const govinfo_import_options *opts) {
  govinfo_import_options defaults = GOVINFO_IMPORT_OPTIONS_INIT;
  int rc = check_call(out, findings, text, len, &opts, &defaults);
  return rc ? rc : import_checked(out, findings, text, len, opts, true);
}
