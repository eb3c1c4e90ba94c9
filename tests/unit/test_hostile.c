/* Hostile input (the outside audit of issue 12): deep nesting, invalid UTF-8 on long lines,
 * size limits, control characters, descriptors inherited by child processes. Each test
 * checks the outcome, never the time it takes (bench/ measures that). */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "govinfo/batch.h"
#include "govinfo/import.h"
#include "helpers.h"

static char *repeated(const char *open, const char *close, size_t n, size_t *len) {
  size_t a = strlen(open), b = strlen(close);
  char *s = malloc(n * (a + b) + 1);
  cr_assert_not_null(s);
  for (size_t i = 0; i < n; i++) memcpy(s + i * a, open, a);
  for (size_t i = 0; i < n; i++) memcpy(s + n * a + i * b, close, b);
  *len = n * (a + b);
  s[*len] = '\0';
  return s;
}

static void expect_too_deep(const char *buf, size_t len, govinfo_syntax syntax) {
  govinfo_report *r = NULL;
  int rc = govinfo_report_parse(&r, buf, len, syntax, "deep");
  cr_assert_eq(rc, GOVINFO_EPARSE, "rc %d: %s", rc, govinfo_error_last()->message);
  cr_assert_null(r);
  cr_assert(strstr(govinfo_error_last()->message, "nested deeper than 64 levels"), "%s",
            govinfo_error_last()->message);
}

/* The audit's 40,000 and 1,000,000 levels (gen_yaml_deep.sh): an error, like JSON's. */
Test(hostile, yaml_deep_flow_stops_at_json_depth) {
  size_t sizes[] = {65, 40000, 1000000};
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    size_t len;
    char *s = repeated("[", "]", sizes[k], &len);
    expect_too_deep(s, len, GOVINFO_SYNTAX_YAML);
    free(s);
  }
  size_t len;
  char *s = repeated("[", "]", 40000, &len);
  expect_too_deep(s, len, GOVINFO_SYNTAX_JSON);
  free(s);
}

Test(hostile, yaml_deep_block_stops_too) {
  gi_buf b = {0};
  for (int i = 0; i < 70; i++) gi_buf_printf(&b, "%*sk:\n", i, "");
  gi_buf_printf(&b, "%*s1\n", 70, "");
  char *text;
  size_t len;
  cr_assert_eq(gi_buf_finish(&b, &text, &len), GOVINFO_OK);
  expect_too_deep(text, len, GOVINFO_SYNTAX_YAML);
  free(text);
}

/* 64 levels are still read (then refused as no report, not as too deep). */
Test(hostile, yaml_at_the_limit_is_read) {
  size_t len;
  char *s = repeated("[", "]", 63, &len);
  govinfo_report *r = NULL;
  int rc = govinfo_report_parse(&r, s, len, GOVINFO_SYNTAX_YAML, "deep");
  cr_assert_neq(rc, GOVINFO_OK);
  cr_assert_null(strstr(govinfo_error_last()->message, "nested deeper"), "%s",
                 govinfo_error_last()->message);
  free(s);
}

/* The first bad byte of a long line is found where it is (line, column, offset). */
Test(hostile, import_bad_utf8_long_line_position) {
  size_t n = 200000;
  char *s = malloc(n + 64);
  cr_assert_not_null(s);
  strcpy(s, "政府信息公开\nline two\n");
  size_t head = strlen(s);
  memset(s + head, 'a', n);
  memcpy(s + head + n, "\xFF tail\n", 7);
  size_t len = head + n + 7;
  govinfo_report *r = NULL;
  govinfo_diagnostics *d = NULL;
  int rc = govinfo_import(&r, &d, s, len, GOVINFO_INPUT_TEXT, "long.txt");
  cr_assert_eq(rc, GOVINFO_EPARSE);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_eq(e->line, 3);
  cr_assert_eq(e->column, n + 1);
  cr_assert_eq(e->offset, head + n);
  free(s);
}

/* ---- input size limits ---- */

static char *temp_file_of(size_t size) {
  static char path[64];
  snprintf(path, sizeof path, "/tmp/govinfo-hostile-XXXXXX");
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  char *zeros = calloc(1, size + 1);
  memset(zeros, 'x', size);
  cr_assert_eq(write(fd, zeros, size), (ssize_t)size);
  close(fd);
  free(zeros);
  return path;
}

