/* bench-compare: what comparing two years of a body costs (govinfo_compare: the cross-year
 * identities, key-figure jumps and, above all, text reuse).
 *
 * The pairs: every pair of the reports given (paired by body and consecutive years, as
 * `govinfo compare DIR` does) and, for every report, the report against itself moved back
 * a year: all of its text reused, the most work for the reuse check. For each pair it times,
 * interleaved within every round:
 *   a  cJSON_ParseWithLength + cJSON_Delete of the two reports' canonical JSON
 *   c  govinfo_compare + govinfo_comparison_free
 * and prints the median time per operation over the rounds, c/a, and c scaled to two reports
 * of 10 KB each (by the size of their JSON) against the 1 ms target. Since the fixtures'
 * texts are only 3 to 5 KB, two reports built with 10 KB of text each (all of it reused, or
 * partly) are timed as well, their time printed as measured. It only reports: the
 * exit status says whether it could run, never whether a target was met.
 *
 * Uses the public API of libgovinfo only, plus cJSON. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cJSON.h>
#include <govinfo/govinfo.h>

#define DEFAULT_ROUNDS 11
#define MAX_ROUNDS 1000
#define ROUND_NS 20000000ull /* each round of one operation runs at least 20 ms */
#define BATCH_NS 1000000ull
#define TARGET_US 1000.0   /* two reports of 10 KB */
#define TARGET_BYTES 20480 /* ... that is, 20 KB of JSON */
#define MAX_REPORTS 256

