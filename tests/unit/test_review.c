/* Findings that survive review: fingerprints (stable when lines move, changed with the
 * values) and suppression files (parse, apply, stale, no reason, write and read back). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

#define EXAMPLE "examples/reports/suibin-2020.yaml"

/* The example's text with its first "natural_person: 0" under table3 made `value`, and
 * `lead` put before it (comment lines that move every line down). */
static char *edited_example(const char *value, const char *lead) {
  size_t len;
  char *text = test_read_file(test_source_path(EXAMPLE), &len);
  char *at = strstr(strstr(text, "table3"), "natural_person: 0");
  cr_assert_not_null(at);
  gi_buf b = {0};
  gi_buf_puts(&b, lead);
  gi_buf_append(&b, text, (size_t)(at - text));
  gi_buf_printf(&b, "natural_person: %s", value);
  gi_buf_puts(&b, at + strlen("natural_person: 0"));
  char *out;
  cr_assert_eq(gi_buf_finish(&b, &out, NULL), 0);
  free(text);
  return out;
}

static govinfo_diagnostics *validate_text(const char *text, const char *name) {
  govinfo_report *r;
  cr_assert_eq(govinfo_report_parse(&r, text, strlen(text), GOVINFO_SYNTAX_YAML, name), 0);
  govinfo_diagnostics *d;
  cr_assert_eq(govinfo_report_validate(&d, r), 0);
  govinfo_report_free(r);
  return d;
}

static const govinfo_diagnostic *first_of(const govinfo_diagnostics *d, const char *rule) {
  for (size_t i = 0; i < govinfo_diagnostics_count(d); i++)
    if (strcmp(govinfo_diagnostic_rule(govinfo_diagnostics_at(d, i)), rule) == 0)
      return govinfo_diagnostics_at(d, i);
  cr_assert_fail("no %s finding", rule);
  return NULL;
}

Test(fingerprint, holds_when_lines_move_and_changes_with_the_values) {
  char *a = edited_example("1", ""), *moved = edited_example("1", "# one\n# two\n# three\n");
  char *other = edited_example("2", "");
  govinfo_diagnostics *da = validate_text(a, "a.yaml"), *dm = validate_text(moved, "b.yaml"),
                      *dv = validate_text(other, "a.yaml");
  const govinfo_diagnostic *fa = first_of(da, "table3.balance"),
                           *fm = first_of(dm, "table3.balance"),
                           *fv = first_of(dv, "table3.balance");
  cr_assert_neq(govinfo_diagnostic_line(fa), govinfo_diagnostic_line(fm));
  cr_assert_str_eq(govinfo_diagnostic_fingerprint(fa), govinfo_diagnostic_fingerprint(fm));
  cr_assert_str_neq(govinfo_diagnostic_fingerprint(fa), govinfo_diagnostic_fingerprint(fv));
  cr_assert_eq(strlen(govinfo_diagnostic_fingerprint(fa)), 16);
  cr_assert_null(govinfo_diagnostic_fingerprint(NULL));
  govinfo_diagnostics_free(da);
  govinfo_diagnostics_free(dm);
  govinfo_diagnostics_free(dv);
  free(a);
  free(moved);
  free(other);
}

Test(fingerprint, values_without_expected_and_actual_tell_findings_apart) {
  char *slash = edited_example("\"/\"", ""), *dash = edited_example("\"—\"", "");
  govinfo_diagnostics *ds = validate_text(slash, "a.yaml"), *dd = validate_text(dash, "a.yaml");
  const govinfo_diagnostic *ms = first_of(ds, "cell.mark"), *md = first_of(dd, "cell.mark");
  cr_assert_str_eq(govinfo_diagnostic_path_at(ms, 0), govinfo_diagnostic_path_at(md, 0));
  cr_assert_str_neq(govinfo_diagnostic_fingerprint(ms), govinfo_diagnostic_fingerprint(md));
  govinfo_diagnostics_free(ds);
  govinfo_diagnostics_free(dd);
  free(slash);
  free(dash);
}

Test(fingerprint, the_long_form_appends_it) {
  char *a = edited_example("1", "");
  govinfo_diagnostics *d = validate_text(a, "a.yaml");
  const govinfo_diagnostic *f = govinfo_diagnostics_at(d, 0);
  char *line, want[64];
  cr_assert_eq(govinfo_diagnostic_format(&line, NULL, f, NULL, GOVINFO_FORMAT_LONG), 0);
  snprintf(want, sizeof want, " {%s}", govinfo_diagnostic_fingerprint(f));
  cr_assert_str_eq(line + strlen(line) - strlen(want), want);
  govinfo_free(line);
  cr_assert_eq(govinfo_diagnostic_format(&line, NULL, f, NULL, 0), 0);
  cr_assert_null(strstr(line, govinfo_diagnostic_fingerprint(f)));
  govinfo_free(line);
  govinfo_diagnostics_free(d);
  free(a);
}

