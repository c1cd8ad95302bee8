// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReportThrottle.h"

namespace baton {

ReportThrottle::ReportThrottle(Micros interval, qsizetype maxKeys)
    : m_interval(interval)
    , m_maxKeys(maxKeys)
{
}

ReportThrottle::Decision ReportThrottle::note(TimePoint now, quint64 key, quint64 overflowKey)
{
    // Spoofed sources must not grow the table (or the log) without bound.
    if (!m_entries.contains(key) && m_entries.size() >= m_maxKeys)
        key = overflowKey;
    auto it = m_entries.find(key);
    const bool first = it == m_entries.end();
    if (!first && now - it->lastReported < m_interval) {
        ++it->suppressed;
        return {};
    }
    const quint64 suppressed = first ? 0 : it->suppressed;
    m_entries.insert(key, Entry{now, 0});
    return Decision{true, suppressed, key == overflowKey};
}

} // namespace baton
