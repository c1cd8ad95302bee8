// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/ProbeAnalysis.h"
#include "probe/ProbeSample.h"

#include <QList>

#include <deque>
#include <optional>

namespace baton {

// The recent echoes of one target, bounded in time and in count, in send order. Fed one echo at
// a time: sent() when it goes out (optional), then answered() or lost(); or add() with a finished
// sample, which is what IcmpProber::sampleReady delivers. Answers come at once and losses only when
// their timeout ends, so results arrive out of send order; they are put in their place.
//
// State: Unknown until there is evidence; Up as soon as the newest finished echo (in send order) was
// answered, so one answer after an outage is enough; Down after DownAfterLost consecutive losses
// (at 10 Hz with a 1 s timeout, about 1.2 s after the path failed). One or two losses in a row keep
// the previous verdict: a single dropped echo is not an outage worth a red light.
class ProbeHistory
{
public:
    enum class State
    {
        Unknown,
        Up,
        Down,
    };
    static constexpr qint64 DefaultWindowMs = 60'000;
    // 600 finished echoes at 10 Hz, plus room for the ones still in flight (1 s timeout).
    static constexpr qsizetype DefaultCapacity = 620;
    static constexpr int DownAfterLost = 3;

    explicit ProbeHistory(qint64 windowMs = DefaultWindowMs, qsizetype capacity = DefaultCapacity);

    void sent(quint16 sequence, qint64 sentMs);
    // False when no echo with that sequence is in flight (never sent, or already finished).
    bool answered(quint16 sequence, qint64 rttMicros);
    bool lost(quint16 sequence);
    // A finished sample; it replaces the in-flight echo with the same sequence, if any.
    void add(const ProbeSample& sample);
    void clear();

    State state() const;
    // Lost echoes after the newest answered one, in send order.
    int consecutiveLost() const;
    std::optional<qint64> lastRttMicros() const;
    // Over the finished echoes held, which span at most windowMs back from the newest echo.
    LossCount loss() const;
    // Finished echoes, oldest first: for painting the timeline and for ProbeAnalysis.
    QList<ProbeSample> samples() const;
    qsizetype inFlight() const;
    qint64 windowMs() const { return m_windowMs; }
    qsizetype capacity() const { return m_capacity; }

private:
    struct Entry
    {
        ProbeSample sample;
        bool inFlight = false;
    };
    void insert(const Entry& entry);
    bool finish(quint16 sequence, std::optional<qint64> rttMicros);
    void trim();

    qint64 m_windowMs;
    qsizetype m_capacity;
    std::deque<Entry> m_entries; // ordered by sentMs
};

} // namespace baton
