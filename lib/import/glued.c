/* Reading glued text (crawler text, cells run together): each row's digit strings are split
 * into the row's cells where exactly one split is possible under the row's cell count, its
 * row identity and the table's identities (split.h); otherwise the row is left unread with
 * the reason. Figures are never changed: an inconsistent row read from a forced split stays
 * as printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/split.h"
#include "import/tables.h"

#define KEEP 8                  /* splits kept per row for the table's identities */
#define MAX_COMBINATIONS 65536  /* joint choices of the undecided rows examined at most */
#define MAX_COLUMNS 16          /* columns of a table read this way */
#define MAX_COLUMN_IDENTITIES 8 /* identities down the columns of one table */

typedef struct glued_run {
  const char *strings[GI_SPLIT_MAX_CELLS];
  size_t lens[GI_SPLIT_MAX_CELLS];
  bool atomic[GI_SPLIT_MAX_CELLS];
  const item *source[GI_SPLIT_MAX_CELLS]; /* the value each string starts in */
  char digits[GI_SPLIT_MAX_CELLS][64];    /* the strings: values without units and commas */
  /* per character of a string: the value it comes from and its byte in the value's text */
  const item *from[GI_SPLIT_MAX_CELLS][64];
  uint8_t at[GI_SPLIT_MAX_CELLS][64];
  size_t nstrings;
} glued_run;

typedef struct row_split {
  bool mapped; /* a run holds this row's figures */
  glued_run run;
  size_t ncand;     /* splits that satisfy the row: up to KEEP + 1 (more) */
  bool by_identity; /* more splits had the row's number of cells */
  gi_split_piece cand[KEEP][MAX_COLUMNS];
  int64_t value[KEEP][MAX_COLUMNS];
  bool integer[KEEP][MAX_COLUMNS];
  int chosen; /* the split read, -1 while undecided */
} row_split;

/* ---- the runs ---- */

/* Appends value `it` to run g: a string of its own, or (join) the rest of the last string.
 * False when it cannot take part (a blank, too many values, too long). */
static bool append_value(glued_run *g, const item *it, bool join) {
  if (it->kind == VALUE_BLANK) return false;
  const char *s = it->tok->text;
  size_t len = it->tok->len;
  if (it->unit) len -= strlen(it->unit);
  bool comma = it->kind == VALUE_NUMBER && memchr(s, ',', len) != NULL;
  bool atomic = it->kind == VALUE_MARK || comma;
  join = join && !atomic && g->nstrings > 0 && !g->atomic[g->nstrings - 1];
  if (!join) {
    if (g->nstrings == GI_SPLIT_MAX_CELLS) return false;
    size_t k = g->nstrings++;
    g->lens[k] = 0;
    g->atomic[k] = atomic;
    g->source[k] = it;
    g->strings[k] = g->digits[k];
  }
  size_t k = g->nstrings - 1;
  for (size_t j = 0; j < len; j++) {
    if (s[j] == ',' && comma) continue;
    if (g->lens[k] + 1 >= sizeof g->digits[k]) return false;
    g->from[k][g->lens[k]] = it;
    g->at[k][g->lens[k]] = (uint8_t)j;
    g->digits[k][g->lens[k]++] = s[j];
  }
  g->digits[k][g->lens[k]] = '\0';
  return true;
}

/* The strings of run r, into g (appended). A space between two values is a sure cell
 * boundary only in a document whose rows all print their cells spaced (im->spaced): else a
 * space may be stray, and the digits on both sides are one string. */
static bool gather_run(const table_ctx *t, const run *r, glued_run *g, bool append) {
  if (!append) g->nstrings = 0;
  for (size_t i = 0; i < r->count; i++)
    if (!append_value(g, &t->g.items[r->first + i], !t->im->spaced && (i > 0 || append)))
      return false;
  return g->nstrings > 0;
}

static gi_split_problem problem_of(const glued_run *g, size_t ncells, size_t width,
                                   const int8_t *signs, size_t nsigns) {
  return (gi_split_problem){.strings = g->strings,
                            .lens = g->lens,
                            .atomic = g->atomic,
                            .nstrings = g->nstrings,
                            .ncells = ncells,
                            .width = width,
                            .signs = signs,
                            .nidentities = nsigns,
                            .keep = KEEP};
}

