// SPDX-License-Identifier: GPL-3.0-or-later
// The guard in front of the state machine (AdvertGuard): a counter seen before is refused whatever
// else the advert says, our own address with a counter we did not send is reported, a bow-out
// counts only from the master being followed, and a source whose timing fields flip back and
// forth is trusted only to show the master alive, reported once.
#include "carp/AdvertGuard.h"
#include "carp/CarpMachine.h"
#include "carp/CounterMemory.h"

#include <QTest>

using namespace baton;
using namespace std::chrono_literals;
using Sign = AdvertGuard::Sign;
using Trust = AdvertGuard::Trust;

namespace {
constexpr quint32 Node1 = 0xC000020B; // 192.0.2.11, us
constexpr quint32 Node2 = 0xC000020C; // 192.0.2.12
constexpr quint32 Other = 0xC0000242; // 192.0.2.66

CarpAdvert advert(quint32 source, quint64 counter, quint8 advbase = 1, quint8 advskew = 1, quint8 demote = 0)
{
    CarpAdvert a;
    a.vhid = 1;
    a.source = source;
    a.counter = counter;
    a.advbase = advbase;
    a.advskew = advskew;
    a.demote = demote;
    return a;
}

CarpParams params()
{
    CarpParams p;
    p.vhid = 1;
    p.source = Node1;
    p.advbase = 1;
    p.advskew = 100;
    return p;
}

// A backup that follows Node2 as its master (heard at `at`).
CarpMachine backupFollowing(TimePoint at)
{
    CarpMachine machine(params());
    machine.start(0us, true);
    machine.advertReceived(at, advert(Node2, 1));
    return machine;
}

AdvertGuard::Verdict verdict(Trust trust, Sign sign = Sign::None)
{
    return AdvertGuard::Verdict{trust, sign};
}
} // namespace

class TestAdvertGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshCountersAccepted();
    void replayRefusedWhateverItClaims();
    void ourOwnCountersCountAsSeen();
    void ownAddressWithForeignCounter();
    void bowOutOnlyFromFollowedMaster();
    void bowOutAsMasterHarmless();
    void flipFlopIsKeepAliveAndReportedOnce();
    void oneWayChangeIsTrusted();
    void sourcesBounded();
    void signNames();
};

void TestAdvertGuard::freshCountersAccepted()
{
    CounterMemory counters;
    AdvertGuard guard(counters, Node1);
    const CarpMachine machine = backupFollowing(1s);
    for (quint64 c = 100; c < 110; ++c)
        QCOMPARE(guard.inspect(2s + c * 1ms, advert(Node2, c), machine), verdict(Trust::Full));
}

void TestAdvertGuard::replayRefusedWhateverItClaims()
{
    CounterMemory counters;
    AdvertGuard guard(counters, Node1);
    const CarpMachine machine = backupFollowing(1s);
    QCOMPARE(guard.inspect(1s, advert(Node2, 7), machine), verdict(Trust::Full));
    // The same counter edited into a preferred master, a bow-out, a demoted one, another source.
    QCOMPARE(guard.inspect(2s, advert(Node2, 7, 0, 1), machine), verdict(Trust::None, Sign::ReplayedCounter));
    QCOMPARE(guard.inspect(3s, advert(Node2, 7, 255, 255), machine),
             verdict(Trust::None, Sign::ReplayedCounter));
    QCOMPARE(guard.inspect(4s, advert(Node2, 7, 1, 1, 200), machine),
             verdict(Trust::None, Sign::ReplayedCounter));
    QCOMPARE(guard.inspect(5s, advert(Other, 7), machine), verdict(Trust::None, Sign::ReplayedCounter));
    // A memory shared by groups (and reloaded after a restart) refuses it too.
    AdvertGuard afterRestart(counters, Node1);
    QCOMPARE(afterRestart.inspect(6s, advert(Node2, 7), machine),
             verdict(Trust::None, Sign::ReplayedCounter));
}

void TestAdvertGuard::ourOwnCountersCountAsSeen()
{
    CounterMemory counters;
    AdvertGuard guard(counters, Node1);
    const CarpMachine machine = backupFollowing(1s);
    guard.noteSent(0xabc);
    // Our advert, source rewritten to the peer's: refused.
    QCOMPARE(guard.inspect(2s, advert(Node2, 0xabc, 0, 1), machine),
             verdict(Trust::None, Sign::ReplayedCounter));
    // Our advert back through another path: dropped without a report.
    guard.noteSent(0xabd);
    QCOMPARE(guard.inspect(2s, advert(Node1, 0xabd), machine), verdict(Trust::None));
}

void TestAdvertGuard::ownAddressWithForeignCounter()
{
    CounterMemory counters;
    AdvertGuard guard(counters, Node1);
    const CarpMachine machine = backupFollowing(1s);
    QCOMPARE(guard.inspect(2s, advert(Node1, 0x5555), machine), verdict(Trust::None, Sign::OwnAddress));
}

