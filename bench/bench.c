/* bench-govinfo: what libgovinfo's reading and validation cost over the raw parsers.
 *
 * For each report (a YAML file) and its canonical JSON (made in-process with
 * govinfo_report_serialize) it times, interleaved within every round:
 *   a  cJSON_ParseWithLength + cJSON_Delete of the JSON
 *   b  libyaml event parsing of the YAML (yaml_parser_parse until STREAM-END)
 *   c  govinfo_report_parse of the JSON + govinfo_report_validate + frees
 *   d  the same from the YAML
 * and prints the median time per operation over the rounds, the ratios c/a and d/b, and
 * whether they meet the targets. It only reports: timings are noisy, so the exit status
 * says whether the benchmark could run, never whether a target was met.
 *
 * With --import, the documents are report texts (pdftotext output and crawler text *.txt,
 * Markdown *.md, HTML *.html, tab-separated *.tsv) and report files (*.pdf, *.docx, *.xlsx;
 * bench/layouts.sh renders every fixture in every layout): it times
 *   a  cJSON_ParseWithLength + cJSON_Delete of the imported report's canonical JSON
 *   e  govinfo_import of the text (govinfo_import_file of a file, for a PDF pdftotext
 *      included) + frees
 * and prints e/a and, for texts, the import time per 10 KB of text against the 150 us
 * target.
 *
 * Uses the public API of libgovinfo only, plus cJSON and libyaml directly.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef BENCH_HAVE_LIBXML2
#include <libxml/HTMLparser.h>
#endif

#include <cJSON.h>
#include <govinfo/govinfo.h>
#include <yaml.h>

#define DEFAULT_ROUNDS 11
#define MAX_ROUNDS 1000
#define ROUND_NS 20000000ull /* each round of one operation runs at least 20 ms */
#define BATCH_NS 1000000ull  /* calls between two clock reads take about 1 ms */
#define TARGET_RATIO 1.3
#define IMPORT_TARGET_US 150.0 /* per 10 KB of text */

enum { EXIT_USAGE = 2, KEEP_GOING = -1 };

typedef struct document {
  char *path;
  const char *name;  /* base name of path, for the table */
  char *json_name;   /* source name of the JSON form in error messages */
  char *yaml, *json; /* with --import, yaml holds the report text */
  size_t yaml_len, json_len;
} document;

/* ---- messages ---- */

static int failure(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "bench-govinfo: <message>" and returns -1. */
static int failure(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("bench-govinfo: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  return -1;
}

/* "cannot read FILE:LINE:COLUMN: message (GOVINFO_E...)" from the library's error record. */
static int library_failure(const char *what, const char *name) {
  const govinfo_error *e = govinfo_error_last();
  if (e->line > 0)
    return failure("%s %s:%u:%u: %s (%s)", what, name, e->line, e->column, e->message,
                   govinfo_error_name(e->code));
  return failure("%s %s: %s (%s)", what, name, e->message, govinfo_error_name(e->code));
}

/* ---- the four operations ---- */

static int raw_json(const document *d) {
  cJSON *tree = cJSON_ParseWithLength(d->json, d->json_len);
  if (tree == NULL) return failure("cJSON cannot parse the JSON of %s", d->name);
  cJSON_Delete(tree);
  return 0;
}

static int raw_yaml(const document *d) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return failure("libyaml: out of memory");
  yaml_parser_set_input_string(&parser, (const unsigned char *)d->yaml, d->yaml_len);
  int rc = 0;
  for (bool done = false; !done;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      rc = failure("libyaml cannot parse %s: %s", d->name,
                   parser.problem ? parser.problem : "unknown error");
      break;
    }
    done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  return rc;
}

static int parse_and_validate(const char *text, size_t len, govinfo_syntax syntax,
                              const char *name) {
  govinfo_report *report;
  if (govinfo_report_parse(&report, text, len, syntax, name))
    return library_failure("cannot read", name);
  govinfo_diagnostics *diagnostics;
  int rc = govinfo_report_validate(&diagnostics, report);
  govinfo_report_free(report);
  if (rc) return library_failure("cannot validate", name);
  govinfo_diagnostics_free(diagnostics);
  return 0;
}

static int govinfo_json(const document *d) {
  return parse_and_validate(d->json, d->json_len, GOVINFO_SYNTAX_JSON, d->json_name);
}

static int govinfo_yaml(const document *d) {
  return parse_and_validate(d->yaml, d->yaml_len, GOVINFO_SYNTAX_YAML, d->path);
}

/* A report file rather than a text: a PDF (through pdftotext), Word or Excel file. */
static bool is_report_file(const char *name);

static int import_document(const document *d, govinfo_report **report,
                           govinfo_diagnostics **findings) {
  if (is_report_file(d->path)) return govinfo_import_file(report, findings, d->path);
  return govinfo_import(report, findings, d->yaml, d->yaml_len, GOVINFO_INPUT_AUTO, d->path);
}

static int govinfo_import_text(const document *d) {
  govinfo_report *report;
  govinfo_diagnostics *findings;
  if (import_document(d, &report, &findings)) return library_failure("cannot import", d->path);
  govinfo_report_free(report);
  govinfo_diagnostics_free(findings);
  return 0;
}

/* An HTML page's parse by libxml2 alone, as the importer asks for it: the floor under
 * importing a page, which the importer cannot go below. */
static bool is_html(const char *name);

static int libxml2_parse(const document *d) {
#ifdef BENCH_HAVE_LIBXML2
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt == NULL) return failure("out of memory");
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt, d->yaml, (int)d->yaml_len, NULL, NULL,
                                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                          HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  xmlFreeDoc(doc);
  htmlFreeParserCtxt(ctxt);
  return doc ? 0 : failure("libxml2 cannot read %s", d->path);
#else
  (void)d;
  return failure("built without libxml2");
#endif
}

