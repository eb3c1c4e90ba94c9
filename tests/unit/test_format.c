#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"

static size_t data_cells(const govinfo_table *t) {
  size_t n = 0;
  for (size_t r = 0; r < govinfo_table_row_count(t); r++)
    if (govinfo_row_role_of(govinfo_table_row_at(t, r)) == GOVINFO_ROW_DATA)
      n += govinfo_table_column_count(t);
  return n;
}

/* Data-cell counts per table group, the fingerprints of FORMATS.md §6. */
static void assert_fingerprint(const char *id, size_t t2, size_t t3, size_t t4) {
  const govinfo_format *f = govinfo_format_find(id);
  cr_assert_not_null(f);
  size_t got2 = 0, got3 = 0, got4 = 0;
  for (size_t i = 0; i < govinfo_format_table_count(f); i++) {
    const govinfo_table *t = govinfo_format_table_at(f, i);
    size_t n = data_cells(t);
    if (strncmp(govinfo_table_id(t), "table2_", 7) == 0) got2 += n;
    else if (strcmp(govinfo_table_id(t), "table3") == 0) got3 += n;
    else if (strcmp(govinfo_table_id(t), "table4") == 0) got4 += n;
    else cr_assert_fail("unexpected table %s", govinfo_table_id(t));
  }
  cr_assert_eq(got2, t2, "%s table 2: %zu cells", id, got2);
  cr_assert_eq(got3, t3, "%s table 3: %zu cells", id, got3);
  cr_assert_eq(got4, t4, "%s table 4: %zu cells", id, got4);
}

Test(format, cell_counts_match_the_official_tables) {
  assert_fingerprint("2019", 22, 161, 15);
  assert_fingerprint("2021", 10, 175, 15);
}

Test(format, versions_cover_the_years_without_gaps) {
  cr_assert_null(govinfo_format_for_year(2018));
  cr_assert_eq(govinfo_error_last()->code, GOVINFO_ENOTFOUND);
  cr_assert_str_eq(govinfo_format_id(govinfo_format_for_year(2019)), "2019");
  cr_assert_str_eq(govinfo_format_id(govinfo_format_for_year(2020)), "2019");
  cr_assert_str_eq(govinfo_format_id(govinfo_format_for_year(2021)), "2021");
  cr_assert_str_eq(govinfo_format_id(govinfo_format_for_year(2035)), "2021");
  cr_assert(govinfo_format_covers_year(govinfo_format_find("2019"), 2020));
  cr_assert_not(govinfo_format_covers_year(govinfo_format_find("2019"), 2021));
  cr_assert(govinfo_format_covers_year(govinfo_format_find("2021"), 2099));
  cr_assert_not(govinfo_format_covers_year(NULL, 2021));
  cr_assert_null(govinfo_format_find("2020"));
  cr_assert_eq(govinfo_error_last()->code, GOVINFO_ENOTFOUND);
}

