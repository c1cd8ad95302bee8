// SPDX-License-Identifier: GPL-3.0-or-later
// Single-machine scenarios: every rule of the state machine, as exact action sequences with a
// simulated clock. Two-node behaviour (simultaneous start, failover bounds) is in TestCarpPair.
#include "carp/CarpActionText.h"
#include "carp/CarpMachine.h"
#include "carp/CarpStateNames.h"

#include <QTest>

#include <functional>

using namespace baton;
using namespace baton::action;
using namespace std::chrono_literals;

namespace {

constexpr quint32 Node1 = 0xC000020B;    // 192.0.2.11
constexpr quint32 Node2 = 0xC000020C;    // 192.0.2.12
constexpr quint32 Node3 = 0xC000020D;    // 192.0.2.13
constexpr Micros Interval = 1'003'906us; // advbase 1, advskew 1
constexpr Micros MasterDown = 3'003'906us;
constexpr Micros Claim = 50'000us;

CarpParams seed(quint32 source = Node1)
{
    CarpParams p;
    p.vhid = 1;
    p.source = source;
    p.advbase = 1;
    p.advskew = 1;
    return p;
}

CarpAdvert advert(quint32 source, quint8 advbase, quint8 advskew, quint8 demote = 0, quint8 vhid = 1)
{
    CarpAdvert a;
    a.vhid = vhid;
    a.source = source;
    a.advbase = advbase;
    a.advskew = advskew;
    a.demote = demote;
    return a;
}

// One input and the exact actions it must produce, and the state after it.
struct Step
{
    TimePoint at;
    std::function<CarpActions(CarpMachine&, TimePoint)> input;
    CarpActions expected;
    CarpState state;
};

struct Scenario
{
    CarpParams params;
    std::vector<Step> steps;
};

std::function<CarpActions(CarpMachine&, TimePoint)> start(bool linkUp = true)
{
    return [linkUp](CarpMachine& m, TimePoint t) { return m.start(t, linkUp); };
}
std::function<CarpActions(CarpMachine&, TimePoint)> timer()
{
    return [](CarpMachine& m, TimePoint t) { return m.timerFired(t); };
}
std::function<CarpActions(CarpMachine&, TimePoint)> receive(CarpAdvert a)
{
    return [a](CarpMachine& m, TimePoint t) { return m.advertReceived(t, a); };
}
// An advert the guard only trusts to show the master alive (AdvertGuard::Trust::KeepAlive).
std::function<CarpActions(CarpMachine&, TimePoint)> keepAlive(CarpAdvert a)
{
    return [a](CarpMachine& m, TimePoint t) { return m.advertReceived(t, a, false); };
}
std::function<CarpActions(CarpMachine&, TimePoint)> link(bool up)
{
    return [up](CarpMachine& m, TimePoint t) { return m.linkChanged(t, up); };
}
std::function<CarpActions(CarpMachine&, TimePoint)> maintenance(bool on)
{
    return [on](CarpMachine& m, TimePoint t) { return m.setMaintenance(t, on); };
}
std::function<CarpActions(CarpMachine&, TimePoint)> demote(quint8 d)
{
    return [d](CarpMachine& m, TimePoint t) { return m.setDemote(t, d); };
}
std::function<CarpActions(CarpMachine&, TimePoint)> handover()
{
    return [](CarpMachine& m, TimePoint t) { return m.handover(t); };
}
std::function<CarpActions(CarpMachine&, TimePoint)> shutdown()
{
    return [](CarpMachine& m, TimePoint t) { return m.shutdown(t); };
}
// The partner agent's word, over the peer link, that `partner` lost its link as MASTER.
std::function<CarpActions(CarpMachine&, TimePoint)> partnerLost(quint32 partner)
{
    return [partner](CarpMachine& m, TimePoint t) {
        CarpActions out;
        m.partnerLinkLost(t, partner, out);
        return out;
    };
}

const CarpActions StartupActions(TimePoint t)
{
    return {RemoveVips{}, RunHook{Hook::Down}, ArmTimer{t + MasterDown},
            Notify{CarpReason::Startup, CarpState::Init, CarpState::Backup}};
}

CarpActions takeover(TimePoint t, CarpReason reason, quint8 advbase = 1, quint8 advskew = 1,
                     Micros interval = Interval)
{
    return {AddVips{},
            SendGarp{},
            SendAdvert{advbase, advskew, 0},
            RunHook{Hook::Up},
            ArmTimer{t + interval},
            Notify{reason, CarpState::Backup, CarpState::Master}};
}

// The common prefix: start at 0, hear a master at 1 s, then it goes silent: MASTER at 1 s + MasterDown.
constexpr TimePoint Heard = 1'000'000us;
constexpr TimePoint BecameMaster = Heard + MasterDown;
std::vector<Step> toMaster(CarpAdvert peer = advert(Node2, 1, 100))
{
    return {
        {0us, start(), StartupActions(0us), CarpState::Backup},
        {Heard, receive(peer), {ArmTimer{Heard + MasterDown}}, CarpState::Backup},
        {BecameMaster, timer(), takeover(BecameMaster, CarpReason::MasterDown), CarpState::Master},
    };
}

std::vector<Step> operator+(std::vector<Step> a, const std::vector<Step>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestCarpMachine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timing();
    void tieBreakKey();
    void scenarios_data();
    void scenarios();
    void partnerVerdicts_data();
    void partnerVerdicts();
    void peerMasterDown();
    void alignedAdverts();
    void partnerNoticeHeardCold();
};

void TestCarpMachine::timing()
{
    QCOMPARE(CarpTiming::advertInterval(1, 0), 1'000'000us);
    QCOMPARE(CarpTiming::advertInterval(1, 1), Interval);
    QCOMPARE(CarpTiming::advertInterval(1, 16), 1'062'500us); // measured on ucarp: 1.0625 s
    QCOMPARE(CarpTiming::masterDownInterval(1, 1, 3), MasterDown);
    QCOMPARE(CarpTiming::masterDownInterval(1, 10, 3), 3'039'062us); // peers.md: 3.04 s
    // advbase 0: deadratio x interval, not ucarp's single interval of dead time.
    QCOMPARE(CarpTiming::advertInterval(0, 26), 101'562us);
    QCOMPARE(CarpTiming::masterDownInterval(0, 26, 3), 304'687us);
    QCOMPARE(CarpTiming::masterDownInterval(2, 0, 5), 10'000'000us);
}

void TestCarpMachine::tieBreakKey()
{
    // The lab case from the reference: 10.9.0.1 yields to 10.9.1.0 on x86 ucarp (last octet first).
    QVERIFY(CarpMachine::tieBreakKey(0x0A090100) < CarpMachine::tieBreakKey(0x0A090001));
    QVERIFY(CarpMachine::tieBreakKey(0x0A090001) < CarpMachine::tieBreakKey(0x0A090002));
    QVERIFY(CarpMachine::tieBreakKey(Node1) < CarpMachine::tieBreakKey(Node2));
}

void TestCarpMachine::scenarios_data()
{
    QTest::addColumn<Scenario>("scenario");
    const CarpParams s = seed();

    QTest::newRow("startup: INIT -> BACKUP, never straight to MASTER")
        << Scenario{s, {{0us, start(), StartupActions(0us), CarpState::Backup}}};

    QTest::newRow("startup with link down arms no timer")
        << Scenario{s,
                    {{0us,
                      start(false),
                      {RemoveVips{}, RunHook{Hook::Down},
                       Notify{CarpReason::Startup, CarpState::Init, CarpState::Backup}},
                      CarpState::Backup},
                     {10s, receive(advert(Node2, 1, 1)), {}, CarpState::Backup}}};

    QTest::newRow("cold start: announce, claim window, then MASTER")
        << Scenario{s,
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {MasterDown,
                      timer(),
                      {SendAdvert{1, 1, 0}, ArmTimer{MasterDown + Claim},
                       Notify{CarpReason::Claiming, CarpState::Backup, CarpState::Backup}},
                      CarpState::Backup},
                     {MasterDown + Claim, timer(), takeover(MasterDown + Claim, CarpReason::MasterDown),
                      CarpState::Master}}};

    {
        CarpParams noClaim = s;
        noClaim.claimWindow = 0us;
        QTest::newRow("cold start with claim window 0 behaves like ucarp") << Scenario{
            noClaim,
            {{0us, start(), StartupActions(0us), CarpState::Backup},
             {MasterDown, timer(), takeover(MasterDown, CarpReason::MasterDown), CarpState::Master}}};
    }

    QTest::newRow("claim lost to a preferred claimer: VIP never taken")
        << Scenario{seed(Node2),
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {MasterDown,
                      timer(),
                      {SendAdvert{1, 1, 0}, ArmTimer{MasterDown + Claim},
                       Notify{CarpReason::Claiming, CarpState::Backup, CarpState::Backup}},
                      CarpState::Backup},
                     {MasterDown + 200us,
                      receive(advert(Node1, 1, 1)),
                      {ArmTimer{MasterDown + 200us + MasterDown},
                       Notify{CarpReason::ClaimLost, CarpState::Backup, CarpState::Backup}},
                      CarpState::Backup}}};

    QTest::newRow("claim goes on against a less preferred claimer")
        << Scenario{s,
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {MasterDown,
                      timer(),
                      {SendAdvert{1, 1, 0}, ArmTimer{MasterDown + Claim},
                       Notify{CarpReason::Claiming, CarpState::Backup, CarpState::Backup}},
                      CarpState::Backup},
                     {MasterDown + 200us, receive(advert(Node2, 1, 1)), {}, CarpState::Backup},
                     {MasterDown + Claim, timer(), takeover(MasterDown + Claim, CarpReason::MasterDown),
                      CarpState::Master}}};

