// SPDX-License-Identifier: GPL-3.0-or-later
// DrillEngine on a simulated clock: a modelled pair (two agents reporting their state at their own
// times, links that go down 200 ms after the command as batond's do, a peer taking over after its
// real master-down interval, servers that reboot) and a modelled probe (every 20 ms, answered when
// the target is up).
#include "drill/DrillEngine.h"

#include <QTest>

using namespace baton;

namespace {
ClusterDefinition pair()
{
    ClusterDefinition c;
    c.name = QStringLiteral("sim pair");
    c.vip = *Ipv4Prefix::parse(u"192.0.2.10/24");
    c.password = QStringLiteral("secret");
    c.nodes[0] = {QStringLiteral("node1"), *Ipv4::parse(u"192.0.2.11"), {}, 7112, QStringLiteral("eth0"), 1};
    c.nodes[1] = {QStringLiteral("node2"), *Ipv4::parse(u"192.0.2.12"), {}, 7112, QStringLiteral("eth0"), 2};
    return c;
}

// The pair as the drill sees it through agents and echoes.
class SimPair : public DrillPort
{
public:
    struct Node
    {
        CarpState state = CarpState::Backup;
        qint64 since = 0;
        bool link = true;
        int skew = 0; // what the agent really runs
        qint64 linkChangeAt = -1;
        bool linkChangeTo = true;
        qint64 masterAt = -1; // pending takeover
        qint64 crashAt = -1;  // the agent dies (its VIP stays)
        qint64 restartAt = -1;
        bool dead = false;
        qint64 started = 0;
        qint64 rebootAt = -1; // systemd stops the agent (and the network) for a reboot
        qint64 bootAt = -1;   // the server is up again
        QString reason;       // why it entered its state, as its agent says
    };
    qint64 restartDelay = 1000; // the service manager's; -1: never
    // A reboot: the shutdown reaches the agent this long after the command, the server is down this
    // long, and its agent starts this long after the network is up (or never: not enabled).
    qint64 shutdownDelay = 300;
    bool bowOut = true; // batond's goodbye on SIGTERM; false: the peer waits for master-down
    qint64 bootTime = 8000;
    qint64 agentAfterBoot = 1500;
    bool agentStartsAtBoot = true;
    QList<Node> nodes = QList<Node>(2);
    QList<qint64> clockOffset{7, -4}; // agent clock minus the console's
    QList<bool> live{true, true};
    QStringList commands;
    qint64 now = 0;
    bool secondOutageOnRejoin = false; // the returning node grabs the VIP for 400 ms
    bool twoHoldersOnRejoin = false;   // the returning node reports MASTER beside the holder
    bool peerLink = false;             // a MASTER losing its link tells its partner, who takes over at once
    qint64 vipLostUntil = -1;

