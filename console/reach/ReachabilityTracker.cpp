// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReachabilityTracker.h"

namespace baton {

ReachabilityTracker::ReachabilityTracker(QObject* parent)
    : QObject(parent)
{
}

void ReachabilityTracker::setTargets(const QList<Target>& targets)
{
    m_targets = targets;
    m_rows.clear();
    m_rows.resize(static_cast<std::size_t>(targets.size()));
}

int ReachabilityTracker::indexOf(const QHostAddress& address) const
{
    for (int i = 0; i < m_targets.size(); ++i) {
        if (m_targets.at(i).address.isEqual(address, QHostAddress::TolerantConversion))
            return i;
    }
    return -1;
}

void ReachabilityTracker::addSample(const QHostAddress& target, const ProbeSample& sample)
{
    const int index = indexOf(target);
    if (index < 0)
        return;
    Row& row = m_rows[static_cast<std::size_t>(index)];
    const ProbeHistory::State before = row.history.state();
    row.history.add(sample);
    const ProbeHistory::State after = row.history.state();
    if (after == ProbeHistory::State::Down && before != ProbeHistory::State::Down) {
        // The outage began with the first of the losses that follow the newest answer.
        const QList<ProbeSample> samples = row.history.samples();
        const int lost = row.history.consecutiveLost();
        row.downSinceMs = samples.at(samples.size() - lost).sentMs;
    }
    Q_EMIT sampleAdded(index);
    if (after == ProbeHistory::State::Down && before != ProbeHistory::State::Down)
        Q_EMIT wentDown(index, row.downSinceMs);
    else if (before == ProbeHistory::State::Down && after == ProbeHistory::State::Up)
        Q_EMIT cameBack(index, std::max<qint64>(0, sample.sentMs - row.downSinceMs));
}

} // namespace baton
