/* Lists of findings: making them, and reading them through the public accessors. */
#include <stdlib.h>
#include <string.h>

#include "findings/findings.h"

static govinfo_diagnostics *new_list(const char *file) {
  size_t n = strlen(file);
  govinfo_diagnostics *list = calloc(1, sizeof *list + n + 1);
  if (list == NULL) return NULL;
  memcpy(list->file, file, n + 1);
  if (pthread_mutex_init(&list->lock, NULL) != 0) {
    free(list);
    return NULL;
  }
  atomic_init(&list->fingerprinted, true); /* nothing to make yet */
  return list;
}

govinfo_diagnostics *gi_diagnostics_new(const char *file) {
  govinfo_diagnostics *list = new_list(file ? file : "");
  if (list == NULL) gi_fail_oom();
  return list;
}

int gi_diagnostics_add(govinfo_diagnostics *list, gi_rule rule, gi_loc loc,
                       const char *const *paths, size_t npaths, const char *zh, const char *en) {
  gi_finding f = {0};
  gi_finding_begin(&f, rule);
  for (size_t i = 0; i < npaths; i++) gi_finding_add_path(&f, loc, "%s", paths[i]);
  f.loc = loc;
  gi_finding_say(&f, GI_SLOT_ZH, "%s", zh);
  gi_finding_say(&f, GI_SLOT_EN, "%s", en);
  gi_finding_finish(&f, list);
  gi_finding_free(&f);
  return f.oom ? gi_fail_oom() : GOVINFO_OK;
}

int gi_diagnostics_copy(govinfo_diagnostics *list, const govinfo_diagnostic *d) {
  gi_finding f = {0};
  gi_loc loc = {d->line, d->column};
  gi_finding_begin(&f, d->rule);
  for (size_t i = 0; i < d->npaths; i++) gi_finding_add_path(&f, loc, "%s", d->paths[i]);
  f.loc = loc;
  gi_finding_say(&f, GI_SLOT_ZH, "%s", d->message);
  gi_finding_say(&f, GI_SLOT_EN, "%s", d->message_en);
  if (d->expected) gi_finding_say(&f, GI_SLOT_EXPECTED, "%s", d->expected);
  if (d->actual) gi_finding_say(&f, GI_SLOT_ACTUAL, "%s", d->actual);
  if (d->key) gi_finding_key(&f, "%s", d->key);
  /* a finding located in another file than the list's keeps its own (the sums' parts) */
  if (d->file && strcmp(d->file, list->file) != 0) f.file = d->file;
  gi_finding_finish(&f, list);
  gi_finding_free(&f);
  return f.oom ? gi_fail_oom() : GOVINFO_OK;
}

void gi_diagnostics_fingerprint(const govinfo_diagnostics *list) {
  if (atomic_load_explicit(&list->fingerprinted, memory_order_acquire)) return;
  /* The list is logically const: only the fingerprints, made once, are written. */
  govinfo_diagnostics *mut = (govinfo_diagnostics *)list;
  pthread_mutex_lock(&mut->lock);
  if (!atomic_load_explicit(&mut->fingerprinted, memory_order_relaxed)) {
    for (size_t i = 0; i < mut->count; i++) {
      govinfo_diagnostic *d = &mut->items[i];
      gi_finding_fingerprint(d->fingerprint, d->rule, d->paths, d->npaths, d->expected, d->actual,
                             d->key);
    }
    atomic_store_explicit(&mut->fingerprinted, true, memory_order_release);
  }
  pthread_mutex_unlock(&mut->lock);
}

void govinfo_diagnostics_free(govinfo_diagnostics *list) {
  if (list == NULL) return;
  for (size_t i = 0; i < list->count; i++) free(list->items[i].block);
  free(list->items);
  pthread_mutex_destroy(&list->lock);
  free(list);
}

size_t govinfo_diagnostics_count(const govinfo_diagnostics *list) { return list ? list->count : 0; }

const govinfo_diagnostic *govinfo_diagnostics_at(const govinfo_diagnostics *list, size_t index) {
  return list && index < list->count ? &list->items[index] : NULL;
}

size_t govinfo_diagnostics_count_severity(const govinfo_diagnostics *list,
                                          govinfo_severity severity) {
  if (list == NULL || (unsigned)severity > GOVINFO_SEVERITY_ERROR) return 0;
  return list->by_severity[severity];
}

void gi_diagnostics_warnings_to_errors(govinfo_diagnostics *list) {
  for (size_t i = 0; i < list->count; i++) {
    if (list->items[i].severity != GOVINFO_SEVERITY_WARNING) continue;
    list->items[i].severity = GOVINFO_SEVERITY_ERROR;
    list->by_severity[GOVINFO_SEVERITY_WARNING]--;
    list->by_severity[GOVINFO_SEVERITY_ERROR]++;
  }
}

const char *govinfo_diagnostic_rule(const govinfo_diagnostic *d) {
  return d ? govinfo_rule_id(govinfo_rule_at(d->rule)) : NULL;
}

govinfo_severity govinfo_diagnostic_severity(const govinfo_diagnostic *d) {
  return d ? d->severity : GOVINFO_SEVERITY_NOTE;
}

const char *govinfo_diagnostic_message(const govinfo_diagnostic *d) {
  return d ? d->message : NULL;
}

const char *govinfo_diagnostic_message_en(const govinfo_diagnostic *d) {
  return d ? d->message_en : NULL;
}

size_t govinfo_diagnostic_path_count(const govinfo_diagnostic *d) { return d ? d->npaths : 0; }

const char *govinfo_diagnostic_path_at(const govinfo_diagnostic *d, size_t index) {
  return d && index < d->npaths ? d->paths[index] : NULL;
}

const char *govinfo_diagnostic_expected(const govinfo_diagnostic *d) {
  return d ? d->expected : NULL;
}

const char *govinfo_diagnostic_actual(const govinfo_diagnostic *d) { return d ? d->actual : NULL; }

const char *govinfo_diagnostic_file(const govinfo_diagnostic *d) { return d ? d->file : NULL; }
unsigned govinfo_diagnostic_line(const govinfo_diagnostic *d) { return d ? d->line : 0; }
unsigned govinfo_diagnostic_column(const govinfo_diagnostic *d) { return d ? d->column : 0; }

const char *govinfo_diagnostic_fingerprint(const govinfo_diagnostic *d) {
  if (d == NULL) return NULL;
  gi_diagnostics_fingerprint(d->list);
  return d->fingerprint;
}
