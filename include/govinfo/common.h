/* libgovinfo: status codes, error details, memory and version.
 *
 * Conventions used by every header of the library:
 * - Functions return int: 0 (GOVINFO_OK) on success, a negative GOVINFO_E* code on failure.
 *   After a failure, govinfo_error_last() describes it; the record belongs to the calling thread.
 * - Output parameters come first. On failure they are left NULL / untouched.
 * - Ownership is stated on each function: "new" (the caller frees it with the named
 *   function), "borrowed" (owned by the object it came from, valid until that object is
 *   changed or freed) or "static" (valid for the life of the process).
 * - Every *_free(NULL) is a no-op. Strings and buffers handed to the caller are released
 *   with govinfo_free().
 */
#ifndef GOVINFO_COMMON_H
#define GOVINFO_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(GOVINFO_BUILDING) && defined(__GNUC__)
#define GOVINFO_API __attribute__((visibility("default")))
#else
#define GOVINFO_API
#endif

/* Status codes. The list only ever grows; a code's value never changes. */
#define GOVINFO_ERRNO_MAP(X)                                                                       \
  X(OK, 0, "success")                                                                              \
  X(ENOMEM, -1, "out of memory")                                                                   \
  X(EINVAL, -2, "invalid argument")                                                                \
  X(EIO, -3, "input/output error")                                                                 \
  X(EPARSE, -4, "malformed document")                                                              \
  X(ESCHEMA, -5, "document does not have the shape of a report")                                   \
  X(ENOTFOUND, -6, "no such format, table, row, column, section or rule")                          \
  X(ETYPE, -7, "wrong kind of value")                                                              \
  X(ERANGE, -8, "number out of range")

enum govinfo_status {
#define GOVINFO_STATUS_ENUM_(name, value, text) GOVINFO_##name = (value),
  GOVINFO_ERRNO_MAP(GOVINFO_STATUS_ENUM_)
#undef GOVINFO_STATUS_ENUM_
};

/* Details of the last failure on the calling thread. Library-owned: never allocate one,
 * never free one. Fields may be appended in later versions. Strings are never NULL. */
typedef struct govinfo_error {
  int code;            /* the GOVINFO_E* code returned, 0 if no failure was recorded */
  const char *message; /* English, one line */
  const char *source;  /* file or source name, "" when unknown */
  unsigned line;       /* 1-based; 0 when unknown */
  unsigned column;     /* 1-based, in bytes; 0 when unknown */
  size_t offset;       /* byte offset into the document */
  const char *path;    /* RFC 6901 JSON Pointer of the offending value, "" when none */
  /* Appended in 0.2 (EXPERIMENTAL): the message in Chinese; the English one where the
   * catalog has no translation. May be NULL in a record a caller filled in by hand. */
  const char *message_zh;
} govinfo_error;

/* Borrowed, per thread: valid until the next libgovinfo call on this thread. Never NULL. */
GOVINFO_API const govinfo_error *govinfo_error_last(void);
GOVINFO_API void govinfo_error_clear(void);

/* Static strings: a description ("out of memory") and the name ("GOVINFO_ENOMEM") of a
 * code; unknown codes give "unknown error" and "GOVINFO_EUNKNOWN". */
GOVINFO_API const char *govinfo_strerror(int code);
GOVINFO_API const char *govinfo_error_name(int code);

/* Flags of the formatters (govinfo_error_format, govinfo_diagnostic_format). */
#define GOVINFO_FORMAT_EN 0x1u          /* English (default: Chinese, where a message has it) */
#define GOVINFO_FORMAT_NO_LOCATION 0x2u /* leave out the leading "file:line:column: " */
#define GOVINFO_FORMAT_LONG 0x4u        /* findings: append the fingerprint, " {0123abcd...}" */

/* An error as one clang-style line, the way the CLI prints it, in Chinese (message_zh)
 * unless flags has GOVINFO_FORMAT_EN:
 * "file:line:column: error: message (at /json/pointer)"; the location says as much as is
 * known ("file: ", "file:line: "). `file` names the input in place of error->source (NULL:
 * error->source; "<input>" when both are empty and a line is known). New NUL-terminated
 * string in *out (length in *len if len is not NULL); free it with govinfo_free(). */
GOVINFO_API int govinfo_error_format(char **out, size_t *len, const govinfo_error *error,
                                     const char *file, unsigned flags);

/* EXPERIMENTAL: "did you mean …?" — the word of the NULL-terminated list `candidates` closest
 * to a misspelt `word` (an edit distance of 1 for words under 6 bytes, else a quarter of the
 * word plus 1), NULL when none is close. Borrowed: one of the candidates. */
GOVINFO_API const char *govinfo_suggest(const char *word, const char *const *candidates);

/* Releases memory the library handed to the caller (strings, serialized documents). */
GOVINFO_API void govinfo_free(void *p);

/* Run-time version of the library (compare with GOVINFO_VERSION_* of version.h). */
GOVINFO_API const char *govinfo_version_string(void);
GOVINFO_API int govinfo_version_number(void);

#ifdef __cplusplus
}
#endif
#endif