typedef struct operation {
  const char *header;
  int (*run)(const document *d);
} operation;

enum { OP_RAW_JSON, OP_RAW_YAML, OP_GOVINFO_JSON, OP_GOVINFO_YAML, OP_COUNT };
enum { IMPORT_RAW_JSON, IMPORT_TEXT, IMPORT_HTML_PARSER, IMPORT_OP_COUNT };
enum { MAX_OPS = 4 }; /* the larger of OP_COUNT and IMPORT_OP_COUNT */
_Static_assert((int)OP_COUNT <= MAX_OPS && (int)IMPORT_OP_COUNT <= MAX_OPS, "MAX_OPS too small");

static const operation operations[OP_COUNT] = {
    [OP_RAW_JSON] = {"a cJSON", raw_json},
    [OP_RAW_YAML] = {"b libyaml", raw_yaml},
    [OP_GOVINFO_JSON] = {"c gi JSON", govinfo_json},
    [OP_GOVINFO_YAML] = {"d gi YAML", govinfo_yaml},
};

static const operation import_operations[IMPORT_OP_COUNT] = {
    [IMPORT_RAW_JSON] = {"a cJSON", raw_json},
    [IMPORT_TEXT] = {"e import", govinfo_import_text},
    [IMPORT_HTML_PARSER] = {"x libxml2", libxml2_parse}, /* HTML pages only */
};

/* ---- timing ---- */

static uint64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

/* Runs op `count` times; elapsed time in *ns. */
static int run_batch(const operation *op, const document *d, unsigned long count, uint64_t *ns) {
  uint64_t start = now_ns();
  for (unsigned long i = 0; i < count; i++)
    if (op->run(d)) return -1;
  *ns = now_ns() - start;
  return 0;
}

/* How many calls take about BATCH_NS, so reading the clock costs nothing measurable. This
 * also warms caches and the allocator up. */
static int calibrate(const operation *op, const document *d, unsigned long *count) {
  unsigned long n = 1;
  for (;;) {
    uint64_t ns;
    if (run_batch(op, d, n, &ns)) return -1;
    if (ns >= BATCH_NS || n >= (1ul << 30)) break;
    n *= 2;
  }
  *count = n;
  return 0;
}

