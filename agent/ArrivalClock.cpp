// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArrivalClock.h"

#include "util/HotPath.h"

#include <cstdlib>

namespace baton {

BATON_HOT void ArrivalClock::beginBatch(qint64 wallUs, TimePoint steady)
{
    const qint64 offsetUs = wallUs - steady.count();
    // Slewing (NTP, chrony) moves both clocks alike; their offset moves when the wall clock steps
    // (settimeofday, chrony's makestep, a leap second, a restored snapshot, a suspend), and the
    // step may lie between a stamp of this batch and the clock reads. The tolerance covers a
    // stall between the two reads; a larger one counts as a step, which errs late, the safe side.
    m_stampsUsable = !m_begun || std::llabs(offsetUs - m_offsetUs) <= StepToleranceUs;
    m_begun = true;
    m_offsetUs = offsetUs;
    m_wallUs = wallUs;
    m_steady = steady;
}

BATON_HOT TimePoint ArrivalClock::arrival(qint64 stampUs) const
{
    const qint64 ageUs = m_wallUs - stampUs;
    if (!m_stampsUsable || ageUs < 0 || ageUs > MaxAgeUs)
        return m_steady;
    // Before the queue was last found empty it was not queued: the stamp cannot be right.
    const TimePoint arrived = m_steady - Micros(ageUs);
    return arrived < m_drainedAt ? m_steady : arrived;
}

} // namespace baton