/* Invariants every definition must keep, so a new version cannot slip in a broken table. */
Test(format, definitions_are_well_formed) {
  for (size_t fi = 0; fi < govinfo_format_count(); fi++) {
    const struct govinfo_format *f = govinfo_format_at(fi);
    cr_assert_eq(f->nsections, 6);
    cr_assert_leq(f->ntables, GI_MAX_TABLES);
    for (size_t s = 0; s < f->nsections; s++)
      cr_assert_eq(gi_section_index(f, f->sections[s].id, strlen(f->sections[s].id)), (long)s);
    for (size_t t = 0; t < f->ntables; t++) {
      const struct govinfo_table *tb = &f->tables[t];
      cr_assert_eq(gi_table_index(f, tb->id, strlen(tb->id), -1), (long)t, "duplicate %s", tb->id);
      cr_assert_not_null(govinfo_format_section_find(f, tb->section));
      cr_assert_leq(tb->nrows, 64, "readers track rows in a 64-bit set");
      for (size_t r = 0; r < tb->nrows; r++) {
        const struct govinfo_row *row = &tb->rows[r];
        cr_assert_eq(gi_row_index(tb, row->id, strlen(row->id), -1), (long)r, "duplicate row");
        if (row->parent) {
          long p = gi_row_index(tb, row->parent, strlen(row->parent), -1);
          cr_assert(p >= 0 && p < (long)r, "%s.%s: parent must come first", tb->id, row->id);
          cr_assert_neq(tb->rows[p].role, GOVINFO_ROW_DATA, "%s: a data row has children",
                        row->parent);
        }
        if (row->parent) { /* a subtree is contiguous: the rows between a row and its parent */
          long p = gi_row_index(tb, row->parent, strlen(row->parent), -1);
          for (long k = p + 1; k < (long)r; k++) {
            const char *up = tb->rows[k].parent;
            bool inside = false;
            while (up && !inside) {
              long u = gi_row_index(tb, up, strlen(up), -1);
              inside = u == p;
              up = tb->rows[u].parent;
            }
            cr_assert(inside, "%s.%s: row %s breaks its parent's run of sub-rows", tb->id, row->id,
                      tb->rows[k].id);
          }
        }
        if (row->role == GOVINFO_ROW_GROUP) {
          bool has_child = false;
          for (size_t c = 0; c < tb->nrows; c++)
            has_child |= tb->rows[c].parent && strcmp(tb->rows[c].parent, row->id) == 0;
          cr_assert(has_child, "group %s.%s has no sub-rows", tb->id, row->id);
        }
      }
      for (size_t c = 0; c < tb->ncolumns; c++)
        cr_assert_eq(gi_column_index(tb, tb->columns[c].id, strlen(tb->columns[c].id), -1),
                     (long)c);
    }
    for (size_t i = 0; i < f->nidentities; i++) {
      const gi_identity *id = &f->identities[i];
      long t = gi_table_index(f, id->table, strlen(id->table), -1);
      cr_assert_geq(t, 0);
      const char *const *lists[] = {id->parts, id->totals};
      for (size_t l = 0; l < 2; l++)
        for (const char *const *p = lists[l]; *p; p++) {
          long found = id->axis == GI_EACH_COLUMN
                           ? gi_row_index(&f->tables[t], *p, strlen(*p), -1)
                           : gi_column_index(&f->tables[t], *p, strlen(*p), -1);
          cr_assert_geq(found, 0, "identity of %s names unknown %s", id->table, *p);
        }
    }
    for (size_t i = 0; i < f->nrule_params; i++) {
      const gi_rule_params *p = &f->rule_params[i];
      const char *id = govinfo_rule_id(govinfo_rule_at(p->rule));
      cr_assert(p->section || p->cell || p->words, "%s: parameters of %s name nothing", f->id, id);
      if (p->section)
        cr_assert_geq(gi_section_index(f, p->section, strlen(p->section)), 0,
                      "%s: %s names unknown section %s", f->id, id, p->section);
      size_t t, r, c;
      if (p->cell)
        cr_assert_eq(gi_cell_resolve(f, p->cell, &t, &r, &c), GOVINFO_OK,
                     "%s: %s names unknown cell %s", f->id, id, p->cell);
      for (size_t k = 0; k < i; k++)
        cr_assert_neq(f->rule_params[k].rule, p->rule, "%s lists %s twice", f->id, id);
    }
  }
}

Test(format, table3_other_processing_is_a_row_in_2019_and_a_group_in_2021) {
  const govinfo_table *t19 = govinfo_format_table_find(govinfo_format_find("2019"), "table3");
  const govinfo_table *t21 = govinfo_format_table_find(govinfo_format_find("2021"), "table3");
  cr_assert_eq(govinfo_row_role_of(govinfo_table_row_find(t19, "other_processing")),
               GOVINFO_ROW_DATA);
  cr_assert_eq(govinfo_row_role_of(govinfo_table_row_find(t21, "other_processing")),
               GOVINFO_ROW_GROUP);
  cr_assert_str_eq(govinfo_row_parent(govinfo_table_row_find(t21, "other_fee_unpaid")),
                   "other_processing");
  cr_assert_eq(govinfo_row_role_of(govinfo_table_row_find(t21, "results")), GOVINFO_ROW_HEADING);
  cr_assert_null(govinfo_table_row_find(t19, "other_fee_unpaid"));
}

