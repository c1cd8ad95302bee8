// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RevocationStore.h"
#include "config/AgentConfig.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace baton {

class ControlService;
class ControlThread;

// The control listener, kept apart from failover: it starts after the groups run, and whatever
// stops it (certificate files unreadable or expired, the listen address not yet on this host, a
// port in use) is logged, reported in the status and retried, never a reason to stop CARP. The
// certificate is rechecked every hour, so an expiry shows up on the consoles beforehand.
class ControlChannel : public QObject
{
    Q_OBJECT
public:
    static constexpr int RetryMs = 5'000;
    static constexpr int RecheckMs = 3'600'000;
    static constexpr qint64 ExpiryWarningMs = qint64{30} * 24 * 3600 * 1000;

    explicit ControlChannel(ControlService& service, QObject* parent = nullptr);
    ~ControlChannel() override;

    // Starts (or restarts, when the settings differ or the channel is not up) the listener. The
    // revocation list is STATE-DIR/revoked.crl; it is read again on every start.
    void start(const ControlConfig& config, const QString& stateDir);
    void stop();
    bool listening() const;
    quint16 port() const;

Q_SIGNALS:
    // The serials the cluster's revocation list withdraws, whenever a list is (re)loaded or replaced.
    void revocationsChanged(const QSet<QByteArray>& serials);

private:
    void attempt();
    void recheckCertificate();
    void setProblem(const QString& code, const QString& message);
    void loadRevocations(const QByteArray& caPem);
    std::optional<CommandFailure> replaceRevocations(const QByteArray& pem);

    ControlService& m_service;
    ControlConfig m_config;
    QString m_stateDir;
    std::unique_ptr<RevocationStore> m_revocations;
    std::unique_ptr<ControlThread> m_thread;
    QTimer m_retry;
    QTimer m_recheck;
    QString m_problem; // the last problem's text, logged once until it changes
};

} // namespace baton
