/* The render entry points: options, the page every renderer prints from, writing a file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "govinfo/io.h"
#include "render/page.h"
#include "util/error.h"

int govinfo_render_options_init(govinfo_render_options *opts, unsigned version) {
  if (opts == NULL) return gi_fail(GOVINFO_EINVAL, "options pointer is NULL");
  if (version == 0 || version > GOVINFO_RENDER_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_render_options", version);
  *opts = (govinfo_render_options)GOVINFO_RENDER_OPTIONS_INIT;
  opts->version = version;
  return GOVINFO_OK;
}

const char *gi_page_cell_text(const gi_page *p, const gi_layout_cell *c, char *buf) {
  const gi_cell *cell = gi_report_cell(p->report, c->table, c->row, c->col);
  buf[0] = '\0';
  if (cell->state == GOVINFO_CELL_MARK) return cell->mark;
  if (cell->state == GOVINFO_CELL_NUMBER) gi_decimal_format(&cell->number, buf);
  return buf;
}

govinfo_cell_state gi_page_cell_state(const gi_page *p, const gi_layout_cell *c) {
  return (govinfo_cell_state)gi_report_cell(p->report, c->table, c->row, c->col)->state;
}

size_t gi_page_next_finding(const gi_page *p, const gi_layout_cell *c, size_t from) {
  size_t n = govinfo_diagnostics_count(p->findings);
  if (p->findings == NULL || !gi_layout_is_value(c)) return n;
  char pointer[256];
  gi_cell_pointer(p->report->format, c->table, c->row, c->col, pointer, sizeof pointer);
  for (size_t i = from; i < n; i++) {
    const govinfo_diagnostic *d = govinfo_diagnostics_at(p->findings, i);
    for (size_t k = 0; k < govinfo_diagnostic_path_count(d); k++)
      if (strcmp(govinfo_diagnostic_path_at(d, k), pointer) == 0) return i;
  }
  return n;
}

const char *gi_page_message(const gi_page *p, const govinfo_diagnostic *d) {
  return p->en ? govinfo_diagnostic_message_en(d) : govinfo_diagnostic_message(d);
}

void gi_page_date(const char *iso, char *buf, size_t size) {
  /* a report's date is always YYYY-MM-DD (gi_check_date) */
  char *end;
  long y = strtol(iso, &end, 10);
  long m = *end == '-' ? strtol(end + 1, &end, 10) : 0;
  long d = *end == '-' ? strtol(end + 1, &end, 10) : 0;
  if (*end == '\0' && m > 0 && d > 0) snprintf(buf, size, "%ld 年 %ld 月 %ld 日", y, m, d);
  else snprintf(buf, size, "%s", iso);
}

/* Sets up the page; on success the caller frees the layout and *owned (the findings it
 * validated, NULL when the caller's or none are shown). */
static int page_begin(gi_page *p, govinfo_diagnostics **owned, const govinfo_report *report,
                      const govinfo_render_options *opts) {
  memset(p, 0, sizeof *p);
  *owned = NULL;
  p->report = report;
  p->en = opts->flags & GOVINFO_RENDER_EN;
  if (!(opts->flags & GOVINFO_RENDER_NO_FINDINGS)) {
    if (opts->findings) {
      p->findings = opts->findings;
    } else {
      int rc = govinfo_report_validate(owned, report);
      if (rc != GOVINFO_OK) return rc;
      p->findings = *owned;
    }
  }
  int rc = gi_layout_build(&p->layout, report);
  if (rc != GOVINFO_OK) {
    govinfo_diagnostics_free(*owned);
    *owned = NULL;
  }
  return rc;
}

static int check_args(const govinfo_report *report, const govinfo_render_options **opts,
                      const govinfo_render_options *defaults) {
  if (report == NULL) return gi_fail(GOVINFO_EINVAL, "report is NULL");
  if (*opts == NULL) *opts = defaults;
  if ((*opts)->version == 0 || (*opts)->version > GOVINFO_RENDER_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_render_options",
                   (*opts)->version);
  if ((*opts)->format < GOVINFO_RENDER_HTML || (*opts)->format > GOVINFO_RENDER_XLSX)
    return gi_fail(GOVINFO_EINVAL, "unknown render format %d", (int)(*opts)->format);
  return GOVINFO_OK;
}

