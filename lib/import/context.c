/* The import in progress: reporting its findings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"

/* The page a line of pdftotext output is on (0-based) and the line on it (1-based). */
static size_t page_of(const gi_import *im, uint32_t line, uint32_t *on_page) {
  size_t lo = 0, hi = im->npages;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (im->page_first_line[mid] <= line) lo = mid;
    else hi = mid;
  }
  *on_page = line - im->page_first_line[lo] + 1;
  return lo;
}

void gi_import_finding(gi_import *im, gi_rule rule, gi_loc loc, const char *const *paths,
                       size_t npaths, const char *zh, const char *en) {
  if (im->status != GOVINFO_OK) return;
  char *zh_paged = NULL, *en_paged = NULL;
  if (im->npages > 0 && loc.line > 0) { /* PDF: where it is on the printed pages */
    uint32_t on_page;
    size_t page = page_of(im, loc.line, &on_page) + 1;
    size_t nz = strlen(zh) + 64, ne = strlen(en) + 64;
    zh_paged = malloc(nz);
    en_paged = malloc(ne);
    if (zh_paged == NULL || en_paged == NULL) {
      free(zh_paged), free(en_paged);
      im->status = gi_fail_oom();
      return;
    }
    snprintf(zh_paged, nz, "%s（第%zu页第%u行）", zh, page, on_page);
    snprintf(en_paged, ne, "%s (page %zu, line %u)", en, page, on_page);
    zh = zh_paged;
    en = en_paged;
  }
  if (gi_diagnostics_add(im->findings, rule, loc, paths, npaths, zh, en) != GOVINFO_OK)
    im->status = GOVINFO_ENOMEM;
  free(zh_paged);
  free(en_paged);
}
