/* Private to the library: the report's layout, exact decimals and error reporting. */
#ifndef GOVINFO_INTERNAL_H
#define GOVINFO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "govinfo/govinfo.h"
#include "format_internal.h"

/* ---- error details (error.c) ---- */

/* Where something was read from; line 0 = unknown. */
typedef struct gi_loc {
  uint32_t line;
  uint32_t column;
} gi_loc;

/* Records a failure for govinfo_error_last() and returns `code`. source, path may be NULL. */
int gi_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int gi_fail_at(int code, const char *source, gi_loc loc, size_t offset, const char *path,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));
int gi_fail_oom(void);

/* ---- exact decimals (decimal.c) ---- */

#define GI_MAX_WHOLE UINT64_C(9007199254740992) /* 2^53 */

/* value = (negative ? -1 : 1) * (whole + frac / 10^scale); frac < 10^scale. Zero is never
 * negative. Two decimals are equal only with the same scale ("1.50" keeps two places). */
typedef struct gi_decimal {
  uint64_t whole;
  uint32_t frac;
  uint8_t scale;
  bool negative;
} gi_decimal;

/* Parses [+-]digits[.digits] of exactly `len` bytes, without leading zeros ("0.5" but not
 * "05": YAML 1.1 would read "010" as octal). GOVINFO_ETYPE when the text is not a
 * plain decimal, GOVINFO_ERANGE when the whole part exceeds 2^53 or it has more than
 * GOVINFO_MAX_SCALE decimal places. Sets no error details. */
int gi_decimal_parse(const char *text, size_t len, gi_decimal *out);
/* True when the text looks like an attempt at a number (starts with a digit, or a sign or
 * "." followed by a digit): such text is never taken for a mark. */
bool gi_looks_numeric(const char *text, size_t len);
/* Writes the canonical text, returns its length (< GOVINFO_NUMBER_BUFSIZE). */
size_t gi_decimal_format(const gi_decimal *d, char *buf);
bool gi_decimal_is_integer(const gi_decimal *d);
/* Value of an integer decimal (callers check gi_decimal_is_integer first). */
int64_t gi_decimal_to_int(const gi_decimal *d);
gi_decimal gi_decimal_from_int(int64_t v);
bool gi_decimal_equal(const gi_decimal *a, const gi_decimal *b);

/* ---- the report (report.c) ---- */

typedef struct gi_cell {
  uint8_t state; /* govinfo_cell_state */
  gi_decimal number;
  char *mark;
  gi_loc loc;
} gi_cell;

typedef struct gi_section {
  size_t def;  /* index into the format's sections */
  char *title; /* as printed */
  char *text;
  gi_loc loc;
} gi_section;

/* Metadata strings, one table so readers and writers loop instead of repeating themselves. */
typedef enum gi_meta {
  GI_META_ORGAN,
  GI_META_TITLE,
  GI_META_PUBLISHED,
  GI_META_DIVISION_CODE,
  GI_META_SOURCE,
  GI_META_PREFACE,
  GI_META_COUNT_
} gi_meta;

typedef struct gi_meta_def {
  const char *key; /* key in JSON and YAML */
  int (*check)(const char *value); /* NULL or returns 0 when acceptable */
  const char *what;                /* describes acceptable values in errors */
  bool multiline;                  /* prose: YAML writes it as a block literal */
} gi_meta_def;

extern const gi_meta_def gi_meta_defs[GI_META_COUNT_];

#define GI_MAX_TABLES 16 /* per format; tests/unit/test_format.c checks the definitions */

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
/* Writes the UTF-8 of a code point to out (room for 4); returns its length. */
size_t gi_utf8_put(int32_t cp, char *out);
/* RFC 3629 UTF-8: no overlong forms, surrogates or code points above U+10FFFF. */
bool gi_utf8_valid(const char *s, size_t len);
/* Checks mark text: non-empty and not a number ("12" is refused; "12件" and "251000元" are
 * marks). Returns 0 or GOVINFO_ETYPE. */
int gi_check_mark(const char *s, size_t len);

char *gi_strdup(const char *s);
char *gi_strndup(const char *s, size_t n);

/* JSON Pointer of a cell ("/tables/table3/new_received/total"), into buf. */
void gi_cell_pointer(const struct govinfo_format *f, size_t table, size_t row, size_t column,
                     char *buf, size_t size);

