/* The report model: metadata, sections and cells. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/report.h"
#include "util/error.h"
#include "util/suggest.h"
#include "util/text.h"

static bool all_digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

/* The value of n digits (checked by all_digits). */
static int digits_value(const char *s, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
  return v;
}

int gi_check_date(const char *s) {
  static const int days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) || !all_digits(s + 5, 2) ||
      !all_digits(s + 8, 2))
    return GOVINFO_EINVAL;
  int y = digits_value(s, 4), m = digits_value(s + 5, 2), d = digits_value(s + 8, 2);
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month[m - 1]) return GOVINFO_EINVAL;
  if (m == 2 && d == 29 && !leap) return GOVINFO_EINVAL;
  return GOVINFO_OK;
}

int gi_check_division_code(const char *s) {
  size_t n = strlen(s);
  return (n == 6 || n == 9 || n == 12) && all_digits(s, n) ? GOVINFO_OK : GOVINFO_EINVAL;
}

int gi_check_sha256(const char *s) {
  size_t n = 0;
  for (; s[n]; n++)
    if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f'))) return GOVINFO_EINVAL;
  return n == 64 ? GOVINFO_OK : GOVINFO_EINVAL;
}

int gi_check_mark(const char *s, size_t len) {
  gi_decimal d;
  int rc = len ? gi_decimal_parse(s, len, &d) : GOVINFO_OK;
  if (rc == GOVINFO_OK || rc == GOVINFO_ERANGE) return GOVINFO_ETYPE; /* empty, or a number */
  return GOVINFO_OK;
}

const gi_meta_def gi_meta_defs[GI_META_COUNT_] = {
    [GI_META_ORGAN] = {.key = "organ", .what = "text"},
    [GI_META_TITLE] = {.key = "title", .what = "text"},
    [GI_META_PUBLISHED] = {.key = "published",
                           .check = gi_check_date,
                           .what = "a date written YYYY-MM-DD"},
    [GI_META_DIVISION_CODE] = {.key = "division_code",
                               .check = gi_check_division_code,
                               .what = "6, 9 or 12 digits"},
    [GI_META_SOURCE] = {.key = "source", .what = "text"},
    [GI_META_SOURCE_SHA256] = {.key = "source_sha256",
                               .check = gi_check_sha256,
                               .what = "64 lowercase hexadecimal digits (a SHA-256)"},
    [GI_META_PREFACE] = {.key = "preface", .what = "text", .multiline = true},
};

int govinfo_report_new(govinfo_report **out, const char *format_id) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  const struct govinfo_format *f = govinfo_format_find(format_id);
  if (f == NULL) return format_id ? GOVINFO_ENOTFOUND : GOVINFO_EINVAL; /* details recorded */
  govinfo_report *r = calloc(1, sizeof *r);
  if (r == NULL) return gi_fail_oom();
  r->format = f;
  for (size_t t = 0; t < f->ntables && t < GI_MAX_TABLES; t++)
    r->table_offset[t] = gi_format_table_offset(f, t);
  r->cells = calloc(gi_format_cell_count(f), sizeof *r->cells);
  if (r->cells == NULL) {
    free(r);
    return gi_fail_oom();
  }
  *out = r;
  return GOVINFO_OK;
}

int govinfo_report_new_template(govinfo_report **out, const char *format_id, int year,
                                const char *organ) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  govinfo_report *r;
  int rc = govinfo_report_new(&r, format_id);
  if (rc) return rc;
  /* a template to fill in must be of the right version (the validator would refuse it) */
  if (year > 0 && year <= 9999 && !govinfo_format_covers_year(r->format, year)) {
    const govinfo_format *right = govinfo_format_for_year(year);
    if (right)
      rc = gi_fail(GOVINFO_EINVAL, "format version %s does not apply to report year %d: use %s",
                   r->format->id, year, govinfo_format_id(right));
    else
      rc = gi_fail(GOVINFO_EINVAL, "format version %s does not apply to report year %d",
                   r->format->id, year);
    govinfo_report_free(r);
    return rc;
  }
  if ((rc = govinfo_report_set_year(r, year)) || (rc = govinfo_report_set_organ(r, organ))) {
    govinfo_report_free(r);
    return rc;
  }
  for (size_t i = 0; i < r->format->nsections; i++) {
    if ((rc = govinfo_report_set_section(r, r->format->sections[i].id, NULL, ""))) {
      govinfo_report_free(r);
      return rc;
    }
  }
  for (size_t t = 0; t < r->format->ntables; t++) {
    const struct govinfo_table *tb = &r->format->tables[t];
    for (size_t row = 0; row < tb->nrows; row++)
      if (tb->rows[row].role == GOVINFO_ROW_DATA)
        for (size_t c = 0; c < tb->ncolumns; c++) gi_cell_set_blank(gi_report_cell(r, t, row, c));
  }
  *out = r;
  return GOVINFO_OK;
}

