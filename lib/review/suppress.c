/* Suppression sets: applying them to a report's findings, the findings about the set
 * itself (stale entries, entries without a reason), and writing a file to start from. */
#include <stdlib.h>
#include <string.h>

#include "review/review.h"
#include "util/buf.h"
#include "util/text.h"

const char *const gi_entry_field_names[GI_ENTRY_FIELD_COUNT_] = {
    [GI_ENTRY_FINGERPRINT] = "fingerprint",
    [GI_ENTRY_REASON] = "reason",
    [GI_ENTRY_WHO] = "who",
    [GI_ENTRY_WHEN] = "when",
    [GI_ENTRY_RULE] = "rule",
    [GI_ENTRY_FILE] = "file",
};

govinfo_suppressions *gi_suppressions_new(const char *name) {
  govinfo_suppressions *set = calloc(1, sizeof *set);
  if (set) set->name = gi_strdup(name ? name : "<suppressions>");
  if (set == NULL || set->name == NULL) {
    free(set);
    gi_fail_oom();
    return NULL;
  }
  return set;
}

int govinfo_suppressions_new(govinfo_suppressions **out) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  *out = gi_suppressions_new(NULL);
  return *out ? GOVINFO_OK : GOVINFO_ENOMEM;
}

void govinfo_suppressions_free(govinfo_suppressions *set) {
  if (set == NULL) return;
  for (size_t i = 0; i < set->count; i++) {
    for (int f = 0; f < GI_ENTRY_FIELD_COUNT_; f++) free(set->items[i].field[f]);
    free(set->items[i].comment);
  }
  free(set->items);
  free(set->by_fingerprint);
  free(set->name);
  free(set);
}

gi_suppression *gi_suppressions_append(govinfo_suppressions *set) {
  if (set->count == set->cap) {
    size_t cap = set->cap ? set->cap * 2 : 16;
    gi_suppression *p = realloc(set->items, cap * sizeof *p);
    if (p == NULL) {
      gi_fail_oom();
      return NULL;
    }
    set->items = p;
    set->cap = cap;
  }
  gi_suppression *s = &set->items[set->count++];
  memset(s, 0, sizeof *s);
  atomic_init(&s->seen, 0);
  atomic_init(&s->uses, 0);
  return s;
}

static const char *field(const gi_suppression *s, gi_entry_field f) {
  return s->field[f] ? s->field[f] : "";
}

/* qsort has no context argument: the entries' fingerprints are compared through pointers. */
typedef struct keyed {
  const char *fingerprint;
  size_t index;
} keyed;

static int by_key(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  int c = strcmp(x->fingerprint, y->fingerprint);
  return c ? c : (x->index > y->index) - (x->index < y->index);
}

int gi_suppressions_index(govinfo_suppressions *set) {
  keyed *keys = malloc((set->count ? set->count : 1) * sizeof *keys);
  size_t *order = malloc((set->count ? set->count : 1) * sizeof *order);
  if (keys == NULL || order == NULL) {
    free(keys);
    free(order);
    return gi_fail_oom();
  }
  for (size_t i = 0; i < set->count; i++)
    keys[i] = (keyed){field(&set->items[i], GI_ENTRY_FINGERPRINT), i};
  qsort(keys, set->count, sizeof *keys, by_key);
  for (size_t i = 0; i < set->count; i++) order[i] = keys[i].index;
  free(keys);
  free(set->by_fingerprint);
  set->by_fingerprint = order;
  return GOVINFO_OK;
}

bool gi_has_text(const char *s) {
  for (; s && *s; s += gi_space_at(s) ? gi_space_at(s) : 1)
    if (gi_space_at(s) == 0) return true;
  return false;
}

/* ---- accessors ---- */

static const gi_suppression *entry(const govinfo_suppressions *set, size_t i) {
  return set && i < set->count ? &set->items[i] : NULL;
}

size_t govinfo_suppressions_count(const govinfo_suppressions *set) { return set ? set->count : 0; }

const char *govinfo_suppression_fingerprint(const govinfo_suppressions *set, size_t i) {
  return entry(set, i) ? field(entry(set, i), GI_ENTRY_FINGERPRINT) : NULL;
}

const char *govinfo_suppression_reason(const govinfo_suppressions *set, size_t i) {
  return entry(set, i) ? field(entry(set, i), GI_ENTRY_REASON) : NULL;
}

const char *govinfo_suppression_file(const govinfo_suppressions *set, size_t i) {
  return entry(set, i) ? field(entry(set, i), GI_ENTRY_FILE) : NULL;
}

size_t govinfo_suppression_uses(const govinfo_suppressions *set, size_t i) {
  return entry(set, i) ? atomic_load(&set->items[i].uses) : 0;
}

size_t govinfo_diagnostics_suppressed(const govinfo_diagnostics *list) {
  return list ? list->suppressed : 0;
}

/* ---- applying ---- */

static const char *without_dot_slash(const char *s) {
  while (s[0] == '.' && s[1] == '/') s += 2;
  return s;
}

