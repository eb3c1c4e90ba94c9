/* The registry of format versions and read-only access to their definitions. */
#include <stdio.h>
#include <string.h>

#include "model/format.h"
#include "util/error.h"

/* s[0..len) may hold any bytes, a NUL among them: compare lengths first. */
static bool id_is(const char *id, const char *s, size_t len) {
  return id[0] == (len ? s[0] : '\0') && strlen(id) == len && memcmp(id, s, len) == 0;
}

/* Oldest first: GI_FORMATS (model/format.h) lists them. */
static const struct govinfo_format *const formats[] = {
#define GI_FORMAT_ENTRY_(year) &gi_format_##year,
    GI_FORMATS(GI_FORMAT_ENTRY_)
#undef GI_FORMAT_ENTRY_
};

size_t govinfo_format_count(void) { return GI_COUNT_OF(formats); }

const govinfo_format *govinfo_format_at(size_t index) {
  return index < GI_COUNT_OF(formats) ? formats[index] : NULL;
}

const struct govinfo_format *gi_format_find_n(const char *id, size_t len) {
  for (size_t i = 0; i < GI_COUNT_OF(formats); i++)
    if (id_is(formats[i]->id, id, len)) return formats[i];
  return NULL;
}

void gi_format_ids(char *buf, size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < GI_COUNT_OF(formats) && used < size; i++) {
    int n = snprintf(buf + used, size - used, "%s\"%s\"", i ? ", " : "", formats[i]->id);
    if (n < 0) break;
    used += (size_t)n;
  }
}

const govinfo_format *govinfo_format_find(const char *id) {
  if (id == NULL) {
    gi_fail(GOVINFO_EINVAL, "format id is NULL");
    return NULL;
  }
  const struct govinfo_format *f = gi_format_find_n(id, strlen(id));
  if (f == NULL) {
    char known[128];
    gi_format_ids(known, sizeof known);
    gi_fail(GOVINFO_ENOTFOUND, "unknown format version \"%s\" (known: %s)", id, known);
  }
  return f;
}

int govinfo_format_covers_year(const govinfo_format *f, int year) {
  return f && year >= f->first_year && (f->last_year == 0 || year <= f->last_year);
}

const govinfo_format *govinfo_format_for_year(int year) {
  for (size_t i = 0; i < GI_COUNT_OF(formats); i++)
    if (govinfo_format_covers_year(formats[i], year)) return formats[i];
  gi_fail(GOVINFO_ENOTFOUND, "no format version applies to report year %d", year);
  return NULL;
}

const char *govinfo_format_id(const govinfo_format *f) { return f ? f->id : NULL; }
const char *govinfo_format_name(const govinfo_format *f) { return f ? f->name : NULL; }
int govinfo_format_first_year(const govinfo_format *f) { return f ? f->first_year : 0; }
int govinfo_format_last_year(const govinfo_format *f) { return f ? f->last_year : 0; }

size_t govinfo_format_section_count(const govinfo_format *f) { return f ? f->nsections : 0; }

const govinfo_section_def *govinfo_format_section_at(const govinfo_format *f, size_t index) {
  return f && index < f->nsections ? &f->sections[index] : NULL;
}

const govinfo_section_def *govinfo_format_section_find(const govinfo_format *f, const char *id) {
  long i = f && id ? gi_section_index(f, id, strlen(id)) : -1;
  if (i < 0) {
    gi_fail(GOVINFO_ENOTFOUND, "unknown section id \"%s\"", id ? id : "(null)");
    return NULL;
  }
  return &f->sections[i];
}

const char *govinfo_section_def_id(const govinfo_section_def *s) { return s ? s->id : NULL; }
const char *govinfo_section_def_title(const govinfo_section_def *s) { return s ? s->title : NULL; }

size_t govinfo_section_def_variant_count(const govinfo_section_def *s) {
  size_t n = 0;
  while (s && s->variants[n]) n++;
  return n;
}

const char *govinfo_section_def_variant_at(const govinfo_section_def *s, size_t index) {
  return index < govinfo_section_def_variant_count(s) ? s->variants[index] : NULL;
}

size_t govinfo_format_table_count(const govinfo_format *f) { return f ? f->ntables : 0; }

const govinfo_table *govinfo_format_table_at(const govinfo_format *f, size_t index) {
  return f && index < f->ntables ? &f->tables[index] : NULL;
}

const govinfo_table *govinfo_format_table_find(const govinfo_format *f, const char *id) {
  long i = f && id ? gi_table_index(f, id, strlen(id), -1) : -1;
  if (i < 0) {
    gi_fail(GOVINFO_ENOTFOUND, "unknown table id \"%s\"", id ? id : "(null)");
    return NULL;
  }
  return &f->tables[i];
}

const char *govinfo_table_id(const govinfo_table *t) { return t ? t->id : NULL; }
const char *govinfo_table_title(const govinfo_table *t) { return t ? t->title : NULL; }
const char *govinfo_table_section(const govinfo_table *t) { return t ? t->section : NULL; }
size_t govinfo_table_row_count(const govinfo_table *t) { return t ? t->nrows : 0; }

const govinfo_row *govinfo_table_row_at(const govinfo_table *t, size_t index) {
  return t && index < t->nrows ? &t->rows[index] : NULL;
}

