// SPDX-License-Identifier: GPL-3.0-or-later
// ArrivalClock: a packet's age by the kernel's wall-clock stamp carries over to the steady clock,
// but a wall clock that stepped never backdates an advert (a backup would take over from a live
// master), nor does a stamp older than the read that last emptied the queue.
#include "ArrivalClock.h"

#include <QTest>

using namespace baton;
using namespace std::chrono_literals;

namespace {
constexpr qint64 Wall = 1'800'000'000'000'000; // µs since the epoch
constexpr TimePoint Steady{5'000'000'000};     // 5000 s since boot
} // namespace

class TestArrivalClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ageCarriesOver()
    {
        ArrivalClock c;
        c.beginBatch(Wall, Steady);
        QCOMPARE(c.arrival(Wall - 2'500), Steady - 2'500us);
        QCOMPARE(c.arrival(Wall), Steady);
        // A stamp from the future or from long ago is no stamp at all.
        QCOMPARE(c.arrival(Wall + 10), Steady);
        QCOMPARE(c.arrival(Wall - 11'000'000), Steady);
    }

    void stepForwardBetweenStampAndRead()
    {
        // Read at 1 s, emptied; then the wall clock jumps 5 s ahead just after the kernel stamped
        // the next advert: by the stamps it would be 5 s old, older than any master-down.
        ArrivalClock c;
        c.beginBatch(Wall, Steady);
        c.drained();
        c.beginBatch(Wall + 1'000'000 + 5'000'000, Steady + 1s);
        QCOMPARE(c.arrival(Wall + 1'000'000 - 300), Steady + 1s);
        // The next batch, with no step in between, trusts its stamps again.
        c.drained();
        c.beginBatch(Wall + 7'000'000, Steady + 2s);
        QCOMPARE(c.arrival(Wall + 7'000'000 - 400), Steady + 2s - 400us);
    }

    void stepBackIsAlsoAStep()
    {
        ArrivalClock c;
        c.beginBatch(Wall, Steady);
        c.beginBatch(Wall - 3'600'000'000 + 1'000'000, Steady + 1s);
        QCOMPARE(c.arrival(Wall - 3'600'000'000 + 1'000'000 - 300), Steady + 1s);
    }

    void slewingIsNoStep()
    {
        // Both clocks slew alike; what differs is the stall between reading them (tolerated).
        ArrivalClock c;
        c.beginBatch(Wall, Steady);
        c.beginBatch(Wall + 1'000'000 + 900, Steady + 1s);
        QCOMPARE(c.arrival(Wall + 1'000'000 + 900 - 300), Steady + 1s - 300us);
        c.beginBatch(Wall + 2'000'000 + 900 + 1'100, Steady + 2s); // more than 1 ms: a step
        QCOMPARE(c.arrival(Wall + 2'000'000 + 2'000 - 300), Steady + 2s);
    }

    void neverBeforeTheQueueWasLastEmpty()
    {
        // A kernel and a process whose wall clocks disagree for good (the process's faked, or a
        // stamp gone wrong): no step is seen, but an advert still queued arrived after the read
        // that emptied the queue.
        ArrivalClock c;
        c.opened(Steady - 1s);
        c.beginBatch(Wall + 5'000'000, Steady);
        QCOMPARE(c.arrival(Wall), Steady); // the socket did not exist 5 s ago: read now
        QCOMPARE(c.arrival(Wall + 4'500'000), Steady - 500ms);
        c.drained();
        c.beginBatch(Wall + 6'000'000, Steady + 1s);
        QCOMPARE(c.arrival(Wall + 1'000'000), Steady + 1s);
        QCOMPARE(c.arrival(Wall + 5'500'000), Steady + 500ms);
        // Not emptied (a flood, read a batch at a time): the bound stays where it was.
        c.beginBatch(Wall + 6'000'100, Steady + 1s + 100us);
        QCOMPARE(c.arrival(Wall + 5'000'050), Steady + 50us);
        QCOMPARE(c.arrival(Wall + 5'000'000 - 50), Steady + 1s + 100us);
    }
};

QTEST_GUILESS_MAIN(TestArrivalClock)
#include "TestArrivalClock.moc"
