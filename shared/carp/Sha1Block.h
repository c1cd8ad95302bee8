// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>

namespace baton {

// SHA-1's compression function: one 64-byte block into a five-word state (FIPS 180-4, 6.1.2).
// CarpHmac keys its two states once and then needs only this, two blocks per advert. On a CPU
// with the SHA extensions it runs them here, beside the rest of the advert path: through OpenSSL
// the two blocks cost an advert received about 2 us with cold caches (libcrypto's code, its
// dispatch data and the calls between them), 7 % of the backup's CPU. Elsewhere it is OpenSSL's.
class Sha1Block
{
public:
    using State = std::array<quint32, 5>; // h0 .. h4
    // The state before the first block (FIPS 180-4, 5.3.1).
    static constexpr State Initial{0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};

    static void compress(State& state, const unsigned char* block);
    // Whether compress() runs on the CPU's SHA extensions (SHA, SSSE3, SSE4.1).
    static bool accelerated();
    // The two ways, for tests: compressAccelerated() only where accelerated() (elsewhere it is
    // OpenSSL's too).
    static void compressAccelerated(State& state, const unsigned char* block);
    static void compressOpenSsl(State& state, const unsigned char* block);
};

} // namespace baton