    SimPair()
    {
        nodes[0].state = CarpState::Master;
        nodes[0].skew = 1;
        nodes[1].skew = 2;
    }
    void set(int n, CarpState state, const QString& reason = QStringLiteral("master-down"))
    {
        nodes[n].state = state;
        nodes[n].since = now;
        nodes[n].reason = reason;
    }
    void linkDown(int node, const QString&, int restoreAfter) override
    {
        commands.append(QStringLiteral("link-down %1 %2").arg(node).arg(restoreAfter));
        nodes[node].linkChangeAt = now + 200;
        nodes[node].linkChangeTo = false;
    }
    void linkUp(int node, const QString&) override
    {
        commands.append(QStringLiteral("link-up %1").arg(node));
        nodes[node].linkChangeAt = now + 5;
        nodes[node].linkChangeTo = true;
    }
    void handover(int node) override
    {
        commands.append(QStringLiteral("handover %1").arg(node));
        if (nodes[node].state == CarpState::Master) {
            set(node, CarpState::Backup);
            nodes[1 - node].masterAt = now + 5;
            vipLostUntil = now + 40;
        }
    }
    void crashAgent(int node) override
    {
        commands.append(QStringLiteral("crash %1").arg(node));
        nodes[node].crashAt = now + 200;
    }
    void reboot(int node) override
    {
        commands.append(QStringLiteral("reboot %1").arg(node));
        nodes[node].rebootAt = now + shutdownDelay;
    }
    qint64 masterDown(int n) const { return 3000 + nodes[n].skew * 1000 / 256; }
    void advanceReboot(int n)
    {
        Node& node = nodes[n];
        if (node.rebootAt >= 0 && now >= node.rebootAt) {
            node.rebootAt = -1;
            if (node.state == CarpState::Master)
                nodes[1 - n].masterAt = now + (bowOut ? 5 : masterDown(1 - n));
            set(n, CarpState::Init);
            node.dead = true;
            node.link = false;
            node.bootAt = now + bootTime;
        }
        if (node.bootAt >= 0 && now >= node.bootAt) {
            node.bootAt = -1;
            node.link = true;
            node.restartAt = agentStartsAtBoot ? now + agentAfterBoot : -1;
        }
    }
    void advance()
    {
        for (int n = 0; n < 2; ++n) {
            advanceReboot(n);
            Node& node = nodes[n];
            if (node.crashAt >= 0 && now >= node.crashAt) {
                node.crashAt = -1;
                node.dead = true;
                if (node.state == CarpState::Master)
                    nodes[1 - n].masterAt = now + masterDown(1 - n);
                node.restartAt = restartDelay >= 0 ? now + restartDelay : -1;
            }
            if (node.restartAt >= 0 && now >= node.restartAt) {
                node.restartAt = -1;
                node.dead = false;
                node.started = now;
                set(n, CarpState::Backup); // the new agent removes the VIP it finds
            }
            if (node.linkChangeAt >= 0 && now >= node.linkChangeAt) {
                node.linkChangeAt = -1;
                node.link = node.linkChangeTo;
                if (!node.link) {
                    const bool held = node.state == CarpState::Master;
                    set(n, CarpState::Init);
                    if (held)
                        nodes[1 - n].masterAt = now + (peerLink ? 3 : masterDown(1 - n));
                    if (held && peerLink)
                        nodes[1 - n].reason = QStringLiteral("partner-link-lost");
                } else {
                    set(n, CarpState::Backup);
                    if (secondOutageOnRejoin)
                        vipLostUntil = now + 400;
                    if (twoHoldersOnRejoin) {
                        set(n, CarpState::Master);
                        node.masterAt = -2; // falls back after 300 ms
                        node.linkChangeAt = -1;
                        twoHoldersUntil = now + 300;
                        twoHoldersNode = n;
                    }
                }
            }
            if (node.masterAt >= 0 && now >= node.masterAt && node.link) {
                node.masterAt = -1;
                set(n, CarpState::Master, node.reason);
            }
        }
        if (twoHoldersNode >= 0 && now >= twoHoldersUntil) {
            set(twoHoldersNode, CarpState::Backup);
            twoHoldersNode = -1;
        }
    }
    int holder() const
    {
        for (int n = 0; n < 2; ++n) {
            if (nodes[n].state == CarpState::Master && nodes[n].link && n != twoHoldersNode)
                return n;
        }
        return -1;
    }
    bool answers(int target) const
    {
        if (target == 0)
            return holder() >= 0 && now >= vipLostUntil;
        return nodes[target - 1].link;
    }
    AgentStatus status(int n) const
    {
        AgentStatus s;
        s.agent = n == 0 ? QStringLiteral("node1") : QStringLiteral("node2");
        s.version = QStringLiteral("0.1.0");
        s.timeMs = now + clockOffset[n];
        s.startedMs = nodes[n].started + clockOffset[n];
        GroupStatus g;
        g.vhid = 1;
        g.interface = QStringLiteral("eth0");
        g.state = nodes[n].state;
        g.sinceMs = nodes[n].since + clockOffset[n];
        g.advskew = nodes[n].skew;
        g.linkUp = nodes[n].link;
        g.vipHeld = g.state == CarpState::Master;
        g.reason = nodes[n].reason;
        s.groups.append(g);
        if (peerLink)
            s.peerLink = PeerLinkStatus{n == 0 ? QStringLiteral("192.0.2.132:7113")
                                               : QStringLiteral("192.0.2.131:7113"),
                                        QStringLiteral("up"), QStringLiteral("up"), 0};
        return s;
    }
    qint64 twoHoldersUntil = 0;
    int twoHoldersNode = -1;
};

struct Run
{
    SimPair sim;
    DrillEngine engine;
    quint16 seq = 0;
    explicit Run(DrillKind kind = DrillKind::Classic, ClusterDefinition c = pair(), bool sshAccess = true)
        : engine(std::move(c), kind, &sim, 20)
    {
        sim.now = 1'700'000'000'000;
        if (kind == DrillKind::Reboot && sshAccess)
            engine.setServerAccess(
                QStringLiteral("node1 over SSH as root@192.0.2.11 port 22, logged in as root"));
        engine.start(sim.now);
    }
    // Advances the simulated clock in 10 ms ticks until done() or limitMs.
    void until(const std::function<bool()>& done, qint64 limitMs = 60'000)
    {
        const qint64 end = sim.now + limitMs;
        while (sim.now < end && !done()) {
            sim.now += 10;
            sim.advance();
            if (sim.now % 20 == 0) {
                ++seq;
                for (int t = 0; t < 3; ++t) {
                    ProbeSample s{seq, sim.now, std::nullopt};
                    if (sim.answers(t))
                        s.rttMicros = 300;
                    engine.sample(t, s);
                }
            }
            if (sim.now % 100 == 0) {
                for (int n = 0; n < 2; ++n) {
                    const bool live = sim.live[n] && !sim.nodes[n].dead;
                    engine.agentLive(n, live);
                    if (live)
                        engine.status(n, sim.status(n), sim.now);
                }
            }
            engine.tick(sim.now);
        }
    }
    void finish()
    {
        until([this] { return engine.isFinished(); });
    }
    const DrillStep& step(int i) const { return engine.record().steps.at(i); }
};
} // namespace

class TestDrillEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classicPasses()
    {
        Run run;
        run.finish();
        const DrillRecord& r = run.engine.record();
        QCOMPARE(DrillRecord::verdictName(r.verdict), QStringLiteral("passed"));
        QCOMPARE(r.steps.size(), 4);
        QCOMPARE(run.sim.commands,
                 QStringList({QStringLiteral("link-down 0 13"), QStringLiteral("link-up 0"),
                              QStringLiteral("link-down 1 13"), QStringLiteral("link-up 1")}));
        // node1 down: node2 (skew 2) takes over after 3007 ms; the VIP was gone from the link-down on.
        QVERIFY(r.steps[0].heldVip);
        QCOMPARE(r.steps[0].bound.totalMs(), 3007 + 20 + 200);
        QVERIFY2(r.steps[0].vipOutageMs && std::abs(*r.steps[0].vipOutageMs - 3007) <= 20,
                 qPrintable(QString::number(r.steps[0].vipOutageMs.value_or(-1))));
        QVERIFY(r.steps[0].faultToTakeoverMs && std::abs(*r.steps[0].faultToTakeoverMs - 3007) <= 10);
        QCOMPARE(r.steps[0].holderAfter, 1);
        QVERIFY(r.steps[0].nodeOutageMs.has_value());
        QVERIFY(!r.steps[1].vipOutageMs.has_value());
        QVERIFY(r.steps[1].recoveryMs && *r.steps[1].recoveryMs <= 40);
        // node2 (now MASTER) down: node1 (skew 1) takes over after 3003 ms.
        QVERIFY(r.steps[2].heldVip);
        QVERIFY(r.steps[2].vipOutageMs && std::abs(*r.steps[2].vipOutageMs - 3003) <= 20);
        QCOMPARE(r.steps[3].result, DrillStep::Result::Passed);
        QCOMPARE(r.preflight.size(), 5);
        QCOMPARE(*r.agents[0].clockOffsetMs, 7);
        QVERIFY(r.reasons.isEmpty());
        QVERIFY(r.warnings.isEmpty());
        QVERIFY(!r.holders.isEmpty());
        QCOMPARE(r.holders.first().node, 0);
    }