/* The item a piece of run g stands for: a number cut from its string. */
static item piece_item(const glued_run *g, const gi_split_piece *piece) {
  if (g->atomic[piece->string]) return *g->source[piece->string]; /* a mark, or 1,234 */
  /* append_value records the value of every character of a string */
  item it = *g->from[piece->string][piece->start]; // NOLINT(clang-analyzer-core.NullDereference)
  it.kind = VALUE_NUMBER;
  it.loc.column += g->at[piece->string][piece->start];
  const item *last = g->from[piece->string][piece->start + piece->len - 1];
  bool ends = piece->start + piece->len == g->lens[piece->string];
  it.unit = ends ? last->unit : NULL;
  gi_decimal_parse(g->strings[piece->string] + piece->start, piece->len, &it.number);
  return it;
}

/* ---- findings ---- */

static void unread_because(table_ctx *t, size_t p, const row_split *rs, const char *zh,
                           const char *en) {
  gi_loc loc = rs->mapped ? item_loc(rs->run.source[0]) : gi_unread_loc(t, p);
  gi_report_unread(t, p, loc, zh, en);
}

/* Why a row's splits leave it unread, from its count of splits (count only, with identity). */
static void unread_for_count(table_ctx *t, size_t p, const row_split *rs, size_t fitting,
                             size_t satisfying, bool exhausted, bool has_identity) {
  char zh[192], en[192];
  size_t ncol = t->def->ncolumns;
  if (exhausted && t->im->split_nodes >= GI_SPLIT_IMPORT_BUDGET) {
    unread_because(t, p, rs, "可能的分法太多：本次导入用于分开数字的搜索已达上限",
                   "too many possible splits: the import's search budget is spent");
  } else if (exhausted) {
    unread_because(t, p, rs, "可能的分法太多，未能穷尽", "too many possible splits to search");
  } else if (fitting == 0) {
    snprintf(zh, sizeof zh, "连在一起的数字无法分成该行的 %zu 格", ncol);
    snprintf(en, sizeof en, "its run-together digits cannot be cut into the row's %zu cells", ncol);
    unread_because(t, p, rs, zh, en);
  } else if (!has_identity) {
    snprintf(zh, sizeof zh, "%s%zu 种分法都符合该行的格数，该表没有可以区分的勾稽关系",
             fitting > KEEP ? "超过 " : "", fitting > KEEP ? (size_t)KEEP : fitting);
    snprintf(en, sizeof en,
             "%s%zu splits fit the row's cells and the table has no identity to tell them apart",
             fitting > KEEP ? "more than " : "", fitting > KEEP ? (size_t)KEEP : fitting);
    unread_because(t, p, rs, zh, en);
  } else if (satisfying == 0) {
    unread_because(t, p, rs, "没有一种分法满足该行的总计等于各列之和",
                   "no split satisfies the row identity (total = sum of the columns)");
  } else {
    snprintf(zh, sizeof zh, "超过 %d 种分法都满足该行的总计等于各列之和", KEEP);
    snprintf(en, sizeof en, "more than %d splits satisfy the row identity", KEEP);
    unread_because(t, p, rs, zh, en);
  }
}

/* One note for the rows of the table whose cells the identities separated. */
static void note_split(table_ctx *t, const row_split *rows) {
  size_t n = 0, ncol = t->def->ncolumns;
  for (size_t p = 0; p < t->nprinted; p++) n += rows[p].chosen >= 0 && rows[p].by_identity;
  if (n == 0) return;
  char **paths = calloc(n * ncol, sizeof *paths), buf[256];
  size_t np = 0;
  gi_loc loc = {0, 0};
  bool ok = paths != NULL;
  for (size_t p = 0; ok && p < t->nprinted; p++) {
    if (rows[p].chosen < 0 || !rows[p].by_identity) continue;
    if (loc.line == 0) loc = item_loc(rows[p].run.source[0]);
    for (size_t c = 0; ok && c < ncol; c++) {
      gi_cell_pointer(t->im->format, t->table, t->printed[p], c, buf, sizeof buf);
      ok = (paths[np++] = gi_strdup(buf)) != NULL;
    }
  }
  char name[256], zh[512], en[512];
  gi_table_name_zh(t->im->format, t->def, name, sizeof name);
  snprintf(zh, sizeof zh,
           "%s中 %zu 行的数字连在一起印出，只有一种分法满足该行格数与勾稽关系，按此分开", name, n);
  snprintf(en, sizeof en,
           "%zu rows of %s print their figures run together; exactly one split satisfies the "
           "cell count and the identities, and the cells were separated by it",
           n, t->def->id);
  if (ok)
    gi_import_finding(t->im, GI_RULE_IMPORT_SPLIT_BY_IDENTITY, loc, (const char *const *)paths, np,
                      zh, en);
  else t->im->status = gi_fail_oom();
  for (size_t i = 0; paths && i < np; i++) free(paths[i]);
  free(paths);
}

