/* Pairing a corpus: reports grouped by body (their organ, normalised, less leading region
 * names) and paired by consecutive years; whatever cannot be decided is listed as an
 * ambiguous group, never guessed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"

/* ---- body names ---- */

/* Characters that end the name of a province, city, county or district (who may prefix a
 * body's own name) and those that end any place name (what must be left after one). */
static const char *const region_ends[] = {"省", "市", "区", "县", "州", "盟", "旗", NULL};
static const char *const place_ends[] = {"省", "市", "区", "县",   "州", "盟",
                                         "旗", "镇", "乡", "街道", NULL};

/* The name with full-width forms folded and whitespace dropped, into b. */
static void fold(gi_buf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    size_t n = gi_space_at((const char *)p);
    if (n) {
      p += n;
      continue;
    }
    /* U+FF01..U+FF5E: EF BC 81..BF, EF BD 80..9E */
    if (p[0] == 0xEF && (p[1] == 0xBC || p[1] == 0xBD) && p[2] >= 0x80) {
      unsigned cp = 0xF000u | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        char c = (char)(cp - 0xFEE0);
        gi_buf_append(b, &c, 1);
        p += 3;
        continue;
      }
    }
    gi_buf_append(b, (const char *)p, 1);
    p++;
  }
  gi_buf_append(b, "", 1);
}