static int failure(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int failure(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("bench-compare: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  return -1;
}

static int library_failure(const char *what, const char *name) {
  return failure("%s %s: %s", what, name, govinfo_error_last()->message);
}

/* ---- the pairs ---- */

typedef struct report_data {
  char *path;
  govinfo_report *report;
  char *json;
  size_t json_len;
} report_data;

typedef struct pair {
  char name[160];
  const govinfo_report *last, *current;
  const char *json[2];
  size_t json_len[2];
} pair;

static int op_cjson(const pair *p) {
  for (int i = 0; i < 2; i++) {
    cJSON *tree = cJSON_ParseWithLength(p->json[i], p->json_len[i]);
    if (tree == NULL) return failure("cJSON cannot parse the JSON of %s", p->name);
    cJSON_Delete(tree);
  }
  return 0;
}

static int op_compare(const pair *p) {
  govinfo_comparison *c;
  if (govinfo_compare(&c, p->last, p->current, NULL))
    return library_failure("cannot compare", p->name);
  govinfo_comparison_free(c);
  return 0;
}

typedef int operation(const pair *p);

/* ---- timing: medians of rounds of batches, as bench-govinfo does ---- */

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static int run_batch(operation *op, const pair *p, unsigned long count, uint64_t *ns) {
  uint64_t start = now_ns();
  for (unsigned long i = 0; i < count; i++)
    if (op(p)) return -1;
  *ns = now_ns() - start;
  return 0;
}

static int calibrate(operation *op, const pair *p, unsigned long *count) {
  unsigned long n = 1;
  for (;;) {
    uint64_t ns;
    if (run_batch(op, p, n, &ns)) return -1;
    if (ns >= BATCH_NS || n >= (1ul << 30)) break;
    n *= 2;
  }
  *count = n;
  return 0;
}

static int run_round(operation *op, const pair *p, unsigned long batch, double *ns_per_op) {
  uint64_t total = 0;
  unsigned long calls = 0;
  while (total < ROUND_NS) {
    uint64_t ns;
    if (run_batch(op, p, batch, &ns)) return -1;
    total += ns;
    calls += batch;
  }
  *ns_per_op = (double)total / (double)calls;
  return 0;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, size_t n) {
  qsort(v, n, sizeof *v, by_value);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Median ns per call of a and c on the pair, interleaved within each round. */
static int measure(const pair *p, unsigned rounds, double result[2]) {
  operation *ops[2] = {op_cjson, op_compare};
  unsigned long batch[2];
  double *samples = malloc(sizeof *samples * 2 * rounds);
  if (samples == NULL) return failure("out of memory");
  int rc = calibrate(ops[0], p, &batch[0]) || calibrate(ops[1], p, &batch[1]) ? -1 : 0;
  for (unsigned r = 0; rc == 0 && r < rounds; r++)
    for (int k = 0; rc == 0 && k < 2; k++)
      rc = run_round(ops[k], p, batch[k], &samples[k * rounds + r]);
  if (rc == 0)
    for (int k = 0; k < 2; k++) result[k] = median(&samples[k * rounds], rounds);
  free(samples);
  return rc;
}

/* ---- reports ---- */

static bool is_report(const char *name) {
  size_t n = strlen(name);
  return name[0] != '.' && !strstr(name, ".expected.") &&
         ((n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
          (n > 4 && strcmp(name + n - 4, ".yml") == 0));
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The report files of the arguments (directories: their *.yaml, sorted). */
static int collect(char **paths, size_t *n, char **args, int nargs) {
  for (int i = 0; i < nargs; i++) {
    DIR *d = opendir(args[i]);
    if (d == NULL) {
      if (errno != ENOTDIR) return failure("cannot open %s: %s", args[i], strerror(errno));
      if (*n == MAX_REPORTS) return failure("too many reports");
      if ((paths[(*n)++] = strdup(args[i])) == NULL) return failure("out of memory");
      continue;
    }
    size_t first = *n;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
      if (!is_report(e->d_name)) continue;
      if (*n == MAX_REPORTS) {
        closedir(d);
        return failure("too many reports");
      }
      char *p = malloc(strlen(args[i]) + strlen(e->d_name) + 2);
      if (p == NULL) {
        closedir(d);
        return failure("out of memory");
      }
      sprintf(p, "%s/%s", args[i], e->d_name);
      paths[(*n)++] = p;
    }
    closedir(d);
    qsort(paths + first, *n - first, sizeof *paths, by_name);
  }
  return 0;
}

static int load(report_data *r, char *path) {
  r->path = path;
  if (govinfo_report_load(&r->report, path, GOVINFO_SYNTAX_AUTO))
    return library_failure("cannot read", path);
  if (govinfo_report_serialize(&r->json, &r->json_len, r->report, GOVINFO_SYNTAX_JSON, 0))
    return library_failure("cannot write the JSON of", path);
  return 0;
}

/* ---- two reports with 10 KB of text each ---- */

#define TEXT_BYTES 10240

/* Every section text of every report, in order (`one` bytes), repeated until it holds `need`
 * bytes. */
static char *text_pool(const report_data *r, size_t n, size_t need, size_t *len, size_t *one_len) {
  size_t one = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < govinfo_report_section_count(r[i].report); k++) {
      const char *t = govinfo_report_section_text_at(r[i].report, k);
      one += t ? strlen(t) : 0;
    }
  if (one == 0) return NULL;
  *one_len = one;
  size_t copies = need / one + 1;
  char *pool = malloc(one * copies + 1), *at = pool;
  if (pool == NULL) return NULL;
  for (size_t c = 0; c < copies; c++)
    for (size_t i = 0; i < n; i++)
      for (size_t k = 0; k < govinfo_report_section_count(r[i].report); k++) {
        const char *t = govinfo_report_section_text_at(r[i].report, k);
        size_t l = t ? strlen(t) : 0;
        memcpy(at, t, l);
        at += l;
      }
  *at = '\0';
  *len = (size_t)(at - pool);
  return pool;
}

/* Back from i to the start of a UTF-8 character. */
static size_t char_start(const char *s, size_t i) {
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
  return i;
}

/* A copy of base whose sections share TEXT_BYTES of pool[from..] between them, in `year`. */
static govinfo_report *with_text(const govinfo_report *base, const char *pool, size_t from,
                                 int year) {
  govinfo_report *r;
  if (govinfo_report_copy(&r, base)) return NULL;
  govinfo_report_set_year(r, year);
  size_t k = govinfo_report_section_count(r), per = TEXT_BYTES / (k ? k : 1);
  char piece[TEXT_BYTES + 1];
  for (size_t i = 0; i < k; i++) {
    size_t a = char_start(pool, from + i * per), b = char_start(pool, from + (i + 1) * per);
    memcpy(piece, pool + a, b - a);
    piece[b - a] = '\0';
    char id[16];
    snprintf(id, sizeof id, "%s", govinfo_report_section_id_at(r, i));
    if (govinfo_report_set_section(r, id, govinfo_report_section_title_at(r, i), piece)) {
      govinfo_report_free(r);
      return NULL;
    }
  }
  return r;
}

/* Times two reports of 10 KB of text each: all of it reused, and overlapping only in part.
 * The time is printed as measured (not scaled). */
static int run_ten_kb(const report_data *r, size_t n, unsigned rounds, double *worst) {
  size_t len, one;
  char *pool = text_pool(r, n, 3 * TEXT_BYTES, &len, &one);
  if (pool == NULL) return failure("the reports have no text");
  int year = govinfo_report_year(r[0].report);
  govinfo_report *last = with_text(r[0].report, pool, 0, year - 1);
  govinfo_report *same = with_text(r[0].report, pool, 0, year);
  /* half a pool further on: other text but for what the pool repeats (duplicates among the
   * reports, the wrap-around) */
  govinfo_report *other = with_text(r[0].report, pool, one / 2 + TEXT_BYTES / 2, year);
  int rc = last && same && other ? 0 : library_failure("cannot build", "the 10 KB reports");
  const govinfo_report *now[2] = {same, other};
  const char *names[2] = {"10 KB of text each, all reused", "10 KB of text each, partly reused"};
  for (size_t i = 0; rc == 0 && i < 2; i++) {
    char *json[2] = {NULL, NULL};
    size_t json_len[2];
    const govinfo_report *both[2] = {last, now[i]};
    for (size_t j = 0; rc == 0 && j < 2; j++)
      if (govinfo_report_serialize(&json[j], &json_len[j], both[j], GOVINFO_SYNTAX_JSON, 0))
        rc = library_failure("cannot write the JSON of", names[i]);
    pair p = {.last = last,
              .current = now[i],
              .json = {json[0], json[1]},
              .json_len = {json_len[0], json_len[1]}};
    snprintf(p.name, sizeof p.name, "%s", names[i]);
    double t[2];
    if (rc == 0 && (rc = measure(&p, rounds, t)) == 0) {
      printf("%-44s %7zu %7zu %9.1f %10.1f %6.2fx %10.1f\n", p.name, json_len[0], json_len[1],
             t[0] / 1000.0, t[1] / 1000.0, t[1] / t[0], t[1] / 1000.0);
      if (t[1] / 1000.0 > *worst) *worst = t[1] / 1000.0;
    }
    govinfo_free(json[0]);
    govinfo_free(json[1]);
  }
  govinfo_report_free(last);
  govinfo_report_free(same);
  govinfo_report_free(other);
  free(pool);
  return rc;
}

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

static void print_row(const pair *p, const double t[2], double *worst) {
  double scaled = t[1] / 1000.0 * TARGET_BYTES / (double)(p->json_len[0] + p->json_len[1]);
  if (scaled > *worst) *worst = scaled;
  printf("%-44s %7zu %7zu %9.1f %10.1f %6.2fx %10.1f\n", p->name, p->json_len[0], p->json_len[1],
         t[0] / 1000.0, t[1] / 1000.0, t[1] / t[0], scaled);
}

static int run(report_data *r, size_t n, unsigned rounds) {
  printf("libgovinfo %s: median of %u rounds, each operation >= 20 ms per round; times in "
         "microseconds per pair\n",
         govinfo_version_string(), rounds);
  printf("%-44s %7s %7s %9s %10s %7s %10s\n", "pair", "JSON1 B", "JSON2 B", "a cJSON", "c compare",
         "c/a", "c @ 2x10KB");
  double worst = 0;
  int rc = 0;
  /* the real pairs of the corpus */
  const govinfo_report *reports[MAX_REPORTS];
  for (size_t i = 0; i < n; i++) reports[i] = r[i].report;
  govinfo_pairing *pairing;
  if (govinfo_pairing_new(&pairing, reports, n, NULL))
    return library_failure("cannot pair", "the reports");
  for (size_t k = 0; rc == 0 && k < govinfo_pairing_pair_count(pairing); k++) {
    size_t a, b;
    govinfo_pairing_pair_at(pairing, k, &a, &b);
    pair p = {.last = r[a].report,
              .current = r[b].report,
              .json = {r[a].json, r[b].json},
              .json_len = {r[a].json_len, r[b].json_len}};
    snprintf(p.name, sizeof p.name, "%s -> %s", base_name(r[a].path), base_name(r[b].path));
    double t[2];
    if ((rc = measure(&p, rounds, t)) == 0) print_row(&p, t, &worst);
  }
  govinfo_pairing_free(pairing);
  /* each report against itself a year earlier: all of its text reused */
  for (size_t i = 0; rc == 0 && i < n; i++) {
    govinfo_report *earlier;
    if (govinfo_report_copy(&earlier, r[i].report))
      return library_failure("cannot copy", r[i].path);
    govinfo_report_set_year(earlier, govinfo_report_year(r[i].report) - 1);
    pair p = {.last = earlier,
              .current = r[i].report,
              .json = {r[i].json, r[i].json},
              .json_len = {r[i].json_len, r[i].json_len}};
    snprintf(p.name, sizeof p.name, "%s copied", base_name(r[i].path));
    double t[2];
    if ((rc = measure(&p, rounds, t)) == 0) print_row(&p, t, &worst);
    govinfo_report_free(earlier);
  }
  /* two reports of 10 KB of text each (the fixtures' texts are 3 to 5 KB) */
  if (rc == 0 && n > 0) rc = run_ten_kb(r, n, rounds, &worst);
  if (rc == 0)
    printf("target: c for two reports of 10 KB <= %.0f us (worst %.1f us: %s)\n", TARGET_US, worst,
           worst <= TARGET_US ? "met" : "NOT met");
  return rc;
}

int main(int argc, char **argv) {
  unsigned rounds = DEFAULT_ROUNDS;
  int first = 1;
  if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
    printf("usage: bench-compare [--rounds N] [REPORT.yaml | DIRECTORY]...\n"
           "Times govinfo_compare of every pair of the reports (and of each report against\n"
           "itself a year earlier) against cJSON parsing their JSON (default: the reports of\n"
           "$GOVINFO_SOURCE_ROOT/tests/data/fixtures and examples/reports).\n");
    return EXIT_SUCCESS;
  }
  if (argc > 2 && strcmp(argv[1], "--rounds") == 0) {
    char *end;
    long v = strtol(argv[2], &end, 10);
    if (*end || v < 1 || v > MAX_ROUNDS) return failure("--rounds takes 1 to %d", MAX_ROUNDS), 2;
    rounds = (unsigned)v;
    first = 3;
  }
  char *paths[MAX_REPORTS], *defaults[2], dir1[4096], dir2[4096];
  size_t n = 0;
  int rc;
  if (first < argc) {
    rc = collect(paths, &n, argv + first, argc - first);
  } else {
    const char *root = getenv("GOVINFO_SOURCE_ROOT");
    if (root == NULL || !*root)
      return failure("no report given and GOVINFO_SOURCE_ROOT is not set"), 2;
    snprintf(dir1, sizeof dir1, "%s/tests/data/fixtures", root);
    snprintf(dir2, sizeof dir2, "%s/examples/reports", root);
    defaults[0] = dir1;
    defaults[1] = dir2;
    rc = collect(paths, &n, defaults, 2);
  }
  report_data r[MAX_REPORTS] = {{0}};
  size_t loaded = 0;
  for (; rc == 0 && loaded < n; loaded++) rc = load(&r[loaded], paths[loaded]);
  if (rc == 0) rc = run(r, n, rounds);
  for (size_t i = 0; i < n; i++) {
    govinfo_report_free(r[i].report);
    govinfo_free(r[i].json);
    free(paths[i]);
  }
  return rc ? EXIT_FAILURE : EXIT_SUCCESS;
}
