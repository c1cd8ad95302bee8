// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-1's own context can be copied as a plain struct: keyed once, a digest is then two calls of
// its compression function (SHA1_Transform) and two struct copies. OpenSSL 3 calls these functions
// deprecated in favour of EVP, whose context copy allocates, frees and wipes memory through the
// provider layer for every advert.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "CarpHmac.h"

#include "util/HotPath.h"

#include <QVarLengthArray>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <openssl/crypto.h>
#include <openssl/evp.h>

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
void writeState(const SHA_CTX& state, unsigned char* out)
{
    for (const unsigned int word : {state.h0, state.h1, state.h2, state.h3, state.h4}) {
        qToBigEndian(static_cast<quint32>(word), out);
        out += 4;
    }
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
    m_keyed = ok && SHA1_Init(&m_inner) == 1 && SHA1_Update(&m_inner, inner.data(), inner.size()) == 1 &&
              SHA1_Init(&m_outer) == 1 && SHA1_Update(&m_outer, outer.data(), outer.size()) == 1;
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
    // which SHA1_Final does a byte at a time for every advert.
    qsizetype length = 0;
    for (const QByteArrayView part : message)
        length += part.size();
    QVarLengthArray<unsigned char, 2 * Sha1BlockSize> inner(paddedSize(length));
    std::memset(inner.data(), 0, static_cast<size_t>(inner.size())); // one store per word
    unsigned char* at = inner.data();
    for (const QByteArrayView part : message)
        at = std::copy(part.begin(), part.end(), at);
    pad(inner.data(), length, inner.size());

    SHA_CTX work = m_inner;
    for (qsizetype block = 0; block < inner.size(); block += Sha1BlockSize)
        SHA1_Transform(&work, inner.data() + block);
    std::array<unsigned char, Sha1BlockSize> outer{};
    writeState(work, outer.data());
    pad(outer.data(), SHA_DIGEST_LENGTH, Sha1BlockSize);
    work = m_outer;
    SHA1_Transform(&work, outer.data());
    writeState(work, result.data());
    // The copies on the stack are not wiped: they derive from the keyed states this object keeps
    // for its whole life, and expose nothing those do not.
    return result;
}

BATON_HOT bool CarpHmac::verify(const CarpAdvert& advert) const
{
    // An unkeyed object (SHA-1 missing from a broken OpenSSL install) verifies nothing.
    return m_keyed && CRYPTO_memcmp(digest(advert).data(), advert.hmac.data(), advert.hmac.size()) == 0;
}

} // namespace baton
