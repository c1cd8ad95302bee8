// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "carp/CarpTiming.h"

#include <QString>

#include <optional>

namespace baton {

struct PeerMessage;

// The rules a message from the partner must pass before anything acts on it, apart from who sent
// it (TLS) and what the state machine makes of it (CarpMachine::partnerLinkLost). Each returns
// empty when the message passes, else the refusal code (peer::refusal).
class PeerNoticeCheck
{
public:
    // Replays: a message must carry this connection's nonce (handed out in the listener's hello)
    // and a sequence number above the last one accepted on it.
    static QString sequence(const PeerMessage& message, qint64 nonce, qint64 lastSeq);

    // How old a link-lost notice may be: a master that lost its link cannot hold the VIP again
    // sooner than its own master-down interval after its link returns, so a notice younger than a
    // third of that (with the clocks at most half that apart) cannot be about a master that is back.
    static qint64 maxAgeMs(Micros partnerMasterDown);

    // Staleness, by the sender's clock against ours: `offsetMs` is what the alive messages showed
    // (our clock minus theirs, transit included); unknown when none arrived yet.
    static QString freshness(qint64 sentMs, qint64 receivedMs, std::optional<qint64> offsetMs,
                             qint64 maxAgeMs);
};

} // namespace baton
