// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace baton {

// Something about a watched cluster that an operator must not miss, said in a sentence with where
// and when: what a desktop notification shows, whether or not the cluster is open in the window.
struct WatchNotice
{
    enum class Kind
    {
        Failover,
        SplitBrain,
        SplitBrainOver,
        AgentLost,
        AgentBack,
        VipSilent,
        VipBack,
        Forgery,
        CertificateExpiring,
    };

    Kind kind = Kind::Failover;
    QString cluster; // the watch's label
    QString node;    // the node concerned; empty for the cluster as a whole
    QString title;   // "Failover in web-pair"
    QString body;    // what happened, where, when
    qint64 timeMs = 0;
    bool critical = false;
    // It refines the last notice of its group (a failover's outage, measured a moment later): the
    // same occurrence, not another one.
    bool refinement = false;

    // Notices of one group replace each other on the desktop instead of stacking: a cluster's
    // failovers, its split brain and its end, one agent lost and back, the VIP silent and back.
    QString group() const;
    static QLatin1StringView kindKey(Kind kind); // "failover", "agent-lost", …: stable, not translated
};

} // namespace baton

Q_DECLARE_METATYPE(baton::WatchNotice)
