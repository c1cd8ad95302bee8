// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DrillObservations.h"
#include "DrillPort.h"
#include "DrillRecord.h"
#include "config/ClusterDefinition.h"
#include "probe/ProbeAnalysis.h"

#include <QObject>

namespace baton {

// A drill as a procedure on a clock it is given: the preflight, then each step (act, watch, judge
// against its bound), an overall verdict, and Abort that restores at once. It never reads a clock
// or touches the network: DrillRunner feeds it real echoes, statuses and time, tests a simulated
// clock with fake agents and probes, and both get the same verdicts. The agents' own restore
// deadlines cover a console that dies mid-drill: every link-down carries restoreAfterSeconds().
class DrillEngine : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 PreflightMinMs = 1500;      // echoes and statuses gathered before judging
    static constexpr qint64 PreflightTimeoutMs = 8000;  // then the steady state is refused
    static constexpr int AnsweringEchoes = 5;           // each address: this many answered in a row
    static constexpr qint64 ClockToleranceMs = 500;     // agents' clocks against this desktop's
    static constexpr qint64 TwoHoldersToleranceMs = 50; // what the clock offsets cannot resolve
    static constexpr qint64 SettleMs = 1000;            // watched after a change before judging
    static constexpr qint64 RecoveryLimitMs = 3000;     // a re-enabled link's address answers again
    static constexpr qint64 CrashDelayMs = 200;         // `crash`: the agent dies this long after its reply
    // A crashed agent's VIP stays on its interface until the agent runs again and removes it at start:
    // systemd restarts batond after 1 s (RestartSec), the rest is its start-up and the reconnection.
    static constexpr qint64 StaleVipLimitMs = 5000;
    // A reboot's takeover is timed from the command too: the SSH command, sudo and systemd's shutdown
    // reaching batond (which bows out) come before it.
    static constexpr qint64 RebootCommandMs = 1000;
    // How long a rebooted server may take until its agent runs again (firmware, boot, services).
    static constexpr qint64 DefaultBootLimitMs = 300'000;

    DrillEngine(ClusterDefinition cluster, DrillKind kind, DrillPort* port, int probeIntervalMs,
                QObject* parent = nullptr);

    void start(qint64 nowMs);
    void tick(qint64 nowMs);
    void sample(int target, const ProbeSample& sample); // 0 VIP, 1 node 1, 2 node 2
    void agentLive(int node, bool live);
    void status(int node, const AgentStatus& status, qint64 receivedMs);
    void event(int node, const ControlEvent& event, qint64 receivedMs);
    // The MAC this desktop's neighbour table holds for the VIP; node: whose own address has it, or -1.
    void vipMac(const QString& mac, int node, qint64 nowMs);
    // A command the engine asked for was refused (a ControlError code) or could not be sent.
    void refused(int node, const QString& code, qint64 nowMs);
    // Restores at once (every link this drill took down goes up) and ends the drill as aborted.
    void abort(qint64 nowMs, const QString& reason);
    // The reboot drill's way to the servers (both reached as root over SSH, and how), checked in
    // its preflight; refuseAccess() ends the drill refused, with nothing done, when they cannot be.
    void setServerAccess(const QString& description) { m_access = description; }
    void refuseAccess(qint64 nowMs, const QString& reason);
    void setBootLimitMs(qint64 ms) { m_bootLimitMs = ms; }
    qint64 bootLimitMs() const { return m_bootLimitMs; }

    bool isFinished() const { return m_record.finished(); }
    bool isRunning() const { return m_started && !isFinished(); }
    const DrillRecord& record() const { return m_record; }
    // The record as it stands at nowMs with the outages, holders and events seen so far, for a live
    // timeline; record() gets them when the drill finishes.
    DrillRecord snapshot(qint64 nowMs) const;
    const DrillObservations& observations() const { return m_seen; }
    int currentStep() const { return m_step; } // -1 during the preflight
    // The link-down restore deadline: long enough for the slowest step, short enough that a dead
    // console leaves the pair degraded for seconds, not minutes.
    int restoreAfterSeconds() const;
    int probeIntervalMs() const { return m_probeMs; }
    void setProbeMethod(const QString& method) { m_record.probeMethod = method; }
    void setAgentHost(int node, const QString& host) { m_record.agents[node].host = host; }

Q_SIGNALS:
    void changed();
    void finished();

private:
    void preflight(qint64 nowMs);
    QList<DrillRecord::Check> checks() const;
    void plan(int master);
    void begin(qint64 nowMs);
    void watch(qint64 nowMs);
    bool done(const DrillStep& step, qint64 nowMs) const;
    bool restarted(int node) const; // its agent answers again, started after the step acted
    void beginReboot(DrillStep& step, qint64 nowMs);
    void judgeReboot(DrillStep& step, std::optional<qint64> takeover,
                     const std::optional<OutageWindow>& outage, qint64 nowMs);
    int expectedHolderAfterReboot(int node) const; // the rebooted node with preempt and the better advskew
    qint64 deadline(const DrillStep& step) const;
    void judge(DrillStep& step, qint64 nowMs);
    void see(const QString& text, qint64 nowMs);
    void restore();
    void finish(DrillRecord::Verdict verdict, qint64 nowMs);
    void collect(DrillRecord& r, qint64 nowMs) const;
    int masterNode() const; // -1 unless exactly one MASTER
    QString nodeName(int node) const;
    QString address(int target) const;

    ClusterDefinition m_cluster;
    DrillPort* m_port;
    int m_probeMs;
    DrillRecord m_record;
    DrillObservations m_seen;
    QList<bool> m_live = QList<bool>(2);
    QList<bool> m_linkDown = QList<bool>(2); // taken down by this drill and not yet brought up
    bool m_started = false;
    qint64 m_startMs = 0;
    qint64 m_actedMs = 0;
    qint64 m_nowMs = 0;       // of the last tick, for what is seen between ticks
    qint64 m_doneSinceMs = 0; // when done() first held for the current step, 0 = not yet
    int m_step = -1;
    QList<int> m_seenMasterStep = QList<int>(2, -1);
    QString m_access; // the reboot drill's SSH access, empty until set
    qint64 m_bootLimitMs = DefaultBootLimitMs;
    qint64 m_backMs = 0; // when the rebooted server's agent was first seen back, 0 = not yet
};

} // namespace baton
