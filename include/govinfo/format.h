/* libgovinfo: the official format versions, read-only.
 *
 * A format version ("2019", "2021") is data: its sections, tables, rows, columns and
 * identities. Everything returned here is static and immutable. Ids are those of
 * tests/data/spec/formats.yaml (the project's copy of the official formats); a cell is
 * "<table>.<row>.<column>".
 */
#ifndef GOVINFO_FORMAT_H
#define GOVINFO_FORMAT_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct govinfo_format govinfo_format;
typedef struct govinfo_section_def govinfo_section_def;
typedef struct govinfo_table govinfo_table;
typedef struct govinfo_row govinfo_row;
typedef struct govinfo_column govinfo_column;

/* What a column's cells hold. */
typedef enum govinfo_value_kind {
  GOVINFO_KIND_COUNT = 1,  /* non-negative integer */
  GOVINFO_KIND_SIGNED = 2, /* integer that may be negative (2019 本年增/减) */
  GOVINFO_KIND_MONEY = 3   /* non-negative exact decimal (万元, 采购总金额) */
} govinfo_value_kind;

/* What a row is. */
typedef enum govinfo_row_role {
  GOVINFO_ROW_DATA = 1,   /* holds figures */
  GOVINFO_ROW_GROUP = 2,  /* groups sub-rows; may carry a printed figure that stands for them */
  GOVINFO_ROW_HEADING = 3 /* a label only, never a figure (三、本年度办理结果) */
} govinfo_row_role;

/* Formats, in order of age. Static. */
GOVINFO_API size_t govinfo_format_count(void);
GOVINFO_API const govinfo_format *govinfo_format_at(size_t index);
/* NULL and GOVINFO_ENOTFOUND when no format has that id. */
GOVINFO_API const govinfo_format *govinfo_format_find(const char *id);
/* The format in force for a report year; NULL and GOVINFO_ENOTFOUND before 2019. */
GOVINFO_API const govinfo_format *govinfo_format_for_year(int year);

GOVINFO_API const char *govinfo_format_id(const govinfo_format *format);
GOVINFO_API const char *govinfo_format_name(const govinfo_format *format);
GOVINFO_API int govinfo_format_first_year(const govinfo_format *format);
/* Last report year the format applies to; 0 while it is in force. */
GOVINFO_API int govinfo_format_last_year(const govinfo_format *format);
/* 1 when reports for that year use this format, else 0. */
GOVINFO_API int govinfo_format_covers_year(const govinfo_format *format, int year);

GOVINFO_API size_t govinfo_format_section_count(const govinfo_format *format);
GOVINFO_API const govinfo_section_def *govinfo_format_section_at(const govinfo_format *format,
                                                                 size_t index);
GOVINFO_API const govinfo_section_def *govinfo_format_section_find(const govinfo_format *format,
                                                                   const char *id);
GOVINFO_API const char *govinfo_section_def_id(const govinfo_section_def *section); /* "s1" */
GOVINFO_API const char *govinfo_section_def_title(const govinfo_section_def *section);
GOVINFO_API size_t govinfo_section_def_variant_count(const govinfo_section_def *section);
GOVINFO_API const char *govinfo_section_def_variant_at(const govinfo_section_def *section,
                                                       size_t index);

GOVINFO_API size_t govinfo_format_table_count(const govinfo_format *format);
GOVINFO_API const govinfo_table *govinfo_format_table_at(const govinfo_format *format,
                                                         size_t index);
GOVINFO_API const govinfo_table *govinfo_format_table_find(const govinfo_format *format,
                                                           const char *id);
GOVINFO_API const char *govinfo_table_id(const govinfo_table *table);
GOVINFO_API const char *govinfo_table_title(const govinfo_table *table);
GOVINFO_API const char *govinfo_table_section(const govinfo_table *table); /* section id */

GOVINFO_API size_t govinfo_table_row_count(const govinfo_table *table);
GOVINFO_API const govinfo_row *govinfo_table_row_at(const govinfo_table *table, size_t index);
GOVINFO_API const govinfo_row *govinfo_table_row_find(const govinfo_table *table, const char *id);
GOVINFO_API const char *govinfo_row_id(const govinfo_row *row);
GOVINFO_API const char *govinfo_row_label(const govinfo_row *row);
/* Id of the enclosing group or heading row, NULL at the top level. */
GOVINFO_API const char *govinfo_row_parent(const govinfo_row *row);
GOVINFO_API govinfo_row_role govinfo_row_role_of(const govinfo_row *row);

GOVINFO_API size_t govinfo_table_column_count(const govinfo_table *table);
GOVINFO_API const govinfo_column *govinfo_table_column_at(const govinfo_table *table, size_t index);
GOVINFO_API const govinfo_column *govinfo_table_column_find(const govinfo_table *table,
                                                            const char *id);
GOVINFO_API const char *govinfo_column_id(const govinfo_column *column);
GOVINFO_API const char *govinfo_column_label(const govinfo_column *column);
GOVINFO_API govinfo_value_kind govinfo_column_kind(const govinfo_column *column);

#ifdef __cplusplus
}
#endif
#endif
