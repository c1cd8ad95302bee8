// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeadlineTimer.h"

#include "EpollDispatcher.h"
#include "SteadyNow.h"
#include "util/HotPath.h"

#include <chrono>

namespace baton {

DeadlineTimer::DeadlineTimer(std::function<void()> onDue)
{
    if (EpollDispatcher* loop = EpollDispatcher::current()) {
        m_direct.onDue = std::move(onDue);
        loop->addDirectTimer(m_direct);
        return;
    }
    m_timer = std::make_unique<QTimer>();
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(), [call = std::move(onDue)] { call(); });
}

DeadlineTimer::~DeadlineTimer()
{
    if (m_direct.loop != nullptr)
        m_direct.loop->removeDirectTimer(m_direct);
}

BATON_HOT void DeadlineTimer::start(TimePoint deadline)
{
    using std::chrono::steady_clock;
    if (m_direct.loop != nullptr) {
        m_direct.loop->armDirectTimer(m_direct, steady_clock::time_point(deadline));
        return;
    }
    if (!m_timer)
        return; // the direct lane's loop is gone: the process is ending
    // QTimer counts whole milliseconds: round up so it never fires before the deadline.
    const TimePoint now = std::chrono::duration_cast<Micros>(steadyNow().time_since_epoch());
    const qint64 waitUs = std::max<qint64>(0, (deadline - now).count());
    m_timer->start(static_cast<int>((waitUs + 999) / 1000));
}

BATON_HOT TimePoint DeadlineTimer::now() const
{
    const auto t = m_direct.loop != nullptr ? m_direct.loop->roundTime() : steadyNow();
    return std::chrono::duration_cast<Micros>(t.time_since_epoch());
}

void DeadlineTimer::stop()
{
    if (m_direct.loop != nullptr)
        m_direct.loop->disarmDirectTimer(m_direct);
    else if (m_timer)
        m_timer->stop();
}

} // namespace baton
