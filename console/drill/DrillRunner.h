// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DrillEngine.h"
#include "DrillPort.h"
#include "config/ClusterDefinition.h"
#include "control/ControlRequest.h"

#include <QHash>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTimer>

namespace baton {

class AgentConnection;
class IcmpProber;
class NeighbourWatcher;
class ServerRebooter;

// A DrillEngine on real time and the real pair, for batonctl and the window alike: its own link to
// each agent (as the cluster's console), its own prober at 50 Hz on the VIP and both node addresses
// (the outage's resolution is the probe interval), the VIP's MAC from the neighbour table, and the
// commands over the control channel. While the drill runs, its record is saved to progressPath()
// at every change, marked interrupted, so a console killed half-way still leaves a report.
// The reboot drill needs a ServerRebooter: both servers are reached over SSH first, then the pair
// is watched and the drill runs as the others do.
class DrillRunner : public QObject, private DrillPort
{
    Q_OBJECT
public:
    static constexpr int ProbeIntervalMs = 20;
    static constexpr int TickMs = 20;

    DrillRunner(ClusterDefinition cluster, DrillKind kind, QObject* parent = nullptr);
    ~DrillRunner() override;

    // Loads this console's certificate and starts; false with the reason when it cannot.
    bool start(QString* error);
    // The reboot drill's way to the servers (taken over: the runner deletes it). Before start().
    void setRebooter(ServerRebooter* rebooter);
    // The SSH login before a reboot drill is still going on (its questions may be open).
    bool isPreparing() const { return m_preparing; }
    void abort(const QString& reason);
    // Where the unfinished record is kept while the drill runs (empty: nowhere).
    void setProgressPath(const QString& path) { m_progressPath = path; }
    QString progressPath() const { return m_progressPath; }

    // Commands sent and not yet answered (a batonctl that leaves waits for the restores).
    bool commandsPending() const { return !m_pending.isEmpty(); }
    DrillEngine* engine() { return &m_engine; }
    const DrillRecord& record() const { return m_engine.record(); }
    const ClusterDefinition& cluster() const { return m_cluster; }

Q_SIGNALS:
    void changed();
    void finished();
    void progress(const QString& text); // the reboot drill's SSH login

private:
    void linkDown(int node, const QString& interface, int restoreAfterSeconds) override;
    void linkUp(int node, const QString& interface) override;
    void handover(int node) override;
    void crashAgent(int node) override;
    void reboot(int node) override;
    void startWatching();
    void send(int node, const ControlRequest& request);
    void tick();
    void saveProgress();
    static qint64 now();

    ClusterDefinition m_cluster;
    DrillEngine m_engine;
    QList<AgentConnection*> m_agents;
    IcmpProber* m_prober = nullptr;
    NeighbourWatcher* m_neighbours = nullptr;
    QList<QHostAddress> m_targets;
    QHash<qint64, int> m_pending; // request id -> node
    QList<qint64> m_statusTimes = QList<qint64>(2);
    QTimer m_tick;
    QString m_progressPath;
    ServerRebooter* m_rebooter = nullptr;
    bool m_preparing = false;
    QSslConfiguration m_tls;
};

} // namespace baton
