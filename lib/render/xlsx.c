/* The report as an Excel workbook (libxlsxwriter). */
#include "render/page.h"
#include "util/error.h"

int gi_render_xlsx(const char *path, const gi_page *p) {
  (void)p;
  return gi_fail(GOVINFO_EINVAL, "cannot write %s: not yet", path);
}
