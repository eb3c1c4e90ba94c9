/* libgovinfo: checks across reports — two years of one body compared, a corpus of reports
 * paired by body and year, and the reports of several bodies summed.
 *
 * EXPERIMENTAL: every type and function of this header may still change before 1.0 (see
 * docs/api-stability.md). The findings use the rules of scope "across reports" of the
 * registry (year.*, sum.*): `govinfo rules` lists them with the others.
 */
#ifndef GOVINFO_ANALYSIS_H
#define GOVINFO_ANALYSIS_H

#include "common.h"
#include "report.h"
#include "validate.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- two years of one body ---- */

typedef struct govinfo_comparison govinfo_comparison;

/* EXPERIMENTAL. Options of govinfo_compare(). Start from GOVINFO_COMPARE_OPTIONS_INIT or
 * govinfo_compare_options_init(): later versions append fields. */
typedef struct govinfo_compare_options {
  unsigned version; /* GOVINFO_COMPARE_OPTIONS_VERSION */
  unsigned flags;   /* none defined yet: 0 */
  /* Text reuse: a character of this year's text counts as reused when it lies in a run of at
   * least reuse_min_run characters (after normalisation) that last year's text of the same
   * section also has. */
  unsigned reuse_min_run;
  /* year.text_reuse when more than reuse_percent % of a section's text is reused, for the
   * sections listed (ids, NULL-terminated; NULL: sections 一 and 五, "s1" and "s5"). */
  unsigned reuse_percent;
  const char *const *reuse_sections;
  /* year.jump when a key figure (received, handled, reviews, lawsuits) grows more than
   * jump_factor times or falls under 1/jump_factor of last year's, which is at least
   * jump_min_base. */
  unsigned jump_factor;
  unsigned jump_min_base;
} govinfo_compare_options;

#define GOVINFO_COMPARE_OPTIONS_VERSION 1
#define GOVINFO_COMPARE_OPTIONS_INIT                                                               \
  { GOVINFO_COMPARE_OPTIONS_VERSION, 0, 20, 50, NULL, 5, 10 }

/* Fills *opts with the defaults of that version. GOVINFO_EINVAL for an unknown version. */
GOVINFO_API int govinfo_compare_options_init(govinfo_compare_options *opts, unsigned version);

/* EXPERIMENTAL. Compares a body's report with its report of the year before: the cross-year
 * identities of their two format versions (year.carry_over, year.documents; a 2020 report in
 * the 2019 format followed by a 2021 report works), text reused section by section
 * (year.text_reuse) and jumps of key figures (year.jump). current's year must follow last's
 * (GOVINFO_EINVAL otherwise); which bodies they belong to is the caller's business (see
 * govinfo_pairing_new). opts NULL means the defaults; GOVINFO_EINVAL for options out of range
 * (reuse_min_run 0, reuse_percent over 100, jump_factor under 2), GOVINFO_ENOTFOUND for an
 * unknown section id. New comparison in *out (the reports are not kept); free it with
 * govinfo_comparison_free(). */
GOVINFO_API int govinfo_compare(govinfo_comparison **out, const govinfo_report *last,
                                const govinfo_report *current, const govinfo_compare_options *opts);
GOVINFO_API void govinfo_comparison_free(govinfo_comparison *comparison);

/* The findings (year.*), borrowed from the comparison. They are located in the current
 * report (its origin is their file); the values and the file of last year's report are in
 * their messages and, for identities, their expected value. */
GOVINFO_API const govinfo_diagnostics *
govinfo_comparison_findings(const govinfo_comparison *comparison);

/* Text reuse of each section of the current report, in its order: its id (static), the
 * characters of its text after normalisation (full-width forms folded, whitespace dropped,
 * each run of digits one character) and how many of them are reused. Out of range: NULL
 * and 0. */
GOVINFO_API size_t govinfo_comparison_section_count(const govinfo_comparison *comparison);
GOVINFO_API const char *govinfo_comparison_section_id(const govinfo_comparison *comparison,
                                                      size_t index);
GOVINFO_API size_t govinfo_comparison_section_chars(const govinfo_comparison *comparison,
                                                    size_t index);
GOVINFO_API size_t govinfo_comparison_section_reused(const govinfo_comparison *comparison,
                                                     size_t index);

/* The comparison as one JSON object: {"last": file, "this": file, "years": [Y-1, Y],
 * "reuse": [{"section", "chars", "reused", "share"}], then the members of
 * govinfo_diagnostics_to_json ("valid", "errors", ..., "diagnostics")}. New string in *out
 * (length in *len if len is not NULL); free with govinfo_free(). */
GOVINFO_API int govinfo_comparison_to_json(char **out, size_t *len,
                                           const govinfo_comparison *comparison);

/* ---- pairing a corpus ---- */

typedef struct govinfo_pairing govinfo_pairing;

/* EXPERIMENTAL. Options of govinfo_pairing_new(); none but the version yet. */
typedef struct govinfo_pairing_options {
  unsigned version; /* GOVINFO_PAIRING_OPTIONS_VERSION */
  unsigned flags;   /* none defined yet: 0 */
} govinfo_pairing_options;

