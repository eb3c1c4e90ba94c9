/* Private to the checks across reports (lib/analysis/): compare.c two years of a body,
 * reuse.c the text they share, pairing.c bodies and years of a corpus, sum.c bodies summed. */
#ifndef GI_ANALYSIS_ANALYSIS_H
#define GI_ANALYSIS_ANALYSIS_H

#include <stddef.h>

#include "govinfo/analysis.h"
#include "model/report.h"

/* Text reuse (reuse.c): the characters of `current` after normalisation (full-width forms
 * folded, whitespace dropped, each run of digits one character) in *chars, and in *reused
 * how many lie in a run of at least min_run characters that `last` also has. Linear in the
 * two lengths (rolling hashes of min_run characters, each match checked). GOVINFO_ENOMEM
 * (error recorded). */
int gi_text_reuse(const char *last, const char *current, unsigned min_run, size_t *chars,
                  size_t *reused);

/* A body's name for pairing (pairing.c): the organ normalised like text for reuse, less
 * its leading region names (淮安市洪泽区人民政府 -> 洪泽区人民政府), which go to *region.
 * New strings (free()); GOVINFO_ENOMEM. */
int gi_body_key(const char *organ, char **key, char **region);

/* How messages name a report: its origin, else "第N份" / "part N" (1-based). */
void gi_part_name(const govinfo_report *r, size_t index, char *zh, char *en, size_t size);

#endif