    QTest::newRow("backup re-arms master-down on each advert; takes over at once when it stops")
        << Scenario{s, toMaster(advert(Node2, 1, 1))};

    QTest::newRow("master advertises every interval; second GARP with the second advert") << Scenario{
        s, toMaster() +
               std::vector<Step>{{BecameMaster + Interval,
                                  timer(),
                                  {SendAdvert{1, 1, 0}, ArmTimer{BecameMaster + 2 * Interval}},
                                  CarpState::Master},
                                 {BecameMaster + 2 * Interval,
                                  timer(),
                                  {SendAdvert{1, 1, 0}, SendGarp{}, ArmTimer{BecameMaster + 3 * Interval}},
                                  CarpState::Master},
                                 {BecameMaster + 3 * Interval,
                                  timer(),
                                  {SendAdvert{1, 1, 0}, ArmTimer{BecameMaster + 4 * Interval}},
                                  CarpState::Master}}};

    QTest::newRow("late timer: next advert scheduled from the due time, no drift") << Scenario{
        s, toMaster() + std::vector<Step>{{BecameMaster + Interval + 7ms,
                                           timer(),
                                           {SendAdvert{1, 1, 0}, ArmTimer{BecameMaster + 2 * Interval}},
                                           CarpState::Master}}};

    QTest::newRow("early timer keeps its deadline")
        << Scenario{s, toMaster() + std::vector<Step>{{BecameMaster + Interval - 1ms,
                                                       timer(),
                                                       {ArmTimer{BecameMaster + Interval}},
                                                       CarpState::Master}}};

