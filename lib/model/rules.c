/* The rule registry: GI_RULES (rules.h) turned into records, and where each rule applies. */
#include <string.h>

#include "govinfo/validate.h"
#include "model/format.h"
#include "model/years.h"
#include "util/error.h"
#include "util/suggest.h"

struct govinfo_rule {
  const char *id;
  govinfo_severity severity;
  gi_rule_scope scope;
  const char *description;    /* Chinese */
  const char *description_en; /* English */
};

/* Indexed by gi_rule, so govinfo_rule_at(GI_RULE_X) is rule X. */
static const struct govinfo_rule rules[GI_RULE_COUNT_] = {
#define GI_RULE_RECORD_(name, id, severity, scope, check, zh, en)                                  \
  [GI_RULE_##name] = {id, GOVINFO_SEVERITY_##severity, GI_SCOPE_##scope, zh, en},
    GI_RULES(GI_RULE_RECORD_)
#undef GI_RULE_RECORD_
};

size_t govinfo_rule_count(void) { return GI_RULE_COUNT_; }

gi_rule gi_rule_of(const govinfo_rule *rule) { return (gi_rule)(rule - rules); }

bool gi_rule_is_import(gi_rule rule) { return rules[rule].scope == GI_SCOPE_IMPORT; }
bool gi_rule_is_review(gi_rule rule) { return rules[rule].scope == GI_SCOPE_REVIEW; }

bool gi_rule_is_cross(gi_rule rule) { return rules[rule].scope == GI_SCOPE_CROSS; }

const govinfo_rule *govinfo_rule_at(size_t index) {
  return index < GI_RULE_COUNT_ ? &rules[index] : NULL;
}

const govinfo_rule *govinfo_rule_find(const char *id) {
  if (id == NULL) {
    gi_fail(GOVINFO_EINVAL, "rule id is NULL");
    return NULL;
  }
  gi_suggestion s = gi_suggest_start(id, strlen(id));
  for (size_t i = 0; i < GI_RULE_COUNT_; i++) {
    if (strcmp(rules[i].id, id) == 0) return &rules[i];
    gi_suggest_consider(&s, rules[i].id, strlen(rules[i].id));
  }
  if (gi_suggest_found(&s))
    gi_fail(GOVINFO_ENOTFOUND, "unknown rule id \"%s\" (did you mean \"%.*s\"?)", id,
            (int)s.best_len, s.best);
  else gi_fail(GOVINFO_ENOTFOUND, "unknown rule id \"%s\" (govinfo rules lists them)", id);
  return NULL;
}

const char *govinfo_rule_id(const govinfo_rule *rule) { return rule ? rule->id : NULL; }

govinfo_severity govinfo_rule_severity(const govinfo_rule *rule) {
  return rule ? rule->severity : GOVINFO_SEVERITY_NOTE;
}

const char *govinfo_rule_description(const govinfo_rule *rule) {
  return rule ? rule->description : NULL;
}

const char *govinfo_rule_description_en(const govinfo_rule *rule) {
  return rule ? rule->description_en : NULL;
}

static bool is_listed(const struct govinfo_format *f, gi_rule rule) {
  for (size_t i = 0; i < f->nidentities; i++)
    if (f->identities[i].rule == rule) return true;
  for (size_t i = 0; i < f->nstatements; i++)
    if (f->statements[i].rule == rule) return true;
  return gi_format_rule_params(f, rule) != NULL;
}

static bool has_group_rows(const struct govinfo_format *f) {
  for (size_t t = 0; t < f->ntables; t++)
    for (size_t r = 0; r < f->tables[t].nrows; r++)
      if (f->tables[t].rows[r].role == GOVINFO_ROW_GROUP) return true;
  return false;
}

/* Decided by the format's data alone, so a new version needs no change here. */
int govinfo_rule_applies_to(const govinfo_rule *rule, const govinfo_format *format) {
  if (rule == NULL || format == NULL) return 0;
  switch (rule->scope) {
  case GI_SCOPE_ALL:
  case GI_SCOPE_IMPORT:
  case GI_SCOPE_REVIEW:
    return 1;
  case GI_SCOPE_LISTED:
    return is_listed(format, (gi_rule)(rule - rules));
  case GI_SCOPE_GROUPS:
    return has_group_rows(format);
  case GI_SCOPE_CROSS:
    return gi_cross_rule_applies((gi_rule)(rule - rules), format);
  }
  return 0;
}

const char *govinfo_severity_name(govinfo_severity severity) {
  switch (severity) {
  case GOVINFO_SEVERITY_NOTE:
    return "note";
  case GOVINFO_SEVERITY_WARNING:
    return "warning";
  case GOVINFO_SEVERITY_ERROR:
    return "error";
  }
  return "unknown";
}
