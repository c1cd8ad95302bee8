// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/AgentStatus.h"

#include <QObject>
#include <QStringList>

#include <array>
#include <optional>

namespace baton {

// Decides whether the cluster shows split brain, from what the window knows, without any I/O:
//  - both agents are live and both claim MASTER for the same vhid, or
//  - the VIP's MAC in this desktop's neighbour table flaps between MACs (NeighbourWatcher), i.e.
//    two machines answer for it, unless the agents explain it: both live, every MAC seen is one of
//    the two nodes', and at most one of them holds a VIP now. That is a failover and a fail-back
//    within the flap window (a short link-down drill with preempt), not two holders.
// A stale or unreachable agent's last snapshot is history, not a claim: it never raises the alarm
// (the window shows that agent as unknown instead). A single change of the VIP's MAC is a failover.
class SplitBrainMonitor : public QObject
{
    Q_OBJECT
public:
    explicit SplitBrainMonitor(QObject* parent = nullptr);

    void setNodeName(int index, const QString& name);
    // index 0 or 1. live: the agent was heard recently (AgentConnection::Health::Live).
    void setNode(int index, bool live, const std::optional<AgentStatus>& status);
    // macs: the MACs seen for the VIP, already described for people ("02:00:00:00:00:0b (node1)").
    // allFromNodes: every one of them is a node's own MAC (seen on its address).
    void setVipMacs(bool flapping, const QStringList& macs, bool allFromNodes = false);
    // Forget everything (another cluster is opened).
    void reset();

    bool isAlarmed() const { return !m_reasons.isEmpty(); }
    // One sentence per rule that fires, saying what was seen.
    QStringList reasons() const { return m_reasons; }
    // What setVipMacs() was last given.
    QStringList vipMacs() const { return m_vipMacs; }
    // The VIP's MAC flaps and the agents do not explain it.
    bool isVipFlapAlarmed() const { return m_vipFlapping && !agentsExplainTheFlap(); }
    // The vhids both live agents claim as MASTER, ascending.
    QList<int> doubleMasters() const;

Q_SIGNALS:
    // The alarm was raised or cleared, or what it says changed.
    void changed();

private:
    struct Node
    {
        QString name;
        bool live = false;
        std::optional<AgentStatus> status;
    };
    void evaluate();
    bool agentsExplainTheFlap() const;

    std::array<Node, 2> m_nodes;
    bool m_vipFlapping = false;
    bool m_vipMacsFromNodes = false;
    QStringList m_vipMacs;
    QStringList m_reasons;
};

} // namespace baton
