/* Validation: runs every rule of the registry that applies to the report's format and
 * collects the findings.
 *
 * Everything is driven by the format data: identities, group rows, section ids and the
 * fee cell come from struct govinfo_format, so a new version needs no change here. Ids are
 * resolved to indices once per call; memory is allocated only for findings. */
#include <stdlib.h>
#include <string.h>

#include "validate/validate.h"

#define STACK_INDICES 512 /* enough for every format so far; larger ones use the heap */

/* ---- the format's layout, resolved once per call ---- */

table_view gi_table_view_of(const vctx *x, size_t table) {
  size_t cells = 0, rows = 0;
  for (size_t i = 0; i < table; i++) {
    cells += x->f->tables[i].nrows * x->f->tables[i].ncolumns;
    rows += x->f->tables[i].nrows;
  }
  return (table_view){&x->f->tables[table], x->r->cells + cells, x->parents + rows};
}

/* Index of the row with that id; parents come before their rows, so look back first. */
static size_t find_parent(const struct govinfo_table *t, size_t row) {
  const char *id = t->rows[row].parent;
  if (id == NULL) return NO_INDEX;
  for (size_t k = row; k-- > 0;)
    if (t->rows[k].role != GOVINFO_ROW_DATA && strcmp(t->rows[k].id, id) == 0) return k;
  long k = gi_row_index(t, id, strlen(id), -1);
  return k < 0 ? NO_INDEX : (size_t)k;
}

static void resolve_parents(vctx *x) {
  size_t *p = x->parents;
  for (size_t t = 0; t < x->f->ntables; t++)
    for (size_t row = 0; row < x->f->tables[t].nrows; row++)
      *p++ = find_parent(&x->f->tables[t], row);
}

size_t gi_id_list_length(const char *const *ids) {
  size_t n = 0;
  while (ids[n]) n++;
  return n;
}

static size_t total_rows(const struct govinfo_format *f) {
  size_t rows = 0;
  for (size_t t = 0; t < f->ntables; t++) rows += f->tables[t].nrows;
  return rows;
}

/* Indices the call needs: one per row of every table, plus the longest identity. */
static size_t indices_needed(const struct govinfo_format *f) {
  size_t rows = total_rows(f), longest = 0;
  for (size_t i = 0; i < f->nidentities; i++) {
    size_t n =
        gi_id_list_length(f->identities[i].parts) + gi_id_list_length(f->identities[i].totals);
    if (n > longest) longest = n;
  }
  return rows + longest;
}

/* The pointer gi_cell_pointer() gives, in pieces: identities may list dozens of cells, and
 * printf dominated the cost of a finding. */
void gi_add_cell_path(vctx *x, const table_view *t, size_t row, size_t col) {
  const char *const pieces[] = {"/tables/",           t->def->id, "/",
                                t->def->rows[row].id, "/",        t->def->columns[col].id};
  gi_finding_add_path_pieces(&x->finding, cell_at(t, row, col)->loc, pieces, GI_COUNT_OF(pieces));
}

void gi_begin_cell(vctx *x, gi_rule rule, const table_view *t, size_t row, size_t col) {
  begin(x, rule);
  gi_add_cell_path(x, t, row, col);
}

/* ---- running the rules ---- */

/* Indexed by gi_rule: the registry names each rule's check. */
static gi_rule_check *const checks[GI_RULE_COUNT_] = {
#define GI_RULE_CHECK_(name, id, severity, scope, check, zh, en) [GI_RULE_##name] = (check),
    GI_RULES(GI_RULE_CHECK_)
#undef GI_RULE_CHECK_
};

gi_rule_check *gi_rule_check_of(gi_rule rule) { return checks[rule]; }

static void run_rules(vctx *x, const bool *wanted) {
  for (size_t i = 0; i < GI_RULE_COUNT_ && !x->finding.oom; i++) {
    if (checks[i] == NULL || !wanted[i] || !govinfo_rule_applies_to(govinfo_rule_at(i), x->f))
      continue;
    checks[i](x, (gi_rule)i);
  }
}

/* ---- options ---- */

int govinfo_validate_options_init(govinfo_validate_options *opts, unsigned version) {
  if (opts == NULL) return gi_fail(GOVINFO_EINVAL, "options pointer is NULL");
  if (version == 0 || version > GOVINFO_VALIDATE_OPTIONS_VERSION)
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_validate_options", version);
  *opts = (govinfo_validate_options)GOVINFO_VALIDATE_OPTIONS_INIT;
  opts->version = version;
  return GOVINFO_OK;
}

/* Marks the rules of a NULL-terminated list of ids (NULL: none) as `value`. */
static int mark_rules(bool *wanted, const char *const *ids, bool value) {
  for (size_t i = 0; ids && ids[i]; i++) {
    const govinfo_rule *rule = govinfo_rule_find(ids[i]);
    if (rule == NULL) return GOVINFO_ENOTFOUND; /* details recorded, with a suggestion */
    wanted[gi_rule_of(rule)] = value;
  }
  return GOVINFO_OK;
}

/* Which rules to run, from the options. */
static int wanted_rules(const govinfo_validate_options *opts, bool *wanted) {
  if (opts && (opts->version == 0 || opts->version > GOVINFO_VALIDATE_OPTIONS_VERSION))
    return gi_fail(GOVINFO_EINVAL, "unknown version %u of govinfo_validate_options", opts->version);
  if (opts && (opts->flags & ~GOVINFO_VALIDATE_STRICT))
    return gi_fail(GOVINFO_EINVAL, "unknown flags 0x%x", opts->flags);
  bool all = opts == NULL || opts->enable == NULL;
  for (size_t i = 0; i < GI_RULE_COUNT_; i++) wanted[i] = all;
  if (opts == NULL) return GOVINFO_OK;
  int rc = mark_rules(wanted, opts->enable, true);
  return rc ? rc : mark_rules(wanted, opts->disable, false);
}

/* ---- validating ---- */

int govinfo_report_validate(govinfo_diagnostics **out, const govinfo_report *report) {
  return govinfo_report_validate_with(out, report, NULL);
}

int govinfo_report_validate_with(govinfo_diagnostics **out, const govinfo_report *report,
                                 const govinfo_validate_options *opts) {
  if (out == NULL) return gi_fail(GOVINFO_EINVAL, "output pointer is NULL");
  *out = NULL;
  if (report == NULL) return gi_fail(GOVINFO_EINVAL, "report is NULL");
  bool wanted[GI_RULE_COUNT_];
  int rc = wanted_rules(opts, wanted);
  if (rc) return rc;
  vctx x = {.r = report, .f = report->format, .wanted = wanted};
  size_t stack[STACK_INDICES];
  size_t needed = indices_needed(x.f);
  size_t *indices = needed <= STACK_INDICES ? stack : malloc(needed * sizeof *indices);
  x.list = gi_diagnostics_new(report->origin);
  if (indices == NULL || x.list == NULL) {
    if (indices != stack) free(indices);
    govinfo_diagnostics_free(x.list);
    return gi_fail_oom();
  }
  x.parents = indices;
  x.ids = indices + total_rows(x.f);
  resolve_parents(&x);
  x.kinds = gi_cell_kinds(&x);
  run_rules(&x, wanted);
  if (indices != stack) free(indices);
  gi_finding_free(&x.finding);
  if (x.finding.oom) {
    govinfo_diagnostics_free(x.list);
    return gi_fail_oom();
  }
  if (opts && (opts->flags & GOVINFO_VALIDATE_STRICT)) gi_diagnostics_warnings_to_errors(x.list);
  *out = x.list;
  return GOVINFO_OK;
}