/* ---- one row ---- */

/* Searches the splits of run g into ncells cells: those with the right number of cells
 * (fit) and, for a table with row identities, those that also satisfy them (sat; the same
 * as fit without identities). False when out of memory. */
/* One search, within what is left of the import's budget (out of it: exhausted at once). */
static bool search_within_budget(table_ctx *t, const gi_split_problem *prob, gi_split_result *out) {
  gi_import *im = t->im;
  size_t left =
      im->split_nodes < GI_SPLIT_IMPORT_BUDGET ? GI_SPLIT_IMPORT_BUDGET - im->split_nodes : 0;
  if (left == 0) {
    *out = (gi_split_result){.exhausted = true};
    return true;
  }
  gi_split_problem p = *prob;
  p.budget = left < GI_SPLIT_BUDGET ? left : GI_SPLIT_BUDGET;
  if (gi_split_search(&p, out) != GOVINFO_OK) {
    im->status = GOVINFO_ENOMEM;
    return false;
  }
  im->split_nodes += out->nodes;
  return true;
}

static bool search_both(table_ctx *t, const glued_run *g, size_t ncells, const int8_t *signs,
                        size_t nsigns, gi_split_result *fit, gi_split_result *sat) {
  size_t ncol = t->def->ncolumns;
  gi_split_problem prob = problem_of(g, ncells, ncol, NULL, 0);
  if (!search_within_budget(t, &prob, fit)) return false;
  *sat = *fit;
  if (nsigns > 0 && fit->nsolutions > 0 && !fit->exhausted) {
    prob.signs = signs;
    prob.nidentities = nsigns;
    if (!search_within_budget(t, &prob, sat)) {
      free(fit->solutions);
      return false;
    }
  }
  return true;
}

static void free_both(gi_split_result *fit, gi_split_result *sat) {
  if (sat->solutions != fit->solutions) free(sat->solutions);
  free(fit->solutions);
}

/* Splits of a mapped row: decided when exactly one satisfies the row's cell count and its
 * identity; a few candidates are kept for the table's identities. */
static void split_row(table_ctx *t, size_t p, row_split *rs, const int8_t *signs, size_t nsigns) {
  size_t ncol = t->def->ncolumns;
  gi_split_result fit, sat;
  if (!search_both(t, &rs->run, ncol, signs, nsigns, &fit, &sat)) return;
  gi_split_problem prob = problem_of(&rs->run, ncol, ncol, NULL, 0);
  rs->by_identity = fit.nsolutions > 1;
  bool exhausted = fit.exhausted || sat.exhausted;
  bool keep = !exhausted && sat.nsolutions >= 1 && sat.nsolutions <= KEEP &&
              (sat.nsolutions == 1 || nsigns > 0);
  if (keep) {
    rs->ncand = sat.nsolutions;
    for (size_t k = 0; k < rs->ncand; k++)
      for (size_t c = 0; c < ncol; c++) {
        rs->cand[k][c] = sat.solutions[k * ncol + c];
        rs->integer[k][c] = gi_split_piece_int(&prob, &rs->cand[k][c], &rs->value[k][c]);
      }
    if (rs->ncand == 1) rs->chosen = 0;
  } else {
    unread_for_count(t, p, rs, fit.nsolutions, sat.nsolutions, exhausted, nsigns > 0);
  }
  free_both(&fit, &sat);
}

