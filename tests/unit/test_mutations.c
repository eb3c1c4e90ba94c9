/* Thousands of randomly edited YAML reports: each either reads (and then survives a round
 * trip unchanged) or fails with a parse or shape error that says where. Never a crash, a
 * leak (the suite runs under ASan and valgrind) or an error without a location. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* Edits that matter to YAML: indentation, indicators, quotes, scalars that change type. */
static const char *const pieces[] = {
    " ",    "  ",    "\n",    "\t", ":",   ": ",   "- ",   "#",   "\"", "'",
    "|",    ">",     "{",     "}",  "[",   "]",    ",",    "&a ", "*a", "!!str ",
    "~",    "null",  "1.5",   "-3", "1e3", "0x1F", "１２", "无",  "/",  "\xe4\xb8\xad",
    "\xff", "---\n", "...\n", "\\"};

static size_t mutate(const char *doc, size_t len, char *out) {
  size_t at = test_random_below(len), n;
  const char *p = pieces[test_random_below(sizeof pieces / sizeof pieces[0])];
  switch (test_random_below(3)) {
  case 0: /* delete a few bytes */
    n = 1 + test_random_below(6);
    if (at + n > len) n = len - at;
    memcpy(out, doc, at);
    memcpy(out + at, doc + at + n, len - at - n);
    len -= n;
    break;
  case 1: /* insert a piece */
    n = strlen(p);
    memcpy(out, doc, at);
    memcpy(out + at, p, n);
    memcpy(out + at + n, doc + at, len - at);
    len += n;
    break;
  default: /* overwrite with a piece */
    n = strlen(p);
    memcpy(out, doc, len);
    memcpy(out + at, p, at + n <= len ? n : len - at);
  }
  out[len] = '\0';
  return len;
}

static void assert_round_trip(const govinfo_report *r) {
  char *yaml = NULL;
  size_t len;
  cr_assert_eq(govinfo_report_serialize(&yaml, &len, r, GOVINFO_SYNTAX_YAML, 0), 0, "%s",
               govinfo_error_last()->message);
  govinfo_report *again = NULL;
  cr_assert_eq(govinfo_report_parse(&again, yaml, len, GOVINFO_SYNTAX_YAML, "again"), 0, "%s\n%s",
               govinfo_error_last()->message, yaml);
  cr_assert(govinfo_report_equal(r, again));
  govinfo_report_free(again);
  govinfo_free(yaml);
}

static void mutate_and_read(const char *relative, uint64_t seed, int rounds) {
  size_t len;
  char *doc = test_read_file(test_source_path(relative), &len);
  char *edited = malloc(len + 64);
  test_random_seed(seed);
  int read = 0, refused = 0;
  for (int i = 0; i < rounds; i++) {
    size_t n = mutate(doc, len, edited);
    govinfo_report *r = NULL;
    int rc = govinfo_report_parse(&r, edited, n, GOVINFO_SYNTAX_YAML, "edited.yaml");
    if (rc == GOVINFO_OK) {
      assert_round_trip(r);
      govinfo_report_free(r);
      read++;
      continue;
    }
    const govinfo_error *e = govinfo_error_last();
    cr_assert(rc == GOVINFO_EPARSE || rc == GOVINFO_ESCHEMA || rc == GOVINFO_ERANGE,
              "round %d: unexpected %s: %s", i, govinfo_error_name(rc), e->message);
    cr_assert_gt(e->line, 0, "round %d: no line for \"%s\"", i, e->message);
    cr_assert_gt(e->column, 0, "round %d: no column for \"%s\"", i, e->message);
    cr_assert_str_eq(e->source, "edited.yaml");
    cr_assert_null(r);
    refused++;
  }
  cr_assert_gt(read, rounds / 20, "some edits should leave a valid report");
  cr_assert_gt(refused, rounds / 20, "some edits should break it");
  free(edited);
  free(doc);
}

Test(mutations, edited_2019_reports_read_or_fail_with_a_location) {
  mutate_and_read("examples/reports/suibin-2020.yaml", 0x2545F4914F6CDD1Du, 3000);
}

Test(mutations, edited_2021_reports_read_or_fail_with_a_location) {
  mutate_and_read("examples/reports/huaian-2024.yaml", 0x9E3779B97F4A7C15u, 3000);
}
