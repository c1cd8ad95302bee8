// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdvertHistory.h"

#include "carp/AdvertGuard.h"
#include "carp/CarpReject.h"
#include "net/Ipv4.h"
#include "util/HotPath.h"

#include <limits>

namespace baton {

quint16 AdvertHistory::interfaceId(const QString& name)
{
    QMutexLocker lock(&m_mutex);
    qsizetype id = m_interfaces.indexOf(name);
    if (id < 0 && m_interfaces.size() <= std::numeric_limits<quint16>::max()) {
        id = m_interfaces.size();
        m_interfaces.append(name);
    }
    // Past 65,536 distinct names (configuration reloads, each naming new interfaces) the
    // newest are shown as the last one kept: a label in a history, never a decision.
    return static_cast<quint16>(id < 0 ? m_interfaces.size() - 1 : id);
}

BATON_HOT void AdvertHistory::prefetch() const
{
    // Without the lock: only the recording thread changes these, and it is the caller.
    if (m_ring.empty())
        return;
    __builtin_prefetch(&m_ring[static_cast<std::size_t>((m_first + m_count) % Capacity)], 1);
    __builtin_prefetch(&m_ring[static_cast<std::size_t>(m_first)]);
}

BATON_HOT void AdvertHistory::record(const Entry& entry)
{
    const qint64 oldest = entry.timeMs - KeepMs;
    QMutexLocker lock(&m_mutex);
    if (m_ring.empty())
        m_ring.resize(Capacity);
    if (m_count == Capacity) { // full: the oldest gives way
        m_first = (m_first + 1) % Capacity;
        --m_count;
    }
    m_ring[static_cast<std::size_t>((m_first + m_count) % Capacity)] = entry;
    ++m_count;
    while (m_count > 0 && m_ring[static_cast<std::size_t>(m_first)].timeMs < oldest) {
        m_first = (m_first + 1) % Capacity;
        --m_count;
    }
}

qsizetype AdvertHistory::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_count;
}

QString AdvertHistory::verdictText(Verdict verdict, quint8 detail)
{
    switch (verdict) {
    case Verdict::Accepted:
        return QStringLiteral("ok");
    case Verdict::Sent:
        return QStringLiteral("sent");
    case Verdict::SendFailed:
        return QStringLiteral("send-failed");
    case Verdict::Rejected:
        return QString(carpRejectCode(static_cast<CarpReject>(detail)));
    case Verdict::Ignored:
        return QStringLiteral("ignored-") + AdvertGuard::signCode(static_cast<AdvertGuard::Sign>(detail));
    }
    return QStringLiteral("?");
}

QList<AdvertRecord> AdvertHistory::since(qint64 nowMs, int seconds) const
{
    const qint64 from = nowMs - qint64{seconds} * 1000;
    std::vector<Entry> copy;
    QList<QString> interfaces;
    {
        // Only the copy happens under the lock; the text is made after it is released.
        QMutexLocker lock(&m_mutex);
        interfaces = m_interfaces; // shared, not copied
        copy.reserve(static_cast<std::size_t>(m_count));
        for (qsizetype i = 0; i < m_count; ++i)
            if (const Entry& e = m_ring[static_cast<std::size_t>((m_first + i) % Capacity)]; e.timeMs >= from)
                copy.push_back(e);
    }
    QList<AdvertRecord> out;
    out.reserve(static_cast<qsizetype>(copy.size()));
    for (const Entry& e : copy)
        out << AdvertRecord{e.timeMs,
                            e.verdict == Verdict::Sent || e.verdict == Verdict::SendFailed,
                            interfaces.value(e.interface),
                            Ipv4::toString(e.source),
                            e.vhid,
                            e.advbase,
                            e.advskew,
                            e.demote,
                            e.counter,
                            verdictText(e.verdict, e.detail)};
    return out;
}

} // namespace baton
