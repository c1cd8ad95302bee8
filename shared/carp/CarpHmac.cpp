// SPDX-License-Identifier: GPL-3.0-or-later
// The keys are absorbed with SHA-1's own context, whose state is then kept as five words: a digest
// is two calls of the compression function (Sha1Block). OpenSSL 3 calls these functions deprecated
// in favour of EVP, whose context copy allocates, frees and wipes memory through the provider
// layer for every advert.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "CarpHmac.h"

#include "util/HotPath.h"

#include <QVarLengthArray>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

namespace baton {

namespace {
constexpr int Sha1BlockSize = 64;

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

// Whole blocks for a message that follows one key block: the message, 0x80, the 64-bit length.
qsizetype paddedSize(qsizetype length)
{
    return (length + 1 + 8 + Sha1BlockSize - 1) / Sha1BlockSize * Sha1BlockSize;
}

// SHA-1's padding after `length` bytes of message in a zeroed buffer of `size` bytes; the length
// counted includes the key block hashed before.
void pad(unsigned char* buffer, qsizetype length, qsizetype size)
{
    buffer[length] = 0x80;
    qToBigEndian(static_cast<quint64>(Sha1BlockSize + length) * 8, buffer + size - 8);
}

// A SHA-1 state as the digest bytes it stands for (big-endian words).
void writeState(const Sha1Block::State& state, unsigned char* out)
{
    for (const quint32 word : state) {
        qToBigEndian(word, out);
        out += 4;
    }
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
    return ((a0 ^ b0) | (a1 ^ b1) | quint64{a2 ^ b2}) == 0;
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
    // mac() yields the all-zero failure digest when this fails, which verifies nothing.
    SHA_CTX innerContext{};
    SHA_CTX outerContext{};
    m_keyed = ok && SHA1_Init(&innerContext) == 1 &&
              SHA1_Update(&innerContext, inner.data(), inner.size()) == 1 && SHA1_Init(&outerContext) == 1 &&
              SHA1_Update(&outerContext, outer.data(), outer.size()) == 1;
    // One whole block absorbed: the state is all there is, nothing waits in the buffer.
    m_inner = {innerContext.h0, innerContext.h1, innerContext.h2, innerContext.h3, innerContext.h4};
    m_outer = {outerContext.h0, outerContext.h1, outerContext.h2, outerContext.h3, outerContext.h4};
    OPENSSL_cleanse(&innerContext, sizeof innerContext);
    OPENSSL_cleanse(&outerContext, sizeof outerContext);
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
    // compression function, padded here (0x80, zeros, the length in bits of key block and
    // message): no buffering or length bookkeeping per call, and no wipe of OpenSSL's buffer,
    // which SHA1_Final did a byte at a time for every advert.
    qsizetype length = 0;
    for (const QByteArrayView part : message)
        length += part.size();
    QVarLengthArray<unsigned char, 2 * Sha1BlockSize> inner(paddedSize(length));
    std::memset(inner.data(), 0, static_cast<size_t>(inner.size())); // one store per word
    unsigned char* at = inner.data();
    for (const QByteArrayView part : message)
        at = std::copy(part.begin(), part.end(), at);
    pad(inner.data(), length, inner.size());

    Sha1Block::State work = m_inner;
    for (qsizetype block = 0; block < inner.size(); block += Sha1BlockSize)
        Sha1Block::compress(work, inner.data() + block);
    std::array<unsigned char, Sha1BlockSize> outer{};
    writeState(work, outer.data());
    pad(outer.data(), SHA_DIGEST_LENGTH, Sha1BlockSize);
    work = m_outer;
    Sha1Block::compress(work, outer.data());
    writeState(work, result.data());
    // The copies on the stack are not wiped: they derive from the keyed states this object keeps
    // for its whole life, and expose nothing those do not.
    return result;
}

BATON_HOT bool CarpHmac::verify(const CarpAdvert& advert) const
{
    // An unkeyed object (SHA-1 missing from a broken OpenSSL install) verifies nothing.
    return m_keyed && equalInConstantTime(digest(advert), advert.hmac);
}

} // namespace baton
