/* libgovinfo: the report as it is published, in HTML, Markdown or Excel.
 *
 * EXPERIMENTAL: this interface may still change.
 *
 * The title, the preface, the six sections with their titles and text, and tables 二/三/四
 * in the official layout of the report's format version (merged header cells, group labels
 * spanning their rows), blanks and marks as printed, absent cells visibly marked. Findings
 * are shown on the page: cells in a finding highlighted, with its rule and message, and the
 * list of findings at the end. `govinfo import` reads every rendering back.
 */
#ifndef GOVINFO_RENDER_H
#define GOVINFO_RENDER_H

#include "common.h"
#include "report.h"
#include "validate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* EXPERIMENTAL. */
typedef enum govinfo_render_format {
  GOVINFO_RENDER_HTML = 1,     /* one self-contained HTML5 page, inline CSS, no scripts */
  GOVINFO_RENDER_MARKDOWN = 2, /* GitHub-flavoured; tables with merged cells as HTML */
  GOVINFO_RENDER_XLSX = 3      /* an Excel workbook (file only) */
} govinfo_render_format;

/* Flags of govinfo_render_options. EXPERIMENTAL. */
#define GOVINFO_RENDER_NO_FINDINGS 0x1u /* the clean copy to publish: no finding shown */
#define GOVINFO_RENDER_EN 0x2u          /* findings in English (the report stays Chinese) */
/* XLSX: every sheet protected, only the value cells (and the text) editable: the template
 * staff fill in Excel or WPS. */
#define GOVINFO_RENDER_PROTECT 0x4u

/* Options of the renderers. Start from GOVINFO_RENDER_OPTIONS_INIT or
 * govinfo_render_options_init(); later versions append fields. EXPERIMENTAL. */
typedef struct govinfo_render_options {
  unsigned version; /* GOVINFO_RENDER_OPTIONS_VERSION */
  govinfo_render_format format;
  unsigned flags; /* GOVINFO_RENDER_* */
  /* The findings to show (borrowed; the caller may filter the list first, e.g. leave out
   * suppressed ones). NULL: the report is validated and its findings shown. */
  const govinfo_diagnostics *findings;
} govinfo_render_options;

#define GOVINFO_RENDER_OPTIONS_VERSION 1
#define GOVINFO_RENDER_OPTIONS_INIT                                                                \
  { GOVINFO_RENDER_OPTIONS_VERSION, GOVINFO_RENDER_HTML, 0, NULL }

/* Fills *opts with the defaults of that version. GOVINFO_EINVAL for a version this library
 * does not know. EXPERIMENTAL. */
GOVINFO_API int govinfo_render_options_init(govinfo_render_options *opts, unsigned version);

/* Renders the report as HTML or Markdown (opts NULL: HTML with its findings). New
 * NUL-terminated UTF-8 text in *out (length in *len if len is not NULL); free it with
 * govinfo_free(). GOVINFO_EINVAL for the XLSX format (use govinfo_report_render_file).
 * EXPERIMENTAL. */
GOVINFO_API int govinfo_report_render(char **out, size_t *len, const govinfo_report *report,
                                      const govinfo_render_options *opts);

/* Renders the report into the file at `path`, in any format: written to a temporary file
 * beside it and renamed, so a failure leaves neither a half-written file nor a temporary
 * one. GOVINFO_EIO when the file cannot be written; GOVINFO_EINVAL for XLSX when the
 * library was built without libxlsxwriter. EXPERIMENTAL. */
GOVINFO_API int govinfo_report_render_file(const char *path, const govinfo_report *report,
                                           const govinfo_render_options *opts);

#ifdef __cplusplus
}
#endif

#endif
