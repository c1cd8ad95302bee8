// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QtGlobal>

#include <optional>

namespace baton {

// One ICMP echo to one target and what became of it. Samples are only made once the outcome is
// known: at once for an answer, when the reply timeout has ended for a loss.
struct ProbeSample
{
    quint16 sequence = 0;            // per target; wraps at 65536
    qint64 sentMs = 0;               // wall clock, ms since the epoch
    std::optional<qint64> rttMicros; // nullopt = lost (no reply within the timeout)

    bool answered() const { return rttMicros.has_value(); }
    bool operator==(const ProbeSample&) const = default;
};

} // namespace baton

Q_DECLARE_METATYPE(baton::ProbeSample)