/* ---- reading documents (document.c, json.c, yaml_read.c) ----
 * Both readers turn their text into one flat list of events in document order (YAML's
 * event model: a mapping is MAP, then key and value pairs, then END). One builder turns the
 * events into a report, so the shape rules, paths and messages exist once. */

typedef enum gi_event_type {
  GI_EV_MAP,    /* start of a mapping / JSON object */
  GI_EV_SEQ,    /* start of a sequence / JSON array */
  GI_EV_END,    /* end of the innermost mapping or sequence */
  GI_EV_SCALAR
} gi_event_type;

typedef enum gi_scalar_style {
  GI_SCALAR_STRING, /* JSON string, or YAML quoted or block scalar: always text */
  GI_SCALAR_PLAIN,  /* YAML plain scalar: typed by its content (null, number, text) */
  GI_SCALAR_NUMBER, /* JSON number; text is its raw source text */
  GI_SCALAR_NULL,   /* JSON null */
  GI_SCALAR_BOOL    /* JSON true / false */
} gi_scalar_style;

typedef struct gi_event {
  uint8_t type;  /* gi_event_type */
  uint8_t style; /* gi_scalar_style, for scalars */
  bool owned;    /* text is malloc'd and the builder may take it */
  bool utf8;     /* text is known to be valid UTF-8 (libyaml checks its input) */
  char *text;    /* scalar text (not NUL-terminated unless owned), NULL otherwise */
  size_t len;
  gi_loc loc;    /* where the node starts */
  size_t offset; /* byte offset where the node starts */
} gi_event;

/* A new zeroed event at the end of a growing list (*cap > 0 to start); NULL when out of
 * memory (error recorded). */
gi_event *gi_event_append(gi_event **events, size_t *n, size_t *cap);

/* The RFC 6901 JSON Pointer, into out, of the node whose event is at index `at` of the
 * `count` events. A key names its value. With at == count (a reader stopped by a syntax
 * error), the value the error follows, else the mapping or list it is in. */
void gi_event_pointer(const gi_event *events, size_t count, size_t at, char *out, size_t size);

/* Builds a report from events[0..n). Takes the text of owned events it keeps (setting their
 * text to NULL); the caller frees the rest. Errors: GOVINFO_ESCHEMA, GOVINFO_ERANGE,
 * GOVINFO_ETYPE or GOVINFO_ENOMEM with source, location and JSON Pointer. */
int gi_document_build(govinfo_report **out, gi_event *events, size_t n, const char *source);

/* ---- readers and writers (json.c, yaml_read.c, yaml_write.c) ---- */

int gi_json_parse(govinfo_report **out, const char *buf, size_t len, const char *source);
int gi_yaml_parse(govinfo_report **out, const char *buf, size_t len, const char *source);
int gi_json_write(char **out, size_t *len, const govinfo_report *r);
int gi_yaml_write(char **out, size_t *len, const govinfo_report *r, unsigned flags);

/* ---- lists of findings (validate.c), for findings made outside validation ---- */

#include "rules.h"

/* True for rules the importer reports (scope IMPORT): validation never runs them. */
bool gi_rule_is_import(gi_rule rule);
/* A new empty list naming `file` (may be NULL); NULL when out of memory (error recorded). */
govinfo_diagnostics *gi_diagnostics_new(const char *file);
/* Appends a finding of `rule`; its severity is the rule's. Copies every string. */
int gi_diagnostics_add(govinfo_diagnostics *list, gi_rule rule, gi_loc loc,
                       const char *const *paths, size_t npaths, const char *zh, const char *en);

/* ---- a growable byte buffer (buf.c) ---- */

typedef struct gi_buf {
  char *data;
  size_t len, cap;
  bool failed; /* an allocation failed; later appends are ignored */
} gi_buf;

void gi_buf_append(gi_buf *b, const char *s, size_t n);
void gi_buf_puts(gi_buf *b, const char *s);
void gi_buf_printf(gi_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the NUL-terminated contents to the caller, or GOVINFO_ENOMEM (buffer freed). */
int gi_buf_finish(gi_buf *b, char **out, size_t *len);
void gi_buf_free(gi_buf *b);

#endif
