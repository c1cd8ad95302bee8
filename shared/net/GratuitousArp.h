// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <array>

namespace baton {

using MacAddress = std::array<quint8, 6>;

// The gratuitous ARP that moves a VIP: an ARP request from the host's real MAC with sender and
// target IP = VIP and target MAC = host MAC, to broadcast. Byte-identical to ucarp's and the BSDs'.
class GratuitousArp
{
public:
    static constexpr int FrameSize = 42; // the NIC pads it to 60
    static QByteArray frame(const MacAddress& hostMac, quint32 vip);
};

} // namespace baton
