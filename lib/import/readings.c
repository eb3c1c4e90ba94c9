/* The readings of a table, tried in order (see import/tables.h), and writing what they read
 * into the report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/tables.h"

/* ---- writing cells and findings ---- */

static bool money_unit_matches(const struct govinfo_column *c, const char *unit) {
  return c->kind == GOVINFO_KIND_MONEY && strstr(c->label, unit) != NULL &&
         !(strcmp(unit, "元") == 0 && strstr(c->label, "万元") != NULL);
}

static void put_value(table_ctx *t, size_t row, size_t col, const item *it) {
  gi_cell *cell = gi_report_cell(t->im->report, t->table, row, col);
  const struct govinfo_column *c = &t->def->columns[col];
  bool unit_ok = it->unit == NULL ||
                 (c->kind != GOVINFO_KIND_MONEY && strcmp(it->unit, "元") != 0 &&
                  strcmp(it->unit, "万元") != 0) ||
                 money_unit_matches(c, it->unit);
  if (it->kind == VALUE_NUMBER && unit_ok) {
    gi_cell_set_number(cell, &it->number);
  } else if (it->kind == VALUE_BLANK) {
    gi_cell_set_blank(cell);
  } else { /* a mark, or an amount in another unit: kept as printed, never converted */
    char *mark = gi_strndup(it->tok->text, it->tok->len);
    if (mark == NULL) {
      t->im->status = GOVINFO_ENOMEM;
      return;
    }
    gi_cell_take_mark(cell, mark);
  }
  cell->loc = item_loc(it);
  if (it->line > t->last_line || t->last_line == GI_NO_LINE) t->last_line = it->line;
}

void gi_put_row(table_ctx *t, size_t printed_index, const item *values) {
  size_t row = t->printed[printed_index];
  for (size_t c = 0; c < t->def->ncolumns; c++) put_value(t, row, c, &values[c]);
  t->done[printed_index] = true;
}

void gi_table_name_zh(const struct govinfo_format *f, const struct govinfo_table *def, char *buf,
                      size_t size) {
  long s = gi_section_index(f, def->section, strlen(def->section));
  const char *number = s >= 0 ? f->sections[s].number : "";
  size_t in_section = 0;
  for (size_t j = 0; j < f->ntables; j++)
    in_section += strcmp(f->tables[j].section, def->section) == 0;
  /* table 2's parts are named by their captions, the others by their titles */
  snprintf(buf, size, in_section > 1 ? "表%s%s" : "表%s（%s）", number, def->title);
}

void gi_report_unread(table_ctx *t, size_t printed_index, gi_loc loc, const char *why_zh,
                      const char *why_en) {
  if (t->unread == NULL && (t->unread = calloc(t->def->nrows, sizeof *t->unread)) == NULL) {
    t->im->status = gi_fail_oom();
    return;
  }
  t->reported[printed_index] = true;
  unread_row *u = &t->unread[printed_index];
  u->loc = loc;
  snprintf(u->why_zh, sizeof u->why_zh, "%s", why_zh);
  snprintf(u->why_en, sizeof u->why_en, "%s", why_en);
}

/* Adds the pointers of row p's cells to paths; false when out of memory. */
static bool add_row_paths(table_ctx *t, size_t printed_index, char **paths, size_t *n) {
  char buf[256];
  for (size_t c = 0; c < t->def->ncolumns; c++) {
    gi_cell_pointer(t->im->format, t->table, t->printed[printed_index], c, buf, sizeof buf);
    if ((paths[(*n)++] = gi_strdup(buf)) == NULL) return false;
  }
  return true;
}

/* One import.cell_unread finding for the cells of the given rows. */
static void unread_finding(table_ctx *t, const size_t *rows, size_t nrows, gi_loc loc,
                           const char *zh, const char *en) {
  char **paths = calloc(nrows * t->def->ncolumns, sizeof *paths);
  size_t n = 0;
  bool ok = paths != NULL;
  for (size_t i = 0; ok && i < nrows; i++) ok = add_row_paths(t, rows[i], paths, &n);
  if (ok)
    gi_import_finding(t->im, GI_RULE_IMPORT_CELL_UNREAD, loc, (const char *const *)paths, n, zh,
                      en);
  else t->im->status = gi_fail_oom();
  for (size_t i = 0; i < n; i++) free(paths[i]);
  free(paths);
}

/* The findings of the rows not read: one for the table when none of its rows was read (and
 * more than one is printed), else one per row. */
