/* The exporter: options, the output file (a temporary file renamed into place at commit), and
 * the writer of the format chosen. */
#define _GNU_SOURCE /* mkostemp */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/export.h"
#include "io/files.h"
#include "util/error.h"
#include "util/text.h"

int govinfo_export_options_init(govinfo_export_options *opts, unsigned version) {
  if (opts == NULL) return gi_fail(GOVINFO_EINVAL, "options pointer is NULL");
  if (version == 0 || version > GOVINFO_EXPORT_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_export_options", version);
  *opts = (govinfo_export_options)GOVINFO_EXPORT_OPTIONS_INIT;
  opts->version = version;
  return GOVINFO_OK;
}

static bool ends_with_ci(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  if (n < m) return false;
  for (size_t i = 0; i < m; i++) {
    char c = s[n - m + i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

govinfo_export_format govinfo_export_format_from_path(const char *path) {
  if (path == NULL) return 0;
  if (ends_with_ci(path, ".csv")) return GOVINFO_EXPORT_CSV;
  if (ends_with_ci(path, ".jsonl") || ends_with_ci(path, ".ndjson")) return GOVINFO_EXPORT_JSONL;
  if (ends_with_ci(path, ".db") || ends_with_ci(path, ".sqlite") || ends_with_ci(path, ".sqlite3"))
    return GOVINFO_EXPORT_SQLITE;
  return 0;
}

int gi_export_write(govinfo_exporter *ex, const char *data, size_t len) {
  if (len && fwrite(data, 1, len, ex->out) != len)
    return gi_fail_os(ex->path, errno ? errno : EIO, "cannot write %s", ex->tmp ? ex->tmp : "");
  return GOVINFO_OK;
}

static bool to_stdout(const char *path) { return strcmp(path, "-") == 0; }

/* An unnamed file in path's directory, named at commit: an export killed even by SIGKILL
 * leaves nothing. Where the system has none, a temporary file beside path (same directory,
 * so the rename is atomic), removed unless committed. */
static int open_temporary(govinfo_exporter *ex) {
  int unnamed = gi_unnamed_open(ex->path);
  if (unnamed >= 0) {
    if ((ex->out = fdopen(unnamed, "wb")) == NULL) {
      close(unnamed);
      return gi_fail_oom();
    }
    ex->unnamed = true;
    return GOVINFO_OK;
  }
  size_t n = strlen(ex->path);
  if ((ex->tmp = malloc(n + sizeof ".XXXXXX")) == NULL) return gi_fail_oom();
  memcpy(ex->tmp, ex->path, n);
  memcpy(ex->tmp + n, ".XXXXXX", sizeof ".XXXXXX");
  int fd = mkostemp(ex->tmp, O_CLOEXEC);
  if (fd < 0) {
    int rc = gi_fail_os(ex->path, errno, "cannot create a temporary file beside %s", ex->path);
    free(ex->tmp);
    ex->tmp = NULL;
    return rc;
  }
  fchmod(fd, 0644);
  if ((ex->out = fdopen(fd, "wb")) == NULL) {
    close(fd);
    return gi_fail_oom();
  }
  return GOVINFO_OK;
}

int govinfo_exporter_open(govinfo_exporter **out, const char *path,
                          const govinfo_export_options *opts) {
  if (out == NULL || path == NULL || path[0] == '\0')
    return gi_fail(GOVINFO_EINVAL, "NULL argument or empty path");
  *out = NULL;
  govinfo_export_options defaults = GOVINFO_EXPORT_OPTIONS_INIT;
  if (opts == NULL) opts = &defaults;
  if (opts->version == 0 || opts->version > GOVINFO_EXPORT_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_export_options", opts->version);
  if (opts->flags & ~(GOVINFO_EXPORT_BOM | GOVINFO_EXPORT_WIDE | GOVINFO_EXPORT_LABELS))
    return gi_fail(GOVINFO_EINVAL, "unknown export flags 0x%x", opts->flags);
  govinfo_export_format format =
      opts->format ? opts->format : govinfo_export_format_from_path(path);
  if (format == 0)
    return gi_fail(GOVINFO_EINVAL,
                   "cannot tell the export format by the name %s: use .csv, .db (SQLite) or "
                   ".jsonl, or say which",
                   path);
  if (format != GOVINFO_EXPORT_CSV && format != GOVINFO_EXPORT_SQLITE &&
      format != GOVINFO_EXPORT_JSONL)
    return gi_fail(GOVINFO_EINVAL, "unknown export format %d", (int)format);
  if (format == GOVINFO_EXPORT_SQLITE && to_stdout(path))
    return gi_fail(GOVINFO_EINVAL, "a SQLite database cannot be written to standard output");
  govinfo_exporter *ex = calloc(1, sizeof *ex);
  if (ex == NULL) return gi_fail_oom();
  ex->format = format;
  ex->flags = opts->flags;
  int rc = (ex->path = gi_strdup(path)) ? GOVINFO_OK : gi_fail_oom();
  if (rc == GOVINFO_OK && format == GOVINFO_EXPORT_SQLITE) rc = gi_sqlite_open(ex);
  else if (rc == GOVINFO_OK && to_stdout(path)) ex->out = stdout;
  else if (rc == GOVINFO_OK) rc = open_temporary(ex);
  if (rc == GOVINFO_OK && format == GOVINFO_EXPORT_CSV && (ex->flags & GOVINFO_EXPORT_WIDE))
    rc = gi_csv_prepare_wide(ex);
  if (rc) {
    govinfo_exporter_free(ex);
    return rc;
  }
  *out = ex;
  return GOVINFO_OK;
}

int govinfo_exporter_add(govinfo_exporter *ex, const govinfo_report *report,
                         const govinfo_diagnostics *findings, const char *source,
                         const char *sha256, int *written) {
  if (written) *written = 0;
  if (ex == NULL || report == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  if (ex->committed) return gi_fail(GOVINFO_EINVAL, "the export is committed already");
  if (ex->format == GOVINFO_EXPORT_SQLITE)
    return gi_sqlite_add(ex, report, findings, source, sha256, written);
  int rc = ex->format == GOVINFO_EXPORT_CSV ? gi_csv_add(ex, report, source)
                                            : gi_jsonl_add(ex, report, findings, source, sha256);
  if (rc == GOVINFO_OK && written) *written = 1;
  return rc;
}

static int finish_file(govinfo_exporter *ex) {
  if (ex->format == GOVINFO_EXPORT_CSV && !ex->header) {
    int rc = gi_csv_add(ex, NULL, NULL); /* the header of an empty export */
    if (rc) return rc;
  }
  errno = 0;
  if (fflush(ex->out) != 0 || ferror(ex->out))
    return gi_fail_os(ex->path, errno ? errno : EIO, "cannot write %s", ex->path);
  if (ex->out == stdout) return GOVINFO_OK;
  if (ex->unnamed) {
    int rc = gi_unnamed_publish(fileno(ex->out), ex->path);
    fclose(ex->out);
    ex->out = NULL;
    return rc;
  }
  if (fsync(fileno(ex->out)) != 0) return gi_fail_os(ex->path, errno, "cannot flush %s", ex->path);
  int closed = fclose(ex->out);
  ex->out = NULL;
  if (closed != 0) return gi_fail_os(ex->path, errno, "cannot write %s", ex->path);
  if (rename(ex->tmp, ex->path) != 0)
    return gi_fail_os(ex->path, errno, "cannot replace %s", ex->path);
  free(ex->tmp);
  ex->tmp = NULL;
  return GOVINFO_OK;
}

int govinfo_exporter_commit(govinfo_exporter *ex) {
  if (ex == NULL) return gi_fail(GOVINFO_EINVAL, "exporter is NULL");
  if (ex->committed) return GOVINFO_OK;
  int rc = ex->format == GOVINFO_EXPORT_SQLITE ? gi_sqlite_commit(ex) : finish_file(ex);
  if (rc == GOVINFO_OK) ex->committed = true;
  return rc;
}

void govinfo_exporter_free(govinfo_exporter *ex) {
  if (ex == NULL) return;
  gi_sqlite_close(ex);
  if (ex->out && ex->out != stdout) fclose(ex->out);
  if (ex->tmp) unlink(ex->tmp); /* not committed: nothing of it stays */
  free(ex->tmp);
  for (size_t k = 0; k < ex->nwide; k++) free((char *)ex->wide_ids[k]);
  free(ex->wide_ids);
  for (size_t f = 0; f < sizeof ex->wide_index / sizeof *ex->wide_index; f++)
    free(ex->wide_index[f]);
  free(ex->path);
  free(ex);
}