/* ---- suppression files ---- */

static govinfo_suppressions *parse_ok(const char *text) {
  govinfo_suppressions *s;
  cr_assert_eq(govinfo_suppressions_parse(&s, text, strlen(text), "review.yaml"), 0, "%s",
               govinfo_error_last()->message);
  return s;
}

static void parse_fails(const char *text, int code, unsigned line, unsigned column,
                        const char *words) {
  govinfo_suppressions *s = (govinfo_suppressions *)1;
  cr_assert_eq(govinfo_suppressions_parse(&s, text, strlen(text), "review.yaml"), code);
  cr_assert_null(s);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_str_eq(e->source, "review.yaml");
  cr_assert_eq(e->line, line, "line %u", e->line);
  cr_assert_eq(e->column, column, "column %u", e->column);
  cr_assert_not_null(strstr(e->message, words), "%s", e->message);
}

Test(suppressions, bad_files_are_refused_at_their_line_and_column) {
  parse_fails("suppressions:\n  - fingerprint: 12ab\n", GOVINFO_ESCHEMA, 2, 18,
              "not a fingerprint");
  parse_fails("suppressions:\n  - fingerprint: 0123456789abcdef\n    reasn: x\n", GOVINFO_ESCHEMA,
              3, 5, "unknown key \"reasn\"");
  parse_fails("suppressions:\n  - reason: x\n", GOVINFO_ESCHEMA, 2, 5, "needs a fingerprint");
  parse_fails("suppressions: [\n", GOVINFO_EPARSE, 2, 1, "");
  parse_fails("other: 1\n", GOVINFO_ESCHEMA, 1, 1, "unknown key");
  parse_fails("suppressions:\n  - fingerprint: 0123456789abcdef\n    reason: [a]\n",
              GOVINFO_ESCHEMA, 3, 13, "text, not a list");
}

Test(suppressions, empty_files_are_empty_sets) {
  govinfo_suppressions *s = parse_ok("");
  cr_assert_eq(govinfo_suppressions_count(s), 0);
  govinfo_suppressions_free(s);
  s = parse_ok("suppressions:\n");
  cr_assert_eq(govinfo_suppressions_count(s), 0);
  govinfo_suppressions_free(s);
  govinfo_suppressions_free(NULL);
}

/* A set of one entry for the finding's fingerprint with that reason and file. */
static govinfo_suppressions *one_entry(const govinfo_diagnostic *f, const char *reason,
                                       const char *file) {
  char text[512];
  snprintf(text, sizeof text, "suppressions:\n  - fingerprint: %s\n    reason: \"%s\"\n%s%s%s",
           govinfo_diagnostic_fingerprint(f), reason, file ? "    file: " : "", file ? file : "",
           file ? "\n" : "");
  return parse_ok(text);
}

static size_t count_rule(const govinfo_diagnostics *d, const char *rule) {
  size_t n = 0;
  for (size_t i = 0; i < govinfo_diagnostics_count(d); i++)
    n += strcmp(govinfo_diagnostic_rule(govinfo_diagnostics_at(d, i)), rule) == 0;
  return n;
}

Test(suppressions, an_entry_with_a_reason_hides_its_finding_and_counts_it) {
  char *text = edited_example("1", "");
  govinfo_diagnostics *d = validate_text(text, "reports/a.yaml");
  const govinfo_diagnostic *f = first_of(d, "table3.balance");
  size_t before = govinfo_diagnostics_count(d);
  govinfo_suppressions *s = one_entry(f, "原文如此", "a.yaml");
  govinfo_diagnostics *kept;
  cr_assert_eq(govinfo_suppressions_apply(&kept, s, d, NULL), 0);
  cr_assert_eq(govinfo_diagnostics_count(kept), before - 1);
  cr_assert_eq(govinfo_diagnostics_suppressed(kept), 1);
  cr_assert_eq(count_rule(kept, "table3.balance"), 0);
  cr_assert_eq(govinfo_suppression_uses(s, 0), 1);
  char *json;
  cr_assert_eq(govinfo_diagnostics_to_json(&json, NULL, kept), 0);
  cr_assert_not_null(strstr(json, "\"suppressed\":\t1"), "%s", json);
  govinfo_free(json);
  govinfo_diagnostics *review;
  cr_assert_eq(govinfo_suppressions_check(&review, s), 0);
  cr_assert_eq(govinfo_diagnostics_count(review), 0);
  govinfo_diagnostics_free(review);
  govinfo_diagnostics_free(kept);
  /* another report: the entry names a.yaml, so nothing is hidden there */
  cr_assert_eq(govinfo_suppressions_apply(&kept, s, d, "reports/b.yaml"), 0);
  cr_assert_eq(govinfo_diagnostics_count(kept), before);
  govinfo_diagnostics_free(kept);
  govinfo_suppressions_free(s);
  govinfo_diagnostics_free(d);
  free(text);
}

