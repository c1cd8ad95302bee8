// SPDX-License-Identifier: GPL-3.0-or-later
// EchoTracker: echoes in flight until their reply or their 1 s timeout; late replies do not count.
#include "probe/EchoTracker.h"

#include <QTest>

using namespace baton;

namespace {
const QHostAddress Vip(QStringLiteral("192.0.2.10"));
const QHostAddress Node1(QStringLiteral("192.0.2.11"));
constexpr qint64 Wall = 1'700'000'000'000;
} // namespace

class TestEchoTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answeredWithinTimeout_data()
    {
        QTest::addColumn<qint64>("rtt");
        QTest::addColumn<bool>("answered");
        QTest::newRow("loopback") << qint64{30} << true;
        QTest::newRow("slow") << qint64{850'000} << true;
        QTest::newRow("exactly the timeout") << qint64{1'000'000} << true;
        QTest::newRow("just late") << qint64{1'000'001} << false;
        QTest::newRow("very late") << qint64{5'000'000} << false;
        QTest::newRow("clock went back") << qint64{-5} << true; // clamped to 0
    }

    void answeredWithinTimeout()
    {
        QFETCH(qint64, rtt);
        QFETCH(bool, answered);
        EchoTracker tracker;
        tracker.sent(Vip, 7, Wall, 1000);
        const auto echo = tracker.take(Vip, 7);
        QVERIFY(echo);
        const ProbeSample sample = tracker.finish(*echo, rtt);
        QCOMPARE(sample.sequence, quint16{7});
        QCOMPARE(sample.sentMs, Wall);
        QCOMPARE(sample.answered(), answered);
        if (answered)
            QCOMPARE(*sample.rttMicros, std::max<qint64>(rtt, 0));
    }

    void matchedByTargetAndSequence()
    {
        EchoTracker tracker;
        tracker.sent(Vip, 1, Wall, 0);
        tracker.sent(Node1, 1, Wall, 0);
        QCOMPARE(tracker.size(), qsizetype{2});
        QVERIFY(!tracker.take(Vip, 2));
        QVERIFY(!tracker.take(QHostAddress(QStringLiteral("192.0.2.12")), 1));
        QCOMPARE(tracker.take(Node1, 1)->target, Node1);
        QVERIFY(!tracker.take(Node1, 1)); // a duplicate reply finds nothing
        QCOMPARE(tracker.take(Vip, 1)->target, Vip);
        QCOMPARE(tracker.size(), qsizetype{0});
    }

    void expireReportsLossesOnceAndLateRepliesAreIgnored()
    {
        EchoTracker tracker;
        tracker.sent(Vip, 1, Wall, 0);
        tracker.sent(Vip, 2, Wall + 100, 100'000);
        tracker.sent(Node1, 1, Wall + 100, 100'000);
        QVERIFY(tracker.expire(999'999).isEmpty());
        QList<EchoTracker::Result> lost = tracker.expire(1'000'000);
        QCOMPARE(lost.size(), 1);
        QCOMPARE(lost[0].target, Vip);
        QCOMPARE(lost[0].sample, (ProbeSample{1, Wall, std::nullopt}));
        QVERIFY(!tracker.take(Vip, 1)); // the reply after the timeout
        lost = tracker.expire(1'200'000);
        QCOMPARE(lost.size(), 2);
        QVERIFY(tracker.expire(9'000'000).isEmpty());
        QCOMPARE(tracker.size(), qsizetype{0});
    }

    void forgetDropsOneTarget()
    {
        EchoTracker tracker;
        tracker.sent(Vip, 1, Wall, 0);
        tracker.sent(Node1, 1, Wall, 0);
        tracker.forget(Vip);
        const QList<EchoTracker::Result> lost = tracker.expire(2'000'000);
        QCOMPARE(lost.size(), 1);
        QCOMPARE(lost[0].target, Node1);
    }

    void resentSequenceReplacesTheOld()
    {
        EchoTracker tracker;
        tracker.sent(Vip, 5, Wall, 0);
        tracker.sent(Vip, 5, Wall + 500, 500'000);
        QCOMPARE(tracker.size(), qsizetype{1});
        QCOMPARE(tracker.take(Vip, 5)->sentMs, Wall + 500);
    }

    void clocks()
    {
        const qint64 a = EchoTracker::monotonicMicros();
        QTest::qWait(20);
        const qint64 b = EchoTracker::monotonicMicros();
        QVERIFY2(b - a >= 15'000 && b - a < 5'000'000, qPrintable(QString::number(b - a)));
        QVERIFY(qAbs(EchoTracker::wallMs() - QDateTime::currentMSecsSinceEpoch()) < 1000);
    }
};

QTEST_GUILESS_MAIN(TestEchoTracker)
#include "TestEchoTracker.moc"
