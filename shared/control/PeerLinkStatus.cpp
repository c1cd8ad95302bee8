// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerLinkStatus.h"

#include "CborReader.h"

namespace baton {

QCborMap PeerLinkStatus::toCbor() const
{
    QCborMap m;
    m[QLatin1StringView("partner")] = partner;
    m[QLatin1StringView("to_partner")] = toPartner;
    m[QLatin1StringView("from_partner")] = fromPartner;
    if (clockOffsetMs)
        m[QLatin1StringView("clock_offset")] = *clockOffsetMs;
    return m;
}

std::optional<PeerLinkStatus> PeerLinkStatus::fromCbor(const QCborMap& map, QString* error)
{
    CborReader r(map, QStringLiteral("peer_link"));
    PeerLinkStatus s;
    s.partner = r.string("partner").left(80);
    s.toPartner = r.string("to_partner").left(64);
    s.fromPartner = r.string("from_partner").left(64);
    if (r.has("clock_offset"))
        s.clockOffsetMs = r.integer("clock_offset", -CborReader::MaxTime, CborReader::MaxTime);
    if (!r.finish(error))
        return std::nullopt;
    return s;
}

} // namespace baton
