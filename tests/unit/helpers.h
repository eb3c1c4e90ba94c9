/* Shared by the unit tests: paths and small file helpers. */
#ifndef GOVINFO_TEST_HELPERS_H
#define GOVINFO_TEST_HELPERS_H

#include <stddef.h>

#include "govinfo/govinfo.h"
#include "io/io.h"
#include "model/report.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"

/* $GOVINFO_SOURCE_ROOT/<relative> in a static buffer (valid until the next call). */
const char *test_source_path(const char *relative);
/* Reads a whole file into a new NUL-terminated buffer (free with free()); aborts the test on
 * failure. */
char *test_read_file(const char *path, size_t *len);
/* Loads a report from the source tree or fails the test. */
govinfo_report *test_load(const char *relative);

/* Text the setters refuse (control characters) but a document may hold, put in place as the
 * readers do, for the writers' tests: metadata, a section (title NULL: the official one),
 * a mark. Each fails the test when it cannot. */
void test_put_meta(govinfo_report *r, gi_meta which, const char *value);
void test_put_section(govinfo_report *r, const char *id, const char *title, const char *text);
void test_put_mark(govinfo_report *r, const char *cell_id, const char *mark);

/* Sets every data cell of every table of r to 0 (a balanced report to mutate). */
void test_zero_every_data_cell(govinfo_report *r);

/* "rule path path ..." of every finding of d, one per line, into buf (cut at size). */
void test_describe_findings(const govinfo_diagnostics *d, char *buf, size_t size);

/* A deterministic pseudo-random sequence (xorshift64*) for the mutation tests: the same
 * seed gives the same edits on every run and machine. */
void test_random_seed(uint64_t seed);
/* 0 .. n-1 (0 when n is 0). */
size_t test_random_below(size_t n);

#endif
