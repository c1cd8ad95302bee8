// SPDX-License-Identifier: GPL-3.0-or-later
#include "NetlinkRoute.h"

#include <arpa/inet.h>
#include <cstring>
#include <memory>
#include <net/if.h>
#include <netlink/addr.h>
#include <netlink/cache.h>
#include <netlink/errno.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>

namespace baton {

namespace {

struct AddrDeleter
{
    void operator()(rtnl_addr* a) const { rtnl_addr_put(a); }
};
struct LinkDeleter
{
    void operator()(rtnl_link* l) const { rtnl_link_put(l); }
};
struct NlAddrDeleter
{
    void operator()(nl_addr* a) const { nl_addr_put(a); }
};

QString nlError(int code)
{
    return QString::fromLocal8Bit(nl_geterror(code));
}

std::unique_ptr<rtnl_addr, AddrDeleter> makeAddress(int ifindex, const Ipv4Prefix& address)
{
    std::unique_ptr<rtnl_addr, AddrDeleter> a(rtnl_addr_alloc());
    const quint32 be = htonl(address.address);
    std::unique_ptr<nl_addr, NlAddrDeleter> local(nl_addr_build(AF_INET, &be, sizeof be));
    rtnl_addr_set_ifindex(a.get(), ifindex);
    rtnl_addr_set_family(a.get(), AF_INET);
    rtnl_addr_set_local(a.get(), local.get());
    rtnl_addr_set_prefixlen(a.get(), address.prefixLength);
    return a;
}

} // namespace

NetlinkRoute::NetlinkRoute()
{
    m_socket = nl_socket_alloc();
    if (!m_socket) {
        m_error = QStringLiteral("netlink: out of memory");
        return;
    }
    if (const int err = nl_connect(m_socket, NETLINK_ROUTE); err < 0) {
        m_error = QStringLiteral("netlink: %1").arg(nlError(err));
        nl_socket_free(m_socket);
        m_socket = nullptr;
    }
}

NetlinkRoute::~NetlinkRoute()
{
    if (m_socket)
        nl_socket_free(m_socket);
}

std::optional<NetlinkRoute::Link> NetlinkRoute::link(const QString& name)
{
    if (!m_socket)
        return std::nullopt;
    rtnl_link* raw = nullptr;
    if (rtnl_link_get_kernel(m_socket, 0, name.toLocal8Bit().constData(), &raw) < 0 || !raw)
        return std::nullopt;
    std::unique_ptr<rtnl_link, LinkDeleter> l(raw);
    Link out;
    out.ifindex = rtnl_link_get_ifindex(l.get());
    const unsigned flags = rtnl_link_get_flags(l.get());
    out.adminUp = (flags & IFF_UP) != 0;
    out.carrier = (flags & IFF_RUNNING) != 0;
    if (nl_addr* mac = rtnl_link_get_addr(l.get()); mac && nl_addr_get_len(mac) == 6) {
        const auto* bytes = static_cast<const quint8*>(nl_addr_get_binary_addr(mac));
        std::copy(bytes, bytes + 6, out.mac.begin());
    }
    return out;
}

QString NetlinkRoute::addAddress(int ifindex, const Ipv4Prefix& address, const QString& label)
{
    if (!m_socket)
        return m_error;
    auto a = makeAddress(ifindex, address);
    if (!label.isEmpty())
        rtnl_addr_set_label(a.get(), label.toLocal8Bit().constData());
    m_roundAddresses.reset();
    const int err = rtnl_addr_add(m_socket, a.get(), 0);
    if (err < 0 && err != -NLE_EXIST)
        return QStringLiteral("add %1: %2").arg(address.toString(), nlError(err));
    return {};
}

QString NetlinkRoute::removeAddress(int ifindex, const Ipv4Prefix& address)
{
    if (!m_socket)
        return m_error;
    auto a = makeAddress(ifindex, address);
    m_roundAddresses.reset();
    const int err = rtnl_addr_delete(m_socket, a.get(), 0);
    if (err < 0 && err != -NLE_NOADDR && err != -NLE_OBJ_NOTFOUND && err != -NLE_NODEV)
        return QStringLiteral("remove %1: %2").arg(address.toString(), nlError(err));
    return {};
}

QList<NetlinkRoute::Address> NetlinkRoute::dumpAddresses()
{
    QList<Address> out;
    nl_cache* cache = nullptr;
    ++m_addressDumps;
    if (!m_socket || rtnl_addr_alloc_cache(m_socket, &cache) < 0)
        return out;
    for (nl_object* o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto* a = reinterpret_cast<rtnl_addr*>(o);
        nl_addr* local = rtnl_addr_get_local(a);
        if (rtnl_addr_get_family(a) != AF_INET || !local || nl_addr_get_len(local) != 4)
            continue;
        quint32 be = 0;
        std::memcpy(&be, nl_addr_get_binary_addr(local), sizeof be);
        out << Address{rtnl_addr_get_ifindex(a), Ipv4Prefix{ntohl(be), rtnl_addr_get_prefixlen(a)}};
    }
    nl_cache_free(cache);
    return out;
}

QList<Ipv4Prefix> NetlinkRoute::addresses(int ifindex)
{
    if (m_inRound && !m_roundAddresses)
        m_roundAddresses = dumpAddresses();
    const QList<Address> all = m_inRound ? *m_roundAddresses : dumpAddresses();
    QList<Ipv4Prefix> out;
    for (const Address& a : all)
        if (a.ifindex == ifindex)
            out << a.prefix;
    return out;
}

void NetlinkRoute::endRound()
{
    m_inRound = false;
    m_roundAddresses.reset();
}

QString NetlinkRoute::setLinkUp(const QString& name, bool up)
{
    if (!m_socket)
        return m_error;
    rtnl_link* raw = nullptr;
    if (const int err = rtnl_link_get_kernel(m_socket, 0, name.toLocal8Bit().constData(), &raw); err < 0)
        return QStringLiteral("%1: %2").arg(name, nlError(err));
    std::unique_ptr<rtnl_link, LinkDeleter> current(raw);
    std::unique_ptr<rtnl_link, LinkDeleter> change(rtnl_link_alloc());
    if (up)
        rtnl_link_set_flags(change.get(), IFF_UP);
    else
        rtnl_link_unset_flags(change.get(), IFF_UP);
    if (const int err = rtnl_link_change(m_socket, current.get(), change.get(), 0); err < 0)
        return QStringLiteral("set %1 %2: %3")
            .arg(name, up ? QStringLiteral("up") : QStringLiteral("down"), nlError(err));
    return {};
}

} // namespace baton
