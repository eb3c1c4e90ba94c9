/* The report in memory: metadata, sections and cells, laid out by its format. */
#ifndef GI_MODEL_REPORT_H
#define GI_MODEL_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "govinfo/report.h"
#include "model/decimal.h"
#include "model/format.h"
#include "util/error.h"

typedef struct gi_cell {
  uint8_t state;  /* govinfo_cell_state */
  bool fullwidth; /* NUMBER: written with full-width digits (１１６), read as the number */
  gi_decimal number;
  char *mark;
  gi_loc loc;
} gi_cell;

/* How a text value lies in its source, so a place in the text can be located in the file
 * (gi_text_loc, validate/prose.c). `start` is where the value starts in the source (its
 * opening quote, its block indicator "|", its first character), `column` says more:
 * UNMAPPED     only `start` is known (folded YAML, unusual escapes, the importer's joined
 *              lines, text set through the API)
 * SAME_BYTES   the value's bytes are the source's, from column start.column + column of
 *              start.line on; a line break of the value is one of the source, the next
 *              line starting at column 1 (one-line YAML scalars, JSON strings without escapes)
 * JSON_ESCAPED one source line from start.column + 1; each of \n \t \r \b \f " \\ of the
 *              value was written as a two-byte escape, everything else as itself
 * BLOCK        a YAML literal block: line k of the value is line start.line + 1 + k of the
 *              source, from `column` on */
typedef enum gi_text_layout {
  GI_TEXT_UNMAPPED = 0,
  GI_TEXT_SAME_BYTES,
  GI_TEXT_JSON_ESCAPED,
  GI_TEXT_BLOCK
} gi_text_layout;

typedef struct gi_text_map {
  gi_loc start;
  uint16_t column;
  uint8_t layout; /* gi_text_layout */
} gi_text_map;

typedef struct gi_section {
  size_t def;  /* index into the format's sections */
  char *title; /* as printed */
  char *text;
  gi_loc loc;           /* of the section as a whole: its entry in the file, or its heading */
  gi_text_map text_map; /* of its text; start.line 0 when unknown */
} gi_section;

/* Metadata strings, one table so readers and writers loop instead of repeating themselves. */
typedef enum gi_meta {
  GI_META_ORGAN,
  GI_META_TITLE,
  GI_META_PUBLISHED,
  GI_META_DIVISION_CODE,
  GI_META_SOURCE,
  GI_META_SOURCE_SHA256,
  GI_META_PREFACE,
  GI_META_COUNT_
} gi_meta;

typedef struct gi_meta_def {
  const char *key;                 /* key in JSON and YAML */
  int (*check)(const char *value); /* NULL or returns 0 when acceptable */
  const char *what;                /* describes acceptable values in errors */
  bool multiline;                  /* prose: YAML writes it as a block literal */
} gi_meta_def;

extern const gi_meta_def gi_meta_defs[GI_META_COUNT_];

struct govinfo_report {
  const struct govinfo_format *format;
  size_t table_offset[GI_MAX_TABLES]; /* where each table's cells start in `cells` */
  int year;
  char *meta[GI_META_COUNT_];
  gi_loc meta_loc[GI_META_COUNT_];
  gi_loc format_loc, year_loc, sections_loc;
  gi_section *sections;
  size_t nsections, sections_cap;
  gi_cell *cells; /* gi_format_cell_count(format) of them, table by table, row-major */
  char *origin;   /* where it was read from, for diagnostics */
};

/* The cell at (table, row, column) indices. */
gi_cell *gi_report_cell(const govinfo_report *r, size_t table, size_t row, size_t column);

/* Setters used by readers: they take ownership of `value` (malloc'd) even on failure. */
int gi_report_take_meta(govinfo_report *r, gi_meta which, char *value);
int gi_report_take_section(govinfo_report *r, size_t def, char *title, char *text, gi_loc loc);
int gi_report_set_origin(govinfo_report *r, const char *origin);
/* Cell setters by indices; take ownership of mark. */
void gi_cell_set_number(gi_cell *c, const gi_decimal *d);
void gi_cell_set_blank(gi_cell *c);
void gi_cell_take_mark(gi_cell *c, char *mark);
void gi_cell_clear(gi_cell *c);

/* Validity checks shared by setters and readers. */
int gi_check_date(const char *s);          /* YYYY-MM-DD, a real date */
int gi_check_division_code(const char *s); /* 6, 9 or 12 digits */
int gi_check_sha256(const char *s);        /* 64 lowercase hex digits */
/* Checks mark text: non-empty and not a number ("12" is refused; "12件" and "251000元" are
 * marks). Returns 0 or GOVINFO_ETYPE. */
int gi_check_mark(const char *s, size_t len);

/* JSON Pointer of a cell ("/tables/table3/new_received/total"), into buf. */
void gi_cell_pointer(const struct govinfo_format *f, size_t table, size_t row, size_t column,
                     char *buf, size_t size);

#endif
