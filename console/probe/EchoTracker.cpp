// SPDX-License-Identifier: GPL-3.0-or-later
#include "EchoTracker.h"

#include <QDateTime>

#include <algorithm>
#include <chrono>

namespace baton {

EchoTracker::EchoTracker(qint64 timeoutMicros)
    : m_timeoutMicros(timeoutMicros)
{
}

qint64 EchoTracker::monotonicMicros()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count();
}

qint64 EchoTracker::wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void EchoTracker::sent(const QHostAddress& target, quint16 sequence, qint64 sentMs, qint64 sentMicros)
{
    // A sequence still in flight 65536 echoes later cannot happen within a 1 s timeout; if the
    // caller reuses one anyway, the newer echo replaces the older.
    take(target, sequence);
    m_inFlight.push_back({target, sequence, sentMs, sentMicros});
}

std::optional<EchoTracker::Echo> EchoTracker::take(const QHostAddress& target, quint16 sequence)
{
    const auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                                 [&](const Echo& e) { return e.sequence == sequence && e.target == target; });
    if (it == m_inFlight.end())
        return std::nullopt;
    Echo echo = *it;
    m_inFlight.erase(it);
    return echo;
}

ProbeSample EchoTracker::finish(const Echo& echo, std::optional<qint64> rttMicros) const
{
    ProbeSample sample{echo.sequence, echo.sentMs, std::nullopt};
    if (rttMicros && *rttMicros <= m_timeoutMicros)
        sample.rttMicros = std::max<qint64>(*rttMicros, 0);
    return sample;
}

QList<EchoTracker::Result> EchoTracker::expire(qint64 nowMicros)
{
    QList<Result> lost;
    const auto due = [&](const Echo& e) { return nowMicros - e.sentMicros >= m_timeoutMicros; };
    for (const Echo& e : m_inFlight) {
        if (due(e))
            lost.append({e.target, finish(e, std::nullopt)});
    }
    m_inFlight.erase(std::remove_if(m_inFlight.begin(), m_inFlight.end(), due), m_inFlight.end());
    return lost;
}

void EchoTracker::forget(const QHostAddress& target)
{
    m_inFlight.erase(std::remove_if(m_inFlight.begin(), m_inFlight.end(),
                                    [&](const Echo& e) { return e.target == target; }),
                     m_inFlight.end());
}

} // namespace baton
