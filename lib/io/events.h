/* The events both readers (JSON and YAML) turn their text into, and the one builder that
 * turns events into a report, so the shape rules, paths and messages exist once. */
#ifndef GI_IO_EVENTS_H
#define GI_IO_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "govinfo/report.h"
#include "util/error.h"

/* One flat list in document order (YAML's event model: a mapping is MAP, then key and value
 * pairs, then END). */
typedef enum gi_event_type {
  GI_EV_MAP, /* start of a mapping / JSON object */
  GI_EV_SEQ, /* start of a sequence / JSON array */
  GI_EV_END, /* end of the innermost mapping or sequence */
  GI_EV_SCALAR
} gi_event_type;

typedef enum gi_scalar_style {
  GI_SCALAR_STRING, /* JSON string, or YAML quoted or block scalar: always text */
  GI_SCALAR_PLAIN,  /* YAML plain scalar: typed by its content (null, number, text) */
  GI_SCALAR_NUMBER, /* JSON number; text is its raw source text */
  GI_SCALAR_NULL,   /* JSON null */
  GI_SCALAR_BOOL    /* JSON true / false */
} gi_scalar_style;

typedef struct gi_event {
  uint8_t type;           /* gi_event_type */
  uint8_t style;          /* gi_scalar_style, for scalars */
  bool owned;             /* text is malloc'd and the builder may take it */
  bool utf8;              /* text is known to be valid UTF-8 (libyaml checks its input) */
  uint8_t layout;         /* scalars: how the text lies in the source (gi_text_layout) */
  uint16_t layout_column; /* with it: see gi_text_map in model/report.h */
  char *text;             /* scalar text (not NUL-terminated unless owned), NULL otherwise */
  size_t len;
  gi_loc loc;    /* where the node starts */
  size_t offset; /* byte offset where the node starts */
} gi_event;

/* A new zeroed event at the end of a growing list (*cap > 0 to start); NULL when out of
 * memory (error recorded). */
gi_event *gi_event_append(gi_event **events, size_t *n, size_t *cap);

/* The RFC 6901 JSON Pointer, into out, of the node whose event is at index `at` of the
 * `count` events. A key names its value. With at == count (a reader stopped by a syntax
 * error), the value the error follows, else the mapping or list it is in. */
void gi_event_pointer(const gi_event *events, size_t count, size_t at, char *out, size_t size);

/* Builds a report from events[0..n). Takes the text of owned events it keeps (setting their
 * text to NULL); the caller frees the rest. Errors: GOVINFO_ESCHEMA, GOVINFO_ERANGE,
 * GOVINFO_ETYPE or GOVINFO_ENOMEM with source, location and JSON Pointer. */
int gi_document_build(govinfo_report **out, gi_event *events, size_t n, const char *source);

#endif
