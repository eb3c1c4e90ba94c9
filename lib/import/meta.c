/* The parts of an imported report around its tables: format version, title, organ, year,
 * publication date, section headings, preface and section texts.
 *
 * The format version is recognised by words only one version prints (its table headers and
 * row labels, taken from the format definitions), not by counting cells: a 2021 report may
 * print table 3 with 161 cells like a 2019 one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"

#define KEY_MAX 256

/* The format's titles and labels are NFKC-stable apart from punctuation, which keys leave
 * out. */
static size_t key_of(const char *text, int32_t *key, size_t cap) {
  return gi_label_key(text, strlen(text), key, cap);
}

static bool starts_with(const int32_t *s, size_t n, const int32_t *prefix, size_t np) {
  return np > 0 && n >= np && memcmp(s, prefix, np * sizeof *s) == 0;
}

static bool line_blank(const gi_line *line) {
  return line->kind == GI_LINE_BREAK || line->count == 0;
}

/* ---- the format version ---- */

#define MAX_SIGNATURE 64 /* signature words of all versions */

typedef struct signature_word {
  const struct govinfo_format *format;
  int32_t key[32];
  size_t n;
  bool found;
} signature_word;

/* Bucket of a word starting with code points a, b: one bit of a 64-bit filter. */
static unsigned bigram_bucket(int32_t a, int32_t b) { return (unsigned)(a * 31 + b) & 63u; }

/* The version whose signature words (struct govinfo_format) the text prints most; on a tie,
 * the version of the report year. One pass over the text's letters: a 64-bit filter of the
 * words' first two letters picks the places worth comparing. */
static const struct govinfo_format *detect_format(gi_import *im, int year) {
  signature_word *words = malloc(MAX_SIGNATURE * sizeof *words);
  if (words == NULL) {
    im->status = gi_fail_oom();
    return NULL;
  }
  size_t nwords = 0;
  uint64_t filter = 0;
  for (size_t i = 0; govinfo_format_at(i); i++) {
    const struct govinfo_format *f = govinfo_format_at(i);
    for (const char *const *w = f->signature; w && *w && nwords < MAX_SIGNATURE; w++) {
      signature_word *sw = &words[nwords];
      sw->format = f;
      sw->n = key_of(*w, sw->key, 32);
      sw->found = false;
      if (sw->n < 2) continue;
      filter |= UINT64_C(1) << bigram_bucket(sw->key[0], sw->key[1]);
      nwords++;
    }
  }
  /* the text's letters, all tokens one after the other */
  size_t cap = 1, n = 0;
  for (size_t i = 0; i < im->doc.ntokens; i++) cap += im->doc.tokens[i].nkey;
  int32_t *text = malloc(cap * sizeof *text);
  if (text == NULL) {
    free(words);
    im->status = gi_fail_oom();
    return NULL;
  }
  for (size_t i = 0; i < im->doc.ntokens; i++) {
    memcpy(text + n, im->doc.tokens[i].key, im->doc.tokens[i].nkey * sizeof *text);
    n += im->doc.tokens[i].nkey;
  }
  for (size_t i = 0; i + 1 < n; i++) {
    if (!(filter >> bigram_bucket(text[i], text[i + 1]) & 1)) continue;
    for (size_t w = 0; w < nwords; w++)
      if (!words[w].found && words[w].n <= n - i && words[w].key[0] == text[i] &&
          memcmp(text + i, words[w].key, words[w].n * sizeof *text) == 0)
        words[w].found = true;
  }
  free(text);
  const struct govinfo_format *best = NULL;
  int best_score = 0;
  bool tie = false;
  for (size_t i = 0; govinfo_format_at(i); i++) {
    const struct govinfo_format *f = govinfo_format_at(i);
    int score = 0;
    for (size_t w = 0; w < nwords; w++) score += words[w].format == f && words[w].found;
    if (score > best_score) {
      best = f;
      best_score = score;
      tie = false;
    } else if (score == best_score && score > 0) {
      tie = true;
    }
  }
  free(words);
  if (best && !tie) return best;
  return year ? govinfo_format_for_year(year) : NULL;
}

