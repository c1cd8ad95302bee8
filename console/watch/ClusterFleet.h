// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ClusterWatch.h"

#include <QList>
#include <QObject>

class QHostAddress;

namespace baton {

class IcmpProber;
struct ProbeSample;

// Every cluster this console knows, each watched by a ClusterWatch, and one prober for all their
// VIPs (every ProbeIntervalMs: fifty pairs cost a hundred echoes a second). What the overview, the
// tray and the notifications read; the window borrows the open cluster's watch.
class ClusterFleet : public QObject
{
    Q_OBJECT
public:
    static constexpr int ProbeIntervalMs = 500;

    struct Member
    {
        QString label; // unique: the cluster's name, or its name and the file it came from
        ClusterDefinition cluster;
    };

    explicit ClusterFleet(QObject* parent = nullptr);
    // With this prober (tests: one with a fake backend), or none: the VIPs stay unknown.
    ClusterFleet(IcmpProber* prober, QObject* parent);
    ~ClusterFleet() override;

    // Watches exactly these, in this order: a new label starts a watch, a label gone stops its watch,
    // a changed definition starts a new one. Watches left as they were keep their connections.
    void setMembers(const QList<Member>& members);
    const QList<ClusterWatch*>& watches() const { return m_watches; }
    ClusterWatch* watch(const QString& label) const;
    ClusterWatch::Health worst() const;
    IcmpProber* prober() const { return m_prober; }
    // An echo to a VIP, as the prober delivers it: every watch of that address hears it.
    void addSample(const QHostAddress& target, const baton::ProbeSample& sample);

Q_SIGNALS:
    // Watches were added, removed or replaced (a pointer from watches() may be gone).
    void membersChanged();
    void watchChanged(baton::ClusterWatch* watch);
    void notice(const baton::WatchNotice& notice);

private:
    void updateTargets();

    IcmpProber* m_prober = nullptr;
    QList<ClusterWatch*> m_watches;
};

} // namespace baton
