/* Parsing and walking the XML parts of Office Open XML files. */
#include <libxml/parser.h>
#include <string.h>

#include "office/ooxml.h"
#include "util/error.h"

/* libxml2 reports what it meets (an undeclared namespace prefix, a warning) to the context's
 * structured handler, else on the host's stderr: here it is kept in the context only, where
 * xmlCtxtGetLastError finds the error that stopped a parse. Errors raised without a context
 * go to the thread's handler (thread-local in libxml2), set for the parse and put back. */
static void keep_quiet(void *ctxt, xmlErrorPtr error) { (void)ctxt, (void)error; }

int gi_ooxml_part(gi_zip *z, const char *name, const char *source, bool optional, xmlDocPtr *out) {
  *out = NULL;
  if (optional && !gi_zip_has(z, name)) return GOVINFO_ENOTFOUND;
  char *data;
  size_t len;
  int rc = gi_zip_read(z, name, &data, &len);
  if (rc != GOVINFO_OK) return rc;
  if (len > INT32_MAX) {
    free(data);
    return gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL, "part %s is too large",
                      name);
  }
  xmlInitParser();
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == NULL) {
    free(data);
    return gi_fail_oom();
  }
  ctxt->sax->serror = keep_quiet;
  ctxt->sax->initialized = XML_SAX2_MAGIC; /* so that libxml2 uses serror */
  xmlStructuredErrorFunc thread_handler = xmlStructuredError;
  void *thread_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(NULL, keep_quiet);
  *out = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
                               XML_PARSE_NOWARNING);
  xmlSetStructuredErrorFunc(thread_context, thread_handler);
  free(data);
  if (*out == NULL) {
    const xmlError *e = xmlCtxtGetLastError(ctxt);
    rc = e && e->code == XML_ERR_NO_MEMORY
             ? gi_fail_oom()
             : gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                          "part %s is not well-formed XML%s%.*s", name, e && e->message ? ": " : "",
                          e && e->message ? (int)strcspn(e->message, "\n") : 0,
                          e && e->message ? e->message : "");
  }
  xmlFreeParserCtxt(ctxt);
  return rc;
}

bool gi_xml_is(const xmlNode *n, const char *local) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

const char *gi_xml_attr(const xmlNode *n, const char *local) {
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (strcmp((const char *)a->name, local) == 0 && a->children &&
        a->children->type == XML_TEXT_NODE)
      return (const char *)a->children->content;
  return NULL;
}

void gi_xml_text(const xmlNode *n, const char *local, gi_buf *b) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (gi_xml_is(c, local)) {
      for (const xmlNode *t = c->children; t; t = t->next)
        if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
          gi_buf_puts(b, (const char *)t->content);
    } else {
      gi_xml_text(c, local, b);
    }
  }
}

xmlNode *gi_xml_child(const xmlNode *n, const char *local) {
  for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
    if (gi_xml_is(c, local)) return c;
  return NULL;
}