static void flush_unread(table_ctx *t) {
  if (t->unread == NULL) return; /* every row was read */
  size_t *rows = malloc((t->nprinted ? t->nprinted : 1) * sizeof *rows);
  if (rows == NULL) {
    t->im->status = gi_fail_oom();
    return;
  }
  size_t nunread = 0, read = 0;
  for (size_t k = 0; k < t->nprinted; k++) {
    read += t->done[k];
    if (t->reported[k] && !t->done[k]) rows[nunread++] = k;
  }
  char name[256], zh[768], en[768];
  gi_table_name_zh(t->im->format, t->def, name, sizeof name);
  if (nunread > 1 && read == 0) {
    const unread_row *u = &t->unread[rows[0]];
    snprintf(zh, sizeof zh, "未能确定地读出%s的数字（%s），整表已留空缺失", name, u->why_zh);
    snprintf(en, sizeof en,
             "could not read the figures of table %s (%s) with certainty (%s); the table is "
             "left absent",
             t->def->id, t->def->title, u->why_en);
    unread_finding(t, rows, nunread, u->loc, zh, en);
  } else {
    for (size_t i = 0; i < nunread; i++) {
      const unread_row *u = &t->unread[rows[i]];
      const struct govinfo_row *r = &t->def->rows[t->printed[rows[i]]];
      snprintf(zh, sizeof zh, "未能确定地读出%s「%s」一行的数字（%s），已留空缺失", name, r->label,
               u->why_zh);
      snprintf(en, sizeof en,
               "could not read the figures of %s row %s (%s) with certainty (%s); "
               "they are left absent",
               t->def->id, r->id, r->label, u->why_en);
      unread_finding(t, &rows[i], 1, u->loc, zh, en);
    }
  }
  free(rows);
}

/* Where to point a finding about a row that was not read: the nearest value read before it,
 * else the region's first line. */
gi_loc gi_unread_loc(const table_ctx *t, size_t printed_index) {
  for (size_t k = printed_index; k-- > 0;)
    if (t->done[k]) {
      const gi_cell *c = gi_report_cell(t->im->report, t->table, t->printed[k], 0);
      if (c->loc.line) return c->loc;
    }
  size_t l = t->g.first_line < t->im->doc.nlines ? t->g.first_line : 0;
  return t->im->doc.nlines ? t->im->doc.lines[l].loc : (gi_loc){1, 1};
}

/* ---- the readings ---- */

/* Reads run k as printed row p, if the label around it is that row's. */
static void read_run_as_row(table_ctx *t, size_t k, size_t p) {
  const run *r = &t->g.runs[k];
  size_t row = t->printed[p];
  label_match m = gi_label_conflict(t, r, row) ? LABEL_ABSENT : gi_label_near_run(t, row, r);
  if (m == LABEL_ABSENT && t->nprinted > 1) {
    gi_report_unread(t, p, item_loc(&t->g.items[r->first]), "该行数字旁的标签与格式规定的行不符",
                     "the label beside these figures is not this row's");
    return;
  }
  if (m == LABEL_VARIANT) gi_note_variant(t, row, r);
  gi_put_row(t, p, &t->g.items[r->first]);
}

/* 1: one run per printed row, each of one row's values. */
static bool read_by_runs(table_ctx *t) {
  size_t ncol = t->def->ncolumns;
  if (t->g.nruns != t->nprinted) return false;
  for (size_t k = 0; k < t->g.nruns; k++)
    if (t->g.runs[k].count != ncol) return false;
  for (size_t k = 0; k < t->g.nruns; k++) read_run_as_row(t, k, k);
  return true;
}

/* 1b: one row's run is broken (a number missing or extra) and all the others are whole: the
 * runs before it are the first rows, the runs after it the last ones; the broken row is
 * not read. */
static bool read_around_broken_run(table_ctx *t) {
  size_t ncol = t->def->ncolumns, broken = SIZE_MAX;
  if (t->g.nruns != t->nprinted) return false;
  for (size_t k = 0; k < t->g.nruns; k++) {
    if (t->g.runs[k].count == ncol) continue;
    if (broken != SIZE_MAX || t->g.runs[k].count + 1 < ncol || t->g.runs[k].count > ncol + 1)
      return false;
    broken = k;
  }
  if (broken == SIZE_MAX) return false;
  for (size_t k = 0; k < t->g.nruns; k++)
    if (k != broken) read_run_as_row(t, k, k);
  return true;
}

