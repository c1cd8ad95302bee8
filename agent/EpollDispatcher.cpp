// SPDX-License-Identifier: GPL-3.0-or-later
#include "EpollDispatcher.h"

#include "ErrnoText.h"
#include "SteadyNow.h"
#include "util/HotPath.h"

#include <QCoreApplication>
#include <QMetaMethod>
#include <QSocketNotifier>
#include <QVarLengthArray>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <optional>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace baton {

namespace {
constexpr int MaxEvents = 64;
// Marks the direct lane's descriptors in epoll's data; Qt's notifiers leave the high half zero.
constexpr quint64 DirectTag = quint64{1} << 32;

quint32 eventsFor(QSocketNotifier::Type type)
{
    switch (type) {
    case QSocketNotifier::Read:
        return EPOLLIN;
    case QSocketNotifier::Write:
        return EPOLLOUT;
    case QSocketNotifier::Exception:
        return EPOLLPRI;
    }
    return 0;
}

// Which notifiers of a descriptor its events wake. An error or hang-up wakes them all: under
// level triggering one left unwoken would have epoll report it again at once, for ever.
bool wakes(int type, quint32 events)
{
    if ((events & (EPOLLERR | EPOLLHUP)) != 0)
        return true;
    return (events & eventsFor(static_cast<QSocketNotifier::Type>(type))) != 0;
}
} // namespace

EpollDispatcher::EpollDispatcher(QObject* parent)
    : QAbstractEventDispatcher(parent)
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0) {
        m_error = errnoText("epoll_create1");
        return;
    }
    m_wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_wake < 0) {
        m_error = errnoText("eventfd");
        return;
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = m_wake;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev) != 0)
        m_error = errnoText("epoll_ctl");
}

EpollDispatcher::~EpollDispatcher()
{
    // Owners outliving the loop (the process is ending) must not call into it.
    for (const WatchSlot& w : m_directWatches)
        if (w.watch != nullptr)
            w.watch->loop = nullptr;
    for (const TimerSlot& t : m_directTimers)
        if (t.timer != nullptr)
            t.timer->loop = nullptr;
    if (m_wake >= 0)
        ::close(m_wake);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void EpollDispatcher::registerSocketNotifier(QSocketNotifier* notifier)
{
    const int fd = static_cast<int>(notifier->socket());
    const int type = notifier->type();
    if (findDirectWatch(fd) != nullptr) {
        qWarning("EpollDispatcher: descriptor %d is on the direct lane; its notifier is not watched", fd);
        return;
    }
    Watch& watch = m_watches[fd];
    if (watch.notifiers[type] != nullptr && watch.notifiers[type] != notifier)
        qWarning("EpollDispatcher: a second notifier of the same type for descriptor %d replaces the first",
                 fd);
    watch.notifiers[type] = notifier;
    updateWatch(fd, watch);
}

void EpollDispatcher::unregisterSocketNotifier(QSocketNotifier* notifier)
{
    const int fd = static_cast<int>(notifier->socket());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end() || it->second.notifiers[notifier->type()] != notifier)
        return;
    it->second.notifiers[notifier->type()] = nullptr;
    updateWatch(fd, it->second);
    if (it->second.events == 0 && !it->second.regularFile)
        m_watches.erase(it);
}

void EpollDispatcher::updateWatch(int fd, Watch& watch)
{
    quint32 events = 0;
    for (int type = 0; type < 3; ++type)
        if (watch.notifiers[type] != nullptr)
            events |= eventsFor(static_cast<QSocketNotifier::Type>(type));
    if (watch.regularFile) {
        // Never in epoll: ready whenever a notifier wants it, as poll() has it.
        if (events == 0) {
            watch.regularFile = false;
            --m_regularFiles;
        }
        watch.events = events;
        return;
    }
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    if (events == 0) {
        // A descriptor closed before its notifier was disabled has left epoll already (EBADF).
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &ev);
    } else {
        // The number may have been closed and reused behind our back: try the other verb once.
        const int first = watch.events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
        int rc = epoll_ctl(m_epoll, first, fd, &ev);
        if (rc != 0 && (errno == ENOENT || errno == EEXIST))
            rc = epoll_ctl(m_epoll, first == EPOLL_CTL_ADD ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev);
        if (rc != 0 && errno == EPERM) {
            watch.regularFile = true;
            ++m_regularFiles;
        } else if (rc != 0) {
            qWarning("EpollDispatcher: descriptor %d cannot be watched (%s)", fd, std::strerror(errno));
        }
    }
    watch.events = events;
}

void EpollDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject* object)
{
    m_timers.push_back(Timer{timerId, interval, timerType, object,
                             steadyNow() + std::chrono::milliseconds(interval),
                             earliness(interval, timerType)});
}

bool EpollDispatcher::unregisterTimer(int timerId)
{
    const auto it =
        std::find_if(m_timers.begin(), m_timers.end(), [timerId](const Timer& t) { return t.id == timerId; });
    if (it == m_timers.end())
        return false;
    *it = m_timers.back();
    m_timers.pop_back();
    return true;
}

bool EpollDispatcher::unregisterTimers(QObject* object)
{
    return m_timers.removeIf([object](const Timer& t) { return t.object == object; }) > 0;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollDispatcher::registeredTimers(QObject* object) const
{
    QList<TimerInfo> list;
    for (const Timer& t : m_timers)
        if (t.object == object)
            list << TimerInfo(t.id, static_cast<int>(t.intervalMs), t.type);
    return list;
}

int EpollDispatcher::remainingTime(int timerId)
{
    const Timer* t = findTimer(timerId);
    if (t == nullptr)
        return -1;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(t->due - steadyNow());
    return static_cast<int>(std::max<qint64>(0, left.count()));
}

EpollDispatcher::Clock::duration EpollDispatcher::earliness(qint64 intervalMs, Qt::TimerType type)
{
    // Qt's promise for a coarse timer: within 5 % of its interval (and precise below 20 ms). Up to
    // that much early, it fires in a round something else woke: the journal's and the heartbeat's
    // seconds then cost no wake-up of their own beside the adverts (each one a cold start, as
    // dear as an advert received). Never late: the wait still ends at the timer's own time.
    if (type == Qt::PreciseTimer || intervalMs <= 20)
        return Clock::duration::zero();
    return std::chrono::milliseconds(intervalMs / 20);
}

BATON_HOT EpollDispatcher::Timer* EpollDispatcher::findTimer(int id)
{
    const auto it =
        std::find_if(m_timers.begin(), m_timers.end(), [id](const Timer& t) { return t.id == id; });
    return it == m_timers.end() ? nullptr : &*it;
}

void EpollDispatcher::wakeUp()
{
    // Qt calls this for every event posted; one write until the loop has woken is enough.
    m_mayHavePosted.store(true);
    if (m_wakePending.exchange(true))
        return;
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wake, &one, sizeof one); // EAGAIN: already readable
}

void EpollDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

void EpollDispatcher::drainWakeUp()
{
    // Cleared before the read: a wakeUp() in between writes again and is read with this one; the
    // event it announced was posted before the next processEvents() sends the posted events.
    m_wakePending.store(false);
    quint64 count = 0;
    [[maybe_unused]] const ssize_t n = ::read(m_wake, &count, sizeof count);
}

void EpollDispatcher::connectNotify(const QMetaMethod& signal)
{
    // Counted here so that each wake-up asks a plain integer, not Qt's connection lists.
    if (signal == QMetaMethod::fromSignal(&QAbstractEventDispatcher::awake))
        ++m_awakeListeners;
    else if (signal == QMetaMethod::fromSignal(&QAbstractEventDispatcher::aboutToBlock))
        ++m_aboutToBlockListeners;
}

void EpollDispatcher::disconnectNotify(const QMetaMethod& signal)
{
    // Qt calls this with the connection lists locked: no asking them. An invalid method (all of a
    // receiver's connections at once) leaves the counts as they are, at worst an unheard signal.
    if (signal == QMetaMethod::fromSignal(&QAbstractEventDispatcher::awake))
        --m_awakeListeners;
    else if (signal == QMetaMethod::fromSignal(&QAbstractEventDispatcher::aboutToBlock))
        --m_aboutToBlockListeners;
}

