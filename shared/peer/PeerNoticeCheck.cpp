// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerNoticeCheck.h"

#include "PeerMessage.h"
#include "PeerProtocol.h"

#include <algorithm>
#include <cstdlib>

namespace baton {

QString PeerNoticeCheck::sequence(const PeerMessage& message, qint64 nonce, qint64 lastSeq)
{
    if (nonce == 0 || message.nonce != nonce || message.seq <= lastSeq)
        return peer::refusal::Replayed;
    return {};
}

qint64 PeerNoticeCheck::maxAgeMs(Micros partnerMasterDown)
{
    const qint64 third = std::chrono::duration_cast<std::chrono::milliseconds>(partnerMasterDown).count() / 3;
    return std::clamp<qint64>(third, 0, peer::MaxNoticeAgeMs);
}

QString PeerNoticeCheck::freshness(qint64 sentMs, qint64 receivedMs, std::optional<qint64> offsetMs,
                                   qint64 maxAgeMs)
{
    // Without a measured offset the clocks may be far apart: nothing to judge the age by.
    if (!offsetMs || std::abs(*offsetMs) * 2 > maxAgeMs)
        return peer::refusal::ClockSkew;
    const qint64 age = receivedMs - sentMs;
    if (age > maxAgeMs)
        return peer::refusal::Stale;
    if (age * 2 < -maxAgeMs)
        return peer::refusal::FromFuture;
    return {};
}

} // namespace baton
