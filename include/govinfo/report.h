/* libgovinfo: the report model.
 *
 * A report has metadata, the text of its sections and one cell for every (table, row,
 * column) of its format version. A cell is exactly one of: absent (not given), blank
 * (printed empty; never zero), a mark (something other than a number printed, kept
 * verbatim: "/", "—", "无") or a number. Numbers are exact decimals: integers up to
 * 2^53 in magnitude, at most GOVINFO_MAX_SCALE decimal places; no binary floating point.
 *
 * A report is not locked: use one report from one thread at a time. Distinct reports may be
 * used from different threads.
 */
#ifndef GOVINFO_REPORT_H
#define GOVINFO_REPORT_H

#include "common.h"
#include "format.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct govinfo_report govinfo_report;

typedef enum govinfo_cell_state {
  GOVINFO_CELL_ABSENT = 0,
  GOVINFO_CELL_BLANK = 1,
  GOVINFO_CELL_MARK = 2,
  GOVINFO_CELL_NUMBER = 3
} govinfo_cell_state;

#define GOVINFO_MAX_SCALE 6       /* decimal places a number may have */
#define GOVINFO_NUMBER_BUFSIZE 32 /* enough for any number's text and its NUL */

/* New, empty report of a format version: no metadata, no sections, every cell absent.
 * Free with govinfo_report_free(). GOVINFO_ENOTFOUND for an unknown format id. */
GOVINFO_API int govinfo_report_new(govinfo_report **out, const char *format_id);
/* New report ready to fill in: year and organ (may be NULL) set, the six sections with their
 * official titles and empty text, every cell of every data row blank (group rows, which
 * normally print nothing of their own, stay absent). GOVINFO_EINVAL when the format version
 * does not apply to that year (the message names the one that does). */
GOVINFO_API int govinfo_report_new_template(govinfo_report **out, const char *format_id, int year,
                                            const char *organ);
/* New, deep copy. */
GOVINFO_API int govinfo_report_copy(govinfo_report **out, const govinfo_report *report);
GOVINFO_API void govinfo_report_free(govinfo_report *report);
/* 1 when both reports hold the same format, metadata, sections and cells (source
 * locations are not compared), else 0. */
GOVINFO_API int govinfo_report_equal(const govinfo_report *a, const govinfo_report *b);

/* Static. */
GOVINFO_API const govinfo_format *govinfo_report_format(const govinfo_report *report);
/* File or name the report was read from (borrowed), NULL when built in memory. */
GOVINFO_API const char *govinfo_report_origin(const govinfo_report *report);

/* Metadata. Getters return borrowed strings, NULL when unset. Setters copy the string;
 * NULL unsets. Text setters (these, sections, marks) take UTF-8 without control characters:
 * a tab anywhere, line breaks only in multi-line text (preface, section text); anything else
 * below U+0020, DEL or U+0080..U+009F is GOVINFO_EINVAL. A document may still hold them:
 * the readers keep them, and messages show them escaped. */
GOVINFO_API const char *govinfo_report_organ(const govinfo_report *report); /* 发布机关 */
GOVINFO_API int govinfo_report_set_organ(govinfo_report *report, const char *organ);
GOVINFO_API const char *govinfo_report_title(const govinfo_report *report);
GOVINFO_API int govinfo_report_set_title(govinfo_report *report, const char *title);
/* Publication date as "YYYY-MM-DD"; the setter rejects anything else (GOVINFO_EINVAL). */
GOVINFO_API const char *govinfo_report_published(const govinfo_report *report);
GOVINFO_API int govinfo_report_set_published(govinfo_report *report, const char *date);
/* Administrative division code: 6, 9 or 12 digits. */
GOVINFO_API const char *govinfo_report_division_code(const govinfo_report *report);
GOVINFO_API int govinfo_report_set_division_code(govinfo_report *report, const char *code);
/* Where the published report came from: a file name or URL. */
GOVINFO_API const char *govinfo_report_source(const govinfo_report *report);
GOVINFO_API int govinfo_report_set_source(govinfo_report *report, const char *source);
/* SHA-256 of the bytes the report was imported from (for a PDF, the PDF file's), as 64
 * lowercase hex digits; the setter rejects anything else (GOVINFO_EINVAL). Set by the
 * importer, with `source`, so a report says exactly which published file it came from. */
