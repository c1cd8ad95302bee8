// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProbeHistory.h"

#include <algorithm>

namespace baton {

ProbeHistory::ProbeHistory(qint64 windowMs, qsizetype capacity)
    : m_windowMs(std::max<qint64>(windowMs, 1))
    , m_capacity(std::max<qsizetype>(capacity, 1))
{
}

void ProbeHistory::sent(quint16 sequence, qint64 sentMs)
{
    insert({ProbeSample{sequence, sentMs, std::nullopt}, true});
}

bool ProbeHistory::answered(quint16 sequence, qint64 rttMicros)
{
    return finish(sequence, rttMicros);
}

bool ProbeHistory::lost(quint16 sequence)
{
    return finish(sequence, std::nullopt);
}

void ProbeHistory::add(const ProbeSample& sample)
{
    // The in-flight entry goes and the sample takes the place its own send time gives it.
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->inFlight && it->sample.sequence == sample.sequence) {
            m_entries.erase(std::next(it).base());
            break;
        }
    }
    insert({sample, false});
}

void ProbeHistory::clear()
{
    m_entries.clear();
}

ProbeHistory::State ProbeHistory::state() const
{
    int lostInRow = 0;
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->inFlight)
            continue;
        if (it->sample.answered())
            return lostInRow >= DownAfterLost ? State::Down : State::Up;
        ++lostInRow;
    }
    return lostInRow >= DownAfterLost ? State::Down : State::Unknown;
}

int ProbeHistory::consecutiveLost() const
{
    int lostInRow = 0;
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->inFlight)
            continue;
        if (it->sample.answered())
            break;
        ++lostInRow;
    }
    return lostInRow;
}

std::optional<qint64> ProbeHistory::lastRttMicros() const
{
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (!it->inFlight && it->sample.answered())
            return it->sample.rttMicros;
    }
    return std::nullopt;
}

LossCount ProbeHistory::loss() const
{
    LossCount count;
    for (const Entry& e : m_entries) {
        if (e.inFlight)
            continue;
        ++count.total;
        if (!e.sample.answered())
            ++count.lost;
    }
    return count;
}

QList<ProbeSample> ProbeHistory::samples() const
{
    QList<ProbeSample> result;
    result.reserve(static_cast<qsizetype>(m_entries.size()));
    for (const Entry& e : m_entries) {
        if (!e.inFlight)
            result.append(e.sample);
    }
    return result;
}

qsizetype ProbeHistory::inFlight() const
{
    return std::count_if(m_entries.begin(), m_entries.end(), [](const Entry& e) { return e.inFlight; });
}

void ProbeHistory::insert(const Entry& entry)
{
    // Nearly always the newest: search from the back. Equal send times keep arrival order.
    auto it = m_entries.end();
    while (it != m_entries.begin() && std::prev(it)->sample.sentMs > entry.sample.sentMs)
        --it;
    m_entries.insert(it, entry);
    trim();
}

bool ProbeHistory::finish(quint16 sequence, std::optional<qint64> rttMicros)
{
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->inFlight && it->sample.sequence == sequence) {
            it->sample.rttMicros = rttMicros;
            it->inFlight = false;
            return true;
        }
    }
    return false;
}

void ProbeHistory::trim()
{
    const qint64 oldestKept = m_entries.back().sample.sentMs - m_windowMs;
    while (!m_entries.empty() && m_entries.front().sample.sentMs <= oldestKept)
        m_entries.pop_front();
    while (static_cast<qsizetype>(m_entries.size()) > m_capacity)
        m_entries.pop_front();
}

} // namespace baton
