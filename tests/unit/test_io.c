/* Files and syntax selection (lib/io.c): load, save, parse, serialize, atomic writes. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"

/* ---- a scratch directory per test ---- */

static char dir[64];

static void make_dir(void) {
  snprintf(dir, sizeof dir, "/tmp/govinfo-io-XXXXXX");
  cr_assert_not_null(mkdtemp(dir), "mkdtemp: %s", strerror(errno));
}

/* Removes what the tests create: plain files and one level of subdirectories. */
static void remove_tree(const char *path) {
  chmod(path, 0700);
  DIR *d = opendir(path);
  if (d == NULL) return;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    char child[512];
    snprintf(child, sizeof child, "%s/%s", path, e->d_name);
    if (unlink(child) != 0) remove_tree(child);
  }
  closedir(d);
  rmdir(path);
}

static void remove_dir(void) { remove_tree(dir); }

static const char *in_dir(const char *name) {
  static char path[4][512];
  static int next;
  char *p = path[next++ % 4];
  snprintf(p, sizeof path[0], "%s/%s", dir, name);
  return p;
}

static void write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f, "%s: %s", path, strerror(errno));
  fputs(text, f);
  cr_assert_eq(fclose(f), 0);
}

/* Names in the scratch directory, sorted, joined by spaces. */
static const char *listing(const char *path) {
  static char out[1024];
  struct dirent **names;
  int n = scandir(path, &names, NULL, alphasort);
  cr_assert_geq(n, 0, "scandir %s: %s", path, strerror(errno));
  out[0] = '\0';
  for (int i = 0; i < n; i++) {
    if (names[i]->d_name[0] != '.' || strlen(names[i]->d_name) > 2) {
      if (out[0]) strcat(out, " ");
      strncat(out, names[i]->d_name, sizeof out - strlen(out) - 2);
    }
    free(names[i]);
  }
  free(names);
  return out;
}

static govinfo_report *sample_report(void) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new_template(&r, "2021", 2024, "淮安市人民政府"), 0);
  cr_assert_eq(govinfo_report_set_int(r, "table3.new_received.natural_person", 12), 0);
  cr_assert_eq(govinfo_report_set_mark(r, "table3.new_received.commercial", "/"), 0);
  cr_assert_eq(govinfo_report_clear_cell(r, "table3.new_received.research"), 0);
  cr_assert_eq(govinfo_report_set_number(r, "table2_art20_8.admin_fees.fee_amount", "96171.6"), 0);
  cr_assert_eq(govinfo_report_set_section(r, "s1", NULL, "第一行\n第二行"), 0);
  return r;
}

static govinfo_report *load_ok(const char *path, govinfo_syntax syntax) {
  govinfo_report *r = NULL;
  int rc = govinfo_report_load(&r, path, syntax);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_eq(rc, 0, "loading %s: %s (%s:%u:%u)", path, e->message, e->source, e->line, e->column);
  return r;
}

static const char *json_doc = "{\"format\": \"2019\", \"year\": 2020}";
static const char *yaml_doc = "format: \"2019\"\nyear: 2020\n";

/* ---- load and save ---- */

Test(io, json_file_round_trip_keeps_the_report, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = sample_report();
  const char *path = in_dir("report.json");
  cr_assert_eq(govinfo_report_save(r, path, GOVINFO_SYNTAX_AUTO, 0), 0, "%s",
               govinfo_error_last()->message);
  govinfo_report *back = load_ok(path, GOVINFO_SYNTAX_AUTO);
  cr_assert(govinfo_report_equal(r, back));
  cr_assert_str_eq(govinfo_report_origin(back), path);

  char *expected = NULL;
  cr_assert_eq(govinfo_report_serialize(&expected, NULL, r, GOVINFO_SYNTAX_JSON, 0), 0);
  char *saved = test_read_file(path, NULL);
  cr_assert_str_eq(saved, expected, "the file holds exactly the serialized form");
  free(saved);
  govinfo_free(expected);
  govinfo_report_free(back);
  govinfo_report_free(r);
}