    // With the peer link the partner takes over on the word of the node losing its link: the
    // outage is the link-down delay's few milliseconds, and the report says why.
    void fastPathReported()
    {
        Run run;
        run.sim.peerLink = true;
        run.finish();
        const DrillRecord& r = run.engine.record();
        QCOMPARE(DrillRecord::verdictName(r.verdict), QStringLiteral("passed"));
        for (int i : {0, 2}) {
            const DrillStep& s = r.steps[i];
            // The sim's takeover comes 3 ms after the link goes down: at most one 20 ms echo is lost.
            QVERIFY2(s.vipOutageMs.value_or(0) <= 40, qPrintable(QString::number(*s.vipOutageMs)));
            QVERIFY2(s.faultToTakeoverMs && *s.faultToTakeoverMs <= 20,
                     qPrintable(QString::number(s.faultToTakeoverMs.value_or(-1))));
            QVERIFY2(s.expected.contains(QStringLiteral("with the peer link ready")), qPrintable(s.expected));
            const QString seen = s.seen.join(u'\n');
            QVERIFY2(
                seen.contains(QStringLiteral("%1 took over on %2's word over the peer link (the fast path)")
                                  .arg(i == 0 ? u"node2" : u"node1", i == 0 ? u"node1" : u"node2")),
                qPrintable(seen));
        }
        // Without it (the classic run) the report says nothing of the sort.
        Run classic;
        classic.finish();
        const QString seen = classic.step(0).seen.join(u'\n');
        QVERIFY2(!seen.contains(QStringLiteral("peer link")), qPrintable(seen));
        QVERIFY(!classic.step(0).expected.contains(QStringLiteral("peer link")));
    }

