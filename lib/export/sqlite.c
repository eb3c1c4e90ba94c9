/* SQLite: reports, cells (the tidy rows), sections and findings, with indexes and one view
 * per official table in its printed shape. An export is one transaction, so a run that is
 * interrupted leaves the database as it was (SQLite's journal undoes the rest). */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "util/buf.h"
#include "util/error.h"

#define SCHEMA_VERSION 1

struct gi_sqlite {
  sqlite3 *db;
  bool in_transaction;
  bool labelled[8]; /* per format: its labels are in the labels table */
  sqlite3_stmt *find, *remove, *report, *cell, *section, *finding, *label;
};

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS reports (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  path TEXT NOT NULL UNIQUE,\n" /* the file exported: the key of re-exports */
    "  sha256 TEXT,\n"               /* of that file's bytes */
    "  source TEXT,\n"               /* the published file it was imported from */
    "  source_sha256 TEXT,\n"
    "  organ TEXT, year INTEGER, format TEXT NOT NULL, title TEXT, published TEXT,\n"
    "  division_code TEXT, preface TEXT,\n"
    "  valid INTEGER, errors INTEGER, warnings INTEGER, notes INTEGER);\n"
    "CREATE TABLE IF NOT EXISTS cells (\n"
    "  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,\n"
    "  cell_id TEXT NOT NULL, table_id TEXT NOT NULL, row_id TEXT NOT NULL,\n"
    "  column_id TEXT NOT NULL,\n"
    "  state TEXT NOT NULL, value NUMERIC, value_text TEXT, mark TEXT,\n"
    "  group_role TEXT NOT NULL, source_line INTEGER, source_column INTEGER,\n"
    "  row_order INTEGER NOT NULL, column_order INTEGER NOT NULL,\n"
    "  PRIMARY KEY (report_id, cell_id)) WITHOUT ROWID;\n"
    /* the labels once per format and cell, not once per report */
    "CREATE TABLE IF NOT EXISTS labels (\n"
    "  format TEXT NOT NULL, cell_id TEXT NOT NULL, table_label TEXT, row_label TEXT,\n"
    "  column_label TEXT, PRIMARY KEY (format, cell_id)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS sections (\n"
    "  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,\n"
    "  position INTEGER NOT NULL, id TEXT NOT NULL, title TEXT, text TEXT,\n"
    "  PRIMARY KEY (report_id, position));\n"
    "CREATE TABLE IF NOT EXISTS findings (\n"
    "  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,\n"
    "  position INTEGER NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL,\n"
    "  cells TEXT, expected TEXT, actual TEXT, message TEXT, message_en TEXT,\n"
    "  line INTEGER, \"column\" INTEGER,\n"
    "  PRIMARY KEY (report_id, position));\n"
    "CREATE INDEX IF NOT EXISTS cells_by_cell ON cells(cell_id, state);\n"
    "CREATE INDEX IF NOT EXISTS cells_by_table ON cells(table_id, row_id, column_id);\n"
    "CREATE INDEX IF NOT EXISTS reports_by_organ ON reports(organ, year);\n"
    "CREATE INDEX IF NOT EXISTS reports_by_year ON reports(year, format);\n"
    "CREATE INDEX IF NOT EXISTS findings_by_rule ON findings(rule);\n"
    /* the tidy rows with their columns and names, as the CSV has them */
    "CREATE VIEW IF NOT EXISTS tidy AS SELECT r.path AS source, r.organ, r.year, r.format,\n"
    "  c.cell_id, c.table_id, c.row_id, c.column_id, l.table_label, l.row_label,\n"
    "  l.column_label, c.state, c.value_text AS value, c.mark, c.group_role, c.source_line,\n"
    "  c.source_column\n"
    "  FROM cells c JOIN reports r ON r.id = c.report_id\n"
    "  JOIN labels l ON l.format = r.format AND l.cell_id = c.cell_id;\n";

static int fail_db(govinfo_exporter *ex, const char *what) {
  return gi_fail(GOVINFO_EIO, "%s: %s: %s", ex->path, what,
                 ex->db && ex->db->db ? sqlite3_errmsg(ex->db->db) : "out of memory");
}

static int exec(govinfo_exporter *ex, const char *sql) {
  char *message = NULL;
  if (sqlite3_exec(ex->db->db, sql, NULL, NULL, &message) == SQLITE_OK) return GOVINFO_OK;
  int rc = gi_fail(GOVINFO_EIO, "%s: %s", ex->path, message ? message : "SQLite failed");
  sqlite3_free(message);
  return rc;
}

/* One view per table of every format: a row per report and table row, a column per column,
 * each the number, or the mark, or NULL (blank, absent). */
static int create_views(govinfo_exporter *ex) {
  for (size_t f = 0; f < govinfo_format_count(); f++) {
    const struct govinfo_format *fm = govinfo_format_at(f);
    for (size_t t = 0; t < fm->ntables; t++) {
      const struct govinfo_table *tb = &fm->tables[t];
      gi_buf b = {0};
      gi_buf_printf(&b,
                    "CREATE VIEW IF NOT EXISTS \"%s_%s\" AS SELECT r.id AS report_id, r.path, "
                    "r.organ, r.year, c.row_id, MIN(l.row_label) AS row_label",
                    tb->id, fm->id);
      for (size_t c = 0; c < tb->ncolumns; c++)
        gi_buf_printf(&b,
                      ", MAX(CASE WHEN c.column_id = '%s' THEN CASE c.state WHEN 'number' THEN "
                      "c.value WHEN 'mark' THEN c.mark END END) AS \"%s\"",
                      tb->columns[c].id, tb->columns[c].id);
      gi_buf_printf(&b,
                    " FROM reports r JOIN cells c ON c.report_id = r.id JOIN labels l ON "
                    "l.format = r.format AND l.cell_id = c.cell_id WHERE r.format = '%s' "
                    "AND c.table_id = '%s' GROUP BY r.id, c.row_id ORDER BY r.id, "
                    "MIN(c.row_order);",
                    fm->id, tb->id);
      char *sql;
      int rc = gi_buf_finish(&b, &sql, NULL);
      if (rc) return rc;
      rc = exec(ex, sql);
      free(sql);
      if (rc) return rc;
    }
  }
  return GOVINFO_OK;
}

static int prepare(govinfo_exporter *ex, sqlite3_stmt **stmt, const char *sql) {
  if (sqlite3_prepare_v2(ex->db->db, sql, -1, stmt, NULL) != SQLITE_OK)
    return fail_db(ex, "cannot prepare a statement");
  return GOVINFO_OK;
}

static int check_schema_version(govinfo_exporter *ex) {
  sqlite3_stmt *s;
  int rc = prepare(ex, &s, "PRAGMA user_version;");
  if (rc) return rc;
  int version = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
  sqlite3_finalize(s);
  if (version == 0) {
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d;", SCHEMA_VERSION);
    return exec(ex, sql);
  }
  if (version != SCHEMA_VERSION)
    return gi_fail(GOVINFO_EINVAL, "%s: a database of schema version %d, not %d (libgovinfo's)",
                   ex->path, version, SCHEMA_VERSION);
  return GOVINFO_OK;
}

int gi_sqlite_open(govinfo_exporter *ex) {
  if ((ex->db = calloc(1, sizeof *ex->db)) == NULL) return gi_fail_oom();
  if (sqlite3_open_v2(ex->path, &ex->db->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
      SQLITE_OK)
    return fail_db(ex, "cannot open the database");
  sqlite3_busy_timeout(ex->db->db, 10000);
  /* 16 MB of page cache: a large export spills pages to the file instead of growing; the
   * journals of statements and savepoints in memory */
  int rc =
      exec(ex, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY;");
  if (rc == GOVINFO_OK && (rc = exec(ex, "BEGIN IMMEDIATE;")) == GOVINFO_OK)
    ex->db->in_transaction = true;
  if (rc == GOVINFO_OK) rc = check_schema_version(ex);
  if (rc == GOVINFO_OK) rc = exec(ex, schema);
  if (rc == GOVINFO_OK) rc = create_views(ex);
  struct gi_sqlite *d = ex->db;
  if (rc == GOVINFO_OK) rc = prepare(ex, &d->find, "SELECT id, sha256 FROM reports WHERE path = ?");
  if (rc == GOVINFO_OK) rc = prepare(ex, &d->remove, "DELETE FROM reports WHERE id = ?");
  if (rc == GOVINFO_OK)
    rc = prepare(ex, &d->report,
                 "INSERT INTO reports (path, sha256, source, source_sha256, organ, year, format, "
                 "title, published, division_code, preface, valid, errors, warnings, notes) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (rc == GOVINFO_OK)
    rc = prepare(ex, &d->cell,
                 "INSERT INTO cells (report_id, cell_id, table_id, row_id, column_id, "
                 "state, value, value_text, mark, group_role, source_line, source_column, "
                 "row_order, column_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (rc == GOVINFO_OK)
    rc = prepare(ex, &d->label,
                 "INSERT OR IGNORE INTO labels (format, cell_id, table_label, row_label, "
                 "column_label) VALUES (?, ?, ?, ?, ?)");
  if (rc == GOVINFO_OK)
    rc = prepare(ex, &d->section,
                 "INSERT INTO sections (report_id, position, id, title, text) "
                 "VALUES (?, ?, ?, ?, ?)");
  if (rc == GOVINFO_OK)
    rc = prepare(ex, &d->finding,
                 "INSERT INTO findings (report_id, position, rule, severity, cells, expected, "
                 "actual, message, message_en, line, \"column\") "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  return rc;
}

/* ---- one report ---- */

/* The text outlives the statement's step (each is stepped before its strings are freed), so
 * SQLite need not copy it. */
static void bind_text(sqlite3_stmt *s, int i, const char *text) {
  if (text) sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC);
  else sqlite3_bind_null(s, i);
}

static void bind_uint_or_null(sqlite3_stmt *s, int i, const char *text) {
  if (text) sqlite3_bind_int64(s, i, strtoll(text, NULL, 10));
  else sqlite3_bind_null(s, i);
}

static int step(govinfo_exporter *ex, sqlite3_stmt *s, const char *what) {
  int rc = sqlite3_step(s) == SQLITE_DONE ? GOVINFO_OK : fail_db(ex, what);
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  return rc;
}

static int insert_report(govinfo_exporter *ex, const govinfo_report *r,
                         const govinfo_diagnostics *findings, const char *source,
                         const char *sha256) {
  sqlite3_stmt *s = ex->db->report;
  bind_text(s, 1, source);
  bind_text(s, 2, sha256 && sha256[0] ? sha256 : NULL);
  bind_text(s, 3, r->meta[GI_META_SOURCE]);
  bind_text(s, 4, r->meta[GI_META_SOURCE_SHA256]);
  bind_text(s, 5, r->meta[GI_META_ORGAN]);
  if (r->year) sqlite3_bind_int(s, 6, r->year);
  else sqlite3_bind_null(s, 6);
  bind_text(s, 7, r->format->id);
  bind_text(s, 8, r->meta[GI_META_TITLE]);
  bind_text(s, 9, r->meta[GI_META_PUBLISHED]);
  bind_text(s, 10, r->meta[GI_META_DIVISION_CODE]);
  bind_text(s, 11, r->meta[GI_META_PREFACE]);
  if (findings) {
    size_t errors = govinfo_diagnostics_count_severity(findings, GOVINFO_SEVERITY_ERROR);
    sqlite3_bind_int(s, 12, errors == 0);
    sqlite3_bind_int64(s, 13, (sqlite3_int64)errors);
    sqlite3_bind_int64(
        s, 14,
        (sqlite3_int64)govinfo_diagnostics_count_severity(findings, GOVINFO_SEVERITY_WARNING));
    sqlite3_bind_int64(
        s, 15, (sqlite3_int64)govinfo_diagnostics_count_severity(findings, GOVINFO_SEVERITY_NOTE));
  }
  return step(ex, s, "cannot add a report");
}

/* The labels of a format's cells, the first time a report of that format comes. */
static int insert_labels(govinfo_exporter *ex, const govinfo_rows *rows, const char *format) {
  size_t f = 0;
  while (f < govinfo_format_count() && strcmp(govinfo_format_id(govinfo_format_at(f)), format) != 0)
    f++;
  if (f >= sizeof ex->db->labelled || ex->db->labelled[f]) return GOVINFO_OK;
  sqlite3_stmt *s = ex->db->label;
  int rc = GOVINFO_OK;
  for (size_t i = 0; rc == GOVINFO_OK && i < rows->count; i++) {
    const char **r = rows->fields + i * GI_COL_COUNT_;
    bind_text(s, 1, format);
    bind_text(s, 2, r[GI_COL_CELL_ID]);
    bind_text(s, 3, r[GI_COL_TABLE_LABEL]);
    bind_text(s, 4, r[GI_COL_ROW_LABEL]);
    bind_text(s, 5, r[GI_COL_COLUMN_LABEL]);
    rc = step(ex, s, "cannot add a label");
  }
  if (rc == GOVINFO_OK) ex->db->labelled[f] = true;
  return rc;
}

static int insert_cells(govinfo_exporter *ex, sqlite3_int64 id, const govinfo_report *r,
                        const char *source) {
  govinfo_rows *rows;
  int rc = govinfo_report_rows(&rows, r, source);
  if (rc) return rc;
  rc = insert_labels(ex, rows, r->format->id);
  sqlite3_stmt *s = ex->db->cell;
  size_t i = 0;
  for (size_t t = 0; t < r->format->ntables; t++) {
    const struct govinfo_table *tb = &r->format->tables[t];
    for (size_t row = 0; row < tb->nrows; row++) {
      if (tb->rows[row].role == GOVINFO_ROW_HEADING) continue;
      for (size_t c = 0; rc == GOVINFO_OK && c < tb->ncolumns; c++, i++) {
        const char **f = rows->fields + i * GI_COL_COUNT_;
        sqlite3_bind_int64(s, 1, id);
        static const gi_row_column text_columns[] = {GI_COL_CELL_ID, GI_COL_TABLE_ID, GI_COL_ROW_ID,
                                                     GI_COL_COLUMN_ID, GI_COL_STATE};
        for (int k = 0; k < 5; k++) bind_text(s, 2 + k, f[text_columns[k]]);
        const char *value = f[GI_COL_VALUE];
        if (value == NULL) sqlite3_bind_null(s, 7);
        else if (strchr(value, '.')) sqlite3_bind_double(s, 7, strtod(value, NULL));
        else sqlite3_bind_int64(s, 7, strtoll(value, NULL, 10));
        bind_text(s, 8, value);
        bind_text(s, 9, f[GI_COL_MARK]);
        bind_text(s, 10, f[GI_COL_GROUP_ROLE]);
        bind_uint_or_null(s, 11, f[GI_COL_SOURCE_LINE]);
        bind_uint_or_null(s, 12, f[GI_COL_SOURCE_COLUMN]);
        sqlite3_bind_int64(s, 13, (sqlite3_int64)row);
        sqlite3_bind_int64(s, 14, (sqlite3_int64)c);
        rc = step(ex, s, "cannot add a cell");
      }
    }
  }
  govinfo_rows_free(rows);
  return rc;
}

static int insert_sections(govinfo_exporter *ex, sqlite3_int64 id, const govinfo_report *r) {
  sqlite3_stmt *s = ex->db->section;
  int rc = GOVINFO_OK;
  for (size_t i = 0; rc == GOVINFO_OK && i < r->nsections; i++) {
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
    bind_text(s, 3, r->format->sections[r->sections[i].def].id);
    bind_text(s, 4, r->sections[i].title);
    bind_text(s, 5, r->sections[i].text);
    rc = step(ex, s, "cannot add a section");
  }
  return rc;
}

static int insert_findings(govinfo_exporter *ex, sqlite3_int64 id, const govinfo_diagnostics *d) {
  sqlite3_stmt *s = ex->db->finding;
  int rc = GOVINFO_OK;
  for (size_t i = 0; rc == GOVINFO_OK && i < govinfo_diagnostics_count(d); i++) {
    const govinfo_diagnostic *f = govinfo_diagnostics_at(d, i);
    gi_buf cells = {0}; /* the JSON Pointers, one per line */
    for (size_t p = 0; p < govinfo_diagnostic_path_count(f); p++)
      gi_buf_printf(&cells, "%s%s", p ? "\n" : "", govinfo_diagnostic_path_at(f, p));
    char *paths = NULL;
    if (cells.data && gi_buf_finish(&cells, &paths, NULL)) return GOVINFO_ENOMEM;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
    bind_text(s, 3, govinfo_diagnostic_rule(f));
    bind_text(s, 4, govinfo_severity_name(govinfo_diagnostic_severity(f)));
    bind_text(s, 5, paths);
    bind_text(s, 6, govinfo_diagnostic_expected(f));
    bind_text(s, 7, govinfo_diagnostic_actual(f));
    bind_text(s, 8, govinfo_diagnostic_message(f));
    bind_text(s, 9, govinfo_diagnostic_message_en(f));
    if (govinfo_diagnostic_line(f)) sqlite3_bind_int(s, 10, (int)govinfo_diagnostic_line(f));
    if (govinfo_diagnostic_column(f)) sqlite3_bind_int(s, 11, (int)govinfo_diagnostic_column(f));
    rc = step(ex, s, "cannot add a finding");
    free(paths); /* bound without a copy: freed once the statement ran */
  }
  return rc;
}

/* 1 when the report is there with that hash already, 0 when not (an older one removed). */
static int replace_old(govinfo_exporter *ex, const char *source, const char *sha256, int *same) {
  sqlite3_stmt *s = ex->db->find;
  bind_text(s, 1, source);
  int step_rc = sqlite3_step(s);
  sqlite3_int64 old = 0;
  *same = 0;
  if (step_rc == SQLITE_ROW) {
    old = sqlite3_column_int64(s, 0);
    const char *hash = (const char *)sqlite3_column_text(s, 1);
    *same = hash && sha256 && strcmp(hash, sha256) == 0;
  }
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  if (step_rc != SQLITE_ROW && step_rc != SQLITE_DONE) return fail_db(ex, "cannot look up");
  if (step_rc == SQLITE_DONE || *same) return GOVINFO_OK;
  sqlite3_bind_int64(ex->db->remove, 1, old);
  return step(ex, ex->db->remove, "cannot remove the older copy of a report");
}

int gi_sqlite_add(govinfo_exporter *ex, const govinfo_report *r,
                  const govinfo_diagnostics *findings, const char *source, const char *sha256,
                  int *written) {
  if (source == NULL) source = r->origin ? r->origin : "";
  int same;
  int rc = exec(ex, "SAVEPOINT report;");
  if (rc) return rc;
  rc = replace_old(ex, source, sha256, &same);
  if (rc == GOVINFO_OK && !same) {
    rc = insert_report(ex, r, findings, source, sha256);
    sqlite3_int64 id = sqlite3_last_insert_rowid(ex->db->db);
    if (rc == GOVINFO_OK) rc = insert_cells(ex, id, r, source);
    if (rc == GOVINFO_OK) rc = insert_sections(ex, id, r);
    if (rc == GOVINFO_OK && findings) rc = insert_findings(ex, id, findings);
  }
  if (rc) {
    exec(ex, "ROLLBACK TO report; RELEASE report;");
    return rc;
  }
  if ((rc = exec(ex, "RELEASE report;"))) return rc;
  if (written) *written = !same;
  return GOVINFO_OK;
}

int gi_sqlite_commit(govinfo_exporter *ex) {
  int rc = exec(ex, "COMMIT;");
  if (rc == GOVINFO_OK) ex->db->in_transaction = false;
  return rc;
}

void gi_sqlite_close(govinfo_exporter *ex) {
  struct gi_sqlite *d = ex->db;
  if (d == NULL) return;
  sqlite3_stmt *all[] = {d->find, d->remove, d->report, d->cell, d->section, d->finding, d->label};
  // NOLINTNEXTLINE(bugprone-sizeof-expression): an array of statement pointers
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) sqlite3_finalize(all[i]);
  if (d->in_transaction) sqlite3_exec(d->db, "ROLLBACK;", NULL, NULL, NULL);
  sqlite3_close(d->db);
  free(d);
  ex->db = NULL;
}
