// SPDX-License-Identifier: GPL-3.0-or-later
#include "ForgeryLog.h"

#include "net/Ipv4.h"

namespace baton {

ForgeryLog::ForgeryLog(Micros summaryInterval)
    : m_throttle(summaryInterval, 64)
{
}

QString ForgeryLog::describe(AdvertGuard::Sign sign)
{
    using Sign = AdvertGuard::Sign;
    switch (sign) {
    case Sign::ReplayedCounter:
        return QStringLiteral("an authenticated advert carried a counter seen before: a captured advert "
                              "replayed (or a network loop); ignored");
    case Sign::ForeignBowOut:
        return QStringLiteral("a bow-out from a node that is not the master heard: ignored");
    case Sign::FieldChange:
        return QStringLiteral(
            "advbase/advskew/demote alternate between two values, as when a live node's "
            "adverts are edited and replayed; its adverts only count as keep-alives for a minute");
    case Sign::OwnAddress:
        return QStringLiteral("adverts with this node's own address that it did not send: another host uses "
                              "our address (two masters), or they are forged; ignored");
    case Sign::Flapping:
        return QStringLiteral("takeovers decided by advert contents came too often; this node takes "
                              "over on its timers only until it calms down (it still yields to a "
                              "preferred master)");
    case Sign::None:
    case Sign::Count:
        break;
    }
    return {};
}

QString ForgeryLog::record(TimePoint now, AdvertGuard::Sign sign, quint32 source)
{
    ++m_counts[static_cast<size_t>(sign)];
    const quint64 signKey = quint64{static_cast<quint8>(sign)} << 32;
    const ReportThrottle::Decision d = m_throttle.note(now, signKey | source, signKey | (quint64{1} << 40));
    if (!d.report)
        return {};
    QString line = QStringLiteral("suspected forgery from %1 (%2): %3")
                       .arg(d.overflow ? QStringLiteral("many sources") : Ipv4::toString(source),
                            AdvertGuard::signCode(sign), describe(sign));
    if (d.suppressed > 0)
        line += QStringLiteral("; %1 more since the last report").arg(d.suppressed);
    return line;
}

} // namespace baton
