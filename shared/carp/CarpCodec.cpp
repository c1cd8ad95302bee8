// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarpCodec.h"

#include "CarpHmac.h"
#include "InternetChecksum.h"
#include "util/HotPath.h"

#include <QtEndian>

#include <cstring>

namespace baton {

namespace {

// IPv4 header fields (RFC 791).
constexpr quint8 IpVersion = 4;
constexpr quint8 IpTosLowDelay = 0x10; // what ucarp sends
constexpr quint16 IpFlagDontFragment = 0x4000;
constexpr quint16 IpFlagMoreFragments = 0x2000;
constexpr quint16 IpFragmentOffsetMask = 0x1FFF;
constexpr int IpMinHeaderWords = 5;

// Offsets inside the CARP header.
constexpr int CarpVersionType = 0;
constexpr int CarpVhid = 1;
constexpr int CarpAdvskew = 2;
constexpr int CarpAuthlen = 3;
constexpr int CarpDemote = 4;
constexpr int CarpAdvbase = 5;
constexpr int CarpChecksum = 6;
constexpr int CarpCounter = 8;
constexpr int CarpDigest = 16;

quint8 byteAt(QByteArrayView bytes, qsizetype offset)
{
    return static_cast<quint8>(bytes[offset]);
}

quint16 read16(QByteArrayView bytes, qsizetype offset)
{
    return qFromBigEndian<quint16>(bytes.data() + offset);
}

quint32 read32(QByteArrayView bytes, qsizetype offset)
{
    return qFromBigEndian<quint32>(bytes.data() + offset);
}

quint64 read64(QByteArrayView bytes, qsizetype offset)
{
    return qFromBigEndian<quint64>(bytes.data() + offset);
}

} // namespace

namespace {
void writeHeader(const CarpAdvert& advert, const CarpHmac& hmac, char* p)
{
    std::memset(p, 0, CarpAdvert::HeaderSize);
    p[CarpVersionType] = static_cast<char>((CarpAdvert::Version << 4) | CarpAdvert::TypeAdvertisement);
    p[CarpVhid] = static_cast<char>(advert.vhid);
    p[CarpAdvskew] = static_cast<char>(advert.advskew);
    p[CarpAuthlen] = static_cast<char>(CarpAdvert::AuthLen);
    p[CarpDemote] = static_cast<char>(advert.demote);
    p[CarpAdvbase] = static_cast<char>(advert.advbase);
    qToBigEndian(advert.counter, p + CarpCounter);
    const CarpHmac::Digest digest = hmac.digest(advert);
    std::memcpy(p + CarpDigest, digest.data(), digest.size());
    // Computed with the checksum field still zero.
    qToBigEndian(InternetChecksum::compute(reinterpret_cast<const quint8*>(p), CarpAdvert::HeaderSize),
                 p + CarpChecksum);
}
} // namespace

BATON_HOT QByteArray CarpCodec::encodeHeader(const CarpAdvert& advert, const CarpHmac& hmac)
{
    QByteArray header(CarpAdvert::HeaderSize, '\0');
    writeHeader(advert, hmac, header.data());
    return header;
}

BATON_HOT QByteArray CarpCodec::encodePacket(const CarpAdvert& advert, const CarpHmac& hmac, quint16 ipId)
{
    Packet packet;
    encodePacket(advert, hmac, ipId, packet);
    return QByteArray(packet.data(), CarpAdvert::PacketSize);
}

BATON_HOT void CarpCodec::encodePacket(const CarpAdvert& advert, const CarpHmac& hmac, quint16 ipId,
                                       Packet& out)
{
    char* p = out.data();
    std::memset(p, 0, CarpAdvert::Ipv4HeaderSize);
    p[0] = static_cast<char>((IpVersion << 4) | IpMinHeaderWords);
    p[1] = static_cast<char>(IpTosLowDelay);
    qToBigEndian(static_cast<quint16>(CarpAdvert::PacketSize), p + 2);
    qToBigEndian(ipId, p + 4);
    qToBigEndian(IpFlagDontFragment, p + 6);
    p[8] = static_cast<char>(CarpAdvert::RequiredTtl);
    p[9] = static_cast<char>(CarpAdvert::IpProtocol);
    qToBigEndian(advert.source, p + 12);
    qToBigEndian(advert.destination, p + 16);
    qToBigEndian(InternetChecksum::compute(reinterpret_cast<const quint8*>(p), CarpAdvert::Ipv4HeaderSize),
                 p + 10);
    writeHeader(advert, hmac, p + CarpAdvert::Ipv4HeaderSize);
}

BATON_HOT CarpCodec::Decoded CarpCodec::decodePacket(QByteArrayView bytes,
                                                     std::optional<quint32> expectedGroup)
{
    Decoded result;
    CarpAdvert& advert = result.advert;
    const auto reject = [&result](CarpReject reason) {
        result.reject = reason;
        return result;
    };

    if (bytes.size() < CarpAdvert::Ipv4HeaderSize)
        return reject(CarpReject::TooShort);
    // Fixed-position fields, read early so that a rejected packet can still be attributed in logs.
    advert.ttl = byteAt(bytes, 8);
    advert.source = read32(bytes, 12);
    advert.destination = read32(bytes, 16);

    if ((byteAt(bytes, 0) >> 4) != IpVersion)
        return reject(CarpReject::BadIpVersion);
    const qsizetype headerLength = static_cast<qsizetype>(byteAt(bytes, 0) & 0x0F) * 4;
    if (headerLength < CarpAdvert::Ipv4HeaderSize || headerLength > bytes.size())
        return reject(CarpReject::BadIpHeaderLength);
    // Linux raw sockets hand over the header as received, total length in network order.
    const qsizetype totalLength = read16(bytes, 2);
    if (totalLength < headerLength || totalLength > bytes.size())
        return reject(CarpReject::BadIpTotalLength);
    const quint16 fragment = read16(bytes, 6);
    if ((fragment & IpFlagMoreFragments) != 0 || (fragment & IpFragmentOffsetMask) != 0)
        return reject(CarpReject::Fragmented);
    if (byteAt(bytes, 9) != CarpAdvert::IpProtocol)
        return reject(CarpReject::NotCarp);
    if (!InternetChecksum::verify(bytes.first(headerLength)))
        return reject(CarpReject::BadIpChecksum);
    if (advert.ttl != CarpAdvert::RequiredTtl)
        return reject(CarpReject::BadTtl);
    if (expectedGroup && advert.destination != *expectedGroup)
        return reject(CarpReject::WrongDestination);

    // Trailing bytes past the total length (link-layer padding) are not part of the payload.
    Decoded carp = decodeHeader(bytes.sliced(headerLength, totalLength - headerLength));
    carp.advert.source = advert.source;
    carp.advert.destination = advert.destination;
    carp.advert.ttl = advert.ttl;
    return carp;
}

BATON_HOT CarpCodec::Decoded CarpCodec::decodeHeader(QByteArrayView carpBytes)
{
    Decoded result;
    CarpAdvert& advert = result.advert;
    if (carpBytes.size() < CarpAdvert::HeaderSize) {
        result.reject = CarpReject::CarpTooShort;
        return result;
    }

    const quint8 versionType = byteAt(carpBytes, CarpVersionType);
    advert.version = static_cast<quint8>(versionType >> 4);
    advert.type = static_cast<quint8>(versionType & 0x0F);
    advert.vhid = byteAt(carpBytes, CarpVhid);
    advert.advskew = byteAt(carpBytes, CarpAdvskew);
    advert.authlen = byteAt(carpBytes, CarpAuthlen);
    advert.demote = byteAt(carpBytes, CarpDemote);
    advert.advbase = byteAt(carpBytes, CarpAdvbase);
    advert.checksum = read16(carpBytes, CarpChecksum);
    advert.counter = read64(carpBytes, CarpCounter);
    for (std::size_t i = 0; i < advert.hmac.size(); ++i)
        advert.hmac[i] = byteAt(carpBytes, CarpDigest + static_cast<qsizetype>(i));

    // authlen is deliberately not checked: ucarp ignores it too (reference §4, point 3).
    if (advert.version != CarpAdvert::Version)
        result.reject = CarpReject::BadVersion;
    else if (advert.type != CarpAdvert::TypeAdvertisement)
        result.reject = CarpReject::BadType;
    else if (!InternetChecksum::verify(carpBytes))
        result.reject = CarpReject::BadChecksum;
    return result;
}

BATON_HOT CarpReject CarpCodec::verify(const CarpAdvert& advert, quint8 vhid, const CarpHmac& hmac)
{
    if (advert.vhid != vhid)
        return CarpReject::WrongVhid;
    if (!hmac.verify(advert))
        return CarpReject::BadHmac;
    return CarpReject::None;
}

} // namespace baton
