/* Directories among the operands, expanded to the report files they hold (inputs.h). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "inputs.h"

#define MAX_DEPTH 32 /* bounds the walk whatever the tree holds */

static bool is_report_name(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot &&
         (strcmp(dot, ".json") == 0 || strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0);
}

static bool add(cli_inputs *in, size_t *cap, char *path) {
  if (path == NULL) return false;
  if (in->n == *cap) {
    size_t more = *cap ? *cap * 2 : 16;
    char **p = realloc(in->paths, more * sizeof *p);
    if (p == NULL) {
      free(path);
      return false;
    }
    in->paths = p;
    *cap = more;
  }
  in->paths[in->n++] = path;
  return true;
}

static char *join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  bool slash = a > 0 && dir[a - 1] == '/';
  char *p = malloc(a + b + 2);
  if (p) {
    memcpy(p, dir, a);
    if (!slash) p[a++] = '/';
    memcpy(p + a, name, b + 1);
  }
  return p;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in a directory, sorted; NULL with errno set on failure. */
static char **list_directory(const char *dir, size_t *n) {
  DIR *d = opendir(dir);
  if (d == NULL) return NULL;
  char **names = NULL;
  size_t cap = 0;
  *n = 0;
  struct dirent *e;
  errno = 0;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    if (*n == cap) {
      cap = cap ? cap * 2 : 16;
      char **p = realloc(names, cap * sizeof *p);
      if (p == NULL) break;
      names = p;
    }
    if ((names[*n] = strdup(e->d_name)) == NULL) break;
    (*n)++;
  }
  int err = errno;
  closedir(d);
  if (err) {
    for (size_t i = 0; i < *n; i++) free(names[i]);
    free(names);
    errno = err;
    return NULL;
  }
  qsort(names, *n, sizeof *names, by_name);
  return names ? names : calloc(1, sizeof *names);
}

static int walk(cli_inputs *in, size_t *cap, const char *dir, int depth) {
  if (depth > MAX_DEPTH) return cli_error("%s: directories nested too deep", dir);
  size_t n;
  char **names = list_directory(dir, &n);
  if (names == NULL) return cli_error("cannot read the directory %s: %s", dir, strerror(errno));
  int status = CLI_CONTINUE;
  for (size_t i = 0; i < n; i++) {
    char *path = join(dir, names[i]);
    struct stat st;
    if (path == NULL) {
      status = cli_error("out of memory");
    } else if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      status = walk(in, cap, path, depth + 1);
      free(path);
    } else if (is_report_name(names[i]) && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
      if (!add(in, cap, path)) status = cli_error("out of memory");
    } else {
      free(path);
    }
    if (status != CLI_CONTINUE) break;
  }
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  return status;
}

int cli_inputs_expand(cli_inputs *out, char *const *operands, size_t n) {
  *out = (cli_inputs){0};
  size_t cap = 0;
  for (size_t i = 0; i < n; i++) {
    struct stat st;
    int status = CLI_CONTINUE;
    if (strcmp(operands[i], "-") != 0 && stat(operands[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      out->any_directory = true;
      status = walk(out, &cap, operands[i], 0);
    } else if (!add(out, &cap, strdup(operands[i]))) {
      status = cli_error("out of memory");
    }
    if (status != CLI_CONTINUE) {
      cli_inputs_free(out);
      return status;
    }
  }
  return CLI_CONTINUE;
}

void cli_inputs_free(cli_inputs *in) {
  for (size_t i = 0; i < in->n; i++) free(in->paths[i]);
  free(in->paths);
  *in = (cli_inputs){0};
}