/* One round: batches until at least ROUND_NS have passed. Mean ns per call in *ns_per_op. */
static int run_round(const operation *op, const document *d, unsigned long batch,
                     double *ns_per_op) {
  uint64_t total = 0;
  unsigned long calls = 0;
  while (total < ROUND_NS) {
    uint64_t ns;
    if (run_batch(op, d, batch, &ns)) return -1;
    total += ns;
    calls += batch;
  }
  *ns_per_op = (double)total / (double)calls;
  return 0;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *values, size_t n) {
  qsort(values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Median ns per call of every operation on d, the operations interleaved within each round
 * so that drift (frequency scaling, other load) hits them all alike. */
static int measure(const document *d, unsigned rounds, const operation *ops, size_t nops,
                   double *result) {
  unsigned long batch[MAX_OPS];
  for (size_t op = 0; op < nops; op++)
    if (calibrate(&ops[op], d, &batch[op])) return -1;
  double *samples = malloc(sizeof *samples * nops * rounds);
  if (samples == NULL) return failure("out of memory");
  for (unsigned r = 0; r < rounds; r++)
    for (size_t op = 0; op < nops; op++)
      if (run_round(&ops[op], d, batch[op], &samples[op * rounds + r])) {
        free(samples);
        return -1;
      }
  for (size_t op = 0; op < nops; op++) result[op] = median(&samples[op * rounds], rounds);
  free(samples);
  return 0;
}

/* ---- documents ---- */

static int read_file(const char *path, char **out, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return failure("cannot open %s: %s", path, strerror(errno));
  char *data = NULL;
  size_t n = 0, cap = 0;
  bool out_of_memory = false;
  for (;;) {
    if (n == cap) {
      char *grown = realloc(data, cap * 2 + 4096);
      if (grown == NULL) {
        out_of_memory = true;
        break;
      }
      data = grown;
      cap = cap * 2 + 4096;
    }
    size_t got = fread(data + n, 1, cap - n, f);
    if (got == 0) break;
    n += got;
  }
  bool read_error = ferror(f);
  fclose(f);
  if (out_of_memory || read_error) {
    free(data);
    return out_of_memory ? failure("out of memory reading %s", path)
                         : failure("cannot read %s", path);
  }
  *out = data;
  *len = n;
  return 0;
}

/* New string a + b + c, NULL when out of memory. */
static char *concat(const char *a, const char *b, const char *c) {
  size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
  char *s = malloc(la + lb + lc + 1);
  if (s == NULL) return NULL;
  memcpy(s, a, la);
  memcpy(s + la, b, lb);
  memcpy(s + la + lb, c, lc + 1);
  return s;
}

static void document_clear(document *d) {
  free(d->path);
  free(d->json_name);
  free(d->yaml);
  govinfo_free(d->json);
  memset(d, 0, sizeof *d);
}

/* The canonical JSON of the YAML report, made by the library; warns when reading it back
 * does not give the same report, since the two forms would then not be the same work. */
static int make_json(document *d) {
  govinfo_report *from_yaml, *from_json;
  if (govinfo_report_parse(&from_yaml, d->yaml, d->yaml_len, GOVINFO_SYNTAX_YAML, d->path))
    return library_failure("cannot read", d->path);
  int rc = govinfo_report_serialize(&d->json, &d->json_len, from_yaml, GOVINFO_SYNTAX_JSON, 0);
  if (rc) {
    govinfo_report_free(from_yaml);
    return library_failure("cannot write the JSON of", d->path);
  }
  if (govinfo_report_parse(&from_json, d->json, d->json_len, GOVINFO_SYNTAX_JSON, d->json_name)) {
    govinfo_report_free(from_yaml);
    return library_failure("cannot read", d->json_name);
  }
  if (!govinfo_report_equal(from_yaml, from_json))
    failure("warning: %s and its JSON do not hold the same report", d->path);
  govinfo_report_free(from_json);
  govinfo_report_free(from_yaml);
  return 0;
}

/* The JSON of the report imported from the text: the same report, as data. */
static int make_imported_json(document *d) {
  govinfo_report *report;
  govinfo_diagnostics *findings;
  if (import_document(d, &report, &findings)) return library_failure("cannot import", d->path);
  govinfo_diagnostics_free(findings);
  int rc = govinfo_report_serialize(&d->json, &d->json_len, report, GOVINFO_SYNTAX_JSON, 0);
  govinfo_report_free(report);
  return rc ? library_failure("cannot write the JSON of", d->path) : 0;
}

static int document_load(document *d, const char *path, bool import) {
  memset(d, 0, sizeof *d);
  d->path = strdup(path);
  d->json_name = concat(path, " (as JSON)", "");
  if (d->path == NULL || d->json_name == NULL) return failure("out of memory");
  const char *slash = strrchr(d->path, '/');
  d->name = slash ? slash + 1 : d->path;
  if (read_file(path, &d->yaml, &d->yaml_len)) return -1;
  return import ? make_imported_json(d) : make_json(d);
}

/* ---- the list of files ---- */

typedef struct path_list {
  char **items;
  size_t n, cap;
} path_list;

static int path_list_take(path_list *l, char *path) {
  if (path == NULL) return failure("out of memory");
  if (l->n == l->cap) {
    size_t cap = l->cap * 2 + 8;
    char **items = realloc(l->items, cap * sizeof *items);
    if (items == NULL) {
      free(path);
      return failure("out of memory");
    }
    l->items = items;
    l->cap = cap;
  }
  l->items[l->n++] = path;
  return 0;
}

static void path_list_free(path_list *l) {
  for (size_t i = 0; i < l->n; i++) free(l->items[i]);
  free(l->items);
}

static bool has_extension(const char *name, const char *ext) {
  size_t n = strlen(name), e = strlen(ext);
  return n > e && strcmp(name + n - e, ext) == 0;
}

static bool is_report_file(const char *name) {
  return has_extension(name, ".pdf") || has_extension(name, ".docx") ||
         has_extension(name, ".xlsx");
}

static bool is_html(const char *name) { return has_extension(name, ".html"); }

static bool is_document(const char *name, bool import) {
  if (import) /* a directory's README.md says what its files are */
    return has_extension(name, ".txt") ||
           (has_extension(name, ".md") && strcmp(name, "README.md") != 0) ||
           has_extension(name, ".html") || has_extension(name, ".tsv") || is_report_file(name);
  return has_extension(name, ".yaml") || has_extension(name, ".yml");
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.yaml reports (*.txt texts with --import) of a directory, sorted, so runs list
 * documents in the same order. */
static int add_directory(path_list *l, const char *dir, DIR *d, bool import) {
  size_t first = l->n;
  const struct dirent *e;
  int rc = 0;
  while (rc == 0 && (e = readdir(d)) != NULL) {
    /* *.expected.yaml are the fixtures' hand transcriptions, not reports. */
    if (!is_document(e->d_name, import) || e->d_name[0] == '.' ||
        strstr(e->d_name, ".expected.") != NULL)
      continue;
    rc = path_list_take(l, concat(dir, "/", e->d_name));
  }
  closedir(d);
  if (rc == 0 && l->n == first)
    rc = failure("no %s in %s",
                 import ? "*.txt, *.md, *.html, *.tsv, *.pdf, *.docx or *.xlsx" : "*.yaml", dir);
  qsort(l->items + first, l->n - first, sizeof *l->items, compare_strings);
  return rc;
}

/* A file, or the documents of a directory. */
static int add_path(path_list *l, const char *path, bool import) {
  DIR *d = opendir(path);
  if (d != NULL) return add_directory(l, path, d, import);
  if (errno != ENOTDIR) return failure("cannot open %s: %s", path, strerror(errno));
  return path_list_take(l, strdup(path));
}

/* ---- command line ---- */

typedef struct options {
  unsigned rounds;
  bool import;
  path_list paths;
} options;

static void usage(FILE *out) {
  fprintf(out,
          "usage: bench-govinfo [--rounds N] [REPORT.yaml | DIRECTORY]...\n"
          "       bench-govinfo --import [--rounds N] [TEXT.txt|.md|.html|.tsv |\n"
          "                     REPORT.pdf|.docx|.xlsx | DIRECTORY]...\n"
          "Times raw cJSON and libyaml parsing against libgovinfo's parse + validate of the\n"
          "same reports (default: $GOVINFO_SOURCE_ROOT/examples/reports). With --import,\n"
          "times govinfo_import of report texts (govinfo_import_file of PDF, Word and Excel\n"
          "files) against cJSON parsing the imported report's JSON (default: the *.txt and\n"
          "*.pdf of $GOVINFO_SOURCE_ROOT/tests/data/fixtures).\n"
          "--rounds N sets the number of rounds whose median is reported (default %d).\n",
          DEFAULT_ROUNDS);
}

static int parse_rounds(const char *text, unsigned *rounds) {
  char *end;
  errno = 0;
  long n = text ? strtol(text, &end, 10) : 0;
  if (text == NULL || errno || end == text || *end || n < 1 || n > MAX_ROUNDS)
    return failure("--rounds takes a number from 1 to %d", MAX_ROUNDS);
  *rounds = (unsigned)n;
  return 0;
}

/* KEEP_GOING, or the exit status to end with. */
static int parse_options(options *o, int argc, char **argv) {
  o->rounds = DEFAULT_ROUNDS;
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], "--import") == 0) o->import = true;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--import") == 0) continue;
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      usage(stdout);
      return EXIT_SUCCESS;
    }
    if (strcmp(argv[i], "--rounds") == 0) {
      if (parse_rounds(i + 1 < argc ? argv[++i] : NULL, &o->rounds)) return EXIT_USAGE;
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      failure("unknown option %s", argv[i]);
      usage(stderr);
      return EXIT_USAGE;
    } else if (add_path(&o->paths, argv[i], o->import)) {
      return EXIT_FAILURE;
    }
  }
  if (o->paths.n > 0) return KEEP_GOING;
  const char *root = getenv("GOVINFO_SOURCE_ROOT");
  if (root == NULL || *root == '\0') {
    failure("no report given and GOVINFO_SOURCE_ROOT is not set");
    usage(stderr);
    return EXIT_USAGE;
  }
  char *dir = concat(root, o->import ? "/tests/data/fixtures" : "/examples/reports", "");
  int rc = dir ? add_path(&o->paths, dir, o->import) : failure("out of memory");
  free(dir);
  return rc ? EXIT_FAILURE : KEEP_GOING;
}

