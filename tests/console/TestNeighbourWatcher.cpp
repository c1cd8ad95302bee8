// SPDX-License-Identifier: GPL-3.0-or-later
// NeighbourWatcher: the MAC the desktop holds for each address, its changes, and flapping (the MAC
// going back to one it had within 10 s: two nodes answering for the VIP).
#include "probe/NeighbourWatcher.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

namespace {
const QHostAddress Vip(QStringLiteral("192.0.2.10"));
const QHostAddress Node1(QStringLiteral("192.0.2.11"));
const QString MacA = QStringLiteral("02:00:00:00:00:0a");
const QString MacB = QStringLiteral("02:00:00:00:00:0b");
const QString MacC = QStringLiteral("02:00:00:00:00:0c");

QList<ArpEntry> table(const QString& vipMac, const QString& node1Mac = QStringLiteral("02:00:00:00:01:01"))
{
    QList<ArpEntry> entries;
    if (!vipMac.isEmpty())
        entries.append({0xC000020A, vipMac, ArpEntry::FlagComplete, QStringLiteral("eth0")});
    entries.append({0xC000020B, node1Mac, ArpEntry::FlagComplete, QStringLiteral("eth0")});
    return entries;
}
} // namespace

class TestNeighbourWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flapping_data();
    void flapping();
    void macChangedSignals();
    void flappingEndsTenSecondsAfterTheLastFlip();
    void incompleteEntryIsNoMac();
    void pollReadsTheTableFile();
    void onlyWatchedAddresses();
};

void TestNeighbourWatcher::flapping_data()
{
    // One VIP MAC per poll, 500 ms apart: '-' no entry, else A/B/C.
    QTest::addColumn<QString>("polls");
    QTest::addColumn<bool>("flapping");
    QTest::addColumn<QStringList>("recent");
    QTest::newRow("steady") << QStringLiteral("AAAAAA") << false << QStringList{MacA};
    QTest::newRow("one failover") << QStringLiteral("AAAABBBB") << false << QStringList{MacA, MacB};
    QTest::newRow("failover and back within 10 s")
        << QStringLiteral("AAABBBAAA") << true << QStringList{MacA, MacB};
    QTest::newRow("split brain") << QStringLiteral("ABABAB") << true << QStringList{MacA, MacB};
    QTest::newRow("three MACs, no return")
        << QStringLiteral("AABBCC") << false << QStringList{MacA, MacB, MacC};
    QTest::newRow("back after more than 10 s")
        << QStringLiteral("ABBBBBBBBBBBBBBBBBBBBBBBA") << false << QStringList{MacB, MacA};
    QTest::newRow("gap is not a change") << QStringLiteral("AAA---AAA") << false << QStringList{MacA};
    QTest::newRow("gap then the other") << QStringLiteral("AAA---BBB") << false << QStringList{MacA, MacB};
    QTest::newRow("never seen") << QStringLiteral("------") << false << QStringList{};
}

void TestNeighbourWatcher::flapping()
{
    QFETCH(QString, polls);
    QFETCH(bool, flapping);
    QFETCH(QStringList, recent);
    NeighbourWatcher watcher;
    watcher.setTablePath(QStringLiteral("/nonexistent")); // setAddresses() polls once
    watcher.setAddresses({Vip});
    qint64 now = 100'000;
    for (const QChar c : polls) {
        const QString mac = c == u'A' ? MacA : c == u'B' ? MacB : c == u'C' ? MacC : QString();
        watcher.update(table(mac), now);
        now += NeighbourWatcher::PollIntervalMs;
    }
    QCOMPARE(watcher.isFlapping(Vip), flapping);
    QCOMPARE(watcher.recentMacs(Vip), recent);
}

