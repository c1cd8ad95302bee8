// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlService.h"

#include "AgentClock.h"
#include "GroupRunner.h"
#include "LinkControl.h"
#include "carp/CarpStateNames.h"
#include "control/ControlMessage.h"
#include "control/ControlProtocol.h"
#include "net/Ipv4.h"

#include <QCborArray>
#include <QMetaMethod>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace baton {

ControlService::ControlService(LinkControl& links, const AgentClock& clock, const QString& stateDir,
                               DiskWriter& disk, QString agentName, Groups groups, QObject* parent)
    : QObject(parent)
    , m_links(links)
    , m_clock(clock)
    , m_store(stateDir)
    , m_restorer(links, clock, [this] { return persist(); })
    , m_history(stateDir, disk)
    , m_agentName(std::move(agentName))
    , m_groups(std::move(groups))
    , m_startedMs(clock.wallMs())
{
    m_heartbeat.setInterval(control::HeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        // Nobody to tell while the control channel is down or not configured: building the status
        // of a hundred groups every second would cost more than their adverts.
        if (!listened())
            return;
        Q_EMIT statusChanged(status().toCbor());
        Q_EMIT heartbeat(ControlMessage::heartbeat(wallNow(), ++m_heartbeatSeq));
    });
    m_publish.setSingleShot(true);
    m_publish.setInterval(0);
    connect(&m_publish, &QTimer::timeout, this, [this] {
        if (listened())
            Q_EMIT statusChanged(status().toCbor());
    });
    connect(&m_restorer, &LinkRestorer::event, this, &ControlService::raise);
    connect(&m_restorer, &LinkRestorer::changed, this, &ControlService::publishSoon);
}

bool ControlService::listened() const
{
    return isSignalConnected(QMetaMethod::fromSignal(&ControlService::statusChanged));
}

qint64 ControlService::wallNow() const
{
    return m_clock.wallMs();
}

bool ControlService::resumeSavedState()
{
    const AgentStateStore::Loaded loaded = m_store.load();
    if (!loaded.error.isEmpty()) {
        // A restore may have been recorded in the damaged file: bringing every managed interface
        // up is the only way to be sure no drill strands this node. Maintenance may have been on
        // too, so the groups start in it until an operator switches it off.
        qCritical("state unreadable: %s; set aside as %s.bad, bringing managed interfaces up and "
                  "STARTING IN MAINTENANCE: switch it off (batonctl maintenance off) once checked",
                  qUtf8Printable(loaded.error), qUtf8Printable(m_store.path()));
        m_store.setAside();
        for (const QString& interface : std::as_const(m_interfaces))
            if (const QString e = m_links.setLinkUp(interface, true); !e.isEmpty())
                qCritical("%s", qUtf8Printable(e));
        m_state.maintenance = true;
        if (const QString error = persist(); !error.isEmpty())
            qCritical("cannot record maintenance: %s", qUtf8Printable(error));
        return true;
    }
    m_state = loaded.state;
    if (m_state.maintenance)
        qWarning("maintenance is on (from %s): staying BACKUP until it is switched off",
                 qUtf8Printable(m_store.path()));
    m_restorer.resume(m_state.restores);
    return m_state.maintenance;
}

void ControlService::setControlState(const QString& problem, qint64 certificateExpiresMs)
{
    m_controlProblem = problem;
    m_certificateExpiresMs = certificateExpiresMs;
    publishSoon();
}

void ControlService::setPeerLink(const std::optional<PeerLinkStatus>& status)
{
    if (status == m_peerLink)
        return;
    m_peerLink = status;
    publishSoon();
}

void ControlService::startHeartbeat()
{
    m_heartbeat.start();
}

void ControlService::publishSoon()
{
    if (!m_publish.isActive())
        m_publish.start();
}

QString ControlService::persist()
{
    m_state.restores = m_restorer.saved();
    return m_store.save(m_state);
}

