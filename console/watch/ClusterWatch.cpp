// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClusterWatch.h"

#include "alarm/ForgeryMonitor.h"
#include "alarm/SplitBrainMonitor.h"
#include "net/Ipv4.h"
#include "pki/TlsIdentity.h"
#include "probe/ProbeSample.h"
#include "reach/ReachabilityTracker.h"

#include <QDateTime>
#include <QHostAddress>

namespace baton {

namespace {
// Silence shorter than this is a failover under way, told by the failover's own notice.
constexpr qint64 VipSilentNoticeMs = 10'000;

QString clock(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}

QString date(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd"));
}

int certificateStage(qint64 expiresMs, qint64 nowMs)
{
    if (expiresMs <= 0)
        return 0;
    const qint64 left = expiresMs - nowMs;
    if (left <= 0)
        return 3;
    if (left <= ClusterWatch::CertificateUrgentMs)
        return 2;
    return left <= ClusterWatch::CertificateWarningMs ? 1 : 0;
}
} // namespace

ClusterWatch::ClusterWatch(QString label, ClusterDefinition cluster, QObject* parent)
    : QObject(parent)
    , m_label(std::move(label))
    , m_cluster(std::move(cluster))
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_splitBrain(new SplitBrainMonitor(this))
    , m_forgery(new ForgeryMonitor(this))
    , m_vip(new ReachabilityTracker(this))
{
    for (int i = 0; i < 2; ++i) {
        m_splitBrain->setNodeName(i, nodeName(i));
        m_forgery->setNodeName(i, nodeName(i));
    }
    m_vip->setTargets({{tr("VIP"), QHostAddress(m_cluster.vip.address)}});
    connect(m_vip, &ReachabilityTracker::cameBack, this,
            [this](int, qint64 outageMs) { vipCameBack(outageMs); });
    connect(m_splitBrain, &SplitBrainMonitor::changed, this, &ClusterWatch::splitBrainChanged);
    connect(m_forgery, &ForgeryMonitor::changed, this, &ClusterWatch::forgeryChanged);
    evaluate();
}

ClusterWatch::~ClusterWatch()
{
    // A connection that stops reports itself unreachable: no notice for a watch going away.
    for (Node& node : m_nodes) {
        if (node.connection) {
            node.connection->disconnect(this);
            node.connection->stop();
        }
    }
}

void ClusterWatch::start()
{
    if (m_nodes[0].connection)
        return;
    std::optional<TlsIdentity> identity;
    if (m_cluster.pkiDir.isEmpty())
        m_identityError = tr("no PKI folder is set for this cluster");
    else
        identity = TlsIdentity::loadConsole(m_cluster.pkiDir, m_cluster.console, &m_identityError);
    if (!identity) {
        evaluate();
        return;
    }
    m_identityError.clear();
    m_consoleExpiresMs = identity->certificate.expiryDate().toMSecsSinceEpoch();
    const QSslConfiguration tls = identity->clientConfiguration();
    for (int i = 0; i < 2; ++i) {
        const ClusterDefinition::Node& definition = m_cluster.nodes[static_cast<std::size_t>(i)];
        auto* connection = new AgentConnection(definition.agentHost(), definition.agentPort, tls, this);
        m_nodes[static_cast<std::size_t>(i)].connection = connection;
        connect(connection, &AgentConnection::changed, this, [this, i] { nodeChanged(i); });
        connect(connection, &AgentConnection::eventReceived, this,
                [this, i](const ControlEvent& event) { m_forgery->addEvent(i, event); });
        connection->start();
    }
    evaluate();
}

QString ClusterWatch::nodeName(int index) const
{
    return m_cluster.nodes[static_cast<std::size_t>(index)].name;
}

AgentConnection* ClusterWatch::connection(int index) const
{
    return index == 0 || index == 1 ? m_nodes[static_cast<std::size_t>(index)].connection : nullptr;
}

void ClusterWatch::addVipSample(const ProbeSample& sample)
{
    m_vip->addSample(QHostAddress(m_cluster.vip.address), sample);
    if (sample.answered())
        m_vipAnswered = true;
    evaluate();
}

ClusterWatch::Vip ClusterWatch::vip() const
{
    switch (m_vip->state(0)) {
    case ProbeHistory::State::Up:
        return Vip::Answering;
    case ProbeHistory::State::Down:
        return Vip::Silent;
    case ProbeHistory::State::Unknown:
        break;
    }
    return Vip::Unknown;
}

QStringList ClusterWatch::masters() const
{
    return m_masters;
}

qint64 ClusterWatch::toLocalMs(int index, qint64 agentMs) const
{
    // The agent's clock as of its last status, against ours when it arrived: the network's delay
    // (milliseconds) is the error.
    const AgentConnection* connection = m_nodes[static_cast<std::size_t>(index)].connection;
    const auto& status = connection->status();
    if (!status || status->timeMs <= 0)
        return m_now();
    const qint64 offset = m_now() - connection->statusAgeMs() - status->timeMs;
    return agentMs + offset;
}

void ClusterWatch::nodeChanged(int index)
{
    Node& node = m_nodes[static_cast<std::size_t>(index)];
    const AgentConnection* connection = node.connection;
    const AgentConnection::Health health = connection->health();
    const QString name = nodeName(index);
    if (health != node.health) {
        const bool live = health == AgentConnection::Health::Live;
        if (health == AgentConnection::Health::Unreachable && node.wasLive && !node.lostNoticed) {
            node.lostNoticed = true;
            emitNotice(WatchNotice::Kind::AgentLost, name, tr("Agent lost in %1").arg(m_label),
                       tr("The agent on %1 stopped answering at %2: %3")
                           .arg(name, clock(m_now()), connection->lastError()),
                       false);
        } else if (live && node.lostNoticed) {
            node.lostNoticed = false;
            emitNotice(WatchNotice::Kind::AgentBack, name, tr("Agent back in %1").arg(m_label),
                       tr("The agent on %1 answers again since %2.").arg(name, clock(m_now())), false);
        }
        node.wasLive = node.wasLive || live;
        node.health = health;
    }
    m_splitBrain->setNode(index, connection->isLive(), connection->status());
    if (connection->status())
        m_forgery->setStatus(index, *connection->status());
    checkCertificate(index);
    evaluate();
}

void ClusterWatch::checkCertificate(int index)
{
    Node& node = m_nodes[static_cast<std::size_t>(index)];
    const auto& status = node.connection->status();
    if (!status)
        return;
    const int stage = certificateStage(status->certificateExpiresMs, m_now());
    if (stage <= node.certificateStage) {
        node.certificateStage = std::min(node.certificateStage, stage); // renewed: warn again next time
        return;
    }
    node.certificateStage = stage;
    const QString name = nodeName(index);
    const QString when = date(status->certificateExpiresMs);
    emitNotice(WatchNotice::Kind::CertificateExpiring, name, tr("Certificate expiring in %1").arg(m_label),
               stage == 3 ? tr("The agent certificate of %1 expired on %2: consoles cannot reach it once its "
                               "channel restarts. Issue a new one (batonctl pki issue-agent) and deploy it.")
                                .arg(name, when)
                          : tr("The agent certificate of %1 expires on %2. Issue a new one (batonctl pki "
                               "issue-agent) and deploy it before then.")
                                .arg(name, when),
               stage >= 2);
}

void ClusterWatch::splitBrainChanged()
{
    const bool alarmed = m_splitBrain->isAlarmed();
    if (alarmed && !m_splitNoticed) {
        m_splitNoticed = true;
        emitNotice(WatchNotice::Kind::SplitBrain, QString(), tr("Split brain in %1").arg(m_label),
                   m_splitBrain->reasons().join(u' '), true);
    } else if (!alarmed && m_splitNoticed) {
        m_splitNoticed = false;
        emitNotice(WatchNotice::Kind::SplitBrainOver, QString(), tr("Split brain over in %1").arg(m_label),
                   tr("No more than one node claims the VIP since %1.").arg(clock(m_now())), false);
    }
    evaluate();
}

void ClusterWatch::forgeryChanged()
{
    const QStringList lines = m_forgery->lines();
    for (const QString& line : lines) {
        if (!m_forgeryNoticed.contains(line))
            emitNotice(WatchNotice::Kind::Forgery, QString(),
                       tr("Suspected forged adverts in %1").arg(m_label),
                       tr("%1 (at %2). The agents ignore them; someone on this network may be replaying or "
                          "editing the pair's adverts.")
                           .arg(line, clock(m_now())),
                       true);
    }
    m_forgeryNoticed = lines;
    evaluate();
}

void ClusterWatch::vipCameBack(qint64 outageMs)
{
    const qint64 now = m_now();
    if (m_failovers.observeOutage(now, outageMs)) {
        const auto& failover = *m_failovers.last();
        emitNotice(WatchNotice::Kind::Failover, failover.to, tr("Failover in %1").arg(m_label),
                   failoverText(failover), true, true);
    }
    if (m_vipSilentNoticed) {
        m_vipSilentNoticed = false;
        emitNotice(WatchNotice::Kind::VipBack, QString(), tr("VIP back in %1").arg(m_label),
                   tr("The VIP %1 answers this desktop again since %2, after %3 s without an answer.")
                       .arg(Ipv4::toString(m_cluster.vip.address), clock(now))
                       .arg(static_cast<double>(outageMs) / 1000.0, 0, 'f', 1),
                   false);
    }
}

QString ClusterWatch::failoverText(const FailoverTracker::Failover& failover) const
{
    QString text =
        tr("%1 took over the VIP %2 from %3 at %4.")
            .arg(failover.to, Ipv4::toString(m_cluster.vip.address), failover.from, clock(failover.timeMs));
    if (failover.outageMs)
        text += u' ' + tr("The VIP did not answer this desktop for %1 s.")
                           .arg(static_cast<double>(*failover.outageMs) / 1000.0, 0, 'f', 1);
    return text;
}

void ClusterWatch::evaluate()
{
    // Who holds the VIP, by the live agents' word.
    QStringList masters;
    qint64 sinceMs = 0;
    for (int i = 0; i < 2; ++i) {
        const AgentConnection* connection = m_nodes[static_cast<std::size_t>(i)].connection;
        if (!connection || !connection->isLive() || !connection->status())
            continue;
        for (const GroupStatus& group : connection->status()->groups) {
            if (group.vhid == m_cluster.vhid && group.state == CarpState::Master) {
                masters.append(nodeName(i));
                sinceMs = toLocalMs(i, group.sinceMs);
            }
        }
    }
    if (masters.size() == 1) {
        if (const auto failover = m_failovers.observeHolder(masters.constFirst(), sinceMs))
            emitNotice(WatchNotice::Kind::Failover, failover->to, tr("Failover in %1").arg(m_label),
                       failoverText(*failover), true);
    }

    const qint64 now = m_now();
    const Vip vipState = vip();
    // Told only if it lasts: a failover silences the VIP for seconds every time, and says so itself.
    if (vipState == Vip::Silent && m_vipAnswered && !m_vipSilentNoticed) {
        const QList<ProbeSample> samples = m_vip->history(0).samples();
        const int lost = m_vip->history(0).consecutiveLost();
        const qint64 firstLostMs = lost > 0 ? samples.at(samples.size() - lost).sentMs : now;
        if (now - firstLostMs >= VipSilentNoticeMs) {
            m_vipSilentNoticed = true;
            emitNotice(WatchNotice::Kind::VipSilent, QString(), tr("VIP silent in %1").arg(m_label),
                       tr("The VIP %1 has not answered this desktop since %2.")
                           .arg(Ipv4::toString(m_cluster.vip.address), clock(firstLostMs)),
                       true);
        }
    }

    QStringList alarms = m_splitBrain->reasons();
    if (vipState == Vip::Silent)
        alarms.append(
            tr("The VIP %1 does not answer this desktop.").arg(Ipv4::toString(m_cluster.vip.address)));
    for (const QString& line : m_forgery->lines())
        alarms.append(tr("Suspected forged adverts: %1").arg(line));
    const bool bothLive = m_nodes[0].connection && m_nodes[0].connection->isLive() && m_nodes[1].connection &&
                          m_nodes[1].connection->isLive() && m_nodes[0].connection->status() &&
                          m_nodes[1].connection->status();
    if (bothLive && masters.isEmpty())
        alarms.append(tr("Neither node is MASTER for vhid %1: nobody holds the VIP.").arg(m_cluster.vhid));
    Health health = alarms.isEmpty() ? Health::Ok : Health::Alarm;

    QStringList warnings;
    if (!m_identityError.isEmpty())
        warnings.append(tr("The agents are not contacted: %1").arg(m_identityError));
    if (m_consoleExpiresMs > 0 && certificateStage(m_consoleExpiresMs, now) > 0)
        warnings.append(tr("This console's certificate expires on %1.").arg(date(m_consoleExpiresMs)));
    bool heardAny = false;
    for (int i = 0; i < 2; ++i) {
        const AgentConnection* connection = m_nodes[static_cast<std::size_t>(i)].connection;
        if (!connection)
            continue;
        heardAny = heardAny || connection->status().has_value();
        if (connection->health() == AgentConnection::Health::Stale)
            warnings.append(
                tr("The agent on %1 has gone silent: its last status may be out of date.").arg(nodeName(i)));
        else if (connection->health() == AgentConnection::Health::Unreachable)
            warnings.append(
                tr("The agent on %1 cannot be reached: %2").arg(nodeName(i), connection->lastError()));
        const auto& status = connection->status();
        if (!status)
            continue;
        if (!status->controlProblem.isEmpty())
            warnings.append(tr("The agent on %1 cannot use its certificate files (%2).")
                                .arg(nodeName(i), status->controlProblem));
        else if (certificateStage(status->certificateExpiresMs, now) > 0)
            warnings.append(tr("The agent certificate of %1 expires on %2.")
                                .arg(nodeName(i), date(status->certificateExpiresMs)));
    }
    if (health == Health::Ok && !warnings.isEmpty())
        health = Health::Warning;
    else if (health == Health::Ok && !heardAny && vipState == Vip::Unknown)
        health = Health::Unknown;
    alarms += warnings;

    if (alarms == m_alarms && health == m_health && masters == m_masters && vipState == m_lastVip &&
        m_failovers.last() == m_lastFailover)
        return;
    m_alarms = alarms;
    m_health = health;
    m_masters = masters;
    m_lastVip = vipState;
    m_lastFailover = m_failovers.last();
    Q_EMIT changed();
}

void ClusterWatch::emitNotice(WatchNotice::Kind kind, const QString& node, const QString& title,
                              const QString& body, bool critical, bool refinement)
{
    WatchNotice notice;
    notice.kind = kind;
    notice.cluster = m_label;
    notice.node = node;
    notice.title = title;
    notice.body = body;
    notice.timeMs = m_now();
    notice.critical = critical;
    notice.refinement = refinement;
    Q_EMIT this->notice(notice);
}

} // namespace baton
