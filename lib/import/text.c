/* The plain-text front end: pdftotext output (reading order or -layout) and other text, one
 * document line per line. */
#include <string.h>

#include "import/doc.h"

int gi_read_text(gi_doc *doc, const char *buf, size_t len) {
  uint32_t line_no = 1;
  size_t i = 0;
  while (i < len) {
    const char *nl = memchr(buf + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - buf) : len;
    size_t start = i;
    /* pdftotext ends each page with a form feed, at the start of the next page's first line. */
    while (start < end && buf[start] == '\f') {
      if (!gi_doc_add_break(doc, (gi_loc){line_no, (uint32_t)(start - i + 1)}))
        return GOVINFO_ENOMEM;
      start++;
    }
    size_t stop = end;
    if (stop > start && buf[stop - 1] == '\r') stop--;
    if (!gi_doc_add_text(doc, buf + start, stop - start,
                         (gi_loc){line_no, (uint32_t)(start - i + 1)}))
      return GOVINFO_ENOMEM;
    i = end + 1;
    line_no++;
  }
  return GOVINFO_OK;
}
