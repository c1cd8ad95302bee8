// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/ControlEvent.h"
#include "log/EventLogModel.h"

namespace baton {

// An agent's event as a row of the event log, the same whether it was pushed live or read from the
// agent's history, so that the log can tell it has it already.
class AgentEventEntry
{
public:
    static EventLogModel::Kind kindOf(const ControlEvent& event);
    // The event's kind and a digest of the whole event (time and every field, as the protocol
    // encodes it): the same for the same event however it travelled, and independent of the
    // language the log's text is in.
    static QString eventId(const ControlEvent& event);
    // localTimeMs: where the row goes on this desktop's clock.
    static EventLogModel::Entry make(const QString& node, const ControlEvent& event, qint64 localTimeMs,
                                     bool earlier);

    // How far the agent's wall clock is ahead of this desktop's (negative: behind), from its last
    // status: stamped statusTimeMs by the agent, received statusAgeMs ago (a monotonic clock here),
    // compared with this desktop's wall clock now. An agent time t happened at t - offset here.
    // The status spent its one-way trip on the network and in queues before it was heard, so the
    // agent's clock is taken for that much behind: converted times come out late by that delay
    // (milliseconds on a LAN), never early. A clock stepped on either side since the event
    // happened is not seen.
    static qint64 clockOffsetMs(qint64 statusTimeMs, qint64 statusAgeMs, qint64 localNowMs);
};

} // namespace baton
