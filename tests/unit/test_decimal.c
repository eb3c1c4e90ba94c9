#include <criterion/criterion.h>
#include <string.h>

#include "internal.h"

static gi_decimal parse_ok(const char *text) {
  gi_decimal d;
  int rc = gi_decimal_parse(text, strlen(text), &d);
  cr_assert_eq(rc, GOVINFO_OK, "parsing %s gave %d", text, rc);
  return d;
}

static void assert_prints(const char *in, const char *out) {
  gi_decimal d = parse_ok(in);
  char buf[GOVINFO_NUMBER_BUFSIZE];
  gi_decimal_format(&d, buf);
  cr_assert_str_eq(buf, out, "%s printed as %s, not %s", in, buf, out);
}

Test(decimal, one_tenth_stays_exactly_one_tenth) {
  assert_prints("0.1", "0.1");
  assert_prints("96171.6", "96171.6");
  assert_prints("7730.28", "7730.28");
}

Test(decimal, keeps_the_printed_number_of_places) {
  assert_prints("12.50", "12.50");
  assert_prints("0.000001", "0.000001");
  cr_assert_not(gi_decimal_equal(&(gi_decimal){12, 5, 1, false}, &(gi_decimal){12, 50, 2, false}));
}

Test(decimal, signs_and_zero) {
  assert_prints("+461", "461");
  assert_prints("-3", "-3");
  assert_prints("-0", "0");
  assert_prints("-0.0", "0.0");
  cr_assert_eq(gi_decimal_to_int(&(gi_decimal){3, 0, 0, true}), -3);
}

Test(decimal, two_to_the_53_is_the_largest_whole_part) {
  assert_prints("9007199254740992", "9007199254740992");
  assert_prints("-9007199254740992", "-9007199254740992");
  gi_decimal d;
  cr_assert_eq(gi_decimal_parse("9007199254740993", 16, &d), GOVINFO_ERANGE);
  cr_assert_eq(gi_decimal_parse("99999999999999999999999999", 26, &d), GOVINFO_ERANGE);
}

Test(decimal, at_most_six_places) {
  gi_decimal d;
  cr_assert_eq(gi_decimal_parse("1.1234567", 9, &d), GOVINFO_ERANGE);
  assert_prints("1.123456", "1.123456");
}

Test(decimal, rejects_anything_but_plain_decimals) {
  const char *bad[] = {"",     "+",  "-",  ".5",    "5.",   "1e3", "1,234",
                       "0x10", " 1", "1 ", "1.2.3", "１２", "12万"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    gi_decimal d;
    cr_assert_eq(gi_decimal_parse(bad[i], strlen(bad[i]), &d), GOVINFO_ETYPE, "accepted \"%s\"",
                 bad[i]);
  }
}

Test(decimal, what_looks_numeric_is_never_a_mark) {
  cr_assert(gi_looks_numeric("1,234", 5));
  cr_assert(gi_looks_numeric("-3x", 3));
  cr_assert(gi_looks_numeric(".5", 2));
  cr_assert_not(gi_looks_numeric("/", 1));
  cr_assert_not(gi_looks_numeric("—", strlen("—")));
  cr_assert_not(gi_looks_numeric("-", 1));
  cr_assert_not(gi_looks_numeric("无", strlen("无")));
}

Test(decimal, parses_exactly_the_given_length) {
  gi_decimal d;
  cr_assert_eq(gi_decimal_parse("125", 2, &d), GOVINFO_OK);
  cr_assert_eq(d.whole, 12);
}
