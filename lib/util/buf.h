/* A growable byte buffer. An allocation failure is remembered and reported once, at
 * gi_buf_finish(), so writers need not check every append. */
#ifndef GI_UTIL_BUF_H
#define GI_UTIL_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct gi_buf {
  char *data;
  size_t len, cap;
  bool failed; /* an allocation failed; later appends are ignored */
} gi_buf;

void gi_buf_append(gi_buf *b, const char *s, size_t n);
void gi_buf_puts(gi_buf *b, const char *s);
/* gi_buf_puts with control characters written as \xNN (see gi_escape_controls). */
void gi_buf_puts_escaped(gi_buf *b, const char *s);
void gi_buf_printf(gi_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the NUL-terminated contents to the caller, or GOVINFO_ENOMEM (buffer freed). */
int gi_buf_finish(gi_buf *b, char **out, size_t *len);
void gi_buf_free(gi_buf *b);

#endif
