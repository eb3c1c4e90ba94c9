/* libgovinfo: reports as tables — the tidy rows of a report, and exporting many reports to
 * CSV, SQLite or JSON Lines.
 *
 * EXPERIMENTAL: this interface may still change before it is declared stable.
 *
 * The tidy model has one row per cell per report, every cell of the format (absent ones
 * too), with the columns named by govinfo_rows_column_name(): source, organ, year, format,
 * cell_id, table_id, row_id, column_id, table_label, row_label, column_label, state
 * ("number", "blank", "mark", "absent"), value (exact decimal text of a number), mark (the
 * text of a mark), group_role, source_line, source_column. It is computed here once; the
 * CSV, the SQLite `cells` table and the Python binding's to_frame() all come from it.
 *
 * group_role says how a cell relates to the group rows of its table, so that a sum over a
 * corpus never silently drops a body whose report prints a group as one figure:
 *   "cell"             an ordinary cell;
 *   "group_figure"     a group row's own figure (printed as one row, such as 2021's
 *                      （六）其他处理): it stands for all its sub-rows;
 *   "covered_by_group" a sub-row's cell under a group that printed its own figure in this
 *                      column: the group figure already counts it (normally it is absent);
 *   "group"            a group row's cell that was not printed: its sub-rows carry it.
 * Summing the numbers of the cells whose role is "cell" or "group_figure" counts every
 * figure once.
 */
#ifndef GOVINFO_EXPORT_H
#define GOVINFO_EXPORT_H

#include "common.h"
#include "report.h"
#include "validate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the tidy rows of one report ---- */

typedef struct govinfo_rows govinfo_rows;

/* The columns of the tidy model, in order. Static names. */
GOVINFO_API size_t govinfo_rows_column_count(void);
GOVINFO_API const char *govinfo_rows_column_name(size_t index);

/* New rows of one report in *out (free with govinfo_rows_free()): its tables in format
 * order, rows and columns in format order, heading rows left out. source names the report
 * in the `source` column (NULL: its origin, the file it was read from). */
GOVINFO_API int govinfo_report_rows(govinfo_rows **out, const govinfo_report *report,
                                    const char *source);
GOVINFO_API void govinfo_rows_free(govinfo_rows *rows);
GOVINFO_API size_t govinfo_rows_count(const govinfo_rows *rows);
/* Borrowed from the rows: the text of one field, NULL when it is null (the value of a cell
 * that is no number, the line of a cell built in memory, ...) or out of range. */
GOVINFO_API const char *govinfo_rows_value(const govinfo_rows *rows, size_t row, size_t column);

/* ---- exporting many reports ---- */

typedef enum govinfo_export_format {
  GOVINFO_EXPORT_CSV = 1,    /* the tidy rows (or one row per report with WIDE), RFC 4180 */
  GOVINFO_EXPORT_SQLITE = 2, /* a database: reports, cells, sections, findings, views */
  GOVINFO_EXPORT_JSONL = 3   /* one JSON object per report and line */
} govinfo_export_format;

#define GOVINFO_EXPORT_BOM 0x1u    /* CSV: start with a UTF-8 byte order mark (Excel, WPS) */
#define GOVINFO_EXPORT_WIDE 0x2u   /* CSV: one row per report, one column per cell id */
#define GOVINFO_EXPORT_LABELS 0x4u /* CSV WIDE: a second header row of Chinese labels */

typedef struct govinfo_export_options {
  unsigned version; /* GOVINFO_EXPORT_OPTIONS_VERSION */
  govinfo_export_format
      format;     /* 0: by the path's extension (.csv, .db/.sqlite/.sqlite3, .jsonl) */
  unsigned flags; /* GOVINFO_EXPORT_* */
} govinfo_export_options;

#define GOVINFO_EXPORT_OPTIONS_VERSION 1
#define GOVINFO_EXPORT_OPTIONS_INIT                                                                \
  { GOVINFO_EXPORT_OPTIONS_VERSION, 0, 0 }

/* Fills *opts with the defaults of that version. GOVINFO_EINVAL for an unknown version. */
GOVINFO_API int govinfo_export_options_init(govinfo_export_options *opts, unsigned version);
/* The format a path's extension names; 0 when it names none. */
GOVINFO_API govinfo_export_format govinfo_export_format_from_path(const char *path);

typedef struct govinfo_exporter govinfo_exporter;

/* Opens an export to path. CSV and JSON Lines are written into an unnamed file in path's
 * directory (O_TMPFILE; where the system has none, a temporary file beside path) that
 * govinfo_exporter_commit() puts in place of path, so a failed or interrupted export, even
 * one killed by SIGKILL, never leaves a half-written or extra file ("-": standard output,
 * directly). SQLite opens or creates the
 * database and starts one transaction: reports already in it are kept, added to or
 * replaced, and an interrupted export leaves the database as it was. New exporter in *out;
 * free it with govinfo_exporter_free(). GOVINFO_ENOTFOUND for SQLite when the library was
 * built without libsqlite3. */
GOVINFO_API int govinfo_exporter_open(govinfo_exporter **out, const char *path,
                                      const govinfo_export_options *opts);
/* Adds one report. source names it (NULL: its origin) and is the key in SQLite: a report
 * whose source is already there with the same sha256 is skipped (*written 0), with another
 * hash replaced. sha256 is that of the bytes it was read from (64 hex digits; NULL: none).
 * findings (may be NULL) go into SQLite's findings table and JSON Lines' counts. *written (may
 * be NULL) is 1 when the report was written. */
GOVINFO_API int govinfo_exporter_add(govinfo_exporter *exporter, const govinfo_report *report,
                                     const govinfo_diagnostics *findings, const char *source,
                                     const char *sha256, int *written);
/* Finishes the export: renames the file into place, or commits the transaction. */
GOVINFO_API int govinfo_exporter_commit(govinfo_exporter *exporter);
/* Frees the exporter; without a commit, everything it wrote is discarded. NULL: no-op. */
GOVINFO_API void govinfo_exporter_free(govinfo_exporter *exporter);

#ifdef __cplusplus
}
#endif
#endif
