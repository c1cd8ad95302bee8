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
    m_entries.push_back(entry);
    while (!m_entries.empty() &&
           (static_cast<qsizetype>(m_entries.size()) > Capacity || m_entries.front().timeMs < oldest))
        m_entries.pop_front();
}

qsizetype AdvertHistory::size() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<qsizetype>(m_entries.size());
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
        auto first = std::find_if(m_entries.begin(), m_entries.end(),
                                  [from](const Entry& e) { return e.timeMs >= from; });
        copy.assign(first, m_entries.end());
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