static int import_limited(const char *path, size_t max, unsigned version) {
  govinfo_import_options opts;
  cr_assert_eq(govinfo_import_options_init(&opts, version), GOVINFO_OK);
  if (version >= 2) opts.max_input_bytes = max;
  govinfo_report *r = NULL;
  govinfo_diagnostics *d = NULL;
  int rc = govinfo_import_file_with(&r, &d, path, &opts);
  govinfo_report_free(r);
  govinfo_diagnostics_free(d);
  return rc;
}

static bool says_too_large(void) {
  return strstr(govinfo_error_last()->message, "input size limit") != NULL &&
         strstr(govinfo_error_last()->message, "max_input_bytes") != NULL;
}

Test(hostile, import_file_size_limit) {
  char *path = temp_file_of(1000);
  cr_assert_eq(import_limited(path, 999, 2), GOVINFO_EIO);
  cr_assert(says_too_large(), "%s", govinfo_error_last()->message);
  /* exactly the limit is read (and refused as no report, not as too large) */
  import_limited(path, 1000, 2);
  cr_assert_not(says_too_large(), "%s", govinfo_error_last()->message);
  /* version 1 callers know no limit field: the default applies */
  import_limited(path, 0, 1);
  cr_assert_not(says_too_large());
  unlink(path);
}

/* A stream without end (the audit: import /dev/zero never ended). */
Test(hostile, import_dev_zero_stops_at_limit) {
  cr_assert_eq(import_limited("/dev/zero", 1 << 20, 2), GOVINFO_EIO);
  cr_assert(says_too_large(), "%s", govinfo_error_last()->message);
}

Test(hostile, batch_uses_import_limit) {
  char *path = temp_file_of(5000);
  govinfo_import_options imp = GOVINFO_IMPORT_OPTIONS_INIT;
  imp.max_input_bytes = 4096;
  govinfo_batch_options bo = GOVINFO_BATCH_OPTIONS_INIT;
  bo.jobs = 1;
  bo.import = &imp;
  const char *inputs[] = {path};
  govinfo_batch *b;
  cr_assert_eq(govinfo_batch_new(&b, inputs, 1, &bo), GOVINFO_OK);
  govinfo_batch_item *item = NULL;
  cr_assert_eq(govinfo_batch_next(&item, b), GOVINFO_OK);
  cr_assert_not_null(item);
  cr_assert_eq(govinfo_batch_item_error(item)->code, GOVINFO_EIO);
  cr_assert(strstr(govinfo_batch_item_error(item)->message, "input size limit"));
  govinfo_batch_item_free(item);
  govinfo_batch_free(b);
  unlink(path);
}

/* ---- descriptors a child process inherits ---- */

/* A pdftotext stand-in: for a PDF named *slow* it announces that it runs and waits until the
 * other one has listed its descriptors; for any other it lists the descriptors it inherited
 * (exec'd ls: the shell's own are gone) and fails. */
static const char fd_script[] = "#!/bin/sh\n"
                                "dir=$(dirname \"$0\")\n"
                                "for a; do pdf=$a; [ \"$a\" = - ] && break; last=$a; done\n"
                                "case \"$last\" in\n"
                                "*slow*) touch \"$dir/started\"\n"
                                "  while [ ! -e \"$dir/listed\" ]; do sleep 0.01; done ;;\n"
                                "*) ls -l /proc/self/fd > \"$dir/fds.tmp\"\n"
                                "  mv \"$dir/fds.tmp\" \"$dir/fds\"; touch \"$dir/listed\" ;;\n"
                                "esac\n"
                                "exit 1\n";

typedef struct fd_run {
  char program[128], pdf[160];
} fd_run;

static void *import_in_thread(void *arg) {
  fd_run *run = arg;
  govinfo_import_options opts = GOVINFO_IMPORT_OPTIONS_INIT;
  opts.pdftotext = run->program;
  govinfo_report *r = NULL;
  govinfo_diagnostics *d = NULL;
  govinfo_import_file_with(&r, &d, run->pdf, &opts);
  govinfo_report_free(r);
  govinfo_diagnostics_free(d);
  return NULL;
}

