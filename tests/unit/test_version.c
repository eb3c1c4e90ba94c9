#include <criterion/criterion.h>
#include <govinfo/govinfo.h>
#include <stdio.h>

Test(version, run_time_version_matches_the_header) {
  cr_assert_str_eq(govinfo_version_string(), GOVINFO_VERSION_STRING);
  cr_assert_eq(govinfo_version_number(), GOVINFO_VERSION_NUMBER);
  char text[32];
  snprintf(text, sizeof text, "%d.%d.%d", GOVINFO_VERSION_MAJOR, GOVINFO_VERSION_MINOR,
           GOVINFO_VERSION_PATCH);
  cr_assert_str_eq(text, GOVINFO_VERSION_STRING);
}