    const TimePoint t = BecameMaster + 300ms;
    const CarpActions yield = {SendAdvert{1, 1, 0}, RemoveVips{}, RunHook{Hook::Down},
                               ArmTimer{t + MasterDown},
                               Notify{CarpReason::PreferredMaster, CarpState::Master, CarpState::Backup}};
    QTest::newRow("master yields to a strictly shorter interval (preempt off)") << Scenario{
        s, toMaster() + std::vector<Step>{{t, receive(advert(Node2, 1, 0)), yield, CarpState::Backup}}};

    QTest::newRow("master yields on a tie to a lower address") << Scenario{
        seed(Node2), toMaster(advert(Node1, 1, 100)) +
                         std::vector<Step>{{t, receive(advert(Node1, 1, 1)), yield, CarpState::Backup}}};

    const CarpActions reassert = {
        SendGarp{}, SendAdvert{1, 1, 0}, ArmTimer{t + Interval},
        Notify{CarpReason::NonPreferredMaster, CarpState::Master, CarpState::Master}};
    QTest::newRow("master keeps on a tie against a higher address and reasserts") << Scenario{
        s,
        toMaster() +
            std::vector<Step>{
                {t, receive(advert(Node2, 1, 1)), reassert, CarpState::Master},
                {t + Interval, timer(), {SendAdvert{1, 1, 0}, ArmTimer{t + 2 * Interval}}, CarpState::Master},
                {t + 2 * Interval,
                 timer(),
                 {SendAdvert{1, 1, 0}, SendGarp{}, ArmTimer{t + 3 * Interval}},
                 CarpState::Master}}};

    {
        CarpParams lab = seed(0x0A090001); // 10.9.0.1
        QTest::newRow("tie-break is ucarp's byte order: 10.9.0.1 yields to 10.9.1.0") << Scenario{
            lab, toMaster(advert(0x0A090002, 1, 100)) +
                     std::vector<Step>{{t, receive(advert(0x0A090100, 1, 1)), yield, CarpState::Backup}}};
        QTest::newRow("tie-break is ucarp's byte order: 10.9.0.1 keeps against 10.9.0.2") << Scenario{
            lab, toMaster(advert(0x0A090002, 1, 100)) +
                     std::vector<Step>{{t, receive(advert(0x0A090002, 1, 1)), reassert, CarpState::Master}}};
    }

    QTest::newRow("a stream of less preferred adverts: one reassert per interval, no more") << Scenario{
        s, toMaster() + std::vector<Step>{
                            {t, receive(advert(Node2, 1, 1)), reassert, CarpState::Master},
                            {t + 10ms, receive(advert(Node2, 1, 1)), {}, CarpState::Master},
                            {t + Interval - 1us, receive(advert(Node2, 1, 1)), {}, CarpState::Master},
                            {t + Interval,
                             receive(advert(Node2, 1, 1)),
                             {SendGarp{}, SendAdvert{1, 1, 0}, ArmTimer{t + 2 * Interval},
                              Notify{CarpReason::NonPreferredMaster, CarpState::Master, CarpState::Master}},
                             CarpState::Master}}};

    // Refusing to yield to a source the guard holds suspect left two masters for the guard's hold
    // (a minute) after a real peer's demotion came and went; a yield cannot make two masters.
    QTest::newRow("keep-alive trust: a master still yields to a preferred one") << Scenario{
        s, toMaster() + std::vector<Step>{{t, keepAlive(advert(Node2, 1, 0)), yield, CarpState::Backup}}};

    QTest::newRow("keep-alive trust: a master does not reassert against a less preferred one") << Scenario{
        s, toMaster() + std::vector<Step>{{t, keepAlive(advert(Node2, 1, 1)), {}, CarpState::Master},
                                          {t + 1ms, keepAlive(advert(Node2, 1, 2)), {}, CarpState::Master}}};

    QTest::newRow("keep-alive trust: a backup only re-arms its own master-down") << Scenario{
        s,
        {{0us, start(), StartupActions(0us), CarpState::Backup},
         {1s, keepAlive(advert(Node2, 1, 0, 200)), {ArmTimer{1s + MasterDown}}, CarpState::Backup},
         {2s, keepAlive(advert(Node2, 0, 1)), {ArmTimer{2s + MasterDown}}, CarpState::Backup}}};

