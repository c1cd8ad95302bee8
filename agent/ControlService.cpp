// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlService.h"

#include "GroupRunner.h"
#include "NetlinkRoute.h"
#include "carp/CarpStateNames.h"
#include "control/ControlMessage.h"
#include "control/ControlProtocol.h"
#include "net/Ipv4.h"

#include <QCborArray>
#include <QDateTime>

namespace baton {

namespace {
qint64 wallNow()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

ControlService::ControlService(NetlinkRoute& netlink, const QString& stateDir, QString agentName,
                               Groups groups, QObject* parent)
    : QObject(parent)
    , m_netlink(netlink)
    , m_store(stateDir)
    , m_restorer(netlink, [this] { return persist(); })
    , m_agentName(std::move(agentName))
    , m_groups(std::move(groups))
    , m_startedMs(wallNow())
{
    m_heartbeat.setInterval(control::HeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        Q_EMIT statusChanged(status().toCbor());
        Q_EMIT heartbeat(ControlMessage::heartbeat(wallNow(), ++m_heartbeatSeq));
    });
    m_publish.setSingleShot(true);
    m_publish.setInterval(0);
    connect(&m_publish, &QTimer::timeout, this, [this] { Q_EMIT statusChanged(status().toCbor()); });
    connect(&m_restorer, &LinkRestorer::event, this, &ControlService::raise);
    connect(&m_restorer, &LinkRestorer::changed, this, &ControlService::publishSoon);
}

bool ControlService::resumeSavedState(const QStringList& interfaces)
{
    const AgentStateStore::Loaded loaded = m_store.load();
    if (!loaded.error.isEmpty()) {
        // A restore may have been recorded in the damaged file: bringing every managed interface
        // up is the only way to be sure no drill strands this node.
        qCritical("state unreadable: %s; set aside, bringing managed interfaces up",
                  qUtf8Printable(loaded.error));
        m_store.setAside();
        for (const QString& interface : interfaces)
            if (const QString e = m_netlink.setLinkUp(interface, true); !e.isEmpty())
                qCritical("%s", qUtf8Printable(e));
        return false;
    }
    m_state = loaded.state;
    if (m_state.maintenance)
        qWarning("maintenance is on (from %s): staying BACKUP until it is switched off",
                 qUtf8Printable(m_store.path()));
    m_restorer.resume(m_state.restores);
    return m_state.maintenance;
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
    m_state.restores = m_restorer.pending();
    return m_store.save(m_state);
}

void ControlService::watch(GroupRunner* group)
{
    connect(group, &GroupRunner::stateChanged, this,
            [this, group](CarpState from, CarpState to, CarpReason why) {
                QCborMap e;
                e[control::key::Kind] = QString(control::event::State);
                e[QLatin1StringView("vhid")] = group->config().vhid;
                e[QLatin1StringView("interface")] = group->config().interface;
                e[QLatin1StringView("from")] = QString::fromLatin1(CarpStateNames::state(from)).toLower();
                e[QLatin1StringView("to")] = QString::fromLatin1(CarpStateNames::state(to)).toLower();
                e[QLatin1StringView("reason")] = QString::fromLatin1(CarpStateNames::reason(why));
                raise(e);
            });
    connect(group, &GroupRunner::rejectLogged, this, [this, group](CarpReject reason, quint32 source) {
        QCborMap e;
        e[control::key::Kind] = QString(control::event::Reject);
        e[QLatin1StringView("vhid")] = group->config().vhid;
        e[QLatin1StringView("source")] = Ipv4::toString(source);
        e[QLatin1StringView("reason")] = QString(carpRejectCode(reason));
        raise(e);
    });
    connect(group, &GroupRunner::vipsChanged, this, &ControlService::publishSoon);
    connect(group, &GroupRunner::advertSeen, this,
            [this](const AdvertHistory::Entry& entry) { m_adverts.record(entry); });
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
    for (const GroupRunner* g : m_groups()) {
        const CarpMachine& m = g->machine();
        const GroupConfig& c = g->config();
        GroupStatus gs;
        gs.vhid = c.vhid;
        gs.interface = c.interface;
        gs.source = Ipv4::toString(c.source);
        gs.state = QString::fromLatin1(CarpStateNames::state(m.state())).toLower();
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
        s.groups << gs;
    }
    return s;
}

void ControlService::raise(QCborMap body)
{
    Q_EMIT eventRaised(ControlMessage::event(body, wallNow()));
    publishSoon();
}

bool ControlService::manages(const QString& interface) const
{
    for (const GroupRunner* g : m_groups())
        if (g->config().interface == interface)
            return true;
    return false;
}

void ControlService::setMaintenance(bool on, const QString& by)
{
    for (GroupRunner* g : m_groups())
        g->setMaintenance(on);
    qWarning("maintenance %s by %s", on ? "on" : "off", qUtf8Printable(by));
    QCborMap e;
    e[control::key::Kind] = QString(control::event::Maintenance);
    e[QLatin1StringView("on")] = on;
    e[QLatin1StringView("by")] = by;
    raise(e);
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
    std::optional<LinkRestorer::Failure> failure;
    QCborMap data;
    switch (request.verb) {
    case Verb::Status:
        data = status().toCbor();
        break;
    case Verb::LinkDown:
        failure = m_restorer.takeDown(request.interface, request.restoreAfterSeconds, client);
        if (!failure)
            data[QLatin1StringView("deadline")] = m_restorer.pending().last().deadlineMs;
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
            failure = LinkRestorer::Failure{ControlError::StateNotSaved, error};
            break;
        }
        if (before.maintenance != request.maintenanceOn)
            setMaintenance(request.maintenanceOn, client);
        break;
    }
    case Verb::Adverts:
        data[QLatin1StringView("adverts")] = m_adverts.since(wallNow(), request.seconds);
        break;
    case Verb::Log:
        break; // served by the control thread from the log ring
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
        QCborMap e;
        e[control::key::Kind] = QString(control::event::Command);
        e[control::key::Verb] = QString(ControlRequest::verbName(request.verb));
        e[QLatin1StringView("by")] = client;
        e[control::key::Ok] = !error.has_value();
        if (error)
            e[control::key::Error] = QString(ControlErrors::code(*error));
        if (!request.interface.isEmpty())
            e[QLatin1StringView("interface")] = request.interface;
        if (request.verb == ControlRequest::Verb::Maintenance)
            e[QLatin1StringView("on")] = request.maintenanceOn;
        raise(e);
    }
    Q_EMIT replyReady(session, error ? ControlMessage::refused(request.id, *error, detail)
                                     : ControlMessage::ok(request.id, data));
}

} // namespace baton