const govinfo_row *govinfo_table_row_find(const govinfo_table *t, const char *id) {
  long i = t && id ? gi_row_index(t, id, strlen(id), -1) : -1;
  if (i < 0) {
    gi_fail(GOVINFO_ENOTFOUND, "unknown row id \"%s\"", id ? id : "(null)");
    return NULL;
  }
  return &t->rows[i];
}

const char *govinfo_row_id(const govinfo_row *r) { return r ? r->id : NULL; }
const char *govinfo_row_label(const govinfo_row *r) { return r ? r->label : NULL; }
const char *govinfo_row_parent(const govinfo_row *r) { return r ? r->parent : NULL; }
govinfo_row_role govinfo_row_role_of(const govinfo_row *r) { return r ? r->role : 0; }
size_t govinfo_table_column_count(const govinfo_table *t) { return t ? t->ncolumns : 0; }

const govinfo_column *govinfo_table_column_at(const govinfo_table *t, size_t index) {
  return t && index < t->ncolumns ? &t->columns[index] : NULL;
}

const govinfo_column *govinfo_table_column_find(const govinfo_table *t, const char *id) {
  long i = t && id ? gi_column_index(t, id, strlen(id), -1) : -1;
  if (i < 0) {
    gi_fail(GOVINFO_ENOTFOUND, "unknown column id \"%s\"", id ? id : "(null)");
    return NULL;
  }
  return &t->columns[i];
}

const char *govinfo_column_id(const govinfo_column *c) { return c ? c->id : NULL; }
const char *govinfo_column_label(const govinfo_column *c) { return c ? c->label : NULL; }
govinfo_value_kind govinfo_column_kind(const govinfo_column *c) { return c ? c->kind : 0; }

size_t gi_format_cell_count(const struct govinfo_format *f) {
  return gi_format_table_offset(f, f->ntables);
}

size_t gi_format_table_offset(const struct govinfo_format *f, size_t table_index) {
  size_t offset = 0;
  for (size_t i = 0; i < table_index && i < f->ntables; i++)
    offset += f->tables[i].nrows * f->tables[i].ncolumns;
  return offset;
}

/* Looks `s` up in `count` records `stride` bytes apart whose first member is the id. */
static long find_id(const void *base, size_t count, size_t stride, const char *s, size_t len,
                    long hint) {
  const char *p = base;
  if (hint >= 0 && (size_t)hint < count && id_is(*(const char *const *)(p + hint * stride), s, len))
    return hint;
  for (size_t i = 0; i < count; i++)
    if (id_is(*(const char *const *)(p + i * stride), s, len)) return (long)i;
  return -1;
}

long gi_table_index(const struct govinfo_format *f, const char *id, size_t len, long hint) {
  return find_id(f->tables, f->ntables, sizeof f->tables[0], id, len, hint);
}

long gi_row_index(const struct govinfo_table *t, const char *id, size_t len, long hint) {
  return find_id(t->rows, t->nrows, sizeof t->rows[0], id, len, hint);
}

long gi_column_index(const struct govinfo_table *t, const char *id, size_t len, long hint) {
  return find_id(t->columns, t->ncolumns, sizeof t->columns[0], id, len, hint);
}

long gi_section_index(const struct govinfo_format *f, const char *id, size_t len) {
  return find_id(f->sections, f->nsections, sizeof f->sections[0], id, len, -1);
}

int gi_cell_resolve(const struct govinfo_format *f, const char *cell_id, size_t *table, size_t *row,
                    size_t *column) {
  if (cell_id == NULL) return gi_fail(GOVINFO_EINVAL, "cell id is NULL");
  const char *dot1 = strchr(cell_id, '.');
  const char *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
  if (dot2 == NULL || strchr(dot2 + 1, '.'))
    return gi_fail(GOVINFO_ENOTFOUND, "\"%s\" is not a cell id of the form <table>.<row>.<column>",
                   cell_id);
  long t = gi_table_index(f, cell_id, (size_t)(dot1 - cell_id), -1);
  if (t < 0)
    return gi_fail(GOVINFO_ENOTFOUND, "format %s has no table \"%.*s\"", f->id,
                   (int)(dot1 - cell_id), cell_id);
  const struct govinfo_table *tb = &f->tables[t];
  long r = gi_row_index(tb, dot1 + 1, (size_t)(dot2 - dot1 - 1), -1);
  if (r < 0)
    return gi_fail(GOVINFO_ENOTFOUND, "table %s of format %s has no row \"%.*s\"", tb->id, f->id,
                   (int)(dot2 - dot1 - 1), dot1 + 1);
  if (tb->rows[r].role == GOVINFO_ROW_HEADING)
    return gi_fail(GOVINFO_ENOTFOUND, "row %s.%s is a heading and holds no figures", tb->id,
                   tb->rows[r].id);
  long c = gi_column_index(tb, dot2 + 1, strlen(dot2 + 1), -1);
  if (c < 0)
    return gi_fail(GOVINFO_ENOTFOUND, "table %s of format %s has no column \"%s\"", tb->id, f->id,
                   dot2 + 1);
  *table = (size_t)t;
  *row = (size_t)r;
  *column = (size_t)c;
  return GOVINFO_OK;
}

const gi_rule_params *gi_format_rule_params(const struct govinfo_format *f, gi_rule rule) {
  for (size_t i = 0; i < f->nrule_params; i++)
    if (f->rule_params[i].rule == rule) return &f->rule_params[i];
  return NULL;
}
