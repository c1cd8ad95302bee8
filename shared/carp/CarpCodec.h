// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CarpAdvert.h"
#include "CarpReject.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <array>
#include <optional>

namespace baton {

class CarpHmac;

// Encodes and decodes CARP v2 advertisements, bit-compatible with ucarp (reference §3).
// Decoding never reads outside the given bytes and never throws, whatever they contain.
class CarpCodec
{
public:
    struct Decoded
    {
        CarpReject reject = CarpReject::None;
        // Meaningful when reject is None. On rejection it holds what was parsed before the failing
        // check (the IP source as soon as 20 bytes were present), for logging only.
        CarpAdvert advert;

        bool accepted() const { return reject == CarpReject::None; }
    };

    // The 36-byte CARP header: always version 2, type 1, authlen 7; vhid, advskew, demote, advbase
    // and counter from the advert; the digest from hmac over the counter; a fresh checksum.
    // advert.checksum and advert.hmac are ignored.
    static QByteArray encodeHeader(const CarpAdvert& advert, const CarpHmac& hmac);
    // The 56-byte IPv4 packet as ucarp sends it: TOS 0x10 (low delay), DF, TTL 255, protocol 112,
    // advert.source to advert.destination, then encodeHeader(). advert.ttl is ignored.
    static QByteArray encodePacket(const CarpAdvert& advert, const CarpHmac& hmac, quint16 ipId);
    // The same into a buffer of the caller's: no allocation, for the agent's send path.
    using Packet = std::array<char, CarpAdvert::PacketSize>;
    static void encodePacket(const CarpAdvert& advert, const CarpHmac& hmac, quint16 ipId, Packet& out);

    // An IPv4 packet as a raw socket delivers it (options allowed; bytes beyond the IP total length
    // ignored). Checks run in CarpReject order. The destination is compared only if expectedGroup
    // is given. The HMAC is not checked here: see verify().
    static Decoded decodePacket(QByteArrayView bytes, std::optional<quint32> expectedGroup = {});
    // A CARP payload alone (36 bytes or more, as after the IP header): the CARP checks only. The
    // checksum covers all the bytes, as in BSD; the fields come from the first 36. The IP fields of
    // the advert keep their defaults.
    static Decoded decodeHeader(QByteArrayView carpBytes);

    // The checks that need local configuration: WrongVhid, then BadHmac, else None.
    static CarpReject verify(const CarpAdvert& advert, quint8 vhid, const CarpHmac& hmac);
};

} // namespace baton
