// SPDX-License-Identifier: GPL-3.0-or-later
// Which machine answers for the VIP (VipMacTracker): node MACs name the nodes, a new MAC on the VIP
// is a move, an entry that comes and goes is none, and a third machine's MAC is not the pair's.
#include "alarm/VipMacTracker.h"

#include <QSignalSpy>
#include <QTest>

using namespace baton;

namespace {
const QString Mac1 = QStringLiteral("02:00:00:00:00:0b");
const QString Mac2 = QStringLiteral("02:00:00:00:00:0c");
const QString Stranger = QStringLiteral("02:00:00:00:00:66");
} // namespace

class TestVipMacTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesAndMoves()
    {
        VipMacTracker t;
        QSignalSpy moved(&t, &VipMacTracker::moved);
        t.nodeMacSeen(QStringLiteral("node1"), Mac1);
        t.nodeMacSeen(QStringLiteral("node2"), Mac2);
        QCOMPARE(t.describe(Mac1), QStringLiteral("02:00:00:00:00:0b (node1)"));
        QCOMPARE(t.describe(Stranger), Stranger);
        t.vipMacSeen(Mac1);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0).at(0).toString(), QString());
        t.vipMacSeen(Mac1);      // the same again: nothing
        t.vipMacSeen(QString()); // the entry expired: no move
        t.vipMacSeen(Mac1);
        QCOMPARE(moved.size(), 1);
        t.vipMacSeen(Mac2);
        QCOMPARE(moved.size(), 2);
        QCOMPARE(moved.at(1).at(0).toString(), Mac1);
        QCOMPARE(moved.at(1).at(1).toString(), Mac2);
    }

    void pairOrStranger()
    {
        VipMacTracker t;
        t.nodeMacSeen(QStringLiteral("node1"), Mac1);
        t.nodeMacSeen(QStringLiteral("node2"), Mac2);
        QVERIFY(t.allFromNodes({Mac1, Mac2}));
        QVERIFY(!t.allFromNodes({Mac1, Stranger}));
        QCOMPARE(t.describe(QStringList{Mac2, Stranger}),
                 (QStringList{QStringLiteral("02:00:00:00:00:0c (node2)"), Stranger}));
        t.reset();
        QVERIFY(!t.allFromNodes({Mac1}));
        QCOMPARE(t.describe(Mac1), Mac1);
    }
};

QTEST_GUILESS_MAIN(TestVipMacTracker)
#include "TestVipMacTracker.moc"
