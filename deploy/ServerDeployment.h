// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeployPlan.h"
#include "LocalPackages.h"
#include "RemoteHost.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace baton {

// The deployment on one server: log in and become root, gather the facts, then carry out its plan
// step by step, or put the server back exactly as the facts found it. Every step that changes the
// server is recorded first, so the rollback undoes only what was done; the files it replaces are
// kept in /var/backups/baton-deploy/RUN until the whole deployment succeeded.
class ServerDeployment
{
    Q_DECLARE_TR_FUNCTIONS(ServerDeployment)

public:
    // (server, step, detail): shown live.
    using Reporter = std::function<void(const QString&, const QString&, const QString&)>;
    // An agent's certificate for the public key made on its server.
    using Issuer = std::function<std::optional<QByteArray>(const QByteArray& publicKeyPem, QString* error)>;

    ServerDeployment(const SshTarget& target, QString server, DeployPrompter& prompter,
                     const std::atomic_bool* cancel, Reporter reporter, QString runId);
    ~ServerDeployment();

    const QString& server() const { return m_server; }
    // Connects, checks the host key (asking at first contact), logs in and becomes root.
    bool open(QString* error);
    bool gatherFacts(QString* error);
    const RemoteFacts& facts() const { return m_facts; }
    QString elevationText() const { return m_host ? m_host->elevationText() : QString(); }

    // On failure: the step that failed in failedStep, the cause (with the remote output) in error.
    bool apply(const DeployPlan& plan, const DesiredServer& desired, const LocalPackages& packages,
               const Issuer& issuer, QString* failedStep, QString* error);
    // A takeover of a running ucarp pair: apply() keeps /etc/network/interfaces and ucarp's command
    // in /var/backups/baton-takeover (for an undo), and stops ucarp before batond starts; a rollback
    // starts ucarp again exactly as it ran.
    void setTakeover(bool on) { m_takeover = on; }
    // The taking-over server's brief settings replaced by the cluster's (a reload: its group
    // restarts and hands the address over gracefully).
    bool settle(const QByteArray& agentConfig, QString* error);
    // Undoes a finished takeover here: batond stopped (handing the address over if it holds it) and
    // purged, /etc/network/interfaces restored, ucarp started as it ran, the record removed.
    bool undoTakeover(QString* error);
    // Polls the server until it holds (or no longer holds) address.
    bool waitForAddress(const QString& address, bool present, int timeoutMs, QString* error);
    // The agent's last journal lines, for a report of an agent that does not answer.
    QString agentJournal();
    // Undoes what apply() did (reconnecting if the connection was lost). Safe when nothing was done.
    bool rollback(QString* error);
    // The whole deployment succeeded: the backup and the upload folder go.
    void finish();
    bool changedAnything() const { return m_changed; }

private:
    bool prepare(QString* error);
    bool recordTakeover(QString* error);
    bool stopUcarp(QString* error);
    std::optional<CommandResult> root(const QString& step, const QString& script, int timeoutMs,
                                      QString* error);
    bool reconnect(QString* error);
    bool uploadChecked(const QString& step, const QString& name, const QByteArray& data, QString* error);
    bool step(const QString& name, const QString& detail);

    SshTarget m_target;
    QString m_server;
    DeployPrompter& m_prompter;
    const std::atomic_bool* m_cancel;
    Reporter m_report;
    QString m_runId;
    std::unique_ptr<SshSession> m_session;
    std::unique_ptr<RemoteHost> m_host;
    RemoteFacts m_facts;
    QString m_staging; // the login user's upload folder
    bool m_changed = false;
    bool m_backedUp = false;
    bool m_packagesTouched = false;
    bool m_filesTouched = false;
    bool m_serviceTouched = false;
    bool m_prepared = false;
    bool m_takeover = false;
    bool m_recorded = false;
    bool m_ucarpStopped = false;
};

} // namespace baton