static void write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  cr_assert_not_null(f, "%s", path);
  fputs(text, f);
  fclose(f);
}

/* The audit: 8 threads importing PDFs, each pdftotext child holding the others' pipes. */
Test(hostile, children_inherit_no_descriptor) {
  /* Under valgrind --trace-children the stand-in runs under valgrind too, whose own pipes
   * it would list; the gcc, sanitizer and clang runs check the library's descriptors. */
  const char *preload = getenv("LD_PRELOAD");
  if (preload && strstr(preload, "vgpreload")) cr_skip_test("valgrind's own descriptors");
  char dir[] = "/tmp/govinfo-fds-XXXXXX";
  cr_assert_not_null(mkdtemp(dir));
  fd_run slow, lister;
  snprintf(slow.program, sizeof slow.program, "%s/pdftotext", dir);
  lister = slow;
  write_text(slow.program, fd_script);
  chmod(slow.program, 0755);
  snprintf(slow.pdf, sizeof slow.pdf, "%s/slow.pdf", dir);
  snprintf(lister.pdf, sizeof lister.pdf, "%s/list.pdf", dir);
  write_text(slow.pdf, "%PDF-1.4 a stand-in\n");
  write_text(lister.pdf, "%PDF-1.4 a stand-in\n");
  /* descriptors of this process a child may inherit anyway (the test runner's) */
  bool inherited_before[1024] = {false};
  for (int fd = 0; fd < 1024; fd++) {
    int flags = fcntl(fd, F_GETFD);
    inherited_before[fd] = flags >= 0 && !(flags & FD_CLOEXEC);
  }
  pthread_t t;
  cr_assert_eq(pthread_create(&t, NULL, import_in_thread, &slow), 0);
  char started[200], fds[200];
  snprintf(started, sizeof started, "%s/started", dir);
  snprintf(fds, sizeof fds, "%s/fds", dir);
  while (access(started, F_OK) != 0) /* the other import's pipe is open */
    nanosleep(&(struct timespec){0, 10000000}, NULL);
  import_in_thread(&lister);
  pthread_join(t, NULL);
  FILE *f = fopen(fds, "r");
  cr_assert_not_null(f);
  char line[512];
  int leaked = 0;
  while (fgets(line, sizeof line, f)) {
    const char *arrow = strstr(line, " -> ");
    if (arrow == NULL) continue; /* "total 0" */
    const char *p = arrow;
    while (p > line && p[-1] >= '0' && p[-1] <= '9') p--;
    int fd = atoi(p);
    if (fd <= 2 || (fd < 1024 && inherited_before[fd])) continue;
    /* what the library opens: pipes, and files of this test; not ls's own directory, nor a
     * tool's around the test (valgrind's log) */
    if (strncmp(arrow + 4, "pipe:", 5) != 0 && strstr(arrow, dir) == NULL) continue;
    cr_log_error("inherited: %s", line);
    leaked++;
  }
  fclose(f);
  cr_assert_eq(leaked, 0);
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  cr_assert_eq(system(cmd), 0);
}

/* ---- PDF names that look like options ---- */

Test(hostile, pdf_named_like_an_option) {
  char dir[] = "/tmp/govinfo-dash-XXXXXX";
  cr_assert_not_null(mkdtemp(dir));
  char program[128], args[200];
  snprintf(program, sizeof program, "%s/pdftotext", dir);
  snprintf(args, sizeof args, "%s/args", dir);
  char script[512];
  snprintf(script, sizeof script,
           "#!/bin/sh\nfor a; do printf '%%s\\n' \"$a\"; done > %s\nexit 1\n", args);
  write_text(program, script);
  chmod(program, 0755);
  char old[4096];
  cr_assert_not_null(getcwd(old, sizeof old));
  cr_assert_eq(chdir(dir), 0);
  const char *names[] = {"-v", "-f", "-opw", "-layout"};
  for (size_t k = 0; k < 4; k++) {
    write_text(names[k], "%PDF-1.4 a stand-in\n");
    govinfo_import_options opts = GOVINFO_IMPORT_OPTIONS_INIT;
    opts.pdftotext = program;
    govinfo_report *r = NULL;
    govinfo_diagnostics *d = NULL;
    govinfo_import_file_with(&r, &d, names[k], &opts);
    size_t len;
    char *got = test_read_file(args, &len);
    char expected[64];
    snprintf(expected, sizeof expected, "\n./%s\n-\n", names[k]);
    cr_assert(strstr(got, expected), "%s: %s", names[k], got);
    free(got);
  }
  cr_assert_eq(chdir(old), 0);
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  cr_assert_eq(system(cmd), 0);
}

