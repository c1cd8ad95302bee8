// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-1's own context can be copied as a plain struct: keyed once, a digest is then two blocks
// and two struct copies. OpenSSL 3 calls these functions deprecated in favour of EVP, whose
// context copy allocates, frees and wipes memory through the provider layer for every advert.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "CarpHmac.h"

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

CarpHmac::Digest CarpHmac::digest(quint64 counter) const
{
    return mac({m_messagePrefix, view(bigEndian64(counter))});
}

CarpHmac::Digest CarpHmac::digest(const CarpAdvert& advert) const
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

CarpHmac::Digest CarpHmac::mac(std::initializer_list<QByteArrayView> message) const
{
    Digest result{};
    std::array<unsigned char, SHA_DIGEST_LENGTH> innerHash{};
    SHA_CTX work = m_inner;
    bool ok = m_keyed;
    for (const QByteArrayView part : message)
        ok = ok && SHA1_Update(&work, part.data(), static_cast<size_t>(part.size())) == 1;
    ok = ok && SHA1_Final(innerHash.data(), &work) == 1;
    work = m_outer;
    ok = ok && SHA1_Update(&work, innerHash.data(), innerHash.size()) == 1 &&
         SHA1_Final(result.data(), &work) == 1;
    // Wiped as the keyed states are kept: explicit_bzero is a plain memset the compiler may not
    // drop, where OPENSSL_cleanse walks the bytes through a call per advert.
    explicit_bzero(&work, sizeof work);
    // SHA-1 cannot fail short of a broken OpenSSL install; an all-zero digest then verifies nothing
    // real, because verify() refuses it below.
    if (!ok)
        result.fill(0);
    return result;
}

bool CarpHmac::verify(const CarpAdvert& advert) const
{
    const Digest expected = digest(advert);
    // Guard against the failure value above; a genuine all-zero digest has probability 2^-160.
    const Digest zero{};
    if (CRYPTO_memcmp(expected.data(), zero.data(), zero.size()) == 0)
        return false;
    return CRYPTO_memcmp(expected.data(), advert.hmac.data(), expected.size()) == 0;
}

} // namespace baton