void ControlService::watch(GroupRunner* group)
{
    connect(group, &GroupRunner::stateChanged, this,
            [this, group](CarpState from, CarpState to, CarpReason why) {
                raise(ev::StateChanged{group->config().vhid, group->config().interface, from, to,
                                       QString::fromLatin1(CarpStateNames::reason(why))});
            });
    connect(group, &GroupRunner::rejectLogged, this, [this, group](CarpReject reason, quint32 source) {
        raise(ev::AdvertRejected{group->config().vhid, Ipv4::toString(source),
                                 QString(carpRejectCode(reason))});
    });
    connect(group, &GroupRunner::forgeryLogged, this,
            [this, group](AdvertGuard::Sign sign, quint32 source, quint64 count) {
                raise(ev::ForgerySuspected{group->config().vhid, Ipv4::toString(source),
                                           QString(AdvertGuard::signCode(sign)), count});
            });
    connect(group, &GroupRunner::vipsChanged, this, &ControlService::publishSoon);
    connect(group, &GroupRunner::linkChanged, this, [this, group](bool up) {
        raise(ev::LinkChanged{group->config().vhid, group->config().interface, up});
    });
    group->setAdvertHistory(&m_adverts);
}

qint64 ControlService::wallTime(TimePoint steady) const
{
    return wallNow() -
           std::chrono::duration_cast<std::chrono::milliseconds>(GroupRunner::now() - steady).count();
}

AgentStatus ControlService::status() const
{
    AgentStatus s;
    s.agent = m_agentName;
    s.version = QStringLiteral(BATON_VERSION);
    s.timeMs = wallNow();
    s.startedMs = m_startedMs;
    s.maintenance = m_state.maintenance;
    s.restores = m_restorer.pending();
    s.controlProblem = m_controlProblem;
    s.peerLink = m_peerLink;
    s.certificateExpiresMs = m_certificateExpiresMs;
    for (const GroupRunner* g : m_groups()) {
        const CarpMachine& m = g->machine();
        const GroupConfig& c = g->config();
        GroupStatus gs;
        gs.vhid = c.vhid;
        gs.interface = c.interface;
        gs.source = Ipv4::toString(c.source);
        gs.state = m.state();
        gs.reason = QString::fromLatin1(CarpStateNames::reason(m.stateReason()));
        gs.sinceMs = wallTime(m.stateSince());
        gs.advbase = c.advbase;
        gs.advskew = c.advskew;
        gs.demote = m.demote();
        gs.preempt = c.preempt;
        gs.maintenance = m.maintenance();
        gs.linkUp = g->linkUsable();
        gs.vipHeld = g->vipHeld();
        for (const Ipv4Prefix& vip : c.vips)
            gs.vips << vip.toString();
        if (m.lastPeerHeard()) {
            gs.peer = Ipv4::toString(m.lastPeer());
            gs.peerHeardMs = wallTime(*m.lastPeerHeard());
        }
        for (int r = 0; r < CarpRejectCount; ++r)
            if (const quint64 n = g->rejects().count(static_cast<CarpReject>(r)); n > 0)
                gs.rejects.insert(QString(carpRejectCode(static_cast<CarpReject>(r))), n);
        for (int f = 0; f < ForgeryLog::SignCount; ++f)
            if (const quint64 n = g->forgeries().count(static_cast<AdvertGuard::Sign>(f)); n > 0)
                gs.forgeries.insert(QString(AdvertGuard::signCode(static_cast<AdvertGuard::Sign>(f))), n);
        s.groups << gs;
    }
    return s;
}

void ControlService::raise(ControlEvent::Body body)
{
    const ControlEvent event{wallNow(), std::move(body)};
    m_history.append(event);
    Q_EMIT eventRaised(event.toMessage());
    publishSoon();
}

void ControlService::noteStarted()
{
    qsizetype skipped = 0;
    if (const QString error = m_history.load(&skipped); !error.isEmpty())
        qCritical("event history unusable, starting a new one: %s", qUtf8Printable(error));
    if (skipped > 0)
        qWarning("event history: %lld damaged lines skipped", static_cast<long long>(skipped));
    raise(ev::AgentStarted{QStringLiteral(BATON_VERSION)});
}

void ControlService::noteStopping(int signal)
{
    raise(ev::AgentStopping{signal});
}

void ControlService::restoreLinksBeforeStopping()
{
    // A stopped agent restores nothing until it starts again, which `systemctl stop` may make
    // never: a link it took down for a test comes back up now. (Killed, it cannot; the next
    // start carries the restore out at its deadline.)
    m_restorer.restoreAll(QStringLiteral("batond stopping"));
    for (const SavedRestore& r : m_restorer.saved())
        qCritical("link %s stays down until batond starts again (its restore is recorded)",
                  qUtf8Printable(r.interface));
}

