// SPDX-License-Identifier: GPL-3.0-or-later
#include "CounterMemory.h"

#include "util/HotPath.h"

namespace baton {

namespace {
qsizetype tableSizeFor(qsizetype capacity)
{
    // A power of two at least twice the capacity keeps probe chains short (load <= 0.5).
    qsizetype size = 16;
    while (size < 2 * capacity)
        size *= 2;
    return size;
}
} // namespace

CounterMemory::CounterMemory(qsizetype capacity)
    : m_ring(static_cast<size_t>(std::max<qsizetype>(capacity, 1)))
    , m_tableMemory(static_cast<size_t>(tableSizeFor(std::max<qsizetype>(capacity, 1))) * sizeof(quint64))
    , m_table(static_cast<quint64*>(m_tableMemory.data()), m_tableMemory.size() / sizeof(quint64))
{
}

BATON_HOT qsizetype CounterMemory::slotOf(quint64 counter) const
{
    // Counters are random or consecutive: a multiplicative hash spreads both over the table.
    const quint64 h = counter * 0x9E3779B97F4A7C15ULL;
    return static_cast<qsizetype>(h >> 32) & static_cast<qsizetype>(m_table.size() - 1);
}

BATON_HOT qsizetype CounterMemory::find(quint64 counter) const
{
    const qsizetype mask = static_cast<qsizetype>(m_table.size() - 1);
    for (qsizetype slot = slotOf(counter);; slot = (slot + 1) & mask) {
        const quint64 entry = m_table[static_cast<size_t>(slot)];
        if (entry == counter)
            return slot;
        if (entry == 0)
            return -1;
    }
}

BATON_HOT void CounterMemory::prefetch(quint64 counter) const
{
    __builtin_prefetch(&m_table[static_cast<size_t>(slotOf(counter))]);
    const qsizetype capacity = this->capacity();
    const qsizetype next = m_size < capacity ? (m_head + m_size) % capacity : m_head;
    __builtin_prefetch(&m_ring[static_cast<size_t>(next)], 1);
}

BATON_HOT bool CounterMemory::contains(quint64 counter) const
{
    return counter == 0 ? m_zeroKnown : find(counter) >= 0;
}

BATON_HOT void CounterMemory::erase(quint64 counter)
{
    if (counter == 0) {
        m_zeroKnown = false;
        return;
    }
    qsizetype hole = find(counter);
    if (hole < 0)
        return;
    // Backward-shift deletion: move later members of the probe chain into the hole, so lookups
    // never need tombstones.
    const qsizetype mask = static_cast<qsizetype>(m_table.size() - 1);
    m_table[static_cast<size_t>(hole)] = 0;
    for (qsizetype slot = (hole + 1) & mask;; slot = (slot + 1) & mask) {
        const quint64 entry = m_table[static_cast<size_t>(slot)];
        if (entry == 0)
            return;
        const qsizetype home = slotOf(entry);
        // The entry may fill the hole only if its home is not cyclically in (hole, slot].
        const bool homeBetween = hole <= slot ? (home > hole && home <= slot) : (home > hole || home <= slot);
        if (homeBetween)
            continue;
        m_table[static_cast<size_t>(hole)] = entry;
        m_table[static_cast<size_t>(slot)] = 0;
        hole = slot;
    }
}

BATON_HOT bool CounterMemory::insert(quint64 counter)
{
    if (contains(counter))
        return false;
    const qsizetype capacity = this->capacity();
    qsizetype index = 0;
    if (m_size < capacity) {
        index = (m_head + m_size) % capacity;
        ++m_size;
    } else {
        erase(m_ring[static_cast<size_t>(m_head)]);
        index = m_head;
        m_head = (m_head + 1) % capacity;
    }
    m_ring[static_cast<size_t>(index)] = counter;
    if (counter == 0) {
        m_zeroKnown = true;
    } else {
        const qsizetype mask = static_cast<qsizetype>(m_table.size() - 1);
        qsizetype slot = slotOf(counter);
        while (m_table[static_cast<size_t>(slot)] != 0)
            slot = (slot + 1) & mask;
        m_table[static_cast<size_t>(slot)] = counter;
    }
    ++m_insertions;
    return true;
}

std::vector<quint64> CounterMemory::newestSince(quint64 insertionMark) const
{
    const quint64 fresh =
        std::min<quint64>(m_insertions - std::min(insertionMark, m_insertions), static_cast<quint64>(m_size));
    std::vector<quint64> out;
    out.reserve(static_cast<size_t>(fresh));
    for (qsizetype i = m_size - static_cast<qsizetype>(fresh); i < m_size; ++i)
        out.push_back(m_ring[static_cast<size_t>((m_head + i) % capacity())]);
    return out;
}

std::vector<quint64> CounterMemory::ordered() const
{
    std::vector<quint64> out;
    out.reserve(static_cast<size_t>(m_size));
    for (qsizetype i = 0; i < m_size; ++i)
        out.push_back(m_ring[static_cast<size_t>((m_head + i) % capacity())]);
    return out;
}

} // namespace baton
