/* The narrative as data: how a report's text gives the figures of its tables. The format
 * versions list their statements (lib/model/formats/); the validator (validate/narrative.c)
 * finds them in the text and compares them with the cells. */
#ifndef GI_MODEL_NARRATIVE_H
#define GI_MODEL_NARRATIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "model/rules.h"

/* One statement: the words with which the text gives one table figure, and the cells that
 * hold it. Word lists are NULL-terminated. A statement is looked for around a count (a number
 * followed by 件, 起 or 宗) in its clause: the text between the delimiters (，；。（）：…) or
 * other counts on either side of it. */
typedef struct gi_statement {
  gi_rule rule;
  const char *name_zh, *name_en; /* the figure, in messages */
  const char *const *words;      /* one of these in the clause names the figure */
  /* NULL, or one of these in the clause or before it in the sentence; when statements of
   * different topics are left, the topic named last before the count decides. */
  const char *const *topic;
  const char *const *context; /* NULL, or one of these anywhere in the sentence */
  const char *cells;          /* cell ids joined by '+': the figure is their sum */
  /* NULL, or the figure when the text adds that it includes the carried-over applications
   * ("受理申请859件（含上年结转18件）"). */
  const char *cells_with_carried_over;
  const char *share_base; /* NULL, or the cells a percentage printed beside it is a share of */
  uint8_t rank;           /* outranks the statements of lower rank found in the same clause */
  bool part;              /* may be given as a part of another figure ("其中…", "含…") */
} gi_statement;

/* Words that keep a count from being compared at all (narrative.c says where each is looked
 * for). Shared by every format version: they are facts of the language, not of a format. */
typedef struct gi_narrative_words {
  const char *const *change;  /* in the clause: a change, not a figure (较, 同比, 增长…) */
  const char *const *period;  /* in the sentence before the count: another period (去年…) */
  const char *const *about;   /* in the clause before the count: not exact (约, 近, 超过…) */
  const char *const *after;   /* right after the unit: not exact (以上, 左右, 多…) */
  const char *const *subset;  /* in the clause: a channel, an applicant type or a scope */
  const char *const *part;    /* the clause starts with one: a part of a figure (其中, 含) */
  const char *const *each;    /* right before the number: not a count (每, 逐, 第, 单) */
  const char *const *range;   /* between two numbers: a range (至, 到, -, ~) */
  const char *const *units;   /* what follows a number that counts cases (件, 起, 宗) */
  const char *const *percent; /* the sign of a percentage (%, ％) */
  const char *const *share_base; /* between 占 and the percentage: words that keep the base */
  /* A sentence that reports the year's work (text.year: "本单位2023年度…主动公开…"). */
  const char *const *reporting;
} gi_narrative_words;

extern const gi_narrative_words gi_narrative;

#endif
