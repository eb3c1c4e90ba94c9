/* Two years of one body (govinfo_compare): the cross-year identities of their format versions
 * (model/years.h), jumps of key figures, and the text reused section by section. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "findings/findings.h"
#include "model/years.h"
#include "util/text.h"
#include "validate/prose.h"

#define MAX_ID 128 /* bytes of a cell id */

typedef struct section_reuse {
  const char *id; /* static: the format's */
  size_t chars, reused;
} section_reuse;

struct govinfo_comparison {
  govinfo_diagnostics *findings;
  section_reuse *reuse;
  size_t nsections;
  char *last_file, *this_file;
  int last_year, this_year;
};

typedef struct cctx {
  const govinfo_report *last, *current;
  const govinfo_compare_options *opts;
  char last_zh[512], last_en[512]; /* how messages name last year's report */
  govinfo_diagnostics *list;
  gi_finding f;
} cctx;

/* ---- cells ---- */

/* An integer cell of r by id; false when r's format lacks it or it holds no integer. */
static bool cell_int(const govinfo_report *r, const char *id, int64_t *v, gi_loc *loc) {
  size_t t, row, col;
  if (gi_cell_resolve(r->format, id, &t, &row, &col) != GOVINFO_OK) return false;
  const gi_cell *c = gi_report_cell(r, t, row, col);
  if (c->state != GOVINFO_CELL_NUMBER || !gi_decimal_is_integer(&c->number)) return false;
  *v = gi_decimal_to_int(&c->number);
  if (loc) *loc = c->loc;
  return true;
}

/* "/tables/t/r/c" of "t.r.c". */
static void pointer_of(const char *id, char *buf, size_t size) {
  size_t n = (size_t)snprintf(buf, size, "/tables/");
  for (const char *p = id; *p && n + 1 < size; p++) buf[n++] = *p == '.' ? '/' : *p;
  buf[n < size ? n : size - 1] = '\0';
}

static void add_cell_path(cctx *x, const char *id, gi_loc loc) {
  char pointer[MAX_ID + 16];
  pointer_of(id, pointer, sizeof pointer);
  gi_finding_add_path(&x->f, loc, "%s", pointer);
}

/* `pattern` with its '*' replaced by `what`, into buf. */
static bool expand(const char *pattern, const char *what, char *buf, size_t size) {
  const char *star = strchr(pattern, '*');
  int n = star ? snprintf(buf, size, "%.*s%s%s", (int)(star - pattern), pattern, what, star + 1)
               : snprintf(buf, size, "%s", pattern);
  return n > 0 && (size_t)n < size;
}

/* ---- cross-year identities ---- */

static void report_identity(cctx *x, const gi_year_check *c, const char *target, gi_loc loc,
                            const char *label, int64_t actual, int64_t expected, const char *what) {
  gi_finding_begin(&x->f, c->rule);
  add_cell_path(x, target, loc);
  for (size_t i = 0; i < c->nterms; i++) {
    char id[MAX_ID];
    int64_t v;
    gi_loc at;
    if (!c->terms[i].last_year && expand(c->terms[i].cell, what, id, sizeof id) &&
        cell_int(x->current, id, &v, &at))
      add_cell_path(x, id, at);
  }
  gi_finding_set_values(&x->f, expected, actual);
  gi_finding_say(&x->f, GI_SLOT_ZH, "%s（%s）：本年为 %lld，按上年报告（%s）应为 %lld",
                 c->relation_zh, label, (long long)actual, x->last_zh, (long long)expected);
  gi_finding_say(&x->f, GI_SLOT_EN,
                 "%s (%s, %s): %lld this year, %lld from last year's report (%s)", c->relation_en,
                 what, label, (long long)actual, (long long)expected, x->last_en);
  gi_finding_finish(&x->f, x->list);
}

