/* Operands that may name directories: each directory is read recursively for report files
 * (.json, .yaml, .yml). Used by compare and sum. Kept apart from cli.c so that it can give
 * way to a shared runner of many inputs. */
#ifndef GOVINFO_CLI_INPUTS_H
#define GOVINFO_CLI_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct cli_inputs {
  char **paths; /* malloc'd strings */
  size_t n;
  bool any_directory; /* some operand was a directory */
} cli_inputs;

/* The operands in order, each directory replaced by its report files (recursively, sorted by
 * name, hidden entries and symbolic links to directories skipped). "-" stays itself. Returns
 * CLI_CONTINUE, or CLI_EXIT_FAILURE after printing why (a directory that cannot be read,
 * out of memory). */
int cli_inputs_expand(cli_inputs *out, char *const *operands, size_t n);
void cli_inputs_free(cli_inputs *in);

#endif
