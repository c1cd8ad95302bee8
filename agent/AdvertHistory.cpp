// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdvertHistory.h"

#include "carp/AdvertGuard.h"
#include "carp/CarpReject.h"
#include "net/Ipv4.h"

namespace baton {

void AdvertHistory::record(const Entry& entry)
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
    {
        // Only the copy happens under the lock; the text is made after it is released.
        QMutexLocker lock(&m_mutex);
        copy.reserve(static_cast<std::size_t>(m_count));
        for (qsizetype i = 0; i < m_count; ++i)
            if (const Entry& e = m_ring[static_cast<std::size_t>((m_first + i) % Capacity)]; e.timeMs >= from)
                copy.push_back(e);
    }
    QList<AdvertRecord> out;
    out.reserve(static_cast<qsizetype>(copy.size()));
    for (const Entry& e : copy)
        out << AdvertRecord{e.timeMs,    e.verdict == Verdict::Sent || e.verdict == Verdict::SendFailed,
                            e.interface, Ipv4::toString(e.source),
                            e.vhid,      e.advbase,
                            e.advskew,   e.demote,
                            e.counter,   verdictText(e.verdict, e.detail)};
    return out;
}

} // namespace baton
