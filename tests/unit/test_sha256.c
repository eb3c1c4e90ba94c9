/* SHA-256 against the FIPS 180-4 / NIST example vectors, whole and fed in pieces. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "util/sha256.h"

static void hex_of_pieces(const char *data, size_t len, size_t piece, char hex[65]) {
  static const char digits[] = "0123456789abcdef";
  gi_sha256 h;
  unsigned char digest[32];
  gi_sha256_init(&h);
  for (size_t at = 0; at < len; at += piece)
    gi_sha256_update(&h, data + at, len - at < piece ? len - at : piece);
  gi_sha256_final(&h, digest);
  for (int i = 0; i < 32; i++) {
    hex[2 * i] = digits[digest[i] >> 4];
    hex[2 * i + 1] = digits[digest[i] & 15];
  }
  hex[64] = '\0';
}

static const struct {
  const char *message;
  const char *digest;
} vectors[] = {
    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmn"
     "opqrsmnopqrstnopqrstu",
     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
};

Test(sha256, standard_vectors_whole_and_in_pieces) {
  for (size_t i = 0; i < sizeof vectors / sizeof *vectors; i++) {
    char hex[GI_SHA256_HEX_SIZE];
    gi_sha256_hex(vectors[i].message, strlen(vectors[i].message), hex);
    cr_assert_str_eq(hex, vectors[i].digest, "vector %zu", i);
    for (size_t piece = 1; piece <= 130; piece += 7) {
      hex_of_pieces(vectors[i].message, strlen(vectors[i].message), piece, hex);
      cr_assert_str_eq(hex, vectors[i].digest, "vector %zu in pieces of %zu", i, piece);
    }
  }
}

Test(sha256, one_million_a) {
  size_t n = 1000000;
  char *a = malloc(n);
  cr_assert_not_null(a);
  memset(a, 'a', n);
  char hex[GI_SHA256_HEX_SIZE];
  gi_sha256_hex(a, n, hex);
  cr_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  hex_of_pieces(a, n, 997, hex);
  cr_assert_str_eq(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  free(a);
}

Test(sha256, lengths_around_the_padding_boundary) {
  /* 55 bytes pad into one block, 56 need a second; 64 is one whole block */
  static const struct {
    size_t len;
    const char *digest;
  } cases[] = {
      {55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
      {56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
      {64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
  };
  char buf[64];
  memset(buf, 'x', sizeof buf);
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char hex[GI_SHA256_HEX_SIZE];
    gi_sha256_hex(buf, cases[i].len, hex);
    cr_assert_str_eq(hex, cases[i].digest, "%zu bytes", cases[i].len);
  }
}

/* The accelerated blocks (where the processor has them) and the portable ones agree. */
Test(sha256, accelerated_and_portable_blocks_agree) {
  enum { BLOCKS = 37 };
  unsigned char data[64 * BLOCKS];
  uint32_t seed = 12345;
  for (size_t i = 0; i < sizeof data; i++) {
    seed = seed * 1103515245u + 12345u;
    data[i] = (unsigned char)(seed >> 16);
  }
  for (size_t n = 0; n <= BLOCKS; n += 6) {
    uint32_t portable[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                            0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    uint32_t accelerated[8];
    memcpy(accelerated, portable, sizeof portable);
    gi_sha256_blocks_portable(portable, data, n);
    if (!gi_sha256_blocks_accelerated(accelerated, data, n)) cr_skip_test("no SHA extensions");
    cr_assert_arr_eq(accelerated, portable, sizeof portable, "%zu blocks", n);
  }
}
