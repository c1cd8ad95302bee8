// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "carp/CarpReject.h"
#include "carp/CarpTiming.h"
#include "carp/ReportThrottle.h"

#include <array>

namespace baton {

// Counts rejected packets per reason and decides what to log: the first packet of each
// (reason, source) pair at once, then at most one summary per interval with the count since.
// A peer with the wrong password is reported once, not once a second forever (ucarp's flood).
class RejectLog
{
public:
    static constexpr qsizetype MaxEntries = 256;
    explicit RejectLog(Micros summaryInterval = std::chrono::minutes(10));

    // Returns the line to log now, or an empty string when this one is covered by a summary.
    QString record(TimePoint now, CarpReject reason, quint32 source, quint8 vhid);
    quint64 count(CarpReject reason) const { return m_counts[static_cast<size_t>(reason)]; }
    quint64 total() const;

private:
    std::array<quint64, CarpRejectCount> m_counts{};
    ReportThrottle m_throttle;
};

} // namespace baton
