/* Sections: present, in order, titled as the format says, and what sections 五 and 六
 * must say (sections.*). */
#include <stdio.h>
#include <string.h>

#include "validate/prose.h"
#include "validate/validate.h"

/* ---- sections ---- */

/* Index in the report of the section with that definition, -1 when it has none. */
long gi_report_section(const vctx *x, size_t def) {
  for (size_t i = 0; i < x->r->nsections; i++)
    if (x->r->sections[i].def == def) return (long)i;
  return -1;
}

/* Index in the format of the section the rule reads (its parameters name it), -1 when none. */
static long rule_section_def(const vctx *x, gi_rule rule) {
  const gi_rule_params *p = gi_format_rule_params(x->f, rule);
  return p && p->section ? gi_section_index(x->f, p->section, strlen(p->section)) : -1;
}

/* Index in the report of the section the rule reads, -1 when absent. */
static long rule_section(const vctx *x, gi_rule rule) {
  long def = rule_section_def(x, rule);
  return def < 0 ? -1 : gi_report_section(x, (size_t)def);
}

const struct govinfo_section_def *gi_section_def_of(const vctx *x, size_t i) {
  return &x->f->sections[x->r->sections[i].def];
}

void gi_check_sections_missing(vctx *x, gi_rule rule) {
  for (size_t def = 0; def < x->f->nsections; def++) {
    if (gi_report_section(x, def) >= 0) continue;
    const struct govinfo_section_def *s = &x->f->sections[def];
    begin(x, rule);
    add_path(x, x->r->sections_loc, "/sections");
    KEY(x, "%s", s->id);
    SAY_ZH(x, "缺少“%s”部分", s->title);
    SAY_EN(x, "section %s (%s) is missing", s->id, s->title);
    finish(x);
  }
}

void gi_check_sections_order(vctx *x, gi_rule rule) {
  for (size_t i = 1; i < x->r->nsections; i++) {
    if (x->r->sections[i].def > x->r->sections[i - 1].def) continue;
    const struct govinfo_section_def *s = gi_section_def_of(x, i),
                                     *before = gi_section_def_of(x, i - 1);
    begin(x, rule);
    add_path(x, x->r->sections[i].loc, "/sections/%zu", i);
    KEY(x, "%s after %s", s->id, before->id);
    SAY_ZH(x, "“%s”排在“%s”之后：各部分应按格式规定的顺序排列", s->title, before->title);
    SAY_EN(x, "section %s (%s) comes after %s (%s): sections follow the order of the format", s->id,
           s->title, before->id, before->title);
    finish(x);
    return;
  }
}

static bool same_ignoring_space(const char *a, const char *b) {
  for (;;) {
    a = gi_skip_spaces(a);
    b = gi_skip_spaces(b);
    if (*a != *b) return false;
    if (*a == '\0') return true;
    a++;
    b++;
  }
}

/* The title without its leading "一、"-style number (itself when it has none). */
static const char *without_number(const char *title) {
  static const char *const numerals[] = {"一", "二", "三", "四", "五",
                                         "六", "七", "八", "九", "十"};
  const char *p = gi_skip_spaces(title);
  bool any = false;
  for (bool more = true; more;) {
    more = false;
    for (size_t i = 0; i < GI_COUNT_OF(numerals) && !more; i++) {
      const char *q = gi_after_word(p, numerals[i]);
      if (q) p = q, more = any = true;
    }
  }
  const char *rest = any ? gi_after_word(gi_skip_spaces(p), "、") : NULL;
  return rest ? rest : title;
}

static bool title_matches(const char *title, const char *official) {
  return strcmp(title, official) == 0 || same_ignoring_space(title, official) ||
         same_ignoring_space(title, without_number(official));
}

static bool title_is_known(const struct govinfo_section_def *s, const char *title) {
  if (title_matches(title, s->title)) return true;
  for (size_t i = 0; s->variants && s->variants[i]; i++)
    if (title_matches(title, s->variants[i])) return true;
  return false;
}

void gi_check_sections_title(vctx *x, gi_rule rule) {
  for (size_t i = 0; i < x->r->nsections; i++) {
    const struct govinfo_section_def *s = gi_section_def_of(x, i);
    const char *title = x->r->sections[i].title ? x->r->sections[i].title : "";
    if (title_is_known(s, title)) continue;
    begin(x, rule);
    add_path(x, x->r->sections[i].loc, "/sections/%zu/title", i);
    KEY(x, "%s %s", s->id, title);
    SAY_ZH(x, "标题“%s”与规定标题“%s”及已知变体不符", title, s->title);
    SAY_EN(x,
           "the title \"%s\" of section %s is neither the official title \"%s\" nor a known "
           "variant",
           title, s->id, s->title);
    finish(x);
  }
}

/* Bytes of the whitespace or punctuation at s that does not count as saying anything, 0 if
 * none. */
