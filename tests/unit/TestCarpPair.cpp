// SPDX-License-Identifier: GPL-3.0-or-later
// Two state machines on a simulated wire (200 us one-way latency): start-up races, failover
// bounds, link flaps and hand-overs, measured to the microsecond on a simulated clock.
#include "CarpPairSimulator.h"

#include <QTest>

using namespace baton;
using namespace baton::test;
using namespace std::chrono_literals;

namespace {

constexpr quint32 Node1 = 0xC000020B; // 192.0.2.11
constexpr quint32 Node2 = 0xC000020C; // 192.0.2.12
constexpr Micros Latency = 200us;
constexpr Micros MasterDown = 3'003'906us;
constexpr Micros Interval = 1'003'906us;

CarpParams node(quint32 source, quint8 advskew = 1, bool preempt = false, quint8 advbase = 1)
{
    CarpParams p;
    p.vhid = 1;
    p.source = source;
    p.advbase = advbase;
    p.advskew = advskew;
    p.preempt = preempt;
    return p;
}

// Node 1 becomes master at start-up (equal settings, lower address) and is steady by 10 s.
CarpPairSimulator steadyPair(const CarpParams& a, const CarpParams& b)
{
    CarpPairSimulator sim(a, b, Latency);
    sim.startAt(0, 0us);
    sim.startAt(1, 0us);
    sim.runUntil(10s);
    return sim;
}

} // namespace

class TestCarpPair : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void simultaneousStart_data();
    void simultaneousStart();
    void ucarpStyleStartOverlaps();
    void failoverOnLinkDown_data();
    void failoverOnLinkDown();
    void crashFailoverWithinBound();
    void subSecondFailover();
    void preemptingNodeReturns();
    void handoverIsImmediateAndSticks();
    void shutdownBowOut();
    void maintenanceHandsOver();
    void longRunIsStable();
};

