// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractEventDispatcher>

#include <atomic>
#include <chrono>
#include <unordered_map>
#include <vector>

namespace baton {

// The advert thread's event loop: one epoll_pwait2 with a nanosecond deadline, nothing else.
// Qt's GLib loop walks its sources' prepare/check/dispatch and polls every descriptor again on
// each wake-up; at one advert every 11.7 ms that walk, done with cold caches, was a good part of
// batond's CPU per advert (docs/BENCHMARKS.md, "The cost of an advert"). This one keeps the
// descriptors in the kernel (epoll), the timers in a short vector, and on a wake-up touches only
// what is ready. It serves one thread (batond installs it for the main thread) and keeps Qt's
// rules: level-triggered notifiers, timers that never fire early nor re-enter their own event,
// posted events sent first, wakeUp() and interrupt() safe from any thread.
class EpollDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollDispatcher(QObject* parent = nullptr);
    ~EpollDispatcher() override;

    // Empty when the loop can run; else why not (epoll or eventfd refused).
    QString error() const { return m_error; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier* notifier) override;
    void unregisterSocketNotifier(QSocketNotifier* notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject* object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject* object) override;
    QList<TimerInfo> registeredTimers(QObject* object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    using Clock = std::chrono::steady_clock;
    struct Timer
    {
        int id;
        qint64 intervalMs;
        Qt::TimerType type;
        QObject* object;
        Clock::time_point due;
        bool firing = false; // its QTimerEvent is being handled: no second one meanwhile
    };
    // Up to one notifier of each type per descriptor, as QSocketNotifier allows; epoll holds the
    // descriptor once with the union of their events.
    struct Watch
    {
        QSocketNotifier* notifiers[3] = {nullptr, nullptr, nullptr}; // Read, Write, Exception
        quint32 events = 0;
        bool regularFile = false; // epoll refuses these; poll() calls them always ready
    };
    struct Ready
    {
        int fd;
        quint32 events;
    };

    void updateWatch(int fd, Watch& watch);
    bool activateNotifiers(const Ready* ready, qsizetype count);
    bool activateTimers();
    Timer* findTimer(int id);
    void drainWakeUp();

    int m_epoll = -1;
    int m_wake = -1; // eventfd: wakeUp() from any thread
    QString m_error;
    std::atomic<bool> m_interrupted{false};
    std::atomic<bool> m_wakePending{false};
    bool m_pwait2 = true; // epoll_pwait2 (Linux 5.11): deadlines to the nanosecond
    std::vector<Timer> m_timers;
    std::unordered_map<int, Watch> m_watches;
    int m_regularFiles = 0;
};

} // namespace baton