    QTest::newRow("backup follows a faster master's own interval (VRRPv3): 3 x 101.5 ms") << Scenario{
        s,
        {{0us, start(), StartupActions(0us), CarpState::Backup},
         {1s, receive(advert(Node2, 0, 26)), {ArmTimer{1s + 304'687us}}, CarpState::Backup},
         {1s + 304'687us, timer(), takeover(1s + 304'687us, CarpReason::MasterDown), CarpState::Master}}};

    QTest::newRow("a master claiming no interval at all still gets deadratio ticks")
        << Scenario{s,
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {1s, receive(advert(Node2, 0, 0)), {ArmTimer{1s + 11'718us}}, CarpState::Backup}}};

    {
        // Two advert-triggered transitions per 10 s window: the third is damped, once reported.
        CarpParams damp = s;
        damp.maxAdvertTransitions = 2;
        damp.transitionWindow = 10s;
        const CarpAdvert preferred = advert(Node2, 1, 0);
        const auto yieldAt = [](TimePoint at) {
            return CarpActions{SendAdvert{1, 1, 0}, RemoveVips{}, RunHook{Hook::Down},
                               ArmTimer{at + MasterDown},
                               Notify{CarpReason::PreferredMaster, CarpState::Master, CarpState::Backup}};
        };
        const TimePoint t1 = BecameMaster + 300ms;
        const TimePoint back1 = t1 + MasterDown;
        const TimePoint t2 = back1 + 300ms;
        const TimePoint back2 = t2 + MasterDown;
        const TimePoint t3 = back2 + 300ms;
        const TimePoint t4 = t1 + 10s; // the first yield has left the window
        const CarpAdvert bowOut = advert(Node2, 255, 255);
        const TimePoint t3b = t3 + 100ms;
        // A stalled master (a VM's CPU) lets the backup take over on its timer, then it yields:
        // each yield counts, none is refused (refusing one left two masters for the window).
        QTest::newRow("flap damping: yields never refused, but they count against takeovers") << Scenario{
            damp,
            toMaster() + std::vector<Step>{
                             {t1, receive(preferred), yieldAt(t1), CarpState::Backup},
                             {back1, timer(), takeover(back1, CarpReason::MasterDown), CarpState::Master},
                             {t2, receive(preferred), yieldAt(t2), CarpState::Backup},
                             {back2, timer(), takeover(back2, CarpReason::MasterDown), CarpState::Master},
                             {t3, receive(preferred), yieldAt(t3), CarpState::Backup},
                             {t3b,
                              receive(bowOut),
                              {Notify{CarpReason::FlapDamped, CarpState::Backup, CarpState::Backup},
                               ArmTimer{t3b + MasterDown}},
                              CarpState::Backup},
                             {t3b + MasterDown, timer(), takeover(t3b + MasterDown, CarpReason::MasterDown),
                              CarpState::Master},
                             {t4, receive(preferred), yieldAt(t4), CarpState::Backup}}};
        QTest::newRow("flap damping: a damped bow-out waits for master-down instead") << Scenario{
            damp,
            {{0us, start(), StartupActions(0us), CarpState::Backup},
             {500ms, receive(advert(Node2, 1, 1)), {ArmTimer{500ms + MasterDown}}, CarpState::Backup},
             {1s, receive(advert(Node2, 255, 255)), takeover(1s, CarpReason::BowOutReceived),
              CarpState::Master},
             {2s, receive(advert(Node2, 1, 0)), yieldAt(2s), CarpState::Backup},
             {3s,
              receive(advert(Node2, 255, 255)),
              {Notify{CarpReason::FlapDamped, CarpState::Backup, CarpState::Backup},
               ArmTimer{3s + MasterDown}},
              CarpState::Backup},
             {3s + MasterDown, timer(), takeover(3s + MasterDown, CarpReason::MasterDown),
              CarpState::Master}}};
    }

    QTest::newRow("partner link lost: the backup following it takes over at once") << Scenario{
        s,
        {{0us, start(), StartupActions(0us), CarpState::Backup},
         {1s, receive(advert(Node2, 1, 1)), {ArmTimer{1s + MasterDown}}, CarpState::Backup},
         {1500ms, partnerLost(Node2), takeover(1500ms, CarpReason::PartnerLinkLost), CarpState::Master},
         {2s, partnerLost(Node2), {}, CarpState::Master}}};
    QTest::newRow("partner link lost: ignored when another master is followed, timers unchanged") << Scenario{
        s,
        {{0us, start(), StartupActions(0us), CarpState::Backup},
         {1s, receive(advert(Node2, 1, 1)), {ArmTimer{1s + MasterDown}}, CarpState::Backup},
         {1500ms, partnerLost(0xC000020D), {}, CarpState::Backup},
         {1s + MasterDown, timer(), takeover(1s + MasterDown, CarpReason::MasterDown), CarpState::Master}}};
    QTest::newRow("partner link lost: ignored with the own link down; claimed before any advert since it")
        << Scenario{s,
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {1s, receive(advert(Node2, 1, 1)), {ArmTimer{1s + MasterDown}}, CarpState::Backup},
                     {1100ms,
                      link(false),
                      {CancelTimer{}, Notify{CarpReason::LinkDown, CarpState::Backup, CarpState::Backup}},
                      CarpState::Backup},
                     {1200ms, partnerLost(Node2), {}, CarpState::Backup},
                     {1300ms,
                      link(true),
                      {ArmTimer{1300ms + MasterDown},
                       Notify{CarpReason::LinkUp, CarpState::Backup, CarpState::Backup}},
                      CarpState::Backup},
                     {1400ms,
                      partnerLost(Node2),
                      {SendAdvert{1, 1, 0}, ArmTimer{1400ms + Claim},
                       Notify{CarpReason::Claiming, CarpState::Backup, CarpState::Backup}},
                      CarpState::Backup},
                     {1400ms + Claim, timer(), takeover(1400ms + Claim, CarpReason::PartnerLinkLost),
                      CarpState::Master}}};

    QTest::newRow("master ignores a bow-out from the other node") << Scenario{
        s, toMaster() + std::vector<Step>{{t, receive(advert(Node2, 255, 255)), {}, CarpState::Master}}};

    QTest::newRow("backup without preempt never takes over from a slower master")
        << Scenario{s,
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {1s, receive(advert(Node2, 1, 100)), {ArmTimer{1s + MasterDown}}, CarpState::Backup}}};

    CarpParams preempt = s;
    preempt.preempt = true;
    QTest::newRow("backup with preempt takes over from a strictly slower master") << Scenario{
        preempt,
        {{0us, start(), StartupActions(0us), CarpState::Backup},
         {1s, receive(advert(Node2, 1, 100)), takeover(1s, CarpReason::Preempt), CarpState::Master}}};

    QTest::newRow("equal intervals never preempt, even from a lower address")
        << Scenario{preempt,
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {1s, receive(advert(Node2, 1, 1)), {ArmTimer{1s + MasterDown}}, CarpState::Backup}}};

    QTest::newRow("master interval equal to our master-down: keep waiting")
        << Scenario{s,
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {1s, receive(advert(Node2, 3, 1)), {ArmTimer{1s + MasterDown}}, CarpState::Backup}}};

    QTest::newRow("master interval beyond our master-down: take over at once") << Scenario{
        s,
        {{0us, start(), StartupActions(0us), CarpState::Backup},
         {1s, receive(advert(Node2, 3, 2)), takeover(1s, CarpReason::SlowMaster), CarpState::Master}}};

    QTest::newRow("bow-out received: take over at once without preempt")
        << Scenario{s,
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {1s, receive(advert(Node2, 1, 1)), {ArmTimer{1s + MasterDown}}, CarpState::Backup},
                     {2s, receive(advert(Node2, 255, 255)), takeover(2s, CarpReason::BowOutReceived),
                      CarpState::Master}}};

    // A hand-over just after our start: no master followed yet, so the bow-out could be a replay.
    QTest::newRow("bow-out before any advert: claim first, then MASTER for the bow-out") << Scenario{
        s,
        {{0us, start(), StartupActions(0us), CarpState::Backup},
         {1s,
          receive(advert(Node2, 255, 255)),
          {SendAdvert{1, 1, 0}, ArmTimer{1s + Claim},
           Notify{CarpReason::Claiming, CarpState::Backup, CarpState::Backup}},
          CarpState::Backup},
         {1s + Claim, timer(), takeover(1s + Claim, CarpReason::BowOutReceived), CarpState::Master}}};
    QTest::newRow("bow-out before any advert: a live master's answer ends the claim")
        << Scenario{s,
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {1s,
                      receive(advert(Node2, 255, 255)),
                      {SendAdvert{1, 1, 0}, ArmTimer{1s + Claim},
                       Notify{CarpReason::Claiming, CarpState::Backup, CarpState::Backup}},
                      CarpState::Backup},
                     {1s + 300us,
                      receive(advert(Node2, 1, 0)),
                      {ArmTimer{1s + 300us + MasterDown},
                       Notify{CarpReason::ClaimLost, CarpState::Backup, CarpState::Backup}},
                      CarpState::Backup},
                     {1s + 300us + MasterDown, timer(),
                      takeover(1s + 300us + MasterDown, CarpReason::MasterDown), CarpState::Master}}};

