/* The batch runner: a pool of threads working ahead of the caller through a window of
 * items, handing them back in input order. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch/batch.h"
#include "util/error.h"

#ifdef GOVINFO_HAVE_HTML
#include <libxml/parser.h>

/* libxml2 must be initialised once before threads use it; the importer's own call is for
 * one thread at a time. */
static pthread_once_t libxml_once = PTHREAD_ONCE_INIT;
static void init_libxml(void) { xmlInitParser(); }
#endif

#define MAX_JOBS 256

/* Marks a slot whose item could not be allocated. */
static char out_of_memory_marker;
#define OUT_OF_MEMORY ((govinfo_batch_item *)(void *)&out_of_memory_marker)

struct govinfo_batch {
  gi_batch_work work;
  gi_batch_entries entries;
  size_t window;
  govinfo_batch_item **slots; /* item i waits in slots[i % window] */
  pthread_mutex_t lock;
  pthread_cond_t ready; /* an item was put into a slot */
  pthread_cond_t space; /* the caller took one: the window moved on */
  size_t claimed;       /* items given to workers so far */
  size_t delivered;     /* items handed to the caller so far */
  bool stop;
  bool in_caller; /* one job: each item is worked on inside govinfo_batch_next */
  pthread_t *threads;
  unsigned nthreads;
};

