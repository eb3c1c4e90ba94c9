/* Reading the parts of an Office Open XML package (.docx, .xlsx): a zip archive, read with
 * libzip under bounds, so that a hostile archive (a zip bomb, millions of entries) is refused
 * with a clear error instead of exhausting memory. */
#ifndef GI_OFFICE_ZIP_H
#define GI_OFFICE_ZIP_H

#include <stdbool.h>
#include <stddef.h>

#define GI_ZIP_MAX_ENTRIES 4096              /* entries of an archive */
#define GI_ZIP_MAX_PART ((size_t)64 << 20)   /* uncompressed bytes of one part */
#define GI_ZIP_MAX_TOTAL ((size_t)256 << 20) /* uncompressed bytes read from one archive */
#define GI_ZIP_MAX_RATIO 400                 /* uncompressed / compressed, past 1 MiB */

typedef struct gi_zip gi_zip;

/* True when buf starts with a zip signature ("PK\3\4"). */
static inline bool gi_zip_signature(const char *buf, size_t len) {
  return len >= 4 && buf[0] == 'P' && buf[1] == 'K' && buf[2] == 3 && buf[3] == 4;
}

/* Opens the archive held in buf[0..len) (borrowed: it must outlive the archive). source names
 * it in errors. GOVINFO_EPARSE for a damaged archive or one with too many entries. */
int gi_zip_open(gi_zip **out, const char *buf, size_t len, const char *source);
void gi_zip_close(gi_zip *z);

/* Whether the archive holds a part of that name. */
bool gi_zip_has(gi_zip *z, const char *name);

/* Reads part `name` whole into *data (new, NUL-terminated; free()), its length in *len.
 * GOVINFO_ENOTFOUND when there is no such part; GOVINFO_EPARSE when it is damaged, larger
 * than GI_ZIP_MAX_PART, compressed more than GI_ZIP_MAX_RATIO times (a zip bomb), or would
 * take the bytes read from the archive past GI_ZIP_MAX_TOTAL. */
int gi_zip_read(gi_zip *z, const char *name, char **data, size_t *len);

#endif
