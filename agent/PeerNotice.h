// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "peer/PeerMessage.h"

#include <QMetaType>

#include <optional>

namespace baton {

// A link-lost message from the partner that passed the connection's checks (who sent it, nonce,
// sequence), on its way from the peer thread to the main thread, where its age and the state
// machine decide.
struct PeerNotice
{
    quint64 connection = 0; // where the verdict goes back to
    PeerMessage message;
    qint64 receivedMs = 0;          // our wall clock when it was read
    std::optional<qint64> offsetMs; // our clock minus the partner's, from its alive messages
};

} // namespace baton

Q_DECLARE_METATYPE(baton::PeerNotice)
