// SPDX-License-Identifier: GPL-3.0-or-later
// The whole test runs on EpollDispatcher, installed for the main thread as batond does: QtTest's
// own waiting, QProcess and QTimer go through it too.
#include "DeadlineTimer.h"
#include "EpollDispatcher.h"
#include "ReadWatch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <memory>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace baton;
using namespace std::chrono_literals;

namespace {
// Runs the loop for `ms`, as batond's main loop runs (exec), not QTest's processEvents calls.
void runLoop(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

TimePoint steadyNow()
{
    return std::chrono::duration_cast<Micros>(std::chrono::steady_clock::now().time_since_epoch());
}

class TickCounter : public QObject
{
public:
    int ticks = 0;
    int depth = 0;
    int deepest = 0;
    std::function<void()> onTick;

protected:
    void timerEvent(QTimerEvent*) override
    {
        ++ticks;
        ++depth;
        deepest = std::max(deepest, depth);
        if (onTick)
            onTick();
        --depth;
    }
};

struct SocketPair
{
    int fd[2] = {-1, -1};
    SocketPair() { socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fd); }
    ~SocketPair()
    {
        ::close(fd[0]);
        ::close(fd[1]);
    }
    void send(int side) const { QCOMPARE(::write(fd[side], "x", 1), ssize_t(1)); }
    bool readable(int side) const
    {
        pollfd p{fd[side], POLLIN, 0};
        return ::poll(&p, 1, 0) == 1;
    }
    void drain(int side) const
    {
        char buffer[64];
        while (::read(fd[side], buffer, sizeof buffer) > 0) {
        }
    }
};
} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT
    // A coarse single-shot timer of `coarseMs` and a precise one of `preciseMs` (earlier): how many
    // wake-ups of the loop came between the precise one's round and the coarse one's (0: the same
    // round). Fails if the coarse one fired more than 5 % early.
    int coarseRound(int coarseMs, int preciseMs)
    {
        int rounds = 0;
        int preciseRound = -1;
        int coarseFiredIn = -1;
        QElapsedTimer clock;
        const auto c = connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::awake, this,
                               [&rounds] { ++rounds; });
        clock.start();
        QTimer::singleShot(preciseMs, Qt::PreciseTimer, this, [&] { preciseRound = rounds; });
        qint64 coarseAt = -1;
        QTimer::singleShot(coarseMs, Qt::CoarseTimer, this, [&] {
            coarseFiredIn = rounds;
            coarseAt = clock.elapsed();
        });
        runLoop(coarseMs + 200);
        disconnect(c);
        if (preciseRound < 0 || coarseFiredIn < 0)
            return -1000; // one of them never fired
        if (coarseAt < coarseMs - coarseMs / 20)
            return -2000; // earlier than its slack
        return coarseFiredIn - preciseRound;
    }