/* One identity for the row or column `what` (its label in messages). */
static void check_one(cctx *x, const gi_year_check *c, const char *what, const char *label) {
  char target[MAX_ID];
  int64_t actual, sum = 0;
  gi_loc loc;
  if (!expand(c->cell, what, target, sizeof target) || !cell_int(x->current, target, &actual, &loc))
    return;
  for (size_t i = 0; i < c->nterms; i++) {
    char id[MAX_ID];
    int64_t v;
    const govinfo_report *r = c->terms[i].last_year ? x->last : x->current;
    if (!expand(c->terms[i].cell, what, id, sizeof id) || !cell_int(r, id, &v, NULL) ||
        __builtin_add_overflow(sum, c->terms[i].sign * v, &sum))
      return;
  }
  if (sum != actual) report_identity(x, c, target, loc, label, actual, sum, what);
}

/* Each row or column the '*' of the check's cell stands for, in this year's format. */
static void check_identity(cctx *x, const gi_year_check *c) {
  const struct govinfo_format *f = x->current->format;
  const char *dot = strchr(c->cell, '.');
  if (dot == NULL) return;
  long t = gi_table_index(f, c->cell, (size_t)(dot - c->cell), -1);
  if (t < 0) return;
  const struct govinfo_table *tb = &f->tables[t];
  bool each_column = c->cell[strlen(c->cell) - 1] == '*';
  if (each_column) {
    for (size_t k = 0; k < tb->ncolumns; k++)
      check_one(x, c, tb->columns[k].id, tb->columns[k].label);
  } else {
    for (size_t k = 0; k < tb->nrows; k++)
      if (tb->rows[k].role == GOVINFO_ROW_DATA) check_one(x, c, tb->rows[k].id, tb->rows[k].label);
  }
}

static void check_identities(cctx *x) {
  for (size_t i = 0; i < gi_year_check_count && !x->f.oom; i++) {
    const gi_year_check *c = &gi_year_checks[i];
    if (strcmp(c->last_format, x->last->format->id) == 0 &&
        strcmp(c->this_format, x->current->format->id) == 0)
      check_identity(x, c);
  }
}

/* ---- jumps ---- */

/* The sum of '+'-joined cells; *loc of the first. */
static bool figure(const govinfo_report *r, const char *cells, int64_t *out, gi_loc *loc) {
  int64_t sum = 0;
  for (const char *p = cells; *p;) {
    const char *plus = strchr(p, '+');
    size_t len = plus ? (size_t)(plus - p) : strlen(p);
    char id[MAX_ID];
    int64_t v;
    gi_loc at;
    if (len >= sizeof id) return false;
    memcpy(id, p, len);
    id[len] = '\0';
    if (!cell_int(r, id, &v, &at) || __builtin_add_overflow(sum, v, &sum)) return false;
    if (p == cells && loc) *loc = at;
    p += len + (plus != NULL);
  }
  *out = sum;
  return true;
}

static void report_jump(cctx *x, const gi_key_figure *k, gi_loc loc, int64_t before, int64_t now,
                        bool grew) {
  unsigned factor = x->opts->jump_factor;
  gi_finding_begin(&x->f, GI_RULE_YEAR_JUMP);
  for (const char *p = k->cells; *p;) {
    const char *plus = strchr(p, '+');
    size_t len = plus ? (size_t)(plus - p) : strlen(p);
    char id[MAX_ID];
    int64_t v;
    gi_loc at = loc;
    snprintf(id, sizeof id, "%.*s", (int)len, p);
    cell_int(x->current, id, &v, &at); /* figure() read every cell: only its place is new */
    add_cell_path(x, id, at);
    p += len + (plus != NULL);
  }
  gi_finding_set_values(&x->f, before, now);
  if (grew) {
    gi_finding_say(&x->f, GI_SLOT_ZH, "%s由上年（%s）的 %lld 增至 %lld，超过 %u 倍", k->name_zh,
                   x->last_zh, (long long)before, (long long)now, factor);
    gi_finding_say(&x->f, GI_SLOT_EN,
                   "%s went from %lld last year (%s) to %lld: more than %u times as many",
                   k->name_en, (long long)before, x->last_en, (long long)now, factor);
  } else {
    gi_finding_say(&x->f, GI_SLOT_ZH, "%s由上年（%s）的 %lld 降至 %lld，不足上年的 %u 分之一",
                   k->name_zh, x->last_zh, (long long)before, (long long)now, factor);
    gi_finding_say(&x->f, GI_SLOT_EN,
                   "%s went from %lld last year (%s) to %lld: under 1/%u of last year's",
                   k->name_en, (long long)before, x->last_en, (long long)now, factor);
  }
  gi_finding_finish(&x->f, x->list);
}

