// SPDX-License-Identifier: GPL-3.0-or-later
// The split-brain rules: two live agents both MASTER for one vhid, or the VIP's MAC flapping.
// A stale agent's old MASTER and a single MAC change (a failover) are not split brain.
#include "alarm/SplitBrainMonitor.h"

#include <QSignalSpy>
#include <QTest>

using namespace baton;

namespace {
AgentStatus agent(const QString& name, CarpState state, int vhid = 1, bool vipHeld = false)
{
    AgentStatus status;
    status.agent = name;
    GroupStatus group;
    group.vhid = vhid;
    group.interface = QStringLiteral("eth0");
    group.state = state;
    group.sinceMs = 1'700'000'000'000;
    group.vipHeld = vipHeld;
    status.groups.append(group);
    return status;
}
} // namespace

class TestSplitBrainMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bothMasterAndLiveRaisesTheAlarm()
    {
        SplitBrainMonitor monitor;
        monitor.setNodeName(0, QStringLiteral("alpha"));
        monitor.setNodeName(1, QStringLiteral("beta"));
        QSignalSpy changed(&monitor, &SplitBrainMonitor::changed);
        monitor.setNode(0, true, agent(QStringLiteral("alpha"), CarpState::Master));
        monitor.setNode(1, true, agent(QStringLiteral("beta"), CarpState::Backup));
        QVERIFY(!monitor.isAlarmed());
        QCOMPARE(changed.count(), 0);
        monitor.setNode(1, true, agent(QStringLiteral("beta"), CarpState::Master));
        QVERIFY(monitor.isAlarmed());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(monitor.doubleMasters(), QList<int>{1});
        QCOMPARE(monitor.reasons().size(), 1);
        const QString reason = monitor.reasons().first();
        QVERIFY2(reason.contains(QStringLiteral("vhid 1")) && reason.contains(QStringLiteral("alpha")) &&
                     reason.contains(QStringLiteral("beta")),
                 qPrintable(reason));
        // The same snapshot again changes nothing; a hand-over ends it.
        monitor.setNode(1, true, agent(QStringLiteral("beta"), CarpState::Master));
        QCOMPARE(changed.count(), 1);
        monitor.setNode(0, true, agent(QStringLiteral("alpha"), CarpState::Backup));
        QVERIFY(!monitor.isAlarmed());
        QCOMPARE(changed.count(), 2);
    }

    void staleOrUnknownAgentRaisesNothing()
    {
        SplitBrainMonitor monitor;
        monitor.setNode(0, true, agent(QStringLiteral("a"), CarpState::Master));
        monitor.setNode(1, false, agent(QStringLiteral("b"), CarpState::Master)); // stale snapshot
        QVERIFY(!monitor.isAlarmed());
        monitor.setNode(1, true, std::nullopt); // live but no status yet
        QVERIFY(!monitor.isAlarmed());
        monitor.setNode(1, true, agent(QStringLiteral("b"), CarpState::Master));
        QVERIFY(monitor.isAlarmed());
        monitor.setNode(0, false, agent(QStringLiteral("a"), CarpState::Master)); // goes stale
        QVERIFY(!monitor.isAlarmed());
    }

    void differentVhidsAreNotSplitBrain()
    {
        SplitBrainMonitor monitor;
        monitor.setNode(0, true, agent(QStringLiteral("a"), CarpState::Master, 1));
        monitor.setNode(1, true, agent(QStringLiteral("b"), CarpState::Master, 2));
        QVERIFY(!monitor.isAlarmed());
        // A second group shared with the peer: that one counts.
        AgentStatus both = agent(QStringLiteral("b"), CarpState::Master, 2);
        both.groups.append(agent(QStringLiteral("b"), CarpState::Master, 1).groups.first());
        monitor.setNode(1, true, both);
        QCOMPARE(monitor.doubleMasters(), QList<int>{1});
    }

    void macFlapRaisesTheAlarm()
    {
        SplitBrainMonitor monitor;
        monitor.setNode(0, true, agent(QStringLiteral("a"), CarpState::Master));
        monitor.setNode(1, true, agent(QStringLiteral("b"), CarpState::Backup));
        const QStringList macs{QStringLiteral("02:00:00:00:00:0b (a)"),
                               QStringLiteral("02:00:00:00:00:0c (b)")};
        monitor.setVipMacs(true, macs);
        QVERIFY(monitor.isAlarmed());
        QVERIFY(monitor.reasons().first().contains(QStringLiteral("02:00:00:00:00:0b (a)")));
        QVERIFY(monitor.reasons().first().contains(QStringLiteral("02:00:00:00:00:0c (b)")));
        monitor.setVipMacs(false, macs);
        QVERIFY(!monitor.isAlarmed());
    }

    void failBackExplainedByTheAgentsIsNoAlarm()
    {
        // A short link-down drill with preempt: a -> b -> a within the flap window. Both agents are
        // live, both MACs are the nodes' own, and only a holds the VIP: a fail-back, not two holders.
        SplitBrainMonitor monitor;
        monitor.setNode(0, true, agent(QStringLiteral("a"), CarpState::Master, 1, true));
        monitor.setNode(1, true, agent(QStringLiteral("b"), CarpState::Backup));
        const QStringList macs{QStringLiteral("02:00:00:00:00:0b (a)"),
                               QStringLiteral("02:00:00:00:00:0c (b)")};
        monitor.setVipMacs(true, macs, true);
        QVERIFY(!monitor.isAlarmed());
        QVERIFY(!monitor.isVipFlapAlarmed());
        QCOMPARE(monitor.vipMacs(), macs);
        // A MAC that is neither node's: a third machine answers.
        monitor.setVipMacs(true, macs + QStringList{QStringLiteral("02:00:00:00:00:99")}, false);
        QVERIFY(monitor.isAlarmed());
        QVERIFY(monitor.isVipFlapAlarmed());
        monitor.setVipMacs(true, macs, true);
        QVERIFY(!monitor.isAlarmed());
        // The backup still holds the VIP (left behind): both answer for it.
        monitor.setNode(1, true, agent(QStringLiteral("b"), CarpState::Backup, 1, true));
        QVERIFY(monitor.isAlarmed());
        monitor.setNode(1, true, agent(QStringLiteral("b"), CarpState::Backup));
        QVERIFY(!monitor.isAlarmed());
        // An agent the window cannot hear explains nothing.
        monitor.setNode(1, false, agent(QStringLiteral("b"), CarpState::Backup));
        QVERIFY(monitor.isAlarmed());
    }

    void singleMacChangeIsNoAlarm()
    {
        // A failover: the VIP's MAC moved once, from a to b. NeighbourWatcher reports it not flapping.
        SplitBrainMonitor monitor;
        monitor.setVipMacs(false, {QStringLiteral("02:00:00:00:00:0b")});
        monitor.setVipMacs(false, {QStringLiteral("02:00:00:00:00:0b"), QStringLiteral("02:00:00:00:00:0c")});
        QVERIFY(!monitor.isAlarmed());
        QVERIFY(monitor.reasons().isEmpty());
    }

    void bothRulesAtOnceAndReset()
    {
        SplitBrainMonitor monitor;
        monitor.setNode(0, true, agent(QStringLiteral("a"), CarpState::Master));
        monitor.setNode(1, true, agent(QStringLiteral("b"), CarpState::Master));
        monitor.setVipMacs(true, {QStringLiteral("x"), QStringLiteral("y")});
        QCOMPARE(monitor.reasons().size(), 2);
        QSignalSpy changed(&monitor, &SplitBrainMonitor::changed);
        monitor.reset();
        QVERIFY(!monitor.isAlarmed());
        QCOMPARE(changed.count(), 1);
        monitor.setNodeName(7, QStringLiteral("ignored")); // out of range: no crash
        monitor.setNode(-1, true, std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestSplitBrainMonitor)
#include "TestSplitBrainMonitor.moc"
