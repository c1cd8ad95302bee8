// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FailoverTracker.h"
#include "WatchNotice.h"
#include "config/ClusterDefinition.h"
#include "node/AgentConnection.h"

#include <QObject>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>

namespace baton {

class ForgeryMonitor;
class ReachabilityTracker;
class SplitBrainMonitor;
struct ProbeSample;

// One cluster watched for as long as the console runs, whether or not the window shows it: its two
// agent connections, its alarms, the VIP's answers at this desktop, the last failover and its
// outage, and a notice for each thing an operator must not miss. The window shows the open cluster
// through the same connections and monitors; the overview and the tray read the summary.
class ClusterWatch : public QObject
{
    Q_OBJECT
public:
    // Ordered: worst() takes the larger.
    enum class Health
    {
        Ok,
        Unknown, // nothing heard yet
        Warning, // something to fix before it matters: an agent out of reach, a certificate expiring
        Alarm,   // the VIP at risk now: split brain, no holder, silent, forged adverts
    };
    Q_ENUM(Health)
    enum class Vip
    {
        Unknown,
        Answering,
        Silent,
    };
    Q_ENUM(Vip)
    static constexpr qint64 CertificateWarningMs = qint64{30} * 24 * 3600 * 1000;
    static constexpr qint64 CertificateUrgentMs = qint64{7} * 24 * 3600 * 1000;
    using WallClock = std::function<qint64()>;

    // label names the watch (the cluster's name, or the name and its file); both are in notices.
    ClusterWatch(QString label, ClusterDefinition cluster, QObject* parent = nullptr);
    ~ClusterWatch() override;
    // Tests move time themselves; the default is the system's wall clock.
    void setWallClock(WallClock clock) { m_now = std::move(clock); }

    // Loads this console's certificate from the cluster's PKI folder and dials both agents. Without
    // one, no agent is contacted and identityError() says why.
    void start();
    QString label() const { return m_label; }
    const ClusterDefinition& cluster() const { return m_cluster; }
    QString nodeName(int index) const;
    AgentConnection* connection(int index) const;
    QString identityError() const { return m_identityError; }
    SplitBrainMonitor* splitBrain() const { return m_splitBrain; }
    ForgeryMonitor* forgery() const { return m_forgery; }

    // An echo to the VIP from the console's prober.
    void addVipSample(const ProbeSample& sample);
    Vip vip() const;
    // The nodes whose live agents hold MASTER for the cluster's vhid.
    QStringList masters() const;
    const std::optional<FailoverTracker::Failover>& lastFailover() const { return m_failovers.last(); }
    // One sentence each, worst first; empty when all is well.
    QStringList alarms() const { return m_alarms; }
    Health health() const { return m_health; }
    static Health worst(Health a, Health b) { return a > b ? a : b; }

Q_SIGNALS:
    // The summary (health, alarms, masters, the VIP, the last failover) changed.
    void changed();
    void notice(const baton::WatchNotice& notice);

private:
    struct Node
    {
        AgentConnection* connection = nullptr;
        AgentConnection::Health health = AgentConnection::Health::Connecting;
        bool wasLive = false;
        bool lostNoticed = false;
        int certificateStage = 0; // 0 fine, 1 within 30 days, 2 within 7 days, 3 expired: noticed so far
    };

    void nodeChanged(int index);
    void checkCertificate(int index);
    void splitBrainChanged();
    void forgeryChanged();
    void vipCameBack(qint64 outageMs);
    void evaluate();
    qint64 toLocalMs(int index, qint64 agentMs) const;
    void emitNotice(WatchNotice::Kind kind, const QString& node, const QString& title, const QString& body,
                    bool critical, bool refinement = false);
    QString failoverText(const FailoverTracker::Failover& failover) const;

    QString m_label;
    ClusterDefinition m_cluster;
    WallClock m_now;
    std::array<Node, 2> m_nodes;
    QString m_identityError;
    qint64 m_consoleExpiresMs = 0;
    SplitBrainMonitor* m_splitBrain;
    ForgeryMonitor* m_forgery;
    ReachabilityTracker* m_vip;
    bool m_vipAnswered = false; // since start: silence before any answer is not news
    bool m_vipSilentNoticed = false;
    Vip m_lastVip = Vip::Unknown;
    std::optional<FailoverTracker::Failover> m_lastFailover; // as last announced by changed()
    FailoverTracker m_failovers;
    bool m_splitNoticed = false;
    QStringList m_forgeryNoticed;
    QStringList m_alarms;
    Health m_health = Health::Unknown;
    QStringList m_masters;
};

} // namespace baton
