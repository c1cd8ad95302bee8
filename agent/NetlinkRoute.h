// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LinkControl.h"
#include "net/GratuitousArp.h"
#include "net/Ipv4.h"

#include <QList>
#include <QString>

#include <optional>

struct nl_sock;

namespace baton {

// Addresses and links through rtnetlink (libnl-route-3). Calls are synchronous but take
// microseconds; they run on the event loop between adverts.
class NetlinkRoute : public LinkControl
{
public:
    struct Link
    {
        int ifindex = 0;
        bool adminUp = false; // IFF_UP
        bool carrier = false; // IFF_RUNNING / IFF_LOWER_UP
        MacAddress mac{};
        bool usable() const { return adminUp && carrier; }
    };

    NetlinkRoute();
    ~NetlinkRoute() override;
    NetlinkRoute(const NetlinkRoute&) = delete;
    NetlinkRoute& operator=(const NetlinkRoute&) = delete;

    QString error() const { return m_error; } // set when the socket could not be opened
    std::optional<Link> link(const QString& name);
    // Both are idempotent: adding a present address or removing an absent one succeeds.
    QString addAddress(int ifindex, const Ipv4Prefix& address, const QString& label);
    QString removeAddress(int ifindex, const Ipv4Prefix& address);
    // The IPv4 addresses configured on an interface, with their prefix lengths.
    QList<Ipv4Prefix> addresses(int ifindex);
    // Between beginRound() and endRound() (every group looking after one link event), addresses()
    // answers from one dump of the host's addresses, taken at its first call and dropped when an
    // address is added or removed: one dump per event, not one per group (100 groups: 100 dumps
    // of 100 addresses, 8-15 ms of the advert thread per event).
    void beginRound() { m_inRound = true; }
    void endRound();
    int addressDumps() const { return m_addressDumps; } // so far (for tests)
    bool linkExists(const QString& name) override { return link(name).has_value(); }
    QString setLinkUp(const QString& name, bool up) override;

private:
    struct Address
    {
        int ifindex = 0;
        Ipv4Prefix prefix;
    };
    QList<Address> dumpAddresses();

    nl_sock* m_socket = nullptr;
    QString m_error;
    bool m_inRound = false;
    int m_addressDumps = 0;
    std::optional<QList<Address>> m_roundAddresses;
};

} // namespace baton
