// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborMap>
#include <QString>

#include <optional>

namespace baton {

// One advert as the agent saw it (received, any verdict) or sent it: a row of the `adverts`
// reply, i.e. `batonctl adverts` run remotely.
struct AdvertRecord
{
    qint64 timeMs = 0;
    bool sent = false; // our own advert, as it left
    QString interface;
    QString source;
    int vhid = 0;
    int advbase = 0;
    int advskew = 0;
    int demote = 0;
    quint64 counter = 0;
    // "ok", "sent", "send-failed", a reject code ("bad-hmac", ...) or, for an authenticated advert
    // that was not acted on, "ignored-" and the forgery sign ("ignored-replayed-counter").
    QString verdict;

    bool operator==(const AdvertRecord&) const = default;
    QCborMap toCbor() const;
    static std::optional<AdvertRecord> fromCbor(const QCborMap& map, QString* error = nullptr);
};

} // namespace baton
