/* SHA-256 as FIPS 180-4 specifies it; small and dependency-free. On x86-64 processors with
 * the SHA extensions the blocks go through those instructions (a tenth of the time: hashing
 * every imported text was a fifth of an import); the loader picks the version once (ifunc). */
#include <string.h>

#include "util/sha256.h"

static const uint32_t k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static void compress(uint32_t s[8], const unsigned char *p) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++)
    w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
           (uint32_t)p[4 * i + 3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  s[0] += a, s[1] += b, s[2] += c, s[3] += d, s[4] += e, s[5] += f, s[6] += g, s[7] += h;
}

void gi_sha256_blocks_portable(uint32_t state[8], const unsigned char *p, size_t blocks) {
  for (; blocks > 0; blocks--, p += 64) compress(state, p);
}

#if GI_SHA256_HAVE_SHANI
#include <cpuid.h>
#include <immintrin.h>

/* Four rounds per step: the message schedule lives in m[], four words to a register. */
__attribute__((target("sha,sse4.1"))) static void
blocks_shani(uint32_t state[8], const unsigned char *p, size_t blocks) {
  const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i cdab = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);
  __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
  for (; blocks > 0; blocks--, p += 64) {
    __m128i abef_before = abef, cdgh_before = cdgh, m[4];
    for (int g = 0; g < 16; g++) {
      if (g < 4) {
        m[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * g)), byteswap);
      } else { /* W[t-16] + s0(W[t-15]) + W[t-7], then + s1(W[t-2]) */
        __m128i w = _mm_sha256msg1_epu32(m[g % 4], m[(g + 1) % 4]);
        w = _mm_add_epi32(w, _mm_alignr_epi8(m[(g + 3) % 4], m[(g + 2) % 4], 4));
        m[g % 4] = _mm_sha256msg2_epu32(w, m[(g + 3) % 4]);
      }
      __m128i wk = _mm_add_epi32(m[g % 4], _mm_loadu_si128((const __m128i *)&k[4 * g]));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }
  __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
  _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

static bool cpu_has_shani(void) {
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSSE3) || !(c & bit_SSE4_1)) return false;
  return __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
}

bool gi_sha256_blocks_accelerated(uint32_t state[8], const unsigned char *p, size_t blocks) {
  if (!cpu_has_shani()) return false;
  blocks_shani(state, p, blocks);
  return true;
}

/* Run by the dynamic loader before any call: no state of ours decides it later. */
__attribute__((used)) static void (*resolve_blocks(void))(uint32_t *, const unsigned char *,
                                                          size_t) {
  return cpu_has_shani() ? blocks_shani : gi_sha256_blocks_portable;
}
static void blocks(uint32_t state[8], const unsigned char *p, size_t blocks)
    __attribute__((ifunc("resolve_blocks")));
#else
bool gi_sha256_blocks_accelerated(uint32_t state[8], const unsigned char *p, size_t blocks) {
  (void)state, (void)p, (void)blocks;
  return false;
}
static void blocks(uint32_t state[8], const unsigned char *p, size_t n) {
  gi_sha256_blocks_portable(state, p, n);
}
#endif

void gi_sha256_init(gi_sha256 *h) {
  static const uint32_t initial[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                      0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  memcpy(h->state, initial, sizeof initial);
  h->bytes = 0;
  h->used = 0;
}

void gi_sha256_update(gi_sha256 *h, const void *data, size_t len) {
  const unsigned char *p = data;
  h->bytes += len;
  if (h->used) {
    size_t n = 64 - h->used < len ? 64 - h->used : len;
    memcpy(h->block + h->used, p, n);
    h->used += n, p += n, len -= n;
    if (h->used < 64) return;
    blocks(h->state, h->block, 1);
    h->used = 0;
  }
  blocks(h->state, p, len / 64);
  p += len / 64 * 64, len %= 64;
  memcpy(h->block, p, len);
  h->used = len;
}

void gi_sha256_final(gi_sha256 *h, unsigned char digest[32]) {
  uint64_t bits = h->bytes * 8;
  unsigned char pad[72] = {0x80};
  size_t padlen = (h->used < 56 ? 56 : 120) - h->used;
  for (int i = 0; i < 8; i++) pad[padlen + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
  gi_sha256_update(h, pad, padlen + 8);
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 4; j++) digest[4 * i + j] = (unsigned char)(h->state[i] >> (24 - 8 * j));
}

void gi_sha256_hex(const void *data, size_t len, char hex[GI_SHA256_HEX_SIZE]) {
  static const char digits[] = "0123456789abcdef";
  gi_sha256 h;
  unsigned char digest[32];
  gi_sha256_init(&h);
  gi_sha256_update(&h, data, len);
  gi_sha256_final(&h, digest);
  for (int i = 0; i < 32; i++) {
    hex[2 * i] = digits[digest[i] >> 4];
    hex[2 * i + 1] = digits[digest[i] & 15];
  }
  hex[64] = '\0';
}