static void free_sections(govinfo_report *r) {
  for (size_t i = 0; i < r->nsections; i++) {
    free(r->sections[i].title);
    free(r->sections[i].text);
  }
  free(r->sections);
}

void govinfo_report_free(govinfo_report *r) {
  if (r == NULL) return;
  size_t n = gi_format_cell_count(r->format);
  for (size_t i = 0; i < n; i++) free(r->cells[i].mark);
  free(r->cells);
  for (int m = 0; m < GI_META_COUNT_; m++) free(r->meta[m]);
  free_sections(r);
  free(r->origin);
  free(r);
}

static char *dup_or_null(const char *s, bool *failed) {
  if (s == NULL) return NULL;
  char *d = gi_strdup(s);
  if (d == NULL) *failed = true;
  return d;
}

int govinfo_report_copy(govinfo_report **out, const govinfo_report *src) {
  if (out == NULL || src == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  *out = NULL;
  govinfo_report *r;
  int rc = govinfo_report_new(&r, src->format->id);
  if (rc) return rc;
  bool failed = false;
  r->year = src->year;
  r->format_loc = src->format_loc;
  r->year_loc = src->year_loc;
  r->sections_loc = src->sections_loc;
  for (int m = 0; m < GI_META_COUNT_; m++) {
    r->meta[m] = dup_or_null(src->meta[m], &failed);
    r->meta_loc[m] = src->meta_loc[m];
  }
  r->origin = dup_or_null(src->origin, &failed);
  if (src->nsections) {
    r->sections = calloc(src->nsections, sizeof *r->sections);
    if (r->sections == NULL) failed = true;
    for (size_t i = 0; r->sections && i < src->nsections; i++) {
      r->sections[i] = src->sections[i];
      r->sections[i].title = dup_or_null(src->sections[i].title, &failed);
      r->sections[i].text = dup_or_null(src->sections[i].text, &failed);
      r->nsections = r->sections_cap = i + 1;
    }
  }
  size_t n = gi_format_cell_count(src->format);
  for (size_t i = 0; i < n; i++) {
    r->cells[i] = src->cells[i];
    r->cells[i].mark = dup_or_null(src->cells[i].mark, &failed);
  }
  if (failed) {
    govinfo_report_free(r);
    return gi_fail_oom();
  }
  *out = r;
  return GOVINFO_OK;
}

static bool str_equal(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

static bool cell_equal(const gi_cell *a, const gi_cell *b) {
  if (a->state != b->state) return false;
  if (a->state == GOVINFO_CELL_NUMBER) return gi_decimal_equal(&a->number, &b->number);
  if (a->state == GOVINFO_CELL_MARK) return strcmp(a->mark, b->mark) == 0;
  return true;
}

int govinfo_report_equal(const govinfo_report *a, const govinfo_report *b) {
  if (a == NULL || b == NULL) return a == b;
  if (a->format != b->format || a->year != b->year || a->nsections != b->nsections) return 0;
  for (int m = 0; m < GI_META_COUNT_; m++)
    if (!str_equal(a->meta[m], b->meta[m])) return 0;
  for (size_t i = 0; i < a->nsections; i++) {
    const gi_section *x = &a->sections[i], *y = &b->sections[i];
    if (x->def != y->def || !str_equal(x->title, y->title) || !str_equal(x->text, y->text))
      return 0;
  }
  size_t n = gi_format_cell_count(a->format);
  for (size_t i = 0; i < n; i++)
    if (!cell_equal(&a->cells[i], &b->cells[i])) return 0;
  return 1;
}

const govinfo_format *govinfo_report_format(const govinfo_report *r) {
  return r ? r->format : NULL;
}

const char *govinfo_report_origin(const govinfo_report *r) { return r ? r->origin : NULL; }

int gi_report_set_origin(govinfo_report *r, const char *origin) {
  char *copy = NULL;
  if (origin && (copy = gi_strdup(origin)) == NULL) return gi_fail_oom();
  free(r->origin);
  r->origin = copy;
  return GOVINFO_OK;
}

/* ---- metadata ---- */

int gi_report_take_meta(govinfo_report *r, gi_meta which, char *value) {
  const gi_meta_def *def = &gi_meta_defs[which];
  if (value && def->check && def->check(value) != GOVINFO_OK) {
    int rc = gi_fail(GOVINFO_EINVAL, "%s must be %s, not \"%s\"", def->key, def->what, value);
    free(value);
    return rc;
  }
  free(r->meta[which]);
  r->meta[which] = value;
  r->meta_loc[which] = (gi_loc){0, 0};
  return GOVINFO_OK;
}

static const char *get_meta(const govinfo_report *r, gi_meta which) {
  return r ? r->meta[which] : NULL;
}

/* Text handed in through the API: NULL allowed or not, UTF-8 like everything the readers
 * accept, so a report can always be written and read back; and without control characters,
 * which no report needs and which a terminal would obey when the text is shown. */
static int check_text(const char *what, const char *value, bool multiline) {
  if (value == NULL) return GOVINFO_OK;
  size_t len = strlen(value);
  if (!gi_utf8_valid(value, len)) return gi_fail(GOVINFO_EINVAL, "%s is not valid UTF-8", what);
  size_t at = gi_forbidden_control(value, len, multiline);
  if (at < len) {
    unsigned code =
        (unsigned char)value[at] == 0xC2 ? (unsigned char)value[at + 1] : (unsigned char)value[at];
    return gi_fail(GOVINFO_EINVAL,
                   multiline ? "%s holds the control character U+%04X at byte %zu: text may hold "
                               "line breaks and tabs, but no other control character"
                             : "%s holds the control character U+%04X at byte %zu: one-line "
                               "text may hold tabs, but no line break or other control character",
                   what, code, at + 1);
  }
  return GOVINFO_OK;
}

static int set_meta(govinfo_report *r, gi_meta which, const char *value) {
  if (r == NULL) return gi_fail(GOVINFO_EINVAL, "report is NULL");
  int rc = check_text(gi_meta_defs[which].key, value, gi_meta_defs[which].multiline);
  if (rc) return rc;
  char *copy = NULL;
  if (value && (copy = gi_strdup(value)) == NULL) return gi_fail_oom();
  return gi_report_take_meta(r, which, copy);
}

const char *govinfo_report_organ(const govinfo_report *r) { return get_meta(r, GI_META_ORGAN); }
int govinfo_report_set_organ(govinfo_report *r, const char *v) {
  return set_meta(r, GI_META_ORGAN, v);
}
const char *govinfo_report_title(const govinfo_report *r) { return get_meta(r, GI_META_TITLE); }
int govinfo_report_set_title(govinfo_report *r, const char *v) {
  return set_meta(r, GI_META_TITLE, v);
}
const char *govinfo_report_published(const govinfo_report *r) {
  return get_meta(r, GI_META_PUBLISHED);
}
int govinfo_report_set_published(govinfo_report *r, const char *v) {
  return set_meta(r, GI_META_PUBLISHED, v);
}
const char *govinfo_report_division_code(const govinfo_report *r) {
  return get_meta(r, GI_META_DIVISION_CODE);
}
int govinfo_report_set_division_code(govinfo_report *r, const char *v) {
  return set_meta(r, GI_META_DIVISION_CODE, v);
}
const char *govinfo_report_source(const govinfo_report *r) { return get_meta(r, GI_META_SOURCE); }
int govinfo_report_set_source(govinfo_report *r, const char *v) {
  return set_meta(r, GI_META_SOURCE, v);
}
const char *govinfo_report_source_sha256(const govinfo_report *r) {
  return get_meta(r, GI_META_SOURCE_SHA256);
}
int govinfo_report_set_source_sha256(govinfo_report *r, const char *v) {
  return set_meta(r, GI_META_SOURCE_SHA256, v);
}

const char *govinfo_report_preface(const govinfo_report *r) { return get_meta(r, GI_META_PREFACE); }
int govinfo_report_set_preface(govinfo_report *r, const char *v) {
  return set_meta(r, GI_META_PREFACE, v);
}

int govinfo_report_year(const govinfo_report *r) { return r ? r->year : 0; }

int govinfo_report_set_year(govinfo_report *r, int year) {
  if (r == NULL) return gi_fail(GOVINFO_EINVAL, "report is NULL");
  if (year < 0 || year > 9999) return gi_fail(GOVINFO_ERANGE, "year %d is not 1..9999", year);
  r->year = year;
  r->year_loc = (gi_loc){0, 0};
  return GOVINFO_OK;
}

/* ---- sections ---- */

size_t govinfo_report_section_count(const govinfo_report *r) { return r ? r->nsections : 0; }

const char *govinfo_report_section_id_at(const govinfo_report *r, size_t i) {
  return r && i < r->nsections ? r->format->sections[r->sections[i].def].id : NULL;
}

const char *govinfo_report_section_title_at(const govinfo_report *r, size_t i) {
  return r && i < r->nsections ? r->sections[i].title : NULL;
}

const char *govinfo_report_section_text_at(const govinfo_report *r, size_t i) {
  return r && i < r->nsections ? r->sections[i].text : NULL;
}

static gi_section *section_by_def(const govinfo_report *r, size_t def) {
  for (size_t i = 0; i < r->nsections; i++)
    if (r->sections[i].def == def) return &r->sections[i];
  return NULL;
}

const char *govinfo_report_section_text(const govinfo_report *r, const char *id) {
  if (r == NULL || id == NULL) return NULL;
  long def = gi_section_index(r->format, id, strlen(id));
  gi_section *s = def < 0 ? NULL : section_by_def(r, (size_t)def);
  return s ? s->text : NULL;
}

int gi_report_take_section(govinfo_report *r, size_t def, char *title, char *text, gi_loc loc) {
  if (title == NULL) title = gi_strdup(r->format->sections[def].title);
  if (title == NULL || text == NULL) {
    free(title);
    free(text);
    return gi_fail_oom();
  }
  gi_section *s = section_by_def(r, def);
  if (s == NULL) {
    if (r->nsections == r->sections_cap) {
      size_t cap = r->sections_cap ? r->sections_cap * 2 : 8;
      gi_section *p = realloc(r->sections, cap * sizeof *p);
      if (p == NULL) {
        free(title);
        free(text);
        return gi_fail_oom();
      }
      r->sections = p;
      r->sections_cap = cap;
    }
    s = &r->sections[r->nsections++];
    s->title = s->text = NULL;
  }
  free(s->title);
  free(s->text);
  s->def = def;
  s->title = title;
  s->text = text;
  s->loc = loc;
  s->text_map = (gi_text_map){{0, 0}, 0, GI_TEXT_UNMAPPED};
  return GOVINFO_OK;
}

static long find_section_def(const govinfo_report *r, const char *id) {
  long def = id ? gi_section_index(r->format, id, strlen(id)) : -1;
  if (def < 0)
    gi_fail(GOVINFO_ENOTFOUND, "format %s has no section \"%s\" (s1..s%zu)", r->format->id,
            id ? id : "(null)", r->format->nsections);
  return def;
}

int govinfo_report_set_section(govinfo_report *r, const char *id, const char *title,
                               const char *text) {
  if (r == NULL || text == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  long def = find_section_def(r, id);
  if (def < 0) return GOVINFO_ENOTFOUND;
  int rc = check_text("a section title", title, false);
  if (rc || (rc = check_text("a section text", text, true))) return rc;
  char *t = title ? gi_strdup(title) : NULL;
  if (title && t == NULL) return gi_fail_oom();
  return gi_report_take_section(r, (size_t)def, t, gi_strdup(text), (gi_loc){0, 0});
}

int govinfo_report_remove_section(govinfo_report *r, const char *id) {
  if (r == NULL) return gi_fail(GOVINFO_EINVAL, "report is NULL");
  long def = find_section_def(r, id);
  if (def < 0) return GOVINFO_ENOTFOUND;
  gi_section *s = section_by_def(r, (size_t)def);
  if (s == NULL) return gi_fail(GOVINFO_ENOTFOUND, "the report has no section %s", id);
  free(s->title);
  free(s->text);
  size_t i = (size_t)(s - r->sections);
  memmove(s, s + 1, (r->nsections - i - 1) * sizeof *s);
  r->nsections--;
  return GOVINFO_OK;
}

/* ---- cells ---- */

gi_cell *gi_report_cell(const govinfo_report *r, size_t table, size_t row, size_t column) {
  const struct govinfo_table *t = &r->format->tables[table];
  return &r->cells[r->table_offset[table] + row * t->ncolumns + column];
}

void gi_cell_clear(gi_cell *c) {
  if (c->mark) { /* most cells never held one: spare the call */
    free(c->mark);
    c->mark = NULL;
  }
  c->state = GOVINFO_CELL_ABSENT;
  c->fullwidth = false;
  c->loc = (gi_loc){0, 0};
}

void gi_cell_set_number(gi_cell *c, const gi_decimal *d) {
  gi_cell_clear(c);
  c->state = GOVINFO_CELL_NUMBER;
  c->number = *d;
}

void gi_cell_set_blank(gi_cell *c) {
  gi_cell_clear(c);
  c->state = GOVINFO_CELL_BLANK;
}

void gi_cell_take_mark(gi_cell *c, char *mark) {
  gi_cell_clear(c);
  c->state = GOVINFO_CELL_MARK;
  c->mark = mark;
}

void gi_cell_pointer(const struct govinfo_format *f, size_t table, size_t row, size_t column,
                     char *buf, size_t size) {
  const struct govinfo_table *t = &f->tables[table];
  snprintf(buf, size, "/tables/%s/%s/%s", t->id, t->rows[row].id, t->columns[column].id);
}

/* Adds "(did you mean …?)" to the failure of a cell lookup when a cell id of the format is
 * close to the one given ("table3.new_recieved.total"). */
static void suggest_cell(const struct govinfo_format *f, const char *cell_id) {
  gi_suggestion s = gi_suggest_start(cell_id, strlen(cell_id));
  char id[128], best[128] = "";
  for (size_t t = 0; t < f->ntables; t++) {
    const struct govinfo_table *tb = &f->tables[t];
    for (size_t row = 0; row < tb->nrows; row++) {
      if (tb->rows[row].role == GOVINFO_ROW_HEADING) continue;
      for (size_t c = 0; c < tb->ncolumns; c++) {
        int n = snprintf(id, sizeof id, "%s.%s.%s", tb->id, tb->rows[row].id, tb->columns[c].id);
        if (n < 0 || (size_t)n >= sizeof id) continue;
        size_t before = s.distance;
        gi_suggest_consider(&s, id, (size_t)n);
        if (s.distance < before) memcpy(best, id, (size_t)n + 1);
      }
    }
  }
  if (!gi_suggest_found(&s)) return;
  const govinfo_error *e = govinfo_error_last();
  char message[900];
  snprintf(message, sizeof message, "%s", e->message);
  gi_fail(e->code, "%s (did you mean \"%s\"?)", message, best);
}

static gi_cell *lookup(const govinfo_report *r, const char *cell_id) {
  if (r == NULL) {
    gi_fail(GOVINFO_EINVAL, "report is NULL");
    return NULL;
  }
  size_t t, row, c;
  if (gi_cell_resolve(r->format, cell_id, &t, &row, &c)) {
    if (cell_id && govinfo_error_last()->code == GOVINFO_ENOTFOUND)
      suggest_cell(r->format, cell_id);
    return NULL;
  }
  return gi_report_cell(r, t, row, c);
}

static int lookup_error(void) { return govinfo_error_last()->code; }

int govinfo_report_cell_state(const govinfo_report *r, const char *cell_id,
                              govinfo_cell_state *out) {
  gi_cell *c = lookup(r, cell_id);
  if (c == NULL) return lookup_error();
  if (out) *out = (govinfo_cell_state)c->state;
  return GOVINFO_OK;
}

static const char *state_name(uint8_t state) {
  static const char *const names[] = {"absent", "blank", "a mark", "a number"};
  return names[state];
}

int govinfo_report_get_int(const govinfo_report *r, const char *cell_id, int64_t *out) {
  gi_cell *c = lookup(r, cell_id);
  if (c == NULL) return lookup_error();
  if (c->state != GOVINFO_CELL_NUMBER)
    return gi_fail(GOVINFO_ETYPE, "cell %s is %s, not a number", cell_id, state_name(c->state));
  if (!gi_decimal_is_integer(&c->number)) {
    char text[GOVINFO_NUMBER_BUFSIZE];
    gi_decimal_format(&c->number, text);
    return gi_fail(GOVINFO_ETYPE, "cell %s holds the decimal %s, not an integer", cell_id, text);
  }
  if (out) *out = gi_decimal_to_int(&c->number);
  return GOVINFO_OK;
}

int govinfo_report_get_number(const govinfo_report *r, const char *cell_id, char *buf,
                              size_t size) {
  gi_cell *c = lookup(r, cell_id);
  if (c == NULL) return lookup_error();
  if (buf == NULL || size < GOVINFO_NUMBER_BUFSIZE)
    return gi_fail(GOVINFO_EINVAL, "buffer must hold GOVINFO_NUMBER_BUFSIZE bytes");
  if (c->state != GOVINFO_CELL_NUMBER)
    return gi_fail(GOVINFO_ETYPE, "cell %s is %s, not a number", cell_id, state_name(c->state));
  gi_decimal_format(&c->number, buf);
  return GOVINFO_OK;
}

int govinfo_report_get_mark(const govinfo_report *r, const char *cell_id, const char **out) {
  gi_cell *c = lookup(r, cell_id);
  if (c == NULL) return lookup_error();
  if (c->state != GOVINFO_CELL_MARK)
    return gi_fail(GOVINFO_ETYPE, "cell %s is %s, not a mark", cell_id, state_name(c->state));
  if (out) *out = c->mark;
  return GOVINFO_OK;
}

int govinfo_report_set_int(govinfo_report *r, const char *cell_id, int64_t value) {
  gi_cell *c = lookup(r, cell_id);
  if (c == NULL) return lookup_error();
  if (value > (int64_t)GI_MAX_WHOLE || value < -(int64_t)GI_MAX_WHOLE)
    return gi_fail(GOVINFO_ERANGE, "%lld is beyond +-2^53", (long long)value);
  gi_decimal d = gi_decimal_from_int(value);
  gi_cell_set_number(c, &d);
  return GOVINFO_OK;
}

int govinfo_report_set_number(govinfo_report *r, const char *cell_id, const char *text) {
  gi_cell *c = lookup(r, cell_id);
  if (c == NULL) return lookup_error();
  if (text == NULL) return gi_fail(GOVINFO_EINVAL, "number text is NULL");
  gi_decimal d;
  int rc = gi_decimal_parse(text, strlen(text), &d);
  if (rc == GOVINFO_ERANGE)
    return gi_fail(rc, "%s is too large (beyond 2^53) or has more than %d decimal places", text,
                   GOVINFO_MAX_SCALE);
  if (rc) return gi_fail(rc, "\"%s\" is not a decimal number", text);
  gi_cell_set_number(c, &d);
  return GOVINFO_OK;
}

int govinfo_report_set_blank(govinfo_report *r, const char *cell_id) {
  gi_cell *c = lookup(r, cell_id);
  if (c == NULL) return lookup_error();
  gi_cell_set_blank(c);
  return GOVINFO_OK;
}

int govinfo_report_set_mark(govinfo_report *r, const char *cell_id, const char *mark) {
  gi_cell *c = lookup(r, cell_id);
  if (c == NULL) return lookup_error();
  if (mark == NULL) return gi_fail(GOVINFO_EINVAL, "mark is NULL");
  if (gi_check_mark(mark, strlen(mark)))
    return gi_fail(GOVINFO_ETYPE, "a mark is non-empty text that is not a number, not \"%s\"",
                   mark);
  int rc = check_text("a mark", mark, false);
  if (rc) return rc;
  char *copy = gi_strdup(mark);
  if (copy == NULL) return gi_fail_oom();
  gi_cell_take_mark(c, copy);
  return GOVINFO_OK;
}

int govinfo_report_clear_cell(govinfo_report *r, const char *cell_id) {
  gi_cell *c = lookup(r, cell_id);
  if (c == NULL) return lookup_error();
  gi_cell_clear(c);
  return GOVINFO_OK;
}
