// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractEventDispatcher>
#include <QVarLengthArray>

#include <atomic>
#include <chrono>
#include <functional>
#include <unordered_map>
#include <vector>

struct epoll_event;

namespace baton {

// The advert thread's event loop: one epoll_pwait2 with a nanosecond deadline, nothing else.
// Qt's GLib loop walks its sources' prepare/check/dispatch and polls every descriptor again on
// each wake-up; at one advert every 11.7 ms that walk, done with cold caches, was a good part of
// batond's CPU per advert (docs/BENCHMARKS.md, "The cost of an advert"). This one keeps the
// descriptors in the kernel (epoll), the timers in a short vector, and on a wake-up touches only
// what is ready. It serves one thread (batond installs it for the main thread) and keeps Qt's
// rules: level-triggered notifiers, timers that never fire early nor re-enter their own event,
// posted events sent first, wakeUp() and interrupt() safe from any thread.
//
// And a direct lane for the advert path (ReadWatch, DeadlineTimer): a descriptor's readiness and
// deadlines on the steady clock, to the nanosecond, served by calling a function straight from the
// wait, without a QEvent, a signal or Qt's timer bookkeeping. Qt's own loop did no better than the
// first part alone; what a wake-up of the advert thread touches besides the advert is what costs
// (docs/BENCHMARKS.md, "The cost of an advert").
class EpollDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    using Clock = std::chrono::steady_clock;
    using Direct = std::function<void()>;

    explicit EpollDispatcher(QObject* parent = nullptr);
    ~EpollDispatcher() override;

    // The calling thread's dispatcher if it is one of these, else null (Qt's own loop).
    static EpollDispatcher* current();

    // The direct lane's functions are kept by their owners (ReadWatch, DeadlineTimer), beside the
    // owner's other data, and the lane's lists lie inside this object: a wake-up for an advert
    // touches no small block of heap of its own, each on a page of its own (docs/BENCHMARKS.md).
    // An owner may be deleted in its own call, as with `delete this`: nothing of it is touched
    // after the call returns.
    struct DirectWatch
    {
        Direct onReadable;
        EpollDispatcher* loop = nullptr; // while watched; cleared if the loop goes first
        int fd = -1;
    };
    struct DirectTimer
    {
        Direct onDue;
        EpollDispatcher* loop = nullptr; // while added; cleared if the loop goes first
        int slot = -1;                   // its place in the loop's list
    };

    // Calls `watch.onReadable` while `fd` is readable (level-triggered), never re-entered from a
    // nested loop. Empty on success, else why not (e.g. the descriptor is watched already).
    QString watchDirect(DirectWatch& watch, int fd);
    void unwatchDirect(DirectWatch& watch);
    // Timers of the direct lane: added idle, armed for one absolute deadline at a time, called once
    // when it passes (never before), never re-entered. Removing one while it fires is safe.
    void addDirectTimer(DirectTimer& timer);
    void armDirectTimer(const DirectTimer& timer, Clock::time_point due);
    void disarmDirectTimer(const DirectTimer& timer);
    void removeDirectTimer(DirectTimer& timer);

    // The steady clock as read once per wake-up, before the direct lane's deadlines are checked:
    // their functions take it as "now" instead of reading the clock again.
    Clock::time_point roundTime() const { return m_roundTime; }

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

protected:
    void connectNotify(const QMetaMethod& signal) override;
    void disconnectNotify(const QMetaMethod& signal) override;

private:
    struct Timer
    {
        int id;
        qint64 intervalMs;
        Qt::TimerType type;
        QObject* object;
        Clock::time_point due;
        Clock::duration early; // how long before `due` it may fire in a round woken otherwise
        bool firing = false;   // its QTimerEvent is being handled: no second one meanwhile
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

    // A removed one's slot is emptied (null), and the lists closed up once no call of the direct
    // lane is under way: a call's slot stays where it is while the call runs.
    struct TimerSlot
    {
        DirectTimer* timer;
        Clock::time_point due{};
        bool armed = false;
        bool firing = false;
    };
    struct WatchSlot
    {
        int fd;
        DirectWatch* watch;
        bool firing = false;
    };

    // What a round served: the direct lane alone lets the loop wait again without returning.
    enum class Served
    {
        Nothing,
        DirectLane,
        Qt, // Qt's handlers ran, or a wake-up came: back to the QEventLoop that called us
    };
    Served serveRound(QEventLoop::ProcessEventsFlags flags);
    bool isWakeUp(const epoll_event& event) const;
    void updateWatch(int fd, Watch& watch);
    bool activateDirect(const epoll_event* events, int count);
    bool activateDirectTimers(Clock::time_point now);
    WatchSlot* findDirectWatch(int fd);
    void closeUpDirect();
    const timespec* waitLimit(Clock::time_point now, timespec& storage) const;
    bool activateNotifiers(const epoll_event* events, int count);
    bool notify(int fd, quint32 events);
    bool activateTimers(Clock::time_point now);
    Timer* findTimer(int id);
    static Clock::duration earliness(qint64 intervalMs, Qt::TimerType type);
    void drainWakeUp();

    int m_epoll = -1;
    int m_wake = -1; // eventfd: wakeUp() from any thread
    QString m_error;
    std::atomic<bool> m_interrupted{false};
    std::atomic<bool> m_wakePending{false};
    // Something may wait in Qt's posted-event queue: set by wakeUp(), which Qt calls for every
    // event posted, and after a round that ran Qt's handlers (a nested loop in one may have left a
    // deferred delete for this level). A round of adverts alone skips the queue's lock.
    std::atomic<bool> m_mayHavePosted{true};
    std::atomic<int> m_awakeListeners{0};
    std::atomic<int> m_aboutToBlockListeners{0};
    Clock::time_point m_roundTime{};
    bool m_roundTimeCurrent = false; // nothing ran since m_roundTime was read (the loop's thread only)
    bool m_pwait2 = true;            // epoll_pwait2 (Linux 5.11): deadlines to the nanosecond
    // Inside this object up to a few groups' worth: no block of heap (and page) of their own.
    QVarLengthArray<Timer, 8> m_timers;
    QVarLengthArray<WatchSlot, 8> m_directWatches; // one per group
    QVarLengthArray<TimerSlot, 8> m_directTimers;  // one per group
    int m_directCalls = 0;                         // the direct lane's calls under way (nested loops)
    bool m_directEmptied = false;                  // a slot waits to be closed up
    std::unordered_map<int, Watch> m_watches;
    int m_regularFiles = 0;
};

} // namespace baton
