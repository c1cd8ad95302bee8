// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/ClusterDefinition.h"

#include <QJsonObject>
#include <QString>

namespace baton {

// The longest VIP outage a step may show, computed from the cluster's configuration, with the
// formula and its values so a reader can check it:
//   failover   deadratio x advbase + advskew/256 (of the node taking over) + probe + margin
//   hand-over  probe + margin (the peer takes over on the bow-out advert, no timer runs out)
//   quiet      2 x probe (one lost echo is noise, two in a row are an outage)
// The peer's master-down timer restarts at the last advert it heard, which left at most one
// advert interval before the fault, so master-down after the fault is the worst case. The probe
// term is the outage's resolution (it is measured from send times). The margin covers the agent's
// timer and scheduling on a loaded host, the gratuitous ARP reaching the client and the echo's
// round trip: the netns tests see tens of ms; 200 ms leaves room on a shared 2-core machine.
struct DrillBound
{
    static constexpr qint64 MarginMs = 200;

    qint64 masterDownMs = 0;
    qint64 probeMs = 0;
    qint64 marginMs = 0;
    QString formula; // "3 × 1 s + 2/256 s + 20 ms + 200 ms = 3228 ms"

    qint64 totalMs() const { return masterDownMs + probeMs + marginMs; }
    QJsonObject toJson() const;
    static DrillBound fromJson(const QJsonObject& json);

    static DrillBound failover(const ClusterDefinition& cluster, int takingOver, int probeMs);
    // The failover bound timed from a command that takes delayMs to become the fault (the agent's
    // delay before it dies, a reboot command reaching systemd): the delay is added and named.
    static DrillBound failoverAfter(const ClusterDefinition& cluster, int takingOver, int probeMs,
                                    const QString& delayName, qint64 delayMs);
    static DrillBound handover(int probeMs);
    static DrillBound quiet(int probeMs);
};

} // namespace baton
