// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/GratuitousArp.h"

#include <QString>

namespace baton {

// Sends gratuitous ARP frames through an AF_PACKET socket (CAP_NET_RAW).
class GarpSender
{
public:
    // Empty on success, else the error.
    static QString send(int ifindex, const MacAddress& mac, quint32 vip);
};

} // namespace baton
