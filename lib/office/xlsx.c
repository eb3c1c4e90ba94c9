/* Reading Excel workbooks (.xlsx): workbook, relationships, shared strings, sheets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "office/ooxml.h"
#include "office/xlsx.h"
#include "util/error.h"
#include "util/text.h"

struct gi_xlsx {
  gi_zip *zip;
  const char *source;
  char **strings; /* shared strings */
  size_t nstrings;
  char **sheet_names, **sheet_parts;
  size_t nsheets;
};

void gi_xlsx_close(gi_xlsx *x) {
  if (x == NULL) return;
  for (size_t i = 0; i < x->nstrings; i++) free(x->strings[i]);
  for (size_t i = 0; i < x->nsheets; i++) free(x->sheet_names[i]), free(x->sheet_parts[i]);
  free(x->strings);
  free(x->sheet_names);
  free(x->sheet_parts);
  gi_zip_close(x->zip);
  free(x);
}

size_t gi_xlsx_sheet_count(const gi_xlsx *x) { return x->nsheets; }

bool gi_xlsx_ref(const char *ref, uint32_t *row, uint32_t *col) {
  uint32_t c = 0, r = 0;
  size_t i = 0;
  while (ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) c = c * 26 + (uint32_t)(ref[i++] - 'A' + 1);
  if (c == 0 || !(ref[i] >= '1' && ref[i] <= '9')) return false;
  for (; ref[i] >= '0' && ref[i] <= '9'; i++) {
    if (r > 10000000) return false;
    r = r * 10 + (uint32_t)(ref[i] - '0');
  }
  if (ref[i] != '\0') return false;
  *row = r;
  *col = c;
  return true;
}

/* The text gathered in b as a string of its own size; b is freed. */
static char *buf_string(gi_buf *b) {
  char *s = b->failed ? NULL : gi_strndup(b->data ? b->data : "", b->len);
  gi_buf_free(b);
  return s;
}

static int read_shared_strings(gi_xlsx *x) {
  xmlDocPtr doc;
  int rc = gi_ooxml_part(x->zip, "xl/sharedStrings.xml", x->source, true, &doc);
  if (rc == GOVINFO_ENOTFOUND) return GOVINFO_OK;
  if (rc != GOVINFO_OK) return rc;
  xmlNode *root = xmlDocGetRootElement(doc);
  size_t n = 0;
  for (xmlNode *si = root ? root->children : NULL; si; si = si->next) n += gi_xml_is(si, "si");
  x->strings = calloc(n ? n : 1, sizeof *x->strings);
  if (x->strings == NULL) rc = gi_fail_oom();
  for (xmlNode *si = root ? root->children : NULL; rc == GOVINFO_OK && si; si = si->next) {
    if (!gi_xml_is(si, "si")) continue;
    gi_buf b = {0};
    gi_xml_text(si, "t", &b); /* plain <t> or the runs <r><t> of rich text */
    if ((x->strings[x->nstrings] = buf_string(&b)) == NULL) rc = gi_fail_oom();
    else x->nstrings++;
  }
  xmlFreeDoc(doc);
  return rc;
}

/* The part a relationship target names, from xl/: "worksheets/sheet1.xml" or
 * "/xl/worksheets/sheet1.xml". */
static char *part_of_target(const char *target) {
  if (target[0] == '/') return gi_strdup(target + 1);
  size_t n = strlen(target);
  char *s = malloc(n + 4);
  if (s) snprintf(s, n + 4, "xl/%s", target);
  return s;
}

