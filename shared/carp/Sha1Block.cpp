// SPDX-License-Identifier: GPL-3.0-or-later
// SHA1_Transform is deprecated in OpenSSL 3 in favour of EVP, which has no single-block call.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "Sha1Block.h"

#include "util/HotPath.h"

#include <openssl/sha.h>
#include <utility>

// The SHA extensions are x86's; elsewhere every block is OpenSSL's.
#if defined(__x86_64__)
#define BATON_SHA_EXTENSIONS 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace baton {

namespace {

#ifdef BATON_SHA_EXTENSIONS
bool detectShaExtensions()
{
    unsigned int a = 0, b = 0, c = 0, d = 0;
    if (__get_cpuid(1, &a, &b, &c, &d) == 0 || (c & bit_SSSE3) == 0 || (c & bit_SSE4_1) == 0)
        return false;
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) != 0 && (b & bit_SHA) != 0;
}

#define BATON_SHA_TARGET [[gnu::target("sha,ssse3,sse4.1")]]

// Four rounds, group I of twenty. The message words of group I (w[I % 4]) are derived from the
// four groups before it for I >= 4 (FIPS 180-4's schedule, four words at a time: SHA1MSG1 and the
// XOR give W[t-16] ^ W[t-14] ^ W[t-8], SHA1MSG2 the rest and the rotation). E for the group is
// the A of four rounds before, rotated (SHA1NEXTE); the first group adds the initial E instead.
template <int I>
BATON_SHA_TARGET inline void fourRounds(__m128i& abcd, __m128i& previous, __m128i (&w)[4], __m128i e0)
{
    if constexpr (I >= 4)
        w[I % 4] = _mm_sha1msg2_epu32(
            _mm_xor_si128(_mm_sha1msg1_epu32(w[I % 4], w[(I + 1) % 4]), w[(I + 2) % 4]), w[(I + 3) % 4]);
    __m128i e;
    if constexpr (I == 0)
        e = _mm_add_epi32(e0, w[0]);
    else
        e = _mm_sha1nexte_epu32(previous, w[I % 4]);
    previous = abcd;
    abcd = _mm_sha1rnds4_epu32(abcd, e, I / 5); // the round function and constant of rounds 20 * (I / 5) on
}

template <int... I>
BATON_SHA_TARGET inline void eightyRounds(__m128i& abcd, __m128i& previous, __m128i (&w)[4], __m128i e0,
                                          std::integer_sequence<int, I...>)
{
    (fourRounds<I>(abcd, previous, w, e0), ...);
}
#else
bool detectShaExtensions()
{
    return false;
}
#endif

const bool ShaExtensions = detectShaExtensions();

} // namespace

bool Sha1Block::accelerated()
{
    return ShaExtensions;
}

BATON_HOT void Sha1Block::compress(State& state, const unsigned char* block)
{
    if (ShaExtensions)
        compressAccelerated(state, block);
    else
        compressOpenSsl(state, block);
}

#ifdef BATON_SHA_EXTENSIONS
BATON_HOT BATON_SHA_TARGET void Sha1Block::compressAccelerated(State& state, const unsigned char* block)
{
    // The instructions keep A in the high lane and E in a register of its own, also high. The
    // byte reversal turns big-endian words into numbers and puts the first word in the high lane.
    const __m128i reverse = _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const auto* words = reinterpret_cast<const __m128i*>(block);
    __m128i w[4];
    for (int i = 0; i < 4; ++i)
        w[i] = _mm_shuffle_epi8(_mm_loadu_si128(words + i), reverse);
    const __m128i abcd0 = _mm_set_epi32(static_cast<int>(state[0]), static_cast<int>(state[1]),
                                        static_cast<int>(state[2]), static_cast<int>(state[3]));
    const __m128i e0 = _mm_set_epi32(static_cast<int>(state[4]), 0, 0, 0);
    __m128i abcd = abcd0;
    __m128i previous = abcd0;
    eightyRounds(abcd, previous, w, e0, std::make_integer_sequence<int, 20>{});
    const __m128i e = _mm_sha1nexte_epu32(previous, e0); // E after round 80, plus the initial E
    abcd = _mm_add_epi32(abcd, abcd0);
    state[0] = static_cast<quint32>(_mm_extract_epi32(abcd, 3));
    state[1] = static_cast<quint32>(_mm_extract_epi32(abcd, 2));
    state[2] = static_cast<quint32>(_mm_extract_epi32(abcd, 1));
    state[3] = static_cast<quint32>(_mm_extract_epi32(abcd, 0));
    state[4] = static_cast<quint32>(_mm_extract_epi32(e, 3));
}
#else
void Sha1Block::compressAccelerated(State& state, const unsigned char* block)
{
    compressOpenSsl(state, block); // never chosen here: accelerated() is false
}
#endif

void Sha1Block::compressOpenSsl(State& state, const unsigned char* block)
{
    SHA_CTX context{};
    context.h0 = state[0];
    context.h1 = state[1];
    context.h2 = state[2];
    context.h3 = state[3];
    context.h4 = state[4];
    SHA1_Transform(&context, block);
    state = {context.h0, context.h1, context.h2, context.h3, context.h4};
}

} // namespace baton
