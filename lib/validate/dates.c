/* The publication date (published.*) and the years written in the text (text.year). */
#include <stdio.h>
#include <string.h>

#include "util/text.h"
#include "validate/prose.h"
#include "validate/validate.h"

/* ---- publication date ---- */

/* True when s ends in `suffix` once whitespace is left out ("淮安市人民 政府"). */
static bool ends_with_ignoring_space(const char *s, const char *suffix) {
  char tail[32];
  size_t n = strlen(suffix), have = 0;
  if (n > sizeof tail) return false;
  while (*s) {
    size_t k = gi_space_at(s);
    if (k) {
      s += k;
      continue;
    }
    if (have == n) memmove(tail, tail + 1, --have);
    tail[have++] = *s++;
  }
  return have == n && memcmp(tail, suffix, n) == 0;
}

/* Without the date neither 条例 art. 49's deadline (published.late) nor published.early can
 * be checked, and readers cannot tell when the report came out. */
void gi_check_published_missing(vctx *x, gi_rule rule) {
  const char *published = x->r->meta[GI_META_PUBLISHED];
  if (published != NULL && published[0] != '\0') return;
  begin(x, rule);
  add_path(x, x->r->meta_loc[GI_META_PUBLISHED], "/published");
  SAY_ZH(x, "缺少发布日期：请写明报告的发布日期（published: YYYY-MM-DD）");
  SAY_EN(x, "the publication date is missing: give the date the report was published "
            "(published: YYYY-MM-DD)");
  finish(x);
}

void gi_check_published_early(vctx *x, gi_rule rule) {
  const char *published = x->r->meta[GI_META_PUBLISHED];
  int year = x->r->year;
  if (published == NULL || year == 0) return;
  char end_of_year[32];
  snprintf(end_of_year, sizeof end_of_year, "%04d-12-31", year);
  if (strcmp(published, end_of_year) > 0) return;
  begin(x, rule);
  add_path(x, x->r->meta_loc[GI_META_PUBLISHED], "/published");
  KEY(x, "%s %d", published, year);
  SAY_ZH(x, "发布日期 %s 不在%d年度结束之后", published, year);
  SAY_EN(x, "published on %s, before report year %d has ended", published, year);
  finish(x);
}

/* 条例 art. 49: departments publish by 31 January, people's governments by 31 March. An
 * organ not yet named gets the later deadline (meta.missing reports it). */
void gi_check_published_late(vctx *x, gi_rule rule) {
  const char *published = x->r->meta[GI_META_PUBLISHED];
  const char *organ = x->r->meta[GI_META_ORGAN];
  int year = x->r->year;
  if (published == NULL || year == 0 || year >= 9999) return;
  bool government =
      organ == NULL || organ[0] == '\0' || ends_with_ignoring_space(organ, "人民政府");
  int month = government ? 3 : 1;
  char deadline[32];
  snprintf(deadline, sizeof deadline, "%04d-%02d-31", year + 1, month);
  if (strcmp(published, deadline) <= 0) return;
  begin(x, rule);
  add_path(x, x->r->meta_loc[GI_META_PUBLISHED], "/published");
  KEY(x, "%s %s", published, deadline);
  SAY_ZH(x, "发布日期 %s 晚于 %s：%s应于次年%d月31日前公布", published, deadline,
         government ? "人民政府" : "部门", month);
  SAY_EN(x, "published on %s, after the deadline %s for %s", published, deadline,
         government ? "a people's government (人民政府)" : "a department");
  finish(x);
}

/* ---- years written in the text ---- */

/* Reads a run of digits: its value (meaningless past 9 digits) and number of digits. */
static const char *read_digits(const char *s, int *value, int *count) {
  size_t len;
  int d;
  *value = *count = 0;
  for (; (d = gi_digit_at(s, &len)) >= 0; s += len)
    if ((*count)++ < 9) *value = *value * 10 + d;
  return s;
}

/* Start of the next run of digits at or after s, NULL when none. Works on bytes: in UTF-8
 * neither ASCII digits nor 0xEF (the lead byte of full-width digits) occur inside another
 * character, and strcspn skips the long stretches of text between digits quickly. */
