// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace baton {

// Which node held the VIP last, and the moves between them: a failover is the VIP's holder changing
// from one node to the other, whatever happened between (a moment with no holder, an agent that went
// silent). The client's outage comes from the probes, usually a moment after the agents said who
// took over, sometimes before. The VIP answers again once the new holder has it, so an outage ending
// from a little before the takeover (EarlyMs: the agent's clock offset is an estimate) to MatchMs
// after it is that failover's. No I/O, no clock: times come in with what is observed.
class FailoverTracker
{
public:
    static constexpr qint64 MatchMs = 15'000;
    static constexpr qint64 EarlyMs = 2'000;

    struct Failover
    {
        qint64 timeMs = 0; // when the new holder took over (this desktop's clock)
        QString from;
        QString to;
        std::optional<qint64> outageMs; // the VIP's silence at this desktop, if one was seen

        bool operator==(const Failover&) const = default;
    };

    // The one node that holds the VIP now (empty: none, or not known), as of timeMs. Returns the
    // failover when the holder changed to another node.
    std::optional<Failover> observeHolder(const QString& holder, qint64 timeMs);
    // The VIP answered again at endMs after outageMs without answers. True when this outage became
    // the last failover's (it had none yet).
    bool observeOutage(qint64 endMs, qint64 outageMs);

    const std::optional<Failover>& last() const { return m_last; }
    QString holder() const { return m_holder; }
    void reset();

private:
    struct Outage
    {
        qint64 endMs = 0;
        qint64 outageMs = 0;
    };
    QString m_holder; // the last single holder seen
    std::optional<Failover> m_last;
    std::optional<Outage> m_unmatched; // an outage that ended before its failover was reported
};

} // namespace baton
