/* Reading Excel workbooks (.xlsx): the cells of each sheet with their text, and the merged
 * ranges; shared strings resolved. The importer turns a sheet into table rows
 * (import/office.c); other parts of the library may read a workbook (a template) the same way.
 *
 * EXPERIMENTAL (internal): the shape of a sheet may still grow (styles, formulas). */
#ifndef GI_OFFICE_XLSX_H
#define GI_OFFICE_XLSX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct gi_xlsx gi_xlsx;

typedef struct gi_xlsx_cell {
  uint32_t row, col; /* 1-based: A1 is row 1, column 1 */
  char *text;        /* as shown: a number as stored (at most 15 significant digits), a
                        string, TRUE/FALSE; never NULL */
  bool number;       /* a numeric cell */
} gi_xlsx_cell;

typedef struct gi_xlsx_merge {
  uint32_t first_row, first_col, last_row, last_col; /* inclusive */
} gi_xlsx_merge;

typedef struct gi_xlsx_sheet {
  char *name;
  gi_xlsx_cell *cells; /* cells with a value, row by row, left to right */
  size_t ncells;
  gi_xlsx_merge *merges;
  size_t nmerges;
} gi_xlsx_sheet;

/* Opens the workbook held in buf[0..len) (borrowed while open). GOVINFO_EPARSE when it is no
 * workbook (the message says why), GOVINFO_ENOMEM. */
int gi_xlsx_open(gi_xlsx **out, const char *buf, size_t len, const char *source);
void gi_xlsx_close(gi_xlsx *x);
/* Sheets in workbook order. */
size_t gi_xlsx_sheet_count(const gi_xlsx *x);
/* Reads sheet i into a new sheet (free with gi_xlsx_sheet_free). */
int gi_xlsx_read_sheet(gi_xlsx *x, size_t i, gi_xlsx_sheet **out);
void gi_xlsx_sheet_free(gi_xlsx_sheet *s);
/* True when the merged range covers (row, col) without starting there. */
bool gi_xlsx_covered(const gi_xlsx_sheet *s, uint32_t row, uint32_t col);

/* Parses "B12" into column 2, row 12; false when it is no cell reference. */
bool gi_xlsx_ref(const char *ref, uint32_t *row, uint32_t *col);

#endif
