/* Importing a published report: input kind, front end, detection, tables, text. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "import_internal.h"

extern char **environ;

void gi_import_finding(gi_import *im, gi_rule rule, gi_loc loc, const char *const *paths,
                       size_t npaths, const char *zh, const char *en) {
  if (im->status != GOVINFO_OK) return;
  if (gi_diagnostics_add(im->findings, rule, loc, paths, npaths, zh, en) != GOVINFO_OK)
    im->status = GOVINFO_ENOMEM;
}

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
    return gi_fail(GOVINFO_ENOTFOUND, "%s: HTML import is not available: libgovinfo was built "
                   "without libxml2 (Debian package libxml2-dev)", im->source);
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
  return gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){line, (uint32_t)(good + 1)},
                    line_start + good, NULL,
                    "the text is not valid UTF-8 (convert it first, e.g. iconv -f GB18030 "
                    "-t UTF-8)");
}

int govinfo_import(govinfo_report **out, govinfo_diagnostics **findings, const char *buf,
                   size_t len, govinfo_input_kind kind, const char *source_name) {
  if (out == NULL || findings == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  *findings = NULL;
  if (buf == NULL && len > 0) return gi_fail(GOVINFO_EINVAL, "buffer is NULL");
  if ((unsigned)kind > GOVINFO_INPUT_HTML) return gi_fail(GOVINFO_EINVAL, "unknown input kind");
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

/* ---- files and PDFs ---- */

static int read_file(const char *path, char **data, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return gi_fail_at(GOVINFO_EIO, path, (gi_loc){0, 0}, 0, NULL, "cannot open: %s", strerror(errno));
  gi_buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) gi_buf_append(&b, chunk, n);
  int err = ferror(f) ? errno : 0;
  fclose(f);
  if (err) {
    gi_buf_free(&b);
    return gi_fail_at(GOVINFO_EIO, path, (gi_loc){0, 0}, 0, NULL, "cannot read: %s", strerror(err));
  }
  if (b.failed) {
    gi_buf_free(&b);
    return gi_fail_oom();
  }
  if (b.data == NULL) {
    *data = gi_strdup("");
    *len = 0;
    return *data ? GOVINFO_OK : gi_fail_oom();
  }
  return gi_buf_finish(&b, data, len);
}

