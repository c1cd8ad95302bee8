// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarpHmac.h"

#include <QtEndian>

#include <algorithm>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace baton {

namespace {
void appendBigEndian32(QByteArray& to, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    to.append(bytes, sizeof bytes);
}

void appendBigEndian64(QByteArray& to, quint64 value)
{
    // High 32-bit word first, each word big-endian: the same as one big-endian 64-bit value.
    char bytes[8];
    qToBigEndian(value, bytes);
    to.append(bytes, sizeof bytes);
}
} // namespace

CarpHmac::CarpHmac(QByteArray password, quint8 vhid, QList<quint32> vips, Mode mode)
    : m_password(std::move(password))
    , m_vhid(vhid)
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
        appendBigEndian32(m_messagePrefix, vip);
}

CarpHmac::Digest CarpHmac::digest(quint64 counter) const
{
    QByteArray message = m_messagePrefix;
    appendBigEndian64(message, counter);
    return mac(message);
}

CarpHmac::Digest CarpHmac::digest(const CarpAdvert& advert) const
{
    if (m_mode == Mode::Compatible)
        return digest(advert.counter);
    QByteArray message = QByteArrayLiteral("baton-strict");
    message.append(m_messagePrefix.left(3)); // version, type, vhid
    message.append(static_cast<char>(advert.advbase));
    message.append(static_cast<char>(advert.advskew));
    message.append(static_cast<char>(advert.demote));
    appendBigEndian32(message, advert.source);
    message.append(m_messagePrefix.mid(3)); // the VIPs
    appendBigEndian64(message, advert.counter);
    return mac(message);
}

CarpHmac::Digest CarpHmac::mac(const QByteArray& message) const
{
    Digest result{};
    unsigned int length = 0;
    // constData() is never null, so an empty password is a valid zero-length key.
    const unsigned char* out = HMAC(EVP_sha1(), m_password.constData(), static_cast<int>(m_password.size()),
                                    reinterpret_cast<const unsigned char*>(message.constData()),
                                    static_cast<size_t>(message.size()), result.data(), &length);
    // SHA-1 cannot fail short of a broken OpenSSL install; an all-zero digest then verifies nothing
    // real, because verify() refuses it below.
    if (out == nullptr || length != result.size())
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
