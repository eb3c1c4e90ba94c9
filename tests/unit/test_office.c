/* The Office Open XML readers (lib/office): the zip archive under bounds and the Excel
 * workbook reader other parts of the library can use (cells, shared strings, merges). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govinfo/common.h"
#include "helpers.h"
#include "office/xlsx.h"
#include "office/zip.h"

static char *slurp(const char *name, size_t *len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/data/office/%s", getenv("GOVINFO_SOURCE_ROOT"), name);
  FILE *f = fopen(path, "rb");
  cr_assert_not_null(f, "%s", path);
  fseek(f, 0, SEEK_END);
  *len = (size_t)ftell(f);
  rewind(f);
  char *buf = malloc(*len);
  cr_assert_eq(fread(buf, 1, *len, f), *len);
  fclose(f);
  return buf;
}

Test(office, cell_references) {
  uint32_t row, col;
  cr_assert(gi_xlsx_ref("A1", &row, &col) && row == 1 && col == 1);
  cr_assert(gi_xlsx_ref("AB12", &row, &col) && row == 12 && col == 28);
  cr_assert_not(gi_xlsx_ref("A0", &row, &col));
  cr_assert_not(gi_xlsx_ref("12", &row, &col));
  cr_assert_not(gi_xlsx_ref("A1B", &row, &col));
}

Test(office, a_workbook_gives_its_cells_strings_and_merges) {
  size_t len;
  char *buf = slurp("suibin-2020.xlsx", &len);
  gi_xlsx *x;
  cr_assert_eq(gi_xlsx_open(&x, buf, len, "suibin-2020.xlsx"), GOVINFO_OK);
  cr_assert_eq(gi_xlsx_sheet_count(x), 1);
  gi_xlsx_sheet *s;
  cr_assert_eq(gi_xlsx_read_sheet(x, 0, &s), GOVINFO_OK);
  cr_assert_str_eq(s->name, "年度报告");
  cr_assert_gt(s->ncells, 100);
  cr_assert_eq(s->cells[0].row, 1);
  cr_assert_eq(s->cells[0].col, 1);
  cr_assert_str_eq(s->cells[0].text, "绥滨镇 2020 年政府信息公开工作年度报告");
  cr_assert_not(s->cells[0].number);
  size_t numbers = 0;
  for (size_t i = 0; i < s->ncells; i++) numbers += s->cells[i].number;
  cr_assert_gt(numbers, 50, "figures stay numbers");
  cr_assert_gt(s->nmerges, 5);
  const gi_xlsx_merge *m = &s->merges[0];
  cr_assert_not(gi_xlsx_covered(s, m->first_row, m->first_col), "the first cell holds the value");
  cr_assert(gi_xlsx_covered(s, m->last_row, m->last_col) ||
            (m->last_row == m->first_row && m->last_col == m->first_col));
  gi_xlsx_sheet_free(s);
  cr_assert_eq(gi_xlsx_read_sheet(x, 1, &s), GOVINFO_EINVAL);
  cr_assert_null(s);
  gi_xlsx_close(x);
  free(buf);
}

Test(office, a_word_file_is_no_workbook) {
  size_t len;
  char *buf = slurp("suibin-2020.docx", &len);
  gi_xlsx *x;
  cr_assert_eq(gi_xlsx_open(&x, buf, len, "suibin-2020.docx"), GOVINFO_EPARSE);
  cr_assert_null(x);
  cr_assert(strstr(govinfo_error_last()->message, "xl/workbook.xml"));
  gi_zip *z;
  cr_assert_eq(gi_zip_open(&z, buf, len, "suibin-2020.docx"), GOVINFO_OK);
  cr_assert(gi_zip_has(z, "word/document.xml"));
  char *data;
  size_t n;
  cr_assert_eq(gi_zip_read(z, "nothing.xml", &data, &n), GOVINFO_ENOTFOUND);
  cr_assert_eq(gi_zip_read(z, "word/document.xml", &data, &n), GOVINFO_OK);
  cr_assert_gt(n, 1000);
  cr_assert_eq(data[n], '\0');
  free(data);
  gi_zip_close(z);
  free(buf);
}

Test(office, bytes_that_are_no_archive_are_refused) {
  gi_zip *z;
  cr_assert(gi_zip_signature("PK\3\4rest", 8));
  cr_assert_not(gi_zip_signature("PK", 2));
  cr_assert_eq(gi_zip_open(&z, "PK\3\4 broken", 11, "x.zip"), GOVINFO_EPARSE);
  cr_assert_null(z);
}