/* ---- report ---- */

typedef struct worst {
  double json, yaml; /* highest c/a and d/b seen */
} worst;

static void print_header(unsigned rounds) {
  printf("libgovinfo %s: median of %u round%s, each operation >= %llu ms per round; "
         "times in microseconds per operation\n",
         govinfo_version_string(), rounds, rounds == 1 ? "" : "s", ROUND_NS / 1000000ull);
  printf("%-28s %9s %9s", "document", "JSON B", "YAML B");
  for (size_t op = 0; op < OP_COUNT; op++) printf(" %10s", operations[op].header);
  printf(" %6s %6s\n", "c/a", "d/b");
}

static void print_row(const document *d, const double ns[OP_COUNT], worst *w) {
  double json_ratio = ns[OP_GOVINFO_JSON] / ns[OP_RAW_JSON];
  double yaml_ratio = ns[OP_GOVINFO_YAML] / ns[OP_RAW_YAML];
  printf("%-28s %9zu %9zu", d->name, d->json_len, d->yaml_len);
  for (size_t op = 0; op < OP_COUNT; op++) printf(" %10.1f", ns[op] / 1000.0);
  printf(" %5.2fx %5.2fx\n", json_ratio, yaml_ratio);
  if (json_ratio > w->json) w->json = json_ratio;
  if (yaml_ratio > w->yaml) w->yaml = yaml_ratio;
}

