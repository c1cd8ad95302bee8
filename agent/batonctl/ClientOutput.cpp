// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClientOutput.h"

#include "carp/CarpStateNames.h"
#include "control/AdvertRecord.h"
#include "control/ControlError.h"
#include "control/ControlEventText.h"
#include "control/ControlProtocol.h"

#include <QCborArray>
#include <QCborValue>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace baton {

namespace {
QString clock(qint64 ms)
{
    return ms == 0 ? QStringLiteral("never")
                   : QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}
} // namespace

ClientOutput::ClientOutput(bool json)
    : m_json(json)
    , m_out(stdout)
    , m_err(stderr)
{
}

void ClientOutput::json(const QCborMap& map)
{
    m_out << QJsonDocument(map.toJsonObject()).toJson(QJsonDocument::Compact) << '\n';
    m_out.flush();
}

void ClientOutput::status(const AgentStatus& s)
{
    m_last = withoutTimes(s);
    if (m_json)
        return json(s.toCbor());
    m_out << "agent " << s.agent << " (batond " << s.version << "), running since " << clock(s.startedMs)
          << (s.maintenance ? ", MAINTENANCE on" : "") << '\n';
    for (const GroupStatus& g : s.groups) {
        m_out << "  vhid " << g.vhid << " on " << g.interface << " (" << g.source
              << "): " << CarpStateNames::state(g.state) << " since " << clock(g.sinceMs) << " (" << g.reason
              << ")\n"
              << "    advbase " << g.advbase << " advskew " << g.advskew << " demote " << g.demote
              << " preempt " << (g.preempt ? "on" : "off") << (g.maintenance ? " maintenance" : "") << '\n'
              << "    link " << (g.linkUp ? "up" : "DOWN") << ", VIP " << g.vips.join(QStringLiteral(", "))
              << (g.vipHeld ? " held" : " not held") << '\n'
              << "    peer " << (g.peer.isEmpty() ? QStringLiteral("none heard") : g.peer)
              << (g.peer.isEmpty() ? QString() : QStringLiteral(", last heard ") + clock(g.peerHeardMs))
              << '\n';
        if (!g.rejects.isEmpty()) {
            QStringList parts;
            for (auto it = g.rejects.cbegin(); it != g.rejects.cend(); ++it)
                parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
            m_out << "    rejected " << parts.join(QStringLiteral(", ")) << '\n';
        }
    }
    if (const std::optional<PeerLinkStatus>& p = s.peerLink) {
        m_out << "  peer link with " << p->partner << ": to the partner " << p->toPartner
              << ", from the partner " << p->fromPartner;
        if (p->clockOffsetMs)
            m_out << ", clocks " << *p->clockOffsetMs << " ms apart";
        m_out << (p->ready() ? " (fast failover both ways)" : " (no fast failover where not up)") << '\n';
    }
    for (const PendingRestore& r : s.restores)
        m_out << "  pending restore: " << r.interface << " comes back up at " << clock(r.deadlineMs)
              << " (asked by " << r.requestedBy << ")\n";
    m_out.flush();
}

AgentStatus ClientOutput::withoutTimes(AgentStatus s)
{
    s.timeMs = 0;
    for (GroupStatus& g : s.groups)
        g.peerHeardMs = 0;
    if (s.peerLink)
        s.peerLink->clockOffsetMs.reset();
    return s;
}

void ClientOutput::statusIfChanged(const AgentStatus& s)
{
    if (m_last && *m_last == withoutTimes(s))
        return;
    status(s);
}

void ClientOutput::event(const ControlEvent& e)
{
    if (m_json)
        return json(e.toMessage());
    m_out << clock(e.timeMs) << "  " << ControlEventText::describe(e) << '\n';
    m_out.flush();
}

void ClientOutput::reply(const ControlRequest& request, const QCborMap& data)
{
    using Verb = ControlRequest::Verb;
    if (m_json)
        return json(data);
    switch (request.verb) {
    case Verb::Status:
        if (const std::optional<AgentStatus> s = AgentStatus::fromCbor(data))
            status(*s);
        break;
    case Verb::LinkDown:
        m_out << request.interface << " is down; the agent brings it back up at "
              << clock(data.value(control::key::Deadline).toInteger()) << '\n';
        break;
    case Verb::LinkUp:
        m_out << request.interface << " is up\n";
        break;
    case Verb::Handover:
        m_out << "hand-over asked; the peer takes over at once if this node was MASTER\n";
        break;
    case Verb::Maintenance:
        m_out << "maintenance " << (request.maintenanceOn ? "on" : "off") << '\n';
        break;
    case Verb::Adverts:
        for (const QCborValue& v : data.value(control::key::Adverts).toArray()) {
            QString error;
            const std::optional<AdvertRecord> a = AdvertRecord::fromCbor(v.toMap(), &error);
            if (!a) {
                m_err << "batonctl: skipped an advert record: " << error << '\n';
                continue;
            }
            m_out << clock(a->timeMs) << (a->sent ? "  sent " : "  recv ") << a->interface << ' ' << a->source
                  << " vhid " << a->vhid << " advbase " << a->advbase << " advskew " << a->advskew
                  << " demote " << a->demote << " counter " << QString::number(a->counter, 16) << "  "
                  << a->verdict << '\n';
        }
        break;
    case Verb::SetRevocations:
        m_out << "the agent took the revocation list\n";
        break;
    case Verb::History:
        for (const QCborValue& v : data.value(control::key::Events).toArray())
            if (const auto e = ControlEvent::fromMessage(v.toMap()))
                event(*e);
        break;
    case Verb::Crash:
        break; // not a batonctl request: failover drills send it
    case Verb::Log:
        for (const QCborValue& v : data.value(control::key::Lines).toArray())
            m_out << v.toString() << '\n';
        break;
    }
    m_out.flush();
}

void ClientOutput::refusal(const QString& code, const QCborMap& detail)
{
    if (m_json) {
        QCborMap m;
        m[QLatin1StringView("error")] = code;
        m[QLatin1StringView("detail")] = detail;
        return json(m);
    }
    m_err << "batonctl: refused: " << ControlErrors::describe(code) << " (" << code;
    for (auto it = detail.cbegin(); it != detail.cend(); ++it)
        m_err << ", " << it.key().toString() << ' ' << it.value().toVariant().toString();
    m_err << ")\n";
    m_err.flush();
}

} // namespace baton
