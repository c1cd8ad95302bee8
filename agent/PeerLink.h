// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PeerNotice.h"
#include "config/AgentConfig.h"
#include "control/PeerLinkStatus.h"

#include <QObject>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <functional>
#include <vector>

namespace baton {

class ControlService;
class GroupRunner;
class PeerEndpoint;

// The fast path between the two agents of a pair, on the main thread: when a group loses its link
// as MASTER, the partner is told at once over the peer link (a second network, mutual TLS); when
// the partner says so, a BACKUP that follows it takes over at once, as for a bow-out. The wire
// stays plain CARP, and everything here only ever shortens a failover CARP would make anyway:
// without the link, or with any check failing, the master-down timer decides as before.
//
// The TLS work runs on a thread of its own (PeerEndpoint) at normal priority: never real-time, so
// a flood on the management network cannot delay adverts, and not niced, so a notice is read
// promptly on a busy server.
class PeerLink : public QObject
{
    Q_OBJECT
public:
    using Groups = std::function<std::vector<GroupRunner*>()>;
    static constexpr int RetryMs = 5'000;

    PeerLink(ControlService& service, Groups groups, QObject* parent = nullptr);
    ~PeerLink() override;

    // Starts, restarts (when the settings changed) or stops the link; the revocation list is
    // STATE-DIR/revoked.crl, kept current by setRevoked() afterwards.
    void start(const ControlConfig& config, const QString& stateDir);
    void stop();
    void watch(GroupRunner* group);
    void setRevoked(const QSet<QByteArray>& serials);

private:
    void attempt();
    void setDirections(const QString& toPartner, const QString& fromPartner, std::optional<qint64> offsetMs);
    void onGroupLeftMaster(GroupRunner* group);
    void onNotice(const PeerNotice& notice);
    QString decide(const PeerNotice& notice);

    ControlService& m_service;
    Groups m_groups;
    ControlConfig m_config;
    QString m_stateDir;
    QSet<QByteArray> m_revoked;
    QThread m_thread;
    PeerEndpoint* m_endpoint = nullptr;
    QTimer m_retry;
    QString m_problem; // the last start-up problem logged, so it is logged once
};

} // namespace baton
