/* Small helpers for the XML parts of Office Open XML files (libxml2): parsing a part safely
 * (no network, no entity expansion) and walking elements by their local names. */
#ifndef GI_OFFICE_OOXML_H
#define GI_OFFICE_OOXML_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "office/zip.h"
#include "util/buf.h"

/* Reads and parses part `name` of the archive. GOVINFO_ENOTFOUND when absent (no error
 * recorded when `optional`), GOVINFO_EPARSE when it is no XML. */
int gi_ooxml_part(gi_zip *z, const char *name, const char *source, bool optional, xmlDocPtr *out);
/* An element with that local name (any namespace). */
bool gi_xml_is(const xmlNode *n, const char *local);
/* The value of the attribute with that local name, borrowed from the tree; NULL if none. */
const char *gi_xml_attr(const xmlNode *n, const char *local);
/* Appends the text of every descendant element named `local` (e.g. "t") to b, in order. */
void gi_xml_text(const xmlNode *n, const char *local, gi_buf *b);
/* The first child element with that local name, or NULL. */
xmlNode *gi_xml_child(const xmlNode *n, const char *local);

#endif
