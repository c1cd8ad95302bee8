// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarpHmac.h"

#include <QtEndian>

#include <algorithm>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace baton {

CarpHmac::CarpHmac(QByteArray password, quint8 vhid, QList<quint32> vips)
    : m_password(std::move(password))
    , m_vhid(vhid)
    , m_vips(std::move(vips))
{
    std::sort(m_vips.begin(), m_vips.end());

    m_messagePrefix.reserve(3 + 4 * m_vips.size());
    // Version and type as whole bytes, not the packed 0x21 header byte.
    m_messagePrefix.append(char{CarpAdvert::Version});
    m_messagePrefix.append(char{CarpAdvert::TypeAdvertisement});
    m_messagePrefix.append(static_cast<char>(m_vhid));
    for (const quint32 vip : std::as_const(m_vips)) {
        char bytes[4];
        qToBigEndian(vip, bytes);
        m_messagePrefix.append(bytes, sizeof bytes);
    }
}

CarpHmac::Digest CarpHmac::digest(quint64 counter) const
{
    QByteArray message = m_messagePrefix;
    char counterBytes[8];
    // High 32-bit word first, each word big-endian: the same as one big-endian 64-bit value.
    qToBigEndian(counter, counterBytes);
    message.append(counterBytes, sizeof counterBytes);

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
    const Digest expected = digest(advert.counter);
    // Guard against the failure value above; a genuine all-zero digest has probability 2^-160.
    const Digest zero{};
    if (CRYPTO_memcmp(expected.data(), zero.data(), zero.size()) == 0)
        return false;
    return CRYPTO_memcmp(expected.data(), advert.hmac.data(), expected.size()) == 0;
}

} // namespace baton