    QTest::newRow("demote: backup takes over from a more demoted master") << Scenario{
        s,
        {{0us, start(), StartupActions(0us), CarpState::Backup},
         {1s, receive(advert(Node2, 1, 0, 1)), takeover(1s, CarpReason::PeerDemoted), CarpState::Master}}};

    QTest::newRow("demote: a demoted master yields to a less demoted, slower peer") << Scenario{
        s, toMaster() +
               std::vector<Step>{
                   {t,
                    demote(5),
                    {SendAdvert{1, 240, 5}, ArmTimer{t + Interval},
                     Notify{CarpReason::DemoteChanged, CarpState::Master, CarpState::Master}},
                    CarpState::Master},
                   {t + 1ms,
                    receive(advert(Node2, 1, 100)),
                    {SendAdvert{1, 240, 5}, RemoveVips{}, RunHook{Hook::Down}, ArmTimer{t + 1ms + MasterDown},
                     Notify{CarpReason::PreferredMaster, CarpState::Master, CarpState::Backup}},
                    CarpState::Backup}}};

    // A ucarp peer reads advskew, not the demote byte: a demoted master advertises 240 (as ucarp
    // does after failed sends), and two demoted masters compare the raised skews as they see them.
    QTest::newRow("demote: two demoted masters compare the raised skews (a tie: the lower address keeps)")
        << Scenario{seed(Node2),
                    toMaster(advert(Node1, 1, 100)) +
                        std::vector<Step>{
                            {t,
                             demote(240),
                             {SendAdvert{1, 240, 240}, ArmTimer{t + Interval},
                              Notify{CarpReason::DemoteChanged, CarpState::Master, CarpState::Master}},
                             CarpState::Master},
                            {t + 1ms,
                             receive(advert(Node1, 1, 240, 240)),
                             {SendAdvert{1, 240, 240}, RemoveVips{}, RunHook{Hook::Down},
                              ArmTimer{t + 1ms + MasterDown},
                              Notify{CarpReason::PreferredMaster, CarpState::Master, CarpState::Backup}},
                             CarpState::Backup}}};

