/* The official printed layout of tables 二, 三 and 四: each as a grid of cells with their row
 * and column spans, computed from the format definition and the report. The HTML, Markdown
 * and Excel renderers all print from it; tests/markup/render.py is an independent copy of
 * the same logic in Python that a test compares with this one. */
#ifndef GI_RENDER_LAYOUT_H
#define GI_RENDER_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "model/report.h"

#define GI_LAYOUT_LABEL ((size_t)-1) /* gi_layout_cell.table of a label cell */

typedef struct gi_layout_cell {
  const char *text;       /* a label (static), NULL for a value cell */
  size_t table, row, col; /* the report cell a value cell shows (format indices) */
  unsigned rowspan, colspan;
  unsigned grid_row, grid_col; /* top-left position in the flattened grid */
  bool header;                 /* printed as a header cell */
} gi_layout_cell;

typedef struct gi_layout_grid {
  const char *section;   /* id of the section it is printed in: "s2", "s3", "s4" */
  gi_layout_cell *cells; /* row by row, left to right */
  size_t ncells;
  size_t *row_start; /* first cell of each grid row; row_start[nrows] == ncells */
  unsigned nrows, ncols;
  unsigned header_rows; /* leading rows that are all headers (captions excepted) */
} gi_layout_grid;

#define GI_LAYOUT_MAX_GRIDS 3

typedef struct gi_layout {
  gi_layout_grid grids[GI_LAYOUT_MAX_GRIDS];
  size_t ngrids;
} gi_layout;

/* Lays out the report's tables. Rows of the format that the report leaves wholly absent are
 * not printed (as a report that prints a group's own figure leaves its sub-rows out), unless
 * the whole table is absent: then every data row is printed, each cell marked absent.
 * GOVINFO_ENOMEM on failure (nothing to free). */
int gi_layout_build(gi_layout *out, const govinfo_report *report);
void gi_layout_free(gi_layout *layout);

/* The grid printed in section `section_id`, NULL when none. Borrowed from the layout. */
const gi_layout_grid *gi_layout_grid_for(const gi_layout *layout, const char *section_id);

/* 1 when a value cell, 0 for a label. */
static inline bool gi_layout_is_value(const gi_layout_cell *c) {
  return c->table != GI_LAYOUT_LABEL;
}

#endif
