/* Private to the importer: the import in progress, shared by its steps. import.c runs them:
 * a front end makes the document (doc.h), meta.c detects the format, metadata and section
 * headings, the table reader (tables.h) reads tables 2 to 4, meta.c then the section texts.
 * Each step reports through gi_import_finding (context.c). */
#ifndef GI_IMPORT_IMPORT_H
#define GI_IMPORT_IMPORT_H

#include <stddef.h>

#include "findings/findings.h"
#include "govinfo/import.h"
#include "import/doc.h"
#include "model/report.h"

#define GI_NO_LINE SIZE_MAX

typedef struct gi_import {
  gi_doc doc;
  const char *source;                  /* input name for findings, "" when none */
  const struct govinfo_format *format; /* detected version */
  govinfo_report *report;
  govinfo_diagnostics *findings;
  size_t heading[GI_MAX_SECTIONS];     /* per format section: line of its heading, GI_NO_LINE if not
                                          found */
  size_t title_lines;                  /* the title is printed on lines [0, title_lines) */
  size_t title_end;                    /* first line after the title and any repetition of it */
  size_t body_end;                     /* lines from here on are the signature and date */
  size_t table_start[GI_MAX_SECTIONS]; /* per format section: first line of its tables */
  size_t table_end[GI_MAX_SECTIONS];   /* per format section: last line its tables were read from */
  bool glued;         /* table cells run together (crawler text): runs are split (glued.c) */
  bool spaced;        /* glued, yet every row prints its cells apart: spaces are boundaries */
  size_t split_nodes; /* steps the searches for glued cells have taken (GI_SPLIT_IMPORT_BUDGET) */
  size_t header_end;  /* lines [0, header_end) are a crawler's header (0: none) */
  /* Lines of the crawler header's 标题, 发布时间, 发布机构 and 原文链接, GI_NO_LINE if none */
  size_t header_title, header_published, header_organ, header_source;
  uint32_t *page_first_line; /* pdftotext output: the line each page starts on */
  size_t npages;             /* 0: not paged (findings give no page) */
  int status;                /* first failure (out of memory), GOVINFO_OK otherwise */
} gi_import;

/* govinfo_import_with() for pdftotext output: findings also name the page and the line on
 * it (pages are separated by form feeds). */
int gi_import_pdf_text(govinfo_report **out, govinfo_diagnostics **findings, const char *text,
                       size_t len, const govinfo_import_options *opts);
/* GOVINFO_EINVAL (details recorded) for options of an unknown version or kind. */
int gi_import_options_check(const govinfo_import_options *opts);
/* Checks src and copies the fields its version has into *dst (a whole current struct; the
 * others default, max_input_bytes 0 becomes the default limit). */
int gi_import_options_copy(govinfo_import_options *dst, const govinfo_import_options *src);

/* Provenance: the SHA-256 of the bytes read into report's source_sha256. */
int gi_import_set_sha256(govinfo_report *report, const char *bytes, size_t len);

/* Records a finding; paths may be NULL when npaths is 0. */
void gi_import_finding(gi_import *im, gi_rule rule, gi_loc loc, const char *const *paths,
                       size_t npaths, const char *zh, const char *en);

/* Format version, year, title, organ, date; section headings. GOVINFO_EPARSE when the text is
 * not recognisably an annual report. */
int gi_import_detect(gi_import *im);
/* The crawler's header (crawler.c): sets header_end and the header_* lines. */
void gi_import_header(gi_import *im);
/* The trimmed value of a header line "key: value"; new, NULL when out of memory. */
char *gi_header_value(const gi_import *im, size_t line);
/* Cuts lines that run a whole report together into lines where its titles and labels start,
 * and sets glued (crawler.c). */
int gi_import_reflow(gi_import *im);
/* Tables 2, 3 and 4 into the report; sets table_end. */
void gi_import_tables(gi_import *im);
/* Metadata, preface and section texts into the report (after the tables: their lines are not
 * section text). */
void gi_import_text(gi_import *im);

#endif