int govinfo_report_render(char **out, size_t *len, const govinfo_report *report,
                          const govinfo_render_options *opts) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  const govinfo_render_options defaults = GOVINFO_RENDER_OPTIONS_INIT;
  int rc = check_args(report, &opts, &defaults);
  if (rc != GOVINFO_OK) return rc;
  if (opts->format == GOVINFO_RENDER_XLSX)
    return gi_fail(GOVINFO_EINVAL, "an XLSX workbook is a file: use govinfo_report_render_file");
  gi_page page;
  govinfo_diagnostics *owned;
  rc = page_begin(&page, &owned, report, opts);
  if (rc != GOVINFO_OK) return rc;
  gi_buf b = {0};
  rc = opts->format == GOVINFO_RENDER_HTML ? gi_render_html(&b, &page)
                                           : gi_render_markdown(&b, &page);
  gi_layout_free(&page.layout);
  govinfo_diagnostics_free(owned);
  if (rc != GOVINFO_OK) {
    gi_buf_free(&b);
    return rc;
  }
  size_t n;
  rc = gi_buf_finish(&b, out, &n);
  if (rc != GOVINFO_OK) return gi_fail_oom();
  if (len) *len = n;
  return GOVINFO_OK;
}

#ifndef GOVINFO_HAVE_XLSX
int gi_render_xlsx(const char *path, const gi_page *p, bool protect) {
  (void)p;
  (void)protect;
  return gi_fail(GOVINFO_EINVAL,
                 "cannot write %s: libgovinfo was built without XLSX output "
                 "(libxlsxwriter)",
                 path);
}
#endif

/* The workbook goes to a temporary file beside the target, is read back and written with
 * govinfo_write_file_atomic, so the target is replaced whole or not at all. */
static int render_xlsx_file(const char *path, const gi_page *page, bool protect) {
  size_t n = strlen(path);
  char *tmp = malloc(n + 16);
  if (tmp == NULL) return gi_fail_oom();
  snprintf(tmp, n + 16, "%s.tmp-XXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    int rc = gi_fail_os(path, errno, "cannot write %s", path);
    free(tmp);
    return rc;
  }
  close(fd);
  int rc = gi_render_xlsx(tmp, page, protect);
  char *data = NULL;
  size_t len = 0;
  if (rc == GOVINFO_OK) {
    FILE *f = fopen(tmp, "rb");
    long size = -1;
    if (f && fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (data = malloc((size_t)size + 1)) != NULL &&
        fread(data, 1, (size_t)size, f) == (size_t)size)
      len = (size_t)size;
    else
      rc = data == NULL && size >= 0 ? gi_fail_oom()
                                     : gi_fail_os(path, errno, "cannot write %s", path);
    if (f) fclose(f);
  }
  unlink(tmp);
  free(tmp);
  if (rc == GOVINFO_OK) rc = govinfo_write_file_atomic(path, data, len);
  free(data);
  return rc;
}

int govinfo_report_render_file(const char *path, const govinfo_report *report,
                               const govinfo_render_options *opts) {
  if (path == NULL || path[0] == '\0') return gi_fail(GOVINFO_EINVAL, "path is NULL or empty");
  const govinfo_render_options defaults = GOVINFO_RENDER_OPTIONS_INIT;
  int rc = check_args(report, &opts, &defaults);
  if (rc != GOVINFO_OK) return rc;
  if (opts->format != GOVINFO_RENDER_XLSX) {
    char *text;
    size_t len;
    rc = govinfo_report_render(&text, &len, report, opts);
    if (rc != GOVINFO_OK) return rc;
    rc = govinfo_write_file_atomic(path, text, len);
    free(text);
    return rc;
  }
  gi_page page;
  govinfo_diagnostics *owned;
  rc = page_begin(&page, &owned, report, opts);
  if (rc != GOVINFO_OK) return rc;
  rc = render_xlsx_file(path, &page, opts->flags & GOVINFO_RENDER_PROTECT);
  gi_layout_free(&page.layout);
  govinfo_diagnostics_free(owned);
  return rc;
}
