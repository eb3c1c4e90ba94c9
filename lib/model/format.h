/* Layout of the static format definitions (lib/model/formats/) and their registry. */
#ifndef GI_MODEL_FORMAT_H
#define GI_MODEL_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "govinfo/format.h"
#include "model/narrative.h"
#include "model/rules.h"
#include "util/text.h"

/* The format versions, oldest first. A new version is one definition file
 * (lib/model/formats/vYYYY.c defining gi_format_YYYY, listed in lib/meson.build) and one
 * X() here. */
#define GI_FORMATS(X) X(2019) X(2021)

#define GI_MAX_TABLES 16   /* per format; tests/unit/test_format.c checks the definitions */
#define GI_MAX_SECTIONS 16 /* per format; likewise */

struct govinfo_column {
  const char *id;
  const char *label;
  govinfo_value_kind kind;
};

struct govinfo_row {
  const char *id;
  const char *label;
  const char *parent; /* id of the enclosing row, NULL at top level */
  govinfo_row_role role;
};

struct govinfo_table {
  const char *id;
  const char *section; /* id of the section it is printed in */
  const char *title;
  const struct govinfo_row *rows;
  size_t nrows;
  const struct govinfo_column *columns;
  size_t ncolumns;
  bool rows_side_by_side; /* rows printed as column groups (table 4): no row labels */
};

struct govinfo_section_def {
  const char *id;              /* "s1" */
  const char *number;          /* "一" */
  const char *title;           /* official title, "一、总体情况" */
  const char *const *variants; /* NULL-terminated titles seen in real reports */
};

/* An arithmetic identity: sum(parts) == sum(totals), either down every column (parts and
 * totals are row ids; a group row stands for its sub-rows, or for its own printed figure)
 * or across every row that has figures (parts and totals are column ids). */
typedef enum gi_identity_axis { GI_EACH_COLUMN = 1, GI_EACH_ROW = 2 } gi_identity_axis;

typedef struct gi_identity {
  gi_rule rule;
  const char *table;
  gi_identity_axis axis;
  const char *const *parts;        /* NULL-terminated */
  const char *const *totals;       /* NULL-terminated */
  const char *parts_zh, *parts_en; /* how messages name the two sides */
  const char *totals_zh, *totals_en;
} gi_identity;

/* What a rule reads in one format version. A version lists the rule with its parameters to
 * turn it on (scope LISTED in model/rules.h), the way it lists its identities. */
typedef struct gi_rule_params {
  gi_rule rule;
  const char *section;      /* id of the section the rule reads, NULL when none */
  const char *cell;         /* "<table>.<row>.<column>" of the cell it depends on, NULL when none */
  const char *const *words; /* NULL, or the words the rule looks for (NULL-terminated) */
  const char *const *context; /* NULL, or words one of which must be in the same sentence */
} gi_rule_params;

struct govinfo_format {
  const char *id;
  const char *name;
  int first_year;
  int last_year; /* 0: in force */
  const struct govinfo_section_def *sections;
  size_t nsections;
  const struct govinfo_table *tables;
  size_t ntables;
  const gi_identity *identities;
  size_t nidentities;
  const gi_rule_params *rule_params; /* rules of scope LISTED that are not identities */
  size_t nrule_params;
  /* How the text gives the tables' figures (narrative.* rules, model/narrative.h). */
  const gi_statement *statements;
  size_t nstatements;
  /* Header words and labels only this version prints (NULL-terminated): the importer tells
   * versions apart by them. tests/unit/test_format.c checks each is this version's own. */
  const char *const *signature;
};

#define GI_FORMAT_DECLARE_(year) extern const struct govinfo_format gi_format_##year;
GI_FORMATS(GI_FORMAT_DECLARE_)
#undef GI_FORMAT_DECLARE_

/* The parameters the format gives `rule`, NULL when it does not list the rule. */
const gi_rule_params *gi_format_rule_params(const struct govinfo_format *f, gi_rule rule);

/* Number of cells of a format (every table's rows x columns) and where a table starts in
 * that flat array. */
size_t gi_format_cell_count(const struct govinfo_format *f);
size_t gi_format_table_offset(const struct govinfo_format *f, size_t table_index);

/* Index lookups; return -1 when not found. `hint` is tried first (callers walking a
 * document in canonical order pass the next expected index). */
long gi_table_index(const struct govinfo_format *f, const char *id, size_t len, long hint);
long gi_row_index(const struct govinfo_table *t, const char *id, size_t len, long hint);
long gi_column_index(const struct govinfo_table *t, const char *id, size_t len, long hint);
long gi_section_index(const struct govinfo_format *f, const char *id, size_t len);

/* The format with that id (len bytes, any content), NULL when none. */
const struct govinfo_format *gi_format_find_n(const char *id, size_t len);
/* The known format ids for messages: "\"2019\", \"2021\"". */
void gi_format_ids(char *buf, size_t size);

/* Resolves "<table>.<row>.<column>" to indices; GOVINFO_ENOTFOUND (with error details) for an
 * unknown id or a heading row. */
int gi_cell_resolve(const struct govinfo_format *f, const char *cell_id, size_t *table, size_t *row,
                    size_t *column);

#endif