#define GOVINFO_PAIRING_OPTIONS_VERSION 1
#define GOVINFO_PAIRING_OPTIONS_INIT                                                               \
  { GOVINFO_PAIRING_OPTIONS_VERSION, 0 }

GOVINFO_API int govinfo_pairing_options_init(govinfo_pairing_options *opts, unsigned version);

/* EXPERIMENTAL. Pairs the n reports by body and consecutive years. Bodies are matched by
 * their organ after normalisation: full-width forms folded, whitespace dropped and leading
 * region names removed while what is left still names a place (淮安市洪泽区人民政府 =
 * 洪泽区人民政府, but 淮安市人民政府 stays itself). Two years are paired when the body has
 * exactly one report in each; when a year has several, or the region names removed
 * disagree (淮安市… and 宿迁市…), the reports involved form an ambiguous group and nothing is
 * guessed. Indices refer to `reports`, which are not kept. New pairing in *out; free with
 * govinfo_pairing_free(). */
GOVINFO_API int govinfo_pairing_new(govinfo_pairing **out, const govinfo_report *const *reports,
                                    size_t n, const govinfo_pairing_options *opts);
GOVINFO_API void govinfo_pairing_free(govinfo_pairing *pairing);

/* Pairs in the order of their bodies, then years: the indices of last year's report and of
 * the current one. GOVINFO_EINVAL out of range. */
GOVINFO_API size_t govinfo_pairing_pair_count(const govinfo_pairing *pairing);
GOVINFO_API int govinfo_pairing_pair_at(const govinfo_pairing *pairing, size_t index, size_t *last,
                                        size_t *current);
/* Ambiguous groups: their members (indices, in input order); SIZE_MAX out of range. */
GOVINFO_API size_t govinfo_pairing_ambiguous_count(const govinfo_pairing *pairing);
GOVINFO_API size_t govinfo_pairing_ambiguous_size(const govinfo_pairing *pairing, size_t group);
GOVINFO_API size_t govinfo_pairing_ambiguous_member(const govinfo_pairing *pairing, size_t group,
                                                    size_t k);
/* Reports in no pair and no ambiguous group, in input order; SIZE_MAX out of range. */
GOVINFO_API size_t govinfo_pairing_unpaired_count(const govinfo_pairing *pairing);
GOVINFO_API size_t govinfo_pairing_unpaired_at(const govinfo_pairing *pairing, size_t index);
/* The body a report was paired by (its organ, normalised), borrowed from the pairing; NULL
 * when the report names no organ or the index is out of range. */
GOVINFO_API const char *govinfo_pairing_body(const govinfo_pairing *pairing, size_t report);

/* ---- summing bodies ---- */

/* A blank cell of a part counts as 0 (by default it leaves the sum's cell absent). */
#define GOVINFO_SUM_BLANK_AS_ZERO 0x1u

/* EXPERIMENTAL. Options of govinfo_sum(). */
typedef struct govinfo_sum_options {
  unsigned version;  /* GOVINFO_SUM_OPTIONS_VERSION */
  unsigned flags;    /* GOVINFO_SUM_* */
  const char *organ; /* the organ of the sum, NULL for none */
} govinfo_sum_options;

#define GOVINFO_SUM_OPTIONS_VERSION 1
#define GOVINFO_SUM_OPTIONS_INIT                                                                   \
  { GOVINFO_SUM_OPTIONS_VERSION, 0, NULL }

GOVINFO_API int govinfo_sum_options_init(govinfo_sum_options *opts, unsigned version);

/* EXPERIMENTAL. Sums n >= 1 reports of one format version and one year into a new report of
 * that version and year whose cells are the sums (exact decimals: money keeps its places).
 * A cell that is blank, a mark or absent in any part is absent in the sum, with a sum.absent
 * finding naming the parts that lack it (GOVINFO_SUM_BLANK_AS_ZERO: blank counts as 0). A
 * group row that a part prints as one figure (layout.group_row) is summed as a group, its
 * sub-rows left absent. The sum has the six sections with their official titles and no text,
 * a preface naming the parts, and the organ of the options. Parts of different format
 * versions or years, or without a year: GOVINFO_EINVAL naming them. New report in *out, new
 * findings in *findings (located in the parts); free them with govinfo_report_free() and
 * govinfo_diagnostics_free(). */
GOVINFO_API int govinfo_sum(govinfo_report **out, govinfo_diagnostics **findings,
                            const govinfo_report *const *parts, size_t n,
                            const govinfo_sum_options *opts);

/* EXPERIMENTAL. Compares a report as printed (a city's own) with the sum of its parts, cell
 * by cell: a sum.differs note, located in `parent`, wherever both give a figure and the
 * figures differ (expected: the sum's, actual: the parent's). Same format version and year
 * or GOVINFO_EINVAL. New findings in *out; free with govinfo_diagnostics_free(). */
GOVINFO_API int govinfo_sum_against(govinfo_diagnostics **out, const govinfo_report *parent,
                                    const govinfo_report *sum);

#ifdef __cplusplus
}
#endif
#endif