Test(suppressions, an_entry_without_a_reason_is_not_applied_and_is_warned_about) {
  char *text = edited_example("1", "");
  govinfo_diagnostics *d = validate_text(text, "a.yaml");
  govinfo_suppressions *s = one_entry(first_of(d, "table3.balance"), "  ", NULL);
  govinfo_diagnostics *kept, *review;
  cr_assert_eq(govinfo_suppressions_apply(&kept, s, d, NULL), 0);
  cr_assert_eq(govinfo_diagnostics_count(kept), govinfo_diagnostics_count(d));
  cr_assert_eq(govinfo_diagnostics_suppressed(kept), 0);
  cr_assert_eq(govinfo_suppressions_check(&review, s), 0);
  cr_assert_eq(govinfo_diagnostics_count(review), 1);
  const govinfo_diagnostic *w = govinfo_diagnostics_at(review, 0);
  cr_assert_str_eq(govinfo_diagnostic_rule(w), "suppression.no_reason");
  cr_assert_eq(govinfo_diagnostic_severity(w), GOVINFO_SEVERITY_WARNING);
  cr_assert_str_eq(govinfo_diagnostic_file(w), "review.yaml");
  cr_assert_eq(govinfo_diagnostic_line(w), 2);
  govinfo_diagnostics_free(review);
  govinfo_diagnostics_free(kept);
  govinfo_suppressions_free(s);
  govinfo_diagnostics_free(d);
  free(text);
}

Test(suppressions, an_entry_whose_finding_is_gone_is_stale) {
  char *one = edited_example("1", ""), *two = edited_example("2", "");
  govinfo_diagnostics *d1 = validate_text(one, "a.yaml"), *d2 = validate_text(two, "a.yaml");
  govinfo_suppressions *s = one_entry(first_of(d1, "table3.balance"), "checked", NULL);
  govinfo_diagnostics *review;
  cr_assert_eq(govinfo_suppressions_check(&review, s), 0);
  cr_assert_eq(govinfo_diagnostics_count(review), 0, "not stale before any report is checked");
  govinfo_diagnostics_free(review);
  govinfo_diagnostics *kept;
  cr_assert_eq(govinfo_suppressions_apply(&kept, s, d2, NULL), 0); /* the value changed */
  cr_assert_eq(count_rule(kept, "table3.balance"), 1);
  cr_assert_eq(govinfo_suppressions_check(&review, s), 0);
  cr_assert_eq(govinfo_diagnostics_count(review), 1);
  const govinfo_diagnostic *n = govinfo_diagnostics_at(review, 0);
  cr_assert_str_eq(govinfo_diagnostic_rule(n), "suppression.stale");
  cr_assert_eq(govinfo_diagnostic_severity(n), GOVINFO_SEVERITY_NOTE);
  govinfo_diagnostics_free(review);
  govinfo_diagnostics_free(kept);
  govinfo_suppressions_free(s);
  govinfo_diagnostics_free(d1);
  govinfo_diagnostics_free(d2);
  free(one);
  free(two);
}

