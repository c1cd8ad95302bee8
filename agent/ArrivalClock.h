// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "carp/CarpTiming.h"

#include <QtGlobal>

namespace baton {

// When a packet reached the host, on the steady clock, from the kernel's receive stamp (taken on
// the wall clock). The age of the stamp carries over to the steady clock, within two bounds that
// keep a wall clock that moved from backdating an advert (a backup that thinks its master's last
// advert older than it is takes over from a live master):
// - a step of the wall clock since the last batch (its offset from the steady clock moved, which
//   slewing never does): this batch's stamps are not used, the packets count as read now;
// - a packet still queued arrived after the read that last found the queue empty (or after the
//   socket was opened): a stamp older than that is wrong, and the packet counts as read now.
class ArrivalClock
{
public:
    // The clocks as read right after a batch was read from the socket.
    void beginBatch(qint64 wallUs, TimePoint steady);
    // A packet of that batch, stamped by the kernel at stampUs on the wall clock.
    TimePoint arrival(qint64 stampUs) const;
    // That batch emptied the queue: whatever is queued later arrived after it.
    void drained() { m_drainedAt = m_steady; }
    // The socket was (re)opened at `steady`: nothing in it arrived before.
    void opened(TimePoint steady) { m_drainedAt = steady; }

private:
    static constexpr qint64 MaxAgeUs = 10'000'000;
    static constexpr qint64 StepToleranceUs = 1'000;

    qint64 m_wallUs = 0;
    TimePoint m_steady{};
    bool m_stampsUsable = false;
    bool m_begun = false;
    qint64 m_offsetUs = 0; // wall minus steady at the last batch
    TimePoint m_drainedAt{};
};

} // namespace baton
