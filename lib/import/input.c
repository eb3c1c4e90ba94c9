/* Importing files: PDFs through pdftotext, anything else as text, Markdown or HTML. */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "govinfo/import.h"
#include "import/import.h"
#include "io/files.h"
#include "util/buf.h"

extern char **environ;

/* Runs pdftotext [-layout] PATH - and collects its output. */
static int pdftotext(const char *program, const char *path, bool layout, size_t max, char **text,
                     size_t *len) {
  int pipefd[2];
  /* close-on-exec: another thread's child must not hold our pipe (dup2 clears the flag on
   * pdftotext's own standard output) */
  if (pipe2(pipefd, O_CLOEXEC) != 0)
    return gi_fail_os(path, errno, "cannot make a pipe for pdftotext");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipefd[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipefd[0]);
  posix_spawn_file_actions_addclose(&actions, pipefd[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  char *argv[6];
  size_t argc = 0;
  argv[argc++] = (char *)program;
  if (layout) argv[argc++] = "-layout";
  argv[argc++] = "-enc", argv[argc++] = "UTF-8";
  /* a relative path that starts with "-" would be read as an option (-v, -f, -opw) */
  char *as_path = NULL;
  if (path[0] == '-') {
    size_t n = strlen(path);
    if ((as_path = malloc(n + 3)) == NULL) {
      close(pipefd[0]), close(pipefd[1]);
      posix_spawn_file_actions_destroy(&actions);
      return gi_fail_oom();
    }
    memcpy(as_path, "./", 2);
    memcpy(as_path + 2, path, n + 1);
  }
  argv[argc++] = as_path ? as_path : (char *)path;
  char dash[] = "-";
  char *full[8];
  memcpy(full, argv, argc * sizeof *argv);
  full[argc++] = dash;
  full[argc] = NULL;
  pid_t pid;
  int rc = posix_spawnp(&pid, program, &actions, NULL, full, environ);
  posix_spawn_file_actions_destroy(&actions);
  free(as_path);
  close(pipefd[1]);
  if (rc != 0) {
    close(pipefd[0]);
    if (rc == ENOENT)
      return gi_fail_at(GOVINFO_EIO, path, (gi_loc){0, 0}, 0, NULL,
                        "pdftotext was not found: install poppler-utils (apt-get install "
                        "poppler-utils) to import PDFs");
    return gi_fail_os(path, rc, "cannot run pdftotext");
  }
  gi_buf b = {0};
  char chunk[65536];
  ssize_t n;
  bool too_large = false;
  /* stops at a failed allocation or the limit; closing the pipe ends pdftotext (SIGPIPE) */
  while (!b.failed && !too_large && (n = read(pipefd[0], chunk, sizeof chunk)) != 0) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    gi_buf_append(&b, chunk, (size_t)n);
    too_large = b.len > max;
  }
  close(pipefd[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (too_large) {
    gi_buf_free(&b);
    return gi_input_too_large(path, max);
  }
  if (b.failed) {
    gi_buf_free(&b);
    return gi_fail_oom();
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
  if (b.data == NULL) gi_buf_append(&b, "", 0);
  return gi_buf_finish(&b, text, len);
}

/* A PDF whose text layer is empty (only page breaks and spaces): a scanned image. */
static bool no_text_layer(const char *text, size_t len, const char *path) {
  for (size_t i = 0; i < len; i++)
    if (text[i] != '\f' && text[i] != '\n' && text[i] != '\r' && text[i] != ' ' && text[i] != '\t')
      return false;
  gi_fail_at(GOVINFO_EPARSE, path, (gi_loc){0, 0}, 0, NULL,
             "the PDF has no text layer: it is a scanned image, and its text must be recognised "
             "(OCR) first, e.g. ocrmypdf -l chi_sim %s OCRED.pdf (Debian packages ocrmypdf and "
             "tesseract-ocr-chi-sim), then import OCRED.pdf",
             path);
  return true;
}

static size_t count_rule(const govinfo_diagnostics *d, const char *prefix) {
  size_t n = 0;
  for (size_t i = 0; i < govinfo_diagnostics_count(d); i++) {
    const char *rule = govinfo_diagnostic_rule(govinfo_diagnostics_at(d, i));
    if (strncmp(rule, prefix, strlen(prefix)) == 0) n++;
  }
  return n;
}

static int import_pdf(govinfo_report **out, govinfo_diagnostics **findings, const char *path,
                      const govinfo_import_options *opts) {
  const char *program = opts->pdftotext ? opts->pdftotext : "pdftotext";
  govinfo_import_options as_text = *opts;
  as_text.kind = GOVINFO_INPUT_TEXT;
  char *text = NULL;
  size_t len = 0;
  int rc = pdftotext(program, path, true, opts->max_input_bytes, &text, &len);
  if (rc != GOVINFO_OK) return rc;
  bool scanned = no_text_layer(text, len, path);
  rc = scanned ? GOVINFO_EPARSE : gi_import_pdf_text(out, findings, text, len, &as_text);
  free(text);
  text = NULL;
  if (scanned) return rc; /* its reading-order text is no better */
  bool unreadable =
      rc == GOVINFO_EPARSE || (rc == GOVINFO_OK && (count_rule(*findings, "import.cell_unread") ||
                                                    count_rule(*findings, "import.table_missing")));
  if (!unreadable) return rc;
  /* The layout text could not be read whole: try the reading-order text, keep the better. */
  govinfo_report *second = NULL;
  govinfo_diagnostics *second_findings = NULL;
  if (pdftotext(program, path, false, opts->max_input_bytes, &text, &len) != GOVINFO_OK)
    return rc == GOVINFO_OK ? rc : GOVINFO_EPARSE;
  int rc2 = gi_import_pdf_text(&second, &second_findings, text, len, &as_text);
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
    gi_import_finding(
        &im, GI_RULE_IMPORT_READING_ORDER, (gi_loc){1, 1}, NULL, 0,
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
  return govinfo_import_file_with(out, findings, path, NULL);
}

int govinfo_import_file_with(govinfo_report **out, govinfo_diagnostics **findings, const char *path,
                             const govinfo_import_options *opts) {
  if (out == NULL || findings == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  *findings = NULL;
  if (path == NULL) return gi_fail(GOVINFO_EINVAL, "path is NULL");
  govinfo_import_options named = GOVINFO_IMPORT_OPTIONS_INIT;
  int rc = gi_import_options_copy(&named, opts ? opts : &named);
  if (rc) return rc;
  if (named.source_name == NULL) named.source_name = path;
  char *data;
  size_t len;
  rc = gi_read_file(path, &data, &len, named.max_input_bytes);
  if (rc != GOVINFO_OK) return rc;
  /* A PDF is read through its text, whatever kind was asked for: its bytes are no text. */
  bool pdf = len >= 5 && memcmp(data, "%PDF-", 5) == 0;
  rc = pdf ? import_pdf(out, findings, path, &named)
           : govinfo_import_with(out, findings, data, len, &named);
  /* Provenance: the hash of the file's own bytes (a PDF's, not its text's: other files were
     hashed as they were imported), and the file as named unless the document names its own
     source (a crawler text's 原文链接 says more). */
  if (rc == GOVINFO_OK && pdf) rc = gi_import_set_sha256(*out, data, len);
  if (rc == GOVINFO_OK) {
    const char *named_source = govinfo_report_source(*out);
    if (named_source == NULL || *named_source == '\0')
      if ((rc = govinfo_report_set_source(*out, path)) == GOVINFO_EINVAL)
        rc = GOVINFO_OK; /* a path that is not UTF-8 cannot be kept as text */
  }
  free(data);
  if (rc != GOVINFO_OK && *out) {
    if (rc == GOVINFO_ENOMEM) gi_fail_oom();
    govinfo_report_free(*out);
    govinfo_diagnostics_free(*findings);
    *out = NULL;
    *findings = NULL;
  }
  return rc;
}