/* ---- title, year, signature and date ---- */

static int digits_value(const int32_t *k, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; i++) v = v * 10 + (k[i] - '0');
  return v;
}

static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }

/* First year (4 digits followed by 年) in a key, 0 when none. */
static int year_in(const int32_t *k, size_t n, size_t *at) {
  static const int32_t nian = 0x5E74; /* 年 */
  for (size_t i = 0; i + 4 < n; i++)
    if ((i == 0 || !is_digit(k[i - 1])) && is_digit(k[i]) && is_digit(k[i + 1]) &&
        is_digit(k[i + 2]) && is_digit(k[i + 3]) && k[i + 4] == nian) {
      int y = digits_value(k + i, 4);
      if (y >= 1990 && y <= 2200) {
        if (at) *at = i;
        return y;
      }
    }
  return 0;
}

/* Value of Chinese numerals as written in dates: 二〇二一, 十五, 二十三. -1 if not. */
static int chinese_number(const int32_t *k, size_t n, bool positional) {
  static const int32_t digits[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                   0x516D, 0x4E03, 0x516B, 0x4E5D}; /* 〇一二三四五六七八九 */
  int v = 0, cur = -1;
  if (n == 0) return -1;
  for (size_t i = 0; i < n; i++) {
    int d = -1;
    for (int j = 0; j < 10; j++)
      if (k[i] == digits[j] || (j == 0 && k[i] == 0x96F6)) d = j;
    if (d >= 0) {
      if (positional) v = v * 10 + d;
      else cur = d;
    } else if (k[i] == 0x5341 && !positional) { /* 十 */
      v += (cur < 0 ? 1 : cur) * 10;
      cur = -1;
    } else {
      return -1;
    }
  }
  return positional ? v : v + (cur < 0 ? 0 : cur);
}

/* A line that is only a date: 2021年1月15日 or 二〇二一年一月十五日; writes YYYY-MM-DD. */
static bool parse_date(const int32_t *k, size_t n, char out[11]) {
  size_t pos[3], np = 0;
  static const int32_t marks[3] = {0x5E74, 0x6708, 0x65E5}; /* 年 月 日 */
  for (size_t i = 0; i < n && np < 3; i++)
    if (k[i] == marks[np]) pos[np++] = i;
  if (np != 3 || pos[2] != n - 1) return false;
  int part[3];
  size_t start = 0;
  for (int p = 0; p < 3; p++) {
    size_t len = pos[p] - start;
    bool arabic = len > 0;
    for (size_t i = start; i < pos[p]; i++) arabic = arabic && is_digit(k[i]);
    part[p] =
        arabic && len <= 4 ? digits_value(k + start, len) : chinese_number(k + start, len, p == 0);
    if (part[p] < 0) return false;
    start = pos[p] + 1;
  }
  if (part[0] > 9999 || part[1] > 12 || part[2] > 31) return false;
  out[0] = (char)('0' + part[0] / 1000), out[1] = (char)('0' + part[0] / 100 % 10);
  out[2] = (char)('0' + part[0] / 10 % 10), out[3] = (char)('0' + part[0] % 10);
  out[4] = '-', out[5] = (char)('0' + part[1] / 10), out[6] = (char)('0' + part[1] % 10);
  out[7] = '-', out[8] = (char)('0' + part[2] / 10), out[9] = (char)('0' + part[2] % 10);
  out[10] = '\0';
  if (gi_check_date(out) == 0) return true;
  out[0] = '\0'; /* "2021 年 0 月 15 日" is no date: nothing may look like one */
  return false;
}

/* ---- section headings ---- */

#define MAX_TITLES 32 /* official titles and variants of one version */

