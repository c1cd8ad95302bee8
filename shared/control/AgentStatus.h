// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PeerLinkStatus.h"
#include "carp/CarpState.h"

#include <QCborMap>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace baton {

// What one vhid looks like from outside: the snapshot the agent sends on connect and after
// every change. Times are wall-clock milliseconds since the Unix epoch (0 = never), so a
// client can show "since 14:02:11" and "last heard 2 s ago" without sharing the agent's clock base.
struct GroupStatus
{
    int vhid = 0;
    QString interface;
    QString source;                    // this node's address on the interface
    CarpState state = CarpState::Init; // lower case on the wire (CarpStateNames::wireState)
    QString reason;                    // why it entered that state (CarpStateNames)
    qint64 sinceMs = 0;                // when it entered that state
    int advbase = 1;
    int advskew = 0;
    int demote = 0;
    bool preempt = false;
    bool maintenance = false;
    bool linkUp = false;
    bool vipHeld = false;
    QStringList vips; // "192.0.2.10/24"
    QString peer;     // the last authenticated peer heard, empty = none
    qint64 peerHeardMs = 0;
    QMap<QString, quint64> rejects; // reject code -> count since start, only non-zero ones
    // Authenticated adverts not acted on because they look forged: AdvertGuard sign -> count.
    QMap<QString, quint64> forgeries;

    bool operator==(const GroupStatus&) const = default;
};

struct PendingRestore
{
    QString interface;
    qint64 deadlineMs = 0;
    QString requestedBy; // the console certificate's name
    bool operator==(const PendingRestore&) const = default;
};

struct AgentStatus
{
    QString agent;   // the agent's name (its certificate's CN, else the host name)
    QString version; // batond's version
    qint64 timeMs = 0;
    qint64 startedMs = 0;
    bool maintenance = false;
    QList<GroupStatus> groups;
    QList<PendingRestore> restores;
    // When the agent's certificate (or its CA, whichever first) expires; 0 = unknown.
    qint64 certificateExpiresMs = 0;
    // Why the control listener is down ("tls-files", "listen-failed"); empty while it is up. Seen
    // only when it comes back, or in `systemctl status`: a down listener answers nobody.
    QString controlProblem;
    // The link to the partner agent; none when batond.conf names no partner (or the agent is older).
    std::optional<PeerLinkStatus> peerLink;

    bool operator==(const AgentStatus&) const = default;

    // The message body without its type field; fromCbor() ignores fields it does not know, so
    // a newer agent with extra fields still reads.
    QCborMap toCbor() const;
    static std::optional<AgentStatus> fromCbor(const QCborMap& map, QString* error = nullptr);
};

} // namespace baton