/* Values i and i + 1 are one above the other: each alone on its line, on adjacent lines. */
static bool stacked(const table_ctx *t, const item *v, size_t i) {
  const gi_doc *d = &t->im->doc;
  return v[i + 1].line == v[i].line + 1 && d->lines[v[i].line].count == 1 &&
         d->lines[v[i + 1].line].count == 1;
}

/* Reading-order text prints some stretches of a table column by column: one paragraph of
 * stacked values per column, all paragraphs of the same height, one per column. Such a block
 * is put back in row order; everything else stays as it is. */
static bool transpose_column_blocks(table_ctx *t, item *values, size_t n, size_t *moved_to,
                                    bool *in_block) {
  size_t ncol = t->def->ncolumns;
  item *out = malloc((n ? n : 1) * sizeof *out); /* malloc(0) may give NULL */
  if (out == NULL) {
    t->im->status = gi_fail_oom();
    return false;
  }
  size_t i = 0, o = 0;
  while (i < n) {
    size_t height = 1;
    while (i + height < n && stacked(t, values, i + height - 1)) height++;
    bool block = height >= 2 && i + height * ncol <= n;
    for (size_t c = 1; block && c < ncol; c++) {
      size_t start = i + c * height;
      size_t h = 1;
      while (start + h < n && h <= height && stacked(t, values, start + h - 1)) h++;
      block = h == height && !stacked(t, values, start - 1);
    }
    if (!block) {
      moved_to[i] = o;
      in_block[i] = false;
      out[o++] = values[i++];
      continue;
    }
    for (size_t r = 0; r < height; r++)
      for (size_t c = 0; c < ncol; c++) {
        moved_to[i + c * height + r] = o;
        in_block[i + c * height + r] = true;
        out[o++] = values[i + c * height + r];
      }
    i += height * ncol;
  }
  memcpy(values, out, n * sizeof *out);
  free(out);
  return true;
}

/* 2: exactly all the values, row by row, where every row's identities confirm it. */
static bool read_by_stream(table_ctx *t) {
  size_t ncol = t->def->ncolumns, nvalues = 0;
  for (size_t k = 0; k < t->g.nruns; k++) nvalues += t->g.runs[k].count;
  if (ncol == 0 || nvalues != t->nprinted * ncol || nvalues == 0) return false;
  item *values = calloc(nvalues, sizeof *values);
  if (values == NULL) {
    t->im->status = gi_fail_oom();
    return true;
  }
  size_t *moved_to = calloc(nvalues, sizeof *moved_to);
  bool *in_block = calloc(nvalues, sizeof *in_block);
  if (moved_to == NULL || in_block == NULL) {
    free(values), free(moved_to), free(in_block);
    t->im->status = gi_fail_oom();
    return true;
  }
  size_t n = 0;
  for (size_t i = 0; i < t->g.nitems; i++)
    if (t->g.items[i].is_value) values[n++] = t->g.items[i];
  if (!transpose_column_blocks(t, values, n, moved_to, in_block)) {
    free(values), free(moved_to), free(in_block);
    return true;
  }
  /* A run that starts a row right after a label line must be under that row's label, and
   * the labels printed apart from their figures must be in printed order. */
  bool confirmed = gi_detached_labels_in_printed_order(t, moved_to);
  for (size_t k = 0, first = 0; k < t->g.nruns && confirmed; first += t->g.runs[k++].count) {
    size_t at = moved_to[first];
    if (!in_block[first] && at % ncol == 0 &&
        gi_label_conflict(t, &t->g.runs[k], t->printed[at / ncol]))
      confirmed = false;
  }
  free(moved_to);
  free(in_block);
  /* A table without row identities (table 2) is read this way only when it has one row. */
  int8_t signs[MAX_ROW_IDENTITIES * 16];
  size_t nsigns = ncol <= 16 ? gi_row_identity_signs(t, signs) : 0;
  if (nsigns == 0) confirmed = confirmed && t->nprinted == 1;
  for (size_t k = 0; k < t->nprinted && confirmed && nsigns; k++)
    confirmed = gi_row_identities_hold(values + k * ncol, ncol, signs, nsigns);
  if (confirmed) {
    for (size_t k = 0; k < t->nprinted; k++) gi_put_row(t, k, values + k * ncol);
    gi_note_variants_in_region(t);
  }
  free(values);
  return confirmed;
}

/* 3: each run of one row's values placed by the label printed just before it, when that
 * text names exactly one of the rows still to come. Text after a run is not used here: in
 * reading-order text it is often the next row's label. */
