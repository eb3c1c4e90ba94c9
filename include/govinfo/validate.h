/* libgovinfo: validation and the registry of rules.
 *
 * Validation is data, not failure: govinfo_report_validate() returns 0 and the full list of
 * findings, whatever the report holds. A negative return means the check itself could not
 * run (out of memory, NULL argument).
 */
#ifndef GOVINFO_VALIDATE_H
#define GOVINFO_VALIDATE_H

#include "common.h"
#include "format.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum govinfo_severity {
  GOVINFO_SEVERITY_NOTE = 0,
  GOVINFO_SEVERITY_WARNING = 1,
  GOVINFO_SEVERITY_ERROR = 2
} govinfo_severity;

typedef struct govinfo_rule govinfo_rule;
typedef struct govinfo_diagnostics govinfo_diagnostics;
typedef struct govinfo_diagnostic govinfo_diagnostic;

/* The rules, static. Ids are stable and never reused. */
GOVINFO_API size_t govinfo_rule_count(void);
GOVINFO_API const govinfo_rule *govinfo_rule_at(size_t index);
GOVINFO_API const govinfo_rule *govinfo_rule_find(const char *id); /* NULL: GOVINFO_ENOTFOUND */
GOVINFO_API const char *govinfo_rule_id(const govinfo_rule *rule);
GOVINFO_API govinfo_severity govinfo_rule_severity(const govinfo_rule *rule);
GOVINFO_API const char *govinfo_rule_description(const govinfo_rule *rule);    /* Chinese */
GOVINFO_API const char *govinfo_rule_description_en(const govinfo_rule *rule); /* English */
/* 1 when the validator applies the rule to reports of that format version; for the rules
 * found across reports (year.*, sum.*, see analysis.h), when those checks apply it to reports
 * of that version. */
GOVINFO_API int govinfo_rule_applies_to(const govinfo_rule *rule, const govinfo_format *format);

/* "error", "warning", "note" (static). */
GOVINFO_API const char *govinfo_severity_name(govinfo_severity severity);

/* Checks the report against every rule of its format. New list in *out, free with
 * govinfo_diagnostics_free(). Findings are ordered by rule registry order, then table,
 * row and column order. */
GOVINFO_API int govinfo_report_validate(govinfo_diagnostics **out, const govinfo_report *report);

/* Options of govinfo_report_validate_with(). Start from GOVINFO_VALIDATE_OPTIONS_INIT or
 * govinfo_validate_options_init() and set what you need: later versions append fields, and
 * `version` tells the library which ones the caller knows. */
typedef struct govinfo_validate_options {
  unsigned version; /* GOVINFO_VALIDATE_OPTIONS_VERSION */
  unsigned flags;   /* GOVINFO_VALIDATE_* flags, 0 for none */
  /* Rule ids, each list NULL-terminated, or NULL. With `enable`, only those rules run; the
   * rules of `disable` never run. An unknown id: GOVINFO_ENOTFOUND, with a suggestion. */
  const char *const *enable;
  const char *const *disable;
} govinfo_validate_options;

/* EXPERIMENTAL: strict checking, for staff before they publish: every warning is reported
 * as an error (so it counts against validity), as a compiler's -Werror does. */
#define GOVINFO_VALIDATE_STRICT 0x1u

#define GOVINFO_VALIDATE_OPTIONS_VERSION 1
#define GOVINFO_VALIDATE_OPTIONS_INIT                                                              \
  { GOVINFO_VALIDATE_OPTIONS_VERSION, 0, NULL, NULL }

/* Fills *opts with the defaults of that version (GOVINFO_VALIDATE_OPTIONS_VERSION).
 * GOVINFO_EINVAL for a version this library does not know. */
GOVINFO_API int govinfo_validate_options_init(govinfo_validate_options *opts, unsigned version);
/* govinfo_report_validate() with options; opts NULL means the defaults. */
GOVINFO_API int govinfo_report_validate_with(govinfo_diagnostics **out,
                                             const govinfo_report *report,
                                             const govinfo_validate_options *opts);
