// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdvertHistory.h"

#include <QCborMap>

namespace baton {

void AdvertHistory::record(Entry entry)
{
    const qint64 oldest = entry.timeMs - KeepMs;
    m_entries.push_back(std::move(entry));
    while (!m_entries.empty() &&
           (static_cast<qsizetype>(m_entries.size()) > Capacity || m_entries.front().timeMs < oldest))
        m_entries.pop_front();
}

QCborArray AdvertHistory::since(qint64 nowMs, int seconds) const
{
    QCborArray out;
    const qint64 from = nowMs - qint64{seconds} * 1000;
    for (const Entry& e : m_entries) {
        if (e.timeMs < from)
            continue;
        QCborMap m;
        m[QLatin1StringView("time")] = e.timeMs;
        m[QLatin1StringView("sent")] = e.sent;
        m[QLatin1StringView("interface")] = e.interface;
        m[QLatin1StringView("source")] = e.source;
        m[QLatin1StringView("vhid")] = e.vhid;
        m[QLatin1StringView("advbase")] = e.advbase;
        m[QLatin1StringView("advskew")] = e.advskew;
        m[QLatin1StringView("demote")] = e.demote;
        m[QLatin1StringView("counter")] = QString::number(e.counter, 16); // CBOR has no quint64 in Qt
        m[QLatin1StringView("verdict")] = e.verdict;
        out.append(m);
    }
    return out;
}

} // namespace baton
