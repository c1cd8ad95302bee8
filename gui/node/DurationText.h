// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace baton {

// Short translated durations and clock times for the node view ("2 min 3 s", "14:02:31"), so
// every card and the event log say them the same way.
class DurationText
{
    Q_DECLARE_TR_FUNCTIONS(DurationText)
public:
    // Whole seconds, largest two units: "0 s", "45 s", "2 min 3 s", "1 h 5 min", "3 d 4 h".
    static QString format(qint64 ms);
    // Seconds to go, rounded up, so a countdown reaches "0 s" only when the time is up.
    static qint64 secondsLeft(qint64 ms);
    // A wall-clock time (ms since the epoch) as this host's local time, "14:02:31".
    static QString clock(qint64 epochMs);
};

} // namespace baton
