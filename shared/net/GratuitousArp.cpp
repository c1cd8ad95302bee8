// SPDX-License-Identifier: GPL-3.0-or-later
#include "GratuitousArp.h"

#include <QtEndian>

namespace baton {

QByteArray GratuitousArp::frame(const MacAddress& hostMac, quint32 vip)
{
    QByteArray out(FrameSize, '\0');
    auto* p = reinterpret_cast<uchar*>(out.data());
    auto putMac = [&p](const MacAddress& mac) {
        for (quint8 b : mac)
            *p++ = b;
    };
    auto put16 = [&p](quint16 v) {
        qToBigEndian(v, p);
        p += 2;
    };
    auto put32 = [&p](quint32 v) {
        qToBigEndian(v, p);
        p += 4;
    };
    putMac({0xff, 0xff, 0xff, 0xff, 0xff, 0xff});
    putMac(hostMac);
    put16(0x0806); // ARP
    put16(1);      // hardware: Ethernet
    put16(0x0800); // protocol: IPv4
    *p++ = 6;
    *p++ = 4;
    put16(1); // request
    putMac(hostMac);
    put32(vip);
    putMac(hostMac);
    put32(vip);
    return out;
}

} // namespace baton
