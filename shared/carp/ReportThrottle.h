// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "carp/CarpTiming.h"

#include <QHash>

namespace baton {

// Decides when something seen again and again is worth a log line: the first time for each key
// at once, then at most one summary per interval, with how many were passed over in between.
// Keys are bounded: past the cap, new keys share the overflow key given ("many sources").
class ReportThrottle
{
public:
    struct Decision
    {
        bool report = false;
        quint64 suppressed = 0; // passed over since the last report of this key
        bool overflow = false;  // reported under the shared overflow key
    };

    ReportThrottle(Micros interval, qsizetype maxKeys);
    Decision note(TimePoint now, quint64 key, quint64 overflowKey);

private:
    struct Entry
    {
        TimePoint lastReported{};
        quint64 suppressed = 0;
    };
    Micros m_interval;
    qsizetype m_maxKeys;
    QHash<quint64, Entry> m_entries;
};

} // namespace baton
