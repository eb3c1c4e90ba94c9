/* Expanding a batch's inputs: files as given, directories walked recursively in name order
 * with their reports recognised by extension or content, "-" for standard input. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/batch.h"
#include "util/error.h"
#include "util/text.h"

/* Directories on the way down, to refuse a symbolic link that leads back up. */
typedef struct ancestry {
  dev_t dev;
  ino_t ino;
  const struct ancestry *up;
} ancestry;

#define MAX_DEPTH 64

/* ---- recognising reports in a directory ---- */

static bool extension_in(const char *name, const char *const *list) {
  const char *dot = strrchr(name, '.');
  if (dot == NULL || dot == name) return false;
  for (; *list; list++) {
    const char *a = dot + 1, *b = *list;
    for (; *a && *b; a++, b++) {
      char c = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
      if (c != *b) break;
    }
    if (*a == '\0' && *b == '\0') return true;
  }
  return false;
}

static const char *const document_extensions[] = {"json", "yaml", "yml", NULL};
static const char *const published_extensions[] = {"pdf",      "txt",  "text", "md",
                                                   "markdown", "html", "htm",  NULL};
/* Extensions that say "not for this action": never sniffed. */
static const char *const other_extensions[] = {
    "png", "jpg",    "jpeg", "gif", "zip", "gz", "xz", "doc", "docx", "xls", "xlsx", "csv",
    "db",  "sqlite", "tar",  "o",   "so",  "a",  "c",  "h",   "py",   "lua", NULL};

/* The first bytes of a file without a telling extension: a report document starts with "{"
 * or has a "format:" line; a published report is a PDF, an HTML page or text that names the
 * disclosure it reports on. */
static bool content_fits(const char *path, govinfo_batch_action action) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char head[4096];
  ssize_t n;
  do n = read(fd, head, sizeof head - 1);
  while (n < 0 && errno == EINTR);
  close(fd);
  if (n <= 0) return false;
  head[n] = '\0';
  const char *p = head;
  if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') p++;
  if (action == GOVINFO_BATCH_LOAD)
    return *p == '{' || strncmp(p, "format:", 7) == 0 || strstr(head, "\nformat:") != NULL;
  if (n >= 5 && memcmp(head, "%PDF-", 5) == 0) return true;
  if (*p == '<') return true;
  return strstr(head, "政府信息公开") != NULL;
}

static bool is_report(const char *path, const char *name, govinfo_batch_action action) {
  const char *const *own =
      action == GOVINFO_BATCH_LOAD ? document_extensions : published_extensions;
  const char *const *theirs =
      action == GOVINFO_BATCH_LOAD ? published_extensions : document_extensions;
  if (extension_in(name, own)) return true;
  if (extension_in(name, theirs) || extension_in(name, other_extensions)) return false;
  return content_fits(path, action);
}

/* ---- entries ---- */

static int add_entry(gi_batch_entries *e, char *path, char *relative) {
  if (path == NULL || relative == NULL) {
    free(path);
    free(relative);
    return gi_fail_oom();
  }
  if (e->count == e->cap) {
    size_t cap = e->cap ? e->cap * 2 : 64;
    gi_batch_entry *p = realloc(e->at, cap * sizeof *p);
    if (p == NULL) {
      free(path);
      free(relative);
      return gi_fail_oom();
    }
    e->at = p;
    e->cap = cap;
  }
  e->at[e->count++] = (gi_batch_entry){.path = path, .relative = relative};
  return GOVINFO_OK;
}

/* An entry for a failure: the error just recorded on this thread. */
static int add_failure(gi_batch_entries *e, const char *path, const char *relative, int code) {
  gi_error_copy error;
  gi_error_copy_take(&error, code);
  int rc = add_entry(e, gi_strdup(path), gi_strdup(relative));
  if (rc) {
    gi_error_copy_free(&error);
    return rc;
  }
  e->at[e->count - 1].status = code;
  e->at[e->count - 1].error = error;
  return GOVINFO_OK;
}

