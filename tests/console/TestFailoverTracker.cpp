// SPDX-License-Identifier: GPL-3.0-or-later
#include "watch/FailoverTracker.h"

#include <QTest>

using namespace baton;

class TestFailoverTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstHolderIsNoFailover()
    {
        FailoverTracker t;
        QVERIFY(!t.observeHolder(QStringLiteral("a"), 1000));
        QCOMPARE(t.holder(), QStringLiteral("a"));
        QVERIFY(!t.observeHolder(QStringLiteral("a"), 2000)); // the same holder again
        QVERIFY(!t.last());
    }

    void moveIsAFailoverAcrossAGap()
    {
        FailoverTracker t;
        t.observeHolder(QStringLiteral("a"), 1000);
        QVERIFY(!t.observeHolder(QString(), 5000)); // nobody for a while: not a move yet
        const auto failover = t.observeHolder(QStringLiteral("b"), 8000);
        QVERIFY(failover);
        QCOMPARE(failover->from, QStringLiteral("a"));
        QCOMPARE(failover->to, QStringLiteral("b"));
        QCOMPARE(failover->timeMs, 8000);
        QVERIFY(!failover->outageMs);
        QCOMPARE(t.last(), failover);
        const auto back = t.observeHolder(QStringLiteral("a"), 20000);
        QVERIFY(back);
        QCOMPARE(back->from, QStringLiteral("b"));
    }

    void outageAfterTheFailoverIsItsOwn()
    {
        FailoverTracker t;
        t.observeHolder(QStringLiteral("a"), 0);
        t.observeHolder(QStringLiteral("b"), 10'000);
        QVERIFY(t.observeOutage(10'400, 3'100));
        QCOMPARE(t.last()->outageMs, 3'100);
        QVERIFY(!t.observeOutage(10'900, 500)); // the failover has its outage already
        QCOMPARE(t.last()->outageMs, 3'100);
    }

    void outageReportedBeforeTheAgentsWordCounts()
    {
        FailoverTracker t;
        t.observeHolder(QStringLiteral("a"), 0);
        QVERIFY(!t.observeOutage(10'050, 2'900)); // the probes were quicker than the status
        const auto failover = t.observeHolder(QStringLiteral("b"), 10'000);
        QVERIFY(failover);
        QCOMPARE(failover->outageMs, 2'900);
    }

    void unrelatedOutagesAreNotAttached_data()
    {
        QTest::addColumn<qint64>("endMs");
        QTest::newRow("long before the takeover") << qint64{10'000 - FailoverTracker::EarlyMs - 1};
        QTest::newRow("long after the takeover") << qint64{10'000 + FailoverTracker::MatchMs + 1};
    }

    void unrelatedOutagesAreNotAttached()
    {
        QFETCH(qint64, endMs);
        FailoverTracker before;
        before.observeHolder(QStringLiteral("a"), 0);
        before.observeOutage(endMs, 1000);
        QVERIFY(!before.observeHolder(QStringLiteral("b"), 10'000)->outageMs);

        FailoverTracker after;
        after.observeHolder(QStringLiteral("a"), 0);
        after.observeHolder(QStringLiteral("b"), 10'000);
        QVERIFY(!after.observeOutage(endMs, 1000));
        QVERIFY(!after.last()->outageMs);
    }

    void resetForgetsTheHolder()
    {
        FailoverTracker t;
        t.observeHolder(QStringLiteral("a"), 0);
        t.reset();
        QVERIFY(!t.observeHolder(QStringLiteral("b"), 1000));
        QVERIFY(!t.last());
    }
};

QTEST_GUILESS_MAIN(TestFailoverTracker)
#include "TestFailoverTracker.moc"