Test(format, money_and_signed_columns) {
  const govinfo_format *f19 = govinfo_format_find("2019"), *f21 = govinfo_format_find("2021");
  cr_assert_eq(govinfo_column_kind(govinfo_table_column_find(
                   govinfo_format_table_find(f21, "table2_art20_8"), "fee_amount")),
               GOVINFO_KIND_MONEY);
  cr_assert_eq(govinfo_column_kind(govinfo_table_column_find(
                   govinfo_format_table_find(f19, "table2_art20_9"), "total_amount")),
               GOVINFO_KIND_MONEY);
  cr_assert_eq(govinfo_column_kind(govinfo_table_column_find(
                   govinfo_format_table_find(f19, "table2_art20_5"), "change")),
               GOVINFO_KIND_SIGNED);
  const govinfo_table *item8 = govinfo_format_table_find(f19, "table2_art20_8");
  cr_assert_eq(govinfo_table_column_count(item8), 2, "（八） has no 处理决定数量 column");
}

Test(format, section_titles_and_variants) {
  const govinfo_format *f = govinfo_format_find("2021");
  const govinfo_section_def *s4 = govinfo_format_section_find(f, "s4");
  cr_assert_str_eq(govinfo_section_def_title(s4), "四、政府信息公开行政复议、行政诉讼情况");
  cr_assert_eq(govinfo_section_def_variant_count(s4), 6);
  cr_assert_null(govinfo_section_def_variant_at(s4, 6));
  cr_assert_eq(govinfo_section_def_variant_count(govinfo_format_section_find(f, "s1")), 0);
  cr_assert_null(govinfo_format_section_find(f, "s7"));
}

Test(format, cell_ids_resolve_and_explain_failures) {
  const struct govinfo_format *f = govinfo_format_find("2021");
  size_t t, r, c;
  cr_assert_eq(gi_cell_resolve(f, "table3.new_received.natural_person", &t, &r, &c), 0);
  cr_assert_str_eq(f->tables[t].rows[r].id, "new_received");
  cr_assert_eq(gi_cell_resolve(f, "table3.results.total", &t, &r, &c), GOVINFO_ENOTFOUND);
  cr_assert(strstr(govinfo_error_last()->message, "heading"));
  cr_assert_eq(gi_cell_resolve(f, "table3.new_received", &t, &r, &c), GOVINFO_ENOTFOUND);
  cr_assert_eq(gi_cell_resolve(f, "table9.a.b", &t, &r, &c), GOVINFO_ENOTFOUND);
  cr_assert(strstr(govinfo_error_last()->message, "table9"));
  cr_assert_eq(gi_cell_resolve(f, "table3.new_received.nobody", &t, &r, &c), GOVINFO_ENOTFOUND);
  cr_assert(strstr(govinfo_error_last()->message, "nobody"));
  cr_assert_eq(gi_cell_resolve(f, "table3.new_received.total.x", &t, &r, &c), GOVINFO_ENOTFOUND);
}

Test(format, lookups_use_the_hint_but_do_not_depend_on_it) {
  const struct govinfo_format *f = govinfo_format_find("2019");
  const struct govinfo_table *t3 = govinfo_format_table_find(f, "table3");
  cr_assert_eq(gi_row_index(t3, "carry_forward", 13, 0), (long)t3->nrows - 1);
  cr_assert_eq(gi_row_index(t3, "carry_forward", 13, (long)t3->nrows - 1), (long)t3->nrows - 1);
  cr_assert_eq(gi_row_index(t3, "carry_forwardX", 13, 999), (long)t3->nrows - 1);
  cr_assert_eq(gi_row_index(t3, "carry", 5, -1), -1);
}