Test(io, yaml_file_round_trip_keeps_the_report, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = sample_report();
  const char *path = in_dir("report.yml");
  cr_assert_eq(govinfo_report_save(r, path, GOVINFO_SYNTAX_AUTO, 0), 0, "%s",
               govinfo_error_last()->message);
  govinfo_report *back = load_ok(path, GOVINFO_SYNTAX_AUTO);
  cr_assert(govinfo_report_equal(r, back));
  char *saved = test_read_file(path, NULL);
  cr_assert_neq(saved[0], '{', "a .yml name means YAML");
  free(saved);
  govinfo_report_free(back);
  govinfo_report_free(r);
}

Test(io, saving_twice_gives_the_same_bytes, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = sample_report();
  cr_assert_eq(govinfo_report_save(r, in_dir("a.json"), GOVINFO_SYNTAX_JSON, 0), 0);
  govinfo_report *back = load_ok(in_dir("a.json"), GOVINFO_SYNTAX_JSON);
  cr_assert_eq(govinfo_report_save(back, in_dir("b.json"), GOVINFO_SYNTAX_JSON, 0), 0);
  char *a = test_read_file(in_dir("a.json"), NULL), *b = test_read_file(in_dir("b.json"), NULL);
  cr_assert_str_eq(a, b);
  free(a);
  free(b);
  govinfo_report_free(back);
  govinfo_report_free(r);
}

Test(io, explicit_syntax_overrides_the_extension, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = sample_report();
  const char *path = in_dir("report.txt");
  cr_assert_eq(govinfo_report_save(r, path, GOVINFO_SYNTAX_JSON, 0), 0);
  char *saved = test_read_file(path, NULL);
  cr_assert_eq(saved[0], '{');
  free(saved);
  govinfo_report *back = load_ok(path, GOVINFO_SYNTAX_JSON);
  cr_assert(govinfo_report_equal(r, back));
  govinfo_report_free(back);
  govinfo_report_free(r);
}

/* ---- choosing the syntax ---- */

Test(io, syntax_comes_from_the_extension_in_any_case) {
  cr_assert_eq(govinfo_syntax_from_path("a.json"), GOVINFO_SYNTAX_JSON);
  cr_assert_eq(govinfo_syntax_from_path("dir/A.JSON"), GOVINFO_SYNTAX_JSON);
  cr_assert_eq(govinfo_syntax_from_path("a.yaml"), GOVINFO_SYNTAX_YAML);
  cr_assert_eq(govinfo_syntax_from_path("a.Yml"), GOVINFO_SYNTAX_YAML);
  cr_assert_eq(govinfo_syntax_from_path("a.tar.yaml"), GOVINFO_SYNTAX_YAML);
  cr_assert_eq(govinfo_syntax_from_path("a.txt"), GOVINFO_SYNTAX_AUTO);
  cr_assert_eq(govinfo_syntax_from_path("a.jsonl"), GOVINFO_SYNTAX_AUTO);
  cr_assert_eq(govinfo_syntax_from_path("a.json/report"), GOVINFO_SYNTAX_AUTO);
  cr_assert_eq(govinfo_syntax_from_path("json"), GOVINFO_SYNTAX_AUTO);
  cr_assert_eq(govinfo_syntax_from_path(""), GOVINFO_SYNTAX_AUTO);
  cr_assert_eq(govinfo_syntax_from_path(NULL), GOVINFO_SYNTAX_AUTO);
}

Test(io, unknown_extension_is_sniffed_from_the_first_character, .init = make_dir,
     .fini = remove_dir) {
  write_text(in_dir("a.txt"), json_doc);
  write_text(in_dir("b.txt"), yaml_doc);
  govinfo_report *a = load_ok(in_dir("a.txt"), GOVINFO_SYNTAX_AUTO);
  govinfo_report *b = load_ok(in_dir("b.txt"), GOVINFO_SYNTAX_AUTO);
  cr_assert(govinfo_report_equal(a, b));
  cr_assert_eq(govinfo_report_year(a), 2020);
  govinfo_report_free(a);
  govinfo_report_free(b);
}

