/* Reports in memory and in files: choosing JSON or YAML, reading whole files, and writing
 * files atomically (temporary file beside the target, then rename). */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define BOM "\xEF\xBB\xBF"

/* strerror() is not thread-safe; this is the XSI strerror_r. */
static const char *os_error(int err, char *buf, size_t size) {
  if (strerror_r(err, buf, size) != 0) snprintf(buf, size, "error %d", err);
  return buf;
}

__attribute__((format(printf, 3, 4))) static int io_error(const char *path, int err,
                                                          const char *fmt, ...) {
  char what[400], reason[128];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  return gi_fail_at(GOVINFO_EIO, path, (gi_loc){0, 0}, 0, NULL, "%s: %s", what,
                    os_error(err, reason, sizeof reason));
}

static bool valid_syntax(govinfo_syntax syntax) {
  return syntax == GOVINFO_SYNTAX_AUTO || syntax == GOVINFO_SYNTAX_JSON ||
         syntax == GOVINFO_SYNTAX_YAML;
}

/* JSON when the first character after the BOM and whitespace opens an object. */
static govinfo_syntax sniff(const char *buf, size_t len) {
  size_t i = len >= 3 && memcmp(buf, BOM, 3) == 0 ? 3 : 0;
  while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n')) i++;
  return i < len && buf[i] == '{' ? GOVINFO_SYNTAX_JSON : GOVINFO_SYNTAX_YAML;
}

int govinfo_report_parse(govinfo_report **out, const char *buf, size_t len, govinfo_syntax syntax,
                         const char *source_name) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  if (buf == NULL && len > 0) return gi_fail(GOVINFO_EINVAL, "buffer is NULL");
  if (!valid_syntax(syntax)) return gi_fail(GOVINFO_EINVAL, "unknown syntax %d", (int)syntax);
  if (buf == NULL) buf = "";
  /* Both readers skip a byte order mark themselves, so offsets count from the caller's
   * first byte. */
  if (syntax == GOVINFO_SYNTAX_AUTO) syntax = sniff(buf, len);
  /* The builder both readers share makes source_name the report's origin. */
  return syntax == GOVINFO_SYNTAX_JSON ? gi_json_parse(out, buf, len, source_name)
                                       : gi_yaml_parse(out, buf, len, source_name);
}

/* ---- files ---- */

/* Whole file into a new buffer; reads to the end, so pipes and growing files work too. */
static int read_file(const char *path, char **out, size_t *len) {
  int fd;
  do fd = open(path, O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) return io_error(path, errno, "cannot open %s", path);
  struct stat st;
  size_t cap = 65536;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) cap = (size_t)st.st_size + 1;
  char *data = malloc(cap);
  size_t n = 0;
  int rc = data ? GOVINFO_OK : gi_fail_oom();
  while (rc == GOVINFO_OK) {
    if (n == cap) {
      char *p = cap < SIZE_MAX / 2 ? realloc(data, cap * 2) : NULL;
      if (p == NULL) {
        rc = gi_fail_oom();
        break;
      }
      data = p;
      cap *= 2;
    }
    ssize_t got = read(fd, data + n, cap - n);
    if (got > 0)
      n += (size_t)got;
    else if (got == 0)
      break;
    else if (errno != EINTR)
      rc = io_error(path, errno, "cannot read %s", path);
  }
  close(fd);
  if (rc) {
    free(data);
    return rc;
  }
  *out = data;
  *len = n;
  return GOVINFO_OK;
}

int govinfo_report_load(govinfo_report **out, const char *path, govinfo_syntax syntax) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  if (path == NULL) return gi_fail(GOVINFO_EINVAL, "path is NULL");
  if (!valid_syntax(syntax)) return gi_fail(GOVINFO_EINVAL, "unknown syntax %d", (int)syntax);
  if (syntax == GOVINFO_SYNTAX_AUTO) syntax = govinfo_syntax_from_path(path);
  char *data = NULL;
  size_t len = 0;
  int rc = read_file(path, &data, &len);
  if (rc) return rc;
  rc = govinfo_report_parse(out, data, len, syntax, path);
  free(data);
  return rc;
}