GOVINFO_API void govinfo_diagnostics_free(govinfo_diagnostics *diagnostics);
GOVINFO_API size_t govinfo_diagnostics_count(const govinfo_diagnostics *diagnostics);
/* Borrowed from the list; NULL out of range. */
GOVINFO_API const govinfo_diagnostic *govinfo_diagnostics_at(const govinfo_diagnostics *diagnostics,
                                                             size_t index);
GOVINFO_API size_t govinfo_diagnostics_count_severity(const govinfo_diagnostics *diagnostics,
                                                      govinfo_severity severity);
/* The list as one JSON object: {"valid": bool, "errors": N, "warnings": N, "notes": N,
 * "suppressed": N, "diagnostics": [...]}; each diagnostic has rule, severity, paths, message,
 * message_en, expected, actual (null when not arithmetic), file, line, column (null when
 * unknown) and fingerprint. "suppressed" counts the findings a suppression file hid
 * (govinfo_suppressions_apply), 0 otherwise.
 * New string in *out (NUL-terminated, length in *len if len is not NULL); free with
 * govinfo_free(). */
GOVINFO_API int govinfo_diagnostics_to_json(char **out, size_t *len,
                                            const govinfo_diagnostics *diagnostics);

/* One finding as one clang-style line, the way the CLI prints it:
 * "file:line:column: severity: message [rule]" (flags GOVINFO_FORMAT_*: English, no
 * location; GOVINFO_FORMAT_LONG appends " {fingerprint}"). `file` names the input in place of the
 * finding's own file (NULL: its own;
 * "<input>" when both are empty and a line is known). New NUL-terminated string in *out
 * (length in *len if len is not NULL); free it with govinfo_free(). */
GOVINFO_API int govinfo_diagnostic_format(char **out, size_t *len,
                                          const govinfo_diagnostic *diagnostic, const char *file,
                                          unsigned flags);

/* Accessors of one finding; strings are borrowed from the list. */
GOVINFO_API const char *govinfo_diagnostic_rule(const govinfo_diagnostic *diagnostic);
GOVINFO_API govinfo_severity govinfo_diagnostic_severity(const govinfo_diagnostic *diagnostic);
GOVINFO_API const char *govinfo_diagnostic_message(const govinfo_diagnostic *diagnostic); /* zh */
GOVINFO_API const char *govinfo_diagnostic_message_en(const govinfo_diagnostic *diagnostic);
/* JSON Pointers of the cells or fields involved; the first is where the finding is located. */
GOVINFO_API size_t govinfo_diagnostic_path_count(const govinfo_diagnostic *diagnostic);
GOVINFO_API const char *govinfo_diagnostic_path_at(const govinfo_diagnostic *diagnostic,
                                                   size_t index);
/* Exact decimal text of the two sides of a failed identity; NULL when not arithmetic. */
GOVINFO_API const char *govinfo_diagnostic_expected(const govinfo_diagnostic *diagnostic);
GOVINFO_API const char *govinfo_diagnostic_actual(const govinfo_diagnostic *diagnostic);
/* Where the first path was read from: file ("" when built in memory), 1-based line and
 * column (0 when unknown). */
GOVINFO_API const char *govinfo_diagnostic_file(const govinfo_diagnostic *diagnostic);
GOVINFO_API unsigned govinfo_diagnostic_line(const govinfo_diagnostic *diagnostic);
GOVINFO_API unsigned govinfo_diagnostic_column(const govinfo_diagnostic *diagnostic);
/* The finding's fingerprint, borrowed: 16 lowercase hex digits (a SHA-256 prefix) over the
 * rule id, the JSON Pointers, expected, actual and the values that identify the finding (a
 * mark, a date, the period a text states), never its line, column or message. It stays the
 * same when an unrelated edit moves lines and changes when the values change; suppression
 * files (suppress.h) name findings by it. A list makes its fingerprints the first time one is
 * asked for (thread-safe), so validation that never asks does not pay for them. NULL for
 * NULL. */
GOVINFO_API const char *govinfo_diagnostic_fingerprint(const govinfo_diagnostic *diagnostic);

#ifdef __cplusplus
}
#endif
#endif
