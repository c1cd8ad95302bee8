// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/GratuitousArp.h"

#include <QString>

namespace baton {

// Sends gratuitous ARP frames through an AF_PACKET socket (CAP_NET_RAW). The socket is opened once
// and kept: closing a packet socket waits for an RCU grace period in the kernel (about 10 ms here),
// which used to hold the first advert of a new master back by that much. Protocol 0 makes it
// send-only, so it never queues the LAN's ARP traffic.
class GarpSender
{
public:
    // Empty on success, else the error. The main thread only.
    static QString send(int ifindex, const MacAddress& mac, quint32 vip);
};

} // namespace baton
