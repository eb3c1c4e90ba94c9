/* SHA-256 (FIPS 180-4), for the provenance of imported reports and the export's change
 * detection: the hash of the bytes a report was read from. */
#ifndef GI_UTIL_SHA256_H
#define GI_UTIL_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define GI_SHA256_HEX_SIZE 65 /* 64 lowercase hex digits and the NUL */

typedef struct gi_sha256 {
  uint32_t state[8];
  uint64_t bytes; /* message length so far */
  unsigned char block[64];
  size_t used; /* bytes waiting in block */
} gi_sha256;

void gi_sha256_init(gi_sha256 *h);
void gi_sha256_update(gi_sha256 *h, const void *data, size_t len);
void gi_sha256_final(gi_sha256 *h, unsigned char digest[32]);
/* The digest of data[0..len) as lowercase hex into hex[GI_SHA256_HEX_SIZE]. */
void gi_sha256_hex(const void *data, size_t len, char hex[GI_SHA256_HEX_SIZE]);

#endif
