// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/ProbeSample.h"

#include <QList>

#include <optional>

namespace baton {

// A run of consecutive lost echoes. Measured from the send time of the first lost echo to the send
// time of the next answered one, so the resolution is the probe interval: at 10 Hz a single lost
// echo is an outage of 100 ms, even if the path was down for a moment only, and a real outage of
// D ms shows as D rounded to whole intervals, give or take one interval.
struct OutageWindow
{
    qint64 startMs = 0; // send time of the first lost echo
    qint64 endMs = 0;   // send time of the next answered echo; if ongoing, of the last lost echo
    int lostCount = 0;
    bool ongoing = false; // no answer followed (yet): durationMs() is then a lower bound

    qint64 durationMs() const { return endMs - startMs; }
    bool operator==(const OutageWindow&) const = default;
};

struct LossCount
{
    int total = 0;
    int lost = 0;

    double ratio() const { return total > 0 ? double(lost) / double(total) : 0.0; }
    bool operator==(const LossCount&) const = default;
};

// Pure functions over samples in send order (as ProbeHistory::samples() gives them); shared by the
// reachability panel, the drill verdict, benchmarks and tests. An outage at the very start of the
// list may have begun before its first sample; nothing here can know that.
class ProbeAnalysis
{
public:
    static QList<OutageWindow> outages(const QList<ProbeSample>& samples);
    // The longest outage (the first of equals), ongoing ones included.
    static std::optional<OutageWindow> longestOutage(const QList<ProbeSample>& samples);
    // Lost and total among the samples sent within [fromMs, toMs].
    static LossCount loss(const QList<ProbeSample>& samples, qint64 fromMs, qint64 toMs);
    // The failover time of a drill: the longest outage overlapping [fromMs, toMs], whole (not clipped):
    // an echo sent just before the command can be the first one lost to it.
    static std::optional<OutageWindow> failoverTime(const QList<ProbeSample>& samples, qint64 fromMs,
                                                    qint64 toMs);
};

} // namespace baton