static void check_jumps(cctx *x) {
  int64_t factor = x->opts->jump_factor;
  for (size_t i = 0; i < gi_key_figure_count && !x->f.oom; i++) {
    const gi_key_figure *k = &gi_key_figures[i];
    int64_t before, now, scaled;
    gi_loc loc = {0, 0};
    if (!figure(x->last, k->cells, &before, NULL) || !figure(x->current, k->cells, &now, &loc) ||
        before < (int64_t)x->opts->jump_min_base)
      continue;
    bool grew = !__builtin_mul_overflow(before, factor, &scaled) && now > scaled;
    bool fell = !__builtin_mul_overflow(now, factor, &scaled) && scaled < before;
    if (grew || fell) report_jump(x, k, loc, before, now, grew);
  }
}

/* ---- text reuse ---- */

static const char *section_text(const govinfo_report *r, const char *id) {
  long def = gi_section_index(r->format, id, strlen(id));
  for (size_t i = 0; def >= 0 && i < r->nsections; i++)
    if (r->sections[i].def == (size_t)def) return r->sections[i].text;
  return NULL;
}

static bool watched(const govinfo_compare_options *o, const char *id) {
  static const char *const usual[] = {"s1", "s5", NULL};
  const char *const *ids = o->reuse_sections ? o->reuse_sections : usual;
  for (size_t i = 0; ids[i]; i++)
    if (strcmp(ids[i], id) == 0) return true;
  return false;
}

static void report_reuse(cctx *x, size_t i, const section_reuse *s) {
  const gi_section *sec = &x->current->sections[i];
  const struct govinfo_section_def *def = &x->current->format->sections[sec->def];
  size_t permille = (s->reused * 1000 + s->chars / 2) / s->chars; /* rounded */
  gi_finding_begin(&x->f, GI_RULE_YEAR_TEXT_REUSE);
  gi_finding_add_path(&x->f, gi_text_loc(&sec->text_map, sec->text, 0, sec->loc),
                      "/sections/%zu/text", i);
  gi_finding_say(&x->f, GI_SLOT_ZH,
                 "“%s”有 %zu.%zu%% 的文字与上年报告（%s）相同（%zu 字中 %zu 字在不少于 %u "
                 "字的相同片段中），超过 %u%%",
                 def->title, permille / 10, permille % 10, x->last_zh, s->chars, s->reused,
                 x->opts->reuse_min_run, x->opts->reuse_percent);
  gi_finding_say(&x->f, GI_SLOT_EN,
                 "%zu.%zu%% of section %s (%s) is also in last year's report (%s): %zu of %zu "
                 "characters lie in shared runs of at least %u, over %u%%",
                 permille / 10, permille % 10, def->id, def->title, x->last_en, s->reused, s->chars,
                 x->opts->reuse_min_run, x->opts->reuse_percent);
  gi_finding_finish(&x->f, x->list);
}

