// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CarpAdvert.h"
#include "CarpTiming.h"

#include <QLatin1StringView>
#include <QVarLengthArray>

#include <optional>

namespace baton {

class CarpMachine;
class CounterMemory;

// Looks at an authenticated advert before the state machine acts on it. CARP's HMAC covers the
// vhid, the VIPs and the counter but not advbase, advskew, demote or the IP source, so a captured
// advert can be edited in those fields and replayed. Within ucarp compatibility the guard refuses
// what cannot be genuine: a counter already seen, a bow-out from anyone but the master being
// followed, an advert in our own name that we did not send; and a source whose timing fields
// flip back and forth (one real, one edited) is only trusted to show the master alive.
class AdvertGuard
{
public:
    enum class Sign : quint8
    {
        None,
        ReplayedCounter, // the counter was seen before: a replay or a network loop
        ForeignBowOut,   // a bow-out from a node that is not the master being followed (one is)
        FieldChange,     // advbase/advskew/demote alternate between two values
        OwnAddress,      // our source address with a counter we never sent
        Flapping,        // advert-triggered takeovers too often (the machine damps them)
        Count
    };
    enum class Trust : quint8
    {
        Full,      // act on it
        KeepAlive, // it shows the master alive: no takeover, no reassert (a master still yields to it)
        None,      // drop it
    };
    struct Verdict
    {
        Trust trust = Trust::Full;
        Sign sign = Sign::None;
        bool operator==(const Verdict&) const = default;
    };

    static constexpr qsizetype MaxSources = 16;
    static constexpr Micros FlipWindow = std::chrono::seconds(10);
    static constexpr Micros FlipHold = std::chrono::seconds(60);

    AdvertGuard(CounterMemory& counters, quint32 ownSource);

    // `advert` passed CarpCodec::verify for our vhid; `machine` is the group's state machine.
    Verdict inspect(TimePoint now, const CarpAdvert& advert, const CarpMachine& machine);
    // A hint before the HMAC check of a received advert: its counter's memory starts loading.
    void prefetch(quint64 counter) const;
    // Our own adverts' counters: a replay of one of them, under any source, is refused too.
    void noteSent(quint64 counter);

    // Stable kebab-case names for logs, status and `batonctl adverts`.
    static QLatin1StringView signCode(Sign sign);
    static std::optional<Sign> signFromCode(QStringView code);

private:
    struct Profile
    {
        quint8 advbase = 0;
        quint8 advskew = 0;
        quint8 demote = 0;
        bool operator==(const Profile&) const = default;
    };
    struct Track
    {
        quint32 source = 0;
        TimePoint lastSeen{};
        bool seen = false; // `last` holds a profile
        Profile last;
        Profile before; // the profile `last` replaced
        TimePoint changedAt{};
        bool changed = false;
        TimePoint flipUntil{}; // alternating profiles seen: keep-alive trust until then
    };

    Track& track(TimePoint now, quint32 source);
    bool flipping(TimePoint now, Track& t, const CarpAdvert& advert);

    CounterMemory& m_counters;
    quint32 m_ownSource;
    QVarLengthArray<Track, 2> m_tracks; // the partner, and room for one more, inside this object
};

} // namespace baton