static int read_workbook(gi_xlsx *x) {
  xmlDocPtr wb, rels;
  int rc = gi_ooxml_part(x->zip, "xl/workbook.xml", x->source, false, &wb);
  if (rc != GOVINFO_OK) return rc;
  rc = gi_ooxml_part(x->zip, "xl/_rels/workbook.xml.rels", x->source, false, &rels);
  if (rc != GOVINFO_OK) {
    xmlFreeDoc(wb);
    return rc;
  }
  xmlNode *sheets = gi_xml_child(xmlDocGetRootElement(wb), "sheets");
  size_t n = 0;
  for (xmlNode *s = sheets ? sheets->children : NULL; s; s = s->next) n += gi_xml_is(s, "sheet");
  x->sheet_names = calloc(n ? n : 1, sizeof *x->sheet_names);
  x->sheet_parts = calloc(n ? n : 1, sizeof *x->sheet_parts);
  if (!x->sheet_names || !x->sheet_parts) rc = gi_fail_oom();
  for (xmlNode *s = sheets ? sheets->children : NULL; rc == GOVINFO_OK && s; s = s->next) {
    if (!gi_xml_is(s, "sheet")) continue;
    const char *id = gi_xml_attr(s, "id"), *name = gi_xml_attr(s, "name");
    const char *target = NULL;
    for (xmlNode *r = xmlDocGetRootElement(rels)->children; r && id && !target; r = r->next)
      if (gi_xml_is(r, "Relationship") && gi_xml_attr(r, "Id") &&
          strcmp(gi_xml_attr(r, "Id"), id) == 0)
        target = gi_xml_attr(r, "Target");
    if (target == NULL) continue; /* a chart sheet or a broken link: nothing to read */
    x->sheet_names[x->nsheets] = gi_strdup(name ? name : "");
    x->sheet_parts[x->nsheets] = part_of_target(target);
    if (!x->sheet_names[x->nsheets] || !x->sheet_parts[x->nsheets]) rc = gi_fail_oom();
    x->nsheets++;
  }
  xmlFreeDoc(wb);
  xmlFreeDoc(rels);
  return rc;
}

int gi_xlsx_open(gi_xlsx **out, const char *buf, size_t len, const char *source) {
  *out = NULL;
  gi_xlsx *x = calloc(1, sizeof *x);
  if (x == NULL) return gi_fail_oom();
  x->source = source ? source : "";
  int rc = gi_zip_open(&x->zip, buf, len, source);
  if (rc == GOVINFO_OK && !gi_zip_has(x->zip, "xl/workbook.xml"))
    rc = gi_fail_at(GOVINFO_EPARSE, source, (gi_loc){0, 0}, 0, NULL,
                    "a zip archive without xl/workbook.xml is no Excel workbook (.xlsx)");
  if (rc == GOVINFO_OK) rc = read_workbook(x);
  if (rc == GOVINFO_OK) rc = read_shared_strings(x);
  if (rc != GOVINFO_OK) {
    gi_xlsx_close(x);
    return rc;
  }
  *out = x;
  return GOVINFO_OK;
}

void gi_xlsx_sheet_free(gi_xlsx_sheet *s) {
  if (s == NULL) return;
  for (size_t i = 0; i < s->ncells; i++) free(s->cells[i].text);
  free(s->cells);
  free(s->merges);
  free(s->name);
  free(s);
}

bool gi_xlsx_covered(const gi_xlsx_sheet *s, uint32_t row, uint32_t col) {
  for (size_t i = 0; i < s->nmerges; i++) {
    const gi_xlsx_merge *m = &s->merges[i];
    if (row >= m->first_row && row <= m->last_row && col >= m->first_col && col <= m->last_col)
      return row != m->first_row || col != m->first_col;
  }
  return false;
}

/* A number as Excel shows it: at most 15 significant digits ("96171.600000000006" is
 * 96171.6, the binary double Excel stored). Plain text stays as it is. */
static char *number_text(const char *v) {
  size_t digits = 0;
  bool plain = true;
  for (const char *p = v; *p; p++) {
    if (*p >= '0' && *p <= '9') digits += digits > 0 || *p != '0';
    else if (*p != '.' && *p != '-') plain = false;
  }
  if (!plain || digits <= 15) return gi_strdup(v);
  char out[64];
  snprintf(out, sizeof out, "%.15g", strtod(v, NULL));
  return gi_strdup(out);
}

static int add_cell(gi_xlsx_sheet *s, size_t *cap, uint32_t row, uint32_t col, char *text,
                    bool number) {
  if (text == NULL) return gi_fail_oom();
  if (s->ncells == *cap) {
    size_t n = *cap ? *cap * 2 : 256;
    gi_xlsx_cell *cells = realloc(s->cells, n * sizeof *cells);
    if (cells == NULL) {
      free(text);
      return gi_fail_oom();
    }
    s->cells = cells;
    *cap = n;
  }
  s->cells[s->ncells++] = (gi_xlsx_cell){row, col, text, number};
  return GOVINFO_OK;
}

