/* Private to the table reader (region.c, labels.c, readings.c, tables.c): reading tables 2, 3
 * and 4 from the document's lines.
 *
 * A table's region is the stretch of lines its definition places it in (its section, and for
 * the parts of table 2 the lines after its caption). In a region, values (numbers, marks such
 * as "/", empty cells of Markdown and HTML rows) form runs: values with no text between them.
 * Printed tables put one row's values together, so runs are the evidence for rows:
 *
 * 1. every run holds one row's values and there is one run per printed row: rows in printed
 *    order, each checked against its label;
 * 2. otherwise, when the region holds exactly the values of all printed rows, read row by
 *    row in printed order only where the format's row identities (total = sum of the parts)
 *    confirm every row — reading-order text gives values one per line, far from labels;
 * 3. otherwise each run of one row's values is placed by its label, in printed order.
 *
 * Whatever none of these places with certainty stays absent, with a finding naming the cells
 * and the line. Figures are never adjusted to make identities hold. */
#ifndef GI_IMPORT_TABLES_H
#define GI_IMPORT_TABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "import/import.h"

#define KEY_MAX 256    /* code points of a label key; longer text is cut */
#define ROW_KEY_MAX 64 /* code points of a row label's key: the longest label has 40 */

typedef enum value_kind { VALUE_NUMBER, VALUE_BLANK, VALUE_MARK } value_kind;

typedef struct item {
  const gi_token *tok;
  gi_loc loc; /* where it starts: the token's, or within it for a piece of a glued run */
  size_t line;
  bool is_value;
  value_kind kind;
  gi_decimal number;
  const char *unit; /* unit printed after the number ("件", "万元"), NULL when none */
  bool run_start;   /* a value that must start a run (first value of a table row) */
} item;

typedef struct run {
  size_t first, count; /* items[first .. first + count) are its values */
  size_t text_from;    /* items[text_from .. first) is the text before it */
  size_t text_to;      /* items[first + count .. text_to) is the text after it */
} run;

typedef struct region {
  item *items;
  size_t nitems;
  run *runs;
  size_t nruns;
  size_t first_line, end_line;
} region;

/* A row that could not be read, reported when the table is done: one finding for the table
 * when none of its rows was read, else one per row. */
typedef struct unread_row {
  gi_loc loc;
  char why_zh[192], why_en[192];
} unread_row;

typedef struct table_ctx {
  gi_import *im;
  size_t table; /* index in the format */
  const struct govinfo_table *def;
  region g;
  size_t *printed; /* rows printed with values, in printed order */
  size_t nprinted;
  bool *done;         /* per printed row: read */
  bool *reported;     /* per printed row: reported as not read */
  unread_row *unread; /* per printed row: why it was not read (when reported) */
  size_t last_line;   /* last line a value was read from */
  int32_t *row_keys;  /* KEY_MAX per row: the key of its label */
  size_t *row_key_len;
} table_ctx;

static inline gi_loc item_loc(const item *it) { return it->loc; }

/* Label likeness: a label printed with at least this share of its letters, in order, is the
 * label misspelt (LIKE_PERCENT); a misspelt label keeps its first LIKE_HEAD letters, and any
 * label printed at all its first two. */
#define LIKE_PERCENT 70
#define LIKE_HEAD 5
static inline bool alike(size_t common, size_t n) { return common * 100 >= n * LIKE_PERCENT; }

/* ---- the region (region.c) ---- */

/* Builds the region of lines [from, to) for a table of ncol columns; false when out of memory
 * (im->status set). */
bool gi_region_build(gi_import *im, region *g, size_t from, size_t to, size_t ncol);
void gi_region_free(region *g);
/* Key of the text items in [from, to). */
size_t gi_text_key(const region *g, size_t from, size_t to, int32_t *key, size_t cap);
/* Key of a label of the format (NFKC-stable apart from punctuation, which keys leave out). */
size_t gi_printed_label_key(const char *label, int32_t *key);
/* Which rows the region prints, in printed order, and their label keys; false when out of
 * memory (im->status set). */
bool gi_choose_printed_rows(table_ctx *t);

/* ---- confirming a reading (labels.c) ---- */

#define MAX_ROW_IDENTITIES 4

/* The format's row identities of a table (total = sum of the parts) as column signs: +1 a
 * part, -1 a total, 0 neither; one row of ncol per identity. Returns how many. */
size_t gi_row_identity_signs(const table_ctx *t, int8_t *signs);
/* The row identities hold for one row's values (integers only). */
bool gi_row_identities_hold(const item *values, size_t ncol, const int8_t *signs,
                            size_t nidentities);

typedef enum label_match { LABEL_ABSENT, LABEL_VARIANT, LABEL_FOUND } label_match;

/* Is row's label in the text around run r (before it, and after it up to the next run)? */
label_match gi_label_near_run(const table_ctx *t, size_t row, const run *r);
/* Notes that a row's label is printed in a near form, at run r. */
void gi_note_variant(table_ctx *t, size_t row, const run *r);
/* After a reading that did not look at labels: notes the rows whose label is printed only in
 * a near form. */
void gi_note_variants_in_region(table_ctx *t);
/* Key of the last text line before run r, into have; its length. */
size_t gi_adjacent_line_key(const table_ctx *t, const run *r, int32_t *have, size_t cap);
/* The last text line before run r names another row, and not this one. */
bool gi_label_conflict(const table_ctx *t, const run *r, size_t row);
/* Labels printed apart from their figures come in printed order through the region. */
bool gi_detached_labels_in_printed_order(const table_ctx *t, const size_t *moved_to);
/* Does the text just before run r (since the previous run) hold row's whole label? */
bool gi_label_before_run(const table_ctx *t, size_t row, const run *r);

/* ---- reading (readings.c, tables.c) ---- */

/* Writes one row's values (ncol items) into the report, in printed row p. */
void gi_put_row(table_ctx *t, size_t printed_index, const item *values);
/* Records that printed row p is not read, and why (reported when the table is done). */
void gi_report_unread(table_ctx *t, size_t printed_index, gi_loc loc, const char *why_zh,
                      const char *why_en);
/* Where to point a finding about row p that was not read. */
gi_loc gi_unread_loc(const table_ctx *t, size_t printed_index);
/* The table's name in messages: "表三（收到和处理政府信息公开申请情况）" and "table3". */
void gi_table_name_zh(const struct govinfo_format *f, const struct govinfo_table *def, char *buf,
                      size_t size);

/* Glued text (glued.c): each run's digits split into the row's cells where exactly one split
 * satisfies the identities. */
void gi_read_glued(table_ctx *t);

/* Reads one table from lines [from, to). Returns the last line a value came from. */
size_t gi_read_table(gi_import *im, size_t table, size_t from, size_t to);
void gi_report_table_missing(gi_import *im, const struct govinfo_table *def, gi_loc loc);

#endif