    {
        // Both demoted (failed sends on both): the master's raised advskew is no slow master to a
        // backup whose own is raised alike (deadratio 1: 496 ticks, against 257 unraised).
        CarpParams one = s;
        one.deadratio = 1;
        QTest::newRow("demote: a demoted backup takes a demoted master for no slow one") << Scenario{
            one,
            {{0us,
              start(),
              {RemoveVips{}, RunHook{Hook::Down}, ArmTimer{Interval},
               Notify{CarpReason::Startup, CarpState::Init, CarpState::Backup}},
              CarpState::Backup},
             {1ms,
              demote(240),
              {Notify{CarpReason::DemoteChanged, CarpState::Backup, CarpState::Backup}},
              CarpState::Backup},
             {1s, receive(advert(Node2, 1, 240, 240)), {ArmTimer{1s + Interval}}, CarpState::Backup}}};
    }

    QTest::newRow("link down as MASTER: VIP removed, BACKUP, timer off; link up listens first") << Scenario{
        s,
        toMaster() + std::vector<Step>{
                         {t,
                          link(false),
                          {RemoveVips{}, RunHook{Hook::Down},
                           Notify{CarpReason::LinkDown, CarpState::Master, CarpState::Backup}, CancelTimer{}},
                          CarpState::Backup},
                         {t + 1s, receive(advert(Node2, 1, 1)), {}, CarpState::Backup},
                         {t + 2s,
                          link(true),
                          {ArmTimer{t + 2s + MasterDown},
                           Notify{CarpReason::LinkUp, CarpState::Backup, CarpState::Backup}},
                          CarpState::Backup},
                         {t + 2500ms,
                          receive(advert(Node2, 1, 1)),
                          {ArmTimer{t + 2500ms + MasterDown}},
                          CarpState::Backup}}};

    QTest::newRow("link flap as BACKUP: no takeover while down, listens again when up") << Scenario{
        s,
        {{0us, start(), StartupActions(0us), CarpState::Backup},
         {1s,
          link(false),
          {CancelTimer{}, Notify{CarpReason::LinkDown, CarpState::Backup, CarpState::Backup}},
          CarpState::Backup},
         {1s, link(false), {}, CarpState::Backup},
         {5s, timer(), {}, CarpState::Backup},
         {5s,
          link(true),
          {ArmTimer{5s + MasterDown}, Notify{CarpReason::LinkUp, CarpState::Backup, CarpState::Backup}},
          CarpState::Backup}}};

    const CarpActions handedOver = {RemoveVips{}, SendAdvert{255, 255, 0}, RunHook{Hook::Down},
                                    Notify{CarpReason::Handover, CarpState::Master, CarpState::Backup},
                                    ArmTimer{t + MasterDown}};
    QTest::newRow("hand-over: bow-out advert, VIP removed, and no preemption back")
        << Scenario{preempt, toMaster(advert(Node2, 1, 1)) +
                                 std::vector<Step>{{t, handover(), handedOver, CarpState::Backup},
                                                   {t + 1ms,
                                                    receive(advert(Node2, 1, 100)),
                                                    {ArmTimer{t + 1ms + MasterDown}},
                                                    CarpState::Backup}}};

    QTest::newRow("hand-over with nobody to take it: VIP back after master-down")
        << Scenario{s, toMaster() + std::vector<Step>{{t, handover(), handedOver, CarpState::Backup},
                                                      {t + MasterDown, timer(),
                                                       takeover(t + MasterDown, CarpReason::MasterDown),
                                                       CarpState::Master}}};