/* ---- control characters ---- */

static bool has_raw_control(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p < 0x20 || *p == 0x7F || (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)) return true;
  return false;
}

/* The audit's esc_key.json: an unknown key holding ESC sequences, quoted in the error. */
Test(hostile, error_messages_escape_controls) {
  govinfo_report *r = NULL;
  int rc = govinfo_report_load(&r, test_source_path("tests/data/hostile/esc_key.json"),
                               GOVINFO_SYNTAX_AUTO);
  cr_assert_eq(rc, GOVINFO_ESCHEMA);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_not(has_raw_control(e->message), "%s", e->message);
  cr_assert_not(has_raw_control(e->path));
  cr_assert(strstr(e->message, "org\\x1b[31mRED"), "%s", e->message);
  char *line;
  cr_assert_eq(govinfo_error_format(&line, NULL, e, "\x1b]0;t\x07.json", 0), GOVINFO_OK);
  cr_assert_not(has_raw_control(line), "%s", line);
  govinfo_free(line);
}

/* The audit's esc_mark.json: a mark holding ESC and BEL, quoted in the mark warning. */
Test(hostile, finding_messages_escape_controls) {
  govinfo_report *r = test_load("tests/data/hostile/esc_mark.json");
  govinfo_diagnostics *d = NULL;
  cr_assert_eq(govinfo_report_validate(&d, r), GOVINFO_OK);
  size_t quoted = 0;
  for (size_t i = 0; i < govinfo_diagnostics_count(d); i++)
    for (unsigned flags = 0; flags <= GOVINFO_FORMAT_EN; flags += GOVINFO_FORMAT_EN) {
      char *line;
      cr_assert_eq(
          govinfo_diagnostic_format(&line, NULL, govinfo_diagnostics_at(d, i), NULL, flags),
          GOVINFO_OK);
      cr_assert_not(has_raw_control(line), "%s", line);
      quoted += strstr(line, "\\x1b]0;pwned\\x07") != NULL;
      govinfo_free(line);
    }
  cr_assert_geq(quoted, 1);
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
}

/* ---- what input methods and editors do to numbers ---- */

/* The suibin example with one cell's value replaced by `value` (YAML, as written). */
static char *example_with_cell(const char *value, size_t *len) {
  char *text = test_read_file(test_source_path("examples/reports/suibin-2020.yaml"), len);
  char *at = strstr(text, "natural_person: ");
  cr_assert_not_null(at);
  at += strlen("natural_person: ");
  size_t old = strcspn(at, "\n");
  gi_buf b = {0};
  gi_buf_append(&b, text, (size_t)(at - text));
  gi_buf_puts(&b, value);
  gi_buf_puts(&b, at + old);
  free(text);
  char *out;
  cr_assert_eq(gi_buf_finish(&b, &out, len), GOVINFO_OK);
  return out;
}

static size_t count_rule(const govinfo_diagnostics *d, const char *rule, const char *needle) {
  size_t n = 0;
  for (size_t i = 0; i < govinfo_diagnostics_count(d); i++) {
    const govinfo_diagnostic *f = govinfo_diagnostics_at(d, i);
    if (strcmp(govinfo_diagnostic_rule(f), rule) != 0) continue;
    char *line;
    cr_assert_eq(govinfo_diagnostic_format(&line, NULL, f, NULL, GOVINFO_FORMAT_EN), GOVINFO_OK);
    n += needle == NULL || strstr(line, needle) != NULL;
    govinfo_free(line);
  }
  return n;
}