    void boundExceeded()
    {
        Run run;
        run.sim.nodes[1].skew = 250; // the peer runs slower than the definition says
        run.finish();
        const DrillRecord& r = run.engine.record();
        QCOMPARE(r.verdict, DrillRecord::Verdict::Failed);
        QCOMPARE(r.steps[0].result, DrillStep::Result::Failed);
        QVERIFY2(r.steps[0].reasons.join(u' ').contains(QStringLiteral("exceeds the bound of 3227 ms")),
                 qPrintable(r.steps[0].reasons.join(u' ')));
        QVERIFY(*r.steps[0].vipOutageMs > 3900);
        // The link still comes back up through its own step, then the drill stops.
        QCOMPARE(r.steps[1].result, DrillStep::Result::Passed);
        QCOMPARE(r.steps[2].result, DrillStep::Result::Skipped);
        QCOMPARE(run.sim.commands,
                 QStringList({QStringLiteral("link-down 0 13"), QStringLiteral("link-up 0")}));
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(r.warnings.first().contains(QStringLiteral("advskew 250")));
    }

    void secondOutage()
    {
        Run run;
        run.sim.secondOutageOnRejoin = true;
        run.finish();
        const DrillRecord& r = run.engine.record();
        QCOMPARE(r.verdict, DrillRecord::Verdict::Failed);
        QCOMPARE(r.steps[0].result, DrillStep::Result::Passed);
        QCOMPARE(r.steps[1].result, DrillStep::Result::Failed);
        QVERIFY2(r.steps[1].reasons.join(u' ').contains(QStringLiteral("second VIP outage of 4")),
                 qPrintable(r.steps[1].reasons.join(u' ')));
        QCOMPARE(r.steps[2].result, DrillStep::Result::Skipped);
    }

    void twoHolders()
    {
        Run run;
        run.sim.twoHoldersOnRejoin = true;
        run.finish();
        const DrillRecord& r = run.engine.record();
        QCOMPARE(r.verdict, DrillRecord::Verdict::Failed);
        QCOMPARE(r.steps[1].result, DrillStep::Result::Failed);
        QVERIFY(std::abs(r.steps[1].twoHoldersAgentsMs - 300) <= 20);
        QVERIFY2(r.steps[1].reasons.join(u' ').contains(QStringLiteral("both agents reported MASTER")),
                 qPrintable(r.steps[1].reasons.join(u' ')));
    }

