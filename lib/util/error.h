/* Error details for govinfo_error_last(): every failure inside the library is recorded
 * through these, in the calling thread's record. */
#ifndef GI_UTIL_ERROR_H
#define GI_UTIL_ERROR_H

#include <stddef.h>
#include <stdint.h>

#include "govinfo/common.h"

/* Where something was read from; line 0 = unknown. */
typedef struct gi_loc {
  uint32_t line;
  uint32_t column;
} gi_loc;

/* Records a failure for govinfo_error_last() and returns `code`. source, path may be NULL. */
int gi_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int gi_fail_at(int code, const char *source, gi_loc loc, size_t offset, const char *path,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Records an allocation failure; returns GOVINFO_ENOMEM (inline, so static analysis sees
 * the value every caller returns). */
void gi_record_oom(void);
static inline int gi_fail_oom(void) {
  gi_record_oom();
  return GOVINFO_ENOMEM;
}
/* GOVINFO_EIO for an operating-system error `err` (an errno value) on `path`: the message is
 * fmt's text, then the system's reason (thread-safe, unlike strerror). */
int gi_fail_os(const char *path, int err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The Chinese of an English message produced from the format fmt (NULL: unknown), from the
 * catalog in messages_zh.c; the English itself where it has no entry. */
void gi_message_zh(char *out, size_t size, const char *fmt, const char *message);
/* The catalog's Chinese format for an English one, NULL when it has none (for tests). */
const char *gi_message_zh_lookup(const char *fmt);
size_t gi_message_zh_count(void);

#endif
