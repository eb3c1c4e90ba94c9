/* Private to the exporter: the tidy rows (rows.c), the writers of each format (csv.c,
 * jsonl.c, sqlite.c) and the exporter that drives them (exporter.c). */
#ifndef GI_EXPORT_EXPORT_H
#define GI_EXPORT_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "govinfo/export.h"
#include "model/report.h"

/* The columns of the tidy model, in order (names in rows.c). */
typedef enum gi_row_column {
  GI_COL_SOURCE,
  GI_COL_ORGAN,
  GI_COL_YEAR,
  GI_COL_FORMAT,
  GI_COL_CELL_ID,
  GI_COL_TABLE_ID,
  GI_COL_ROW_ID,
  GI_COL_COLUMN_ID,
  GI_COL_TABLE_LABEL,
  GI_COL_ROW_LABEL,
  GI_COL_COLUMN_LABEL,
  GI_COL_STATE,
  GI_COL_VALUE,
  GI_COL_MARK,
  GI_COL_GROUP_ROLE,
  GI_COL_SOURCE_LINE,
  GI_COL_SOURCE_COLUMN,
  GI_COL_COUNT_
} gi_row_column;

struct govinfo_rows {
  size_t count;
  const char **fields; /* count * GI_COL_COUNT_, row by row; NULL for null */
  char *arena;         /* the texts that are not static */
};

/* The role of a cell towards the group rows of its table ("cell", "group_figure", ...). */
const char *gi_group_role(const govinfo_report *r, size_t table, size_t row, size_t column);

struct gi_sqlite; /* sqlite.c */

struct govinfo_exporter {
  govinfo_export_format format;
  unsigned flags;
  char *path;
  char *tmp;    /* CSV, JSON Lines: the temporary file renamed over path at commit */
  bool unnamed; /* CSV, JSON Lines: out is an unnamed file, named path at commit (no tmp) */
  FILE *out;    /* CSV, JSON Lines */
  bool header;  /* CSV: the header is written */
  bool committed;
  /* CSV WIDE: the cell ids of every format, and per format where each is in its cells */
  const char **wide_ids;
  size_t nwide;
  size_t *wide_index[8];
  struct gi_sqlite *db;
};

/* CSV (csv.c). */
int gi_csv_add(govinfo_exporter *ex, const govinfo_report *report, const char *source);
int gi_csv_prepare_wide(govinfo_exporter *ex);
/* JSON Lines (jsonl.c). */
int gi_jsonl_add(govinfo_exporter *ex, const govinfo_report *report,
                 const govinfo_diagnostics *findings, const char *source, const char *sha256);
/* SQLite (sqlite.c); GOVINFO_ENOTFOUND when built without it. */
int gi_sqlite_open(govinfo_exporter *ex);
int gi_sqlite_add(govinfo_exporter *ex, const govinfo_report *report,
                  const govinfo_diagnostics *findings, const char *source, const char *sha256,
                  int *written);
int gi_sqlite_commit(govinfo_exporter *ex);
void gi_sqlite_close(govinfo_exporter *ex);

/* Writes to ex->out, remembering a failure as GOVINFO_EIO with the path. */
int gi_export_write(govinfo_exporter *ex, const char *data, size_t len);

#endif