typedef struct title_key {
  size_t section, n;
  int32_t key[64]; /* a title has fewer letters */
} title_key;

/* A heading is a text line that starts with a section's official title or a known variant
 * (compared by letters and digits), in order; table 3's row 三、本年度办理结果 is none. */
static void find_headings(gi_import *im) {
  const struct govinfo_format *f = im->format;
  title_key *titles = malloc(MAX_TITLES * sizeof *titles);
  if (titles == NULL) {
    im->status = gi_fail_oom();
    return;
  }
  size_t ntitles = 0;
  for (size_t s = 0; s < f->nsections; s++) {
    im->heading[s] = GI_NO_LINE;
    const struct govinfo_section_def *def = &f->sections[s];
    if (ntitles < MAX_TITLES) {
      titles[ntitles].section = s;
      titles[ntitles].n = key_of(def->title, titles[ntitles].key, 64);
      ntitles++;
    }
    for (const char *const *v = def->variants; *v && ntitles < MAX_TITLES; v++, ntitles++) {
      titles[ntitles].section = s;
      titles[ntitles].n = key_of(*v, titles[ntitles].key, 64);
    }
  }
  /* most lines are not headings: their first letter starts no title (a 64-bit filter) */
  uint64_t first_letters = 0;
  for (size_t k = 0; k < ntitles; k++)
    if (titles[k].n > 0) first_letters |= UINT64_C(1) << ((unsigned)titles[k].key[0] & 63u);
  size_t next = 0;
  for (size_t l = im->title_end; l < im->body_end && next < f->nsections; l++) {
    const gi_line *line = &im->doc.lines[l];
    if (line->kind != GI_LINE_TEXT || line->count == 0) continue;
    const gi_token *head = &im->doc.tokens[line->first];
    if (head->nkey == 0 || !(first_letters >> ((unsigned)head->key[0] & 63u) & 1)) continue;
    int32_t key[KEY_MAX];
    size_t n = gi_doc_line_key(&im->doc, l, key, KEY_MAX);
    if (n == 0) continue;
    for (size_t k = 0; k < ntitles; k++) {
      if (titles[k].section < next || !starts_with(key, n, titles[k].key, titles[k].n)) continue;
      im->heading[titles[k].section] = l;
      next = titles[k].section + 1;
      break;
    }
  }
  free(titles);
}

/* ---- detection ---- */

static size_t first_heading(const gi_import *im) {
  for (size_t s = 0; s < im->format->nsections; s++)
    if (im->heading[s] != GI_NO_LINE) return im->heading[s];
  return im->body_end;
}

/* A page's <title> is often repeated in its <h1>: the copy belongs to the title, not to the
 * preface. Moves title_end past lines that together say the title again. */
static void skip_repeated_title(gi_import *im) {
  int32_t title[KEY_MAX], again[KEY_MAX];
  size_t nt = 0, na = 0;
  for (size_t l = 0; l < im->title_end; l++)
    nt += gi_doc_line_key(&im->doc, l, title + nt, KEY_MAX - nt);
  for (size_t l = im->title_end; l < im->doc.nlines && na < nt; l++) {
    if (line_blank(&im->doc.lines[l])) continue;
    na += gi_doc_line_key(&im->doc, l, again + na, KEY_MAX - na);
    if (na == nt && memcmp(title, again, nt * sizeof *title) == 0) {
      im->title_end = l + 1;
      return;
    }
    if (na > nt || memcmp(title, again, na * sizeof *title) != 0) return;
  }
}

