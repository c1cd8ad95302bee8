// SPDX-License-Identifier: GPL-3.0-or-later
#include "RejectLog.h"

#include "net/Ipv4.h"

namespace baton {

RejectLog::RejectLog(Micros summaryInterval)
    : m_throttle(summaryInterval, MaxEntries)
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
    const quint64 reasonKey = quint64{static_cast<quint8>(reason)} << 32;
    const ReportThrottle::Decision d =
        m_throttle.note(now, reasonKey | source, reasonKey | (quint64{1} << 40));
    if (!d.report)
        return {};
    const quint64 suppressed = d.suppressed;
    QString line;
    if (d.overflow)
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
