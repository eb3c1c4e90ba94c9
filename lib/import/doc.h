/* Private to the importer: the document every input kind is turned into (doc.c), and the
 * front ends that make it (text.c, markdown.c, html.c).
 *
 * Front ends (text, Markdown, HTML) turn their input into lines. A line keeps its original
 * text (section prose is kept as printed) and is split into tokens whose text is normalised
 * for matching: NFKC (full-width digits and punctuation become ASCII), no whitespace. A text
 * line's tokens are its whitespace-separated words; a table row's tokens are its cells, one
 * each, an empty cell giving an empty token (a blank cell, never 0). Every token keeps the
 * 1-based line and byte column where it starts in the input, so every imported cell can say
 * where it came from.
 */
#ifndef GI_IMPORT_DOC_H
#define GI_IMPORT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

typedef enum gi_line_kind {
  GI_LINE_TEXT, /* running text, a heading, or a text line of a table (pdftotext) */
  GI_LINE_ROW,  /* one row of a Markdown or HTML table: tokens are its cells */
  GI_LINE_BREAK /* a page break: form feed, a page number ("-3-", "— 4 —"), a footer */
} gi_line_kind;

#define GI_TOKEN_KEY_MAX 512 /* longer tokens are compared by their first letters */

typedef struct gi_token {
  const char *text; /* normalised, NUL-terminated, owned by the document */
  uint32_t len;
  uint32_t nkey;      /* letters and digits in key */
  gi_loc loc;         /* where it starts in the input */
  const int32_t *key; /* its letters and digits (gi_label_key), owned by the document */
} gi_token;

/* 32 bytes: a hostile input can be all lines (inputs are below 4 GiB, see the size limit). */
typedef struct gi_line {
  const char *raw; /* the line as printed (original bytes, NUL-terminated, no newline) */
  uint32_t raw_len;
  uint32_t first, count; /* its tokens: doc->tokens[first .. first + count) */
  gi_loc loc;            /* where the line starts */
  uint8_t kind;          /* gi_line_kind */
  bool table_start;      /* ROW lines: first row of a new <table> or pipe table */
} gi_line;

typedef struct gi_doc {
  gi_line *lines;
  size_t nlines, lines_cap;
  gi_token *tokens;
  size_t ntokens, tokens_cap;
  struct gi_chunk *chunks; /* storage for token and raw text */
  size_t used;             /* bytes allocated for lines, tokens and text */
  size_t budget;           /* the most `used` may reach; 0: no limit (gi_doc_set_budget) */
  bool failed;            /* an allocation failed or the budget ran out; the document is unusable */
  bool over_budget;       /* failed because of the budget */
  char wrong_charset[32]; /* HTML: the charset the page declares but is not written in */
  bool read_as_utf8;      /* ... and it was read as UTF-8 instead */
} gi_doc;

void gi_doc_init(gi_doc *doc);
/* Bounds the document's memory by the size of its input: lines, tokens and their text may
 * take 3 bytes for each byte of input, and 1 MiB besides, so that the importer stays within
 * 4 times its input (the input included) however many lines and words it holds. Past that
 * the document fails (over_budget) and gi_doc_budget_error() says why. */
void gi_doc_set_budget(gi_doc *doc, size_t input_len);
int gi_doc_budget_error(const gi_doc *doc, const char *source);
void gi_doc_free(gi_doc *doc);

/* Appends a line of running text: keeps raw[0..len) and splits it into normalised
 * whitespace-separated tokens. A line that is only a page number or a form feed becomes a
 * GI_LINE_BREAK. Returns false when out of memory (doc->failed is set). */
bool gi_doc_add_text(gi_doc *doc, const char *raw, size_t len, gi_loc loc);
/* As gi_doc_add_text, for text whose table cells run together (crawler text): each word is
 * further cut where digits start or stop ("规章000" gives "规章" and "000"). */
bool gi_doc_add_glued_text(gi_doc *doc, const char *raw, size_t len, gi_loc loc);
/* Appends a page break (a form feed). */
bool gi_doc_add_break(gi_doc *doc, gi_loc loc);
/* Starts a table row (GI_LINE_ROW); its raw text is empty until cells are added. */
bool gi_doc_begin_row(gi_doc *doc, gi_loc loc, bool table_start);
/* Appends one cell to the row being built: its text normalised to a single token (inner
 * whitespace removed; "&nbsp;" and other spaces leave an empty token). */
bool gi_doc_add_cell(gi_doc *doc, const char *raw, size_t len, gi_loc loc);

/* A table whose rows from first_line on (two or more) all end in an empty cell has an empty
 * trailing column (converters print one): it is dropped, so a row that lost a cell cannot
 * take the empty one for a value. */
void gi_doc_drop_empty_last_column(gi_doc *doc, size_t first_line);

/* Front ends. Each returns GOVINFO_OK or an error code with details recorded. */
int gi_read_text(gi_doc *doc, const char *buf, size_t len);
int gi_read_markdown(gi_doc *doc, const char *buf, size_t len);
int gi_read_tsv(gi_doc *doc, const char *buf, size_t len);
int gi_read_docx(gi_doc *doc, const char *buf, size_t len, const char *source);
int gi_read_xlsx(gi_doc *doc, const char *buf, size_t len, const char *source);
int gi_read_html(gi_doc *doc, const char *buf, size_t len, const char *source);

/* Normalises UTF-8 text for matching (NFKC, whitespace removed) into a new string. NULL when
 * out of memory. */
char *gi_normalize(const char *s, size_t len, size_t *out_len);

/* Letters and digits of normalised text as code points (punctuation, quotes and numbering
 * marks dropped), for comparing labels. Returns the count (at most cap). */
size_t gi_label_key(const char *s, size_t len, int32_t *out, size_t cap);
/* The keys of a line's tokens, one after the other, into key; their length (at most cap). */
size_t gi_doc_line_key(const gi_doc *doc, size_t line, int32_t *key, size_t cap);
/* Letters and digits of raw UTF-8 text (full-width ASCII as ASCII, as NFKC makes it), each
 * with the byte offset where it starts; their count (at most cap). */
size_t gi_key_offsets(const char *s, size_t len, int32_t *key, uint32_t *offsets, size_t cap);
/* Whether needle[0..nn) occurs in hay[0..nh) (an empty needle does not). */
bool gi_key_contains(const int32_t *hay, size_t nh, const int32_t *needle, size_t nn);
/* Length of the longest common subsequence of a and b. */
size_t gi_lcs(const int32_t *a, size_t na, const int32_t *b, size_t nb);

#endif
