/* libgovinfo: reading and writing reports as JSON and YAML.
 *
 * Both forms hold the same document: metadata keys, "sections" (a list of {id, title, text})
 * and "tables" -> table id -> row id -> column id -> cell, so a cell's JSON Pointer reads
 * like its id: /tables/table3/new_received/natural_person. A number is a number, a blank
 * cell is null, a mark is a string, an absent cell is simply not there.
 *
 * Output is canonical: fixed key order and formatting, so load -> save -> load gives an
 * equal report and saving again is byte-identical.
 */
#ifndef GOVINFO_IO_H
#define GOVINFO_IO_H

#include "common.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum govinfo_syntax {
  GOVINFO_SYNTAX_AUTO = 0, /* reading: from the path's extension, else the first character */
  GOVINFO_SYNTAX_JSON = 1,
  GOVINFO_SYNTAX_YAML = 2
} govinfo_syntax;

/* Flags for writing. */
/* YAML: the Chinese label of each row and column as a comment */
#define GOVINFO_WRITE_LABELS 0x1u

/* Reads a report from memory (buf need not be NUL-terminated). source_name (may be NULL)
 * is used in error details and diagnostics. New report in *out. Malformed text:
 * GOVINFO_EPARSE; wrong shape (unknown or duplicate key, wrong type, unknown id, number too
 * large): GOVINFO_ESCHEMA or GOVINFO_ERANGE, with line, column and JSON Pointer in
 * govinfo_error_last(). */
GOVINFO_API int govinfo_report_parse(govinfo_report **out, const char *buf, size_t len,
                                     govinfo_syntax syntax, const char *source_name);
/* The input size limit of every reader of files and streams (reports, imports, batches):
 * 64 MiB, far above any published report. A larger input fails with GOVINFO_EIO and a
 * message naming the limit; the importer and the batch runner raise it through their
 * options' max_input_bytes. */
#define GOVINFO_MAX_INPUT_BYTES_DEFAULT ((size_t)64 << 20)

/* Reads a file ("-" is not special here). GOVINFO_EIO when it cannot be read or is larger
 * than GOVINFO_MAX_INPUT_BYTES_DEFAULT. */
GOVINFO_API int govinfo_report_load(govinfo_report **out, const char *path, govinfo_syntax syntax);

/* Writes the canonical form into a new NUL-terminated buffer (*len without the NUL; len may
 * be NULL); free it with govinfo_free(). syntax must be JSON or YAML. */
GOVINFO_API int govinfo_report_serialize(char **out, size_t *len, const govinfo_report *report,
                                         govinfo_syntax syntax, unsigned flags);
/* Writes a file atomically: into a temporary file beside it, then renamed over it, so a
 * failure never leaves it half-written. GOVINFO_SYNTAX_AUTO picks by extension. */
GOVINFO_API int govinfo_report_save(const govinfo_report *report, const char *path,
                                    govinfo_syntax syntax, unsigned flags);

/* JSON for ".json", YAML for ".yaml"/".yml", AUTO otherwise. */
GOVINFO_API govinfo_syntax govinfo_syntax_from_path(const char *path);
/* Writes len bytes to path atomically (temporary file + rename). */
GOVINFO_API int govinfo_write_file_atomic(const char *path, const char *data, size_t len);

#ifdef __cplusplus
}
#endif
#endif
