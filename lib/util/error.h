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

#endif
