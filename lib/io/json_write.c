/* Writes the canonical JSON form: a cJSON tree in canonical order, printed by cJSON. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/io.h"
#include "model/report.h"
#include "util/error.h"
#include "util/text.h"

/* Adds item under a static key; frees it when that fails. */
static bool add(cJSON *object, const char *key, cJSON *item) {
  if (item == NULL) return false;
  if (cJSON_AddItemToObjectCS(object, key, item)) return true;
  cJSON_Delete(item);
  return false;
}

static bool append(cJSON *array, cJSON *item) {
  if (item == NULL) return false;
  if (cJSON_AddItemToArray(array, item)) return true;
  cJSON_Delete(item);
  return false;
}

/* Strings are references: the report outlives the tree. */
static cJSON *text(const char *s) { return cJSON_CreateStringReference(s); }

static cJSON *cell_json(const gi_cell *c) {
  char number[GOVINFO_NUMBER_BUFSIZE];
  switch (c->state) {
  case GOVINFO_CELL_NUMBER:
    gi_decimal_format(&c->number, number);
    return cJSON_CreateRaw(number);
  case GOVINFO_CELL_MARK:
    return text(c->mark);
  default:
    return cJSON_CreateNull();
  }
}

static bool row_has_cells(const govinfo_report *r, size_t t, size_t row) {
  for (size_t c = 0; c < r->format->tables[t].ncolumns; c++)
    if (gi_report_cell(r, t, row, c)->state != GOVINFO_CELL_ABSENT) return true;
  return false;
}

static cJSON *row_json(const govinfo_report *r, size_t t, size_t row) {
  const struct govinfo_table *tb = &r->format->tables[t];
  cJSON *o = cJSON_CreateObject();
  for (size_t c = 0; o != NULL && c < tb->ncolumns; c++) {
    const gi_cell *cell = gi_report_cell(r, t, row, c);
    if (cell->state != GOVINFO_CELL_ABSENT && !add(o, tb->columns[c].id, cell_json(cell))) {
      cJSON_Delete(o);
      o = NULL;
    }
  }
  return o;
}

/* The table's non-empty rows; *empty tells whether there were none. */
static cJSON *table_json(const govinfo_report *r, size_t t, bool *empty) {
  const struct govinfo_table *tb = &r->format->tables[t];
  cJSON *o = cJSON_CreateObject();
  *empty = true;
  for (size_t row = 0; o != NULL && row < tb->nrows; row++) {
    if (!row_has_cells(r, t, row)) continue;
    *empty = false;
    if (!add(o, tb->rows[row].id, row_json(r, t, row))) {
      cJSON_Delete(o);
      o = NULL;
    }
  }
  return o;
}

static bool add_tables(cJSON *root, const govinfo_report *r) {
  cJSON *tables = cJSON_CreateObject();
  if (!add(root, "tables", tables)) return false;
  for (size_t t = 0; t < r->format->ntables; t++) {
    bool empty;
    cJSON *table = table_json(r, t, &empty);
    if (table == NULL) return false;
    if (empty) cJSON_Delete(table);
    else if (!add(tables, r->format->tables[t].id, table)) return false;
  }
  return true;
}

static bool add_sections(cJSON *root, const govinfo_report *r) {
  cJSON *list = cJSON_CreateArray();
  if (!add(root, "sections", list)) return false;
  for (size_t i = 0; i < r->nsections; i++) {
    const gi_section *s = &r->sections[i];
    cJSON *o = cJSON_CreateObject();
    if (!append(list, o) || !add(o, "id", text(r->format->sections[s->def].id)) ||
        !add(o, "title", text(s->title)) || !add(o, "text", text(s->text)))
      return false;
  }
  return true;
}

static bool add_header(cJSON *root, const govinfo_report *r) {
  if (!add(root, "format", text(r->format->id))) return false;
  if (r->year != 0) {
    char year[16];
    snprintf(year, sizeof year, "%d", r->year);
    if (!add(root, "year", cJSON_CreateRaw(year))) return false;
  }
  for (int m = 0; m < GI_META_COUNT_; m++) /* gi_meta is in canonical order */
    if (r->meta[m] != NULL && !add(root, gi_meta_defs[m].key, text(r->meta[m]))) return false;
  return true;
}

/* Room cJSON is likely to need, so it seldom grows its buffer. */
static int print_estimate(const govinfo_report *r) {
  size_t n = 1024 + gi_format_cell_count(r->format) * 24;
  for (size_t i = 0; i < r->nsections; i++)
    n += strlen(r->sections[i].text) + strlen(r->sections[i].title) + 64;
  n += n / 8; /* escapes */
  return n > (size_t)1 << 30 ? 1 << 30 : (int)n;
}

int gi_json_write(char **out, size_t *len, const govinfo_report *r) {
  cJSON *root = cJSON_CreateObject();
  char *printed = NULL;
  if (root != NULL && add_header(root, r) && add_sections(root, r) && add_tables(root, r))
    printed = cJSON_PrintBuffered(root, print_estimate(r), 1);
  cJSON_Delete(root);
  if (printed == NULL) return gi_fail_oom();
  /* Copied so the caller frees it with govinfo_free() whatever allocator cJSON uses. */
  size_t n = strlen(printed);
  char *doc = malloc(n + 2);
  if (doc != NULL) {
    memcpy(doc, printed, n);
    doc[n] = '\n';
    doc[n + 1] = '\0';
  }
  cJSON_free(printed);
  if (doc == NULL) return gi_fail_oom();
  *out = doc;
  if (len) *len = n + 1;
  return GOVINFO_OK;
}
