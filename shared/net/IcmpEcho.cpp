// SPDX-License-Identifier: GPL-3.0-or-later
#include "IcmpEcho.h"

#include "carp/InternetChecksum.h"

#include <QtEndian>

namespace baton {

namespace {
quint8 byteAt(QByteArrayView bytes, qsizetype i)
{
    return static_cast<quint8>(bytes[i]);
}
quint16 be16(QByteArrayView bytes, qsizetype i)
{
    return static_cast<quint16>((byteAt(bytes, i) << 8) | byteAt(bytes, i + 1));
}
} // namespace

QByteArray IcmpEcho::encode() const
{
    QByteArray message(HeaderSize, '\0');
    message[0] = static_cast<char>(type);
    qToBigEndian<quint16>(identifier, message.data() + 4);
    qToBigEndian<quint16>(sequence, message.data() + 6);
    message += payload;
    qToBigEndian<quint16>(InternetChecksum::compute(message), message.data() + 2);
    return message;
}

std::optional<IcmpEcho> IcmpEcho::decode(QByteArrayView message)
{
    if (message.size() < HeaderSize)
        return std::nullopt;
    const quint8 type = byteAt(message, 0);
    if ((type != EchoReply && type != EchoRequest) || byteAt(message, 1) != 0)
        return std::nullopt;
    if (!InternetChecksum::verify(message))
        return std::nullopt;
    IcmpEcho echo;
    echo.type = type;
    echo.identifier = be16(message, 4);
    echo.sequence = be16(message, 6);
    echo.payload = message.sliced(HeaderSize).toByteArray();
    return echo;
}

std::optional<IcmpEcho> IcmpEcho::decodeIpv4(QByteArrayView packet, quint32* source)
{
    constexpr qsizetype MinIpHeader = 20;
    if (packet.size() < MinIpHeader || (byteAt(packet, 0) >> 4) != 4)
        return std::nullopt;
    const qsizetype headerLength = (byteAt(packet, 0) & 0x0F) * 4;
    const qsizetype totalLength = be16(packet, 2);
    if (headerLength < MinIpHeader || totalLength < headerLength || totalLength > packet.size())
        return std::nullopt;
    // More-fragments set or a fragment offset: only part of a message (the kernel reassembles
    // before a raw socket sees it, so this is a damaged or hand-made packet).
    if ((be16(packet, 6) & 0x3FFF) != 0 || byteAt(packet, 9) != IpProtocol)
        return std::nullopt;
    auto echo = decode(packet.sliced(headerLength, totalLength - headerLength));
    if (echo && source)
        *source = qFromBigEndian<quint32>(packet.data() + 12);
    return echo;
}

} // namespace baton
