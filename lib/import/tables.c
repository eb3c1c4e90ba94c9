/* Where each table is printed: its section, and for table 2's parts their captions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/tables.h"

void gi_report_table_missing(gi_import *im, const struct govinfo_table *def, gi_loc loc) {
  char path[128], zh[512], en[256], name[256];
  snprintf(path, sizeof path, "/tables/%s", def->id);
  gi_table_name_zh(im->format, def, name, sizeof name);
  snprintf(zh, sizeof zh, "未找到%s", name);
  snprintf(en, sizeof en, "table %s (%s) was not found", def->id, def->title);
  const char *paths[1] = {path};
  gi_import_finding(im, GI_RULE_IMPORT_TABLE_MISSING, loc, paths, 1, zh, en);
}

/* ---- regions of the tables ---- */

/* Lines of the section a table is printed in: from its heading to the next heading found. */
static void section_lines(const gi_import *im, const char *section, size_t *from, size_t *to) {
  const struct govinfo_format *f = im->format;
  long s = gi_section_index(f, section, strlen(section));
  *from = 0;
  *to = im->body_end;
  for (long k = s; k >= 0; k--)
    if (im->heading[k] != GI_NO_LINE) {
      *from = im->heading[k] + 1;
      break;
    }
  if (*from == 0) *from = im->title_end;
  for (size_t k = (size_t)s + 1; k < f->nsections; k++)
    if (im->heading[k] != GI_NO_LINE && im->heading[k] >= *from) {
      *to = im->heading[k];
      break;
    }
}

/* Captioned tables (table 2's parts): the line holding each caption, in order. */
static size_t find_caption(const gi_import *im, const struct govinfo_table *def, size_t from,
                           size_t to) {
  int32_t want[KEY_MAX], have[KEY_MAX];
  size_t nw = gi_printed_label_key(def->title, want);
  size_t head = nw < 4 ? nw : 4; /* the caption must start on its line */
  for (size_t l = from; l < to; l++) {
    size_t first = gi_doc_line_key(&im->doc, l, have, KEY_MAX);
    if (first == 0 || !gi_key_contains(have, first, want, head)) continue;
    /* a caption may wrap: look at the line and the next one together */
    size_t nh =
        first + (l + 1 < to ? gi_doc_line_key(&im->doc, l + 1, have + first, KEY_MAX - first) : 0);
    if (gi_key_contains(have, nh, want, nw)) return l;
  }
  return GI_NO_LINE;
}

/* Tables that share a section (table 2's parts) are told apart by their printed captions. */
static bool has_caption(const struct govinfo_format *f, const struct govinfo_table *def) {
  size_t n = 0;
  for (size_t j = 0; j < f->ntables; j++) n += strcmp(f->tables[j].section, def->section) == 0;
  return n > 1;
}

void gi_import_tables(gi_import *im) {
  const struct govinfo_format *f = im->format;
  for (size_t s = 0; s < f->nsections; s++) im->table_start[s] = im->table_end[s] = GI_NO_LINE;
  size_t caption[GI_MAX_TABLES];
  for (size_t i = 0; i < f->ntables; i++) {
    size_t from, to;
    section_lines(im, f->tables[i].section, &from, &to);
    caption[i] =
        has_caption(f, &f->tables[i]) ? find_caption(im, &f->tables[i], from, to) : GI_NO_LINE;
  }
  for (size_t i = 0; i < f->ntables && im->status == GOVINFO_OK; i++) {
    const struct govinfo_table *def = &f->tables[i];
    size_t from, to;
    section_lines(im, def->section, &from, &to);
    long s = gi_section_index(f, def->section, strlen(def->section));
    size_t start = from;
    if (has_caption(f, def)) {
      size_t at = caption[i];
      if (at == GI_NO_LINE) {
        gi_report_table_missing(im, def, im->doc.lines[from < im->doc.nlines ? from : 0].loc);
        continue;
      }
      /* up to the next caption of this section, if any */
      size_t end = to;
      for (size_t j = 0; j < f->ntables; j++)
        if (j != i && caption[j] != GI_NO_LINE && caption[j] > at && caption[j] < end &&
            strcmp(f->tables[j].section, def->section) == 0)
          end = caption[j];
      start = at;
      from = at + 1;
      to = end;
    }
    if (s >= 0 && (im->table_start[s] == GI_NO_LINE || start < im->table_start[s]))
      im->table_start[s] = start;
    size_t last = gi_read_table(im, i, from, to);
    if (s >= 0 && last != GI_NO_LINE && (im->table_end[s] == GI_NO_LINE || last > im->table_end[s]))
      im->table_end[s] = last;
  }
}
