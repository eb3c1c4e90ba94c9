/* Lists of findings (govinfo_diagnostics) and the builder that makes each finding. The
 * validator, the importer and the checks across reports all report through these; none of
 * them depends on another to do so. */
#ifndef GI_FINDINGS_FINDINGS_H
#define GI_FINDINGS_FINDINGS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "govinfo/validate.h"
#include "model/rules.h"
#include "util/buf.h"
#include "util/error.h"

/* A finding's fingerprint: 16 lowercase hex digits (the first 64 bits of a SHA-256) and the
 * NUL. */
#define GI_FINGERPRINT_SIZE 17

struct govinfo_diagnostic {
  gi_rule rule;
  govinfo_severity severity;
  unsigned line, column;
  size_t npaths;
  const char *const *paths;
  const char *message, *message_en, *expected, *actual; /* expected/actual may be NULL */
  const char *file; /* the list's file name, or the finding's own (in its block) */
  void *block;      /* paths and strings, one block */
  const char *key;  /* GI_SLOT_KEY, NULL when none */
  const struct govinfo_diagnostics *list; /* the list it belongs to */
  char fingerprint[GI_FINGERPRINT_SIZE];  /* made on first use: gi_diagnostics_fingerprint() */
};

struct govinfo_diagnostics {
  govinfo_diagnostic *items;
  size_t count, cap;
  size_t by_severity[GOVINFO_SEVERITY_ERROR + 1];
  size_t suppressed; /* findings a suppression file hid from this list */
  /* Fingerprints cost a SHA-256 each, as much as the rest of a finding: they are made for
   * the whole list the first time one is asked for, under the lock. */
  pthread_mutex_t lock;
  atomic_bool fingerprinted;
  char file[]; /* report origin, "" when built in memory */
};

/* A new empty list naming `file` (may be NULL); NULL when out of memory (error recorded). */
govinfo_diagnostics *gi_diagnostics_new(const char *file);
/* Strict checking: every warning of the list becomes an error. */
void gi_diagnostics_warnings_to_errors(govinfo_diagnostics *list);
/* Appends a finding of `rule`; its severity is the rule's. Copies every string. */
int gi_diagnostics_add(govinfo_diagnostics *list, gi_rule rule, gi_loc loc,
                       const char *const *paths, size_t npaths, const char *zh, const char *en);

/* ---- building one finding ----
 * Its strings go back to back into one buffer, NUL-terminated, and move into the list in a
 * single allocation. A failed allocation is remembered (`oom`) and ends the work: the caller
 * checks it once, at the end. */

typedef enum gi_finding_slot {
  GI_SLOT_ZH,
  GI_SLOT_EN,
  GI_SLOT_EXPECTED,
  GI_SLOT_ACTUAL,
  GI_SLOT_KEY, /* values that identify the finding besides its paths, expected and actual */
  GI_SLOT_COUNT_
} gi_finding_slot;

typedef struct gi_finding {
  gi_rule rule;
  gi_loc loc;       /* of the first path */
  const char *file; /* NULL: the list's file; else the file the finding is located in (copied) */
  gi_buf text;
  size_t slot[GI_SLOT_COUNT_]; /* offsets in text; GI_NO_SLOT when not set */
  size_t *path_off;
  size_t npaths, path_cap;
  bool oom;
} gi_finding;

#define GI_NO_SLOT SIZE_MAX

/* Starts a new finding of `rule`, reusing the builder's memory. */
void gi_finding_begin(gi_finding *f, gi_rule rule);
/* Sets a message or value slot. */
void gi_finding_say(gi_finding *f, gi_finding_slot slot, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Starts a message slot whose text the caller appends to f->text with gi_buf_* calls, ended
 * by gi_finding_end_string(). */
void gi_finding_begin_string(gi_finding *f, gi_finding_slot slot);
void gi_finding_end_string(gi_finding *f);
/* Adds a JSON Pointer; the first one gives the finding its location. */
void gi_finding_add_path(gi_finding *f, gi_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Adds a JSON Pointer made of `n` pieces appended one after the other (cheaper than printf
 * when a finding lists dozens of cells). */
void gi_finding_add_path_pieces(gi_finding *f, gi_loc loc, const char *const *pieces, size_t n);
/* The two sides of a failed identity, as integers. */
void gi_finding_set_values(gi_finding *f, int64_t expected, int64_t actual);
/* The values that tell this finding from another of the same rule and paths when expected
 * and actual do not (a mark, a date, a section id, the period a text states): part of the
 * fingerprint, never shown. */
#define gi_finding_key(f, ...) gi_finding_say((f), GI_SLOT_KEY, __VA_ARGS__)
/* Moves the finding into the list, fingerprinted; on failure sets f->oom. */
void gi_finding_finish(gi_finding *f, govinfo_diagnostics *list);
/* The fingerprint of a finding, into out[GI_FINGERPRINT_SIZE]: SHA-256 over a canonical
 * serialisation of the rule id, the JSON Pointers, expected, actual and the key (each
 * field tagged, NUL-separated), never the location or the messages, so it holds when an
 * unrelated edit moves lines and changes when the values change. */
void gi_finding_fingerprint(char out[GI_FINGERPRINT_SIZE], gi_rule rule, const char *const *paths,
                            size_t npaths, const char *expected, const char *actual,
                            const char *key);
/* Makes the fingerprints of the list's findings if they are not made yet; thread-safe, so
 * const lists may be read from several threads. */
void gi_diagnostics_fingerprint(const govinfo_diagnostics *list);
/* Appends a copy of a finding (its key included, so its fingerprint is the same). */
int gi_diagnostics_copy(govinfo_diagnostics *list, const govinfo_diagnostic *d);
/* Frees the builder's memory (not the findings it made). */
void gi_finding_free(gi_finding *f);

/* ---- JSON (json.c) ---- */

struct cJSON;
/* Adds the fields of govinfo_diagnostics_to_json() ("valid", "errors", "warnings", "notes",
 * "diagnostics") to obj; false when out of memory. */
bool gi_diagnostics_add_json(struct cJSON *obj, const govinfo_diagnostics *list);
/* Prints obj (deleted here) as a new string for govinfo_free() in *out (length in *len if
 * len is not NULL). */
int gi_json_print(char **out, size_t *len, struct cJSON *obj);

#endif