void TestAdvertGuard::bowOutOnlyFromFollowedMaster()
{
    CounterMemory counters;
    AdvertGuard guard(counters, Node1);
    const CarpMachine machine = backupFollowing(1s);
    // From anyone else: ignored.
    QCOMPARE(guard.inspect(2s, advert(Other, 11, 255, 255), machine),
             verdict(Trust::None, Sign::ForeignBowOut));
    // From the master followed, heard within master-down: honoured.
    QCOMPARE(guard.inspect(2s, advert(Node2, 12, 255, 255), machine), verdict(Trust::Full));
    // The followed master, but silent for longer than master-down: not the master any more.
    QCOMPARE(guard.inspect(1s + machine.masterDownInterval() + 1us, advert(Node2, 13, 255, 255), machine),
             verdict(Trust::None, Sign::ForeignBowOut));
    // Nobody followed yet (just started, a hand-over to us): passed on; the machine claims first.
    CarpMachine fresh(params());
    fresh.start(0us, true);
    QCOMPARE(guard.inspect(1s, advert(Node2, 14, 255, 255), fresh), verdict(Trust::Full));
}

void TestAdvertGuard::bowOutAsMasterHarmless()
{
    CounterMemory counters;
    AdvertGuard guard(counters, Node1);
    CarpParams p = params();
    p.claimWindow = 0us;
    CarpMachine master(p);
    master.start(0us, true);
    master.timerFired(master.masterDownInterval());
    QCOMPARE(master.state(), CarpState::Master);
    QCOMPARE(guard.inspect(5s, advert(Other, 21, 255, 255), master), verdict(Trust::Full));
}

void TestAdvertGuard::flipFlopIsKeepAliveAndReportedOnce()
{
    CounterMemory counters;
    AdvertGuard guard(counters, Node1);
    const CarpMachine machine = backupFollowing(1s);
    quint64 c = 1000;
    // The real master at 1/1, and an edited copy at 0/1 in between: the second change back flips.
    QCOMPARE(guard.inspect(1s, advert(Node2, ++c), machine), verdict(Trust::Full));
    QCOMPARE(guard.inspect(1500ms, advert(Node2, ++c, 0, 1), machine), verdict(Trust::Full));
    QCOMPARE(guard.inspect(2s, advert(Node2, ++c), machine), verdict(Trust::KeepAlive, Sign::FieldChange));
    for (int i = 0; i < 10; ++i) {
        const TimePoint t = 2s + (i + 1) * 500ms;
        const bool edited = i % 2 == 0;
        QCOMPARE(guard.inspect(t, advert(Node2, ++c, edited ? 0 : 1, 1), machine), verdict(Trust::KeepAlive));
    }
    // A minute after the last flip, and steady since: trusted again.
    QCOMPARE(guard.inspect(7s + AdvertGuard::FlipHold, advert(Node2, ++c), machine), verdict(Trust::Full));
}

void TestAdvertGuard::oneWayChangeIsTrusted()
{
    CounterMemory counters;
    AdvertGuard guard(counters, Node1);
    const CarpMachine machine = backupFollowing(1s);
    quint64 c = 2000;
    QCOMPARE(guard.inspect(1s, advert(Node2, ++c), machine), verdict(Trust::Full));
    // A demotion that stays (send errors), then a reload to another skew: no flip.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(guard.inspect(2s + i * 1s, advert(Node2, ++c, 1, 1, 240), machine), verdict(Trust::Full));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(guard.inspect(8s + i * 1s, advert(Node2, ++c, 1, 50, 240), machine), verdict(Trust::Full));
    // Back to the first profile, but long after it was left: a change, not a flip.
    QCOMPARE(guard.inspect(30s, advert(Node2, ++c), machine), verdict(Trust::Full));
}

void TestAdvertGuard::sourcesBounded()
{
    CounterMemory counters;
    AdvertGuard guard(counters, Node1);
    const CarpMachine machine = backupFollowing(1s);
    // Many spoofed sources with fresh counters never grow the guard without bound, and the newest
    // source is still tracked: its flip is seen.
    quint64 c = 5000;
    for (quint32 s = 1; s <= 10 * AdvertGuard::MaxSources; ++s)
        guard.inspect(2s, advert(0xC6336400 + s, ++c), machine);
    QCOMPARE(guard.inspect(3s, advert(Node2, ++c), machine), verdict(Trust::Full));
    QCOMPARE(guard.inspect(3100ms, advert(Node2, ++c, 0, 1), machine), verdict(Trust::Full));
    QCOMPARE(guard.inspect(3200ms, advert(Node2, ++c), machine),
             verdict(Trust::KeepAlive, Sign::FieldChange));
}

void TestAdvertGuard::signNames()
{
    QStringList names;
    for (int i = 0; i < static_cast<int>(Sign::Count); ++i) {
        const auto sign = static_cast<Sign>(i);
        names << QString(AdvertGuard::signCode(sign));
        QCOMPARE(AdvertGuard::signFromCode(names.last()), std::optional<Sign>(sign));
    }
    names.removeDuplicates();
    QCOMPARE(names.size(), static_cast<qsizetype>(Sign::Count));
    QCOMPARE(AdvertGuard::signFromCode(u"warp"), std::nullopt);
}

QTEST_GUILESS_MAIN(TestAdvertGuard)
#include "TestAdvertGuard.moc"
