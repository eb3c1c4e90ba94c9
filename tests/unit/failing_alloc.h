/* Allocation failure injection, SQLite's way, for the OOM suites: the library's malloc,
 * calloc and realloc are wrapped (ld --wrap=malloc,--wrap=calloc,--wrap=realloc) so that the
 * n-th one fails. Test-only state: Criterion runs each test in a process of its own. */
#ifndef GOVINFO_TEST_FAILING_ALLOC_H
#define GOVINFO_TEST_FAILING_ALLOC_H

#include <stdbool.h>

/* Allocations to let through before one fails; -1: never fail. */
extern long allocations_left;
/* Set when an allocation was made to fail. */
extern bool failed_one;

#endif
