/* Bounded reading of the parts of a zip archive (libzip). */
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "office/zip.h"
#include "util/error.h"

struct gi_zip {
  zip_t *archive;
  const char *source;
  size_t total; /* uncompressed bytes read so far */
};

int gi_zip_open(gi_zip **out, const char *buf, size_t len, const char *source) {
  *out = NULL;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t *src = zip_source_buffer_create(buf, len, 0, &error);
  zip_t *archive = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : NULL;
  if (archive == NULL) {
    int rc = zip_error_code_zip(&error) == ZIP_ER_MEMORY
                 ? gi_fail_oom()
                 : gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                              "not a readable zip archive (%s)", zip_error_strerror(&error));
    if (src) zip_source_free(src);
    zip_error_fini(&error);
    return rc;
  }
  zip_error_fini(&error);
  zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries < 0 || entries > GI_ZIP_MAX_ENTRIES) {
    zip_discard(archive);
    return gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                      "the zip archive has %lld entries, more than the %d a Word or Excel file "
                      "needs: refused",
                      (long long)entries, GI_ZIP_MAX_ENTRIES);
  }
  gi_zip *z = malloc(sizeof *z);
  if (z == NULL) {
    zip_discard(archive);
    return gi_fail_oom();
  }
  *z = (gi_zip){.archive = archive, .source = source ? source : ""};
  *out = z;
  return GOVINFO_OK;
}

void gi_zip_close(gi_zip *z) {
  if (z == NULL) return;
  zip_discard(z->archive);
  free(z);
}

bool gi_zip_has(gi_zip *z, const char *name) { return zip_name_locate(z->archive, name, 0) >= 0; }

static int refuse(const gi_zip *z, const char *name, const char *why) {
  return gi_fail_at(GOVINFO_EPARSE, z->source, (gi_loc){0, 0}, 0, NULL,
                    "part %s of the zip archive %s: refused (a damaged file or a zip bomb)", name,
                    why);
}

int gi_zip_read(gi_zip *z, const char *name, char **data, size_t *len) {
  *data = NULL;
  *len = 0;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z->archive, name, 0, &st) != 0)
    return gi_fail_at(GOVINFO_ENOTFOUND, z->source, (gi_loc){0, 0}, 0, NULL,
                      "the zip archive has no part %s", name);
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > GI_ZIP_MAX_PART)
    return refuse(z, name, "is larger than 64 MiB uncompressed");
  if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > ((zip_uint64_t)1 << 20) &&
      st.size / (st.comp_size ? st.comp_size : 1) > GI_ZIP_MAX_RATIO)
    return refuse(z, name, "is compressed more than 400 times");
  if (z->total + st.size > GI_ZIP_MAX_TOTAL)
    return refuse(z, name, "would take more than 256 MiB uncompressed in all");
  zip_file_t *f = zip_fopen(z->archive, name, 0);
  if (f == NULL) return refuse(z, name, "cannot be opened");
  char *buf = malloc((size_t)st.size + 2);
  if (buf == NULL) {
    zip_fclose(f);
    return gi_fail_oom();
  }
  /* read one byte more than declared: a part longer than its entry says is refused */
  zip_int64_t n = zip_fread(f, buf, st.size + 1);
  zip_fclose(f);
  if (n < 0 || (zip_uint64_t)n != st.size) {
    free(buf);
    return refuse(z, name, "does not hold the size its entry declares");
  }
  buf[n] = '\0';
  z->total += (size_t)n;
  *data = buf;
  *len = (size_t)n;
  return GOVINFO_OK;
}