Test(io, the_extension_wins_over_the_content, .init = make_dir, .fini = remove_dir) {
  write_text(in_dir("really-yaml.json"), yaml_doc);
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_load(&r, in_dir("really-yaml.json"), GOVINFO_SYNTAX_AUTO),
               GOVINFO_EPARSE);
  cr_assert_null(r);
  cr_assert(strstr(govinfo_error_last()->message, "JSON"), "%s", govinfo_error_last()->message);
  cr_assert_str_eq(govinfo_error_last()->source, in_dir("really-yaml.json"));
  cr_assert_eq(govinfo_error_last()->line, 1);
}

Test(io, sniffing_skips_a_byte_order_mark_and_whitespace) {
  const char *docs[] = {"\xEF\xBB\xBF{\"format\": \"2019\"}", "\n\t  {\"format\": \"2019\"}",
                        "\xEF\xBB\xBF\r\n{\"format\": \"2019\"}"};
  for (size_t i = 0; i < 3; i++) {
    govinfo_report *r = NULL;
    int rc = govinfo_report_parse(&r, docs[i], strlen(docs[i]), GOVINFO_SYNTAX_AUTO, "mem");
    cr_assert_eq(rc, 0, "doc %zu: %s", i, govinfo_error_last()->message);
    cr_assert_str_eq(govinfo_report_origin(r), "mem");
    govinfo_report_free(r);
  }
}

Test(io, a_byte_order_mark_does_not_shift_columns) {
  const char *doc = "\xEF\xBB\xBF{\"format\": x}";
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_parse(&r, doc, strlen(doc), GOVINFO_SYNTAX_JSON, NULL),
               GOVINFO_EPARSE);
  cr_assert_eq(govinfo_error_last()->line, 1);
  cr_assert_eq(govinfo_error_last()->column, 12);
}

Test(io, yaml_documents_are_sniffed_as_yaml) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_parse(&r, yaml_doc, strlen(yaml_doc), GOVINFO_SYNTAX_AUTO, NULL), 0,
               "%s", govinfo_error_last()->message);
  cr_assert_eq(govinfo_report_year(r), 2020);
  cr_assert_null(govinfo_report_origin(r));
  govinfo_report_free(r);
}

/* ---- argument errors ---- */

Test(io, bad_arguments_are_einval) {
  govinfo_report *r = (govinfo_report *)&r;
  cr_assert_eq(govinfo_report_parse(NULL, "{}", 2, GOVINFO_SYNTAX_JSON, NULL), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_parse(&r, NULL, 2, GOVINFO_SYNTAX_JSON, NULL), GOVINFO_EINVAL);
  cr_assert_null(r);
  cr_assert_eq(govinfo_report_parse(&r, "{}", 2, (govinfo_syntax)7, NULL), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_load(NULL, "a.json", GOVINFO_SYNTAX_AUTO), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_load(&r, NULL, GOVINFO_SYNTAX_AUTO), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_write_file_atomic(NULL, "x", 1), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_write_file_atomic("", "x", 1), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_write_file_atomic("/tmp/x", NULL, 1), GOVINFO_EINVAL);
}

Test(io, serializing_needs_json_or_yaml) {
  govinfo_report *r = sample_report();
  char *out = (char *)&out;
  cr_assert_eq(govinfo_report_serialize(&out, NULL, r, GOVINFO_SYNTAX_AUTO, 0), GOVINFO_EINVAL);
  cr_assert_null(out);
  cr_assert_eq(govinfo_report_serialize(&out, NULL, r, (govinfo_syntax)9, 0), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_serialize(&out, NULL, r, GOVINFO_SYNTAX_JSON, 0x80), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_serialize(&out, NULL, NULL, GOVINFO_SYNTAX_JSON, 0), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_report_serialize(NULL, NULL, r, GOVINFO_SYNTAX_JSON, 0), GOVINFO_EINVAL);
  govinfo_report_free(r);
}