BATON_HOT bool EpollDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false);
    // QEventLoop::exec calls straight back after every round, only to see whether exit() was
    // called, and exit() interrupts the dispatcher. A round that served the direct lane alone (an
    // advert, a deadline) therefore waits again from here: the way out through QEventLoop and in
    // again touched Qt's code and data on every advert, for nothing.
    const bool stay =
        flags.testFlag(QEventLoop::EventLoopExec) && flags.testFlag(QEventLoop::WaitForMoreEvents);
    for (;;) {
        const Served served = serveRound(flags);
        if (!stay || served != Served::DirectLane || m_interrupted.load())
            return served != Served::Nothing;
    }
}

BATON_HOT EpollDispatcher::Served EpollDispatcher::serveRound(QEventLoop::ProcessEventsFlags flags)
{
    // awake() and aboutToBlock() are emitted only when someone listens: batond never does, and
    // each emission is a call into Qt's signal machinery on every wake-up of the advert thread.
    // The last round's reading of the clock stands for "now" if nothing ran since: QEventLoop::exec
    // calls straight back, and leaves only through exit(), whose interrupt() posts a wake-up that
    // sends the posted events below first. A wake-up by an advert then reads the clock once.
    bool clockCurrent = m_roundTimeCurrent && flags.testFlag(QEventLoop::EventLoopExec);
    m_roundTimeCurrent = false;
    if (m_awakeListeners.load(std::memory_order_relaxed) > 0) {
        Q_EMIT awake();
        clockCurrent = false;
    }
    // Cleared before sending: an event posted meanwhile sets it again for the next round.
    if (m_mayHavePosted.exchange(false)) {
        QCoreApplication::sendPostedEvents();
        clockCurrent = false;
    }

    const bool wait =
        flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupted.load() && m_regularFiles == 0;
    timespec timeout{0, 0};
    const timespec* until = &timeout;
    if (wait) {
        until = waitLimit(clockCurrent ? m_roundTime : steadyNow(), timeout);
        if (m_aboutToBlockListeners.load(std::memory_order_relaxed) > 0)
            Q_EMIT aboutToBlock();
    }

    // On the stack, not in members: a handler may run a nested loop that calls this again. Read
    // where the kernel wrote them, lane by lane, without copying: fewer lines to touch per advert.
    epoll_event events[MaxEvents];
    int n = -1;
    if (m_pwait2) {
        // The system call, not glibc's wrapper: that one is a cancellation point and marks the
        // thread around every wait; nothing here cancels threads.
        n = static_cast<int>(::syscall(SYS_epoll_pwait2, m_epoll, events, MaxEvents, until, nullptr, 0));
        if (n < 0 && (errno == ENOSYS || errno == EPERM))
            m_pwait2 = false; // a kernel before 5.11, or a filter that refuses it
    }
    if (!m_pwait2) {
        // Whole milliseconds, rounded up: a timer may fire a little late, never early.
        int ms = -1;
        if (until != nullptr) {
            const qint64 total =
                (static_cast<qint64>(until->tv_sec) * 1'000'000'000 + until->tv_nsec + 999'999) / 1'000'000;
            ms = static_cast<int>(std::min<qint64>(total, INT_MAX));
        }
        n = epoll_wait(m_epoll, events, MaxEvents, ms);
    }
    n = std::max(n, 0);

    bool woken = false;
    for (int i = 0; i < n; ++i) {
        if (isWakeUp(events[i])) {
            drainWakeUp();
            woken = true;
        }
    }

    // The direct lane first, and what was readable before what fell due: an advert that beat a
    // deadline counts before the deadline acts.
    bool handled = false;
    if (!flags.testFlag(QEventLoop::ExcludeSocketNotifiers))
        handled = activateDirect(events, n);
    m_roundTime = steadyNow(); // one reading for both kinds of timer
    const Clock::time_point now = m_roundTime;
    const bool timersRan = !flags.testFlag(QEventLoop::X11ExcludeTimers) && activateDirectTimers(now);
    handled = timersRan || handled;
    bool ranQt = false;
    if (!flags.testFlag(QEventLoop::ExcludeSocketNotifiers))
        ranQt = activateNotifiers(events, n);
    if (!flags.testFlag(QEventLoop::X11ExcludeTimers))
        ranQt = activateTimers(now) || ranQt;
    if (ranQt)
        m_mayHavePosted.store(true);
    m_roundTimeCurrent = flags.testFlag(QEventLoop::EventLoopExec) && !ranQt && !timersRan;
    if (ranQt || woken)
        return Served::Qt;
    return handled ? Served::DirectLane : Served::Nothing;
}

