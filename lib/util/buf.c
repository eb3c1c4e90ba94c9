/* A growable byte buffer for the writers. An allocation failure is remembered and reported
 * once, at gi_buf_finish(), so writers need not check every append. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"

static bool reserve(gi_buf *b, size_t extra) {
  if (b->failed) return false;
  if (b->len + extra + 1 <= b->cap) return true;
  size_t cap = b->cap ? b->cap : 4096;
  while (cap < b->len + extra + 1) cap *= 2;
  char *p = realloc(b->data, cap);
  if (p == NULL) {
    b->failed = true;
    return false;
  }
  b->data = p;
  b->cap = cap;
  return true;
}

void gi_buf_append(gi_buf *b, const char *s, size_t n) {
  if (!reserve(b, n)) return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void gi_buf_puts(gi_buf *b, const char *s) { gi_buf_append(b, s, strlen(s)); }

void gi_buf_printf(gi_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || !reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

int gi_buf_finish(gi_buf *b, char **out, size_t *len) {
  if (!reserve(b, 0)) {
    gi_buf_free(b);
    return gi_fail_oom();
  }
  b->data[b->len] = '\0';
  *out = b->data;
  if (len) *len = b->len;
  b->data = NULL;
  b->len = b->cap = 0;
  return GOVINFO_OK;
}

void gi_buf_free(gi_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
  b->failed = false;
}

void gi_buf_puts_escaped(gi_buf *b, const char *s) {
  for (const char *p = s; *p;) {
    size_t plain = 0;
    while (p[plain] && gi_control_at(p + plain) == 0) plain++;
    gi_buf_append(b, p, plain);
    p += plain;
    size_t c = gi_control_at(p);
    if (c == 1) gi_buf_printf(b, "\\x%02x", (unsigned char)*p);
    else if (c == 2) gi_buf_printf(b, "\\u%04x", (unsigned char)p[1]);
    p += c;
  }
}
