// SPDX-License-Identifier: GPL-3.0-or-later
// What a message from the partner must pass before anything acts on it: this connection's nonce, a
// rising sequence, and an age that rules out a master already back.
#include "peer/PeerMessage.h"
#include "peer/PeerNoticeCheck.h"
#include "peer/PeerProtocol.h"

#include <QTest>

using namespace baton;
using namespace std::chrono_literals;

class TestPeerNoticeCheck : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sequence_data();
    void sequence();
    void maxAge_data();
    void maxAge();
    void freshness_data();
    void freshness();
};

void TestPeerNoticeCheck::sequence_data()
{
    QTest::addColumn<qint64>("nonce");
    QTest::addColumn<qint64>("seq");
    QTest::addColumn<qint64>("connectionNonce");
    QTest::addColumn<qint64>("lastSeq");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("next in line") << qint64{42} << qint64{5} << qint64{42} << qint64{4} << QString();
    QTest::newRow("a gap is fine") << qint64{42} << qint64{9} << qint64{42} << qint64{4} << QString();
    QTest::newRow("the same again") << qint64{42} << qint64{4} << qint64{42} << qint64{4}
                                    << QStringLiteral("replayed");
    QTest::newRow("an older one") << qint64{42} << qint64{2} << qint64{42} << qint64{4}
                                  << QStringLiteral("replayed");
    QTest::newRow("another connection's")
        << qint64{41} << qint64{5} << qint64{42} << qint64{4} << QStringLiteral("replayed");
    QTest::newRow("before any nonce was handed out")
        << qint64{0} << qint64{1} << qint64{0} << qint64{0} << QStringLiteral("replayed");
}

void TestPeerNoticeCheck::sequence()
{
    QFETCH(qint64, nonce);
    QFETCH(qint64, seq);
    QFETCH(qint64, connectionNonce);
    QFETCH(qint64, lastSeq);
    QFETCH(QString, refusal);
    const PeerMessage m = PeerMessage::linkLost(nonce, seq, 0, 1, 1, {2});
    QCOMPARE(PeerNoticeCheck::sequence(m, connectionNonce, lastSeq), refusal);
}

void TestPeerNoticeCheck::maxAge_data()
{
    QTest::addColumn<qint64>("masterDownUs");
    QTest::addColumn<qint64>("maxAgeMs");
    QTest::newRow("seed: 3.004 s") << qint64{3'003'906} << qint64{1000};
    QTest::newRow("advbase 10: capped") << qint64{30'003'906} << qint64{1000};
    QTest::newRow("advbase 0 advskew 26: a third") << qint64{304'687} << qint64{101};
    QTest::newRow("11.7 ms adverts") << qint64{35'156} << qint64{11};
}

void TestPeerNoticeCheck::maxAge()
{
    QFETCH(qint64, masterDownUs);
    QFETCH(qint64, maxAgeMs);
    QCOMPARE(PeerNoticeCheck::maxAgeMs(Micros{masterDownUs}), maxAgeMs);
}

void TestPeerNoticeCheck::freshness_data()
{
    QTest::addColumn<qint64>("sent");
    QTest::addColumn<qint64>("received");
    QTest::addColumn<qint64>("offset"); // -1: none measured
    QTest::addColumn<QString>("refusal");
    const qint64 t = 1'700'000'000'000;
    QTest::newRow("2 ms on the way") << t << t + 2 << qint64{1} << QString();
    QTest::newRow("exactly the limit") << t << t + 1000 << qint64{0} << QString();
    QTest::newRow("a millisecond too old") << t << t + 1001 << qint64{0} << QStringLiteral("stale");
    QTest::newRow("a replay from a minute ago") << t - 60'000 << t << qint64{0} << QStringLiteral("stale");
    QTest::newRow("sent 400 ms ahead of us") << t + 400 << t << qint64{-400} << QString();
    QTest::newRow("sent 600 ms ahead: clocks too far apart")
        << t + 600 << t << qint64{-600} << QStringLiteral("clock-skew");
    QTest::newRow("from the future, clocks agreeing")
        << t + 501 << t << qint64{0} << QStringLiteral("from-the-future");
    QTest::newRow("no offset measured yet") << t << t + 2 << qint64{-1} << QStringLiteral("clock-skew");
}

void TestPeerNoticeCheck::freshness()
{
    QFETCH(qint64, sent);
    QFETCH(qint64, received);
    QFETCH(qint64, offset);
    QFETCH(QString, refusal);
    const std::optional<qint64> measured = offset == -1 ? std::nullopt : std::optional<qint64>(offset);
    QCOMPARE(PeerNoticeCheck::freshness(sent, received, measured, peer::MaxNoticeAgeMs), refusal);
}

QTEST_GUILESS_MAIN(TestPeerNoticeCheck)
#include "TestPeerNoticeCheck.moc"