BATON_HOT bool EpollDispatcher::isWakeUp(const epoll_event& event) const
{
    return (event.data.u64 & DirectTag) == 0 && event.data.fd == m_wake;
}

BATON_HOT bool EpollDispatcher::activateNotifiers(const epoll_event* events, int count)
{
    bool any = false;
    for (int i = 0; i < count; ++i)
        if ((events[i].data.u64 & DirectTag) == 0 && !isWakeUp(events[i]))
            any = notify(events[i].data.fd, events[i].events) || any;
    if (m_regularFiles > 0) {
        // Listed first: a handler may add or remove watches. Never in epoll, always ready.
        std::vector<Ready> files;
        for (const auto& [fd, watch] : m_watches)
            if (watch.regularFile)
                files.push_back(Ready{fd, watch.events});
        for (const Ready& file : files)
            any = notify(file.fd, file.events) || any;
    }
    return any;
}

bool EpollDispatcher::notify(int fd, quint32 events)
{
    bool any = false;
    for (int type = 0; type < 3; ++type) {
        // Looked up again each time: an earlier handler may have disabled or deleted it.
        const auto it = m_watches.find(fd);
        if (it == m_watches.end())
            break;
        QSocketNotifier* notifier = it->second.notifiers[type];
        if (notifier == nullptr || !wakes(type, events))
            continue;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &event);
        any = true;
    }
    return any;
}

BATON_HOT bool EpollDispatcher::activateTimers(Clock::time_point now)
{
    // Only what was due when the round began (a coarse timer: nearly due), earliest first: a timer
    // re-armed at 0 ms in a handler waits for the next round, so descriptors are never starved.
    // Most rounds (adverts) find none: they return before the list is even set up.
    const auto isDue = [now](const Timer& t) { return t.due - t.early <= now && !t.firing; };
    if (std::none_of(m_timers.begin(), m_timers.end(), isDue))
        return false;
    QVarLengthArray<std::pair<Clock::time_point, int>, 16> due;
    for (const Timer& t : m_timers)
        if (isDue(t))
            due.append({t.due, t.id});
    std::sort(due.begin(), due.end());
    for (const auto& [when, id] : due) {
        Timer* t = findTimer(id);
        // Gone, firing in an outer loop, or the same id given to a new timer meanwhile.
        if (t == nullptr || t->firing || t->due - t->early > now)
            continue;
        const auto interval = std::chrono::milliseconds(t->intervalMs);
        t->due += interval;
        if (t->due < now)
            t->due = now + interval; // late by more than an interval: no burst to catch up
        t->firing = true;
        QObject* object = t->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        if (Timer* still = findTimer(id))
            still->firing = false;
    }
    return true;
}

BATON_HOT const timespec* EpollDispatcher::waitLimit(Clock::time_point now, timespec& storage) const
{
    // The earliest of Qt's timers and the direct lane's armed deadlines; none: no limit.
    std::optional<Clock::time_point> next;
    const auto consider = [&next](Clock::time_point due) {
        if (!next || due < *next)
            next = due;
    };
    for (const Timer& t : m_timers)
        consider(t.due);
    for (const TimerSlot& t : m_directTimers)
        if (t.armed && !t.firing)
            consider(t.due);
    if (!next)
        return nullptr;
    const auto ns = std::max<qint64>(0, (*next - now).count());
    storage.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
    storage.tv_nsec = static_cast<long>(ns % 1'000'000'000);
    return &storage;
}

EpollDispatcher* EpollDispatcher::current()
{
    return qobject_cast<EpollDispatcher*>(QAbstractEventDispatcher::instance());
}

QString EpollDispatcher::watchDirect(DirectWatch& watch, int fd)
{
    if (watch.loop != nullptr)
        return QStringLiteral("this watch is on the direct lane already");
    if (findDirectWatch(fd) != nullptr || m_watches.contains(fd))
        return QStringLiteral("descriptor %1 is watched already").arg(fd);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = DirectTag | static_cast<quint32>(fd);
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0)
        return errnoText("epoll_ctl");
    m_directWatches.append(WatchSlot{fd, &watch});
    watch.loop = this;
    watch.fd = fd;
    return {};
}

