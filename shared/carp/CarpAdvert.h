// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>

namespace baton {

// One CARP v2 advertisement: the 36-byte header plus the IPv4 fields that matter to CARP.
// Addresses are host-order integers (see Ipv4).
struct CarpAdvert
{
    static constexpr quint8 Version = 2;
    static constexpr quint8 TypeAdvertisement = 1;
    static constexpr quint8 AuthLen = 7; // counter + digest, in 32-bit words
    static constexpr quint8 RequiredTtl = 255;
    static constexpr quint32 DefaultGroup = 0xE0000012; // 224.0.0.18
    static constexpr int HeaderSize = 36;
    static constexpr int Ipv4HeaderSize = 20;
    static constexpr int PacketSize = Ipv4HeaderSize + HeaderSize;
    static constexpr quint8 IpProtocol = 112;

    quint8 version = Version;
    quint8 type = TypeAdvertisement;
    quint8 vhid = 0;
    quint8 advskew = 0;
    quint8 authlen = AuthLen;
    quint8 demote = 0;
    quint8 advbase = 1;
    quint16 checksum = 0; // as received; the encoder computes its own
    quint64 counter = 0;
    std::array<quint8, 20> hmac{};

    quint32 source = 0;
    quint32 destination = DefaultGroup;
    quint8 ttl = RequiredTtl;

    // OpenBSD's "bow-out": a master leaving on purpose advertises 255/255 so backups take over at once.
    bool isBowOut() const { return advbase == 255 && advskew == 255; }
    bool operator==(const CarpAdvert&) const = default;
};

} // namespace baton