static int read_cells(const gi_xlsx *x, xmlNode *data, gi_xlsx_sheet *s) {
  size_t cap = 0;
  uint32_t row = 0;
  for (xmlNode *r = data ? data->children : NULL; r; r = r->next) {
    if (!gi_xml_is(r, "row")) continue;
    const char *rn = gi_xml_attr(r, "r");
    row = rn ? (uint32_t)strtoul(rn, NULL, 10) : row + 1;
    uint32_t col = 0;
    for (xmlNode *c = r->children; c; c = c->next) {
      if (!gi_xml_is(c, "c")) continue;
      const char *ref = gi_xml_attr(c, "r"), *type = gi_xml_attr(c, "t");
      uint32_t rr = row, cc = col + 1;
      if (ref && !gi_xlsx_ref(ref, &rr, &cc))
        return gi_fail_at(GOVINFO_EPARSE, x->source, (gi_loc){row, 0}, 0, NULL,
                          "sheet %s: \"%s\" is no cell reference", s->name, ref);
      col = cc;
      gi_buf b = {0};
      bool number = type == NULL || strcmp(type, "n") == 0;
      if (type && strcmp(type, "inlineStr") == 0) {
        gi_xml_text(c, "t", &b);
      } else {
        gi_xml_text(c, "v", &b);
      }
      char *v = buf_string(&b);
      if (v == NULL) return gi_fail_oom();
      char *text = v;
      if (type && strcmp(type, "s") == 0) {
        char *end;
        unsigned long i = strtoul(v, &end, 10);
        text = *v && *end == '\0' && i < x->nstrings ? gi_strdup(x->strings[i]) : gi_strdup("");
        free(v);
      } else if (type && strcmp(type, "b") == 0) {
        text = gi_strdup(strcmp(v, "1") == 0 ? "TRUE" : "FALSE");
        free(v);
      } else if (number && v[0]) {
        text = number_text(v);
        free(v);
      }
      if (text && text[0] == '\0') { /* a styled cell without a value */
        free(text);
        continue;
      }
      int rc = add_cell(s, &cap, rr, cc, text, number);
      if (rc != GOVINFO_OK) return rc;
    }
  }
  return GOVINFO_OK;
}

static int read_merges(xmlNode *merges, gi_xlsx_sheet *s) {
  size_t n = 0;
  for (xmlNode *m = merges ? merges->children : NULL; m; m = m->next)
    n += gi_xml_is(m, "mergeCell");
  s->merges = calloc(n ? n : 1, sizeof *s->merges);
  if (s->merges == NULL) return gi_fail_oom();
  for (xmlNode *m = merges ? merges->children : NULL; m; m = m->next) {
    const char *ref = gi_xml_is(m, "mergeCell") ? gi_xml_attr(m, "ref") : NULL;
    const char *colon = ref ? strchr(ref, ':') : NULL;
    if (colon == NULL || colon - ref >= 16) continue;
    char first[16];
    memcpy(first, ref, (size_t)(colon - ref));
    first[colon - ref] = '\0';
    gi_xlsx_merge g;
    if (gi_xlsx_ref(first, &g.first_row, &g.first_col) &&
        gi_xlsx_ref(colon + 1, &g.last_row, &g.last_col) && g.last_row >= g.first_row &&
        g.last_col >= g.first_col)
      s->merges[s->nmerges++] = g;
  }
  return GOVINFO_OK;
}

int gi_xlsx_read_sheet(gi_xlsx *x, size_t i, gi_xlsx_sheet **out) {
  *out = NULL;
  if (i >= x->nsheets) return gi_fail(GOVINFO_EINVAL, "no sheet %zu", i);
  xmlDocPtr doc;
  int rc = gi_ooxml_part(x->zip, x->sheet_parts[i], x->source, false, &doc);
  if (rc != GOVINFO_OK) return rc;
  gi_xlsx_sheet *s = calloc(1, sizeof *s);
  if (s == NULL || (s->name = gi_strdup(x->sheet_names[i])) == NULL) {
    free(s);
    xmlFreeDoc(doc);
    return gi_fail_oom();
  }
  xmlNode *root = xmlDocGetRootElement(doc);
  rc = read_cells(x, gi_xml_child(root, "sheetData"), s);
  if (rc == GOVINFO_OK) rc = read_merges(gi_xml_child(root, "mergeCells"), s);
  xmlFreeDoc(doc);
  if (rc != GOVINFO_OK) {
    gi_xlsx_sheet_free(s);
    return rc;
  }
  *out = s;
  return GOVINFO_OK;
}