static char *join(const char *dir, const char *name) {
  size_t n = strlen(dir), m = strlen(name);
  bool slash = n > 0 && dir[n - 1] == '/';
  char *p = malloc(n + m + 2);
  if (p == NULL) return NULL;
  snprintf(p, n + m + 2, "%s%s%s", dir, slash ? "" : "/", name);
  return p;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in a directory, sorted, without "." and hidden files. */
static int list_directory(const char *path, char ***out, size_t *count) {
  DIR *d = opendir(path);
  if (d == NULL) return gi_fail_os(path, errno, "cannot read the directory %s", path);
  char **names = NULL;
  size_t n = 0, cap = 0;
  int rc = GOVINFO_OK;
  struct dirent *de;
  while (rc == GOVINFO_OK && (de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.') continue; /* ".", "..", and hidden files such as .git */
    if (n == cap) {
      size_t c = cap ? cap * 2 : 32;
      char **p = realloc(names, c * sizeof *p);
      if (p == NULL) {
        rc = gi_fail_oom();
        break;
      }
      names = p;
      cap = c;
    }
    if ((names[n] = gi_strdup(de->d_name)) == NULL) rc = gi_fail_oom();
    else n++;
  }
  closedir(d);
  if (rc) {
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return rc;
  }
  if (n) qsort(names, n, sizeof *names, by_name);
  *out = names;
  *count = n;
  return GOVINFO_OK;
}

static bool seen_above(const ancestry *a, const struct stat *st) {
  for (; a; a = a->up)
    if (a->dev == st->st_dev && a->ino == st->st_ino) return true;
  return false;
}

static int walk(gi_batch_entries *e, const char *dir, const char *relative, const ancestry *up,
                unsigned depth, govinfo_batch_action action);

static int visit(gi_batch_entries *e, const char *path, const char *relative, const char *name,
                 const ancestry *up, unsigned depth, govinfo_batch_action action) {
  struct stat st;
  if (stat(path, &st) != 0) /* a dangling link, or gone since it was listed */
    return add_failure(e, path, relative, gi_fail_os(path, errno, "cannot open %s", path));
  if (S_ISDIR(st.st_mode)) {
    if (seen_above(up, &st)) return GOVINFO_OK; /* a link back up: walked already */
    if (depth >= MAX_DEPTH)
      return add_failure(e, path, relative,
                         gi_fail_at(GOVINFO_EIO, path, (gi_loc){0, 0}, 0, NULL,
                                    "directories nested deeper than %d levels", MAX_DEPTH));
    ancestry here = {st.st_dev, st.st_ino, up};
    return walk(e, path, relative, &here, depth + 1, action);
  }
  if (!S_ISREG(st.st_mode) || !is_report(path, name, action)) return GOVINFO_OK;
  return add_entry(e, gi_strdup(path), gi_strdup(relative));
}

static int walk(gi_batch_entries *e, const char *dir, const char *relative, const ancestry *up,
                unsigned depth, govinfo_batch_action action) {
  char **names = NULL;
  size_t n = 0;
  int rc = list_directory(dir, &names, &n);
  if (rc == GOVINFO_ENOMEM) return rc;
  if (rc) return add_failure(e, dir, relative[0] ? relative : ".", rc);
  for (size_t i = 0; i < n; i++) {
    char *path = join(dir, names[i]);
    char *rel = relative[0] ? join(relative, names[i]) : gi_strdup(names[i]);
    rc = path && rel ? visit(e, path, rel, names[i], up, depth, action) : gi_fail_oom();
    free(path);
    free(rel);
    if (rc) break;
  }
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  return rc;
}

int gi_batch_expand(gi_batch_entries *e, const char *input, govinfo_batch_action action) {
  if (strcmp(input, "-") == 0) return add_entry(e, gi_strdup("-"), gi_strdup("-"));
  const char *slash = strrchr(input, '/');
  const char *base = slash && slash[1] ? slash + 1 : input;
  struct stat st;
  if (stat(input, &st) != 0)
    return add_failure(e, input, base, gi_fail_os(input, errno, "cannot open %s", input));
  if (!S_ISDIR(st.st_mode)) return add_entry(e, gi_strdup(input), gi_strdup(base));
  ancestry top = {st.st_dev, st.st_ino, NULL};
  return walk(e, input, "", &top, 0, action);
}

void gi_batch_entries_free(gi_batch_entries *e) {
  for (size_t i = 0; i < e->count; i++) {
    free(e->at[i].path);
    free(e->at[i].relative);
    gi_error_copy_free(&e->at[i].error);
  }
  free(e->at);
  memset(e, 0, sizeof *e);
}