static void print_targets(const worst *w) {
  printf("targets: c/a <= %.1fx (worst %.2fx: %s), d/b <= %.1fx (worst %.2fx: %s)\n", TARGET_RATIO,
         w->json, w->json <= TARGET_RATIO ? "met" : "NOT met", TARGET_RATIO, w->yaml,
         w->yaml <= TARGET_RATIO ? "met" : "NOT met");
}

static void print_import_header(unsigned rounds) {
  printf("libgovinfo %s: median of %u round%s, each operation >= %llu ms per round; "
         "times in microseconds per operation\n",
         govinfo_version_string(), rounds, rounds == 1 ? "" : "s", ROUND_NS / 1000000ull);
  printf("%-34s %8s %8s %10s %10s %6s %12s %10s %6s\n", "text", "text B", "JSON B",
         import_operations[IMPORT_RAW_JSON].header, import_operations[IMPORT_TEXT].header, "e/a",
         "e per 10 KB", import_operations[IMPORT_HTML_PARSER].header, "e/x");
}

/* Returns the import time per 10 KB of text, in microseconds (0 for a report file, whose
 * bytes are no text). */
static double print_import_row(const document *d, const double ns[IMPORT_OP_COUNT]) {
  bool file = is_report_file(d->path);
  double per_10k = file ? 0 : ns[IMPORT_TEXT] / 1000.0 * 10240.0 / (double)d->yaml_len;
  printf("%-34s %8zu %8zu %10.1f %10.1f %5.2fx ", d->name, d->yaml_len, d->json_len,
         ns[IMPORT_RAW_JSON] / 1000.0, ns[IMPORT_TEXT] / 1000.0,
         ns[IMPORT_TEXT] / ns[IMPORT_RAW_JSON]);
  if (file) printf("%12s\n", "(file)");
  else if (!is_html(d->path)) printf("%12.1f\n", per_10k);
  else
    printf("%12.1f %10.1f %5.2fx\n", per_10k, ns[IMPORT_HTML_PARSER] / 1000.0,
           ns[IMPORT_TEXT] / ns[IMPORT_HTML_PARSER]);
  return per_10k;
}