void TestCarpPair::simultaneousStart_data()
{
    QTest::addColumn<Micros>("offset"); // node 2 starts this much after node 1
    QTest::addColumn<quint8>("skew2");  // node 2's advskew (node 1 has 1)
    QTest::addColumn<int>("expectedMaster");
    for (const Micros offset : {0us, 100us, 200us, 1000us, 10'000us, 49'000us, 500'000us}) {
        QTest::addRow("equal settings, node 2 +%lld us", static_cast<long long>(offset.count()))
            << offset << quint8{1} << 0;
        QTest::addRow("node 2 skew 100, +%lld us", static_cast<long long>(offset.count()))
            << offset << quint8{100} << 0;
    }
    // Node 2 starting first wins when its timer fires well before node 1's.
    QTest::newRow("equal settings, node 1 +500 ms") << Micros{-500'000} << quint8{1} << 1;
}

void TestCarpPair::simultaneousStart()
{
    QFETCH(Micros, offset);
    QFETCH(quint8, skew2);
    QFETCH(int, expectedMaster);
    CarpPairSimulator sim(node(Node1), node(Node2, skew2), Latency);
    const Micros base = 1s;
    sim.startAt(0, offset < 0us ? base - offset : base);
    sim.startAt(1, offset < 0us ? base : base + offset);
    sim.runUntil(30s);
    QCOMPARE(sim.masterCount(), 1);
    QCOMPARE(sim.machine(expectedMaster).state(), CarpState::Master);
    QCOMPARE(sim.overlap(), 0us); // ucarp: 971 ms of two VIP holders in 8 of 8 trials
    QCOMPARE(sim.vipSpans(expectedMaster).size(), size_t{1});
    QVERIFY(sim.vipSpans(1 - expectedMaster).empty());
    // The VIP is up no later than master-down + claim window after the first start.
    QVERIFY(sim.vipSpans(expectedMaster).front().from <= base + MasterDown + 50ms);
}

void TestCarpPair::ucarpStyleStartOverlaps()
{
    // Without the claim window both time out together and hold the VIP until the adverts cross:
    // the overlap the claim window removes (here one wire latency; ucarp's pcap delay makes it ~1 s).
    CarpParams a = node(Node1);
    CarpParams b = node(Node2);
    a.claimWindow = b.claimWindow = 0us;
    CarpPairSimulator sim(a, b, Latency);
    sim.startAt(0, 0us);
    sim.startAt(1, 0us);
    sim.runUntil(10s);
    QCOMPARE(sim.masterCount(), 1);
    QCOMPARE(sim.overlap(), Latency);
}

void TestCarpPair::failoverOnLinkDown_data()
{
    QTest::addColumn<Micros>("phase"); // when, within an advert interval, the cable is pulled
    for (const Micros phase : {0us, 1us, 199us, 200us, 201us, 250'000us, 500'000us, 777'777us, 1'003'905us})
        QTest::addRow("phase %lld us", static_cast<long long>(phase.count())) << phase;
}

void TestCarpPair::failoverOnLinkDown()
{
    QFETCH(Micros, phase);
    CarpPairSimulator sim = steadyPair(node(Node1), node(Node2));
    QCOMPARE(sim.machine(0).state(), CarpState::Master);
    const TimePoint down = sim.lastAdvertSent(0) + Interval + phase;
    sim.linkAt(0, down, false);
    sim.runUntil(down + 10s);
    // The backup takes over exactly master-down after the last advert it heard: the protocol
    // bound. An advert already on the wire when the cable is pulled adds at most one latency.
    QCOMPARE(sim.machine(1).state(), CarpState::Master);
    QCOMPARE(sim.vipSpans(1).front().from, sim.lastAdvertReceived(1) + MasterDown);
    QVERIFY(sim.longestGap(down - 1s, down + 10s) <= MasterDown + Latency);
    QCOMPARE(sim.machine(0).state(), CarpState::Backup);
    // Cable back: no second master, no preemption (preempt is off).
    sim.linkAt(0, down + 10s, true);
    sim.runUntil(down + 60s);
    QCOMPARE(sim.masterCount(), 1);
    QCOMPARE(sim.machine(1).state(), CarpState::Master);
    QCOMPARE(sim.overlap(), 0us);
    QCOMPARE(sim.vipSpans(0).size(), size_t{1});
}

void TestCarpPair::crashFailoverWithinBound()
{
    CarpPairSimulator sim = steadyPair(node(Node1), node(Node2));
    const TimePoint crash = 10s + 123'456us;
    sim.crashAt(0, crash);
    sim.runUntil(crash + 10s);
    QCOMPARE(sim.machine(1).state(), CarpState::Master);
    const Micros gap = sim.longestGap(crash - 1s, crash + 10s);
    QVERIFY(gap <= MasterDown);
    QVERIFY(gap >= MasterDown - Interval);
}

void TestCarpPair::subSecondFailover()
{
    CarpPairSimulator sim = steadyPair(node(Node1, 26, false, 0), node(Node2, 26, false, 0));
    const TimePoint down = 10s + 37'000us;
    sim.linkAt(0, down, false);
    sim.runUntil(down + 5s);
    QCOMPARE(sim.machine(1).state(), CarpState::Master);
    const Micros gap = sim.longestGap(down - 1s, down + 5s);
    QVERIFY2(gap <= 304'687us, qPrintable(QString::number(gap.count())));
    // One lost advert is not a failover: the dead time is three intervals, not one.
    QVERIFY(gap > 101'562us);
}

void TestCarpPair::preemptingNodeReturns()
{
    // Node 1 is preferred (skew 1 vs 100) with preempt on: after its cable returns it takes the
    // VIP back, and the two hold it together for at most one wire latency.
    CarpPairSimulator sim = steadyPair(node(Node1, 1, true), node(Node2, 100));
    sim.linkAt(0, 10s, false);
    sim.runUntil(20s);
    QCOMPARE(sim.machine(1).state(), CarpState::Master);
    sim.linkAt(0, 20s, true);
    sim.runUntil(30s);
    QCOMPARE(sim.masterCount(), 1);
    QCOMPARE(sim.machine(0).state(), CarpState::Master);
    QVERIFY(sim.overlap() <= Latency);
}

void TestCarpPair::handoverIsImmediateAndSticks()
{
    CarpPairSimulator sim = steadyPair(node(Node1, 1, true), node(Node2, 100));
    sim.handoverAt(0, 10s + 300ms);
    sim.runUntil(60s);
    QCOMPARE(sim.machine(1).state(), CarpState::Master);
    QCOMPARE(sim.machine(0).state(), CarpState::Backup);
    QCOMPARE(sim.vipSpans(1).front().from, 10s + 300ms + Latency);
    QCOMPARE(sim.longestGap(10s, 60s), Latency);
    QCOMPARE(sim.overlap(), 0us);
}

void TestCarpPair::shutdownBowOut()
{
    CarpPairSimulator sim = steadyPair(node(Node1), node(Node2));
    sim.shutdownAt(0, 10s + 700ms);
    sim.runUntil(20s);
    QCOMPARE(sim.machine(1).state(), CarpState::Master);
    QCOMPARE(sim.longestGap(10s, 20s), Latency);
}

void TestCarpPair::maintenanceHandsOver()
{
    CarpPairSimulator sim = steadyPair(node(Node1), node(Node2));
    sim.maintenanceAt(0, 10s, true);
    sim.crashAt(1, 30s); // even with the peer gone, a node in maintenance keeps its hands off
    sim.runUntil(60s);
    QCOMPARE(sim.machine(0).state(), CarpState::Backup);
    QCOMPARE(sim.longestGap(10s, 30s), Latency);
    sim.maintenanceAt(0, 60s, false);
    sim.runUntil(70s);
    QCOMPARE(sim.machine(0).state(), CarpState::Master);
}

void TestCarpPair::longRunIsStable()
{
    CarpPairSimulator sim = steadyPair(node(Node1), node(Node2));
    const int backupAdverts = sim.advertsSent(1); // its one claim advert at start-up
    QVERIFY(backupAdverts <= 1);
    sim.runUntil(3600s);
    QCOMPARE(sim.masterCount(), 1);
    QVERIFY(sim.vipSpans(1).empty());
    QCOMPARE(sim.advertsSent(1), backupAdverts);
    // One advert per interval after takeover, no more, no less.
    const qint64 expected = (3600s - sim.vipSpans(0).front().from) / Interval + 1;
    QVERIFY(std::abs(sim.advertsSent(0) - expected) <= 2);
}

QTEST_GUILESS_MAIN(TestCarpPair)
#include "TestCarpPair.moc"