static const char *next_digits(const char *s) {
  size_t len;
  for (s += strcspn(s, "0123456789\xEF"); *s; s += 1 + strcspn(s + 1, "0123456789\xEF"))
    if (gi_digit_at(s, &len) >= 0) return s;
  return NULL;
}

/* After `word`, spaces allowed before it; NULL stays NULL. */
static const char *then_word(const char *s, const char *word) {
  return s ? gi_after_word(gi_skip_spaces(s), word) : NULL;
}

/* After a 1-2 digit number equal to `want`; NULL stays NULL. */
static const char *then_number(const char *s, int want) {
  if (s == NULL) return NULL;
  int value, count;
  const char *end = read_digits(gi_skip_spaces(s), &value, &count);
  return count >= 1 && count <= 2 && value == want ? end : NULL;
}

/* "YYYY年1月1日[起]至[YYYY年]12月31日" at s, the start of a run of digits: the end of the match
 * or NULL, and the two years (the second is the first when not written). */
static const char *match_period(const char *s, int *from, int *to) {
  int count;
  const char *p = read_digits(s, from, &count);
  if (count != 4) return NULL;
  p = then_word(then_number(then_word(then_number(then_word(p, "年"), 1), "月"), 1), "日");
  if (then_word(p, "起")) p = then_word(p, "起"); /* "自…1月1日起至…12月31日止" */
  p = then_word(p, "至");
  if (p == NULL) return NULL;
  *to = *from;
  int year;
  const char *q = read_digits(gi_skip_spaces(p), &year, &count);
  if (count == 4 && then_word(q, "年")) {
    *to = year;
    p = then_word(q, "年");
  }
  return then_word(then_number(then_word(then_number(p, 12), "月"), 31), "日");
}

/* A year written "YYYY年" in the title that is not the report year; 0 when none. */
static int other_year_in_title(const char *title, int year) {
  for (const char *p = next_digits(title); p; p = next_digits(p)) {
    int value, count;
    p = read_digits(p, &value, &count);
    if (count == 4 && then_word(p, "年") && value != year) return value;
  }
  return 0;
}

static void check_title_year(vctx *x, int year) {
  const char *title = x->r->meta[GI_META_TITLE];
  int other = title ? other_year_in_title(title, year) : 0;
  if (other == 0) return;
  begin(x, GI_RULE_TEXT_YEAR);
  add_path(x, x->r->meta_loc[GI_META_TITLE], "/title");
  KEY(x, "%d %d", other, year);
  SAY_ZH(x, "标题写的是%d年，报告年度为%d年", other, year);
  SAY_EN(x, "the title names the year %d, but the report is for %d", other, year);
  finish(x);
}

/* The first statement of the reporting period in `text` that names another year: its start
 * and length, the years in *from and *to; NULL when there is none. */
static const char *other_period(const char *text, int year, int *len, int *from, int *to) {
  for (const char *p = next_digits(text); p; p = next_digits(p)) {
    int value, count;
    const char *end = match_period(p, from, to);
    if (end && (*from != year || *to != year)) {
      *len = (int)(end - p);
      return p;
    }
    p = read_digits(p, &value, &count);
  }
  return NULL;
}

/* Prose that states the period: the preface (where reports usually do) and every section. */
static void check_period(vctx *x, const char *text, gi_loc loc, const char *where, int year,
                         const char *pointer) {
  int len, from, to;
  const char *p = text ? other_period(text, year, &len, &from, &to) : NULL;
  if (p == NULL) return;
  begin(x, GI_RULE_TEXT_YEAR);
  add_path(x, loc, "%s", pointer);
  KEY(x, "%.*s %d", len, p, year); /* the statement, not where it stands in the text */
  SAY_ZH(x, "正文所写统计期间“%.*s”与报告年度%d年不符", len, p, year);
  SAY_EN(x, "%s names the reporting period \"%.*s\", but the report is for %d", where, len, p,
         year);
  finish(x);
}