Test(hostile, fullwidth_digits_are_read_with_a_note) {
  const char *values[] = {"１１６", "\"１１６\""};
  for (size_t k = 0; k < 2; k++) {
    size_t len;
    char *text = example_with_cell(values[k], &len);
    govinfo_report *r = NULL;
    cr_assert_eq(govinfo_report_parse(&r, text, len, GOVINFO_SYNTAX_YAML, "fw.yaml"), GOVINFO_OK,
                 "%s", govinfo_error_last()->message);
    int64_t v = 0;
    cr_assert_eq(govinfo_report_get_int(r, "table3.new_received.natural_person", &v), GOVINFO_OK);
    cr_assert_eq(v, 116);
    govinfo_diagnostics *d = NULL;
    cr_assert_eq(govinfo_report_validate(&d, r), GOVINFO_OK);
    cr_assert_eq(count_rule(d, "cell.fullwidth_digits", "read as 116"), 1);
    cr_assert_eq(count_rule(d, "cell.mark", NULL), 0);
    govinfo_diagnostics_free(d);
    govinfo_report_free(r);
    free(text);
  }
  /* and JSON, where an input method's digits can only be a string */
  govinfo_report *r = NULL;
  const char *json = "{\"format\":\"2021\",\"tables\":{\"table3\":{\"new_received\":"
                     "{\"natural_person\":\"１１６\"}}}}";
  cr_assert_eq(govinfo_report_parse(&r, json, strlen(json), GOVINFO_SYNTAX_JSON, "fw.json"),
               GOVINFO_OK);
  int64_t v = 0;
  cr_assert_eq(govinfo_report_get_int(r, "table3.new_received.natural_person", &v), GOVINFO_OK);
  cr_assert_eq(v, 116);
  govinfo_report_free(r);
}

Test(hostile, separators_get_their_own_advice) {
  const char *values[] = {"1,16", "1,234"};
  for (size_t k = 0; k < 2; k++) {
    size_t len;
    char *text = example_with_cell(values[k], &len);
    govinfo_report *r = NULL;
    cr_assert_eq(govinfo_report_parse(&r, text, len, GOVINFO_SYNTAX_YAML, "sep.yaml"),
                 GOVINFO_ESCHEMA);
    const char *m = govinfo_error_last()->message;
    cr_assert(strstr(m, "do not write separators in numbers"), "%s", m);
    cr_assert(strstr(m, "数字中不要使用逗号"), "%s", m);
    cr_assert_null(strstr(m, "quote"), "%s", m);
    free(text);
  }
}

Test(hostile, yaml_special_values_are_named) {
  const char *values[] = {".nan", ".inf", "NaN", "yes"};
  for (size_t k = 0; k < 4; k++) {
    size_t len;
    char *text = example_with_cell(values[k], &len);
    govinfo_report *r = NULL;
    cr_assert_eq(govinfo_report_parse(&r, text, len, GOVINFO_SYNTAX_YAML, "s.yaml"), GOVINFO_OK);
    govinfo_diagnostics *d = NULL;
    cr_assert_eq(govinfo_report_validate(&d, r), GOVINFO_OK);
    cr_assert_eq(count_rule(d, "cell.mark", "looks like a YAML special value"), 1, "%s", values[k]);
    govinfo_diagnostics_free(d);
    govinfo_report_free(r);
    free(text);
  }
  /* an ordinary mark says nothing of YAML */
  size_t len;
  char *text = example_with_cell("\"/\"", &len);
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_parse(&r, text, len, GOVINFO_SYNTAX_YAML, "s.yaml"), GOVINFO_OK);
  govinfo_diagnostics *d = NULL;
  cr_assert_eq(govinfo_report_validate(&d, r), GOVINFO_OK);
  cr_assert_eq(count_rule(d, "cell.mark", "YAML"), 0);
  govinfo_diagnostics_free(d);
  govinfo_report_free(r);
  free(text);
}

/* 政府信息 in GBK, as a report saved by a Windows editor. */
static const char gbk_words[] = "\xd5\xfe\xb8\xae\xd0\xc5\xcf\xa2";

