/* Whole files in, files out atomically (an unnamed or temporary file beside the target, then
 * rename). */
#define _GNU_SOURCE /* realpath, O_TMPFILE, linkat */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "govinfo/io.h"
#include "io/files.h"
#include "util/error.h"
#include "util/text.h"

int gi_input_too_large(const char *source, size_t max) {
  return gi_fail_at(GOVINFO_EIO, source, (gi_loc){0, 0}, 0, NULL,
                    "larger than the input size limit of %zu bytes (%zu MiB); importing and "
                    "batches raise it with the option max_input_bytes",
                    max, max >> 20);
}

/* Whole file into a new buffer; reads to the end, so pipes and growing files work too, but
 * never more than max bytes: /dev/zero or a runaway pipe stops with an error. */
int gi_read_file(const char *path, char **out, size_t *len, size_t max) {
  if (max == 0) max = GOVINFO_MAX_INPUT_BYTES_DEFAULT;
  int fd;
  do fd = open(path, O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) return gi_fail_os(path, errno, "cannot open %s", path);
  struct stat st;
  size_t cap = 65536;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    if ((uint64_t)st.st_size > max) {
      close(fd);
      return gi_input_too_large(path, max);
    }
    cap = (size_t)st.st_size + 1;
  }
  char *data = malloc(cap);
  size_t n = 0;
  int rc = data ? GOVINFO_OK : gi_fail_oom();
  while (rc == GOVINFO_OK) {
    if (n == cap) {
      if (n > max) { /* one byte past the limit tells a file exactly max bytes long */
        rc = gi_input_too_large(path, max);
        break;
      }
      size_t bigger = cap <= max / 2 ? cap * 2 : max + 1;
      char *p = realloc(data, bigger);
      if (p == NULL) {
        rc = gi_fail_oom();
        break;
      }
      data = p;
      cap = bigger;
    }
    ssize_t got = read(fd, data + n, cap - n);
    if (got > 0) n += (size_t)got;
    else if (got == 0) break;
    else if (errno != EINTR) rc = gi_fail_os(path, errno, "cannot read %s", path);
  }
  if (rc == GOVINFO_OK && n > max) rc = gi_input_too_large(path, max);
  close(fd);
  if (rc) {
    free(data);
    return rc;
  }
  *out = data;
  *len = n;
  return GOVINFO_OK;
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

static char *directory_of(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash == NULL ? gi_strdup(".")
                       : gi_strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* Makes the rename durable. Best effort: the new file is in place either way. */
static void sync_directory(const char *path) {
  char *dir = directory_of(path);
  if (dir == NULL) return;
  int fd = open(dir, O_RDONLY | O_CLOEXEC);
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
  if (fd < 0) return gi_fail_os(path, errno, "cannot open %s for writing", path);
  int rc = write_all(fd, data, len) ? GOVINFO_OK : gi_fail_os(path, errno, "cannot write %s", path);
  if (close(fd) != 0 && rc == GOVINFO_OK) rc = gi_fail_os(path, errno, "cannot write %s", path);
  return rc;
}

/* Writes data, sets the mode and flushes fd; `name` is what messages call the file. */
static int fill(int fd, const char *path, const char *name, const char *data, size_t len,
                mode_t mode) {
  if (!write_all(fd, data, len)) return gi_fail_os(path, errno, "cannot write %s", name);
  if (fchmod(fd, mode) != 0)
    return gi_fail_os(path, errno, "cannot set the permissions of %s", name);
  if (fsync(fd) != 0) return gi_fail_os(path, errno, "cannot flush %s to disk", name);
  return GOVINFO_OK;
}

/* path + ".XXXXXX" in a new string, NULL when out of memory. */
static char *temporary_name(const char *path) {
  size_t size = strlen(path) + sizeof ".XXXXXX";
  char *tmp = malloc(size);
  if (tmp != NULL) snprintf(tmp, size, "%s.XXXXXX", path);
  return tmp;
}

/* What a named temporary file receives: a buffer, or (from_fd >= 0) the bytes of an unnamed
 * file that could not be linked. */
typedef struct content {
  const char *data;
  size_t len;
  int from_fd;
} content;

static int put_content(int fd, const char *path, const char *tmp, const content *c) {
  if (c->from_fd < 0)
    return write_all(fd, c->data, c->len) ? GOVINFO_OK
                                          : gi_fail_os(path, errno, "cannot write %s", tmp);
  char buf[1 << 16];
  for (off_t at = 0;;) {
    ssize_t n = pread(c->from_fd, buf, sizeof buf, at);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return gi_fail_os(path, errno, "cannot read back %s", path);
    if (n == 0) return GOVINFO_OK;
    if (!write_all(fd, buf, (size_t)n)) return gi_fail_os(path, errno, "cannot write %s", tmp);
    at += n;
  }
}

/* The usual way: a named temporary file beside the target, renamed over it. A process
 * killed while writing leaves that file (OUT.XXXXXX) behind. */
static int replace_through_named(const char *path, const content *c, mode_t mode) {
  char *tmp = temporary_name(path);
  if (tmp == NULL) return gi_fail_oom();
  int fd = mkostemp(tmp, O_CLOEXEC);
  if (fd < 0) {
    int rc = gi_fail_os(path, errno, "cannot create a temporary file beside %s", path);
    free(tmp);
    return rc;
  }
  int rc = put_content(fd, path, tmp, c);
  if (rc == GOVINFO_OK) rc = fill(fd, path, tmp, NULL, 0, mode);
  if (close(fd) != 0 && rc == GOVINFO_OK) rc = gi_fail_os(path, errno, "cannot write %s", tmp);
  if (rc == GOVINFO_OK && rename(tmp, path) != 0)
    rc = gi_fail_os(path, errno, "cannot replace %s", path);
  if (rc) unlink(tmp);
  else sync_directory(path);
  free(tmp);
  return rc;
}

/* Gives the unnamed file fd the name `name` (which must not exist). */
static bool link_unnamed(int fd, const char *name) {
  if (linkat(fd, "", AT_FDCWD, name, AT_EMPTY_PATH) == 0) return true;
  char proc[64];
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  return linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0;
}

/* Names the unnamed file fd `path`: linked when path does not exist yet, else linked under
 * a fresh temporary name that is renamed over path at once. *linked false (and GOVINFO_OK)
 * when the system cannot link it (no /proc, an old kernel). */
static int publish_unnamed(int fd, const char *path, bool *linked) {
  int rc = GOVINFO_OK;
  *linked = false;
  struct stat st;
  if (lstat(path, &st) != 0 && errno == ENOENT) {
    *linked = link_unnamed(fd, path);
  } else {
    char *tmp = temporary_name(path);
    if (tmp == NULL) rc = gi_fail_oom();
    for (int tries = 0; rc == GOVINFO_OK && !*linked && tries < 8; tries++) {
      memcpy(tmp + strlen(path), ".XXXXXX", sizeof ".XXXXXX");
      int placeholder = mkostemp(tmp, O_CLOEXEC); /* a fresh name, freed for the link */
      if (placeholder < 0) break;
      close(placeholder);
      unlink(tmp);
      *linked = link_unnamed(fd, tmp);
      if (*linked && rename(tmp, path) != 0) {
        rc = gi_fail_os(path, errno, "cannot replace %s", path);
        unlink(tmp);
      }
      if (!*linked && errno != EEXIST) break;
    }
    free(tmp);
  }
  if (rc == GOVINFO_OK && *linked) sync_directory(path);
  return rc;
}

int gi_unnamed_open(const char *path) {
#ifdef O_TMPFILE
  char *dir = directory_of(path);
  if (dir == NULL) {
    errno = ENOMEM;
    return -1;
  }
  int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, mode_for(path));
  free(dir);
  return fd;
#else
  (void)path;
  errno = EOPNOTSUPP;
  return -1;
#endif
}

