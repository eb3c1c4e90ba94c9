/* One formatter for findings and errors: the clang-style line the CLI prints, and the
 * bindings too, so every front end says the same thing the same way. */
#include <stdio.h>
#include <string.h>

#include "findings/findings.h"
#include "util/buf.h"

#define KNOWN_FLAGS (GOVINFO_FORMAT_EN | GOVINFO_FORMAT_NO_LOCATION | GOVINFO_FORMAT_LONG)

/* "file:line:column: ", as much as is known; nothing when nothing is. */
static void put_location(gi_buf *b, const char *file, unsigned line, unsigned column) {
  if (line == 0) {
    if (file[0]) gi_buf_puts_escaped(b, file), gi_buf_puts(b, ": ");
    return;
  }
  gi_buf_puts_escaped(b, file[0] ? file : "<input>");
  if (column) gi_buf_printf(b, ":%u:%u: ", line, column);
  else gi_buf_printf(b, ":%u: ", line);
}

/* The message in the chosen language, the other one when it has none. */
static const char *message_in(const char *zh, const char *en, unsigned flags) {
  const char *chosen = flags & GOVINFO_FORMAT_EN ? en : zh;
  const char *other = flags & GOVINFO_FORMAT_EN ? zh : en;
  return chosen && chosen[0] ? chosen : other ? other : "";
}

static int check_args(char **out, const void *what, unsigned flags) {
  if (out) *out = NULL;
  if (out == NULL || what == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  if (flags & ~KNOWN_FLAGS) return gi_fail(GOVINFO_EINVAL, "unknown flags 0x%x", flags);
  return GOVINFO_OK;
}

int govinfo_diagnostic_format(char **out, size_t *len, const govinfo_diagnostic *d,
                              const char *file, unsigned flags) {
  int rc = check_args(out, d, flags);
  if (rc) return rc;
  gi_buf b = {0};
  if (!(flags & GOVINFO_FORMAT_NO_LOCATION))
    put_location(&b, file ? file : d->file, d->line, d->column);
  /* keys and marks quoted in messages may hold ESC or BEL: never echoed raw */
  gi_buf_printf(&b, "%s: ", govinfo_severity_name(d->severity));
  gi_buf_puts_escaped(&b, message_in(d->message, d->message_en, flags));
  gi_buf_printf(&b, " [%s]", govinfo_diagnostic_rule(d));
  if (flags & GOVINFO_FORMAT_LONG) gi_buf_printf(&b, " {%s}", govinfo_diagnostic_fingerprint(d));
  return gi_buf_finish(&b, out, len);
}

int govinfo_error_format(char **out, size_t *len, const govinfo_error *e, const char *file,
                         unsigned flags) {
  int rc = check_args(out, e, flags);
  if (rc) return rc;
  gi_buf b = {0};
  if (!(flags & GOVINFO_FORMAT_NO_LOCATION))
    put_location(&b, file ? file : e->source ? e->source : "", e->line, e->column);
  /* Chinese when the record has it (one filled in by hand may not) */
  bool zh = !(flags & GOVINFO_FORMAT_EN) && e->message_zh && e->message_zh[0];
  const char *message = zh                            ? e->message_zh
                        : e->message && e->message[0] ? e->message
                                                      : govinfo_strerror(e->code);
  gi_buf_printf(&b, "%s: ", govinfo_severity_name(GOVINFO_SEVERITY_ERROR));
  gi_buf_puts_escaped(&b, message);
  if (e->path && e->path[0])
    gi_buf_puts(&b, zh ? "（位置 " : " (at "), gi_buf_puts_escaped(&b, e->path),
        gi_buf_puts(&b, zh ? "）" : ")");
  return gi_buf_finish(&b, out, len);
}