Test(io, saving_under_a_name_without_a_known_extension_needs_a_syntax, .init = make_dir,
     .fini = remove_dir) {
  govinfo_report *r = sample_report();
  cr_assert_eq(govinfo_report_save(r, in_dir("report.txt"), GOVINFO_SYNTAX_AUTO, 0),
               GOVINFO_EINVAL);
  cr_assert(strstr(govinfo_error_last()->message, "report.txt"), "%s",
            govinfo_error_last()->message);
  cr_assert_str_eq(listing(dir), "");
  govinfo_report_free(r);
}

/* ---- reading failures ---- */

Test(io, missing_file_is_eio_naming_the_path, .init = make_dir, .fini = remove_dir) {
  const char *path = in_dir("nowhere.json");
  govinfo_report *r = (govinfo_report *)&r;
  cr_assert_eq(govinfo_report_load(&r, path, GOVINFO_SYNTAX_AUTO), GOVINFO_EIO);
  cr_assert_null(r);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_eq(e->code, GOVINFO_EIO);
  cr_assert_str_eq(e->source, path);
  cr_assert(strstr(e->message, path), "%s", e->message);
  cr_assert(strstr(e->message, strerror(ENOENT)), "%s", e->message);
}

Test(io, a_directory_cannot_be_loaded, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_load(&r, dir, GOVINFO_SYNTAX_JSON), GOVINFO_EIO);
  cr_assert_str_eq(govinfo_error_last()->source, dir);
}

Test(io, errors_while_reading_name_the_file, .init = make_dir, .fini = remove_dir) {
  const char *path = in_dir("bad.json");
  write_text(path, "{\n  \"format\": \"2021\",\n  \"year\": 20x4\n}\n");
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_load(&r, path, GOVINFO_SYNTAX_AUTO), GOVINFO_EPARSE);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_str_eq(e->source, path);
  cr_assert_eq(e->line, 3);
  cr_assert_eq(e->column, 13);
}

Test(io, an_empty_file_is_not_a_report, .init = make_dir, .fini = remove_dir) {
  write_text(in_dir("empty.json"), "");
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_load(&r, in_dir("empty.json"), GOVINFO_SYNTAX_AUTO), GOVINFO_EPARSE);
  cr_assert_null(r);
}

Test(io, files_larger_than_a_read_are_read_whole, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = sample_report();
  size_t n = 3 * 1024 * 1024;
  char *text = malloc(n + 1);
  cr_assert_not_null(text);
  for (size_t i = 0; i < n; i++) text[i] = (char)('a' + i % 26);
  text[n] = '\0';
  cr_assert_eq(govinfo_report_set_section(r, "s2", NULL, text), 0);
  cr_assert_eq(govinfo_report_save(r, in_dir("big.json"), GOVINFO_SYNTAX_AUTO, 0), 0);
  govinfo_report *back = load_ok(in_dir("big.json"), GOVINFO_SYNTAX_AUTO);
  cr_assert_str_eq(govinfo_report_section_text(back, "s2"), text);
  free(text);
  govinfo_report_free(back);
  govinfo_report_free(r);
}

Test(io, a_named_pipe_is_read_to_the_end, .init = make_dir, .fini = remove_dir) {
  /* A pipe has no size to go by: the reader must keep growing its buffer. */
  govinfo_report *r = sample_report();
  size_t n = 300 * 1000;
  char *text = malloc(n + 1);
  cr_assert_not_null(text);
  memset(text, 'x', n);
  text[n] = '\0';
  cr_assert_eq(govinfo_report_set_section(r, "s2", NULL, text), 0);
  char *doc = NULL;
  size_t len = 0;
  cr_assert_eq(govinfo_report_serialize(&doc, &len, r, GOVINFO_SYNTAX_JSON, 0), 0);
  const char *fifo = in_dir("pipe");
  cr_assert_eq(mkfifo(fifo, 0600), 0);
  pid_t child = fork();
  cr_assert_geq(child, 0);
  if (child == 0) {
    FILE *f = fopen(fifo, "wb");
    bool ok = f && fwrite(doc, 1, len, f) == len;
    ok = f && fclose(f) == 0 && ok;
    govinfo_free(doc); /* so leak checkers see a clean child */
    free(text);
    govinfo_report_free(r);
    _exit(ok ? 0 : 1);
  }
  govinfo_report *back = load_ok(fifo, GOVINFO_SYNTAX_AUTO);
  int status = 0;
  cr_assert_eq(waitpid(child, &status, 0), child);
  cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  cr_assert(govinfo_report_equal(r, back));
  govinfo_free(doc);
  free(text);
  govinfo_report_free(back);
  govinfo_report_free(r);
}

