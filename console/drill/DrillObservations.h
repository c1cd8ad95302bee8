// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DrillRecord.h"
#include "carp/CarpState.h"
#include "control/AgentStatus.h"
#include "control/ControlEvent.h"
#include "probe/ProbeSample.h"

#include <QList>

#include <array>
#include <optional>

namespace baton {

// What a drill has seen so far, on this console's clock: every echo to the three targets, both
// agents' snapshots (their clock offsets, their state transitions at the agents' own times), the
// VIP's MAC and the agents' events. The engine judges steps from these; the report shows them.
class DrillObservations
{
public:
    struct Transition
    {
        qint64 agentMs = 0; // when the agent entered the state, on its clock
        CarpState state = CarpState::Init;
        QString reason;
        bool linkUp = true;
    };

    explicit DrillObservations(int vhid = 1)
        : m_vhid(vhid)
    {
    }

    void addSample(int target, const ProbeSample& sample);
    void addStatus(int node, const AgentStatus& status, qint64 receivedMs);
    void addEvent(int node, const ControlEvent& event, qint64 receivedMs);
    void addVipMac(const QString& mac, int node, qint64 nowMs);
    // The node's agent went silent because its server is going down (a reboot): from then on it
    // holds nothing, whatever it last reported, until it reports again.
    void addAgentGone(int node, qint64 localMs);

    const QList<ProbeSample>& samples(int target) const { return m_samples[target]; }
    const std::optional<AgentStatus>& status(int node) const { return m_status[node]; }
    // The drill's group in the node's last snapshot.
    std::optional<GroupStatus> group(int node) const;
    // The agent's clock minus ours, less the smallest network delay seen (the largest difference).
    std::optional<qint64> clockOffsetMs(int node) const { return m_offset[node]; }
    qint64 toLocal(int node, qint64 agentMs) const { return agentMs - m_offset[node].value_or(0); }
    const QList<Transition>& transitions(int node) const { return m_transitions[node]; }
    // The first transition of the node into state at or after fromMs (local), in local time.
    std::optional<qint64> entered(int node, CarpState state, qint64 fromMs) const;
    // Why the node entered state at or after fromMs, as its agent said (CarpStateNames::reason).
    QString enteredReason(int node, CarpState state, qint64 fromMs) const;
    // The first transition of the node out of state at or after fromMs, in local time.
    std::optional<qint64> left(int node, CarpState state, qint64 fromMs) const;

    // Who held the VIP when, from the agents (MASTER holds it), clipped to [fromMs, toMs].
    QList<DrillRecord::Holding> holdings(qint64 fromMs, qint64 toMs) const;
    // Milliseconds within [fromMs, toMs] during which both agents reported MASTER.
    qint64 twoHoldersMs(qint64 fromMs, qint64 toMs) const;
    // From the VIP's MAC: when it changed back to one it had before within the window, the time
    // from the first to the last change (two machines answering in turn), else 0.
    qint64 macFlapMs(qint64 fromMs, qint64 toMs) const;
    const QList<DrillRecord::MacChange>& vipMacs() const { return m_macs; }
    const QList<DrillRecord::Event>& events() const { return m_events; }

    // An answered echo to target sent at or after fromMs (nullopt: none yet).
    std::optional<qint64> firstAnswerSince(int target, qint64 fromMs) const;
    bool lostSince(int target, qint64 fromMs) const;
    // How many echoes in a row, up to the newest, were answered.
    int answeredRun(int target) const;

private:
    int m_vhid;
    QList<QList<ProbeSample>> m_samples = QList<QList<ProbeSample>>(3);
    QList<std::optional<AgentStatus>> m_status = QList<std::optional<AgentStatus>>(2);
    QList<std::optional<qint64>> m_offset = QList<std::optional<qint64>>(2);
    QList<QList<Transition>> m_transitions = QList<QList<Transition>>(2);
    QList<DrillRecord::MacChange> m_macs;
    QList<DrillRecord::Event> m_events;
};

} // namespace baton
