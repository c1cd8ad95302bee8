// SPDX-License-Identifier: GPL-3.0-or-later
// ArpTable: the text of /proc/net/arp, and which MAC it holds for an address.
#include "net/ArpTable.h"
#include "net/Ipv4.h"

#include <QTest>

using namespace baton;

namespace {
// As the kernel prints it (net/ipv4/arp.c: "%-16s 0x%-10x0x%-10x%-17s     *        %s").
const QByteArray Table = "IP address       HW type     Flags       HW address            Mask     Device\n"
                         "192.0.2.10       0x1         0x2         02:00:5e:00:01:01     *        eth0\n"
                         "192.0.2.11       0x1         0x2         52:54:00:aa:bb:11     *        eth0\n"
                         "192.0.2.12       0x1         0x0         00:00:00:00:00:00     *        eth0\n"
                         "192.0.2.1        0x1         0x6         52:54:00:00:00:01     *        eth0\n";
} // namespace

class TestArpTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse()
    {
        const QList<ArpEntry> entries = ArpTable::parse(Table);
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries[0],
                 (ArpEntry{0xC000020A, QStringLiteral("02:00:5e:00:01:01"), 0x2, QStringLiteral("eth0")}));
        QVERIFY(entries[0].isComplete());
        QVERIFY(!entries[2].isComplete()); // still resolving, or failed
        QVERIFY(entries[3].isComplete());
        QCOMPARE(entries[3].flags & ArpEntry::FlagPermanent, ArpEntry::FlagPermanent);
    }

    void hardwareAddressFor_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("mac");
        QTest::newRow("VIP") << QStringLiteral("192.0.2.10") << QStringLiteral("02:00:5e:00:01:01");
        QTest::newRow("node 1") << QStringLiteral("192.0.2.11") << QStringLiteral("52:54:00:aa:bb:11");
        QTest::newRow("incomplete") << QStringLiteral("192.0.2.12") << QString();
        QTest::newRow("permanent") << QStringLiteral("192.0.2.1") << QStringLiteral("52:54:00:00:00:01");
        QTest::newRow("absent") << QStringLiteral("192.0.2.99") << QString();
    }

    void hardwareAddressFor()
    {
        QFETCH(QString, address);
        QFETCH(QString, mac);
        const auto ipv4 = Ipv4::parse(address);
        QVERIFY(ipv4);
        QCOMPARE(ArpTable::hardwareAddressFor(ArpTable::parse(Table), *ipv4), mac);
    }

    void firstCompleteEntryWins()
    {
        // The same address on two interfaces: the first complete one is the answer.
        const QByteArray text =
            "IP address       HW type     Flags       HW address            Mask     Device\n"
            "192.0.2.10       0x1         0x0         00:00:00:00:00:00     *        eth1\n"
            "192.0.2.10       0x1         0x2         02:00:00:00:00:0b     *        eth0\n"
            "192.0.2.10       0x1         0x2         02:00:00:00:00:0c     *        eth2\n";
        QCOMPARE(ArpTable::hardwareAddressFor(ArpTable::parse(text), 0xC000020A),
                 QStringLiteral("02:00:00:00:00:0b"));
    }

    void odd_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("entries");
        QTest::newRow("header only") << QByteArray("IP address HW type Flags HW address Mask Device") << 0;
        QTest::newRow("empty") << QByteArray() << 0;
        QTest::newRow("no trailing newline")
            << QByteArray("192.0.2.10 0x1 0x2 02:00:00:00:00:0a * eth0") << 1;
        QTest::newRow("tabs and CR") << QByteArray("192.0.2.10\t0x1\t0x2\t02:00:00:00:00:0a\t*\teth0\r") << 1;
        QTest::newRow("upper-case MAC") << QByteArray("192.0.2.10 0x1 0x2 02:00:00:00:00:0A * eth0") << 1;
        QTest::newRow("missing device") << QByteArray("192.0.2.10 0x1 0x2 02:00:00:00:00:0a *") << 0;
        QTest::newRow("extra field") << QByteArray("192.0.2.10 0x1 0x2 02:00:00:00:00:0a * eth0 x") << 0;
        QTest::newRow("bad address") << QByteArray("192.0.2.300 0x1 0x2 02:00:00:00:00:0a * eth0") << 0;
        QTest::newRow("bad flags") << QByteArray("192.0.2.10 0x1 2 02:00:00:00:00:0a * eth0") << 0;
        QTest::newRow("short MAC") << QByteArray("192.0.2.10 0x1 0x2 02:00:00:00:0a * eth0") << 0;
        QTest::newRow("MAC with dashes") << QByteArray("192.0.2.10 0x1 0x2 02-00-00-00-00-0a * eth0") << 0;
        QTest::newRow("InfiniBand") << QByteArray("192.0.2.10 0x20 0x2 80:00:00:48:fe:80:00:00:00:00:00:00:"
                                                  "00:02:c9:03:00:0b:a1:71 * ib0")
                                    << 0;
    }

    void odd()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, entries);
        const QList<ArpEntry> parsed = ArpTable::parse(line);
        QCOMPARE(parsed.size(), entries);
        if (entries == 1)
            QCOMPARE(parsed[0].hardwareAddress, QStringLiteral("02:00:00:00:00:0a"));
    }
};

QTEST_GUILESS_MAIN(TestArpTable)
#include "TestArpTable.moc"