/* ---- atomic writes ---- */

static const char *original = "{\"format\": \"2019\"}\n";

Test(io, atomic_write_creates_and_replaces, .init = make_dir, .fini = remove_dir) {
  const char *path = in_dir("out.txt");
  cr_assert_eq(govinfo_write_file_atomic(path, "first", 5), 0);
  cr_assert_eq(govinfo_write_file_atomic(path, "second\n", 7), 0);
  char *got = test_read_file(path, NULL);
  cr_assert_str_eq(got, "second\n");
  free(got);
  cr_assert_str_eq(listing(dir), "out.txt");
  cr_assert_eq(govinfo_write_file_atomic(path, NULL, 0), 0);
  size_t len = 99;
  free(test_read_file(path, &len));
  cr_assert_eq(len, 0);
}

Test(io, new_files_get_0644_and_replaced_files_keep_their_mode, .init = make_dir,
     .fini = remove_dir) {
  struct stat st;
  const char *fresh = in_dir("fresh.json"), *kept = in_dir("kept.json");
  cr_assert_eq(govinfo_write_file_atomic(fresh, "x", 1), 0);
  cr_assert_eq(stat(fresh, &st), 0);
  cr_assert_eq(st.st_mode & 07777, 0644, "mode %o", st.st_mode & 07777);
  write_text(kept, original);
  cr_assert_eq(chmod(kept, 0600), 0);
  cr_assert_eq(govinfo_write_file_atomic(kept, "y", 1), 0);
  cr_assert_eq(stat(kept, &st), 0);
  cr_assert_eq(st.st_mode & 07777, 0600, "mode %o", st.st_mode & 07777);
}

static void assert_untouched(const char *path) {
  char *now = test_read_file(path, NULL);
  cr_assert_str_eq(now, original, "the existing file changed");
  free(now);
}

Test(io, saving_into_a_missing_directory_fails_cleanly, .init = make_dir, .fini = remove_dir) {
  govinfo_report *r = sample_report();
  const char *path = in_dir("no/such/dir/report.json");
  cr_assert_eq(govinfo_report_save(r, path, GOVINFO_SYNTAX_AUTO, 0), GOVINFO_EIO);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_str_eq(e->source, path);
  cr_assert(strstr(e->message, path), "%s", e->message);
  cr_assert_str_eq(listing(dir), "");
  govinfo_report_free(r);
}

Test(io, replacing_a_directory_fails_and_leaves_no_temporary_file, .init = make_dir,
     .fini = remove_dir) {
  const char *target = in_dir("target.json");
  cr_assert_eq(mkdir(target, 0755), 0);
  write_text(in_dir("target.json/inside"), original);
  cr_assert_eq(govinfo_write_file_atomic(target, "data", 4), GOVINFO_EIO);
  cr_assert(strstr(govinfo_error_last()->message, "Is a directory"), "%s",
            govinfo_error_last()->message);
  cr_assert_str_eq(listing(dir), "target.json");
  assert_untouched(in_dir("target.json/inside"));
}

/* Root ignores permissions: the test process (Criterion runs each test in its own) gives
 * them up when it has them. */
static void become_unprivileged(const char *owned_dir) {
  if (geteuid() != 0) return;
  if (chown(owned_dir, 65534, 65534) != 0 || setgid(65534) != 0 || setuid(65534) != 0)
    cr_skip_test("cannot drop root privileges: %s", strerror(errno));
}

