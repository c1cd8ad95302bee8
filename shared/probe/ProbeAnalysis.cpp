// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProbeAnalysis.h"

namespace baton {

namespace {
std::optional<OutageWindow> longest(const QList<OutageWindow>& windows)
{
    std::optional<OutageWindow> best;
    for (const OutageWindow& w : windows) {
        if (!best || w.durationMs() > best->durationMs())
            best = w;
    }
    return best;
}
} // namespace

QList<OutageWindow> ProbeAnalysis::outages(const QList<ProbeSample>& samples)
{
    QList<OutageWindow> result;
    std::optional<OutageWindow> current;
    for (const ProbeSample& s : samples) {
        if (!s.answered()) {
            if (!current)
                current = OutageWindow{s.sentMs, s.sentMs, 0, true};
            current->endMs = s.sentMs;
            ++current->lostCount;
        } else if (current) {
            current->endMs = s.sentMs;
            current->ongoing = false;
            result.append(*current);
            current.reset();
        }
    }
    if (current)
        result.append(*current);
    return result;
}

std::optional<OutageWindow> ProbeAnalysis::longestOutage(const QList<ProbeSample>& samples)
{
    return longest(outages(samples));
}

LossCount ProbeAnalysis::loss(const QList<ProbeSample>& samples, qint64 fromMs, qint64 toMs)
{
    LossCount count;
    for (const ProbeSample& s : samples) {
        if (s.sentMs < fromMs || s.sentMs > toMs)
            continue;
        ++count.total;
        if (!s.answered())
            ++count.lost;
    }
    return count;
}

std::optional<OutageWindow> ProbeAnalysis::failoverTime(const QList<ProbeSample>& samples, qint64 fromMs,
                                                        qint64 toMs)
{
    QList<OutageWindow> inside;
    for (const OutageWindow& w : outages(samples)) {
        // An outage that ended with an answer sent at fromMs or earlier was over before the window.
        const bool endsBefore = w.ongoing ? w.endMs < fromMs : w.endMs <= fromMs;
        if (w.startMs <= toMs && !endsBefore)
            inside.append(w);
    }
    return longest(inside);
}

} // namespace baton
