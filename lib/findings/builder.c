/* Building one finding: strings back to back in one buffer, then one allocation in the
 * list. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings/findings.h"
#include "util/sha256.h"

__attribute__((format(printf, 2, 0))) static void text_vprintf(gi_buf *b, const char *fmt,
                                                               va_list ap) {
  char small[256];
  va_list again;
  va_copy(again, ap);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  if (n < 0) {
    b->failed = true;
  } else if ((size_t)n < sizeof small) {
    gi_buf_append(b, small, (size_t)n);
  } else {
    char *big = malloc((size_t)n + 1);
    if (big == NULL) {
      b->failed = true;
    } else {
      vsnprintf(big, (size_t)n + 1, fmt, again);
      gi_buf_append(b, big, (size_t)n);
      free(big);
    }
  }
  va_end(again);
}

void gi_finding_begin(gi_finding *f, gi_rule rule) {
  f->rule = rule;
  f->loc = (gi_loc){0, 0};
  f->file = NULL;
  f->text.len = 0;
  f->npaths = 0;
  for (int i = 0; i < GI_SLOT_COUNT_; i++) f->slot[i] = GI_NO_SLOT;
}

/* Appends one NUL-terminated string to the finding and returns its offset. */
__attribute__((format(printf, 2, 0))) static size_t vput(gi_finding *f, const char *fmt,
                                                         va_list ap) {
  size_t start = f->text.len;
  text_vprintf(&f->text, fmt, ap);
  gi_buf_append(&f->text, "", 1);
  return start;
}

void gi_finding_say(gi_finding *f, gi_finding_slot slot, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  f->slot[slot] = vput(f, fmt, ap);
  va_end(ap);
}

void gi_finding_begin_string(gi_finding *f, gi_finding_slot slot) { f->slot[slot] = f->text.len; }

void gi_finding_end_string(gi_finding *f) { gi_buf_append(&f->text, "", 1); }

/* Makes room for one more path; the first one gives the finding its location. */
static bool new_path(gi_finding *f, gi_loc loc) {
  if (f->npaths == f->path_cap) {
    size_t cap = f->path_cap ? f->path_cap * 2 : 32;
    size_t *p = realloc(f->path_off, cap * sizeof *p);
    if (p == NULL) {
      f->oom = true;
      return false;
    }
    f->path_off = p;
    f->path_cap = cap;
  }
  if (f->npaths == 0) f->loc = loc;
  f->path_off[f->npaths++] = f->text.len;
  return true;
}

void gi_finding_add_path(gi_finding *f, gi_loc loc, const char *fmt, ...) {
  if (!new_path(f, loc)) return;
  va_list ap;
  va_start(ap, fmt);
  vput(f, fmt, ap);
  va_end(ap);
}

void gi_finding_add_path_pieces(gi_finding *f, gi_loc loc, const char *const *pieces, size_t n) {
  if (!new_path(f, loc)) return;
  for (size_t i = 0; i < n; i++) gi_buf_puts(&f->text, pieces[i]);
  gi_buf_append(&f->text, "", 1);
}

void gi_finding_set_values(gi_finding *f, int64_t expected, int64_t actual) {
  gi_finding_say(f, GI_SLOT_EXPECTED, "%lld", (long long)expected);
  gi_finding_say(f, GI_SLOT_ACTUAL, "%lld", (long long)actual);
}

static bool grow_list(govinfo_diagnostics *list) {
  if (list->count < list->cap) return true;
  size_t cap = list->cap ? list->cap * 2 : 16;
  govinfo_diagnostic *p = realloc(list->items, cap * sizeof *p);
  if (p == NULL) return false;
  list->items = p;
  list->cap = cap;
  return true;
}

/* One field of the serialisation: its tag and value, each NUL-terminated; an unset value
 * is told apart from an empty one by its tag alone. */
static void hash_field(gi_sha256 *h, const char *tag, const char *value) {
  gi_sha256_update(h, tag, strlen(tag) + 1);
  if (value) gi_sha256_update(h, value, strlen(value) + 1);
}

void gi_finding_fingerprint(char out[GI_FINGERPRINT_SIZE], gi_rule rule, const char *const *paths,
                            size_t npaths, const char *expected, const char *actual,
                            const char *key) {
  static const char digits[] = "0123456789abcdef";
  gi_sha256 h;
  unsigned char digest[32];
  gi_sha256_init(&h);
  hash_field(&h, "govinfo-finding-1", NULL); /* the version of this serialisation */
  hash_field(&h, "rule", govinfo_rule_id(govinfo_rule_at(rule)));
  for (size_t i = 0; i < npaths; i++) hash_field(&h, "path", paths[i]);
  if (expected) hash_field(&h, "expected", expected);
  if (actual) hash_field(&h, "actual", actual);
  if (key) hash_field(&h, "key", key);
  gi_sha256_final(&h, digest);
  for (int i = 0; i < (GI_FINGERPRINT_SIZE - 1) / 2; i++) {
    out[2 * i] = digits[digest[i] >> 4];
    out[2 * i + 1] = digits[digest[i] & 15];
  }
  out[GI_FINGERPRINT_SIZE - 1] = '\0';
}

/* Moves the finding being built into the list: paths and strings in one allocation. */
void gi_finding_finish(gi_finding *f, govinfo_diagnostics *list) {
  if (f->oom || f->text.failed || f->text.len == 0 || !grow_list(list)) {
    f->oom = true;
    return;
  }
  size_t head = f->npaths * sizeof(const char *);
  size_t file_len = f->file ? strlen(f->file) + 1 : 0;
  char *block = malloc(head + f->text.len + file_len);
  if (block == NULL) {
    f->oom = true;
    return;
  }
  char *strings = block + head;
  memcpy(strings, f->text.data, f->text.len);
  if (f->file) memcpy(strings + f->text.len, f->file, file_len);
  const char **paths = (const char **)(void *)block;
  for (size_t i = 0; i < f->npaths; i++) paths[i] = strings + f->path_off[i];
  const char *slot[GI_SLOT_COUNT_];
  for (int i = 0; i < GI_SLOT_COUNT_; i++)
    slot[i] = f->slot[i] == GI_NO_SLOT ? NULL : strings + f->slot[i];
  govinfo_severity severity = govinfo_rule_severity(govinfo_rule_at(f->rule));
  list->items[list->count++] = (govinfo_diagnostic){
      .rule = f->rule,
      .severity = severity,
      .line = f->loc.line,
      .column = f->loc.column,
      .npaths = f->npaths,
      .paths = paths,
      .message = slot[GI_SLOT_ZH] ? slot[GI_SLOT_ZH] : "",
      .message_en = slot[GI_SLOT_EN] ? slot[GI_SLOT_EN] : "",
      .expected = slot[GI_SLOT_EXPECTED],
      .actual = slot[GI_SLOT_ACTUAL],
      .file = f->file ? strings + f->text.len : list->file,
      .block = block,
  };
  list->items[list->count - 1].key = slot[GI_SLOT_KEY];
  list->items[list->count - 1].list = list;
  atomic_store(&list->fingerprinted, false);
  list->by_severity[severity]++;
}

void gi_finding_free(gi_finding *f) {
  gi_buf_free(&f->text);
  free(f->path_off);
  f->path_off = NULL;
  f->path_cap = f->npaths = 0;
}
