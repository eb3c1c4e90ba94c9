/* One item of a batch: reading, importing and validating it on a worker thread, and what the
 * caller reads of it afterwards. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "batch/batch.h"
#include "govinfo/io.h"
#include "io/files.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"

#define STDIN_NAME "<stdin>"

/* ---- failures copied out of the thread's record ---- */

static char *copy_or_null(const char *s, bool *failed) {
  if (s == NULL || s[0] == '\0') return NULL;
  char *d = gi_strdup(s);
  if (d == NULL) *failed = true;
  return d;
}

void gi_error_copy_take(gi_error_copy *copy, int code) {
  const govinfo_error *e = govinfo_error_last();
  bool failed = false;
  copy->message = copy_or_null(e->code == code ? e->message : NULL, &failed);
  copy->source = copy_or_null(e->code == code ? e->source : NULL, &failed);
  copy->path = copy_or_null(e->code == code ? e->path : NULL, &failed);
  copy->message_zh = copy_or_null(e->code == code ? e->message_zh : NULL, &failed);
  copy->pub = (govinfo_error){.code = code, .message = "", .source = "", .path = ""};
  (void)failed; /* a string that could not be copied is left out */
  if (e->code == code) {
    copy->pub.line = e->line;
    copy->pub.column = e->column;
    copy->pub.offset = e->offset;
  }
  if (copy->message) copy->pub.message = copy->message;
  else copy->pub.message = govinfo_strerror(code);
  copy->pub.message_zh = copy->message_zh ? copy->message_zh : "";
  if (copy->source) copy->pub.source = copy->source;
  if (copy->path) copy->pub.path = copy->path;
}

/* A copy of a copy, with strings of its own (the generic text when out of memory). */
static void copy_error(gi_error_copy *dst, const gi_error_copy *src) {
  bool failed = false;
  *dst = *src;
  dst->message = copy_or_null(src->pub.message, &failed);
  dst->source = copy_or_null(src->pub.source, &failed);
  dst->path = copy_or_null(src->pub.path, &failed);
  dst->message_zh = copy_or_null(src->pub.message_zh, &failed);
  dst->pub.message_zh = dst->message_zh ? dst->message_zh : "";
  dst->pub.message = dst->message ? dst->message : govinfo_strerror(src->pub.code);
  dst->pub.source = dst->source ? dst->source : "";
  dst->pub.path = dst->path ? dst->path : "";
}

void gi_error_copy_free(gi_error_copy *copy) {
  free(copy->message);
  free(copy->source);
  free(copy->path);
  free(copy->message_zh);
  memset(copy, 0, sizeof *copy);
}

/* ---- working on one entry ---- */

static int read_stdin(char **out, size_t *len, size_t max) {
  gi_buf b = {0};
  char chunk[65536];
  while (!b.failed) { /* a failed allocation stops the read: gi_buf_finish reports it */
    ssize_t n = read(STDIN_FILENO, chunk, sizeof chunk);
    if (n == 0) break;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      gi_buf_free(&b);
      return gi_fail_os(STDIN_NAME, err, "cannot read standard input");
    }
    gi_buf_append(&b, chunk, (size_t)n);
    if (b.len > max) {
      gi_buf_free(&b);
      return gi_input_too_large(STDIN_NAME, max);
    }
  }
  if (b.data == NULL) gi_buf_append(&b, "", 0);
  return gi_buf_finish(&b, out, len);
}

/* An Excel workbook (the template of `govinfo template --to xlsx`, filled in Excel or WPS)
 * holds a report too: it is imported. */
