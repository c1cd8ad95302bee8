// SPDX-License-Identifier: GPL-3.0-or-later
#include "Agent.h"

#include "ControlChannel.h"
#include "ControlService.h"
#include "GroupRunner.h"
#include "HostCheck.h"
#include "PeerLink.h"
#include "RealtimeSetup.h"
#include "carp/CarpStateNames.h"
#include "config/AgentConfigParser.h"
#include "config/IfupdownReader.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QTimer>

namespace baton {

Agent::Agent(Source source, QString path, QObject* parent)
    : QObject(parent)
    , m_source(source)
    , m_path(std::move(path))
{
    connect(&m_signals, &SignalSource::terminate, this, &Agent::terminate);
    connect(&m_signals, &SignalSource::reload, this, &Agent::reload);
    connect(&m_signals, &SignalSource::logState, this,
            [this] { qInfo("state: %s", qUtf8Printable(statusLine())); });
    connect(&m_signals, &SignalSource::stepDown, this, [this] {
        qInfo("SIGUSR2: handing over");
        for (const auto& g : m_groups)
            g->handover();
    });
    connect(&m_links, &LinkMonitor::linksChanged, this, [this] {
        if (m_stopping)
            return; // the groups are down; a link restored at the stop must not reopen them
        m_netlink.beginRound();
        for (const auto& g : m_groups)
            g->refreshLink();
        m_netlink.endRound();
    });
}

Agent::~Agent() = default;

ConfigResult Agent::load()
{
    ConfigResult result = m_source == Source::Interfaces ? IfupdownReader::readFile(m_path)
                                                         : AgentConfigParser::parseFile(m_path);
    if (result.ok())
        HostCheck::check(result, m_path, m_netlink);
    return result;
}

bool Agent::start()
{
    m_current = load();
    for (const QString& w : m_current.warnings)
        qWarning("%s", qUtf8Printable(w));
    for (const ConfigError& e : m_current.errors)
        qCritical("%s", qUtf8Printable(e.toString()));
    if (!m_current.ok())
        return false;
    if (!m_netlink.error().isEmpty()) {
        qCritical("%s", qUtf8Printable(m_netlink.error()));
        return false;
    }
    if (const QString error = m_links.open(); !error.isEmpty()) {
        qCritical("%s", qUtf8Printable(error));
        return false;
    }
    // What an earlier run left comes first: a link a drill took down must come back even if
    // nothing else here can start.
    m_control =
        std::make_unique<ControlService>(m_netlink, m_clock, m_current.config.stateDir, m_disk,
                                         QSysInfo::machineHostName(), [this] { return liveGroups(); });
    m_peer = std::make_unique<PeerLink>(*m_control, [this] { return liveGroups(); });
    m_control->setManagedInterfaces(managedInterfaces(m_current.config));
    m_control->noteStarted(); // first in this run's history
    m_control->resumeSavedState();
    // Counters seen before a restart stay seen: a replay must not get in through a restart.
    m_journal = std::make_unique<CounterJournal>(m_counters, m_current.config.stateDir, m_disk);
    if (const qsizetype loaded = m_journal->load(); loaded > 0)
        qInfo("%lld advert counters remembered from earlier runs", static_cast<long long>(loaded));
    for (const GroupConfig& g : m_current.config.groups)
        m_groups.push_back(makeRunner(g));
    // All or nothing: a group that cannot open its socket stops the start before any VIP moves.
    for (const auto& g : m_groups) {
        if (const QString error = g->openSocket(); !error.isEmpty()) {
            qCritical("vhid %d on %s: %s", g->config().vhid, qUtf8Printable(g->config().interface),
                      qUtf8Printable(error));
            m_groups.clear();
            return false;
        }
    }
    for (const auto& g : m_groups)
        g->start();
    if (const QString warning = RealtimeSetup::lockMemory(); !warning.isEmpty())
        qWarning("%s", qUtf8Printable(warning));
    else
        qInfo("memory locked");
    // The control channel last, and never fatal: CARP runs whatever happens to it.
    m_channel = std::make_unique<ControlChannel>(*m_control);
    connect(m_channel.get(), &ControlChannel::revocationsChanged, m_peer.get(), &PeerLink::setRevoked);
    m_channel->start(m_current.config.control, m_current.config.stateDir);
    m_peer->start(m_current.config.control, m_current.config.stateDir);
    m_control->startHeartbeat();
    m_control->publishSoon();
    qInfo("batond %s started from %s (%zu group%s)", BATON_VERSION, qUtf8Printable(m_path), m_groups.size(),
          m_groups.size() == 1 ? "" : "s");
    m_systemd.ready(statusLine());
    return true;
}

std::vector<GroupRunner*> Agent::liveGroups() const
{
    std::vector<GroupRunner*> groups;
    for (const auto& g : m_groups)
        if (g)
            groups.push_back(g.get());
    return groups;
}

QStringList Agent::managedInterfaces(const AgentConfig& config)
{
    QStringList interfaces;
    for (const GroupConfig& g : config.groups)
        if (!interfaces.contains(g.interface))
            interfaces << g.interface;
    return interfaces;
}

std::unique_ptr<GroupRunner> Agent::makeRunner(const GroupConfig& config)
{
    auto runner = std::make_unique<GroupRunner>(config, m_netlink, m_hooks, m_counters);
    connect(runner.get(), &GroupRunner::stateChanged, this, [this] { m_systemd.status(statusLine()); });
    m_control->watch(runner.get());
    m_peer->watch(runner.get());
    if (m_control->maintenance())
        runner->setMaintenance(true); // before start(): it never claims the VIP
    return runner;
}

QString Agent::statusLine() const
{
    QStringList parts;
    for (const auto& g : m_groups)
        parts << QStringLiteral("vhid %1 %2")
                     .arg(g->config().vhid)
                     .arg(QLatin1StringView(CarpStateNames::state(g->machine().state())));
    return parts.join(QStringLiteral(", "));
}

void Agent::reload()
{
    if (m_stopping)
        return;
    m_systemd.reloading();
    const ConfigResult next = load();
    for (const QString& w : next.warnings)
        qWarning("reload: %s", qUtf8Printable(w));
    if (!next.ok()) {
        for (const ConfigError& e : next.errors)
            qCritical("reload refused: %s", qUtf8Printable(e.toString()));
        qCritical("reload refused: the running configuration stays in force");
        m_systemd.ready(statusLine());
        return;
    }
    // Unchanged groups keep running untouched (no failover for a hook edit); changed ones
    // are stopped gracefully and started with their new settings.
    std::vector<std::unique_ptr<GroupRunner>> kept;
    for (const GroupConfig& g : next.config.groups) {
        auto same = std::find_if(m_groups.begin(), m_groups.end(), [&g](const auto& r) {
            return r && r->config().vhid == g.vhid && r->config().interface == g.interface &&
                   r->sameProtocol(g);
        });
        if (same != m_groups.end()) {
            (*same)->updateHooks(g.hooks);
            kept.push_back(std::move(*same));
            continue;
        }
        kept.push_back(makeRunner(g));
    }
    // The replaced groups leave after m_groups holds only live runners: their last state change
    // must not reach statusLine() while it would walk moved-from entries.
    std::vector<std::unique_ptr<GroupRunner>> retired;
    for (auto& old : m_groups)
        if (old)
            retired.push_back(std::move(old));
    m_groups = std::move(kept);
    for (auto& old : retired) {
        disconnect(old.get(), nullptr, this, nullptr);
        old->shutdown();
    }
    retired.clear();
    for (auto& g : m_groups)
        if (g->machine().state() == CarpState::Init)
            g->start();
    m_control->setManagedInterfaces(managedInterfaces(next.config));
    m_current = next;
    m_channel->start(m_current.config.control, m_current.config.stateDir); // restarts only if changed or down
    m_peer->start(m_current.config.control, m_current.config.stateDir);    // likewise
    m_control->publishSoon();
    qInfo("configuration reloaded from %s", qUtf8Printable(m_path));
    m_systemd.ready(statusLine());
}

void Agent::terminate(int signal)
{
    if (m_stopping)
        return;
    m_stopping = true;
    qInfo("signal %d: leaving gracefully", signal);
    if (m_control)
        m_control->noteStopping(signal);
    m_systemd.stopping();
    if (m_channel)
        m_channel->stop();
    for (const auto& g : m_groups)
        g->shutdown();
    if (m_control)
        m_control->restoreLinksBeforeStopping();
    if (m_peer)
        m_peer->stop();
    if (m_journal)
        m_journal->flush();
    m_hooks.flushHeld();
    finishWhenHooksDone();
}

void Agent::finishWhenHooksDone()
{
    if (m_hooks.idle()) {
        Q_EMIT finished(0);
        return;
    }
    connect(&m_hooks, &HookRunner::finished, this, [this] {
        if (m_hooks.idle())
            Q_EMIT finished(0);
    });
}

} // namespace baton