int govinfo_report_serialize(char **out, size_t *len, const govinfo_report *report,
                             govinfo_syntax syntax, unsigned flags) {
  if (out == NULL || report == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  *out = NULL;
  if (flags & ~GOVINFO_WRITE_LABELS) return gi_fail(GOVINFO_EINVAL, "unknown flags 0x%x", flags);
  switch (syntax) {
  case GOVINFO_SYNTAX_JSON:
    return gi_json_write(out, len, report);
  case GOVINFO_SYNTAX_YAML:
    return gi_yaml_write(out, len, report, flags);
  default:
    return gi_fail(GOVINFO_EINVAL, "serializing needs a syntax: JSON or YAML");
  }
}

int govinfo_report_save(const govinfo_report *report, const char *path, govinfo_syntax syntax,
                        unsigned flags) {
  if (report == NULL || path == NULL) return gi_fail(GOVINFO_EINVAL, "NULL argument");
  if (syntax == GOVINFO_SYNTAX_AUTO) syntax = govinfo_syntax_from_path(path);
  if (syntax == GOVINFO_SYNTAX_AUTO)
    return gi_fail(GOVINFO_EINVAL,
                   "cannot tell JSON from YAML by the name %s: use .json, .yaml or .yml", path);
  char *doc = NULL;
  size_t len = 0;
  int rc = govinfo_report_serialize(&doc, &len, report, syntax, flags);
  if (rc) return rc;
  rc = govinfo_write_file_atomic(path, doc, len);
  free(doc);
  return rc;
}

/* ASCII only: strcasecmp would follow the locale. */
static bool extension_is(const char *ext, const char *want) {
  for (; *ext && *want; ext++, want++) {
    char c = *ext >= 'A' && *ext <= 'Z' ? (char)(*ext - 'A' + 'a') : *ext;
    if (c != *want) return false;
  }
  return *ext == *want;
}

govinfo_syntax govinfo_syntax_from_path(const char *path) {
  if (path == NULL) return GOVINFO_SYNTAX_AUTO;
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash + 1 : path, '.');
  if (dot == NULL) return GOVINFO_SYNTAX_AUTO;
  if (extension_is(dot + 1, "json")) return GOVINFO_SYNTAX_JSON;
  if (extension_is(dot + 1, "yaml") || extension_is(dot + 1, "yml")) return GOVINFO_SYNTAX_YAML;
  return GOVINFO_SYNTAX_AUTO;
}

/* ---- atomic writes ---- */

static bool write_all(int fd, const char *data, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    data += n;
    len -= (size_t)n;
  }
  return true;
}

/* The target's permissions when it exists; else 0644, since reading the umask would
 * change it for the whole process. */
static mode_t mode_for(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode) ? st.st_mode & 07777 : 0644;
}

/* Makes the rename durable. Best effort: the new file is in place either way. */
static void sync_directory(const char *path) {
  const char *slash = strrchr(path, '/');
  char *dir = slash == NULL ? gi_strdup(".")
                            : gi_strndup(path, slash == path ? 1 : (size_t)(slash - path));
  if (dir == NULL) return;
  int fd = open(dir, O_RDONLY);
  if (fd >= 0) {
    fsync(fd);
    close(fd);
  }
  free(dir);
}

/* Writes into something that is not a regular file (a FIFO, /dev/stdout, a terminal)
 * directly: renaming over it would replace it with a file. */
static int write_in_place(const char *path, const char *data, size_t len) {
  int fd;
  do fd = open(path, O_WRONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) return io_error(path, errno, "cannot open %s for writing", path);
  int rc = write_all(fd, data, len) ? GOVINFO_OK : io_error(path, errno, "cannot write %s", path);
  if (close(fd) != 0 && rc == GOVINFO_OK) rc = io_error(path, errno, "cannot write %s", path);
  return rc;
}

static int replace_atomically(const char *path, const char *data, size_t len) {
  size_t n = strlen(path);
  char *tmp = malloc(n + sizeof ".XXXXXX");
  if (tmp == NULL) return gi_fail_oom();
  memcpy(tmp, path, n);
  memcpy(tmp + n, ".XXXXXX", sizeof ".XXXXXX");
  mode_t mode = mode_for(path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    int rc = io_error(path, errno, "cannot create a temporary file beside %s", path);
    free(tmp);
    return rc;
  }
  fcntl(fd, F_SETFD, FD_CLOEXEC); /* mkostemp is not POSIX.1-2008 */
  int rc = GOVINFO_OK;
  if (!write_all(fd, data, len))
    rc = io_error(path, errno, "cannot write %s", tmp);
  else if (fchmod(fd, mode) != 0)
    rc = io_error(path, errno, "cannot set the permissions of %s", tmp);
  else if (fsync(fd) != 0)
    rc = io_error(path, errno, "cannot flush %s to disk", tmp);
  if (close(fd) != 0 && rc == GOVINFO_OK) rc = io_error(path, errno, "cannot write %s", tmp);
  if (rc == GOVINFO_OK && rename(tmp, path) != 0)
    rc = io_error(path, errno, "cannot replace %s", path);
  if (rc)
    unlink(tmp);
  else
    sync_directory(path);
  free(tmp);
  return rc;
}

int govinfo_write_file_atomic(const char *path, const char *data, size_t len) {
  if (path == NULL || path[0] == '\0') return gi_fail(GOVINFO_EINVAL, "path is NULL or empty");
  if (data == NULL && len > 0) return gi_fail(GOVINFO_EINVAL, "data is NULL");
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    return io_error(path, EISDIR, "cannot write %s", path);
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) return write_in_place(path, data, len);
  /* A symbolic link keeps pointing where it did: the file it names is replaced. */
  char *target = NULL;
  if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (target = realpath(path, NULL)) == NULL)
    return io_error(path, errno, "cannot follow the link %s", path);
  int rc = replace_atomically(target ? target : path, data, len);
  free(target);
  return rc;
}