static bool is_workbook(const char *path) {
  size_t n = strlen(path);
  return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

static int load(govinfo_batch_item *item, bool hash, size_t max) {
  bool from_stdin = strcmp(item->path, "-") == 0;
  if (!from_stdin && is_workbook(item->path)) {
    govinfo_import_options opts = GOVINFO_IMPORT_OPTIONS_INIT;
    opts.max_input_bytes = max;
    int rc = govinfo_import_file_with(&item->report, &item->import_findings, item->path, &opts);
    const char *sha = rc == GOVINFO_OK ? govinfo_report_source_sha256(item->report) : NULL;
    if (hash && sha) memcpy(item->sha256, sha, GI_SHA256_HEX_SIZE);
    return rc;
  }
  char *data = NULL;
  size_t len = 0;
  int rc = from_stdin ? read_stdin(&data, &len, max) : gi_read_file(item->path, &data, &len, max);
  if (rc) return rc;
  if (hash) gi_sha256_hex(data, len, item->sha256);
  /* as govinfo_report_load: the syntax by the extension, else by the first character */
  govinfo_syntax syntax = from_stdin ? GOVINFO_SYNTAX_AUTO : govinfo_syntax_from_path(item->path);
  rc = govinfo_report_parse(&item->report, data, len, syntax, item->name);
  free(data);
  return rc;
}

static int import_stdin(govinfo_batch_item *item, const govinfo_import_options *opts) {
  char *data = NULL;
  size_t len = 0;
  int rc = read_stdin(&data, &len, opts->max_input_bytes);
  if (rc) return rc;
  if (len >= 5 && memcmp(data, "%PDF-", 5) == 0) {
    free(data);
    return gi_fail_at(GOVINFO_EINVAL, STDIN_NAME, (gi_loc){0, 0}, 0, NULL,
                      "a PDF must be given as a file, not on standard input");
  }
  govinfo_import_options named = *opts;
  named.source_name = STDIN_NAME;
  rc = govinfo_import_with(&item->report, &item->import_findings, data, len, &named);
  free(data);
  return rc;
}

static int import(govinfo_batch_item *item, const govinfo_import_options *opts) {
  if (strcmp(item->path, "-") == 0) return import_stdin(item, opts);
  govinfo_import_options named = *opts;
  named.source_name = NULL; /* the path */
  return govinfo_import_file_with(&item->report, &item->import_findings, item->path, &named);
}

static int work_on(govinfo_batch_item *item, const gi_batch_work *work) {
  int rc = work->action == GOVINFO_BATCH_IMPORT
               ? import(item, &work->import)
               : load(item, work->flags & GOVINFO_BATCH_SHA256, work->import.max_input_bytes);
  if (rc) return rc;
  if (work->action == GOVINFO_BATCH_IMPORT) {
    const char *hash = govinfo_report_source_sha256(item->report);
    if (hash) memcpy(item->sha256, hash, GI_SHA256_HEX_SIZE);
  }
  if (work->flags & GOVINFO_BATCH_VALIDATE)
    rc = govinfo_report_validate_with(&item->findings, item->report, work->validate);
  if (rc == GOVINFO_OK && item->findings && work->suppress) {
    govinfo_diagnostics *kept;
    rc = govinfo_suppressions_apply(&kept, work->suppress, item->findings, item->name);
    if (rc == GOVINFO_OK) {
      govinfo_diagnostics_free(item->findings);
      item->findings = kept;
    }
  }
  return rc;
}

govinfo_batch_item *gi_batch_run_one(const gi_batch_work *work, const gi_batch_entry *entry,
                                     size_t index) {
  govinfo_batch_item *item = calloc(1, sizeof *item);
  if (item == NULL) return NULL;
  item->index = index;
  item->path = gi_strdup(entry->path);
  item->relative = gi_strdup(entry->relative);
  if (item->path == NULL || item->relative == NULL) {
    govinfo_batch_item_free(item);
    return NULL;
  }
  item->name = strcmp(item->path, "-") == 0 ? STDIN_NAME : item->path;
  item->error.pub = (govinfo_error){.message = "", .source = "", .path = "", .message_zh = ""};
  if (entry->status != GOVINFO_OK) { /* met while expanding the inputs */
    item->status = entry->status;
    copy_error(&item->error, &entry->error);
    return item;
  }
  int rc = work_on(item, work);
  if (rc) {
    item->status = rc;
    gi_error_copy_take(&item->error, rc);
    govinfo_report_free(item->report);
    govinfo_diagnostics_free(item->findings);
    govinfo_diagnostics_free(item->import_findings);
    item->report = NULL;
    item->findings = item->import_findings = NULL;
  }
  return item;
}

/* ---- the caller's side ---- */

void govinfo_batch_item_free(govinfo_batch_item *item) {
  if (item == NULL) return;
  free(item->path);
  free(item->relative);
  gi_error_copy_free(&item->error);
  govinfo_report_free(item->report);
  govinfo_diagnostics_free(item->findings);
  govinfo_diagnostics_free(item->import_findings);
  free(item);
}

size_t govinfo_batch_item_index(const govinfo_batch_item *item) { return item ? item->index : 0; }
const char *govinfo_batch_item_path(const govinfo_batch_item *item) {
  return item ? item->path : NULL;
}
const char *govinfo_batch_item_relative_path(const govinfo_batch_item *item) {
  return item ? item->relative : NULL;
}
const char *govinfo_batch_item_name(const govinfo_batch_item *item) {
  return item ? item->name : NULL;
}
int govinfo_batch_item_status(const govinfo_batch_item *item) {
  return item ? item->status : GOVINFO_EINVAL;
}

const govinfo_error *govinfo_batch_item_error(const govinfo_batch_item *item) {
  static const govinfo_error none = {.message = "", .source = "", .path = "", .message_zh = ""};
  return item ? &item->error.pub : &none;
}

int govinfo_batch_item_format_error(char **out, size_t *len, const govinfo_batch_item *item,
                                    unsigned flags) {
  if (out == NULL || item == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  *out = NULL;
  if (item->status == GOVINFO_OK) return gi_fail(GOVINFO_ENOTFOUND, "%s did not fail", item->name);
  return govinfo_error_format(out, len, &item->error.pub, item->name, flags);
}

const govinfo_report *govinfo_batch_item_report(const govinfo_batch_item *item) {
  return item ? item->report : NULL;
}

int govinfo_batch_item_take_report(govinfo_report **out, govinfo_batch_item *item) {
  if (out == NULL || item == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  if (item->report == NULL)
    return gi_fail(GOVINFO_ENOTFOUND, "%s has no report (failed, or already taken)", item->name);
  *out = item->report;
  item->report = NULL;
  return GOVINFO_OK;
}

const govinfo_diagnostics *govinfo_batch_item_findings(const govinfo_batch_item *item) {
  return item ? item->findings : NULL;
}
const govinfo_diagnostics *govinfo_batch_item_import_findings(const govinfo_batch_item *item) {
  return item ? item->import_findings : NULL;
}
const char *govinfo_batch_item_sha256(const govinfo_batch_item *item) {
  return item ? item->sha256 : "";
}