static void read_by_labels(table_ctx *t) {
  size_t ncol = t->def->ncolumns, next = 0;
  for (size_t k = 0; k < t->g.nruns && next < t->nprinted; k++) {
    const run *r = &t->g.runs[k];
    if (r->count != ncol) continue;
    size_t found = SIZE_MAX, matches = 0;
    int32_t line[KEY_MAX];
    size_t nl = gi_adjacent_line_key(t, r, line, KEY_MAX);
    for (size_t p = next; p < t->nprinted; p++) {
      size_t row = t->printed[p], n = t->row_key_len[row];
      if (n && gi_lcs(t->row_keys + row * ROW_KEY_MAX, n, line, nl) == n) {
        if (found == SIZE_MAX) found = p;
        matches++;
      }
    }
    if (matches == 0)
      for (size_t p = next; p < t->nprinted; p++)
        if (gi_label_before_run(t, t->printed[p], r)) {
          if (found == SIZE_MAX) found = p;
          matches++;
        }
    if (matches != 1) continue;
    gi_put_row(t, found, &t->g.items[r->first]);
    next = found + 1;
  }
}

/* Table 4 style: a table whose rows have no labels of their own; its values are read in
 * printed order when they form one run, or runs separated only by the column header of the
 * value that follows (pdftotext prints a lone "总计" before the last total). */
static bool read_by_position(table_ctx *t) {
  size_t ncol = t->def->ncolumns, nvalues = 0;
  for (size_t k = 0; k < t->g.nruns; k++) nvalues += t->g.runs[k].count;
  if (nvalues != t->nprinted * ncol) return false;
  size_t at = 0;
  for (size_t k = 0; k < t->g.nruns; k++) {
    const run *r = &t->g.runs[k];
    if (k > 0) {
      int32_t have[KEY_MAX], want[KEY_MAX];
      size_t nh = gi_text_key(&t->g, r->text_from, r->first, have, KEY_MAX);
      size_t nw = gi_printed_label_key(t->def->columns[at % ncol].label, want);
      if (nh != nw || memcmp(have, want, nw * sizeof *want) != 0) return false;
    }
    at += r->count;
  }
  item *values = calloc(nvalues, sizeof *values);
  if (values == NULL) {
    t->im->status = gi_fail_oom();
    return true;
  }
  size_t n = 0;
  for (size_t i = 0; i < t->g.nitems; i++)
    if (t->g.items[i].is_value) values[n++] = t->g.items[i];
  for (size_t k = 0; k < t->nprinted; k++) gi_put_row(t, k, values + k * ncol);
  free(values);
  return true;
}

/* Reads one table from lines [from, to). Returns the last line a value came from. */
size_t gi_read_table(gi_import *im, size_t table, size_t from, size_t to) {
  table_ctx t = {
      .im = im, .table = table, .def = &im->format->tables[table], .last_line = GI_NO_LINE};
  /* a table whose rows are printed side by side has all their values in one printed row */
  size_t row_width = t.def->ncolumns * (t.def->rows_side_by_side ? t.def->nrows : 1);
  if (!gi_region_build(im, &t.g, from, to, row_width)) return GI_NO_LINE;
  if (!gi_choose_printed_rows(&t)) goto done;
  if (t.g.nruns == 0) {
    size_t l = from < im->doc.nlines ? from : (im->doc.nlines ? im->doc.nlines - 1 : 0);
    gi_report_table_missing(im, t.def, im->doc.nlines ? im->doc.lines[l].loc : (gi_loc){1, 1});
    goto done;
  }
  if (im->glued) {
    gi_read_glued(&t);
  } else if (!t.def->rows_side_by_side) {
    if (!read_by_runs(&t) && !read_around_broken_run(&t) && !read_by_stream(&t)) read_by_labels(&t);
  } else {
    read_by_position(&t);
  }
  for (size_t k = 0; k < t.nprinted; k++)
    if (!t.done[k] && !t.reported[k])
      gi_report_unread(&t, k, gi_unread_loc(&t, k), "数字个数或排列与表格不符",
                       "the number or arrangement of figures does not fit the table");
  flush_unread(&t);
  for (size_t i = 0; i < t.g.nitems; i++) /* the table ends at its last value, read or not */
    if (t.g.items[i].is_value && (t.last_line == GI_NO_LINE || t.g.items[i].line > t.last_line))
      t.last_line = t.g.items[i].line;
done:
  free(t.printed);
  free(t.done);
  free(t.reported);
  free(t.unread);
  free(t.row_keys);
  free(t.row_key_len);
  gi_region_free(&t.g);
  return t.last_line;
}
