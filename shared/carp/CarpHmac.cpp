// SPDX-License-Identifier: GPL-3.0-or-later
// HMAC's two keyed SHA-1 states are kept as five words each, and a digest is two calls of SHA-1's
// compression function (Sha1Block). EVP, OpenSSL 3's way, allocates, frees and wipes a context
// copy through the provider layer for every advert.
#include "CarpHmac.h"

#include "util/HotPath.h"

#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace baton {

namespace {
constexpr int Sha1BlockSize = 64;
constexpr int Sha1DigestSize = 20;

std::array<char, 4> bigEndian32(quint32 value)
{
    std::array<char, 4> bytes{};
    qToBigEndian(value, bytes.data());
    return bytes;
}

std::array<char, 8> bigEndian64(quint64 value)
{
    // High 32-bit word first, each word big-endian: the same as one big-endian 64-bit value.
    std::array<char, 8> bytes{};
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArrayView view(const auto& bytes)
{
    return QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

// A SHA-1 state as the digest bytes it stands for (big-endian words).
void writeState(const Sha1Block::State& state, unsigned char* out)
{
    for (const quint32 word : state) {
        qToBigEndian(word, out);
        out += 4;
    }
}

// SHA-1's padding after the `filled` bytes a message left in `block`, then its last compressions:
// 0x80, zeros, and the length in bits of the key block and the `length` bytes of message.
void finish(Sha1Block::State& state, std::array<unsigned char, Sha1BlockSize>& block, std::size_t filled,
            quint64 length)
{
    block[filled++] = 0x80;
    if (filled > block.size() - 8) { // no room for the length: it goes into a block of its own
        std::memset(block.data() + filled, 0, block.size() - filled);
        Sha1Block::compress(state, block.data());
        filled = 0;
    }
    std::memset(block.data() + filled, 0, block.size() - 8 - filled);
    qToBigEndian((Sha1BlockSize + length) * 8, block.data() + block.size() - 8);
    Sha1Block::compress(state, block.data());
}

// Every byte compared whatever the first difference, with no branch on the bytes: how long a
// rejection takes tells a forger nothing about how much of a digest was right.
bool equalInConstantTime(const CarpHmac::Digest& a, const CarpHmac::Digest& b)
{
    quint64 a0 = 0, a1 = 0, b0 = 0, b1 = 0;
    quint32 a2 = 0, b2 = 0;
    std::memcpy(&a0, a.data(), 8);
    std::memcpy(&a1, a.data() + 8, 8);
    std::memcpy(&a2, a.data() + 16, 4);
    std::memcpy(&b0, b.data(), 8);
    std::memcpy(&b1, b.data() + 8, 8);
    std::memcpy(&b2, b.data() + 16, 4);
    const quint64 wide = (a0 ^ b0) | (a1 ^ b1) | quint64{a2 ^ b2};
    // One register wide on every architecture (a 64-bit operand is a pair on 32-bit ones): the
    // compiler must not turn the OR chain back into an early-out comparison.
    quint32 difference = static_cast<quint32>(wide) | static_cast<quint32>(wide >> 32);
    asm("" : "+r"(difference));
    return difference == 0;
}
} // namespace

CarpHmac::CarpHmac(const QByteArray& password, quint8 vhid, QList<quint32> vips, Mode mode)
    : m_vhid(vhid)
    , m_vips(std::move(vips))
    , m_mode(mode)
{
    std::sort(m_vips.begin(), m_vips.end());

    m_messagePrefix.reserve(3 + 4 * m_vips.size());
    // Version and type as whole bytes, not the packed 0x21 header byte.
    m_messagePrefix.append(char{CarpAdvert::Version});
    m_messagePrefix.append(char{CarpAdvert::TypeAdvertisement});
    m_messagePrefix.append(static_cast<char>(m_vhid));
    for (const quint32 vip : std::as_const(m_vips))
        m_messagePrefix.append(view(bigEndian32(vip)));

    // RFC 2104: a key longer than the block is hashed first, a shorter one padded with zeros.
    std::array<unsigned char, Sha1BlockSize> inner{};
    std::array<unsigned char, Sha1BlockSize> outer{};
    bool ok = true;
    if (password.size() > Sha1BlockSize) {
        unsigned int length = 0;
        ok = EVP_Digest(password.constData(), static_cast<size_t>(password.size()), inner.data(), &length,
                        EVP_sha1(), nullptr) == 1;
    } else {
        std::copy(password.begin(), password.end(), inner.begin());
    }
    outer = inner;
    for (std::size_t i = 0; i < inner.size(); ++i) {
        inner[i] ^= 0x36;
        outer[i] ^= 0x5c;
    }
    // mac() yields the all-zero failure digest when hashing a long key fails, which verifies
    // nothing. Each padded key is one whole block: SHA-1's initial state after it is all there is.
    m_keyed = ok;
    m_inner = m_outer = Sha1Block::Initial;
    Sha1Block::compress(m_inner, inner.data());
    Sha1Block::compress(m_outer, outer.data());
    OPENSSL_cleanse(inner.data(), inner.size());
    OPENSSL_cleanse(outer.data(), outer.size());
}

BATON_HOT CarpHmac::Digest CarpHmac::digest(quint64 counter) const
{
    return mac({m_messagePrefix, view(bigEndian64(counter))});
}

BATON_HOT CarpHmac::Digest CarpHmac::digest(const CarpAdvert& advert) const
{
    if (m_mode == Mode::Compatible)
        return digest(advert.counter);
    const std::array<char, 3> fields{static_cast<char>(advert.advbase), static_cast<char>(advert.advskew),
                                     static_cast<char>(advert.demote)};
    const QByteArrayView prefix(m_messagePrefix);
    return mac({QByteArrayView("baton-strict"), prefix.first(3) /* version, type, vhid */, view(fields),
                view(bigEndian32(advert.source)), prefix.sliced(3) /* the VIPs */,
                view(bigEndian64(advert.counter))});
}

BATON_HOT CarpHmac::Digest CarpHmac::mac(std::initializer_list<QByteArrayView> message) const
{
    Digest result{};
    if (!m_keyed)
        return result; // all zero: verify() refuses it
    // HMAC's key blocks are absorbed already, so what is left is whole blocks for SHA-1's
    // compression function, gathered and padded here in one block on the stack (0x80, zeros, the
    // length in bits of key block and message): no buffering or length bookkeeping in OpenSSL, no
    // wipe of its buffer a byte at a time (SHA1_Final's), and no allocation however many VIPs.
    Sha1Block::State work = m_inner;
    std::array<unsigned char, Sha1BlockSize> block; // every byte written before it is hashed
    std::size_t filled = 0;
    quint64 length = 0;
    for (const QByteArrayView part : message) {
        const auto* from = reinterpret_cast<const unsigned char*>(part.data());
        auto left = static_cast<std::size_t>(part.size());
        length += left;
        while (left > 0) {
            const std::size_t n = std::min(left, block.size() - filled);
            std::memcpy(block.data() + filled, from, n);
            filled += n;
            from += n;
            left -= n;
            if (filled == block.size()) {
                Sha1Block::compress(work, block.data());
                filled = 0;
            }
        }
    }
    finish(work, block, filled, length);

    writeState(work, block.data()); // the inner digest, the outer hash's whole message
    work = m_outer;
    finish(work, block, Sha1DigestSize, Sha1DigestSize);
    writeState(work, result.data());
    // The block and state on the stack are not wiped: they derive from the keyed states this
    // object keeps for its whole life, and expose nothing those do not.
    return result;
}

BATON_HOT bool CarpHmac::verify(const CarpAdvert& advert) const
{
    // An unkeyed object (SHA-1 missing from a broken OpenSSL install) verifies nothing.
    return m_keyed && equalInConstantTime(digest(advert), advert.hmac);
}

} // namespace baton
