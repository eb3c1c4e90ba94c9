#include <criterion/criterion.h>
#include <pthread.h>
#include <string.h>

#include "helpers.h"

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

/* ---- message_zh: the catalog of lib/util/messages_zh.c ---- */

Test(errors, every_failure_has_its_message_in_chinese) {
  gi_fail(GOVINFO_ENOTFOUND, "unknown table id \"%s\"", "table9");
  const govinfo_error *e = govinfo_error_last();
  cr_assert_str_eq(e->message, "unknown table id \"table9\"");
  cr_assert_str_eq(e->message_zh, "未知的表格编号“table9”");
  govinfo_error_clear();
  cr_assert_str_eq(govinfo_error_last()->message_zh, "");
}

Test(errors, messages_composed_by_wrappers_are_translated_piece_by_piece) {
  gi_fail_at(GOVINFO_EPARSE, "r.yaml", (gi_loc){3, 14}, 0, "/organ", "%s",
             "malformed YAML: mapping values are not allowed in this context (text holding "
             "\": \" must be quoted, or written in the block form: | and the text indented on "
             "the lines below)");
  const char *zh = govinfo_error_last()->message_zh;
  cr_assert(strstr(zh, "YAML 格式错误：此处不允许映射值") == zh, "%s", zh);
  cr_assert(strstr(zh, "|") != NULL, "the YAML block form is explained: %s", zh);
  gi_fail_os("r.yaml", 2, "cannot open %s", "r.yaml");
  cr_assert_str_eq(govinfo_error_last()->message_zh, "无法打开 r.yaml：没有那个文件或目录");
}

Test(errors, quoted_values_are_never_translated) {
  gi_fail(GOVINFO_ENOTFOUND, "unknown section id \"%s\"", "text");
  cr_assert_str_eq(govinfo_error_last()->message_zh, "未知的部分编号“text”");
}

Test(errors, a_message_without_an_entry_stays_english_in_message_zh) {
  gi_fail(GOVINFO_EINVAL, "%s", "something the catalog does not know");
  cr_assert_str_eq(govinfo_error_last()->message_zh, "something the catalog does not know");
}

Test(errors, the_formatter_picks_the_language) {
  gi_fail_at(GOVINFO_ENOTFOUND, "r.yaml", (gi_loc){2, 1}, 0, "/tables/x", "unknown table id \"%s\"",
             "x");
  char *zh, *en;
  cr_assert_eq(govinfo_error_format(&zh, NULL, govinfo_error_last(), NULL, 0), GOVINFO_OK);
  cr_assert_eq(govinfo_error_format(&en, NULL, govinfo_error_last(), NULL, GOVINFO_FORMAT_EN),
               GOVINFO_OK);
  cr_assert_str_eq(zh, "r.yaml:2:1: error: 未知的表格编号“x”（位置 /tables/x）");
  cr_assert_str_eq(en, "r.yaml:2:1: error: unknown table id \"x\" (at /tables/x)");
  govinfo_free(zh);
  govinfo_free(en);
}

Test(errors, a_hand_made_record_without_message_zh_is_formatted_in_english) {
  govinfo_error e = {.code = GOVINFO_EIO, .message = "disk on fire", .source = "", .path = ""};
  char *line;
  cr_assert_eq(govinfo_error_format(&line, NULL, &e, "f", 0), GOVINFO_OK);
  cr_assert_str_eq(line, "f: error: disk on fire");
  govinfo_free(line);
}

Test(errors, pathological_messages_are_matched_in_bounded_steps) {
  char big[1000];
  memset(big, ':', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  gi_fail(GOVINFO_EINVAL, "%s", big); /* "%s: %s: %s" tries many splits; it must give up */
  cr_assert_eq(strlen(govinfo_error_last()->message_zh) > 0, true);
}
