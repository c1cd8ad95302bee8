// SPDX-License-Identifier: GPL-3.0-or-later
#include "GarpSender.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <sys/socket.h>
#include <unistd.h>

namespace baton {

QString GarpSender::send(int ifindex, const MacAddress& mac, quint32 vip)
{
    static int fd = -1;
    if (fd < 0)
        fd = ::socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return QStringLiteral("packet socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    const QByteArray frame = GratuitousArp::frame(mac, vip);
    sockaddr_ll to{};
    to.sll_family = AF_PACKET;
    to.sll_protocol = htons(ETH_P_ARP);
    to.sll_ifindex = ifindex;
    to.sll_halen = 6;
    std::memset(to.sll_addr, 0xff, 6);
    // Never blocks: it runs on the advert thread, and a stalled transmit queue must cost this
    // announcement (the caller logs it), not the adverts.
    const ssize_t sent = ::sendto(fd, frame.constData(), static_cast<size_t>(frame.size()), MSG_DONTWAIT,
                                  reinterpret_cast<const sockaddr*>(&to), sizeof to);
    const int savedErrno = errno;
    if (sent < 0)
        return QStringLiteral("gratuitous ARP: %1").arg(QString::fromLocal8Bit(std::strerror(savedErrno)));
    return {};
}

} // namespace baton
