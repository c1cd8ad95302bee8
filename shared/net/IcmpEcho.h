// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace baton {

// An ICMP echo request or reply (RFC 792): type, code 0, checksum, identifier, sequence, payload.
// Decoding never reads outside the given bytes. Numbers are host order here, big-endian on the wire.
struct IcmpEcho
{
    static constexpr quint8 IpProtocol = 1;
    static constexpr quint8 EchoReply = 0;
    static constexpr quint8 EchoRequest = 8;
    static constexpr qsizetype HeaderSize = 8;

    quint8 type = EchoRequest;
    quint16 identifier = 0;
    quint16 sequence = 0;
    QByteArray payload;

    // Header and payload with a fresh checksum: what sendto() takes on a ping or raw ICMP socket.
    // A ping socket replaces the identifier with its own and recomputes the checksum.
    QByteArray encode() const;

    // An ICMP message without IP header, as a ping socket (SOCK_DGRAM) delivers it. Nullopt unless
    // it is an echo request or reply with code 0 and a correct checksum.
    static std::optional<IcmpEcho> decode(QByteArrayView message);
    // An IPv4 packet as a raw socket delivers it: version 4, protocol 1, not a fragment, header
    // length and total length consistent (bytes beyond the total length are ignored), then decode().
    // The IP source goes to *source (host order) when given.
    static std::optional<IcmpEcho> decodeIpv4(QByteArrayView packet, quint32* source = nullptr);

    bool operator==(const IcmpEcho&) const = default;
};

} // namespace baton
