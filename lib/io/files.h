/* Whole files in; files out atomically. Every reader of files in the library (reports,
 * imported documents) goes through gi_read_file. */
#ifndef GI_IO_FILES_H
#define GI_IO_FILES_H

#include <stddef.h>

/* Reads a whole file into a new buffer (malloc, NUL-terminated; *len without the NUL). Reads
 * to the end, so pipes and growing files work too. GOVINFO_EIO with the system's reason, or
 * GOVINFO_ENOMEM. */
int gi_read_file(const char *path, char **out, size_t *len);

#endif
