// SPDX-License-Identifier: GPL-3.0-or-later
#include "StanzaCluster.h"
#include "net/Ipv4.h"

#include <QTest>

using namespace baton;

namespace {
// The seed's stanzas (tests/netns/lib.sh) for node 1 or 2.
QByteArray seed(int n, int advskew = 1, const char* password = "some_password")
{
    return QStringLiteral("auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet static\n"
                          "  address 192.0.2.1%1/24\nucarp-vid       1\nucarp-vip       192.0.2.10\n"
                          "ucarp-password  %3\nucarp-advskew   %2\nucarp-advbase   1\nucarp-master    no\n"
                          "iface eth0:ucarp inet static\n  address 192.0.2.10/24\n")
        .arg(n)
        .arg(advskew)
        .arg(QLatin1StringView(password))
        .toUtf8();
}

ClusterDefinition base()
{
    ClusterDefinition d;
    d.name = QStringLiteral("pair");
    d.vip = {0xC000020A, 24};
    d.password = QStringLiteral("placeholder");
    d.pkiDir = QStringLiteral("/pki");
    d.nodes[0] = {QStringLiteral("node1"), 0xC000020B, QString(), 7112, QStringLiteral("eth0"), 0};
    d.nodes[1] = {QStringLiteral("node2"), 0xC000020C, QString(), 7112, QStringLiteral("eth0"), 100};
    return d;
}
} // namespace

class TestStanzaCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clusterFromTheSeedsStanzas()
    {
        QString error;
        const auto cluster = StanzaCluster::fromStanzas(base(), {seed(1), seed(2, 7)}, &error);
        QVERIFY2(cluster, qPrintable(error));
        QCOMPARE(cluster->vhid, quint8(1));
        QCOMPARE(cluster->vip.toString(), QStringLiteral("192.0.2.10/24"));
        QCOMPARE(cluster->password, QStringLiteral("some_password"));
        QCOMPARE(cluster->advbase, quint8(1));
        QVERIFY(!cluster->preempt);
        QCOMPARE(cluster->nodes[0].advskew, quint8(1));
        QCOMPARE(cluster->nodes[1].advskew, quint8(7));
        QCOMPARE(Ipv4::toString(cluster->nodes[1].address), QStringLiteral("192.0.2.12"));
        QCOMPARE(cluster->pkiDir, QStringLiteral("/pki")); // what stanzas do not say stays
        QCOMPARE(cluster->name, QStringLiteral("pair"));
    }

    void serversThatAreNotOnePairAreRefused()
    {
        QString error;
        QVERIFY(!StanzaCluster::fromStanzas(base(), {seed(1), seed(2, 1, "other")}, &error));
        QVERIFY2(error.contains(QStringLiteral("ucarp-password")), qPrintable(error));
        QVERIFY(!error.contains(QStringLiteral("some_password"))); // never shown
        QVERIFY(!StanzaCluster::fromStanzas(base(), {seed(1), "auto lo\niface lo inet loopback\n"}, &error));
        QVERIFY2(error.startsWith(QStringLiteral("node2's ucarp-* stanzas:")), qPrintable(error));
        QVERIFY(!StanzaCluster::fromStanzas(
            base(), {seed(1), "source /etc/network/interfaces.d/*\n" + seed(2)}, &error));
        QVERIFY(error.contains(QStringLiteral("includes other files")));
    }

    void takingOverAdvertisesStrictlyMoreOften()
    {
        QString error;
        const auto cluster = StanzaCluster::fromStanzas(base(), {seed(1, 5), seed(2, 5)}, &error);
        QVERIFY(cluster);
        const auto brief = StanzaCluster::takingOver(*cluster, 1, &error);
        QVERIFY(brief);
        QCOMPARE(brief->nodes[1].advskew, quint8(4));
        QCOMPARE(brief->nodes[0].advskew, quint8(5));
        QCOMPARE(brief->advbase, quint8(1));
        QVERIFY(brief->preempt);
        // A holder at advskew 0: one advbase less with the longest skew is still shorter.
        ClusterDefinition zero = *cluster;
        zero.nodes[0].advskew = 0;
        const auto lower = StanzaCluster::takingOver(zero, 1, &error);
        QVERIFY(lower);
        QCOMPARE(lower->advbase, quint8(0));
        QCOMPARE(lower->nodes[1].advskew, quint8(254));
        zero.advbase = 0;
        QVERIFY(!StanzaCluster::takingOver(zero, 1, &error));
        QVERIFY(error.contains(QStringLiteral("no better advert")));
    }

    void stanzasCommentedOutWithANote()
    {
        const QByteArray out = StanzaCluster::commentedOut(seed(1), QStringLiteral("note"));
        const QList<QByteArray> lines = out.split('\n');
        QCOMPARE(lines.count("# note"), 1);
        QCOMPARE(out.count("# ucarp-"), 6);
        QCOMPARE(out.count("\nucarp-"), 0);
        QVERIFY(out.contains("  address 192.0.2.11/24\n# note\n# ucarp-vid       1\n"));
        // Everything else as it was: removing what was added gives the original back.
        QByteArray back = out;
        back.replace("# note\n", "").replace("# ucarp-", "ucarp-");
        QCOMPARE(back, seed(1));
        const QByteArray indented =
            StanzaCluster::commentedOut("iface eth0 inet static\n\tucarp-vid 1\n", QStringLiteral("n"));
        QCOMPARE(indented, QByteArray("iface eth0 inet static\n\t# n\n\t# ucarp-vid 1\n"));
    }
};

QTEST_GUILESS_MAIN(TestStanzaCluster)
#include "TestStanzaCluster.moc"