bool ControlService::manages(const QString& interface) const
{
    return m_interfaces.contains(interface);
}

void ControlService::setMaintenance(bool on, const QString& by)
{
    for (GroupRunner* g : m_groups())
        g->setMaintenance(on);
    qWarning("maintenance %s by %s", on ? "on" : "off", qUtf8Printable(by));
    raise(ev::MaintenanceChanged{on, by});
}

void ControlService::execute(quint64 session, const ControlRequest& request, const QString& client,
                             bool mayChange)
{
    using Verb = ControlRequest::Verb;
    if (request.mutating() && !mayChange)
        return reply(session, request, client, ControlError::NotPermitted);
    if ((request.verb == Verb::LinkDown || request.verb == Verb::LinkUp) && !manages(request.interface)) {
        QCborMap detail;
        detail[QLatin1StringView("interface")] = request.interface.left(16);
        return reply(session, request, client, ControlError::UnknownInterface, {}, detail);
    }
    std::optional<CommandFailure> failure;
    QCborMap data;
    switch (request.verb) {
    case Verb::Status:
        data = status().toCbor();
        break;
    case Verb::LinkDown:
        failure = m_restorer.takeDown(request.interface, request.restoreAfterSeconds, client);
        if (!failure)
            data[control::key::Deadline] = m_restorer.pending().last().deadlineMs;
        break;
    case Verb::LinkUp:
        failure = m_restorer.bringUp(request.interface, client);
        break;
    case Verb::Handover:
        for (GroupRunner* g : m_groups())
            g->handover();
        break;
    case Verb::Maintenance: {
        const AgentStateStore::State before = m_state;
        m_state.maintenance = request.maintenanceOn;
        if (const QString error = persist(); !error.isEmpty()) {
            m_state = before;
            failure = CommandFailure{ControlError::StateNotSaved, error};
            break;
        }
        if (before.maintenance != request.maintenanceOn)
            setMaintenance(request.maintenanceOn, client);
        break;
    }
    case Verb::Adverts:
    case Verb::Log:
    case Verb::History:
        break; // served by the control thread (AdvertHistory, LogRing, EventJournal)
    case Verb::Crash:
        // A crash for failover drills: no bow-out, VIPs left where they are, no state written. The
        // reply leaves first; SIGKILL, not exit(), so nothing of ours runs on the way out.
        qWarning("crash requested by %s: dying in %d ms without a bow-out", qUtf8Printable(client),
                 CrashDelayMs);
        QTimer::singleShot(CrashDelayMs, [] { ::kill(::getpid(), SIGKILL); });
        break;
    case Verb::SetRevocations:
        failure = m_revocations
                      ? m_revocations(request.revocationList)
                      : CommandFailure{ControlError::Internal, QStringLiteral("no revocation store")};
        break;
    }
    if (failure) {
        qWarning("%s from %s refused: %s", ControlRequest::verbName(request.verb).data(),
                 qUtf8Printable(client), qUtf8Printable(failure->message));
        QCborMap detail;
        if (!request.interface.isEmpty())
            detail[QLatin1StringView("interface")] = request.interface;
        return reply(session, request, client, failure->error, {}, detail);
    }
    reply(session, request, client, std::nullopt, data);
}

void ControlService::reply(quint64 session, const ControlRequest& request, const QString& client,
                           std::optional<ControlError> error, const QCborMap& data, const QCborMap& detail)
{
    if (request.mutating()) {
        ev::CommandDone e;
        e.verb = QString(ControlRequest::verbName(request.verb));
        e.by = client;
        e.ok = !error.has_value();
        if (error)
            e.error = QString(ControlErrors::code(*error));
        e.interface = request.interface;
        if (request.verb == ControlRequest::Verb::Maintenance)
            e.on = request.maintenanceOn;
        raise(e);
    }
    Q_EMIT replyReady(session, error ? ControlMessage::refused(request.id, *error, detail)
                                     : ControlMessage::ok(request.id, data));
}

} // namespace baton
