// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillRunner.h"

#include "DrillStore.h"
#include "ServerRebooter.h"
#include "net/Ipv4.h"
#include "node/AgentConnection.h"
#include "pki/TlsIdentity.h"
#include "probe/IcmpProber.h"
#include "probe/NeighbourWatcher.h"

#include <QDateTime>

namespace baton {

DrillRunner::DrillRunner(ClusterDefinition cluster, DrillKind kind, QObject* parent)
    : QObject(parent)
    , m_cluster(std::move(cluster))
    , m_engine(m_cluster, kind, this, ProbeIntervalMs)
{
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(TickMs);
    connect(&m_tick, &QTimer::timeout, this, &DrillRunner::tick);
    connect(&m_engine, &DrillEngine::changed, this, [this] {
        saveProgress();
        Q_EMIT changed();
    });
    connect(&m_engine, &DrillEngine::finished, this, [this] {
        m_tick.stop();
        if (m_prober)
            m_prober->setTargets({});
        if (m_neighbours)
            m_neighbours->setAddresses({});
        Q_EMIT finished();
    });
}

DrillRunner::~DrillRunner()
{
    // A drill must not end with a link down because its window closed: restore what it took.
    if (m_engine.isRunning())
        m_engine.abort(now(), tr("the drill was closed"));
    delete m_rebooter; // its worker ends before the engine it reports to
}

qint64 DrillRunner::now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool DrillRunner::start(QString* error)
{
    if (m_engine.isRunning() || m_engine.isFinished()) {
        *error = tr("this drill has already run");
        return false;
    }
    if (m_engine.record().kind == DrillKind::Reboot && !m_rebooter) {
        *error = tr("the reboot drill needs SSH access to both servers");
        return false;
    }
    const std::optional<TlsIdentity> identity =
        TlsIdentity::loadConsole(m_cluster.pkiDir, m_cluster.console, error);
    if (!identity)
        return false;
    m_tls = identity->clientConfiguration();
    if (m_rebooter) {
        // Logged in before anything is watched: the questions it may ask take a person's time, which
        // the preflight's limits are not made for.
        m_preparing = true;
        m_rebooter->prepare();
        return true;
    }
    startWatching();
    return true;
}

void DrillRunner::setRebooter(ServerRebooter* rebooter)
{
    m_rebooter = rebooter;
    m_rebooter->setParent(this);
    connect(m_rebooter, &ServerRebooter::progress, this, &DrillRunner::progress);
    connect(m_rebooter, &ServerRebooter::prepared, this, [this](const QString& error, const QString& access) {
        m_preparing = false;
        if (m_engine.isFinished())
            return; // aborted meanwhile
        if (!error.isEmpty()) {
            m_engine.refuseAccess(now(), tr("SSH: %1").arg(error));
            return;
        }
        m_engine.setServerAccess(access);
        startWatching();
    });
    connect(m_rebooter, &ServerRebooter::rebootSent, this, [this](int node, const QString& error) {
        if (!error.isEmpty())
            m_engine.refused(node, error, now());
    });
}

void DrillRunner::startWatching()
{
    const QSslConfiguration tls = m_tls;
    m_targets = {QHostAddress(m_cluster.vip.address), QHostAddress(m_cluster.nodes[0].address),
                 QHostAddress(m_cluster.nodes[1].address)};
    m_prober = new IcmpProber(this);
    m_prober->setIntervalMs(ProbeIntervalMs);
    m_prober->setTargets(m_targets);
    connect(m_prober, &IcmpProber::sampleReady, this,
            [this](const QHostAddress& target, const ProbeSample& s) {
                const qsizetype index = m_targets.indexOf(target);
                if (index >= 0)
                    m_engine.sample(static_cast<int>(index), s);
            });
    m_neighbours = new NeighbourWatcher(this);
    m_neighbours->setAddresses(m_targets);
    connect(m_neighbours, &NeighbourWatcher::macChanged, this,
            [this](const QHostAddress& address, const QString& mac) {
                if (address != m_targets[0])
                    return;
                int owner = -1;
                for (int n = 0; n < 2; ++n) {
                    if (!mac.isEmpty() && m_neighbours->mac(m_targets[1 + n]) == mac)
                        owner = n;
                }
                m_engine.vipMac(mac, owner, now());
            });
    for (int n = 0; n < 2; ++n) {
        const ClusterDefinition::Node& node = m_cluster.nodes[static_cast<std::size_t>(n)];
        auto* agent = new AgentConnection(node.agentHost(), node.agentPort, tls, this);
        m_agents.append(agent);
        m_engine.setAgentHost(n, QStringLiteral("%1:%2").arg(node.agentHost()).arg(node.agentPort));
        connect(agent, &AgentConnection::changed, this, [this, n, agent] {
            m_engine.agentLive(n, agent->isLive());
            if (agent->status() && agent->status()->timeMs != m_statusTimes[n]) {
                m_statusTimes[n] = agent->status()->timeMs;
                m_engine.status(n, *agent->status(), now() - std::max<qint64>(0, agent->statusAgeMs()));
            }
        });
        connect(agent, &AgentConnection::eventReceived, this,
                [this, n](const ControlEvent& event) { m_engine.event(n, event, now()); });
        connect(agent, &AgentConnection::refused, this, [this](qint64 id, const QString& code) {
            if (m_pending.contains(id))
                m_engine.refused(m_pending.take(id), code, now());
        });
        connect(agent, &AgentConnection::replied, this, [this](qint64 id) { m_pending.remove(id); });
        agent->start();
    }
    m_engine.setProbeMethod(m_prober->methodName());
    m_engine.start(now());
    m_tick.start();
}

void DrillRunner::abort(const QString& reason)
{
    m_engine.abort(now(), reason);
}

void DrillRunner::tick()
{
    m_engine.tick(now());
}

void DrillRunner::send(int node, const ControlRequest& request)
{
    const qint64 id = m_agents[node]->send(request);
    if (id == 0) {
        // Deferred: the engine is in the middle of a step when it asks.
        QTimer::singleShot(0, this,
                           [this, node] { m_engine.refused(node, QStringLiteral("not-connected"), now()); });
        return;
    }
    m_pending.insert(id, node);
}

void DrillRunner::linkDown(int node, const QString& interface, int restoreAfterSeconds)
{
    ControlRequest r;
    r.verb = ControlRequest::Verb::LinkDown;
    r.interface = interface;
    r.restoreAfterSeconds = restoreAfterSeconds;
    send(node, r);
}

void DrillRunner::linkUp(int node, const QString& interface)
{
    ControlRequest r;
    r.verb = ControlRequest::Verb::LinkUp;
    r.interface = interface;
    send(node, r);
}

void DrillRunner::handover(int node)
{
    ControlRequest r;
    r.verb = ControlRequest::Verb::Handover;
    send(node, r);
}

void DrillRunner::crashAgent(int node)
{
    ControlRequest r;
    r.verb = ControlRequest::Verb::Crash;
    send(node, r);
}

void DrillRunner::reboot(int node)
{
    m_rebooter->reboot(node);
}

void DrillRunner::saveProgress()
{
    if (m_progressPath.isEmpty() || m_engine.isFinished())
        return;
    QString
        ignored; // the final save reports errors; a progress save that fails is retried at the next change
    DrillStore::writeJson(m_engine.record(), m_progressPath, &ignored);
}

} // namespace baton