static size_t char_length(const char *s) {
  unsigned char c = (unsigned char)*s;
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Bytes of the first place name of s (one character or more, then one of `ends`), 0 when s
 * does not start with one. */
static size_t place_at(const char *s, const char *const *ends) {
  if (*s == '\0') return 0;
  for (const char *p = s + char_length(s); *p; p += char_length(p))
    for (size_t i = 0; ends[i]; i++)
      if (gi_after_word(p, ends[i])) return (size_t)(p - s) + strlen(ends[i]);
  return 0;
}

int gi_body_key(const char *organ, char **key, char **region) {
  gi_buf b = {0};
  fold(&b, organ);
  char *name;
  size_t len;
  if (gi_buf_finish(&b, &name, &len)) return GOVINFO_ENOMEM;
  size_t cut = 0;
  for (;;) {
    size_t n = place_at(name + cut, region_ends);
    /* What is left must still begin with a place name of its own. */
    if (n == 0 || place_at(name + cut + n, place_ends) == 0) break;
    cut += n;
  }
  *key = gi_strdup(name + cut);
  *region = gi_strndup(name, cut);
  free(name);
  if (*key == NULL || *region == NULL) {
    free(*key);
    free(*region);
    *key = *region = NULL;
    return gi_fail_oom();
  }
  return GOVINFO_OK;
}

void gi_part_name(const govinfo_report *r, size_t index, char *zh, char *en, size_t size) {
  const char *origin = govinfo_report_origin(r);
  if (origin && origin[0]) {
    snprintf(zh, size, "%s", origin);
    snprintf(en, size, "%s", origin);
  } else {
    snprintf(zh, size, "第%zu份", index + 1);
    snprintf(en, size, "part %zu", index + 1);
  }
}

/* ---- the pairing ---- */

struct govinfo_pairing {
  size_t n;
  char **body;   /* per report: its key, NULL when it names no organ */
  char **region; /* per report: the region names removed */
  size_t *pairs; /* last, current, last, current... */
  size_t npairs;
  size_t *members; /* every ambiguous group's members, one group after the other */
  size_t *group_start;
  size_t ngroups, nmembers;
  size_t *unpaired;
  size_t nunpaired;
};

/* qsort has no context argument: the comparison reads the keys through these records. */
typedef struct entry {
  const char *body;
  int year;
  size_t index;
} entry;

static int by_body_year(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int c = strcmp(x->body, y->body);
  if (c) return c;
  if (x->year != y->year) return x->year < y->year ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int by_index(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

static bool compatible(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  if (na == 0 || nb == 0) return true;
  return na >= nb ? strcmp(a + na - nb, b) == 0 : strcmp(b + nb - na, a) == 0;
}

/* The reports of one body, entries [from, to): sorted by year. */
typedef struct body_run {
  const entry *e;
  size_t from, to;
} body_run;

static bool regions_agree(const govinfo_pairing *p, const body_run *run) {
  for (size_t i = run->from; i < run->to; i++)
    for (size_t j = i + 1; j < run->to; j++)
      if (!compatible(p->region[run->e[i].index], p->region[run->e[j].index])) return false;
  return true;
}

/* Entries of year y in the run: [*first, *first + count). */
static size_t year_count(const body_run *run, int year, size_t *first) {
  size_t n = 0;
  for (size_t i = run->from; i < run->to; i++)
    if (run->e[i].year == year) {
      if (n == 0) *first = i;
      n++;
    }
  return n;
}

static void add_member(govinfo_pairing *p, size_t index) { p->members[p->nmembers++] = index; }

static void end_group(govinfo_pairing *p, size_t start) {
  qsort(p->members + start, p->nmembers - start, sizeof *p->members, by_index);
  p->group_start[p->ngroups++] = start;
}

static void pair_body(govinfo_pairing *p, const body_run *run, bool *placed) {
  if (!regions_agree(p, run)) { /* 淮安市洪泽区… and 宿迁市洪泽区…: not one body for sure */
    size_t start = p->nmembers;
    for (size_t i = run->from; i < run->to; i++) {
      add_member(p, run->e[i].index);
      placed[run->e[i].index] = true;
    }
    end_group(p, start);
    return;
  }
  for (size_t i = run->from; i < run->to; i++) {
    if (i > run->from && run->e[i].year == run->e[i - 1].year) continue;
    int y = run->e[i].year;
    size_t first = 0, prev = 0, next = 0;
    size_t n = year_count(run, y, &first);
    size_t np = year_count(run, y - 1, &prev), nn = year_count(run, y + 1, &next);
    if (n == 1 && nn == 1) {
      p->pairs[2 * p->npairs] = run->e[first].index;
      p->pairs[2 * p->npairs + 1] = run->e[next].index;
      p->npairs++;
      placed[run->e[first].index] = placed[run->e[next].index] = true;
    }
    if (n < 2) continue;
    /* Several reports of one year: they and the single reports of the years around. */
    size_t start = p->nmembers;
    for (size_t k = first; k < first + n; k++) add_member(p, run->e[k].index);
    if (np == 1) add_member(p, run->e[prev].index);
    if (nn == 1) add_member(p, run->e[next].index);
    for (size_t k = start; k < p->nmembers; k++) placed[p->members[k]] = true;
    end_group(p, start);
  }
}

static int fill(govinfo_pairing *p, const govinfo_report *const *reports, entry *e) {
  size_t ne = 0;
  for (size_t i = 0; i < p->n; i++) {
    const char *organ = govinfo_report_organ(reports[i]);
    if (organ == NULL || organ[0] == '\0') continue;
    int rc = gi_body_key(organ, &p->body[i], &p->region[i]);
    if (rc) return rc;
    if (p->body[i][0] == '\0') continue;
    int year = govinfo_report_year(reports[i]);
    if (year > 0) e[ne++] = (entry){p->body[i], year, i};
  }
  qsort(e, ne, sizeof *e, by_body_year);
  bool *placed = calloc(p->n + 1, sizeof *placed);
  if (placed == NULL) return gi_fail_oom();
  for (size_t i = 0; i < ne;) {
    size_t j = i;
    while (j < ne && strcmp(e[j].body, e[i].body) == 0) j++;
    body_run run = {e, i, j};
    pair_body(p, &run, placed);
    i = j;
  }
  for (size_t i = 0; i < p->n; i++)
    if (!placed[i]) p->unpaired[p->nunpaired++] = i;
  free(placed);
  return GOVINFO_OK;
}

int govinfo_pairing_options_init(govinfo_pairing_options *opts, unsigned version) {
  if (opts == NULL) return gi_fail(GOVINFO_EINVAL, "options pointer is NULL");
  if (version == 0 || version > GOVINFO_PAIRING_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_pairing_options", version);
  *opts = (govinfo_pairing_options)GOVINFO_PAIRING_OPTIONS_INIT;
  opts->version = version;
  return GOVINFO_OK;
}

int govinfo_pairing_new(govinfo_pairing **out, const govinfo_report *const *reports, size_t n,
                        const govinfo_pairing_options *opts) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  if (reports == NULL && n > 0) return gi_fail(GOVINFO_EINVAL, "reports is NULL");
  for (size_t i = 0; i < n; i++)
    if (reports[i] == NULL) return gi_fail(GOVINFO_EINVAL, "report %zu is NULL", i);
  if (opts && (opts->version == 0 || opts->version > GOVINFO_PAIRING_OPTIONS_VERSION))
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_pairing_options", opts->version);
  if (opts && opts->flags) return gi_fail(GOVINFO_EINVAL, "unknown flags 0x%x", opts->flags);
  if (n > SIZE_MAX / 4 / sizeof(size_t)) return gi_fail(GOVINFO_EINVAL, "too many reports");
  govinfo_pairing *p = calloc(1, sizeof *p);
  entry *e = malloc((n + 1) * sizeof *e);
  if (p) {
    p->n = n;
    p->body = calloc(n + 1, sizeof *p->body);
    p->region = calloc(n + 1, sizeof *p->region);
    p->pairs = malloc((2 * n + 1) * sizeof *p->pairs);
    /* A report joins at most three groups: its year's and those of the years around. */
    p->members = malloc((3 * n + 1) * sizeof *p->members);
    p->group_start = malloc((n + 1) * sizeof *p->group_start);
    p->unpaired = malloc((n + 1) * sizeof *p->unpaired);
  }
  int rc = p && e && p->body && p->region && p->pairs && p->members && p->group_start && p->unpaired
               ? fill(p, reports, e)
               : gi_fail_oom();
  free(e);
  if (rc) {
    govinfo_pairing_free(p);
    return rc;
  }
  *out = p;
  return GOVINFO_OK;
}

void govinfo_pairing_free(govinfo_pairing *p) {
  if (p == NULL) return;
  for (size_t i = 0; p->body && i < p->n; i++) free(p->body[i]);
  for (size_t i = 0; p->region && i < p->n; i++) free(p->region[i]);
  free(p->body);
  free(p->region);
  free(p->pairs);
  free(p->members);
  free(p->group_start);
  free(p->unpaired);
  free(p);
}

size_t govinfo_pairing_pair_count(const govinfo_pairing *p) { return p ? p->npairs : 0; }

int govinfo_pairing_pair_at(const govinfo_pairing *p, size_t index, size_t *last, size_t *current) {
  if (p == NULL || index >= p->npairs)
    return gi_fail(GOVINFO_EINVAL, "no pair %zu (there are %zu)", index, p ? p->npairs : 0);
  if (last) *last = p->pairs[2 * index];
  if (current) *current = p->pairs[2 * index + 1];
  return GOVINFO_OK;
}

size_t govinfo_pairing_ambiguous_count(const govinfo_pairing *p) { return p ? p->ngroups : 0; }

size_t govinfo_pairing_ambiguous_size(const govinfo_pairing *p, size_t group) {
  if (p == NULL || group >= p->ngroups) return SIZE_MAX;
  size_t end = group + 1 < p->ngroups ? p->group_start[group + 1] : p->nmembers;
  return end - p->group_start[group];
}

size_t govinfo_pairing_ambiguous_member(const govinfo_pairing *p, size_t group, size_t k) {
  size_t size = govinfo_pairing_ambiguous_size(p, group);
  return size != SIZE_MAX && k < size ? p->members[p->group_start[group] + k] : SIZE_MAX;
}

size_t govinfo_pairing_unpaired_count(const govinfo_pairing *p) { return p ? p->nunpaired : 0; }

size_t govinfo_pairing_unpaired_at(const govinfo_pairing *p, size_t index) {
  return p && index < p->nunpaired ? p->unpaired[index] : SIZE_MAX;
}

const char *govinfo_pairing_body(const govinfo_pairing *p, size_t report) {
  return p && report < p->n && p->body[report] && p->body[report][0] ? p->body[report] : NULL;
}