/* The title: the opening lines up to the one that says 年度报告. */
static void find_title(gi_import *im) {
  static const int32_t report[] = {0x5E74, 0x5EA6, 0x62A5, 0x544A}; /* 年度报告 */
  size_t seen = 0;
  im->title_lines = im->title_end = 0;
  if (im->header_title != GI_NO_LINE) { /* the crawler's header gives it */
    size_t l = im->header_end;
    while (l < im->doc.nlines && line_blank(&im->doc.lines[l])) l++;
    /* the site's navigation before the report */
    static const int32_t nav[] = {0x5F53, 0x524D, 0x4F4D, 0x7F6E}; /* 当前位置 */
    int32_t key[KEY_MAX];
    size_t n = l < im->doc.nlines ? gi_doc_line_key(&im->doc, l, key, KEY_MAX) : 0;
    im->title_end = n >= 4 && memcmp(key, nav, sizeof nav) == 0 ? l + 1 : im->header_end;
    return;
  }
  for (size_t l = 0; l < im->doc.nlines && seen < 6; l++) {
    if (line_blank(&im->doc.lines[l])) continue;
    seen++;
    int32_t key[KEY_MAX];
    size_t n = gi_doc_line_key(&im->doc, l, key, KEY_MAX);
    if (gi_key_contains(key, n, report, 4)) {
      im->title_lines = im->title_end = l + 1;
      skip_repeated_title(im);
      return;
    }
  }
}

/* Links a page prints after the report: "附件下载". */
static bool is_site_chrome(const int32_t *k, size_t n) {
  static const int32_t attachments[] = {0x9644, 0x4EF6, 0x4E0B, 0x8F7D}; /* 附件下载 */
  return n == 4 && memcmp(k, attachments, sizeof attachments) == 0;
}

/* Signature and date after the last section: "绥滨镇人民政府 / 2021 年 1 月 15 日". */
static void find_signature(gi_import *im, char date[11], size_t *organ_line) {
  date[0] = '\0';
  *organ_line = GI_NO_LINE;
  im->body_end = im->doc.nlines;
  size_t l = im->doc.nlines;
  int32_t key[KEY_MAX];
  size_t n = 0;
  for (;;) { /* the last line, past blank lines and a page's "附件下载" link */
    while (l > im->header_end && line_blank(&im->doc.lines[l - 1])) l--;
    if (l <= im->header_end || im->doc.lines[l - 1].kind != GI_LINE_TEXT) return;
    n = gi_doc_line_key(&im->doc, l - 1, key, KEY_MAX);
    if (!is_site_chrome(key, n)) break;
    l--;
  }
  if (!parse_date(key, n, date)) return;
  im->body_end = --l;
  while (l > 0 && line_blank(&im->doc.lines[l - 1])) l--;
  if (l == 0 || im->doc.lines[l - 1].kind != GI_LINE_TEXT) return;
  const gi_line *line = &im->doc.lines[l - 1];
  n = gi_doc_line_key(&im->doc, l - 1, key, KEY_MAX);
  bool sentence = strstr(line->raw, "。") || strstr(line->raw, "，") || strstr(line->raw, ",");
  if (n > 0 && n <= 40 && !sentence) {
    *organ_line = l - 1;
    im->body_end = l - 1;
  }
}