Test(suppressions, a_written_file_reads_back_and_applies_once_reasons_are_given) {
  char *text = edited_example("1", "");
  govinfo_diagnostics *d = validate_text(text, "a.yaml");
  govinfo_suppressions *w;
  cr_assert_eq(govinfo_suppressions_new(&w), 0);
  cr_assert_eq(govinfo_suppressions_add(w, d, "a.yaml", 0), 0);
  cr_assert_eq(govinfo_suppressions_count(w), govinfo_diagnostics_count(d));
  char *yaml;
  cr_assert_eq(govinfo_suppressions_serialize(&yaml, NULL, w), 0);
  govinfo_suppressions *r = parse_ok(yaml);
  cr_assert_eq(govinfo_suppressions_count(r), govinfo_diagnostics_count(d));
  for (size_t i = 0; i < govinfo_suppressions_count(r); i++) {
    cr_assert_str_eq(govinfo_suppression_fingerprint(r, i),
                     govinfo_diagnostic_fingerprint(govinfo_diagnostics_at(d, i)));
    cr_assert_str_eq(govinfo_suppression_reason(r, i), "");
    cr_assert_str_eq(govinfo_suppression_file(r, i), "a.yaml");
  }
  govinfo_suppressions_free(r);
  /* every reason filled in: everything is hidden */
  gi_buf b = {0};
  for (const char *p = yaml, *q; *p; p = q + strlen("reason: \"\"")) {
    q = strstr(p, "reason: \"\"");
    if (q == NULL) {
      gi_buf_puts(&b, p);
      break;
    }
    gi_buf_append(&b, p, (size_t)(q - p));
    gi_buf_puts(&b, "reason: \"已核实\"");
  }
  char *filled;
  cr_assert_eq(gi_buf_finish(&b, &filled, NULL), 0);
  r = parse_ok(filled);
  govinfo_diagnostics *kept;
  cr_assert_eq(govinfo_suppressions_apply(&kept, r, d, NULL), 0);
  cr_assert_eq(govinfo_diagnostics_count(kept), 0);
  cr_assert_eq(govinfo_diagnostics_suppressed(kept), govinfo_diagnostics_count(d));
  govinfo_diagnostics_free(kept);
  govinfo_suppressions_free(r);
  govinfo_free(filled);
  govinfo_free(yaml);
  govinfo_suppressions_free(w);
  govinfo_diagnostics_free(d);
  free(text);
}

Test(suppressions, null_arguments_are_refused) {
  govinfo_diagnostics *out;
  cr_assert_eq(govinfo_suppressions_apply(&out, NULL, NULL, NULL), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_suppressions_check(&out, NULL), GOVINFO_EINVAL);
  cr_assert_eq(govinfo_suppressions_load(NULL, "x"), GOVINFO_EINVAL);
  govinfo_suppressions *s;
  cr_assert_eq(govinfo_suppressions_load(&s, "/nonexistent/review.yaml"), GOVINFO_EIO);
  cr_assert_null(s);
}

/* ---- in the batch runner ---- */

static void write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  cr_assert_not_null(f);
  fputs(text, f);
  fclose(f);
}

Test(suppressions, the_batch_runner_applies_them_on_its_threads) {
  char dir[] = "/tmp/govinfo-review-XXXXXX", a[64], b[64];
  cr_assert_not_null(mkdtemp(dir));
  snprintf(a, sizeof a, "%s/a.yaml", dir);
  snprintf(b, sizeof b, "%s/b.yaml", dir);
  char *text = edited_example("1", "");
  write_text(a, text);
  write_text(b, text);
  govinfo_diagnostics *d = validate_text(text, "x.yaml");
  govinfo_suppressions *s = one_entry(first_of(d, "table3.balance"), "checked", "a.yaml");
  for (unsigned version = 1; version <= GOVINFO_BATCH_OPTIONS_VERSION; version++) {
    govinfo_batch_options opts;
    cr_assert_eq(govinfo_batch_options_init(&opts, version), 0);
    opts.flags = GOVINFO_BATCH_VALIDATE;
    opts.jobs = 2;
    if (version >= 2) opts.suppress = s;
    const char *inputs[] = {a, b};
    govinfo_batch *batch;
    cr_assert_eq(govinfo_batch_new(&batch, inputs, 2, &opts), 0);
    govinfo_batch_item *item;
    size_t hidden[2] = {0, 0};
    while (govinfo_batch_next(&item, batch) == GOVINFO_OK && item != NULL) {
      const govinfo_diagnostics *found = govinfo_batch_item_findings(item);
      size_t i = govinfo_batch_item_index(item);
      hidden[i] = govinfo_diagnostics_suppressed(found);
      cr_assert_eq(govinfo_diagnostics_count(found) + hidden[i], govinfo_diagnostics_count(d));
      govinfo_batch_item_free(item);
    }
    govinfo_batch_free(batch);
    cr_assert_eq(hidden[0], version >= 2 ? 1 : 0, "version %u", version); /* a.yaml only */
    cr_assert_eq(hidden[1], 0);
  }
  cr_assert_eq(govinfo_suppression_uses(s, 0), 1);
  govinfo_suppressions_free(s);
  govinfo_diagnostics_free(d);
  free(text);
  remove(a);
  remove(b);
  rmdir(dir);
}