    void twoHoldersFromMac()
    {
        DrillObservations seen;
        seen.addVipMac(QStringLiteral("02:00:00:00:00:01"), 0, 1000);
        seen.addVipMac(QStringLiteral("02:00:00:00:00:02"), 1, 2000);
        QCOMPARE(seen.macFlapMs(0, 5000), 0); // one move is a failover
        seen.addVipMac(QStringLiteral("02:00:00:00:00:01"), 0, 2500);
        QCOMPARE(seen.macFlapMs(0, 5000), 500);
    }

    void preflightRefusedSilentAgent()
    {
        Run run;
        run.sim.live[1] = false;
        run.finish();
        const DrillRecord& r = run.engine.record();
        QCOMPARE(r.verdict, DrillRecord::Verdict::Refused);
        QVERIFY(run.sim.commands.isEmpty());
        QVERIFY(r.steps.isEmpty());
        QVERIFY2(r.reasons.join(u' ').contains(QStringLiteral("node2")), qPrintable(r.reasons.join(u' ')));
        QCOMPARE(r.endedMs - r.startedMs, DrillEngine::PreflightTimeoutMs);
    }

    void preflightRefusedTwoMasters()
    {
        Run run;
        run.sim.nodes[1].state = CarpState::Master;
        run.finish();
        QCOMPARE(run.engine.record().verdict, DrillRecord::Verdict::Refused);
        QVERIFY(run.engine.record().reasons.join(u' ').contains(QStringLiteral("not exactly one MASTER")));
        QVERIFY(run.sim.commands.isEmpty());
    }

    void preflightRefusedClock()
    {
        Run run;
        run.sim.clockOffset[0] = 2000;
        run.finish();
        QCOMPARE(run.engine.record().verdict, DrillRecord::Verdict::Refused);
        QVERIFY(run.engine.record().reasons.join(u' ').contains(QStringLiteral("tolerance ±500 ms")));
    }

    void abortAtEachStep_data()
    {
        QTest::addColumn<int>("at");
        QTest::addColumn<QStringList>("commands");
        QTest::newRow("preflight") << -1 << QStringList();
        QTest::newRow("node1 down") << 0
                                    << QStringList(
                                           {QStringLiteral("link-down 0 13"), QStringLiteral("link-up 0")});
        QTest::newRow("node1 up") << 1
                                  << QStringList(
                                         {QStringLiteral("link-down 0 13"), QStringLiteral("link-up 0")});
        QTest::newRow("node2 down") << 2
                                    << QStringList(
                                           {QStringLiteral("link-down 0 13"), QStringLiteral("link-up 0"),
                                            QStringLiteral("link-down 1 13"), QStringLiteral("link-up 1")});
        QTest::newRow("node2 up") << 3
                                  << QStringList(
                                         {QStringLiteral("link-down 0 13"), QStringLiteral("link-up 0"),
                                          QStringLiteral("link-down 1 13"), QStringLiteral("link-up 1")});
    }
    void abortAtEachStep()
    {
        QFETCH(int, at);
        QFETCH(QStringList, commands);
        Run run;
        run.until([&] { return run.engine.currentStep() == at; });
        run.until([] { return false; }, 1000); // in the middle of it
        run.engine.abort(run.sim.now, QStringLiteral("operator pressed Abort"));
        QVERIFY(run.engine.isFinished());
        run.until([] { return false; }, 500);
        const DrillRecord& r = run.engine.record();
        QCOMPARE(r.verdict, DrillRecord::Verdict::Aborted);
        QCOMPARE(run.sim.commands, commands);
        QVERIFY(run.sim.nodes[0].link && run.sim.nodes[1].link); // everything restored at once
        if (at >= 0) {
            QCOMPARE(r.steps[at].result, DrillStep::Result::Aborted);
            for (int i = at + 1; i < r.steps.size(); ++i)
                QCOMPARE(r.steps[i].result, DrillStep::Result::Skipped);
        }
        QVERIFY(r.reasons.join(u' ').contains(QStringLiteral("operator pressed Abort")));
        QCOMPARE(r.toJson().value(QStringLiteral("verdict")).toString(), QStringLiteral("aborted"));
    }