    QTest::newRow("hand-over refused as BACKUP")
        << Scenario{s,
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {1s,
                      handover(),
                      {Notify{CarpReason::HandoverRefused, CarpState::Backup, CarpState::Backup}},
                      CarpState::Backup}}};

    QTest::newRow("maintenance as MASTER hands over and never takes the VIP back until off") << Scenario{
        s, toMaster() +
               std::vector<Step>{
                   {t,
                    maintenance(true),
                    {RemoveVips{}, SendAdvert{255, 255, 0}, RunHook{Hook::Down},
                     Notify{CarpReason::MaintenanceOn, CarpState::Master, CarpState::Backup}, CancelTimer{}},
                    CarpState::Backup},
                   {t + 1s, receive(advert(Node2, 255, 255)), {}, CarpState::Backup},
                   {t + 2s, receive(advert(Node2, 1, 0, 9)), {}, CarpState::Backup},
                   {t + 3s,
                    maintenance(false),
                    {ArmTimer{t + 3s + MasterDown},
                     Notify{CarpReason::MaintenanceOff, CarpState::Backup, CarpState::Backup}},
                    CarpState::Backup},
                   {t + 3s + MasterDown, timer(), takeover(t + 3s + MasterDown, CarpReason::MasterDown),
                    CarpState::Master}}};

    QTest::newRow("shutdown as MASTER: bow-out, VIP removed, INIT") << Scenario{
        s, toMaster() + std::vector<Step>{{t,
                                           shutdown(),
                                           {RemoveVips{}, SendAdvert{255, 255, 0}, RunHook{Hook::Down},
                                            Notify{CarpReason::Shutdown, CarpState::Master, CarpState::Init},
                                            CancelTimer{}},
                                           CarpState::Init},
                                          {t + 1s, receive(advert(Node2, 1, 1)), {}, CarpState::Init}}};

    QTest::newRow("shutdown as BACKUP: nothing to remove")
        << Scenario{s,
                    {{0us, start(), StartupActions(0us), CarpState::Backup},
                     {1s,
                      shutdown(),
                      {CancelTimer{}, Notify{CarpReason::Shutdown, CarpState::Backup, CarpState::Init}},
                      CarpState::Init}}};

    QTest::newRow("ignored: adverts in INIT, our own adverts, other vhids")
        << Scenario{s,
                    {{0us, receive(advert(Node2, 1, 0)), {}, CarpState::Init},
                     {0us, start(), StartupActions(0us), CarpState::Backup},
                     {1s, receive(advert(Node1, 255, 255)), {}, CarpState::Backup},
                     {1s, receive(advert(Node2, 255, 255, 0, 2)), {}, CarpState::Backup}}};

    {
        CarpParams fast = s;
        fast.advbase = 0;
        fast.advskew = 26;
        const Micros md = 304'687us;
        const Micros claim = 50'000us; // below half the 101.5 ms interval
        QTest::newRow("sub-second: advbase 0 uses deadratio x interval")
            << Scenario{fast,
                        {{0us,
                          start(),
                          {RemoveVips{}, RunHook{Hook::Down}, ArmTimer{md},
                           Notify{CarpReason::Startup, CarpState::Init, CarpState::Backup}},
                          CarpState::Backup},
                         {100ms, receive(advert(Node2, 0, 26)), {ArmTimer{100ms + md}}, CarpState::Backup},
                         {100ms + md, timer(), takeover(100ms + md, CarpReason::MasterDown, 0, 26, 101'562us),
                          CarpState::Master}}};
        fast.advskew = 8; // 31 ms interval: the claim window shrinks to half of it
        QTest::newRow("sub-second: claim window capped at half an interval")
            << Scenario{fast,
                        {{0us,
                          start(),
                          {RemoveVips{}, RunHook{Hook::Down}, ArmTimer{93'750us},
                           Notify{CarpReason::Startup, CarpState::Init, CarpState::Backup}},
                          CarpState::Backup},
                         {93'750us,
                          timer(),
                          {SendAdvert{0, 8, 0}, ArmTimer{93'750us + 15'625us},
                           Notify{CarpReason::Claiming, CarpState::Backup, CarpState::Backup}},
                          CarpState::Backup}}};
        Q_UNUSED(claim)
    }
}

void TestCarpMachine::partnerVerdicts_data()
{
    QTest::addColumn<int>("setup");
    QTest::addColumn<int>("verdict");
    QTest::newRow("backup following the partner") << 0 << int(PartnerVerdict::TakenOver);
    QTest::newRow("master") << 1 << int(PartnerVerdict::NotBackup);
    QTest::newRow("own link down") << 2 << int(PartnerVerdict::OwnLinkDown);
    QTest::newRow("maintenance") << 3 << int(PartnerVerdict::Maintenance);
    QTest::newRow("nobody heard yet: claims") << 4 << int(PartnerVerdict::Claiming);
    QTest::newRow("following another master") << 6 << int(PartnerVerdict::NotFollowing);
    QTest::newRow("not running") << 5 << int(PartnerVerdict::NotBackup);
}

void TestCarpMachine::partnerVerdicts()
{
    QFETCH(int, setup);
    QFETCH(int, verdict);
    CarpMachine m(seed());
    if (setup != 5)
        m.start(0us, true);
    if (setup == 6)
        m.advertReceived(1s, advert(Node3, 1, 1));
    else if (setup != 4)
        m.advertReceived(1s, setup == 1 ? advert(Node2, 1, 100) : advert(Node2, 1, 1));
    if (setup == 1)
        m.timerFired(1s + MasterDown);
    if (setup == 2)
        m.linkChanged(1100ms, false);
    if (setup == 3)
        m.setMaintenance(1100ms, true);
    CarpActions out;
    const PartnerVerdict got = m.partnerLinkLost(1200ms + (setup == 1 ? MasterDown : 0us), Node2, out);
    QCOMPARE(int(got), verdict);
    QCOMPARE(m.state() == CarpState::Master, setup == 1 || verdict == int(PartnerVerdict::TakenOver));
    QCOMPARE(QLatin1StringView(CarpStateNames::partnerVerdict(got)).isEmpty(), false);
}

void TestCarpMachine::partnerNoticeHeardCold()
{
    // Just started, nobody heard: the partner's word cannot be checked against the master we
    // follow, so the machine announces itself and takes over a claim window later...
    CarpMachine m(seed());
    m.start(0us, true);
    CarpActions out;
    QCOMPARE(m.partnerLinkLost(200ms, Node2, out), PartnerVerdict::Claiming);
    QCOMPARE(out, (CarpActions{SendAdvert{1, 1, 0}, ArmTimer{200ms + Claim},
                               Notify{CarpReason::Claiming, CarpState::Backup, CarpState::Backup}}));
    out.clear();
    QCOMPARE(m.partnerLinkLost(210ms, Node2, out), PartnerVerdict::Claiming); // a repeat changes nothing
    QVERIFY(out.empty());
    QCOMPARE(m.timerFired(200ms + Claim), takeover(200ms + Claim, CarpReason::PartnerLinkLost));
    QCOMPARE(m.state(), CarpState::Master);

    // ...unless a live master answers the announcement: then it stays BACKUP.
    CarpMachine answered(seed());
    answered.start(0us, true);
    answered.partnerLinkLost(200ms, Node2, out);
    answered.advertReceived(210ms, advert(Node3, 1, 0));
    answered.timerFired(200ms + Claim);
    QCOMPARE(answered.state(), CarpState::Backup);
}

void TestCarpMachine::peerMasterDown()
{
    // The partner's own master-down bounds how soon it can hold the VIP again; ours until heard.
    CarpParams slow = seed();
    slow.advskew = 100;
    CarpMachine m(slow);
    m.start(0us, true);
    QCOMPARE(m.peerMasterDown(), m.masterDownInterval());
    m.advertReceived(1s, advert(Node2, 0, 26));
    QCOMPARE(m.peerMasterDown(), 304'687us); // 3 x 26/256 s
    m.advertReceived(2s, advert(Node2, 255, 255));
    QCOMPARE(m.peerMasterDown(), 304'687us); // a bow-out says nothing about its timing
}

namespace {
std::optional<TimePoint> armedAt(const CarpActions& actions)
{
    std::optional<TimePoint> at;
    for (const CarpAction& a : actions)
        if (const auto* arm = std::get_if<ArmTimer>(&a))
            at = arm->deadline;
    return at;
}

bool sendsAdvert(const CarpActions& actions)
{
    return std::any_of(actions.begin(), actions.end(),
                       [](const CarpAction& a) { return std::holds_alternative<SendAdvert>(a); });
}

// Start at `t0` with nobody to hear, claim, take over; returns the deadline armed on taking over.
TimePoint becomeMasterAlone(CarpMachine& m, TimePoint t0)
{
    m.start(t0, true);
    const TimePoint claimAt = t0 + MasterDown;
    m.timerFired(claimAt);
    const TimePoint takeoverAt = claimAt + Claim;
    const CarpActions actions = m.timerFired(takeoverAt);
    [&] { QCOMPARE(m.state(), CarpState::Master); }();
    return armedAt(actions).value_or(TimePoint{});
}
} // namespace

void TestCarpMachine::alignedAdverts()
{
    // Two groups of one agent with the same timing, started 7.8 ms apart: on the same multiples of
    // the interval from their first periodic advert on, so the agent wakes once for both.
    CarpParams params = seed();
    params.alignAdverts = true;
    CarpMachine first(params);
    params.vhid = 2;
    CarpMachine second(params);
    const TimePoint a = becomeMasterAlone(first, 0us);
    const TimePoint b = becomeMasterAlone(second, 7'777us);
    QCOMPARE(a.count() % Interval.count(), 0);
    QCOMPARE(a, b);
    const TimePoint tookOver = MasterDown + Claim;
    QVERIFY(a > tookOver);
    QVERIFY(a - tookOver <= Interval); // never later than the unaligned advert would be

    // On time: the next multiple. Late by more than an interval: at once, then back on the grid.
    CarpActions actions = first.timerFired(a);
    QVERIFY(sendsAdvert(actions));
    QCOMPARE(armedAt(actions), std::optional<TimePoint>(a + Interval));
    const TimePoint late = a + Interval * 2 + 123'456us;
    actions = first.timerFired(late);
    QVERIFY(sendsAdvert(actions));
    QCOMPARE(armedAt(actions), std::optional<TimePoint>(late));
    actions = first.timerFired(late);
    QVERIFY(sendsAdvert(actions));
    const TimePoint back = armedAt(actions).value_or(TimePoint{});
    QCOMPARE(back.count() % Interval.count(), 0);
    QVERIFY(back > late && back - late <= Interval);

    // Without alignment (ucarp's way, the default): one interval after the advert, as always.
    CarpMachine plain(seed());
    QCOMPARE(becomeMasterAlone(plain, 7'777us), 7'777us + MasterDown + Claim + Interval);
}

void TestCarpMachine::scenarios()
{
    QFETCH(Scenario, scenario);
    CarpMachine machine(scenario.params);
    int index = 0;
    for (const Step& step : scenario.steps) {
        const CarpActions actual = step.input(machine, step.at);
        const QString where = QStringLiteral("step %1 at %2 us").arg(index).arg(step.at.count());
        QVERIFY2(actual == step.expected,
                 qPrintable(where + QStringLiteral("\n  actual:   ") + CarpActionText::describe(actual) +
                            QStringLiteral("\n  expected: ") + CarpActionText::describe(step.expected)));
        QVERIFY2(machine.state() == step.state, qPrintable(where + QStringLiteral(": wrong state")));
        ++index;
    }
}

QTEST_GUILESS_MAIN(TestCarpMachine)
#include "TestCarpMachine.moc"
