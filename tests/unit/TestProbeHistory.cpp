// SPDX-License-Identifier: GPL-3.0-or-later
// ProbeHistory: one target's recent echoes, fed as results come in (out of send order), bounded in
// time and count; its up/down verdict, last RTT and loss.
#include "probe/ProbeHistory.h"

#include <QTest>

using namespace baton;

Q_DECLARE_METATYPE(baton::ProbeHistory::State)

namespace {
constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 Interval = 100;

qint64 at(int index)
{
    return T0 + index * Interval;
}

ProbeSample answered(int index, qint64 rtt = 500)
{
    return {static_cast<quint16>(index), at(index), rtt};
}

ProbeSample lost(int index)
{
    return {static_cast<quint16>(index), at(index), std::nullopt};
}

// '.' answered, 'x' lost, fed with add() in send order.
void feed(ProbeHistory& history, const QString& pattern)
{
    for (int i = 0; i < pattern.size(); ++i)
        history.add(pattern[i] == u'.' ? answered(i, 100 + i) : lost(i));
}
} // namespace

class TestProbeHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void state_data();
    void state();
    void resultsOutOfSendOrder();
    void downOnlyWhenTheLossesAreConsecutiveInSendOrder();
    void sentThenAnswered();
    void unknownSequenceIsRefused();
    void lastRttIsTheNewestSent();
    void window_data();
    void window();
    void capacityCapsMemory();
    void sampleOlderThanTheWindowIsDropped();
    void clear();
};

void TestProbeHistory::state_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<ProbeHistory::State>("state");
    QTest::addColumn<int>("consecutiveLost");
    using S = ProbeHistory::State;
    QTest::newRow("nothing yet") << QString() << S::Unknown << 0;
    QTest::newRow("first answer") << QStringLiteral(".") << S::Up << 0;
    QTest::newRow("one lost, no answer yet") << QStringLiteral("x") << S::Unknown << 1;
    QTest::newRow("two lost, no answer yet") << QStringLiteral("xx") << S::Unknown << 2;
    QTest::newRow("three lost from the start") << QStringLiteral("xxx") << S::Down << 3;
    QTest::newRow("up, one lost") << QStringLiteral("...x") << S::Up << 1;
    QTest::newRow("up, two lost") << QStringLiteral("...xx") << S::Up << 2;
    QTest::newRow("up, three lost") << QStringLiteral("...xxx") << S::Down << 3;
    QTest::newRow("long outage") << QStringLiteral(".xxxxxxxxxx") << S::Down << 10;
    QTest::newRow("up on the first answer") << QStringLiteral(".xxxxx.") << S::Up << 0;
    QTest::newRow("flaky but up") << QStringLiteral(".xx.xx.xx") << S::Up << 2;
    QTest::newRow("down again") << QStringLiteral(".xxx.xxx") << S::Down << 3;
}

void TestProbeHistory::state()
{
    QFETCH(QString, pattern);
    QFETCH(ProbeHistory::State, state);
    QFETCH(int, consecutiveLost);
    ProbeHistory history;
    feed(history, pattern);
    QCOMPARE(history.state(), state);
    QCOMPARE(history.consecutiveLost(), consecutiveLost);
    QCOMPARE(history.samples().size(), pattern.size());
}

void TestProbeHistory::resultsOutOfSendOrder()
{
    // Answers come at once, losses a timeout later: 1 lost, 2 and 3 answered, reported 2, 3, 1.
    ProbeHistory history;
    history.add(answered(2, 220));
    history.add(answered(3, 330));
    history.add(lost(1));
    const QList<ProbeSample> list = history.samples();
    QCOMPARE(list, (QList<ProbeSample>{lost(1), answered(2, 220), answered(3, 330)}));
    QCOMPARE(history.state(), ProbeHistory::State::Up);
    QCOMPARE(history.lastRttMicros(), std::optional<qint64>(330));
}

void TestProbeHistory::downOnlyWhenTheLossesAreConsecutiveInSendOrder()
{
    ProbeHistory history;
    for (int i = 0; i < 4; ++i)
        history.add(answered(i));
    for (int i = 4; i < 7; ++i)
        history.sent(static_cast<quint16>(i), at(i));
    QCOMPARE(history.inFlight(), qsizetype{3});
    // 6 and 5 time out first (say their timer fired in that order): 4 is still in flight.
    QVERIFY(history.lost(6));
    QVERIFY(history.lost(5));
    QCOMPARE(history.consecutiveLost(), 2);
    QCOMPARE(history.state(), ProbeHistory::State::Up);
    QVERIFY(history.lost(4));
    QCOMPARE(history.consecutiveLost(), 3);
    QCOMPARE(history.state(), ProbeHistory::State::Down);
    // A late-reported loss older than the newest answer does not count against it.
    ProbeHistory other;
    other.sent(1, at(1));
    other.add(answered(2));
    other.add(answered(3));
    QVERIFY(other.lost(1));
    QCOMPARE(other.consecutiveLost(), 0);
    QCOMPARE(other.state(), ProbeHistory::State::Up);
}