    void refusedCommandFails()
    {
        Run run;
        run.until([&] { return run.engine.currentStep() == 0; });
        run.engine.refused(0, QStringLiteral("restore-pending"), run.sim.now);
        QCOMPARE(run.engine.record().verdict, DrillRecord::Verdict::Failed);
        QVERIFY(run.engine.record().reasons.join(u' ').contains(QStringLiteral("restore-pending")));
        QCOMPARE(run.sim.commands.last(), QStringLiteral("link-up 0"));
    }

    void handoverBothWays()
    {
        Run run(DrillKind::Handover);
        run.finish();
        const DrillRecord& r = run.engine.record();
        QCOMPARE(r.verdict, DrillRecord::Verdict::Passed);
        QCOMPARE(run.sim.commands, QStringList({QStringLiteral("handover 0"), QStringLiteral("handover 1")}));
        QCOMPARE(r.steps[0].holderAfter, 1);
        QCOMPARE(r.steps[1].holderAfter, 0);
        QVERIFY(r.steps[0].vipOutageMs && *r.steps[0].vipOutageMs <= 60);
        QCOMPARE(r.steps[0].bound.totalMs(), 220);
    }

    void agentCrash()
    {
        Run run(DrillKind::AgentCrash);
        run.finish();
        const DrillRecord& r = run.engine.record();
        QCOMPARE(run.sim.commands, QStringList({QStringLiteral("crash 0")}));
        QCOMPARE(r.steps.size(), 1);
        const DrillStep& s = r.steps[0];
        QVERIFY2(r.verdict == DrillRecord::Verdict::Passed, qPrintable(r.reasons.join(u' ')));
        // Dies 200 ms after the command; node2 takes over after its master-down of 3007 ms.
        QVERIFY2(s.faultToTakeoverMs && std::abs(*s.faultToTakeoverMs - 3207) <= 20,
                 qPrintable(QString::number(s.faultToTakeoverMs.value_or(-1))));
        QCOMPARE(s.bound.totalMs(), 3007 + 20 + 200 + 200);
        QVERIFY(s.bound.formula.contains(QStringLiteral("crash delay")));
        QVERIFY(s.recoveryMs && std::abs(*s.recoveryMs - 1200) <= 110);
        // The restarted agent removed the stale VIP before node2 took over: a gap, no two holders.
        QVERIFY(s.vipOutageMs && std::abs(*s.vipOutageMs - 2007) <= 40);
        QCOMPARE(s.twoHoldersAgentsMs, 0);
        QCOMPARE(s.holderAfter, 1);
    }

    void agentCrashWithoutRestartFails()
    {
        Run run(DrillKind::AgentCrash);
        run.sim.restartDelay = -1;
        run.finish();
        const DrillRecord& r = run.engine.record();
        QCOMPARE(r.verdict, DrillRecord::Verdict::Failed);
        const QString why = r.steps[0].reasons.join(u' ');
        QVERIFY2(why.contains(QStringLiteral("node1's agent did not come back")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("the VIP stayed on node1")), qPrintable(why));
        QVERIFY(r.steps[0].twoHoldersAgentsMs > DrillEngine::StaleVipLimitMs);
    }

    void rebootPasses()
    {
        Run run(DrillKind::Reboot);
        run.finish();
        const DrillRecord& r = run.engine.record();
        QVERIFY2(r.verdict == DrillRecord::Verdict::Passed, qPrintable(r.reasons.join(u' ')));
        QCOMPARE(run.sim.commands, QStringList({QStringLiteral("reboot 0")}));
        QCOMPARE(r.preflight.last().name, QStringLiteral("ssh"));
        QVERIFY(r.preflight.last().ok);
        const DrillStep& s = r.steps.at(0);
        QCOMPARE(s.action, DrillStep::Action::Reboot);
        QCOMPARE(s.bound.totalMs(), 3007 + 20 + 200 + 1000);
        QVERIFY(s.bound.formula.contains(QStringLiteral("reboot command")));
        // The agent bows out 300 ms after the command; node2 takes over 5 ms later.
        QVERIFY2(s.faultToTakeoverMs && std::abs(*s.faultToTakeoverMs - 305) <= 10,
                 qPrintable(QString::number(s.faultToTakeoverMs.value_or(-1))));
        QVERIFY(s.vipOutageMs && *s.vipOutageMs <= 40);
        // node1's address is silent while it reboots; its agent starts 1.5 s after the 8 s boot.
        QVERIFY(s.nodeOutageMs && std::abs(*s.nodeOutageMs - 8000) <= 40);
        QVERIFY2(s.recoveryMs && std::abs(*s.recoveryMs - 9800) <= 20,
                 qPrintable(QString::number(s.recoveryMs.value_or(-1))));
        QCOMPARE(s.holderAfter, 1);
        QCOMPARE(s.twoHoldersAgentsMs, 0);
        QCOMPARE(DrillStep::fromJson(s.toJson()).action, DrillStep::Action::Reboot);
        QCOMPARE(r.toJson().value(QStringLiteral("type")).toString(), QStringLiteral("reboot"));
    }

