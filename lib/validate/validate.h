/* Private to the validator: the state of one call, the tables of the report as views, and
 * the checks the rule registry (model/rules.h) names. Each file of lib/validate holds one family
 * of rules: arithmetic.c the identities and group rows, cells.c single cells and metadata,
 * sections.c the sections, dates.c the publication date and the years in the text,
 * narrative.c the figures the text gives (with prose.c, reading the text). */
#ifndef GI_VALIDATE_VALIDATE_H
#define GI_VALIDATE_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "findings/findings.h"
#include "model/report.h"

#define NO_INDEX SIZE_MAX

/* One table of the report: its definition, its cells and each row's enclosing row. */
typedef struct table_view {
  const struct govinfo_table *def;
  const gi_cell *cells;
  const size_t *parent; /* per row: index of the enclosing row, NO_INDEX at top level */
} table_view;

typedef struct vctx {
  const govinfo_report *r;
  const struct govinfo_format *f;
  govinfo_diagnostics *list;
  size_t *parents; /* every table's rows, table by table */
  size_t *ids;     /* room for the longest identity's parts and totals */
  unsigned kinds;  /* which cell.* rules can find anything: one scan, so clean reports skip them */
  const bool *wanted;  /* per rule: asked for by the options */
  bool narrative_done; /* the narrative.* rules share one reading of the text */
  gi_finding finding;  /* the finding being built; finding.oom ends the call */
} vctx;

/* ---- the checks, one per rule (model/rules.h binds them) ---- */

typedef void gi_rule_check(vctx *x, gi_rule rule);

gi_rule_check gi_check_identities, gi_check_group_sums, gi_check_group_rows;
gi_rule_check gi_check_negatives, gi_check_fractions, gi_check_blanks, gi_check_marks,
    gi_check_absents, gi_check_meta, gi_check_format_year, gi_check_fullwidth_digits;
gi_rule_check gi_check_sections_missing, gi_check_sections_order, gi_check_sections_title,
    gi_check_problems_empty, gi_check_fee_statement, gi_check_fee_unpaid;
gi_rule_check gi_check_published_missing, gi_check_published_early, gi_check_published_late,
    gi_check_text_year;
gi_rule_check gi_check_narrative;

/* The check of a rule; NULL for the rules the importer finds. */
gi_rule_check *gi_rule_check_of(gi_rule rule);

/* What the cells hold (cells.c), for x->kinds. */
unsigned gi_cell_kinds(const vctx *x);

/* ---- the report's tables (validate.c) ---- */

table_view gi_table_view_of(const vctx *x, size_t table);
/* Length of a NULL-terminated list of ids. */
size_t gi_id_list_length(const char *const *ids);

static inline const gi_cell *cell_at(const table_view *t, size_t row, size_t col) {
  return &t->cells[row * t->def->ncolumns + col];
}

static inline bool is_row(const struct govinfo_table *t, size_t row, govinfo_row_role role) {
  return t->rows[row].role == role;
}

/* The value of a row in a column (arithmetic.c): a number cell's own value; a group without
 * one stands for the sum of its sub-rows. False when a cell needed is not an integer (the
 * cell.* rules report those). With `collect`, adds the path of every cell used. */
bool gi_row_value(vctx *x, const table_view *t, size_t row, size_t col, bool collect,
                  unsigned depth, int64_t *out);

/* ---- building findings ---- */

static inline void begin(vctx *x, gi_rule rule) { gi_finding_begin(&x->finding, rule); }
static inline void finish(vctx *x) { gi_finding_finish(&x->finding, x->list); }
#define SAY_ZH(x, ...) gi_finding_say(&(x)->finding, GI_SLOT_ZH, __VA_ARGS__)
#define SAY_EN(x, ...) gi_finding_say(&(x)->finding, GI_SLOT_EN, __VA_ARGS__)
#define add_path(x, loc, ...) gi_finding_add_path(&(x)->finding, (loc), __VA_ARGS__)
#define KEY(x, ...) gi_finding_key(&(x)->finding, __VA_ARGS__)

/* Adds the JSON Pointer of a cell, located where the cell was read. */
void gi_add_cell_path(vctx *x, const table_view *t, size_t row, size_t col);
/* Starts a finding located at one cell. */
void gi_begin_cell(vctx *x, gi_rule rule, const table_view *t, size_t row, size_t col);

/* How messages name a cell. */
#define CELL_ZH "%s“%s”行“%s”列"
#define CELL_EN "cell %s.%s.%s (%s / %s)"
#define CELL_ZH_ARGS(t, row, col)                                                                  \
  (t)->def->title, (t)->def->rows[row].label, (t)->def->columns[col].label
#define CELL_EN_ARGS(t, row, col)                                                                  \
  (t)->def->id, (t)->def->rows[row].id, (t)->def->columns[col].id, (t)->def->rows[row].label,      \
      (t)->def->columns[col].label

/* ---- sections (sections.c) ---- */

/* Index in the report of the section with that definition, -1 when it has none. */
long gi_report_section(const vctx *x, size_t def);
const struct govinfo_section_def *gi_section_def_of(const vctx *x, size_t i);

#endif