void TestProbeHistory::sentThenAnswered()
{
    ProbeHistory history;
    history.sent(7, at(7));
    history.sent(8, at(8));
    QCOMPARE(history.inFlight(), qsizetype{2});
    QVERIFY(history.samples().isEmpty()); // in flight is not a result
    QCOMPARE(history.loss(), (LossCount{0, 0}));
    QCOMPARE(history.state(), ProbeHistory::State::Unknown);
    QVERIFY(history.answered(8, 800));
    history.add(answered(7, 700)); // add() replaces the in-flight echo with the same sequence
    QCOMPARE(history.inFlight(), qsizetype{0});
    QCOMPARE(history.samples(), (QList<ProbeSample>{answered(7, 700), answered(8, 800)}));
    QCOMPARE(history.lastRttMicros(), std::optional<qint64>(800));
}

void TestProbeHistory::unknownSequenceIsRefused()
{
    ProbeHistory history;
    history.sent(1, at(1));
    QVERIFY(!history.answered(2, 100));
    QVERIFY(!history.lost(2));
    QVERIFY(history.answered(1, 100));
    QVERIFY(!history.answered(1, 100)); // finished already: a duplicate reply
    QVERIFY(!history.lost(1));
    QCOMPARE(history.samples(), (QList<ProbeSample>{answered(1, 100)}));
}

void TestProbeHistory::lastRttIsTheNewestSent()
{
    ProbeHistory history;
    QCOMPARE(history.lastRttMicros(), std::nullopt);
    history.add(answered(5, 555));
    history.add(answered(4, 444)); // a slower reply to an older echo
    QCOMPARE(history.lastRttMicros(), std::optional<qint64>(555));
    history.add(lost(6));
    QCOMPARE(history.lastRttMicros(), std::optional<qint64>(555)); // the last one measured
}

void TestProbeHistory::window_data()
{
    QTest::addColumn<int>("lostFirst");
    QTest::addColumn<int>("answeredThen");
    QTest::addColumn<int>("lostLast");
    QTest::addColumn<int>("expectedLost");
    // 10 Hz for 70 s: the oldest 10 s fall out of the 60 s window.
    QTest::newRow("old losses forgotten") << 100 << 600 << 0 << 0;
    QTest::newRow("recent losses counted") << 0 << 650 << 50 << 50;
    QTest::newRow("half of them old") << 100 << 500 << 100 << 100;
    QTest::newRow("some old, some not") << 150 << 550 << 0 << 50;
}

void TestProbeHistory::window()
{
    QFETCH(int, lostFirst);
    QFETCH(int, answeredThen);
    QFETCH(int, lostLast);
    QFETCH(int, expectedLost);
    ProbeHistory history;
    int i = 0;
    for (int n = 0; n < lostFirst; ++n, ++i)
        history.add(lost(i));
    for (int n = 0; n < answeredThen; ++n, ++i)
        history.add(answered(i));
    for (int n = 0; n < lostLast; ++n, ++i)
        history.add(lost(i));
    const QList<ProbeSample> list = history.samples();
    QCOMPARE(list.size(), 600); // 60 s at 10 Hz
    QCOMPARE(list.last().sentMs, at(i - 1));
    QCOMPARE(list.first().sentMs, at(i - 1) - 59'900);
    const LossCount loss = history.loss();
    QCOMPARE(loss, (LossCount{600, expectedLost}));
    QCOMPARE(loss.ratio(), expectedLost / 600.0);
}

void TestProbeHistory::capacityCapsMemory()
{
    // A feeder far faster than 10 Hz cannot grow the history past its capacity.
    ProbeHistory history(60'000, 100);
    for (int i = 0; i < 5000; ++i)
        history.add({static_cast<quint16>(i), T0 + i, 100});
    QCOMPARE(history.samples().size(), 100);
    QCOMPARE(history.samples().first().sentMs, T0 + 4900);
    ProbeHistory defaults;
    QCOMPARE(defaults.windowMs(), qint64{60'000});
    QVERIFY(defaults.capacity() >= 600);
}

void TestProbeHistory::sampleOlderThanTheWindowIsDropped()
{
    ProbeHistory history(1000);
    history.add(answered(20));
    history.add(lost(5)); // 1.5 s older than the newest
    history.add(lost(15));
    QCOMPARE(history.samples(), (QList<ProbeSample>{lost(15), answered(20)}));
}

void TestProbeHistory::clear()
{
    ProbeHistory history;
    feed(history, QStringLiteral("..xxx"));
    history.sent(9, at(9));
    history.clear();
    QVERIFY(history.samples().isEmpty());
    QCOMPARE(history.inFlight(), qsizetype{0});
    QCOMPARE(history.state(), ProbeHistory::State::Unknown);
}

QTEST_GUILESS_MAIN(TestProbeHistory)
#include "TestProbeHistory.moc"
