/* SHA-256 (FIPS 180-4), for the provenance of imported reports and the export's change
 * detection: the hash of the bytes a report was read from. */
#ifndef GI_UTIL_SHA256_H
#define GI_UTIL_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The SHA extensions' version, chosen by the loader: x86-64 ELF with glibc's ifunc. */
#if defined(__x86_64__) && defined(__ELF__) && defined(__GLIBC__) &&                               \
    (defined(__GNUC__) || defined(__clang__))
#define GI_SHA256_HAVE_SHANI 1
#else
#define GI_SHA256_HAVE_SHANI 0
#endif

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

/* The compression of whole 64-byte blocks, each version on its own (for the tests): the
 * accelerated one returns false, doing nothing, where the processor lacks it. */
void gi_sha256_blocks_portable(uint32_t state[8], const unsigned char *p, size_t blocks);
bool gi_sha256_blocks_accelerated(uint32_t state[8], const unsigned char *p, size_t blocks);

#endif
