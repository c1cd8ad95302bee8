// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentEventEntry.h"

#include "control/ControlEventText.h"

#include <QCborValue>
#include <QCryptographicHash>

namespace baton {

EventLogModel::Kind AgentEventEntry::kindOf(const ControlEvent& event)
{
    if (std::holds_alternative<ev::StateChanged>(event.body))
        return EventLogModel::Kind::State;
    if (std::holds_alternative<ev::AdvertRejected>(event.body) ||
        std::holds_alternative<ev::ForgerySuspected>(event.body))
        return EventLogModel::Kind::Reject;
    if (std::holds_alternative<ev::CommandDone>(event.body))
        return EventLogModel::Kind::Command;
    return EventLogModel::Kind::Agent;
}

QString AgentEventEntry::eventId(const ControlEvent& event)
{
    // The typed event re-encoded, not the bytes received: the agent's journal and its live push
    // may order a map's keys differently, the typed fields are the same.
    const QByteArray canonical = QCborValue(event.toMessage()).toCbor();
    const QByteArray digest = QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).left(8);
    return event.kind() + u':' + QString::fromLatin1(digest.toHex());
}

EventLogModel::Entry AgentEventEntry::make(const QString& node, const ControlEvent& event, qint64 localTimeMs,
                                           bool earlier)
{
    EventLogModel::Entry e;
    e.timeMs = localTimeMs;
    e.node = node;
    e.kind = kindOf(event);
    e.text = ControlEventText::describe(event);
    e.agentTimeMs = event.timeMs;
    e.eventId = eventId(event);
    e.earlier = earlier;
    return e;
}

qint64 AgentEventEntry::clockOffsetMs(qint64 statusTimeMs, qint64 statusAgeMs, qint64 localNowMs)
{
    return statusTimeMs + std::max<qint64>(0, statusAgeMs) - localNowMs;
}

} // namespace baton
