// SPDX-License-Identifier: GPL-3.0-or-later
// NetlinkRoute's reads, unprivileged, against this host's loopback: the addresses a group sees
// are the same whether it asks alone or in a round of every group after a link event (one dump
// shared by the round).
#include "NetlinkRoute.h"

#include <QTest>

using namespace baton;

class TestNetlinkRoute : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loopbackHasItsAddress()
    {
        NetlinkRoute netlink;
        QVERIFY2(netlink.error().isEmpty(), qPrintable(netlink.error()));
        const std::optional<NetlinkRoute::Link> lo = netlink.link(QStringLiteral("lo"));
        QVERIFY(lo.has_value());
        const QList<Ipv4Prefix> addresses = netlink.addresses(lo->ifindex);
        QVERIFY(addresses.contains(Ipv4Prefix{0x7F000001, 8}));
        QVERIFY(netlink.addresses(lo->ifindex + 100000).isEmpty()); // no such interface
    }

    void aRoundSeesWhatASingleReadSees()
    {
        NetlinkRoute netlink;
        const int lo = netlink.link(QStringLiteral("lo"))->ifindex;
        const QList<Ipv4Prefix> alone = netlink.addresses(lo);
        netlink.beginRound();
        QCOMPARE(netlink.addresses(lo), alone);
        QCOMPARE(netlink.addresses(lo), alone); // from the round's dump
        QVERIFY(netlink.addresses(lo + 100000).isEmpty());
        netlink.endRound();
        QCOMPARE(netlink.addresses(lo), alone);
    }
};

QTEST_GUILESS_MAIN(TestNetlinkRoute)
#include "TestNetlinkRoute.moc"