/* ---- the table's identities ---- */

typedef struct column_identity {
  int8_t *sign; /* per printed row: +1 a part, -1 a total, 0 neither */
} column_identity;

static bool lists_row(const char *const *ids, const char *id) {
  for (; *ids; ids++)
    if (strcmp(*ids, id) == 0) return true;
  return false;
}

/* The sign of a row in an identity down the columns: its own, or that of a group above it. */
static int8_t row_sign(const struct govinfo_table *def, const gi_identity *id, size_t row) {
  for (const struct govinfo_row *r = &def->rows[row]; r;) {
    if (lists_row(id->parts, r->id)) return 1;
    if (lists_row(id->totals, r->id)) return -1;
    if (r->parent == NULL) break;
    long up = gi_row_index(def, r->parent, strlen(r->parent), -1);
    r = up >= 0 ? &def->rows[up] : NULL;
  }
  return 0;
}

/* Chooses the undecided rows' splits by the identities down the columns: a row is decided
 * when every joint choice that satisfies them gives it the same split. */
static void decide_by_table(table_ctx *t, row_split *rows) {
  const struct govinfo_format *f = t->im->format;
  size_t ncol = t->def->ncolumns, nundecided = 0, combinations = 1;
  size_t undecided[GI_SPLIT_MAX_CELLS * 2];
  /* rows[] headers are set for every printed row (gi_read_glued); the analyzer loses that
   * across calls that take t */
  for (size_t p = 0; p < t->nprinted; p++)
    if (rows[p].chosen < 0 && // NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult)
        rows[p].ncand > 1 && nundecided < sizeof undecided / sizeof *undecided) {
      undecided[nundecided++] = p;
      combinations = combinations > MAX_COMBINATIONS ? combinations : combinations * rows[p].ncand;
    }
  if (nundecided == 0) return;
  int8_t signs[MAX_COLUMN_IDENTITIES][64];
  size_t nid = 0;
  for (size_t i = 0; i < f->nidentities && nid < MAX_COLUMN_IDENTITIES; i++) {
    const gi_identity *id = &f->identities[i];
    if (id->axis != GI_EACH_COLUMN || strcmp(id->table, t->def->id) != 0 || t->nprinted > 64)
      continue;
    bool usable = true;
    for (size_t p = 0; p < t->nprinted; p++) {
      signs[nid][p] = row_sign(t->def, id, t->printed[p]);
      /* a row of the identity with no figures at all: it cannot be checked */
      if (signs[nid][p] && rows[p].chosen < 0 && rows[p].ncand < 2) usable = false;
    }
    if (usable) nid++;
  }
  unsigned seen[GI_SPLIT_MAX_CELLS * 2] = {0}; /* per undecided row: bit k, split k satisfied */
  size_t satisfying = 0;
  if (combinations <= MAX_COMBINATIONS) {
    size_t choice[GI_SPLIT_MAX_CELLS * 2] = {0};
    for (size_t n = 0; n < combinations; n++) {
      for (size_t u = 0; u < nundecided; u++) rows[undecided[u]].chosen = (int)choice[u];
      bool holds = true;
      for (size_t i = 0; i < nid && holds; i++)
        for (size_t c = 0; c < ncol && holds; c++) {
          int64_t balance = 0;
          for (size_t p = 0; p < t->nprinted && holds; p++) {
            if (!signs[i][p]) continue;
            int k = rows[p].chosen;
            holds = rows[p].integer[k][c];
            balance += signs[i][p] * rows[p].value[k][c];
          }
          holds = holds && balance == 0;
        }
      if (holds) {
        satisfying++;
        for (size_t u = 0; u < nundecided; u++) seen[u] |= 1u << choice[u];
      }
      for (size_t u = 0; u < nundecided && ++choice[u] == rows[undecided[u]].ncand; u++)
        choice[u] = 0;
    }
  }
  for (size_t u = 0; u < nundecided; u++) {
    row_split *rs = &rows[undecided[u]];
    size_t kinds = (size_t)__builtin_popcount(seen[u]);
    rs->chosen = kinds == 1 ? __builtin_ctz(seen[u]) : -1;
    if (kinds == 1) continue;
    char zh[192], en[192];
    if (combinations > MAX_COMBINATIONS) {
      snprintf(zh, sizeof zh, "多行各有几种分法，组合太多，未能用勾稽关系确定");
      snprintf(en, sizeof en,
               "several rows have several splits, too many together to check by the identities");
    } else if (satisfying == 0) {
      snprintf(zh, sizeof zh, "该行 %zu 种分法中没有一种满足表格的勾稽关系", rs->ncand);
      snprintf(en, sizeof en, "none of its %zu splits satisfies the table's identities", rs->ncand);
    } else {
      snprintf(zh, sizeof zh, "%zu 种分法都满足勾稽关系", kinds);
      snprintf(en, sizeof en, "%zu splits satisfy the identities", kinds);
    }
    unread_because(t, undecided[u], rs, zh, en);
  }
}

