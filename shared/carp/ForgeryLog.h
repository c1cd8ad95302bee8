// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "carp/AdvertGuard.h"
#include "carp/ReportThrottle.h"

#include <QString>

#include <array>

namespace baton {

// Counts the adverts the guard refused or only half-trusted, per sign, and words the log line for
// the ones worth reporting: each (sign, source) at once, then one summary per interval.
class ForgeryLog
{
public:
    static constexpr int SignCount = static_cast<int>(AdvertGuard::Sign::Count);
    explicit ForgeryLog(Micros summaryInterval = std::chrono::minutes(10));

    // The line to log now (after the group's tag), or an empty string when a summary will cover it.
    QString record(TimePoint now, AdvertGuard::Sign sign, quint32 source);
    quint64 count(AdvertGuard::Sign sign) const { return m_counts[static_cast<size_t>(sign)]; }
    static QString describe(AdvertGuard::Sign sign);

private:
    std::array<quint64, SignCount> m_counts{};
    ReportThrottle m_throttle;
};

} // namespace baton
