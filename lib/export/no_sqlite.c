/* Built without libsqlite3: SQLite export is refused with a clear error. */
#include "export/export.h"
#include "util/error.h"

int gi_sqlite_open(govinfo_exporter *ex) {
  return gi_fail(GOVINFO_ENOTFOUND,
                 "%s: SQLite export is not available: libgovinfo was built without libsqlite3 "
                 "(Debian package libsqlite3-dev)",
                 ex->path);
}

int gi_sqlite_add(govinfo_exporter *ex, const govinfo_report *report,
                  const govinfo_diagnostics *findings, const char *source, const char *sha256,
                  int *written) {
  return gi_fail(GOVINFO_ENOTFOUND, "SQLite export is not available");
}

int gi_sqlite_commit(govinfo_exporter *ex) {
  return gi_fail(GOVINFO_ENOTFOUND, "SQLite export is not available");
}

void gi_sqlite_close(govinfo_exporter *ex) {}
