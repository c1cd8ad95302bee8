// SPDX-License-Identifier: GPL-3.0-or-later
#include "LinkMonitor.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <unistd.h>

namespace baton {

LinkMonitor::LinkMonitor(QObject* parent)
    : QObject(parent)
{
}

LinkMonitor::~LinkMonitor()
{
    delete m_notifier;
    if (m_fd >= 0)
        ::close(m_fd);
}

QString LinkMonitor::open()
{
    m_fd = ::socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (m_fd < 0)
        return QStringLiteral("netlink socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    sockaddr_nl address{};
    address.nl_family = AF_NETLINK;
    address.nl_groups = RTMGRP_LINK | RTMGRP_IPV4_IFADDR; // addresses too: a VIP flushed by someone else
    if (::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) < 0)
        return QStringLiteral("netlink bind: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &LinkMonitor::drain);
    return {};
}

void LinkMonitor::drain()
{
    char buffer[8192];
    bool any = false;
    for (;;) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            any = true;
            continue;
        }
        // ENOBUFS: notifications were lost; re-reading the state covers that too.
        if (n < 0 && errno == ENOBUFS) {
            any = true;
            continue;
        }
        break;
    }
    if (any)
        Q_EMIT linksChanged();
}

} // namespace baton