/* ---- the readings ---- */

static void put_split(table_ctx *t, size_t p, const row_split *rs, const gi_split_piece *pieces) {
  item values[MAX_COLUMNS];
  for (size_t c = 0; c < t->def->ncolumns; c++) values[c] = piece_item(&rs->run, &pieces[c]);
  gi_put_row(t, p, values);
}

/* Which run holds each printed row: one run per row in order, else by the label before it. */
static void map_runs(table_ctx *t, row_split *rows) {
  if (t->g.nruns == t->nprinted) {
    for (size_t k = 0; k < t->g.nruns; k++) {
      const run *r = &t->g.runs[k];
      label_match m = gi_label_conflict(t, r, t->printed[k])
                          ? LABEL_ABSENT
                          : gi_label_near_run(t, t->printed[k], r);
      if (m == LABEL_ABSENT && t->nprinted > 1) {
        gi_report_unread(t, k, item_loc(&t->g.items[r->first]),
                         "该行数字旁的标签与格式规定的行不符",
                         "the label beside these figures is not this row's");
        continue;
      }
      if (m == LABEL_VARIANT) gi_note_variant(t, t->printed[k], r);
      rows[k].mapped = gather_run(t, &t->g.runs[k], &rows[k].run, false);
    }
    return;
  }
  size_t next = 0;
  for (size_t k = 0; k < t->g.nruns && next < t->nprinted; k++) {
    size_t found = SIZE_MAX, matches = 0;
    for (size_t p = next; p < t->nprinted; p++)
      if (gi_label_before_run(t, t->printed[p], &t->g.runs[k])) {
        if (found == SIZE_MAX) found = p;
        matches++;
      }
    if (matches != 1) continue;
    rows[found].mapped = gather_run(t, &t->g.runs[k], &rows[found].run, false);
    next = found + 1;
  }
}

/* The first run of the line that prints table 4's values after its header (its first
 * column's label before them): figures of the section's text before it are no cells. 0 when
 * no line says so. */
static size_t first_run_under_header(const table_ctx *t) {
  int32_t want[KEY_MAX], have[KEY_MAX];
  size_t nw = gi_printed_label_key(t->def->columns[0].label, want);
  for (size_t k = t->g.nruns; k-- > 0;) {
    const run *r = &t->g.runs[k];
    size_t line = t->g.items[r->first].line;
    if (k > 0 && t->g.items[t->g.runs[k - 1].first].line == line) continue; /* not its first */
    size_t nh = gi_doc_line_key(&t->im->doc, line, have, KEY_MAX);
    if (gi_key_contains(have, nh, want, nw)) return k;
  }
  return 0;
}