/* Trimmed copy of a line's raw text. */
static char *trimmed(const gi_line *line) {
  size_t i = 0, j = line->raw_len;
  const char *s = line->raw;
  for (;;) {
    if (i < j && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) i++;
    else if (j - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0) i += 3; /* U+3000 */
    else break;
  }
  for (;;) {
    if (j > i && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\r')) j--;
    else if (j - i >= 3 && memcmp(s + j - 3, "\xE3\x80\x80", 3) == 0) j -= 3;
    else break;
  }
  return gi_strndup(s + i, j - i);
}

static void metadata_missing(gi_import *im, const char *what_zh, const char *what_en,
                             const char *pointer) {
  char zh[256], en[256];
  snprintf(zh, sizeof zh, "未能从文本中找到%s", what_zh);
  snprintf(en, sizeof en, "the %s was not found in the text", what_en);
  const char *paths[1] = {pointer};
  gi_import_finding(im, GI_RULE_IMPORT_METADATA_MISSING, (gi_loc){1, 1}, paths, 1, zh, en);
}

static void set_meta(gi_import *im, gi_meta which, char *value, gi_loc loc) {
  if (value == NULL) {
    im->status = gi_fail_oom();
    return;
  }
  if (gi_report_take_meta(im->report, which, value) != GOVINFO_OK) {
    im->status = GOVINFO_ENOMEM;
    return;
  }
  im->report->meta_loc[which] = loc;
}

/* Joins the raw text of lines [from, to) into paragraphs: a paragraph starts on an indented
 * line or at a numbered item such as （一）; page breaks and blank lines are dropped. */
static char *join_lines(const gi_import *im, size_t from, size_t to) {
  gi_buf b = {0};
  gi_buf_append(&b, "", 0);
  bool started = false;
  for (size_t l = from; l < to; l++) {
    const gi_line *line = &im->doc.lines[l];
    if (line_blank(line) || line->kind != GI_LINE_TEXT) continue;
    char *text = trimmed(line);
    if (text == NULL) {
      gi_buf_free(&b);
      return NULL;
    }
    bool indented = line->raw_len >= 2 &&
                    (memcmp(line->raw, "  ", 2) == 0 || memcmp(line->raw, "\xE3\x80\x80", 3) == 0);
    bool numbered = strncmp(text, "（", 3) == 0 || strncmp(text, "(", 1) == 0;
    if (started && (indented || numbered)) gi_buf_append(&b, "\n", 1);
    gi_buf_puts(&b, text);
    started = true;
    free(text);
  }
  char *out = NULL;
  size_t len;
  if (gi_buf_finish(&b, &out, &len) != GOVINFO_OK) return NULL;
  return out;
}

/* The title's letters and digits (the crawler header's 标题, else the title lines) and the
 * report year in them; returns their count. */
static size_t title_letters(const gi_import *im, int32_t *key, size_t cap, int *year,
                            size_t *year_at) {
  size_t n = 0;
  if (im->header_title != GI_NO_LINE) {
    char *value = gi_header_value(im, im->header_title);
    if (value) n = gi_label_key(value, strlen(value), key, cap);
    free(value);
  } else {
    for (size_t l = 0; l < im->title_end; l++) n += gi_doc_line_key(&im->doc, l, key + n, cap - n);
  }
  *year_at = 0;
  *year = year_in(key, n, year_at);
  return n;
}

/* The value of a crawler header line into meta `which`; false when it is empty. */
static bool header_meta(gi_import *im, size_t line, gi_meta which) {
  if (line == GI_NO_LINE) return false;
  char *value = gi_header_value(im, line);
  if (value == NULL) {
    im->status = gi_fail_oom();
    return false;
  }
  if (which == GI_META_PUBLISHED) { /* "2020-01-09 09:49": the date */
    bool date = strlen(value) >= 10 && (value[10] == '\0' || value[10] == ' ');
    if (date) value[10] = '\0';
    if (!date || gi_check_date(value) != 0) value[0] = '\0';
  }
  if (value[0] == '\0') {
    free(value);
    return false;
  }
  set_meta(im, which, value, im->doc.lines[line].loc);
  return true;
}

int gi_import_detect(gi_import *im) {
  char date[11];
  size_t organ_line;
  gi_import_header(im);
  find_signature(im, date, &organ_line);
  find_title(im);
  int32_t key[KEY_MAX * 2];
  int year;
  size_t year_at;
  size_t n = title_letters(im, key, KEY_MAX * 2, &year, &year_at);
  im->format = detect_format(im, year);
  if (im->status != GOVINFO_OK) return im->status;
  if (im->format == NULL)
    return gi_fail_at(GOVINFO_EPARSE, im->source, (gi_loc){1, 1}, 0, NULL,
                      "not recognisably a 政府信息公开工作年度报告: no format version's table "
                      "headings and no report year were found");
  int rc = gi_import_reflow(im); /* a body run together into one line: cut into lines */
  if (rc != GOVINFO_OK) return rc;
  if (im->glued) {
    find_signature(im, date, &organ_line);
    find_title(im);
    n = title_letters(im, key, KEY_MAX * 2, &year, &year_at);
  }
  find_headings(im);
  bool any_heading = false;
  for (size_t s = 0; s < im->format->nsections; s++) any_heading |= im->heading[s] != GI_NO_LINE;
  if (!any_heading && year == 0)
    return gi_fail_at(GOVINFO_EPARSE, im->source, (gi_loc){1, 1}, 0, NULL,
                      "not recognisably a 政府信息公开工作年度报告: no section headings and no "
                      "report year were found");
  rc = govinfo_report_new(&im->report, govinfo_format_id(im->format));
  if (rc != GOVINFO_OK) return rc;
  if (gi_report_set_origin(im->report, im->source) != GOVINFO_OK)
    return im->status = GOVINFO_ENOMEM;
  size_t first = 0;
  while (first < im->doc.nlines && line_blank(&im->doc.lines[first])) first++;
  /* Title, year, organ. */
  if (header_meta(im, im->header_title, GI_META_TITLE)) {
  } else if (im->title_end > 0 && first < im->title_lines) {
    gi_buf b = {0};
    for (size_t l = first; l < im->title_lines; l++) {
      char *t = trimmed(&im->doc.lines[l]);
      if (t) gi_buf_puts(&b, t);
      else b.failed = true;
      free(t);
    }
    char *title = NULL;
    size_t len;
    if (gi_buf_finish(&b, &title, &len) != GOVINFO_OK) return im->status = GOVINFO_ENOMEM;
    set_meta(im, GI_META_TITLE, title, im->doc.lines[first].loc);
  } else {
    metadata_missing(im, "标题（……年度报告）", "title (…年度报告)", "/title");
  }
  if (year) {
    govinfo_report_set_year(im->report, year);
  } else {
    metadata_missing(im, "报告年度", "report year", "/year");
  }
  if (header_meta(im, im->header_organ, GI_META_ORGAN)) {
  } else if (organ_line != GI_NO_LINE) {
    set_meta(im, GI_META_ORGAN, trimmed(&im->doc.lines[organ_line]), im->doc.lines[organ_line].loc);
  } else if (year && year_at > 0) {
    /* the title names the organ before the year: "洪泽区人民政府2023 年…" */
    gi_buf b = {0};
    for (size_t i = 0; i < year_at; i++) {
      char u[4];
      gi_buf_append(&b, u, gi_utf8_put(key[i], u));
    }
    char *organ = NULL;
    size_t len;
    if (gi_buf_finish(&b, &organ, &len) != GOVINFO_OK) return im->status = GOVINFO_ENOMEM;
    size_t at = im->header_title != GI_NO_LINE ? im->header_title : first;
    set_meta(im, GI_META_ORGAN, organ, im->doc.lines[at].loc);
  } else {
    metadata_missing(im, "发布机关", "issuing organ", "/organ");
  }
  (void)n;
  if (header_meta(im, im->header_published, GI_META_PUBLISHED)) {
  } else if (date[0]) {
    set_meta(im, GI_META_PUBLISHED, gi_strdup(date), im->doc.lines[im->body_end].loc);
  } else {
    metadata_missing(im, "发布日期", "publication date", "/published");
  }
  header_meta(im, im->header_source, GI_META_SOURCE);
  return im->status;
}

/* A line made only of a piece of some table's label, header or caption ("已获取信息",
 * "（六）其他处理"): reading-order text prints labels after their figures. */
typedef struct vocabulary {
  int32_t *key; /* the keys of every label, header and caption, -1 between two */
  size_t n;
} vocabulary;

static bool vocabulary_make(const struct govinfo_format *f, vocabulary *v) {
  size_t cap = 1;
  for (size_t t = 0; t < f->ntables; t++) {
    const struct govinfo_table *def = &f->tables[t];
    cap += strlen(def->title) + 1;
    for (size_t i = 0; i < def->nrows; i++) cap += strlen(def->rows[i].label) + 1;
    for (size_t i = 0; i < def->ncolumns; i++) cap += strlen(def->columns[i].label) + 1;
  }
  v->n = 0;
  v->key = malloc(cap * sizeof *v->key);
  if (v->key == NULL) return false;
  for (size_t t = 0; t < f->ntables; t++) {
    const struct govinfo_table *def = &f->tables[t];
    for (size_t i = 0; i < def->nrows + def->ncolumns + 1; i++) {
      const char *text = i < def->nrows                   ? def->rows[i].label
                         : i < def->nrows + def->ncolumns ? def->columns[i - def->nrows].label
                                                          : def->title;
      v->n += key_of(text, v->key + v->n, cap - v->n - 1);
      v->key[v->n++] = -1;
    }
  }
  return true;
}

static bool is_table_words(const gi_import *im, const vocabulary *v, size_t l) {
  const gi_line *line = &im->doc.lines[l];
  if (line->kind != GI_LINE_TEXT) return false;
  int32_t key[KEY_MAX];
  size_t n = gi_doc_line_key(&im->doc, l, key, KEY_MAX);
  return n == 0 || gi_key_contains(v->key, v->n, key, n);
}

/* The text of section s, printed on lines (h, end), less its tables: from their first line
 * to their last value, and the table words reading-order text prints after them. A section
 * whose tables gave no value keeps all its text: nothing is lost. */
static char *section_text(const gi_import *im, size_t s, size_t h, size_t end,
                          const vocabulary *v) {
  size_t from = im->table_start[s], to = im->table_end[s];
  if (from == GI_NO_LINE || to == GI_NO_LINE || from >= end) return join_lines(im, h + 1, end);
  size_t after = to + 1;
  while (after < end && is_table_words(im, v, after)) after++;
  char *before = join_lines(im, h + 1, from);
  char *rest = join_lines(im, after, end);
  if (before == NULL || rest == NULL) {
    free(before), free(rest);
    return NULL;
  }
  if (rest[0] == '\0') {
    free(rest);
    return before;
  }
  if (before[0] == '\0') {
    free(before);
    return rest;
  }
  size_t a = strlen(before), b = strlen(rest);
  char *text = malloc(a + b + 2);
  if (text) {
    memcpy(text, before, a);
    text[a] = '\n';
    memcpy(text + a + 1, rest, b);
    text[a + 1 + b] = '\0';
  }
  free(before);
  free(rest);
  return text;
}

void gi_import_text(gi_import *im) {
  const struct govinfo_format *f = im->format;
  vocabulary words;
  if (!vocabulary_make(f, &words)) {
    im->status = gi_fail_oom();
    return;
  }
  size_t start = first_heading(im);
  if (start > im->title_end) {
    char *preface = join_lines(im, im->title_end, start);
    if (preface && preface[0])
      set_meta(im, GI_META_PREFACE, preface, im->doc.lines[im->title_end].loc);
    else if (preface) free(preface);
    else im->status = gi_fail_oom();
  }
  for (size_t s = 0; s < f->nsections && im->status == GOVINFO_OK; s++) {
    size_t h = im->heading[s];
    if (h == GI_NO_LINE) continue;
    size_t end = im->body_end;
    for (size_t k = s + 1; k < f->nsections; k++)
      if (im->heading[k] != GI_NO_LINE) {
        end = im->heading[k];
        break;
      }
    char *text = section_text(im, s, h, end, &words);
    char *title = trimmed(&im->doc.lines[h]);
    if (text == NULL || title == NULL) {
      free(text), free(title);
      im->status = gi_fail_oom();
      break;
    }
    if (gi_report_take_section(im->report, s, title, text, im->doc.lines[h].loc) != GOVINFO_OK)
      im->status = GOVINFO_ENOMEM;
  }
  free(words.key);
}
