/* libgovinfo: suppression files — findings a reviewer has looked at and accepted, named by
 * their fingerprints (govinfo_diagnostic_fingerprint), so the decision survives the next run.
 *
 * EXPERIMENTAL: this interface may still change before it is declared stable.
 *
 * A suppression file is YAML:
 *
 *   suppressions:
 *     - fingerprint: 5c0e4b2a9d1f3e77   # required: 16 hex digits
 *       reason: 原文如此印刷，已核实       # required to apply: why the finding is accepted
 *       who: 张三                         # optional
 *       when: 2026-12-07                  # optional
 *       rule: table4.row_total            # optional: then only a finding of that rule matches
 *       file: reports/a.yaml              # optional: then only that report's findings match
 *
 * An entry without `file` applies to every report. `file` matches the name the findings are
 * given under, or one ending in "/" followed by it ("a.yaml" matches "reports/a.yaml"). An
 * entry without a reason (missing or blank) is never applied: govinfo_suppressions_check()
 * reports it (suppression.no_reason, a warning), so nothing is hidden without a stated reason.
 */
#ifndef GOVINFO_SUPPRESS_H
#define GOVINFO_SUPPRESS_H

#include "common.h"
#include "validate.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct govinfo_suppressions govinfo_suppressions;

/* A new empty set in *out (free with govinfo_suppressions_free()); entries come from
 * govinfo_suppressions_add() and the set serializes as a file to start from. */
GOVINFO_API int govinfo_suppressions_new(govinfo_suppressions **out);
/* Parses a suppression file's text[0..len) (`name` names it in errors and findings; NULL:
 * "<suppressions>"). New set in *out. GOVINFO_EPARSE for bad YAML, GOVINFO_ESCHEMA for a
 * document of the wrong shape (an unknown key, a fingerprint that is not 16 hex digits),
 * with file, line, column and JSON Pointer in govinfo_error_last(). */
GOVINFO_API int govinfo_suppressions_parse(govinfo_suppressions **out, const char *text, size_t len,
                                           const char *name);
/* govinfo_suppressions_parse() of a file's contents; GOVINFO_EIO when it cannot be read. */
GOVINFO_API int govinfo_suppressions_load(govinfo_suppressions **out, const char *path);
GOVINFO_API void govinfo_suppressions_free(govinfo_suppressions *set);

/* Entries, in file order. Strings are borrowed from the set; "" when not given. */
GOVINFO_API size_t govinfo_suppressions_count(const govinfo_suppressions *set);
GOVINFO_API const char *govinfo_suppression_fingerprint(const govinfo_suppressions *set,
                                                        size_t index);
GOVINFO_API const char *govinfo_suppression_reason(const govinfo_suppressions *set, size_t index);
GOVINFO_API const char *govinfo_suppression_file(const govinfo_suppressions *set, size_t index);
/* Times the entry hid a finding in govinfo_suppressions_apply() so far. */
GOVINFO_API size_t govinfo_suppression_uses(const govinfo_suppressions *set, size_t index);

/* The findings of one report without those the set suppresses: a new list in *out (free with
 * govinfo_diagnostics_free()) whose govinfo_diagnostics_suppressed() counts the hidden ones.
 * `file` is the name the report goes by for entries with `file` (NULL: the list's own file
 * name). The set counts what it saw and used, atomically: apply may run on several threads
 * at once with one set, as a batch's items come in. */
GOVINFO_API int govinfo_suppressions_apply(govinfo_diagnostics **out, govinfo_suppressions *set,
                                           const govinfo_diagnostics *findings, const char *file);
/* Number of findings a suppression file hid from the list (0 for a list not filtered). */
GOVINFO_API size_t govinfo_diagnostics_suppressed(const govinfo_diagnostics *diagnostics);

/* Findings about the set itself after the apply calls of a run, located in the suppression
 * file: suppression.stale (a note) for each entry that hid nothing although the reports it
 * applies to were checked — the finding was fixed or its values changed, so the entry can
 * go; suppression.no_reason (a warning) for each entry never applied for lack of a reason.
 * New list in *out. */
GOVINFO_API int govinfo_suppressions_check(govinfo_diagnostics **out,
                                           const govinfo_suppressions *set);

/* Appends one entry per finding of the list, with the fingerprint, the rule, `file` (NULL or
 * "": none, the entry applies to every report) and an empty reason for the reviewer to fill
 * in; the file will show the finding as a comment above its entry (flags GOVINFO_FORMAT_EN:
 * in English). Not thread-safe on one set. */
GOVINFO_API int govinfo_suppressions_add(govinfo_suppressions *set,
                                         const govinfo_diagnostics *findings, const char *file,
                                         unsigned flags);
/* The set as a suppression file (YAML, UTF-8) that govinfo_suppressions_parse() reads back.
 * New NUL-terminated string in *out (length in *len if len is not NULL); free with
 * govinfo_free(). */
GOVINFO_API int govinfo_suppressions_serialize(char **out, size_t *len,
                                               const govinfo_suppressions *set);

#ifdef __cplusplus
}
#endif
#endif
