#include <criterion/criterion.h>
#include <pthread.h>
#include <string.h>

#include "internal.h"

Test(errors, every_code_has_a_name_and_a_description) {
  const int codes[] = {GOVINFO_OK,        GOVINFO_ENOMEM, GOVINFO_EINVAL,
                       GOVINFO_EIO,       GOVINFO_EPARSE, GOVINFO_ESCHEMA,
                       GOVINFO_ENOTFOUND, GOVINFO_ETYPE,  GOVINFO_ERANGE};
  for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
    cr_assert_neq(strcmp(govinfo_strerror(codes[i]), "unknown error"), 0);
    cr_assert_eq(strncmp(govinfo_error_name(codes[i]), "GOVINFO_", 8), 0);
    for (size_t j = 0; j < i; j++)
      cr_assert_str_neq(govinfo_error_name(codes[i]), govinfo_error_name(codes[j]));
  }
  cr_assert_str_eq(govinfo_error_name(GOVINFO_ENOTFOUND), "GOVINFO_ENOTFOUND");
  cr_assert_str_eq(govinfo_strerror(12345), "unknown error");
  cr_assert_str_eq(govinfo_error_name(-999), "GOVINFO_EUNKNOWN");
}

Test(errors, a_failure_is_described_with_its_location) {
  int rc = gi_fail_at(GOVINFO_ESCHEMA, "r.yaml", (gi_loc){57, 9}, 1234, "/tables/table3",
                      "unknown row %s", "x");
  cr_assert_eq(rc, GOVINFO_ESCHEMA);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_eq(e->code, GOVINFO_ESCHEMA);
  cr_assert_str_eq(e->message, "unknown row x");
  cr_assert_str_eq(e->source, "r.yaml");
  cr_assert_eq(e->line, 57);
  cr_assert_eq(e->column, 9);
  cr_assert_eq(e->offset, 1234);
  cr_assert_str_eq(e->path, "/tables/table3");
  govinfo_error_clear();
  cr_assert_eq(govinfo_error_last()->code, 0);
  cr_assert_str_eq(govinfo_error_last()->message, "");
  cr_assert_str_eq(govinfo_error_last()->path, "");
}

Test(errors, long_messages_are_cut_not_overflowed) {
  char big[2000];
  memset(big, 'x', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  gi_fail_at(GOVINFO_EINVAL, big, (gi_loc){1, 1}, 0, big, "%s", big);
  const govinfo_error *e = govinfo_error_last();
  cr_assert_lt(strlen(e->message), sizeof big);
  cr_assert_lt(strlen(e->source), sizeof big);
  cr_assert_lt(strlen(e->path), sizeof big);
}

static void *fail_in_thread(void *arg) {
  (void)arg;
  gi_fail(GOVINFO_ERANGE, "from the other thread");
  return (void *)(intptr_t)govinfo_error_last()->code;
}

Test(errors, details_belong_to_the_thread) {
  gi_fail(GOVINFO_EIO, "from the main thread");
  pthread_t t;
  void *other_code;
  cr_assert_eq(pthread_create(&t, NULL, fail_in_thread, NULL), 0);
  pthread_join(t, &other_code);
  cr_assert_eq((intptr_t)other_code, GOVINFO_ERANGE);
  cr_assert_eq(govinfo_error_last()->code, GOVINFO_EIO);
  cr_assert_str_eq(govinfo_error_last()->message, "from the main thread");
}

Test(errors, free_of_null_is_a_no_op) {
  govinfo_free(NULL);
  govinfo_report_free(NULL);
  govinfo_diagnostics_free(NULL);
}
