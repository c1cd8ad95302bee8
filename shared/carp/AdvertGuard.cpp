// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdvertGuard.h"

#include "CarpMachine.h"
#include "CounterMemory.h"
#include "util/HotPath.h"

#include <QStringView>

namespace baton {

AdvertGuard::AdvertGuard(CounterMemory& counters, quint32 ownSource)
    : m_counters(counters)
    , m_ownSource(ownSource)
{
}

QLatin1StringView AdvertGuard::signCode(Sign sign)
{
    switch (sign) {
    case Sign::None:
        return QLatin1StringView("none");
    case Sign::ReplayedCounter:
        return QLatin1StringView("replayed-counter");
    case Sign::ForeignBowOut:
        return QLatin1StringView("foreign-bow-out");
    case Sign::FieldChange:
        return QLatin1StringView("field-change");
    case Sign::OwnAddress:
        return QLatin1StringView("own-address");
    case Sign::Flapping:
        return QLatin1StringView("flapping");
    case Sign::Count:
        break;
    }
    return QLatin1StringView("unknown");
}

std::optional<AdvertGuard::Sign> AdvertGuard::signFromCode(QStringView code)
{
    for (int i = 0; i < static_cast<int>(Sign::Count); ++i)
        if (code == signCode(static_cast<Sign>(i)))
            return static_cast<Sign>(i);
    return std::nullopt;
}

BATON_HOT void AdvertGuard::prefetch(quint64 counter) const
{
    m_counters.prefetch(counter);
}

BATON_HOT void AdvertGuard::noteSent(quint64 counter)
{
    m_counters.insert(counter);
}

BATON_HOT AdvertGuard::Track& AdvertGuard::track(TimePoint now, quint32 source)
{
    for (Track& t : m_tracks)
        if (t.source == source)
            return t;
    // Bounded: only password holders get here, but a replay can carry any source address.
    if (static_cast<qsizetype>(m_tracks.size()) >= MaxSources) {
        auto oldest = std::min_element(m_tracks.begin(), m_tracks.end(), [](const Track& a, const Track& b) {
            return a.lastSeen < b.lastSeen;
        });
        m_tracks.erase(oldest);
    }
    Track t;
    t.source = source;
    t.lastSeen = now;
    m_tracks.push_back(t);
    return m_tracks.back();
}

BATON_HOT bool AdvertGuard::flipping(TimePoint now, Track& t, const CarpAdvert& advert)
{
    const Profile p{advert.advbase, advert.advskew, advert.demote};
    if (!t.seen || t.last == p) {
        t.seen = true;
        t.last = p;
    } else {
        // A genuine change (a reload, a demotion) goes one way; an edited copy of a live node's
        // adverts alternates with the real ones. Back to the profile just replaced, soon: a flip.
        if (t.changed && p == t.before && now - t.changedAt <= FlipWindow)
            t.flipUntil = now + FlipHold;
        t.before = t.last;
        t.last = p;
        t.changed = true;
        t.changedAt = now;
    }
    t.lastSeen = now;
    return now < t.flipUntil;
}

BATON_HOT AdvertGuard::Verdict AdvertGuard::inspect(TimePoint now, const CarpAdvert& advert,
                                                    const CarpMachine& machine)
{
    // Counted first, so that a replay of anything seen before is refused whatever else it claims.
    if (!m_counters.insert(advert.counter))
        return {Trust::None, advert.source == m_ownSource ? Sign::None : Sign::ReplayedCounter};
    if (advert.source == m_ownSource)
        return {Trust::None, Sign::OwnAddress};
    if (advert.isBowOut()) {
        // Only the master we follow can leave; as MASTER a bow-out changes nothing anyway. Before
        // any advert since start or link-up there is no master to follow: the machine claims first
        // rather than taking over, so a replay there is answered by the live master's advert.
        const bool fromMaster = machine.lastPeerHeard() && machine.lastPeer() == advert.source &&
                                now - *machine.lastPeerHeard() <= machine.masterDownInterval();
        if (machine.state() == CarpState::Backup && machine.heardPeer() && !fromMaster)
            return {Trust::None, Sign::ForeignBowOut};
        return {};
    }
    Track& t = track(now, advert.source);
    const bool wasFlipping = now < t.flipUntil;
    if (flipping(now, t, advert))
        return {Trust::KeepAlive, wasFlipping ? Sign::None : Sign::FieldChange};
    return {};
}

} // namespace baton
