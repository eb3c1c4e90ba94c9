/* libgovinfo: importing a published report from its text (pdftotext output in reading order
 * or -layout mode, Markdown tables, HTML tables) or its PDF.
 *
 * The importer reads deterministically and never guesses a number: each cell of tables 2, 3
 * and 4 is either read with certainty, with the line and column it came from, or left absent
 * with a finding that names the cell and the source line. Import findings (rule ids
 * "import.*") are returned apart from validation findings; validate the report afterwards
 * with govinfo_report_validate() to check its arithmetic.
 */
#ifndef GOVINFO_IMPORT_H
#define GOVINFO_IMPORT_H

#include "common.h"
#include "report.h"
#include "validate.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum govinfo_input_kind {
  GOVINFO_INPUT_AUTO = 0,     /* decided from the content */
  GOVINFO_INPUT_TEXT = 1,     /* plain text, e.g. pdftotext output */
  GOVINFO_INPUT_MARKDOWN = 2, /* Markdown with | pipe | tables | */
  GOVINFO_INPUT_HTML = 3,     /* an HTML page with <table> elements */
  /* EXPERIMENTAL: the kinds below may still change. */
  GOVINFO_INPUT_TSV = 4,  /* tab-separated rows: a table copied from a browser, WPS or Excel */
  GOVINFO_INPUT_DOCX = 5, /* a Word document (.docx); files only, by content */
  GOVINFO_INPUT_XLSX = 6  /* an Excel workbook (.xlsx); files only, by content */
} govinfo_input_kind;

/* Imports a report from buf[0..len) (UTF-8; need not be NUL-terminated). source_name (may be
 * NULL) names the input in findings and error details. On GOVINFO_OK, *out holds a new report
 * and *findings a new list of import findings (possibly empty); free them with
 * govinfo_report_free() and govinfo_diagnostics_free(). Text that is not recognisably an
 * annual report (no format version, no tables): GOVINFO_EPARSE. HTML when the library was
 * built without libxml2: GOVINFO_ENOTFOUND. */
GOVINFO_API int govinfo_import(govinfo_report **out, govinfo_diagnostics **findings,
                               const char *buf, size_t len, govinfo_input_kind kind,
                               const char *source_name);
/* Provenance: every import sets the report's source_sha256 to the SHA-256 of the bytes it
 * read; importing a file also sets its source to the path as given (source_name names an
 * input in messages only, so memory imports leave source to the caller). */

/* Imports a file: a PDF (recognised by its "%PDF-" signature) through `pdftotext -layout`
 * (poppler-utils), and through plain `pdftotext` when the layout text cannot be read; any
 * other file as govinfo_import(..., GOVINFO_INPUT_AUTO, path). GOVINFO_EIO when the file
 * cannot be read or pdftotext is missing or fails (the message names the package). */
GOVINFO_API int govinfo_import_file(govinfo_report **out, govinfo_diagnostics **findings,
                                    const char *path);

/* Options of govinfo_import_with() and govinfo_import_file_with(). Start from
 * GOVINFO_IMPORT_OPTIONS_INIT or govinfo_import_options_init() and set what you need: later
 * versions append fields, and `version` tells the library which ones the caller knows. */
typedef struct govinfo_import_options {
  unsigned version;        /* GOVINFO_IMPORT_OPTIONS_VERSION */
  govinfo_input_kind kind; /* AUTO: PDF by signature (files only), else by content */
  const char *source_name; /* names the input in findings and errors; NULL: the path, or none */
  const char *pdftotext;   /* the pdftotext program; NULL: "pdftotext", found on PATH */
  /* Version 2: the largest input read, in bytes (a file, or a PDF's text); larger ones fail
   * with GOVINFO_EIO. 0: GOVINFO_MAX_INPUT_BYTES_DEFAULT (64 MiB). */
  size_t max_input_bytes;
} govinfo_import_options;

#define GOVINFO_IMPORT_OPTIONS_VERSION 2
#define GOVINFO_IMPORT_OPTIONS_INIT                                                                \
  { GOVINFO_IMPORT_OPTIONS_VERSION, GOVINFO_INPUT_AUTO, NULL, NULL, 0 }

/* Fills *opts with the defaults of that version (GOVINFO_IMPORT_OPTIONS_VERSION).
 * GOVINFO_EINVAL for a version this library does not know. */
GOVINFO_API int govinfo_import_options_init(govinfo_import_options *opts, unsigned version);
/* govinfo_import() with options (kind and source_name from opts); opts NULL: the defaults. */
GOVINFO_API int govinfo_import_with(govinfo_report **out, govinfo_diagnostics **findings,
                                    const char *buf, size_t len,
                                    const govinfo_import_options *opts);
/* govinfo_import_file() with options; opts NULL: the defaults. */
GOVINFO_API int govinfo_import_file_with(govinfo_report **out, govinfo_diagnostics **findings,
                                         const char *path, const govinfo_import_options *opts);

#ifdef __cplusplus
}
#endif
#endif