void TestNeighbourWatcher::macChangedSignals()
{
    NeighbourWatcher watcher;
    watcher.setTablePath(QStringLiteral("/nonexistent"));
    watcher.setAddresses({Vip});
    QSignalSpy changed(&watcher, &NeighbourWatcher::macChanged);
    watcher.update(table(MacA), 0);
    watcher.update(table(MacA), 500);
    watcher.update(table(MacB), 1000);
    watcher.update(table({}), 1500);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed[0], (QVariantList{QVariant::fromValue(Vip), MacA, QString()}));
    QCOMPARE(changed[1], (QVariantList{QVariant::fromValue(Vip), MacB, MacA}));
    QCOMPARE(changed[2], (QVariantList{QVariant::fromValue(Vip), QString(), MacB}));
    QCOMPARE(watcher.mac(Vip), QString());
}

void TestNeighbourWatcher::flappingEndsTenSecondsAfterTheLastFlip()
{
    NeighbourWatcher watcher;
    watcher.setTablePath(QStringLiteral("/nonexistent"));
    watcher.setAddresses({Vip});
    QSignalSpy flapping(&watcher, &NeighbourWatcher::flappingChanged);
    watcher.update(table(MacA), 0);
    watcher.update(table(MacB), 500);
    QCOMPARE(flapping.size(), 0); // one change: a failover
    watcher.update(table(MacA), 1000);
    QCOMPARE(flapping.size(), 1);
    QCOMPARE(flapping[0][1].toBool(), true);
    QVERIFY(watcher.isFlapping(Vip));
    // A stays: flapping for 10 s after the flip back at 1000.
    watcher.update(table(MacA), 11'000);
    QVERIFY(watcher.isFlapping(Vip));
    watcher.update(table(MacA), 11'001);
    QVERIFY(!watcher.isFlapping(Vip));
    QCOMPARE(flapping.size(), 2);
    QCOMPARE(flapping[1][1].toBool(), false);
    QCOMPARE(watcher.recentMacs(Vip), QStringList{MacA});
}

void TestNeighbourWatcher::incompleteEntryIsNoMac()
{
    NeighbourWatcher watcher;
    watcher.setTablePath(QStringLiteral("/nonexistent"));
    watcher.setAddresses({Vip});
    QList<ArpEntry> resolving{{0xC000020A, QStringLiteral("00:00:00:00:00:00"), 0, QStringLiteral("eth0")}};
    watcher.update(resolving, 0);
    QCOMPARE(watcher.mac(Vip), QString());
    QVERIFY(watcher.recentMacs(Vip).isEmpty());
}

void TestNeighbourWatcher::pollReadsTheTableFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("arp"));
    const auto write = [&](const QByteArray& mac) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("IP address       HW type     Flags       HW address            Mask     Device\n"
                   "192.0.2.10       0x1         0x2         " +
                   mac + "     *        eth0\n");
    };
    write("02:00:00:00:00:0A");
    NeighbourWatcher watcher;
    watcher.setTablePath(path);
    QSignalSpy changed(&watcher, &NeighbourWatcher::macChanged);
    watcher.setAddresses({Vip}); // reads at once
    QCOMPARE(watcher.mac(Vip), MacA);
    write("02:00:00:00:00:0b");
    QTRY_COMPARE_WITH_TIMEOUT(watcher.mac(Vip), MacB, 3000); // the 500 ms timer
    QCOMPARE(changed.size(), 2);
}

void TestNeighbourWatcher::onlyWatchedAddresses()
{
    NeighbourWatcher watcher;
    watcher.setTablePath(QStringLiteral("/nonexistent"));
    watcher.setAddresses({Vip, Node1, QHostAddress(QStringLiteral("2001:db8::1")), Vip});
    QCOMPARE(watcher.addresses(), (QList<QHostAddress>{Vip, Node1}));
    watcher.update(table(MacA), 0);
    QCOMPARE(watcher.mac(Node1), QStringLiteral("02:00:00:00:01:01"));
    QCOMPARE(watcher.mac(QHostAddress(QStringLiteral("192.0.2.12"))), QString());
    watcher.setAddresses({Node1});
    QCOMPARE(watcher.mac(Vip), QString());
    QCOMPARE(watcher.mac(Node1), QStringLiteral("02:00:00:00:01:01")); // kept
}

QTEST_GUILESS_MAIN(TestNeighbourWatcher)
#include "TestNeighbourWatcher.moc"
