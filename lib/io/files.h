/* Whole files in; files out atomically. Every reader of files in the library (reports,
 * imported documents) goes through gi_read_file. */
#ifndef GI_IO_FILES_H
#define GI_IO_FILES_H

#include <stddef.h>

#include "govinfo/io.h"

/* Reads a whole file into a new buffer (malloc; *len bytes). Reads to the end, so pipes and
 * growing files work too, but at most max bytes (0: GOVINFO_MAX_INPUT_BYTES_DEFAULT).
 * GOVINFO_EIO with the system's reason or the limit, or GOVINFO_ENOMEM. */
int gi_read_file(const char *path, char **out, size_t *len, size_t max);
/* Records that `source` is larger than max bytes (GOVINFO_EIO, naming the limit). */
int gi_input_too_large(const char *source, size_t max);

#endif