Test(io, saving_into_a_read_only_directory_leaves_the_file_as_it_was, .init = make_dir,
     .fini = remove_dir) {
  const char *path = in_dir("report.json");
  write_text(path, original);
  become_unprivileged(dir);
  cr_assert_eq(chmod(dir, 0555), 0, "chmod: %s", strerror(errno));
  govinfo_report *r = sample_report();
  cr_assert_eq(govinfo_report_save(r, path, GOVINFO_SYNTAX_AUTO, 0), GOVINFO_EIO);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_str_eq(e->source, path);
  cr_assert(strstr(e->message, "temporary"), "%s", e->message);
  assert_untouched(path);
  cr_assert_str_eq(listing(dir), "report.json");
  cr_assert_eq(chmod(dir, 0755), 0);
  govinfo_report_free(r);
}

Test(io, a_write_that_fails_midway_leaves_the_file_as_it_was, .init = make_dir,
     .fini = remove_dir) {
  const char *path = in_dir("report.json");
  write_text(path, original);
  govinfo_report *r = sample_report();
  /* valgrind writes its own log under the same limit, and would lose its findings. */
  const char *preload = getenv("LD_PRELOAD");
  if (preload && strstr(preload, "vgpreload")) cr_skip_test("not under valgrind");
  /* Files may grow to 64 bytes: the write fails with EFBIG instead of killing us. */
  signal(SIGXFSZ, SIG_IGN);
  struct rlimit limit = {64, 64};
  cr_assert_eq(setrlimit(RLIMIT_FSIZE, &limit), 0);
  int rc = govinfo_report_save(r, path, GOVINFO_SYNTAX_AUTO, 0);
  cr_assert_eq(rc, GOVINFO_EIO);
  cr_assert(strstr(govinfo_error_last()->message, strerror(EFBIG)), "%s",
            govinfo_error_last()->message);
  assert_untouched(path);
  cr_assert_str_eq(listing(dir), "report.json");
  govinfo_report_free(r);
}

Test(io, saving_through_a_symlink_replaces_the_file_it_points_to, .init = make_dir,
     .fini = remove_dir) {
  char target[128], link[128];
  snprintf(target, sizeof target, "%s", in_dir("real.json"));
  snprintf(link, sizeof link, "%s", in_dir("link.json"));
  write_text(target, original);
  cr_assert_eq(symlink("real.json", link), 0);
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new(&r, "2021"), 0);
  cr_assert_eq(govinfo_report_save(r, link, GOVINFO_SYNTAX_AUTO, 0), 0, "%s",
               govinfo_error_last()->message);
  struct stat st;
  cr_assert_eq(lstat(link, &st), 0);
  cr_assert(S_ISLNK(st.st_mode), "the link is still a link");
  govinfo_report *back = NULL;
  cr_assert_eq(govinfo_report_load(&back, target, GOVINFO_SYNTAX_AUTO), 0);
  cr_assert(govinfo_report_equal(r, back));
  govinfo_report_free(back);
  govinfo_report_free(r);
  cr_assert_str_eq(listing(dir), "link.json real.json");
}

Test(io, saving_to_a_device_writes_into_it_instead_of_replacing_it) {
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_new(&r, "2021"), 0);
  cr_assert_eq(govinfo_report_save(r, "/dev/null", GOVINFO_SYNTAX_JSON, 0), 0);
  struct stat st;
  cr_assert_eq(stat("/dev/null", &st), 0);
  cr_assert(S_ISCHR(st.st_mode), "/dev/null is still a device");
  cr_assert_eq(govinfo_report_save(r, "/dev/full", GOVINFO_SYNTAX_JSON, 0), GOVINFO_EIO);
  cr_assert_eq(stat("/dev/full", &st), 0);
  cr_assert(S_ISCHR(st.st_mode), "/dev/full is still a device");
  cr_assert_eq(govinfo_report_save(r, "/tmp", GOVINFO_SYNTAX_JSON, 0), GOVINFO_EIO);
  govinfo_report_free(r);
}
