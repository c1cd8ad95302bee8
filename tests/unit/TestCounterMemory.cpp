// SPDX-License-Identifier: GPL-3.0-or-later
// The memory of advert counters (CounterMemory): what is seen stays seen until capacity pushes the
// oldest out, deletion inside the hash table keeps every other entry findable (checked against a
// plain model over many random operations), and a journal gets exactly what came after its mark.
#include "carp/CounterMemory.h"

#include <QRandomGenerator>
#include <QTest>

#include <deque>
#include <set>

using namespace baton;

class TestCounterMemory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void remembers();
    void forgetsOldestFirst();
    void consecutiveCounters();
    void matchesModel();
    void newestSince();
    void prefetchChangesNothing();
};

void TestCounterMemory::remembers()
{
    CounterMemory memory(8);
    QVERIFY(!memory.contains(42));
    QVERIFY(memory.insert(42));
    QVERIFY(memory.contains(42));
    QVERIFY(!memory.insert(42)); // already known: that is a replay
    QCOMPARE(memory.size(), qsizetype{1});
    QVERIFY(memory.insert(0)); // zero is a counter like any other
    QVERIFY(memory.contains(0));
    QVERIFY(memory.insert(~quint64{0}));
    QCOMPARE(memory.size(), qsizetype{3});
}

void TestCounterMemory::forgetsOldestFirst()
{
    CounterMemory memory(4);
    for (quint64 c : {10ULL, 20ULL, 30ULL, 40ULL})
        QVERIFY(memory.insert(c));
    QCOMPARE(memory.ordered(), (std::vector<quint64>{10, 20, 30, 40}));
    QVERIFY(memory.insert(50)); // 10 goes
    QVERIFY(!memory.contains(10));
    for (quint64 c : {20ULL, 30ULL, 40ULL, 50ULL})
        QVERIFY(memory.contains(c));
    QCOMPARE(memory.size(), qsizetype{4});
    QCOMPARE(memory.ordered(), (std::vector<quint64>{20, 30, 40, 50}));
    QVERIFY(memory.insert(10)); // forgotten, so new again
}

void TestCounterMemory::consecutiveCounters()
{
    // ucarp counts on from a peer's counter: long runs of neighbours must not cluster into misses.
    CounterMemory memory(1000);
    const quint64 base = 0xfffffffffffffe00ULL; // wraps past 2^64 - 1
    for (quint64 i = 0; i < 3000; ++i)
        QVERIFY(memory.insert(base + i));
    for (quint64 i = 2000; i < 3000; ++i)
        QVERIFY2(memory.contains(base + i), qPrintable(QString::number(i)));
    for (quint64 i = 0; i < 2000; ++i)
        QVERIFY(!memory.contains(base + i));
}

void TestCounterMemory::matchesModel()
{
    // Random inserts from a small range (so repeats and evictions both happen often), checked after
    // every step against a set plus a queue.
    QRandomGenerator random(20261201);
    CounterMemory memory(64);
    std::deque<quint64> order;
    std::set<quint64> present;
    for (int step = 0; step < 20000; ++step) {
        const quint64 c = random.bounded(200u);
        const bool fresh = !present.contains(c);
        QCOMPARE(memory.insert(c), fresh);
        if (fresh) {
            order.push_back(c);
            present.insert(c);
            if (order.size() > 64) {
                present.erase(order.front());
                order.pop_front();
            }
        }
        if (step % 97 == 0) {
            for (quint64 probe = 0; probe < 200; ++probe)
                QCOMPARE(memory.contains(probe), present.contains(probe));
            QCOMPARE(memory.ordered(), std::vector<quint64>(order.begin(), order.end()));
        }
    }
}

void TestCounterMemory::newestSince()
{
    CounterMemory memory(4);
    const quint64 start = memory.insertions();
    QVERIFY(memory.newestSince(start).empty());
    memory.insert(1);
    memory.insert(2);
    const quint64 mark = memory.insertions();
    memory.insert(2); // a repeat is not an insertion
    memory.insert(3);
    QCOMPARE(memory.newestSince(mark), std::vector<quint64>{3});
    QCOMPARE(memory.newestSince(start), (std::vector<quint64>{1, 2, 3}));
    for (quint64 c = 10; c < 20; ++c)
        memory.insert(c);
    // More came than memory holds: the journal gets what is still there, newest last.
    QCOMPARE(memory.newestSince(mark), (std::vector<quint64>{16, 17, 18, 19}));
}

void TestCounterMemory::prefetchChangesNothing()
{
    // A hint only, at every fill level (empty, partly full, full and wrapping): what is
    // remembered, and in which order, stays as it was.
    CounterMemory memory(8);
    for (quint64 c = 0; c < 20; ++c) {
        const std::vector<quint64> before = memory.ordered();
        memory.prefetch(c * 0x9E3779B97F4A7C15ULL);
        memory.prefetch(0);
        QCOMPARE(memory.ordered(), before);
        QCOMPARE(memory.contains(c + 1), false);
        QVERIFY(memory.insert(c + 1));
    }
    QCOMPARE(memory.size(), qsizetype{8});
}

QTEST_GUILESS_MAIN(TestCounterMemory)
#include "TestCounterMemory.moc"
