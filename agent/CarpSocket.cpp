// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarpSocket.h"

#include "carp/CarpAdvert.h"

#include <QSocketNotifier>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace baton {

namespace {
QString failure(const char* what)
{
    return QStringLiteral("%1: %2").arg(QLatin1StringView(what),
                                        QString::fromLocal8Bit(std::strerror(errno)));
}
} // namespace

CarpSocket::CarpSocket(QObject* parent)
    : QObject(parent)
{
}

CarpSocket::~CarpSocket()
{
    close();
}

QString CarpSocket::open(const QString& interface, int ifindex, quint32 group)
{
    close();
    m_fd = ::socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, CarpAdvert::IpProtocol);
    if (m_fd < 0)
        return failure("raw socket for IP protocol 112 (needs CAP_NET_RAW)");
    const QByteArray name = interface.toLocal8Bit();
    const int on = 1;
    const int off = 0;
    const int ttl = CarpAdvert::RequiredTtl;
    ip_mreqn membership{};
    membership.imr_multiaddr.s_addr = htonl(group);
    membership.imr_ifindex = ifindex;
    QString error;
    if (::setsockopt(m_fd, SOL_SOCKET, SO_BINDTODEVICE, name.constData(),
                     static_cast<socklen_t>(name.size())) < 0)
        error = failure("SO_BINDTODEVICE");
    else if (::setsockopt(m_fd, IPPROTO_IP, IP_HDRINCL, &on, sizeof on) < 0)
        error = failure("IP_HDRINCL");
    else if (::setsockopt(m_fd, IPPROTO_IP, IP_MULTICAST_LOOP, &off, sizeof off) < 0)
        error = failure("IP_MULTICAST_LOOP");
    else if (::setsockopt(m_fd, IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof ttl) < 0)
        error = failure("IP_MULTICAST_TTL");
    else if (::setsockopt(m_fd, IPPROTO_IP, IP_MULTICAST_IF, &membership, sizeof membership) < 0)
        error = failure("IP_MULTICAST_IF");
    else if (::setsockopt(m_fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &membership, sizeof membership) < 0)
        error = failure("IP_ADD_MEMBERSHIP");
    if (!error.isEmpty()) {
        close();
        return error;
    }
    m_ifindex = ifindex;
    m_group = group;
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &CarpSocket::readPending);
    return {};
}

void CarpSocket::close()
{
    delete m_notifier;
    m_notifier = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

QString CarpSocket::send(const QByteArray& ipv4Packet)
{
    if (m_fd < 0)
        return QStringLiteral("socket not open");
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(m_group);
    const ssize_t sent = ::sendto(m_fd, ipv4Packet.constData(), static_cast<size_t>(ipv4Packet.size()), 0,
                                  reinterpret_cast<const sockaddr*>(&to), sizeof to);
    if (sent < 0)
        return failure("sendto");
    return {};
}

void CarpSocket::readPending()
{
    // Each packet is handed over at once, in arrival order, but at most a batch per wake-up: under
    // a flood of protocol-112 packets the event loop must still get to the advert timer. The
    // notifier is level-triggered, so what is left wakes us again straight away.
    char buffer[2048];
    for (int i = 0; i < MaxPerWakeup; ++i) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n < 0)
            return; // EAGAIN: drained; other errors show up again on the next read
        Q_EMIT packetReceived(QByteArray(buffer, static_cast<qsizetype>(n)));
        if (m_fd < 0)
            return; // a slot closed us
    }
}

} // namespace baton
