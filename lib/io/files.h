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

/* Writing a file that is named only once it is whole, so that a process killed meanwhile,
 * even by SIGKILL, leaves nothing behind: gi_unnamed_open gives an unnamed file (O_TMPFILE,
 * read and write) in path's directory, or -1 with errno where there is none (the caller
 * then writes a named temporary file); gi_unnamed_publish flushes it to disk and puts it in
 * place of path (through a named temporary where the system cannot link it). The caller
 * closes fd either way; closed unpublished, it is gone. */
int gi_unnamed_open(const char *path);
int gi_unnamed_publish(int fd, const char *path);

#endif
