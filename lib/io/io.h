/* The readers and writers of report documents, behind govinfo_report_parse and
 * govinfo_report_serialize (report_io.c). */
#ifndef GI_IO_IO_H
#define GI_IO_IO_H

#include <stddef.h>

#include "govinfo/report.h"

int gi_json_parse(govinfo_report **out, const char *buf, size_t len, const char *source);
int gi_yaml_parse(govinfo_report **out, const char *buf, size_t len, const char *source);
int gi_json_write(char **out, size_t *len, const govinfo_report *r);
int gi_yaml_write(char **out, size_t *len, const govinfo_report *r, unsigned flags);

#endif