static int check_reuse(cctx *x, govinfo_comparison *c) {
  c->reuse = calloc(x->current->nsections + 1, sizeof *c->reuse);
  if (c->reuse == NULL) return gi_fail_oom();
  for (size_t i = 0; i < x->current->nsections && !x->f.oom; i++) {
    const gi_section *sec = &x->current->sections[i];
    section_reuse *s = &c->reuse[c->nsections++];
    s->id = x->current->format->sections[sec->def].id;
    int rc = gi_text_reuse(section_text(x->last, s->id), sec->text, x->opts->reuse_min_run,
                           &s->chars, &s->reused);
    if (rc) return rc;
    if (watched(x->opts, s->id) && s->chars > 0 &&
        s->reused * 100 > (size_t)x->opts->reuse_percent * s->chars)
      report_reuse(x, i, s);
  }
  return GOVINFO_OK;
}

/* ---- the API ---- */

int govinfo_compare_options_init(govinfo_compare_options *opts, unsigned version) {
  if (opts == NULL) return gi_fail(GOVINFO_EINVAL, "options pointer is NULL");
  if (version == 0 || version > GOVINFO_COMPARE_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_compare_options", version);
  *opts = (govinfo_compare_options)GOVINFO_COMPARE_OPTIONS_INIT;
  opts->version = version;
  return GOVINFO_OK;
}

static int check_options(const govinfo_compare_options *o, const govinfo_report *current) {
  if (o->version == 0 || o->version > GOVINFO_COMPARE_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_compare_options", o->version);
  if (o->flags) return gi_fail(GOVINFO_EINVAL, "unknown flags 0x%x", o->flags);
  if (o->reuse_min_run == 0) return gi_fail(GOVINFO_EINVAL, "reuse_min_run must be at least 1");
  if (o->reuse_percent > 100)
    return gi_fail(GOVINFO_EINVAL, "reuse_percent %u is over 100", o->reuse_percent);
  if (o->jump_factor < 2)
    return gi_fail(GOVINFO_EINVAL, "jump_factor %u is under 2", o->jump_factor);
  for (size_t i = 0; o->reuse_sections && o->reuse_sections[i]; i++)
    if (gi_section_index(current->format, o->reuse_sections[i], strlen(o->reuse_sections[i])) < 0)
      return gi_fail(GOVINFO_ENOTFOUND, "format %s has no section \"%s\" (s1..s%zu)",
                     current->format->id, o->reuse_sections[i], current->format->nsections);
  return GOVINFO_OK;
}

static int check_years(const govinfo_report *last, const govinfo_report *current) {
  if (last->year == 0 || current->year == 0)
    return gi_fail(GOVINFO_EINVAL, "%s report has no year",
                   last->year == 0 ? "last year's" : "the current");
  if (current->year != last->year + 1)
    return gi_fail(GOVINFO_EINVAL,
                   "the reports are for %d and %d: the current report must be for the year "
                   "after last year's",
                   last->year, current->year);
  return GOVINFO_OK;
}

static char *copy_origin(const govinfo_report *r, bool *failed) {
  if (r->origin == NULL) return NULL;
  char *s = gi_strdup(r->origin);
  if (s == NULL) *failed = true;
  return s;
}

int govinfo_compare(govinfo_comparison **out, const govinfo_report *last,
                    const govinfo_report *current, const govinfo_compare_options *opts) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  if (last == NULL || current == NULL) return gi_fail(GOVINFO_EINVAL, "report is NULL");
  const govinfo_compare_options defaults = GOVINFO_COMPARE_OPTIONS_INIT;
  cctx x = {.last = last, .current = current, .opts = opts ? opts : &defaults};
  int rc = check_options(x.opts, current);
  if (rc || (rc = check_years(last, current))) return rc;
  gi_part_name(last, 0, x.last_zh, x.last_en, sizeof x.last_zh);
  if (last->origin == NULL) {
    snprintf(x.last_zh, sizeof x.last_zh, "%d年", last->year);
    snprintf(x.last_en, sizeof x.last_en, "%d", last->year);
  }
  govinfo_comparison *c = calloc(1, sizeof *c);
  x.list = gi_diagnostics_new(current->origin);
  bool failed = c == NULL || x.list == NULL;
  if (!failed) {
    c->findings = x.list;
    c->last_file = copy_origin(last, &failed);
    c->this_file = copy_origin(current, &failed);
    c->last_year = last->year;
    c->this_year = current->year;
  } else {
    govinfo_diagnostics_free(x.list);
  }
  rc = failed ? gi_fail_oom() : GOVINFO_OK;
  if (rc == GOVINFO_OK) {
    check_identities(&x);
    rc = check_reuse(&x, c);
  }
  if (rc == GOVINFO_OK) check_jumps(&x);
  gi_finding_free(&x.f);
  if (rc == GOVINFO_OK && x.f.oom) rc = gi_fail_oom();
  if (rc) {
    govinfo_comparison_free(c);
    return rc;
  }
  *out = c;
  return GOVINFO_OK;
}

void govinfo_comparison_free(govinfo_comparison *c) {
  if (c == NULL) return;
  govinfo_diagnostics_free(c->findings);
  free(c->reuse);
  free(c->last_file);
  free(c->this_file);
  free(c);
}

const govinfo_diagnostics *govinfo_comparison_findings(const govinfo_comparison *c) {
  return c ? c->findings : NULL;
}

size_t govinfo_comparison_section_count(const govinfo_comparison *c) {
  return c ? c->nsections : 0;
}

const char *govinfo_comparison_section_id(const govinfo_comparison *c, size_t i) {
  return c && i < c->nsections ? c->reuse[i].id : NULL;
}

size_t govinfo_comparison_section_chars(const govinfo_comparison *c, size_t i) {
  return c && i < c->nsections ? c->reuse[i].chars : 0;
}

size_t govinfo_comparison_section_reused(const govinfo_comparison *c, size_t i) {
  return c && i < c->nsections ? c->reuse[i].reused : 0;
}

/* ---- JSON ---- */

static bool add_file(cJSON *obj, const char *key, const char *file) {
  return file ? cJSON_AddStringToObject(obj, key, file) != NULL
              : cJSON_AddNullToObject(obj, key) != NULL;
}

static bool add_reuse(cJSON *obj, const govinfo_comparison *c) {
  cJSON *array = cJSON_AddArrayToObject(obj, "reuse");
  for (size_t i = 0; array && i < c->nsections; i++) {
    const section_reuse *s = &c->reuse[i];
    cJSON *item = cJSON_CreateObject();
    /* The share rounded to four places, so it prints as written ("0.4356"). */
    size_t per_10000 = s->chars ? (s->reused * 10000 + s->chars / 2) / s->chars : 0;
    double share = (double)per_10000 / 10000.0;
    bool ok = item && cJSON_AddStringToObject(item, "section", s->id) &&
              cJSON_AddNumberToObject(item, "chars", (double)s->chars) &&
              cJSON_AddNumberToObject(item, "reused", (double)s->reused) &&
              cJSON_AddNumberToObject(item, "share", share) && cJSON_AddItemToArray(array, item);
    if (!ok) {
      cJSON_Delete(item);
      return false;
    }
  }
  return array != NULL;
}

static cJSON *comparison_json(const govinfo_comparison *c) {
  cJSON *obj = cJSON_CreateObject(), *years = NULL;
  bool ok = obj && add_file(obj, "last", c->last_file) && add_file(obj, "this", c->this_file) &&
            (years = cJSON_AddArrayToObject(obj, "years")) != NULL &&
            cJSON_AddItemToArray(years, cJSON_CreateNumber(c->last_year)) &&
            cJSON_AddItemToArray(years, cJSON_CreateNumber(c->this_year)) && add_reuse(obj, c) &&
            gi_diagnostics_add_json(obj, c->findings);
  if (!ok) {
    cJSON_Delete(obj);
    return NULL;
  }
  return obj;
}

int govinfo_comparison_to_json(char **out, size_t *len, const govinfo_comparison *c) {
  if (out) *out = NULL;
  if (out == NULL || c == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  return gi_json_print(out, len, comparison_json(c));
}
