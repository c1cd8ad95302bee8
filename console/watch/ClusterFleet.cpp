// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClusterFleet.h"

#include "probe/IcmpProber.h"
#include "probe/ProbeSample.h"

#include <QHostAddress>

namespace baton {

ClusterFleet::ClusterFleet(QObject* parent)
    : ClusterFleet(new IcmpProber, parent)
{
    m_prober->setParent(this);
}

ClusterFleet::ClusterFleet(IcmpProber* prober, QObject* parent)
    : QObject(parent)
    , m_prober(prober)
{
    if (m_prober) {
        m_prober->setIntervalMs(ProbeIntervalMs);
        connect(m_prober, &IcmpProber::sampleReady, this, &ClusterFleet::addSample);
    }
}

ClusterFleet::~ClusterFleet()
{
    if (m_prober)
        m_prober->disconnect(this);
    for (ClusterWatch* watch : std::as_const(m_watches))
        watch->disconnect(this);
}

void ClusterFleet::setMembers(const QList<Member>& members)
{
    QList<ClusterWatch*> kept;
    QList<ClusterWatch*> gone = m_watches;
    bool changed = members.size() != m_watches.size();
    for (const Member& member : members) {
        ClusterWatch* existing = watch(member.label);
        if (existing && existing->cluster() == member.cluster) {
            gone.removeOne(existing);
            changed = changed || m_watches.indexOf(existing) != kept.size();
            kept.append(existing);
            continue;
        }
        changed = true;
        auto* fresh = new ClusterWatch(member.label, member.cluster, this);
        connect(fresh, &ClusterWatch::changed, this, [this, fresh] { Q_EMIT watchChanged(fresh); });
        connect(fresh, &ClusterWatch::notice, this, &ClusterFleet::notice);
        kept.append(fresh);
    }
    for (ClusterWatch* watch : std::as_const(gone)) {
        watch->disconnect(this);
        watch->deleteLater(); // it may be the sender of what led here
    }
    m_watches = kept;
    for (ClusterWatch* watch : std::as_const(m_watches))
        watch->start(); // a no-op for the ones already running
    updateTargets();
    if (changed)
        Q_EMIT membersChanged();
}

ClusterWatch* ClusterFleet::watch(const QString& label) const
{
    for (ClusterWatch* watch : m_watches) {
        if (watch->label() == label)
            return watch;
    }
    return nullptr;
}

ClusterWatch::Health ClusterFleet::worst() const
{
    ClusterWatch::Health worst = ClusterWatch::Health::Ok;
    for (const ClusterWatch* watch : m_watches)
        worst = ClusterWatch::worst(worst, watch->health());
    return worst;
}

void ClusterFleet::addSample(const QHostAddress& target, const ProbeSample& sample)
{
    // Two clusters may share a VIP address (one pair known under two names): both hear it.
    for (ClusterWatch* watch : std::as_const(m_watches)) {
        if (QHostAddress(watch->cluster().vip.address).isEqual(target, QHostAddress::TolerantConversion))
            watch->addVipSample(sample);
    }
}

void ClusterFleet::updateTargets()
{
    if (!m_prober)
        return;
    QList<QHostAddress> targets;
    for (const ClusterWatch* watch : std::as_const(m_watches)) {
        const QHostAddress vip(watch->cluster().vip.address);
        if (!targets.contains(vip))
            targets.append(vip);
    }
    if (targets != m_prober->targets())
        m_prober->setTargets(targets);
}

} // namespace baton
