// SPDX-License-Identifier: GPL-3.0-or-later
#include "RejectLog.h"

#include "net/Ipv4.h"

namespace baton {

RejectLog::RejectLog(Micros summaryInterval)
    : m_interval(summaryInterval)
{
}

quint64 RejectLog::total() const
{
    quint64 sum = 0;
    for (quint64 c : m_counts)
        sum += c;
    return sum;
}

QString RejectLog::record(TimePoint now, CarpReject reason, quint32 source, quint8 vhid)
{
    ++m_counts[static_cast<size_t>(reason)];
    quint64 key = (quint64{static_cast<quint8>(reason)} << 32) | source;
    // Spoofed sources must not grow the table (or the log) without bound: past the cap, new
    // sources share one entry per reason, reported as "various sources".
    const bool overflow = !m_entries.contains(key) && m_entries.size() >= MaxEntries;
    if (overflow)
        key = (quint64{static_cast<quint8>(reason)} << 32) | (quint64{1} << 40);
    auto it = m_entries.find(key);
    const bool first = it == m_entries.end();
    if (!first && now - it->lastLogged < m_interval) {
        ++it->suppressed;
        return {};
    }
    const quint64 suppressed = first ? 0 : it->suppressed;
    m_entries.insert(key, Entry{now, 0});
    QString line;
    if (overflow || key >> 40)
        line = QStringLiteral("rejected packets from many sources: %1 (reject %2)")
                   .arg(carpRejectDescription(reason), carpRejectCode(reason));
    else if (reason == CarpReject::BadHmac)
        line =
            QStringLiteral("%1 sends adverts for vhid %2 that fail authentication: the password or the VIP "
                           "list differs from ours (reject bad-hmac)")
                .arg(Ipv4::toString(source))
                .arg(vhid);
    else
        line = QStringLiteral("rejected packet from %1: %2 (reject %3)")
                   .arg(Ipv4::toString(source), carpRejectDescription(reason), carpRejectCode(reason));
    if (suppressed > 0)
        line += QStringLiteral("; %1 more since the last report").arg(suppressed);
    return line;
}

} // namespace baton
