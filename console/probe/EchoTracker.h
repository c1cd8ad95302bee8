// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "probe/ProbeSample.h"

#include <QHostAddress>
#include <QList>

#include <optional>
#include <vector>

namespace baton {

// The echoes in flight, until their reply or their timeout, for the probe backends. Monotonic
// microseconds (monotonicMicros()) time the round trip and the timeout; the wall-clock send time
// only goes into the sample. A reply after the timeout is not an answer: the echo is lost either way
// (finish() with an RTT beyond the timeout, or take() no longer knowing it after expire()).
class EchoTracker
{
public:
    struct Echo
    {
        QHostAddress target;
        quint16 sequence = 0;
        qint64 sentMs = 0;     // wall clock
        qint64 sentMicros = 0; // monotonic
    };
    struct Result
    {
        QHostAddress target;
        ProbeSample sample;
    };

    explicit EchoTracker(qint64 timeoutMicros = 1'000'000);

    static qint64 monotonicMicros();
    static qint64 wallMs();

    void sent(const QHostAddress& target, quint16 sequence, qint64 sentMs, qint64 sentMicros);
    // Removes and returns the echo in flight with that target and sequence; nullopt if there is none
    // (not ours, a duplicate reply, or a late one after expire()).
    std::optional<Echo> take(const QHostAddress& target, quint16 sequence);
    // The sample for an echo: answered with rttMicros if that is within the timeout, else lost.
    ProbeSample finish(const Echo& echo, std::optional<qint64> rttMicros) const;
    // Removes the echoes whose timeout has ended by nowMicros and returns them as lost, oldest first.
    QList<Result> expire(qint64 nowMicros);
    void forget(const QHostAddress& target);
    void clear() { m_inFlight.clear(); }
    qsizetype size() const { return static_cast<qsizetype>(m_inFlight.size()); }
    qint64 timeoutMicros() const { return m_timeoutMicros; }

private:
    qint64 m_timeoutMicros;
    std::vector<Echo> m_inFlight; // in send order; a few dozen at most (targets x timeout x rate)
};

} // namespace baton