static void documents_free(document *docs, size_t n) {
  for (size_t i = 0; docs && i < n; i++) document_clear(&docs[i]);
  free(docs);
}

/* Every document is read before any timing, so a bad file stops the run before it starts. */
static int documents_load(document **out, const path_list *paths, bool import) {
  document *docs = calloc(paths->n, sizeof *docs);
  if (docs == NULL) return failure("out of memory");
  for (size_t i = 0; i < paths->n; i++)
    if (document_load(&docs[i], paths->items[i], import)) {
      documents_free(docs, i + 1);
      return -1;
    }
  *out = docs;
  return 0;
}

static int run(const options *o) {
  document *docs = NULL;
  if (documents_load(&docs, &o->paths, o->import)) return EXIT_FAILURE;
  worst w = {0, 0};
  double worst_import = 0, worst_html = 0, html_floor[2] = {0, 0}, worst_html_ratio = 0;
  int status = EXIT_SUCCESS;
  if (o->import) print_import_header(o->rounds);
  else print_header(o->rounds);
  for (size_t i = 0; status == EXIT_SUCCESS && i < o->paths.n; i++) {
    double ns[MAX_OPS];
    const operation *ops = o->import ? import_operations : operations;
    bool html = o->import && is_html(docs[i].path);
    size_t nops = !o->import ? OP_COUNT : html ? IMPORT_OP_COUNT : IMPORT_HTML_PARSER;
    if (measure(&docs[i], o->rounds, ops, nops, ns)) {
      status = EXIT_FAILURE;
    } else if (html) {
      double per_10k = print_import_row(&docs[i], ns);
      double floor = ns[IMPORT_HTML_PARSER] / 1000.0 * 10240.0 / (double)docs[i].yaml_len;
      if (per_10k > worst_html) worst_html = per_10k;
      if (html_floor[0] == 0 || floor < html_floor[0]) html_floor[0] = floor;
      if (floor > html_floor[1]) html_floor[1] = floor;
      if (ns[IMPORT_TEXT] / ns[IMPORT_HTML_PARSER] > worst_html_ratio)
        worst_html_ratio = ns[IMPORT_TEXT] / ns[IMPORT_HTML_PARSER];
    } else if (o->import) {
      double per_10k = print_import_row(&docs[i], ns);
      if (per_10k > worst_import) worst_import = per_10k;
    } else {
      print_row(&docs[i], ns, &w);
    }
    fflush(stdout);
  }
  if (status == EXIT_SUCCESS && o->import) {
    printf("target: import <= %.0f us per 10 KB of text (worst %.1f us: %s)\n", IMPORT_TARGET_US,
           worst_import, worst_import <= IMPORT_TARGET_US ? "met" : "NOT met");
    if (worst_html > 0)
      printf("HTML pages: import up to %.1f us per 10 KB, where libxml2's parse alone takes "
             "%.1f-%.1f us (%s the target); import / parse at most %.2fx\n",
             worst_html, html_floor[0], html_floor[1],
             html_floor[0] > IMPORT_TARGET_US ? "above" : "within", worst_html_ratio);
  } else if (status == EXIT_SUCCESS) print_targets(&w);
  documents_free(docs, o->paths.n);
  return status;
}

int main(int argc, char **argv) {
  options o = {0};
  int status = parse_options(&o, argc, argv);
  if (status == KEEP_GOING) status = run(&o);
  path_list_free(&o.paths);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    perror("bench-govinfo: writing the results");
    status = EXIT_FAILURE;
  }
  return status;
}