/* The same file, or one name is the other's tail after a "/" ("a.yaml", "reports/a.yaml"). */
static bool same_file(const char *scope, const char *name) {
  scope = without_dot_slash(scope);
  name = without_dot_slash(name);
  size_t a = strlen(scope), b = strlen(name);
  if (a == b) return strcmp(scope, name) == 0;
  const char *longer = a > b ? scope : name, *shorter = a > b ? name : scope;
  size_t n = a > b ? a : b, k = a > b ? b : a;
  return k > 0 && longer[n - k - 1] == '/' && strcmp(longer + n - k, shorter) == 0;
}

static bool applies_to(const gi_suppression *s, const char *name) {
  return !gi_has_text(field(s, GI_ENTRY_FILE)) || same_file(field(s, GI_ENTRY_FILE), name);
}

static bool usable(const gi_suppression *s) { return gi_has_text(field(s, GI_ENTRY_REASON)); }

/* The first position in by_fingerprint whose entry has that fingerprint or a greater one. */
static size_t lower_bound(const govinfo_suppressions *set, const char *fingerprint) {
  size_t lo = 0, hi = set->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const gi_suppression *s = &set->items[set->by_fingerprint[mid]];
    if (strcmp(field(s, GI_ENTRY_FINGERPRINT), fingerprint) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* True when an entry with a reason hides the finding; counts its use. */
static bool hide(govinfo_suppressions *set, const govinfo_diagnostic *d, const char *name) {
  bool hidden = false;
  for (size_t k = lower_bound(set, d->fingerprint); k < set->count; k++) {
    gi_suppression *s = &set->items[set->by_fingerprint[k]];
    if (strcmp(field(s, GI_ENTRY_FINGERPRINT), d->fingerprint) != 0) break;
    const char *rule = field(s, GI_ENTRY_RULE);
    if (!usable(s) || !applies_to(s, name) ||
        (gi_has_text(rule) && strcmp(rule, govinfo_diagnostic_rule(d)) != 0))
      continue;
    atomic_fetch_add_explicit(&s->uses, 1, memory_order_relaxed);
    hidden = true;
  }
  return hidden;
}

int govinfo_suppressions_apply(govinfo_diagnostics **out, govinfo_suppressions *set,
                               const govinfo_diagnostics *findings, const char *file) {
  if (out) *out = NULL;
  if (out == NULL || set == NULL || findings == NULL)
    return gi_fail(GOVINFO_EINVAL, "NULL argument");
  const char *name = file ? file : findings->file;
  govinfo_diagnostics *kept = gi_diagnostics_new(findings->file);
  if (kept == NULL) return GOVINFO_ENOMEM;
  for (size_t i = 0; i < set->count; i++)
    if (applies_to(&set->items[i], name))
      atomic_fetch_add_explicit(&set->items[i].seen, 1, memory_order_relaxed);
  kept->suppressed = findings->suppressed;
  gi_diagnostics_fingerprint(findings);
  for (size_t i = 0; i < findings->count; i++) {
    const govinfo_diagnostic *d = &findings->items[i];
    if (hide(set, d, name)) {
      kept->suppressed++;
    } else if (gi_diagnostics_copy(kept, d) != GOVINFO_OK) {
      govinfo_diagnostics_free(kept);
      return GOVINFO_ENOMEM;
    }
  }
  *out = kept;
  return GOVINFO_OK;
}

/* ---- findings about the set ---- */

static void report_entry(gi_finding *f, const govinfo_suppressions *set, size_t i,
                         govinfo_diagnostics *list) {
  const gi_suppression *s = &set->items[i];
  const char *fp = field(s, GI_ENTRY_FINGERPRINT), *file = field(s, GI_ENTRY_FILE);
  bool scoped = gi_has_text(file);
  if (!usable(s)) {
    gi_finding_begin(f, GI_RULE_SUPPRESSION_NO_REASON);
    gi_finding_add_path(f, s->loc, "/suppressions/%zu", i);
    gi_finding_say(f, GI_SLOT_ZH,
                   "抑制条目 %s%s%s%s未写理由（reason），未予应用：请写明接受该发现的理由", fp,
                   scoped ? "（" : "", scoped ? file : "", scoped ? "）" : " ");
    gi_finding_say(f, GI_SLOT_EN,
                   "suppression %s%s%s gives no reason and is not applied: write why the "
                   "finding is accepted",
                   fp, scoped ? " for " : "", scoped ? file : "");
  } else {
    gi_finding_begin(f, GI_RULE_SUPPRESSION_STALE);
    gi_finding_add_path(f, s->loc, "/suppressions/%zu", i);
    gi_finding_say(f, GI_SLOT_ZH,
                   "抑制条目 %s%s%s%s所针对的发现已不再出现（已改正或数值已变），可删除该条目", fp,
                   scoped ? "（" : "", scoped ? file : "", scoped ? "）" : " ");
    gi_finding_say(f, GI_SLOT_EN,
                   "suppression %s%s%s matches no finding any more (fixed, or its values "
                   "changed): the entry can go",
                   fp, scoped ? " for " : "", scoped ? file : "");
  }
  gi_finding_key(f, "%s %s", fp, file);
  gi_finding_finish(f, list);
}

int govinfo_suppressions_check(govinfo_diagnostics **out, const govinfo_suppressions *set) {
  if (out) *out = NULL;
  if (out == NULL || set == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  govinfo_diagnostics *list = gi_diagnostics_new(set->name);
  if (list == NULL) return GOVINFO_ENOMEM;
  gi_finding f = {0};
  for (size_t i = 0; i < set->count && !f.oom; i++) {
    const gi_suppression *s = &set->items[i];
    bool stale = atomic_load(&s->seen) > 0 && atomic_load(&s->uses) == 0;
    if (!usable(s) || stale) report_entry(&f, set, i, list);
  }
  gi_finding_free(&f);
  if (f.oom) {
    govinfo_diagnostics_free(list);
    return gi_fail_oom();
  }
  *out = list;
  return GOVINFO_OK;
}

/* ---- writing ---- */

static int set_field(gi_suppression *s, gi_entry_field f, const char *value) {
  s->field[f] = gi_strdup(value);
  return s->field[f] ? GOVINFO_OK : gi_fail_oom();
}

int govinfo_suppressions_add(govinfo_suppressions *set, const govinfo_diagnostics *findings,
                             const char *file, unsigned flags) {
  if (flags & ~(unsigned)GOVINFO_FORMAT_EN)
    return gi_fail(GOVINFO_EINVAL, "unknown flags 0x%x", flags);
  if (set == NULL || findings == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  gi_diagnostics_fingerprint(findings);
  for (size_t i = 0; i < findings->count; i++) {
    const govinfo_diagnostic *d = &findings->items[i];
    gi_suppression *s = gi_suppressions_append(set);
    if (s == NULL) return GOVINFO_ENOMEM;
    int rc = set_field(s, GI_ENTRY_FINGERPRINT, d->fingerprint);
    if (rc == GOVINFO_OK) rc = set_field(s, GI_ENTRY_RULE, govinfo_diagnostic_rule(d));
    if (rc == GOVINFO_OK && file && file[0]) rc = set_field(s, GI_ENTRY_FILE, file);
    if (rc == GOVINFO_OK) rc = set_field(s, GI_ENTRY_REASON, "");
    if (rc == GOVINFO_OK)
      rc = govinfo_diagnostic_format(&s->comment, NULL, d, file && file[0] ? file : NULL, flags);
    if (rc) return rc;
  }
  return gi_suppressions_index(set);
}

/* A YAML double-quoted scalar: the escapes YAML and JSON share. */
static void put_quoted(gi_buf *b, const char *s) {
  gi_buf_puts(b, "\"");
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') gi_buf_printf(b, "\\%c", c);
    else if (c == '\n') gi_buf_puts(b, "\\n");
    else if (c == '\t') gi_buf_puts(b, "\\t");
    else if (c < 0x20 || c == 0x7f) gi_buf_printf(b, "\\x%02x", c);
    else gi_buf_append(b, s, 1);
  }
  gi_buf_puts(b, "\"");
}

/* A comment line: the text with its line breaks made spaces. */
static void put_comment(gi_buf *b, const char *text) {
  gi_buf_puts(b, "  # ");
  for (; *text; text++) gi_buf_append(b, *text == '\n' || *text == '\r' ? " " : text, 1);
  gi_buf_puts(b, "\n");
}

static const char header[] =
    "# govinfo suppressions: findings reviewed and accepted, named by their fingerprints.\n"
    "# Write in `reason` why each finding is accepted (an entry without a reason is not\n"
    "# applied) and delete the entries of findings that must stay visible. Optional: who,\n"
    "# when; `rule` and `file` narrow an entry to that rule and that report.\n"
    "# Apply with: govinfo validate --suppress THIS_FILE REPORT...\n";

int govinfo_suppressions_serialize(char **out, size_t *len, const govinfo_suppressions *set) {
  if (out) *out = NULL;
  if (out == NULL || set == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  static const gi_entry_field order[] = {GI_ENTRY_FINGERPRINT, GI_ENTRY_RULE, GI_ENTRY_FILE,
                                         GI_ENTRY_REASON,      GI_ENTRY_WHO,  GI_ENTRY_WHEN};
  gi_buf b = {0};
  gi_buf_puts(&b, header);
  gi_buf_puts(&b, set->count ? "suppressions:\n" : "suppressions: []\n");
  for (size_t i = 0; i < set->count; i++) {
    const gi_suppression *s = &set->items[i];
    if (s->comment) put_comment(&b, s->comment);
    const char *lead = "  - ";
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
      gi_entry_field f = order[k];
      if (s->field[f] == NULL && f != GI_ENTRY_REASON) continue;
      gi_buf_printf(&b, "%s%s: ", lead, gi_entry_field_names[f]);
      if (f == GI_ENTRY_FINGERPRINT || f == GI_ENTRY_RULE) gi_buf_puts(&b, field(s, f));
      else put_quoted(&b, field(s, f));
      gi_buf_puts(&b, "\n");
      lead = "    ";
    }
  }
  return gi_buf_finish(&b, out, len);
}
