// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EpollDispatcher.h"
#include "carp/CarpTiming.h"

#include <QTimer>

#include <functional>
#include <memory>

namespace baton {

// One deadline at a time on the steady clock (GroupRunner::now()), calling a function once when it
// passes, never before: on the direct lane, to the nanosecond, when the thread runs an
// EpollDispatcher (batond's advert thread), else on a precise QTimer rounded up to the millisecond.
class DeadlineTimer
{
public:
    explicit DeadlineTimer(std::function<void()> onDue);
    ~DeadlineTimer();
    DeadlineTimer(const DeadlineTimer&) = delete;
    DeadlineTimer& operator=(const DeadlineTimer&) = delete;

    void start(TimePoint deadline);
    void stop();
    bool direct() const { return m_direct.loop != nullptr; }
    // "Now" for the function called: on the direct lane the loop's one reading of the clock for
    // this wake-up (a reading saved per advert), else the clock read afresh.
    TimePoint now() const;

private:
    // On the direct lane: the function and where the loop keeps its deadline, here with the
    // owner's data (no pointer to follow into a block of its own, as a QPointer's).
    EpollDispatcher::DirectTimer m_direct;
    std::unique_ptr<QTimer> m_timer;
};

} // namespace baton