void EpollDispatcher::unwatchDirect(DirectWatch& watch)
{
    if (watch.loop != this)
        return;
    watch.loop = nullptr;
    // By the watch, not its descriptor: closed first, its number may be watched again already.
    const auto slot = std::find_if(m_directWatches.begin(), m_directWatches.end(),
                                   [&watch](const WatchSlot& w) { return w.watch == &watch; });
    if (slot == m_directWatches.end())
        return;
    slot->watch = nullptr;
    // Closed first, the descriptor left epoll by itself; its number, watched again, is not ours.
    if (findDirectWatch(watch.fd) == nullptr && !m_watches.contains(watch.fd)) {
        epoll_event ev{};
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, watch.fd, &ev);
    }
    m_directEmptied = true;
    closeUpDirect();
}

BATON_HOT EpollDispatcher::WatchSlot* EpollDispatcher::findDirectWatch(int fd)
{
    // The descriptors lie in the list itself: a lookup reads no watch but the one it finds.
    for (WatchSlot& w : m_directWatches)
        if (w.fd == fd && w.watch != nullptr)
            return &w;
    return nullptr;
}

void EpollDispatcher::addDirectTimer(DirectTimer& timer)
{
    if (timer.loop != nullptr)
        return;
    timer.slot = static_cast<int>(m_directTimers.size());
    timer.loop = this;
    m_directTimers.append(TimerSlot{&timer});
}

BATON_HOT void EpollDispatcher::armDirectTimer(const DirectTimer& timer, Clock::time_point due)
{
    if (timer.loop != this)
        return;
    TimerSlot& slot = m_directTimers[timer.slot];
    slot.due = due;
    slot.armed = true;
}

void EpollDispatcher::disarmDirectTimer(const DirectTimer& timer)
{
    if (timer.loop == this)
        m_directTimers[timer.slot].armed = false;
}

void EpollDispatcher::removeDirectTimer(DirectTimer& timer)
{
    if (timer.loop != this)
        return;
    TimerSlot& slot = m_directTimers[timer.slot];
    slot.timer = nullptr;
    slot.armed = false;
    timer.loop = nullptr;
    m_directEmptied = true;
    closeUpDirect();
}

void EpollDispatcher::closeUpDirect()
{
    // Not while a call of the lane runs (here or in an outer loop): its slot must stay put.
    if (m_directCalls > 0 || !m_directEmptied)
        return;
    m_directEmptied = false;
    m_directWatches.removeIf([](const WatchSlot& w) { return w.watch == nullptr; });
    m_directTimers.removeIf([](const TimerSlot& t) { return t.timer == nullptr; });
    for (qsizetype i = 0; i < m_directTimers.size(); ++i)
        m_directTimers[i].timer->slot = static_cast<int>(i);
}

BATON_HOT bool EpollDispatcher::activateDirect(const epoll_event* events, int count)
{
    bool any = false;
    ++m_directCalls;
    for (int i = 0; i < count; ++i) {
        if ((events[i].data.u64 & DirectTag) == 0)
            continue;
        // Looked up again each time: a handler may unwatch any of them, itself included.
        const int fd = static_cast<int>(events[i].data.u64 & 0xFFFFFFFFU);
        WatchSlot* slot = findDirectWatch(fd);
        if (slot == nullptr || slot->firing)
            continue;
        const qsizetype at = slot - m_directWatches.data();
        slot->firing = true;
        slot->watch->onReadable(); // may watch more (the list may move) or unwatch any
        m_directWatches[at].firing = false;
        any = true;
    }
    --m_directCalls;
    closeUpDirect();
    return any;
}

BATON_HOT bool EpollDispatcher::activateDirectTimers(Clock::time_point now)
{
    bool any = false;
    ++m_directCalls;
    // By index: a handler may add (the list may move), arm or remove timers, its own included;
    // a removed one's slot is emptied, not erased, until the calls are over.
    for (qsizetype i = 0; i < m_directTimers.size(); ++i) {
        TimerSlot& slot = m_directTimers[i];
        if (slot.timer == nullptr || !slot.armed || slot.firing || slot.due > now)
            continue;
        slot.armed = false;
        slot.firing = true;
        slot.timer->onDue();
        m_directTimers[i].firing = false;
        any = true;
    }
    --m_directCalls;
    closeUpDirect();
    return any;
}

} // namespace baton