private Q_SLOTS:
    void installedForTheMainThread()
    {
        auto* dispatcher = qobject_cast<EpollDispatcher*>(QAbstractEventDispatcher::instance());
        QVERIFY(dispatcher != nullptr);
        QVERIFY2(dispatcher->error().isEmpty(), qPrintable(dispatcher->error()));
    }

    void timersFireInOrderAndNeverEarly()
    {
        QElapsedTimer clock;
        clock.start();
        QList<int> order;
        QList<qint64> at;
        for (const int ms : {30, 10, 20})
            QTimer::singleShot(ms, Qt::PreciseTimer, this, [&, ms] {
                order << ms;
                at << clock.nsecsElapsed();
            });
        runLoop(200);
        QCOMPARE(order, (QList<int>{10, 20, 30}));
        for (int i = 0; i < order.size(); ++i)
            QVERIFY2(at[i] >= order[i] * 1'000'000LL, qPrintable(QString::number(at[i])));
    }

    // A coarse timer (Qt's default above 20 ms) may fire up to 5 % of its interval early in a round
    // something else woke, sparing a wake-up of its own; earlier than that, never.
    void coarseTimerRidesAWakeUpWithinItsSlack()
    {
        QCOMPARE(coarseRound(2000, 1950), 0); // 50 ms before: inside the 100 ms it may be early
    }

    void coarseTimerNeverFiresBeforeItsSlack()
    {
        QVERIFY(coarseRound(2000, 1500) > 0); // 500 ms before: the coarse one waits for its own
    }

    void repeatingTimerStopsWhenKilled()
    {
        TickCounter counter;
        const int id = counter.startTimer(5ms);
        QTRY_VERIFY_WITH_TIMEOUT(counter.ticks >= 5, 5000);
        counter.killTimer(id);
        const int ticks = counter.ticks;
        runLoop(50);
        QCOMPARE(counter.ticks, ticks);
    }

    void remainingTime()
    {
        QTimer timer;
        timer.start(10s);
        QVERIFY(timer.remainingTime() > 9000);
        QVERIFY(timer.remainingTime() <= 10000);
        timer.stop();
        QCOMPARE(timer.remainingTime(), -1);
        QCOMPARE(QAbstractEventDispatcher::instance()->remainingTime(123456), -1);
    }

    void registeredTimersAreListed()
    {
        QObject owner;
        const int a = owner.startTimer(1s);
        const int b = owner.startTimer(2s, Qt::CoarseTimer);
        const auto list = QAbstractEventDispatcher::instance()->registeredTimers(&owner);
        QCOMPARE(list.size(), 2);
        QVERIFY(QAbstractEventDispatcher::instance()->unregisterTimers(&owner));
        QVERIFY(QAbstractEventDispatcher::instance()->registeredTimers(&owner).isEmpty());
        QVERIFY(!QAbstractEventDispatcher::instance()->unregisterTimer(a));
        QVERIFY(!QAbstractEventDispatcher::instance()->unregisterTimer(b));
    }

    void zeroTimerDoesNotStarveTheOthers()
    {
        int spins = 0;
        QTimer zero;
        connect(&zero, &QTimer::timeout, this, [&spins] { ++spins; });
        zero.start(0);
        bool fired = false;
        QTimer::singleShot(20, this, [&fired] { fired = true; });
        runLoop(100);
        zero.stop();
        QVERIFY(fired);
        QVERIFY(spins > 10);
    }

    void timerNeverReentersItsOwnEvent()
    {
        // Its handler runs a nested loop longer than its interval: Qt's rule is no second event
        // for the same timer until the first returns.
        TickCounter counter;
        counter.onTick = [&counter] {
            if (counter.ticks == 1)
                runLoop(40);
        };
        const int id = counter.startTimer(2ms, Qt::PreciseTimer);
        QTRY_VERIFY_WITH_TIMEOUT(counter.ticks >= 3, 5000);
        counter.killTimer(id);
        QCOMPARE(counter.deepest, 1);
    }

    void readAndWriteNotifiersOnOneDescriptor()
    {
        SocketPair pair;
        QSocketNotifier read(pair.fd[0], QSocketNotifier::Read);
        QSocketNotifier write(pair.fd[0], QSocketNotifier::Write);
        int reads = 0;
        int writes = 0;
        connect(&write, &QSocketNotifier::activated, this, [&] {
            ++writes;
            write.setEnabled(false); // level-triggered: it would fire on every round otherwise
        });
        connect(&read, &QSocketNotifier::activated, this, [&] {
            ++reads;
            pair.drain(0);
        });
        runLoop(30);
        QCOMPARE(writes, 1);
        QCOMPARE(reads, 0);
        pair.send(1);
        QTRY_COMPARE_WITH_TIMEOUT(reads, 1, 5000);
        runLoop(30);
        QCOMPARE(reads, 1); // drained: no more
        read.setEnabled(false);
        pair.send(1);
        runLoop(30);
        QCOMPARE(reads, 1);
        read.setEnabled(true);
        QTRY_COMPARE_WITH_TIMEOUT(reads, 2, 5000);
        write.setEnabled(true);
        QTRY_COMPARE_WITH_TIMEOUT(writes, 2, 5000);
    }

    void notifierDeletedByAnEarlierHandlerIsNotActivated()
    {
        SocketPair one;
        SocketPair two;
        auto* first = new QSocketNotifier(one.fd[0], QSocketNotifier::Read);
        auto* second = new QSocketNotifier(two.fd[0], QSocketNotifier::Read);
        QPointer<QSocketNotifier> a(first);
        QPointer<QSocketNotifier> b(second);
        int activations = 0;
        // Whichever runs first deletes the other, which must then not be activated.
        connect(first, &QSocketNotifier::activated, this, [&] {
            ++activations;
            delete b.data();
            one.drain(0);
        });
        connect(second, &QSocketNotifier::activated, this, [&] {
            ++activations;
            delete a.data();
            two.drain(0);
        });
        one.send(1);
        two.send(1);
        runLoop(50);
        QCOMPARE(activations, 1);
        delete a.data();
        delete b.data();
    }

    void postedEventFromAnotherThreadWakesTheLoop()
    {
        QEventLoop loop;
        QElapsedTimer clock;
        QTimer::singleShot(5000, &loop, &QEventLoop::quit); // only if the wake-up is lost
        std::thread poster([&loop] {
            std::this_thread::sleep_for(50ms);
            QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
        });
        clock.start();
        loop.exec();
        poster.join();
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
    }

    void interruptFromAnotherThreadReturnsAtOnce()
    {
        QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance();
        QTimer backstop; // only if the interrupt is lost
        backstop.start(5000);
        QElapsedTimer clock;
        std::thread interrupter([dispatcher] {
            std::this_thread::sleep_for(50ms);
            dispatcher->interrupt();
        });
        clock.start();
        dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
        interrupter.join();
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
    }

    void processFinishedIsDelivered()
    {
        // QProcess (the hook runner) learns of the exit through a descriptor of its own.
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("exit 3")});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(process.exitCode(), 3);
    }

    void deferredDeleteRuns()
    {
        QPointer<QObject> object(new QObject);
        object->deleteLater();
        runLoop(20);
        QVERIFY(object.isNull());
    }

    void deferredDeleteLeftByANestedLoopRuns()
    {
        // A nested loop cannot delete what its caller's level asked to delete later: Qt puts the
        // event back without a wakeUp(), so the outer loop must look at the queue again.
        QPointer<QObject> object(new QObject);
        QTimer::singleShot(0, this, [&object] {
            object->deleteLater();
            runLoop(10);
            QVERIFY(!object.isNull());
        });
        runLoop(60);
        QVERIFY(object.isNull());
    }

    void postedFromTheDirectLaneIsSent()
    {
        // Rounds of the direct lane alone skip Qt's posted-event queue; a post must still wake it.
        bool sent = false;
        DeadlineTimer timer([this, &sent] {
            QMetaObject::invokeMethod(
                this, [&sent] { sent = true; }, Qt::QueuedConnection);
        });
        timer.start(steadyNow() + Micros(2'000));
        QTRY_VERIFY_WITH_TIMEOUT(sent, 1000);
    }

    void regularFileIsAlwaysReadable()
    {
        // epoll refuses regular files; poll() calls them ready, and so must this loop.
        QTemporaryFile file;
        QVERIFY(file.open());
        QSocketNotifier read(file.handle(), QSocketNotifier::Read);
        int reads = 0;
        connect(&read, &QSocketNotifier::activated, this, [&] {
            if (++reads == 3)
                read.setEnabled(false);
        });
        QTRY_COMPARE_WITH_TIMEOUT(reads, 3, 5000);
        bool fired = false;
        QTimer::singleShot(20, this, [&fired] { fired = true; }); // and the loop sleeps again after
        runLoop(60);
        QVERIFY(fired);
        QCOMPARE(reads, 3);
    }

    void awakeAndAboutToBlockReachListeners()
    {
        // Emitted only when connected (a saving per wake-up), so they must still reach a listener.
        auto* dispatcher = QAbstractEventDispatcher::instance();
        int awake = 0;
        int blocking = 0;
        const auto a = connect(dispatcher, &QAbstractEventDispatcher::awake, this, [&awake] { ++awake; });
        const auto b =
            connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, [&blocking] { ++blocking; });
        runLoop(30);
        disconnect(a);
        disconnect(b);
        QVERIFY(awake > 0);
        QVERIFY(blocking > 0);
        // Counted on connect and disconnect: a listener that comes back hears them again.
        awake = 0;
        const auto c = connect(dispatcher, &QAbstractEventDispatcher::awake, this, [&awake] { ++awake; });
        runLoop(30);
        disconnect(c);
        QVERIFY(awake > 0);
    }

    // The direct lane (ReadWatch, DeadlineTimer): what batond's adverts run on.
    void directWatchIsCalledWhileReadable()
    {
        SocketPair pair;
        int calls = 0;
        bool drain = false;
        ReadWatch watch(pair.fd[0], [&] {
            ++calls;
            if (drain)
                pair.drain(0);
        });
        QVERIFY(watch.direct());
        runLoop(20);
        QCOMPARE(calls, 0);
        pair.send(1);
        runLoop(20);
        QVERIFY2(calls > 1, "level-triggered: called again while the byte is there");
        drain = true;
        QTRY_VERIFY_WITH_TIMEOUT(!pair.readable(0), 1000);
        const int drained = calls;
        runLoop(20);
        QCOMPARE(calls, drained);
        pair.send(1);
        QTRY_COMPARE_WITH_TIMEOUT(calls, drained + 1, 1000);
    }

    void directWatchRemovedInItsOwnCall()
    {
        SocketPair pair;
        int calls = 0;
        std::unique_ptr<ReadWatch> watch;
        watch = std::make_unique<ReadWatch>(pair.fd[0], [&] {
            ++calls;
            watch.reset();
        });
        pair.send(1);
        runLoop(30);
        QCOMPARE(calls, 1);
        QVERIFY(!watch);
    }

    void directRoundsStayInOneCallOfTheLoop()
    {
        // exec() calls back only to look for exit(), which interrupts the dispatcher: rounds of
        // the direct lane alone are served within one call, and the interrupt ends it.
        QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance();
        SocketPair pair;
        int calls = 0;
        ReadWatch watch(pair.fd[0], [&] {
            if (++calls == 5)
                dispatcher->interrupt();
        });
        // What earlier tests left (a posted event's wake-up) is served first: it would end a round.
        for (int i = 0; i < 100 && dispatcher->processEvents(QEventLoop::AllEvents); ++i) {
        }
        pair.send(1);    // never drained: readable in every round
        QTimer backstop; // only if the interrupt is lost
        backstop.start(5000);
        dispatcher->processEvents(QEventLoop::WaitForMoreEvents | QEventLoop::EventLoopExec);
        QCOMPARE(calls, 5);
        // Without EventLoopExec (QCoreApplication::processEvents) one round, one return.
        dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
        QCOMPARE(calls, 6);
    }

    void exitFromTheDirectLaneEndsExec()
    {
        SocketPair pair;
        QEventLoop loop;
        int calls = 0;
        ReadWatch watch(pair.fd[0], [&] {
            if (++calls == 3)
                loop.exit(7);
        });
        DeadlineTimer backstop([&loop] { loop.exit(-1); }); // only if the exit is lost
        backstop.start(steadyNow() + Micros(5'000'000));
        pair.send(1);
        QCOMPARE(loop.exec(), 7);
        QCOMPARE(calls, 3);
    }

    void quitPostedFromAnotherThreadEndsBusyDirectRounds()
    {
        // Every round serves the direct lane (a descriptor always readable): a quit posted from
        // another thread still gets through, and a QTimer still fires between those rounds.
        SocketPair pair;
        int calls = 0;
        ReadWatch watch(pair.fd[0], [&calls] { ++calls; });
        pair.send(1);
        QEventLoop loop;
        bool timerFired = false;
        QTimer::singleShot(20, Qt::PreciseTimer, this, [&timerFired] { timerFired = true; });
        QTimer::singleShot(5000, &loop, [&loop] { loop.exit(-1); }); // only if the quit is lost
        std::thread poster([&loop] {
            std::this_thread::sleep_for(100ms);
            QMetaObject::invokeMethod(
                &loop, [&loop] { loop.exit(3); }, Qt::QueuedConnection);
        });
        QElapsedTimer clock;
        clock.start();
        const int code = loop.exec();
        poster.join();
        QCOMPARE(code, 3);
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(timerFired);
        QVERIFY(calls > 10);
    }

    void secondWatchOfADescriptorIsRefused()
    {
        SocketPair pair;
        int first = 0;
        int second = 0;
        ReadWatch a(pair.fd[0], [&] {
            ++first;
            pair.drain(0);
        });
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("watched already")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("direct lane")));
        ReadWatch b(pair.fd[0], [&] { ++second; });
        QVERIFY(a.direct());
        QVERIFY(!b.direct());
        pair.send(1);
        QTRY_COMPARE_WITH_TIMEOUT(first, 1, 1000);
        runLoop(20);
        QCOMPARE(second, 0);
    }

    void deadlineFiresOnceAndNeverEarly()
    {
        int fired = 0;
        TimePoint at{};
        TimePoint loopNow{};
        std::unique_ptr<DeadlineTimer> timer;
        timer = std::make_unique<DeadlineTimer>([&] {
            ++fired;
            at = steadyNow();
            loopNow = timer->now(); // the loop's reading for this wake-up
        });
        QVERIFY(timer->direct());
        const TimePoint due = steadyNow() + Micros(15'500);
        timer->start(due);
        runLoop(80);
        QCOMPARE(fired, 1);
        QVERIFY2(at >= due, qPrintable(QString::number((at - due).count())));
        QVERIFY(loopNow >= due);
        QVERIFY(loopNow <= at);
    }

    void deadlineOnTimeAfterTheLoopWasLeft()
    {
        // The loop reuses a round's clock reading for the next wait when nothing ran since; a loop
        // left and entered again later must read the clock afresh, or its first wait runs long.
        SocketPair pair;
        QEventLoop loop;
        ReadWatch watch(pair.fd[0], [&] {
            pair.drain(0);
            loop.quit(); // before the round reads the clock; no other handler runs after it
        });
        pair.send(1);
        QTimer::singleShot(2000, &loop, &QEventLoop::quit);
        loop.exec();
        QThread::msleep(300);
        TimePoint at{};
        DeadlineTimer timer([&at] { at = steadyNow(); });
        const TimePoint due = steadyNow() + Micros(10'000);
        timer.start(due);
        runLoop(200);
        QVERIFY(at >= due);
        QVERIFY2(at - due < Micros(150'000), qPrintable(QString::number((at - due).count())));
    }

    void deadlineMovedAndStopped()
    {
        int fired = 0;
        TimePoint at{};
        DeadlineTimer timer([&] {
            ++fired;
            at = steadyNow();
        });
        timer.start(steadyNow() + Micros(5'000));
        const TimePoint later = steadyNow() + Micros(30'000);
        timer.start(later); // replaces the first deadline
        runLoop(60);
        QCOMPARE(fired, 1);
        QVERIFY(at >= later);
        timer.start(steadyNow() + Micros(5'000));
        timer.stop();
        runLoop(30);
        QCOMPARE(fired, 1);
    }

    void deadlinesAddedAndRemovedDuringARound()
    {
        // Two deadlines due in one round: the first one's call adds many more (the dispatcher's
        // list grows and moves) and deletes the second, which then never fires; the added ones do.
        int firstFired = 0;
        int secondFired = 0;
        int addedFired = 0;
        std::vector<std::unique_ptr<DeadlineTimer>> added;
        std::unique_ptr<DeadlineTimer> second;
        DeadlineTimer first([&] {
            ++firstFired;
            for (int i = 0; i < 40; ++i) {
                added.push_back(std::make_unique<DeadlineTimer>([&addedFired] { ++addedFired; }));
                added.back()->start(steadyNow() + Micros(3'000));
            }
            second.reset();
        });
        second = std::make_unique<DeadlineTimer>([&secondFired] { ++secondFired; });
        const TimePoint due = steadyNow() + Micros(2'000);
        first.start(due);
        second->start(due + Micros(1)); // after the first in the same round, if not sooner
        QThread::msleep(5);             // both are past due when the loop next looks
        QTRY_COMPARE_WITH_TIMEOUT(addedFired, 40, 1000);
        QCOMPARE(firstFired, 1);
        QCOMPARE(secondFired, 0);
        runLoop(20);
        QCOMPARE(firstFired, 1);
        QCOMPARE(addedFired, 40);
    }

    void deadlineRearmedOrDeletedInItsOwnCall()
    {
        int fired = 0;
        std::unique_ptr<DeadlineTimer> timer;
        timer = std::make_unique<DeadlineTimer>([&] {
            if (++fired < 3)
                timer->start(steadyNow() + Micros(2'000));
            else
                timer.reset();
        });
        timer->start(steadyNow());
        QTRY_VERIFY_WITH_TIMEOUT(!timer, 1000);
        runLoop(20);
        QCOMPARE(fired, 3);
    }

    void deadlineArmedAfterAnEarlierOneWasRemoved()
    {
        // The loop keeps each deadline in its own list, found by place: removing one closes the
        // list up, and those after it must still arm and fire their own, not a neighbour's.
        std::vector<int> order;
        auto first = std::make_unique<DeadlineTimer>([&order] { order.push_back(1); });
        DeadlineTimer second([&order] { order.push_back(2); });
        DeadlineTimer third([&order] { order.push_back(3); });
        first->start(steadyNow() + Micros(1'000'000));
        first.reset();
        // Deadlines a minute apart: a stall of the host before the loop runs cannot make both due.
        third.start(steadyNow() + Micros(2'000));
        second.start(steadyNow() + Micros(60'000'000));
        for (int i = 0; i < 100 && order.empty(); ++i)
            runLoop(20);
        runLoop(20);
        QCOMPARE(order, (std::vector<int>{3}));
        second.start(steadyNow() + Micros(1'000));
        third.stop();
        for (int i = 0; i < 100 && order.size() < 2; ++i)
            runLoop(20);
        runLoop(20);
        QCOMPARE(order, (std::vector<int>{3, 2}));
    }

    void ownersOutliveTheirLoop()
    {
        // A thread's loop goes with the thread; a deadline or a watch made on it and deleted later
        // (as the process ends) must neither call into the loop gone nor fire.
        auto thread = std::make_unique<QThread>();
        thread->setEventDispatcher(new EpollDispatcher);
        thread->start();
        QObject context;
        context.moveToThread(thread.get());
        SocketPair pair;
        std::unique_ptr<ReadWatch> watch;
        std::unique_ptr<DeadlineTimer> timer;
        std::atomic<int> calls{0};
        bool direct = false;
        QMetaObject::invokeMethod(
            &context,
            [&] {
                watch = std::make_unique<ReadWatch>(pair.fd[0], [&calls] { ++calls; });
                timer = std::make_unique<DeadlineTimer>([&calls] { ++calls; });
                direct = watch->direct() && timer->direct();
            },
            Qt::BlockingQueuedConnection);
        QVERIFY(direct);
        thread->quit();
        QVERIFY(thread->wait(5000));
        thread.reset(); // deletes its dispatcher
        QVERIFY(!watch->direct());
        QVERIFY(!timer->direct());
        timer->start(steadyNow()); // nowhere to go: ignored
        timer->stop();
        pair.send(1);
        watch.reset();
        timer.reset();
        QCOMPARE(calls.load(), 0);
    }

    void qtLoopGetsTheFallbacks()
    {
        // A thread on Qt's own loop: the same classes work there, on a QTimer and a notifier.
        QThread thread;
        thread.start();
        QObject context;
        context.moveToThread(&thread);
        SocketPair pair;
        std::atomic<int> reads{0};
        std::atomic<int> fired{0};
        std::atomic<bool> direct{true};
        std::unique_ptr<ReadWatch> watch;
        std::unique_ptr<DeadlineTimer> timer;
        QMetaObject::invokeMethod(
            &context,
            [&] {
                watch = std::make_unique<ReadWatch>(pair.fd[0], [&] {
                    ++reads;
                    pair.drain(0);
                });
                timer = std::make_unique<DeadlineTimer>([&] { ++fired; });
                direct = watch->direct() || timer->direct();
                timer->start(steadyNow() + Micros(10'000));
            },
            Qt::BlockingQueuedConnection);
        QVERIFY(!direct);
        pair.send(1);
        QTRY_COMPARE_WITH_TIMEOUT(reads.load(), 1, 1000);
        QTRY_COMPARE_WITH_TIMEOUT(fired.load(), 1, 1000);
        QMetaObject::invokeMethod(
            &context,
            [&] {
                watch.reset();
                timer.reset();
            },
            Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
};

int main(int argc, char** argv)
{
    QCoreApplication::setEventDispatcher(new EpollDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestEpollDispatcher.moc"