/* Table 4: its rows side by side, all values one run in printed order. */
static void read_side_by_side(table_ctx *t, row_split *whole, const int8_t *signs, size_t nsigns) {
  size_t ncol = t->def->ncolumns, ncells = t->nprinted * ncol;
  glued_run *g = &whole->run;
  g->nstrings = 0;
  bool ok = ncells <= GI_SPLIT_MAX_CELLS;
  size_t from = first_run_under_header(t);
  for (size_t k = from; ok && k < t->g.nruns; k++) ok = gather_run(t, &t->g.runs[k], g, k > from);
  if (!ok) {
    gi_report_unread(t, 0, gi_unread_loc(t, 0), "数字太多或无法分开",
                     "too many figures, or figures that cannot be split");
    return;
  }
  whole->mapped = true;
  gi_split_result fit, sat;
  if (!search_both(t, g, ncells, signs, nsigns, &fit, &sat)) return;
  bool exhausted = fit.exhausted || sat.exhausted;
  if (!exhausted && fit.nsolutions == 1) {
    /* the count alone cuts the digits: each row is read where its identity holds */
    gi_split_problem prob = problem_of(g, ncells, ncol, signs, nsigns);
    for (size_t p = 0; p < t->nprinted; p++) {
      const gi_split_piece *pieces = fit.solutions + p * ncol;
      bool holds = true;
      for (size_t i = 0; i < nsigns && holds; i++) {
        int64_t balance = 0, v;
        for (size_t c = 0; c < ncol && holds; c++) {
          if (signs[i * ncol + c] == 0) continue;
          holds = gi_split_piece_int(&prob, &pieces[c], &v);
          balance += signs[i * ncol + c] * v;
        }
        holds = holds && balance == 0;
      }
      item first = piece_item(g, &pieces[0]);
      if (holds) put_split(t, p, whole, pieces);
      else
        gi_report_unread(t, p, item_loc(&first), "数字只有一种分法，但不满足该行的总计等于各列之和",
                         "its digits cut only one way, which does not satisfy the row identity "
                         "(total = sum of the columns)");
    }
  } else if (!exhausted && sat.nsolutions == 1) {
    whole->by_identity = true;
    for (size_t p = 0; p < t->nprinted; p++) put_split(t, p, whole, sat.solutions + p * ncol);
  } else {
    for (size_t p = 0; p < t->nprinted; p++)
      unread_for_count(t, p, whole, fit.nsolutions, sat.nsolutions, exhausted, nsigns > 0);
  }
  free_both(&fit, &sat);
}

void gi_read_glued(table_ctx *t) {
  size_t ncol = t->def->ncolumns;
  if (ncol > MAX_COLUMNS) return;
  int8_t signs[MAX_ROW_IDENTITIES * MAX_COLUMNS];
  size_t nsigns = gi_row_identity_signs(t, signs);
  /* tens of kilobytes a row, written before they are read: only the header is cleared
   * (clearing it all was a sixth of importing a crawler text) */
  size_t nrows = t->nprinted ? t->nprinted : 1; /* side by side, rows[0] holds the whole run */
  row_split *rows = malloc(nrows * sizeof *rows);
  if (rows == NULL) {
    t->im->status = gi_fail_oom();
    return;
  }
  for (size_t p = 0; p < nrows; p++) {
    rows[p].mapped = rows[p].by_identity = false;
    rows[p].ncand = 0;
    rows[p].chosen = -1;
    rows[p].run.nstrings = 0;
  }
  if (t->def->rows_side_by_side) {
    read_side_by_side(t, &rows[0], signs, nsigns);
    if (rows[0].by_identity && t->done[0]) {
      for (size_t p = 1; p < t->nprinted; p++) {
        rows[p].chosen = 0;
        rows[p].by_identity = true;
        rows[p].run = rows[0].run;
      }
      rows[0].chosen = 0;
      note_split(t, rows);
    }
    free(rows);
    return;
  }
  map_runs(t, rows);
  /* the headers were set above for every printed row; the analyzer loses that across the
   * calls that take t */
  for (size_t p = 0; p < t->nprinted && t->im->status == GOVINFO_OK; p++)
    // NOLINTNEXTLINE(clang-analyzer-core.uninitialized.Branch)
    if (rows[p].mapped) split_row(t, p, &rows[p], signs, nsigns);
  decide_by_table(t, rows);
  for (size_t p = 0; p < t->nprinted; p++) {
    if (rows[p].chosen >= 0) { // NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult)
      put_split(t, p, &rows[p], rows[p].cand[rows[p].chosen]);
    } else if (!rows[p].mapped && !t->reported[p]) {
      gi_report_unread(t, p, gi_unread_loc(t, p), "未找到该行的数字",
                       "no figures were found for this row");
    }
  }
  note_split(t, rows);
  free(rows);
}