GOVINFO_API const char *govinfo_report_source_sha256(const govinfo_report *report);
GOVINFO_API int govinfo_report_set_source_sha256(govinfo_report *report, const char *sha256);
/* What the report prints before section 一 (the customary paragraph naming the compiler,
 * the statistical period and a contact), kept whole. */
GOVINFO_API const char *govinfo_report_preface(const govinfo_report *report);
GOVINFO_API int govinfo_report_set_preface(govinfo_report *report, const char *preface);
/* Report year; 0 when unset. The setter takes 1..9999, or 0 to unset. */
GOVINFO_API int govinfo_report_year(const govinfo_report *report);
GOVINFO_API int govinfo_report_set_year(govinfo_report *report, int year);

/* Sections, kept in the order they were given. Each id ("s1".."s6") appears at most once. */
GOVINFO_API size_t govinfo_report_section_count(const govinfo_report *report);
/* Borrowed; NULL for an index out of range. */
GOVINFO_API const char *govinfo_report_section_id_at(const govinfo_report *report, size_t index);
GOVINFO_API const char *govinfo_report_section_title_at(const govinfo_report *report, size_t index);
GOVINFO_API const char *govinfo_report_section_text_at(const govinfo_report *report, size_t index);
/* Borrowed text of a section, NULL when the report does not have it. */
GOVINFO_API const char *govinfo_report_section_text(const govinfo_report *report, const char *id);
/* Sets a section's text (copied) and printed title (copied; NULL = the official title).
 * Replaces it in place when present, appends it otherwise. GOVINFO_ENOTFOUND for an id the
 * format does not have. */
GOVINFO_API int govinfo_report_set_section(govinfo_report *report, const char *id,
                                           const char *title, const char *text);
GOVINFO_API int govinfo_report_remove_section(govinfo_report *report, const char *id);

/* Cells, by id "<table>.<row>.<column>". Every call fails with GOVINFO_ENOTFOUND for an
 * id the format does not have and for rows that never hold figures (headings). */
GOVINFO_API int govinfo_report_cell_state(const govinfo_report *report, const char *cell_id,
                                          govinfo_cell_state *out);
/* GOVINFO_ETYPE unless the cell holds an integer. */
GOVINFO_API int govinfo_report_get_int(const govinfo_report *report, const char *cell_id,
                                       int64_t *out);
/* Writes the number's exact decimal text ("96171.6", "-3") into buf (size at least
 * GOVINFO_NUMBER_BUFSIZE). GOVINFO_ETYPE unless the cell holds a number. */
GOVINFO_API int govinfo_report_get_number(const govinfo_report *report, const char *cell_id,
                                          char *buf, size_t size);
/* Borrowed mark text. GOVINFO_ETYPE unless the cell holds a mark. */
GOVINFO_API int govinfo_report_get_mark(const govinfo_report *report, const char *cell_id,
                                        const char **out);
/* GOVINFO_ERANGE beyond +-2^53. */
GOVINFO_API int govinfo_report_set_int(govinfo_report *report, const char *cell_id, int64_t value);
/* Exact decimal text: optional sign, digits without leading zeros, optionally "." and
 * 1..GOVINFO_MAX_SCALE digits.
 * GOVINFO_ETYPE for anything else, GOVINFO_ERANGE when too large or too precise. */
GOVINFO_API int govinfo_report_set_number(govinfo_report *report, const char *cell_id,
                                          const char *text);
GOVINFO_API int govinfo_report_set_blank(govinfo_report *report, const char *cell_id);
/* A mark is non-empty UTF-8 text that is not itself a number: "/", "—", "无", "251000元".
 * GOVINFO_ETYPE for "" or "12" (set the number instead), GOVINFO_EINVAL for invalid UTF-8
 * or a control character other than tab. Copied. */
GOVINFO_API int govinfo_report_set_mark(govinfo_report *report, const char *cell_id,
                                        const char *mark);
/* Makes the cell absent. */
GOVINFO_API int govinfo_report_clear_cell(govinfo_report *report, const char *cell_id);

#ifdef __cplusplus
}
#endif
#endif
