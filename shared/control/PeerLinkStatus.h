// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborMap>
#include <QString>

#include <optional>

namespace baton {

// The peer link as the agent reports it (status field `peer_link`): whether it can tell its
// partner at once that its data link is lost, and whether the partner can tell it. Each direction
// is "up" or the code of what stands in the way (peer::problem).
struct PeerLinkStatus
{
    static constexpr QLatin1StringView Up{"up"};

    QString partner;                     // "ADDRESS:PORT" of the partner's peer listener
    QString toPartner;                   // our connection to the partner's listener
    QString fromPartner;                 // the partner's connection to ours
    std::optional<qint64> clockOffsetMs; // our clock minus the partner's, as its alive messages show

    bool operator==(const PeerLinkStatus&) const = default;

    // The fast path works both ways: either node's link loss is handed over at once.
    bool ready() const { return toPartner == Up && fromPartner == Up; }

    QCborMap toCbor() const;
    static std::optional<PeerLinkStatus> fromCbor(const QCborMap& map, QString* error = nullptr);
};

} // namespace baton
