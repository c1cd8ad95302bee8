// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeployPrompter.h"
#include "SshTarget.h"
#include "config/ClusterDefinition.h"

#include <QObject>

#include <array>
#include <atomic>
#include <memory>

namespace baton {

class ServerDeployment;

struct DeployRequest
{
    enum class Mode
    {
        Deploy,
        Takeover,     // servers running ucarp from ucarp-* stanzas: replaced by batond on their settings
        UndoTakeover, // batond removed again, ucarp back as it ran
    };
    Mode mode = Mode::Deploy;
    ClusterDefinition cluster;
    std::array<SshTarget, 2> targets; // node 1's server, node 2's
    QString packageDir;               // batond_*.deb and batonctl_*.deb
    bool planOnly = false;            // stop after showing the plan
    int agentTimeoutMs = 30000;
};

// One deployment of a cluster onto its two servers, for the window and `batonctl deploy` alike
// (Qt Core and libssh only). run() blocks: the window calls it on a worker thread. Order of work:
// both servers are reached and their facts gathered before anything changes; both plans are shown
// and confirmed; then the server without the VIP first, each checked over mutual TLS. A failure
// rolls back the failing server and every server done before it.
class DeployEngine : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Deployed,
        NothingToChange,
        Planned,    // planOnly: the plan was shown, nothing changed
        Refused,    // before any change: a host key, a login, a fact, the plan, a "no"
        RolledBack, // a step failed; what was changed is undone
        Failed,     // a step failed and the rollback did not complete (the report says what is left)
        Cancelled,
    };
    Q_ENUM(Outcome)

    explicit DeployEngine(DeployPrompter& prompter, QObject* parent = nullptr);

    Outcome run(const DeployRequest& request);
    // Thread-safe: the running step stops at its next check and what was done is rolled back.
    void cancel() { m_cancel = true; }
    // The closing sentence(s): what happened, or the failed step, server and cause.
    QString report() const { return m_report; }

    static int exitCode(Outcome outcome);
    // "step 'upload' failed on node2: <cause>", the step named for people (DeployStep).
    static QString stepFailure(const QString& step, const QString& server, const QString& cause);

Q_SIGNALS:
    // A step on a server begins or reports progress (emitted from run()'s thread).
    void progress(const QString& server, const QString& step, const QString& detail);
    void planReady(const QString& plan);
    // A takeover: the cluster as the ucarp-* stanzas define it (to be kept by the caller).
    void clusterResolved(const baton::ClusterDefinition& cluster);

private:
    Outcome finish(Outcome outcome, const QString& report);
    Outcome undoTakeover(const DeployRequest& request, const ClusterDefinition& cluster,
                         std::array<std::unique_ptr<ServerDeployment>, 2>& servers);

    DeployPrompter& m_prompter;
    std::atomic_bool m_cancel = false;
    QString m_report;
};

} // namespace baton