Test(hostile, gbk_files_are_named) {
  char yaml[128], text[128];
  snprintf(yaml, sizeof yaml, "format: \"2021\"\norgan: %s\n", gbk_words);
  govinfo_report *r = NULL;
  cr_assert_eq(govinfo_report_parse(&r, yaml, strlen(yaml), GOVINFO_SYNTAX_YAML, "g.yaml"),
               GOVINFO_EPARSE);
  cr_assert(strstr(govinfo_error_last()->message, "GBK"));
  cr_assert(strstr(govinfo_error_last()->message, "iconv -f GB18030 -t UTF-8 g.yaml"));
  cr_assert_eq(govinfo_error_last()->line, 2);
  snprintf(yaml, sizeof yaml, "{\"format\":\"2021\",\"organ\":\"%s\"}", gbk_words);
  cr_assert_eq(govinfo_report_parse(&r, yaml, strlen(yaml), GOVINFO_SYNTAX_JSON, "g.json"),
               GOVINFO_EPARSE);
  cr_assert(strstr(govinfo_error_last()->message, "GBK"));
  snprintf(text, sizeof text, "2020年%s公开工作年度报告\n", gbk_words);
  /* UTF-8 first: a bad byte later in a UTF-8 text is no GBK file */
  govinfo_diagnostics *d = NULL;
  cr_assert_eq(govinfo_import(&r, &d, text, strlen(text), GOVINFO_INPUT_TEXT, "g.txt"),
               GOVINFO_EPARSE);
  cr_assert_null(strstr(govinfo_error_last()->message, "saved as GBK"));
  snprintf(text, sizeof text, "2020 %s\n", gbk_words);
  cr_assert_eq(govinfo_import(&r, &d, text, strlen(text), GOVINFO_INPUT_TEXT, "g.txt"),
               GOVINFO_EPARSE);
  cr_assert(strstr(govinfo_error_last()->message, "saved as GBK"), "%s",
            govinfo_error_last()->message);
}

/* Inputs the fuzzers found (tests/data/fuzz, named after what they broke): each is read or
 * refused with a clear error, and nothing is misread as running out of memory. */
Test(hostile, fuzzer_findings_import_cleanly) {
  const char *dir = test_source_path("tests/data/fuzz");
  DIR *d = opendir(dir);
  cr_assert_not_null(d, "%s", dir);
  size_t seen = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (e->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    govinfo_report *r = NULL;
    govinfo_diagnostics *f = NULL;
    int rc = govinfo_import_file(&r, &f, path);
    cr_expect(rc == GOVINFO_OK || rc == GOVINFO_EPARSE, "%s: rc %d: %s", e->d_name, rc,
              govinfo_error_last()->message);
    if (rc == GOVINFO_OK) cr_expect_not_null(r, "%s", e->d_name);
    govinfo_report_free(r);
    govinfo_diagnostics_free(f);
    seen++;
  }
  closedir(d);
  cr_assert_gt(seen, 0);
}

/* Rows whose run-together digits could be cut in millions of ways (found by the text
 * fuzzer, which timed out on one): the searches of one import share a budget, so the later
 * rows are refused at once, each named with that reason, and nothing is guessed. */
Test(hostile, split_searches_share_one_budget_per_import) {
  govinfo_report *r = NULL;
  govinfo_diagnostics *f = NULL;
  const char *path = test_source_path("tests/data/fuzz/text-runs-past-the-search-budget.txt");
  cr_assert_eq(govinfo_import_file(&r, &f, path), GOVINFO_OK, "%s", govinfo_error_last()->message);
  size_t spent = 0, exhausted = 0;
  for (size_t i = 0; i < govinfo_diagnostics_count(f); i++) {
    const char *en = govinfo_diagnostic_message_en(govinfo_diagnostics_at(f, i));
    spent += strstr(en, "the import's search budget is spent") != NULL;
    exhausted += strstr(en, "too many possible splits") != NULL;
  }
  cr_assert_geq(spent, 3, "rows after the budget ran out: %zu", spent);
  cr_assert_eq(exhausted, 5, "every row of the long runs is named");
  int64_t v;
  cr_assert_neq(govinfo_report_get_int(r, "table3.np_duplicate.total", &v), GOVINFO_OK,
                "left absent, never guessed");
  govinfo_report_free(r);
  govinfo_diagnostics_free(f);
}
