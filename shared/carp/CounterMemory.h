// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/HugePageBuffer.h"

#include <QtGlobal>

#include <span>
#include <vector>

namespace baton {

// The CARP counters this agent has seen, received or sent, so that a captured advert replayed
// later is recognised: every advert carries a fresh 64-bit counter (random from batond, random or
// the peer's + 1 from ucarp), so a counter seen twice is a replay (or a network loop). A fixed
// number of the most recent ones are kept, oldest forgotten first: the memory and the time a
// replay is recognised for are both bounded and known (capacity / advert rate). No I/O; the agent
// saves and reloads it (CounterJournal) so a restart does not open the door.
class CounterMemory
{
public:
    static constexpr qsizetype DefaultCapacity = qsizetype{1} << 17;

    explicit CounterMemory(qsizetype capacity = DefaultCapacity);

    bool contains(quint64 counter) const;
    // Starts fetching the lines a lookup and an insertion of `counter` will read: the table's
    // line is a cache miss on every advert, which the HMAC check can hide if asked first.
    void prefetch(quint64 counter) const;
    // Remembers the counter (forgetting the oldest when full); false if it was already known.
    bool insert(quint64 counter);
    qsizetype size() const { return m_size; }
    qsizetype capacity() const { return static_cast<qsizetype>(m_ring.size()); }
    // Oldest first, as a journal is rewritten.
    std::vector<quint64> ordered() const;
    // Insertions since this object was made: a journal notes where it stopped, then asks for what
    // came after (newestSince), so remembering a counter costs the CARP loop no I/O.
    quint64 insertions() const { return m_insertions; }
    std::vector<quint64> newestSince(quint64 insertionMark) const;

private:
    qsizetype slotOf(quint64 counter) const;
    qsizetype find(quint64 counter) const; // table slot holding a non-zero counter, or -1
    void erase(quint64 counter);

    // The table holds the counters themselves, not indexes into the ring: a lookup then touches
    // one line of a table far larger than the caches, not a second one in the ring as well. It is
    // read at a random place per advert, so it lies on a huge page where it can (HugePageBuffer).
    std::vector<quint64> m_ring; // the counters, in arrival order from m_head
    HugePageBuffer m_tableMemory;
    std::span<quint64> m_table; // open addressing, linear probing; 0 = empty
    bool m_zeroKnown = false;   // counter 0, which the table cannot hold
    qsizetype m_head = 0;       // the oldest entry (when full), the next to be overwritten
    qsizetype m_size = 0;
    quint64 m_insertions = 0;
};

} // namespace baton