/* Runs pdftotext [-layout] PATH - and collects its output. */
static int pdftotext(const char *path, bool layout, char **text, size_t *len) {
  int pipefd[2];
  if (pipe(pipefd) != 0) return gi_fail(GOVINFO_EIO, "pipe: %s", strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipefd[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipefd[0]);
  posix_spawn_file_actions_addclose(&actions, pipefd[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  char *argv[6];
  size_t argc = 0;
  argv[argc++] = "pdftotext";
  if (layout) argv[argc++] = "-layout";
  argv[argc++] = "-enc", argv[argc++] = "UTF-8";
  argv[argc++] = (char *)path;
  char dash[] = "-";
  char *full[8];
  memcpy(full, argv, argc * sizeof *argv);
  full[argc++] = dash;
  full[argc] = NULL;
  pid_t pid;
  int rc = posix_spawnp(&pid, "pdftotext", &actions, NULL, full, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipefd[1]);
  if (rc != 0) {
    close(pipefd[0]);
    if (rc == ENOENT)
      return gi_fail_at(GOVINFO_EIO, path, (gi_loc){0, 0}, 0, NULL,
                        "pdftotext was not found: install poppler-utils (apt-get install "
                        "poppler-utils) to import PDFs");
    return gi_fail_at(GOVINFO_EIO, path, (gi_loc){0, 0}, 0, NULL, "cannot run pdftotext: %s",
                      strerror(rc));
  }
  gi_buf b = {0};
  char chunk[65536];
  ssize_t n;
  while ((n = read(pipefd[0], chunk, sizeof chunk)) != 0) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    gi_buf_append(&b, chunk, (size_t)n);
  }
  close(pipefd[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    gi_buf_free(&b);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
      return gi_fail_at(GOVINFO_EIO, path, (gi_loc){0, 0}, 0, NULL,
                        "pdftotext was not found: install poppler-utils (apt-get install "
                        "poppler-utils) to import PDFs");
    return gi_fail_at(GOVINFO_EIO, path, (gi_loc){0, 0}, 0, NULL,
                      "pdftotext could not read the PDF (exit status %d)",
                      WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
  if (b.failed) {
    gi_buf_free(&b);
    return gi_fail_oom();
  }
  if (b.data == NULL) gi_buf_append(&b, "", 0);
  return gi_buf_finish(&b, text, len);
}

static size_t count_rule(const govinfo_diagnostics *d, const char *prefix) {
  size_t n = 0;
  for (size_t i = 0; i < govinfo_diagnostics_count(d); i++) {
    const char *rule = govinfo_diagnostic_rule(govinfo_diagnostics_at(d, i));
    if (strncmp(rule, prefix, strlen(prefix)) == 0) n++;
  }
  return n;
}

static int import_pdf(govinfo_report **out, govinfo_diagnostics **findings, const char *path) {
  char *text;
  size_t len;
  int rc = pdftotext(path, true, &text, &len);
  if (rc != GOVINFO_OK) return rc;
  rc = govinfo_import(out, findings, text, len, GOVINFO_INPUT_TEXT, path);
  free(text);
  bool unreadable = rc == GOVINFO_EPARSE ||
                    (rc == GOVINFO_OK && (count_rule(*findings, "import.cell_unread") ||
                                          count_rule(*findings, "import.table_missing")));
  if (!unreadable) return rc;
  /* The layout text could not be read whole: try the reading-order text, keep the better. */
  govinfo_report *second = NULL;
  govinfo_diagnostics *second_findings = NULL;
  if (pdftotext(path, false, &text, &len) != GOVINFO_OK) return rc == GOVINFO_OK ? rc : GOVINFO_EPARSE;
  int rc2 = govinfo_import(&second, &second_findings, text, len, GOVINFO_INPUT_TEXT, path);
  free(text);
  if (rc2 != GOVINFO_OK) return rc;
  size_t lost1 = rc == GOVINFO_OK ? count_rule(*findings, "import.") : SIZE_MAX;
  size_t lost2 = count_rule(second_findings, "import.");
  if (lost2 < lost1) {
    if (rc == GOVINFO_OK) {
      govinfo_report_free(*out);
      govinfo_diagnostics_free(*findings);
    }
    gi_import im = {.findings = second_findings};
    gi_import_finding(&im, GI_RULE_IMPORT_READING_ORDER, (gi_loc){1, 1}, NULL, 0,
                      "PDF 的版式文本（pdftotext -layout）无法完整读出，改用阅读顺序文本（pdftotext）",
                      "the PDF's layout text (pdftotext -layout) could not be read whole; its "
                      "reading-order text (pdftotext) was used");
    *out = second;
    *findings = second_findings;
    return im.status;
  }
  govinfo_report_free(second);
  govinfo_diagnostics_free(second_findings);
  return rc;
}

int govinfo_import_file(govinfo_report **out, govinfo_diagnostics **findings, const char *path) {
  if (out == NULL || findings == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  *findings = NULL;
  if (path == NULL) return gi_fail(GOVINFO_EINVAL, "path is NULL");
  char *data;
  size_t len;
  int rc = read_file(path, &data, &len);
  if (rc != GOVINFO_OK) return rc;
  if (len >= 5 && memcmp(data, "%PDF-", 5) == 0) {
    free(data);
    return import_pdf(out, findings, path);
  }
  rc = govinfo_import(out, findings, data, len, GOVINFO_INPUT_AUTO, path);
  free(data);
  return rc;
}
