/* Reading the prose of a report: numbers as Chinese reports write them (Arabic, full-width,
 * Chinese numerals), sentences and clauses, words, and where a place of a section's text lies
 * in the file it was read from. Used by the narrative checks (narrative.c) and the years
 * written in the text (dates.c). Works on UTF-8 bytes; never allocates. */
#ifndef GI_VALIDATE_PROSE_H
#define GI_VALIDATE_PROSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/report.h"

/* The source location of byte `offset` of `text`, laid out as `map` says (model/report.h);
 * the map's start when the layout is not known, `fallback` when not even that is. */
gi_loc gi_text_loc(const gi_text_map *map, const char *text, size_t offset, gi_loc fallback);

/* A number of the text: [start, end) and its value. */
typedef struct gi_prose_number {
  const char *start, *end;
  int64_t value;     /* whole part */
  uint32_t fraction; /* digits after the point, as written ("12.30": 30) */
  uint8_t decimals;  /* how many were written */
  bool chinese;      /* written in Chinese numerals */
  bool single_one; /* the numeral 一 alone: "受理一件、办结一件" is an idiom, not a count */
} gi_prose_number;

/* The number that ends at `end` (spaces before `end` skipped), reading back no further than
 * `text`: digits (ASCII or full-width, "3,119" with thousands separators) or Chinese
 * numerals (二十三, 一百零五, 两千, 一万二千). False when none, or beyond 2^53. */
bool gi_number_before(const char *text, const char *end, gi_prose_number *out);
/* The number that starts at s (spaces skipped): digits with an optional decimal part. */
bool gi_number_at(const char *s, const char *end, gi_prose_number *out);
/* Value of Chinese numerals [s, s + len): 二十三 = 23, 一百零五 = 105, 二〇二三 = 2023. False
 * when they are not numerals or not well formed. */
bool gi_chinese_numeral(const char *s, size_t len, int64_t *out);

/* True when s is a digit or a Chinese numeral character (its length in *len). */
bool gi_numeral_at(const char *s, size_t *len);
/* Start of the UTF-8 character before p (p > text), text when p == text. */
const char *gi_char_before(const char *text, const char *p);

/* The sentence around p: after the last 。！？；!?; or line break before it, up to the next. */
const char *gi_sentence_start(const char *text, const char *p);
const char *gi_sentence_end(const char *p);
/* Bytes of the clause delimiter at p (，,：:（）() and the like; 、 is not), 0 if none. */
size_t gi_clause_delimiter_at(const char *p);

/* First occurrence of `word` in [s, end), NULL when none. */
const char *gi_find_word(const char *s, const char *end, const char *word);
/* First occurrence in [s, end) of a word of the NULL-terminated list (NULL: none); its length
 * in *len when len is not NULL. */
const char *gi_find_any(const char *s, const char *end, const char *const *words, size_t *len);
/* The word of the list that starts at s and ends before `end`, its length; 0 when none. */
size_t gi_word_at(const char *s, const char *end, const char *const *words);
/* The word of the list that ends at `end` and starts at or after `text`; 0 when none. */
size_t gi_word_before(const char *text, const char *end, const char *const *words);

#endif
