/* The import in progress: reporting its findings. */
#include "import/import.h"

void gi_import_finding(gi_import *im, gi_rule rule, gi_loc loc, const char *const *paths,
                       size_t npaths, const char *zh, const char *en) {
  if (im->status != GOVINFO_OK) return;
  if (gi_diagnostics_add(im->findings, rule, loc, paths, npaths, zh, en) != GOVINFO_OK)
    im->status = GOVINFO_ENOMEM;
}