/* Most bytes of a subject before the year that opens a sentence ("本单位", "我区", "全市"). */
#define SUBJECT_BYTES 18

/* The year written "YYYY年" (or 年度) that opens the sentence [s, e) after at most a short
 * subject; 0 when none. Its start in *at. */
static int opening_year(const char *s, const char *e, const char **at) {
  const char *p = gi_skip_spaces(s), *digits = NULL;
  size_t len;
  for (const char *q = p; q < e && q - p <= SUBJECT_BYTES && digits == NULL; q++)
    if (gi_digit_at(q, &len) >= 0) digits = q;
  if (digits == NULL) return 0;
  for (const char *q = p; q < digits; q++)
    if (gi_clause_delimiter_at(q)) return 0;
  int value, count;
  const char *end = read_digits(digits, &value, &count);
  if (count != 4 || then_word(end, "年") == NULL) return 0;
  *at = digits;
  return value;
}

/* A sentence about the year's work that opens with the year before the report's
 * ("本单位2023年度…主动公开…" in a report for 2024): last year's text left in. Comparisons
 * and other periods (较2023年, 2023年结转…) are not such sentences. */
static const char *previous_year_sentence(const char *text, int year, const char **at, int *len) {
  const gi_narrative_words *w = &gi_narrative;
  /* Only the years written in the text are candidates: look at their sentences alone. */
  for (const char *p = next_digits(text); p; p = next_digits(p)) {
    int value, count;
    const char *end = read_digits(p, &value, &count);
    if (count != 4 || value != year - 1 || then_word(end, "年") == NULL) {
      p = end;
      continue;
    }
    const char *s = gi_sentence_start(text, p), *e = gi_sentence_end(p);
    const char *year_at = NULL;
    if (opening_year(s, e, &year_at) == year - 1 && year_at == p &&
        gi_find_any(s, e, w->reporting, NULL) && !gi_find_any(s, e, w->change, NULL) &&
        !gi_find_any(s, e, w->period, NULL) && !gi_find_word(s, e, "结转")) {
      *at = year_at;
      *len = (int)(e - s);
      return s;
    }
    p = end;
  }
  return NULL;
}

/* One finding per section at most: the first such sentence. */
static void check_previous_year(vctx *x, size_t i, int year) {
  const gi_section *sec = &x->r->sections[i];
  const char *at;
  int len;
  const char *sentence = sec->text ? previous_year_sentence(sec->text, year, &at, &len) : NULL;
  if (sentence == NULL) return;
  enum { EXCERPT = 60 };
  int shown = len;
  if (shown > EXCERPT) {
    shown = EXCERPT;
    while (shown > 0 && ((unsigned char)sentence[shown] & 0xC0) == 0x80) shown--;
  }
  begin(x, GI_RULE_TEXT_YEAR);
  add_path(x, gi_text_loc(&sec->text_map, sec->text, (size_t)(at - sec->text), sec->loc),
           "/sections/%zu/text", i);
  SAY_ZH(x, "正文“%.*s%s”以%d年度为统计年度，报告年度为%d年", shown, sentence,
         shown < len ? "…" : "", year - 1, year);
  SAY_EN(x, "section %s reports on %d, the year before the report year %d: \"%.*s%s\"",
         gi_section_def_of(x, i)->id, year - 1, year, shown, sentence, shown < len ? "…" : "");
  finish(x);
}

void gi_check_text_year(vctx *x, gi_rule rule) {
  int year = x->r->year;
  if (year == 0) return;
  check_title_year(x, year);
  check_period(x, x->r->meta[GI_META_PREFACE], x->r->meta_loc[GI_META_PREFACE], "the preface", year,
               "/preface");
  for (size_t i = 0; i < x->r->nsections; i++) {
    char where[32], pointer[48];
    snprintf(where, sizeof where, "section %s", gi_section_def_of(x, i)->id);
    snprintf(pointer, sizeof pointer, "/sections/%zu/text", i);
    check_period(x, x->r->sections[i].text, x->r->sections[i].loc, where, year, pointer);
    check_previous_year(x, i, year);
  }
}