int govinfo_batch_options_init(govinfo_batch_options *opts, unsigned version) {
  if (opts == NULL) return gi_fail(GOVINFO_EINVAL, "options pointer is NULL");
  if (version == 0 || version > GOVINFO_BATCH_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_batch_options", version);
  *opts = (govinfo_batch_options)GOVINFO_BATCH_OPTIONS_INIT;
  opts->version = version;
  return GOVINFO_OK;
}

static int check_options(const govinfo_batch_options *o) {
  if (o->version == 0 || o->version > GOVINFO_BATCH_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_batch_options", o->version);
  if (o->action != GOVINFO_BATCH_LOAD && o->action != GOVINFO_BATCH_IMPORT)
    return gi_fail(GOVINFO_EINVAL, "unknown batch action %d", (int)o->action);
  if (o->flags & ~(GOVINFO_BATCH_VALIDATE | GOVINFO_BATCH_SHA256))
    return gi_fail(GOVINFO_EINVAL, "unknown batch flags 0x%x", o->flags);
  if (o->jobs > MAX_JOBS) return gi_fail(GOVINFO_EINVAL, "at most %d jobs", MAX_JOBS);
  return GOVINFO_OK;
}

static unsigned online_processors(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

static void *worker(void *arg) {
  govinfo_batch *b = arg;
  pthread_mutex_lock(&b->lock);
  for (;;) {
    while (!b->stop && b->claimed < b->entries.count && b->claimed >= b->delivered + b->window)
      pthread_cond_wait(&b->space, &b->lock);
    if (b->stop || b->claimed >= b->entries.count) break;
    size_t i = b->claimed++;
    pthread_mutex_unlock(&b->lock);
    govinfo_batch_item *item = gi_batch_run_one(&b->work, &b->entries.at[i], i);
    pthread_mutex_lock(&b->lock);
    b->slots[i % b->window] = item ? item : OUT_OF_MEMORY;
    pthread_cond_broadcast(&b->ready);
  }
  pthread_mutex_unlock(&b->lock);
  return NULL;
}

static void stop_workers(govinfo_batch *b) {
  pthread_mutex_lock(&b->lock);
  b->stop = true;
  pthread_cond_broadcast(&b->space);
  pthread_mutex_unlock(&b->lock);
  for (unsigned t = 0; t < b->nthreads; t++) pthread_join(b->threads[t], NULL);
  b->nthreads = 0;
}

static int start_workers(govinfo_batch *b, unsigned jobs) {
  b->threads = calloc(jobs, sizeof *b->threads);
  if (b->threads == NULL) return gi_fail_oom();
  for (unsigned t = 0; t < jobs; t++) {
    if (pthread_create(&b->threads[t], NULL, worker, b) != 0) break;
    b->nthreads++;
  }
  /* Fewer threads than asked still finish the work; none cannot. */
  return b->nthreads ? GOVINFO_OK : gi_fail(GOVINFO_ENOMEM, "cannot start a worker thread");
}

static int expand_all(govinfo_batch *b, const char *const *inputs, size_t n) {
  bool stdin_seen = false;
  for (size_t i = 0; i < n; i++) {
    if (inputs[i] == NULL) return gi_fail(GOVINFO_EINVAL, "input %zu is NULL", i);
    if (strcmp(inputs[i], "-") == 0) {
      if (stdin_seen) return gi_fail(GOVINFO_EINVAL, "standard input (-) is given twice");
      stdin_seen = true;
    }
    int rc = gi_batch_expand(&b->entries, inputs[i], b->work.action);
    if (rc) return rc;
  }
  return GOVINFO_OK;
}

void govinfo_batch_free(govinfo_batch *b) {
  if (b == NULL) return;
  stop_workers(b);
  for (size_t i = 0; b->slots && i < b->window; i++)
    if (b->slots[i] != OUT_OF_MEMORY) govinfo_batch_item_free(b->slots[i]);
  free(b->slots);
  free(b->threads);
  gi_batch_entries_free(&b->entries);
  pthread_cond_destroy(&b->ready);
  pthread_cond_destroy(&b->space);
  pthread_mutex_destroy(&b->lock);
  free(b);
}

int govinfo_batch_new(govinfo_batch **out, const char *const *inputs, size_t ninputs,
                      const govinfo_batch_options *opts) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  if (inputs == NULL && ninputs > 0) return gi_fail(GOVINFO_EINVAL, "inputs is NULL");
  govinfo_batch_options defaults = GOVINFO_BATCH_OPTIONS_INIT;
  if (opts == NULL) opts = &defaults;
  int rc = check_options(opts);
  if (rc) return rc;
  govinfo_batch *b = calloc(1, sizeof *b);
  if (b == NULL) return gi_fail_oom();
  pthread_mutex_init(&b->lock, NULL);
  pthread_cond_init(&b->ready, NULL);
  pthread_cond_init(&b->space, NULL);
  b->work.action = opts->action;
  b->work.flags = opts->flags;
  b->work.import = (govinfo_import_options)GOVINFO_IMPORT_OPTIONS_INIT;
  if (opts->import) b->work.import = *opts->import;
  b->work.validate = opts->validate;
#ifdef GOVINFO_HAVE_HTML
  if (opts->action == GOVINFO_BATCH_IMPORT) pthread_once(&libxml_once, init_libxml);
#endif
  unsigned jobs = opts->jobs ? opts->jobs : online_processors();
  b->window = opts->window ? opts->window : (size_t)jobs * 4 < 16 ? 16 : (size_t)jobs * 4;
  rc = expand_all(b, inputs, ninputs);
  // NOLINTNEXTLINE(bugprone-sizeof-expression): the slots hold pointers to items
  if (rc == GOVINFO_OK && (b->slots = calloc(b->window, sizeof *b->slots)) == NULL)
    rc = gi_fail_oom();
  if (jobs > b->entries.count) jobs = (unsigned)b->entries.count;
  /* One job needs no thread: handing each item over would only add waits. */
  b->in_caller = jobs == 1;
  if (rc == GOVINFO_OK && jobs > 1) rc = start_workers(b, jobs);
  if (rc) {
    govinfo_batch_free(b);
    return rc;
  }
  *out = b;
  return GOVINFO_OK;
}

size_t govinfo_batch_total(const govinfo_batch *b) { return b ? b->entries.count : 0; }

unsigned govinfo_batch_jobs(const govinfo_batch *b) {
  return b == NULL ? 0 : b->in_caller ? 1 : b->nthreads;
}

int govinfo_batch_next(govinfo_batch_item **out, govinfo_batch *b) {
  if (out == NULL || b == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  *out = NULL;
  if (b->in_caller) {
    if (b->delivered >= b->entries.count) return GOVINFO_OK;
    size_t i = b->delivered++;
    *out = gi_batch_run_one(&b->work, &b->entries.at[i], i);
    return *out ? GOVINFO_OK : gi_fail_oom();
  }
  pthread_mutex_lock(&b->lock);
  if (b->delivered >= b->entries.count) {
    pthread_mutex_unlock(&b->lock);
    return GOVINFO_OK;
  }
  size_t slot = b->delivered % b->window;
  while (b->slots[slot] == NULL) pthread_cond_wait(&b->ready, &b->lock);
  govinfo_batch_item *item = b->slots[slot];
  b->slots[slot] = NULL;
  b->delivered++;
  pthread_cond_broadcast(&b->space);
  pthread_mutex_unlock(&b->lock);
  if (item == OUT_OF_MEMORY) return gi_fail_oom();
  *out = item;
  return GOVINFO_OK;
}