int gi_unnamed_publish(int fd, const char *path) {
  mode_t mode = mode_for(path);
  int rc = fill(fd, path, path, NULL, 0, mode);
  bool linked = false;
  if (rc == GOVINFO_OK) rc = publish_unnamed(fd, path, &linked);
  /* where the system cannot link it: its bytes through a named temporary */
  if (rc == GOVINFO_OK && !linked) rc = replace_through_named(path, &(content){NULL, 0, fd}, mode);
  return rc;
}

/* Linux: the data goes into an unnamed file (O_TMPFILE) in the target's directory, which
 * gets a name only once it is whole: a process killed while writing, even by SIGKILL,
 * leaves nothing behind. *done false (and GOVINFO_OK) when the filesystem or the system
 * cannot: then the caller writes through a named temporary file. */
static int replace_through_unnamed(const char *path, const char *data, size_t len, mode_t mode,
                                   bool *done) {
  *done = false;
  int fd = gi_unnamed_open(path);
  if (fd < 0) return errno == ENOMEM ? gi_fail_oom() : GOVINFO_OK;
  int rc = fill(fd, path, path, data, len, mode);
  bool linked = false;
  if (rc == GOVINFO_OK) rc = publish_unnamed(fd, path, &linked);
  close(fd);
  *done = rc != GOVINFO_OK || linked;
  return rc;
}

static int replace_atomically(const char *path, const char *data, size_t len) {
  mode_t mode = mode_for(path);
  bool done;
  int rc = replace_through_unnamed(path, data, len, mode, &done);
  return done ? rc : replace_through_named(path, &(content){data, len, -1}, mode);
}

int govinfo_write_file_atomic(const char *path, const char *data, size_t len) {
  if (path == NULL || path[0] == '\0') return gi_fail(GOVINFO_EINVAL, "path is NULL or empty");
  if (data == NULL && len > 0) return gi_fail(GOVINFO_EINVAL, "data is NULL");
  struct stat st;
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    return gi_fail_os(path, EISDIR, "cannot write %s", path);
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) return write_in_place(path, data, len);
  /* A symbolic link keeps pointing where it did: the file it names is replaced. */
  char *target = NULL;
  if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && (target = realpath(path, NULL)) == NULL)
    return gi_fail_os(path, errno, "cannot follow the link %s", path);
  int rc = replace_atomically(target ? target : path, data, len);
  free(target);
  return rc;
}
