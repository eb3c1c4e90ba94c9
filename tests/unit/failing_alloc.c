/* The wrapped allocators of failing_alloc.h. */
#include <stddef.h>

#include "failing_alloc.h"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);

long allocations_left = -1;
bool failed_one;

static bool allocation_fails(void) {
  if (allocations_left < 0) return false;
  if (allocations_left == 0) {
    failed_one = true;
    return true;
  }
  allocations_left--;
  return false;
}

void *__wrap_malloc(size_t size) { return allocation_fails() ? NULL : __real_malloc(size); }
void *__wrap_calloc(size_t n, size_t size) {
  return allocation_fails() ? NULL : __real_calloc(n, size);
}
void *__wrap_realloc(void *p, size_t size) {
  return allocation_fails() ? NULL : __real_realloc(p, size);
}