static size_t filler_at(const char *s) {
  static const char *const wide[] = {"。", "．", "，", "；", "：", "！"};
  size_t n = gi_space_at(s);
  if (n == 0 && *s && strchr(".,;:!", *s)) n = 1;
  for (size_t i = 0; i < GI_COUNT_OF(wide) && n == 0; i++)
    if (gi_after_word(s, wide[i])) n = strlen(wide[i]);
  return n;
}

static const char *skip_filler(const char *text) {
  for (size_t n; (n = filler_at(text)) != 0;) text += n;
  return text;
}

/* Empty, or only one of the words (无, 暂无问题…), once whitespace and punctuation are left
 * out. */
static bool says_nothing(const char *text, const char *const *words) {
  text = skip_filler(text);
  if (*text == '\0') return true;
  for (size_t i = 0; words && words[i]; i++) {
    const char *after = gi_after_word(text, words[i]);
    if (after && *skip_filler(after) == '\0') return true;
  }
  return false;
}

void gi_check_problems_empty(vctx *x, gi_rule rule) {
  long i = rule_section(x, rule);
  const gi_rule_params *p = gi_format_rule_params(x->f, rule);
  if (i < 0 || !says_nothing(x->r->sections[i].text, p->words)) return;
  const struct govinfo_section_def *s = gi_section_def_of(x, (size_t)i);
  begin(x, rule);
  add_path(x, x->r->sections[i].loc, "/sections/%ld/text", i);
  KEY(x, "%s", s->id);
  SAY_ZH(x, "“%s”为空或仅写“无”“暂无问题”之类", s->title);
  SAY_EN(x, "section %s (%s) is empty or only says 无 (none) or the like", s->id, s->title);
  finish(x);
}

#define FEE_WORD "信息处理费"

/* One of the rule's words in a sentence that also has one of its context words ("未向公众收
 * 取政府信息处理相关费用"). */
static bool mentions_fee(const vctx *x, long section, const gi_rule_params *p) {
  if (section < 0) return false;
  const char *text = x->r->sections[section].text, *end = text + strlen(text);
  size_t len = 0;
  for (const char *at = gi_find_any(text, end, p->words, &len); at;
       at = gi_find_any(at + len, end, p->words, &len)) {
    const char *start = gi_sentence_start(text, at), *stop = gi_sentence_end(at);
    if (p->context == NULL || gi_find_any(start, stop, p->context, NULL)) return true;
  }
  return false;
}

void gi_check_fee_statement(vctx *x, gi_rule rule) {
  long i = rule_section(x, rule);
  if (i < 0 || mentions_fee(x, i, gi_format_rule_params(x->f, rule))) return;
  const struct govinfo_section_def *s = gi_section_def_of(x, (size_t)i);
  begin(x, rule);
  add_path(x, x->r->sections[i].loc, "/sections/%ld/text", i);
  KEY(x, "%s", s->id);
  SAY_ZH(x, "“%s”未报告" FEE_WORD "收取情况", s->title);
  SAY_EN(x, "section %s (%s) says nothing about " FEE_WORD " (information processing fees)", s->id,
         s->title);
  finish(x);
}

static bool is_positive(const gi_cell *c) {
  return c->state == GOVINFO_CELL_NUMBER && !c->number.negative &&
         (c->number.whole != 0 || c->number.frac != 0);
}

void gi_check_fee_unpaid(vctx *x, gi_rule rule) {
  size_t ti, row, col;
  const gi_rule_params *p = gi_format_rule_params(x->f, rule);
  long def = rule_section_def(x, rule);
  if (def < 0 || p->cell == NULL || gi_cell_resolve(x->f, p->cell, &ti, &row, &col)) return;
  table_view t = gi_table_view_of(x, ti);
  const gi_cell *cell = cell_at(&t, row, col);
  long i = gi_report_section(x, (size_t)def);
  if (!is_positive(cell) || mentions_fee(x, i, p)) return;
  const struct govinfo_section_def *s = &x->f->sections[def];
  char value[GOVINFO_NUMBER_BUFSIZE];
  gi_decimal_format(&cell->number, value);
  gi_begin_cell(x, rule, &t, row, col);
  if (i >= 0) add_path(x, x->r->sections[i].loc, "/sections/%ld/text", i);
  KEY(x, "%s %s", value, s->id);
  SAY_ZH(x, CELL_ZH "为 %s，但%s“%s”未提及" FEE_WORD, CELL_ZH_ARGS(&t, row, col), value,
         i >= 0 ? "" : "报告缺少", s->title);
  SAY_EN(x, CELL_EN " is %s, but section %s (%s) %s " FEE_WORD, CELL_EN_ARGS(&t, row, col), value,
         s->id, s->title, i >= 0 ? "does not mention" : "is missing, so nothing mentions");
  finish(x);
}
