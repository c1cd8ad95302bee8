// SPDX-License-Identifier: GPL-3.0-or-later
// NetlinkRoute's reads, unprivileged, against this host's loopback: the addresses a group sees
// are the same whether it asks alone or in a round of every group after a link event, and the
// round dumps once, again only after an address was added or removed.
#include "NetlinkRoute.h"

#include <QTest>

using namespace baton;

class TestNetlinkRoute : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loopbackAddresses()
    {
        NetlinkRoute netlink;
        QVERIFY2(netlink.error().isEmpty(), qPrintable(netlink.error()));
        const std::optional<NetlinkRoute::Link> lo = netlink.link(QStringLiteral("lo"));
        QVERIFY(lo.has_value());
        const QList<Ipv4Prefix> addresses = netlink.addresses(lo->ifindex);
        // The kernel gives lo 127.0.0.1/8 when it is set up (a fresh namespace's lo is down, bare).
        if (lo->adminUp)
            QVERIFY(addresses.contains(Ipv4Prefix{0x7F000001, 8}));
        else
            QVERIFY(addresses.isEmpty());
        QVERIFY(netlink.addresses(lo->ifindex + 100000).isEmpty()); // no such interface
    }

    void aRoundDumpsOnce()
    {
        NetlinkRoute netlink;
        const std::optional<NetlinkRoute::Link> lo = netlink.link(QStringLiteral("lo"));
        QVERIFY(lo.has_value());
        const QList<Ipv4Prefix> alone = netlink.addresses(lo->ifindex);
        QCOMPARE(netlink.addressDumps(), 1);
        netlink.beginRound();
        QCOMPARE(netlink.addresses(lo->ifindex), alone);
        QCOMPARE(netlink.addresses(lo->ifindex), alone);
        QVERIFY(netlink.addresses(lo->ifindex + 100000).isEmpty());
        QCOMPARE(netlink.addressDumps(), 2); // one for the round
        // A change drops the round's dump (on an interface that does not exist: nothing changes,
        // whoever runs the test).
        netlink.removeAddress(lo->ifindex + 100000, Ipv4Prefix{0xC00002FA, 32});
        QCOMPARE(netlink.addresses(lo->ifindex), alone);
        QCOMPARE(netlink.addressDumps(), 3);
        netlink.endRound();
        QCOMPARE(netlink.addresses(lo->ifindex), alone);
        QCOMPARE(netlink.addressDumps(), 4);
    }
};

QTEST_GUILESS_MAIN(TestNetlinkRoute)
#include "TestNetlinkRoute.moc"
