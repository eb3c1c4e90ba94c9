/* Per-thread error details, status code names, and memory handed to callers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/text.h"

/* Fixed buffers so a thread's record never needs freeing. */
typedef struct error_record {
  govinfo_error pub;
  char message[1024];
  char message_zh[1024];
  char source[256];
  char path[256];
} error_record;

static _Thread_local error_record last_error;

static error_record *record(void) {
  error_record *e = &last_error;
  e->pub.message = e->message;
  e->pub.message_zh = e->message_zh;
  e->pub.source = e->source;
  e->pub.path = e->path;
  return e;
}

const govinfo_error *govinfo_error_last(void) { return &record()->pub; }

void govinfo_error_clear(void) {
  error_record *e = record();
  memset(&e->pub, 0, sizeof e->pub);
  e->message[0] = e->message_zh[0] = e->source[0] = e->path[0] = '\0';
  record();
}

__attribute__((format(printf, 6, 0))) static int vfail(int code, const char *source, gi_loc loc,
                                                       size_t offset, const char *path,
                                                       const char *fmt, va_list ap) {
  error_record *e = record();
  e->pub.code = code;
  e->pub.line = loc.line;
  e->pub.column = loc.column;
  e->pub.offset = offset;
  /* user text (keys, marks, file names) goes into messages: no control character may */
  gi_escape_controls(e->source, sizeof e->source, source ? source : "");
  gi_escape_controls(e->path, sizeof e->path, path ? path : "");
  char raw[sizeof e->message];
  vsnprintf(raw, sizeof raw, fmt, ap);
  gi_escape_controls(e->message, sizeof e->message, raw);
  gi_message_zh(e->message_zh, sizeof e->message_zh, fmt, e->message);
  return code;
}

int gi_fail(int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(code, NULL, (gi_loc){0, 0}, 0, NULL, fmt, ap);
  va_end(ap);
  return code;
}

int gi_fail_at(int code, const char *source, gi_loc loc, size_t offset, const char *path,
               const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(code, source, loc, offset, path, fmt, ap);
  va_end(ap);
  return code;
}

void gi_record_oom(void) { gi_fail(GOVINFO_ENOMEM, "out of memory"); }

const char *govinfo_strerror(int code) {
  switch (code) {
#define GI_STRERROR_(name, value, text)                                                            \
  case GOVINFO_##name:                                                                             \
    return text;
    GOVINFO_ERRNO_MAP(GI_STRERROR_)
#undef GI_STRERROR_
  }
  return "unknown error";
}

const char *govinfo_error_name(int code) {
  switch (code) {
#define GI_ERRNAME_(name, value, text)                                                             \
  case GOVINFO_##name:                                                                             \
    return "GOVINFO_" #name;
    GOVINFO_ERRNO_MAP(GI_ERRNAME_)
#undef GI_ERRNAME_
  }
  return "GOVINFO_EUNKNOWN";
}

void govinfo_free(void *p) { free(p); }

/* strerror() is not thread-safe; this is the XSI strerror_r. */
static const char *os_error(int err, char *buf, size_t size) {
  if (strerror_r(err, buf, size) != 0) snprintf(buf, size, "error %d", err);
  return buf;
}

int gi_fail_os(const char *path, int err, const char *fmt, ...) {
  char what[400], reason[128];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  return gi_fail_at(GOVINFO_EIO, path, (gi_loc){0, 0}, 0, NULL, "%s: %s", what,
                    os_error(err, reason, sizeof reason));
}