    void rebootAgentNotBackFails()
    {
        Run run(DrillKind::Reboot);
        run.sim.agentStartsAtBoot = false;
        run.engine.setBootLimitMs(60'000);
        run.until([&run] { return run.engine.isFinished(); }, 120'000);
        const DrillRecord& r = run.engine.record();
        QCOMPARE(r.verdict, DrillRecord::Verdict::Failed);
        const QString why = r.steps.at(0).reasons.join(u' ');
        QVERIFY2(why.contains(QStringLiteral("node1's agent was not back within 60 s of the reboot")),
                 qPrintable(why));
        QVERIFY(!r.steps.at(0).recoveryMs);
        // The takeover itself was fine: the verdict names only what went wrong.
        QVERIFY2(!why.contains(QStringLiteral("took over")), qPrintable(why));
        // Judged once the boot limit, master-down and the settling time have passed, no sooner.
        QVERIFY(r.steps.at(0).endedMs - r.steps.at(0).startedMs >= 60'000 + 4227);
    }

    void rebootBoundExceeded()
    {
        Run run(DrillKind::Reboot);
        run.sim.bowOut = false;       // the agent killed at shutdown: the peer waits for master-down
        run.sim.shutdownDelay = 1500; // and the shutdown reached it late
        run.finish();
        const DrillRecord& r = run.engine.record();
        QCOMPARE(r.verdict, DrillRecord::Verdict::Failed);
        const QString why = r.steps.at(0).reasons.join(u' ');
        QVERIFY2(why.contains(QStringLiteral("node2 took over 45")) &&
                     why.contains(QStringLiteral("after the reboot command, more than the bound of 4227 ms")),
                 qPrintable(why));
        QVERIFY(r.steps.at(0).recoveryMs.has_value()); // the server did come back
    }

    void rebootRefusedWithoutAccess()
    {
        Run run(DrillKind::Reboot, pair(), false);
        run.finish();
        QCOMPARE(run.engine.record().verdict, DrillRecord::Verdict::Refused);
        QVERIFY(run.sim.commands.isEmpty());
        QVERIFY(run.engine.record().reasons.join(u' ').contains(QStringLiteral("no SSH access")));

        SimPair sim;
        DrillEngine engine(pair(), DrillKind::Reboot, &sim, 20);
        engine.refuseAccess(1000, QStringLiteral("SSH: the host key of node1 was not trusted"));
        QCOMPARE(engine.record().verdict, DrillRecord::Verdict::Refused);
        QCOMPARE(engine.record().preflight.size(), 1);
        QCOMPARE(engine.record().preflight.first().name, QStringLiteral("ssh"));
        QVERIFY(!engine.record().preflight.first().ok);
        QVERIFY(sim.commands.isEmpty());
    }

    void unfinishedRecordReadsAborted()
    {
        Run run;
        run.until([&] { return run.engine.currentStep() == 1; });
        const QJsonObject json = run.engine.record().toJson();
        QCOMPARE(json.value(QStringLiteral("verdict")).toString(), QStringLiteral("aborted"));
        QVERIFY(json.value(QStringLiteral("interrupted")).toBool());
        QVERIFY(!json.value(QStringLiteral("configuration")).toObject().contains(QStringLiteral("password")));
    }
};

QTEST_GUILESS_MAIN(TestDrillEngine)
#include "TestDrillEngine.moc"
