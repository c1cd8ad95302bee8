// SPDX-License-Identifier: GPL-3.0-or-later
#include "FailoverTracker.h"

namespace baton {

namespace {
bool ends(qint64 endMs, qint64 takeoverMs)
{
    return endMs >= takeoverMs - FailoverTracker::EarlyMs && endMs <= takeoverMs + FailoverTracker::MatchMs;
}
} // namespace

std::optional<FailoverTracker::Failover> FailoverTracker::observeHolder(const QString& holder, qint64 timeMs)
{
    if (holder.isEmpty() || holder == m_holder)
        return std::nullopt;
    const QString previous = m_holder;
    m_holder = holder;
    if (previous.isEmpty())
        return std::nullopt; // the first holder seen: where the VIP was, not a move
    Failover failover{timeMs, previous, holder, std::nullopt};
    // The outage may have ended before the agents' word arrived.
    if (m_unmatched && ends(m_unmatched->endMs, timeMs))
        failover.outageMs = m_unmatched->outageMs;
    m_unmatched.reset();
    m_last = failover;
    return failover;
}

bool FailoverTracker::observeOutage(qint64 endMs, qint64 outageMs)
{
    if (m_last && !m_last->outageMs && ends(endMs, m_last->timeMs)) {
        m_last->outageMs = outageMs;
        return true;
    }
    m_unmatched = Outage{endMs, outageMs};
    return false;
}

void FailoverTracker::reset()
{
    m_holder.clear();
    m_last.reset();
    m_unmatched.reset();
}

} // namespace baton
