/* Prints the importer's document of a file as JSON, for the rendering tests:
 *
 *     dump_doc markdown|html|text FILE
 *
 * One array of lines, each {"kind": "text"|"row"|"break", "line", "column", "table_start",
 * "raw", "tokens": [[text, line, column], ...]}. A front end's failure exits 2 with the
 * error's name and message on stderr. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *bigger = realloc(buf, cap *= 2);
      if (bigger == NULL) free(buf);
      buf = bigger;
    }
  }
  fclose(f);
  *len = n;
  return buf;
}

static const char *kind_name(gi_line_kind kind) {
  return kind == GI_LINE_ROW ? "row" : kind == GI_LINE_BREAK ? "break" : "text";
}

static cJSON *dump(const gi_doc *doc) {
  cJSON *lines = cJSON_CreateArray();
  for (size_t i = 0; i < doc->nlines; i++) {
    const gi_line *l = &doc->lines[i];
    cJSON *line = cJSON_CreateObject(), *tokens = cJSON_CreateArray();
    cJSON_AddStringToObject(line, "kind", kind_name(l->kind));
    cJSON_AddNumberToObject(line, "line", l->loc.line);
    cJSON_AddNumberToObject(line, "column", l->loc.column);
    cJSON_AddBoolToObject(line, "table_start", l->table_start);
    cJSON_AddStringToObject(line, "raw", l->raw);
    for (size_t t = l->first; t < l->first + l->count; t++) {
      cJSON *token = cJSON_CreateArray();
      cJSON_AddItemToArray(token, cJSON_CreateString(doc->tokens[t].text));
      cJSON_AddItemToArray(token, cJSON_CreateNumber(doc->tokens[t].loc.line));
      cJSON_AddItemToArray(token, cJSON_CreateNumber(doc->tokens[t].loc.column));
      cJSON_AddItemToArray(tokens, token);
    }
    cJSON_AddItemToObject(line, "tokens", tokens);
    cJSON_AddItemToArray(lines, line);
  }
  return lines;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: dump_doc markdown|html|text FILE\n");
    return 2;
  }
  size_t len;
  char *buf = read_file(argv[2], &len);
  if (buf == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[2]);
    return 2;
  }
  gi_doc doc;
  gi_doc_init(&doc);
  int rc;
  if (strcmp(argv[1], "markdown") == 0) rc = gi_read_markdown(&doc, buf, len);
#ifdef GOVINFO_HAVE_HTML
  else if (strcmp(argv[1], "html") == 0)
    rc = gi_read_html(&doc, buf, len, argv[2]);
#endif
  else
    rc = gi_read_text(&doc, buf, len);
  free(buf);
  if (rc != GOVINFO_OK) {
    fprintf(stderr, "%s: %s\n", govinfo_error_name(rc), govinfo_error_last()->message);
    gi_doc_free(&doc);
    return 2;
  }
  cJSON *lines = dump(&doc);
  char *text = cJSON_PrintUnformatted(lines);
  puts(text);
  cJSON_free(text);
  cJSON_Delete(lines);
  gi_doc_free(&doc);
  return 0;
}
