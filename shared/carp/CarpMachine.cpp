// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarpMachine.h"

#include "util/HotPath.h"

#include <QtEndian>

#include <algorithm>

namespace baton {

using namespace action;

namespace {
constexpr quint8 BowOut = 255;
}

CarpMachine::CarpMachine(const CarpParams& params)
    : m_params(params)
{
}

quint32 CarpMachine::tieBreakKey(quint32 address)
{
    return qbswap(address);
}

BATON_HOT Micros CarpMachine::advertInterval() const
{
    return CarpTiming::advertInterval(m_params.advbase, m_params.advskew);
}

BATON_HOT TimePoint CarpMachine::nextAdvertAfter(TimePoint sent) const
{
    const Micros interval = advertInterval();
    if (!m_params.alignAdverts || interval <= Micros::zero())
        return sent + interval;
    return Micros((sent.count() / interval.count() + 1) * interval.count());
}

BATON_HOT Micros CarpMachine::masterDownInterval() const
{
    return CarpTiming::masterDownInterval(m_params.advbase, m_params.advskew, m_params.deadratio);
}

Micros CarpMachine::claimDuration() const
{
    return std::min(m_params.claimWindow, advertInterval() / 2);
}

BATON_HOT Micros CarpMachine::masterDownFor(const CarpAdvert& advert) const
{
    const quint32 claimed = std::max(
        CarpTiming::masterDownTicks(advert.advbase, advert.advskew, m_params.deadratio), m_params.deadratio);
    return std::min(masterDownInterval(), CarpTiming::toMicros(claimed));
}

int CarpMachine::recentAdvertTransitions(TimePoint now)
{
    std::erase_if(m_advertTransitions, [&](TimePoint t) { return now - t >= m_params.transitionWindow; });
    return static_cast<int>(m_advertTransitions.size());
}

void CarpMachine::noteAdvertTransition(TimePoint now)
{
    // Only the newest maxAdvertTransitions matter (are that many within the window?): yields,
    // never refused, must not grow the list without bound.
    if (recentAdvertTransitions(now) >= m_params.maxAdvertTransitions && !m_advertTransitions.empty())
        m_advertTransitions.erase(m_advertTransitions.begin());
    m_advertTransitions.push_back(now);
}

bool CarpMachine::damped(TimePoint now, CarpActions& out)
{
    if (recentAdvertTransitions(now) < m_params.maxAdvertTransitions) {
        noteAdvertTransition(now);
        m_dampNotified = false;
        return false;
    }
    if (!m_dampNotified)
        out.emplace_back(Notify{CarpReason::FlapDamped, m_state, m_state});
    m_dampNotified = true;
    return true;
}

BATON_HOT quint8 CarpMachine::effectiveSkew() const
{
    // ucarp ignores the demote byte and, after failed sends, advertises advskew 240 (or its own if
    // larger) instead. Doing both keeps a demoted node the less preferred in every peer's eyes:
    // with the byte alone a ucarp peer would yield to a demoted batond that yielded to it.
    constexpr quint8 DemotedSkew = 240;
    return m_demote > 0 ? std::max(m_params.advskew, DemotedSkew) : m_params.advskew;
}

BATON_HOT SendAdvert CarpMachine::ownAdvert() const
{
    return SendAdvert{m_params.advbase, effectiveSkew(), m_demote};
}

CarpActions CarpMachine::start(TimePoint now, bool linkUp)
{
    CarpActions out;
    if (m_state != CarpState::Init)
        return out;
    m_linkUp = linkUp;
    m_heardPeer = false;
    // A crashed predecessor may have left the VIP behind; the down hook runs at start as in ucarp.
    out.emplace_back(RemoveVips{});
    out.emplace_back(RunHook{Hook::Down});
    if (m_linkUp && !m_maintenance)
        arm(now + masterDownInterval(), out);
    transition(now, CarpState::Backup, CarpReason::Startup, out);
    return out;
}

bool CarpMachine::remotePreferred(const CarpAdvert& advert) const
{
    // BSD: the less demoted node wins outright; then the shorter interval; then ucarp's tie-break.
    if (advert.demote != m_demote)
        return advert.demote < m_demote;
    const quint32 remote = CarpTiming::ticks(advert.advbase, advert.advskew);
    const quint32 local = CarpTiming::ticks(m_params.advbase, effectiveSkew());
    if (remote != local)
        return remote < local;
    return tieBreakKey(advert.source) < tieBreakKey(m_params.source);
}

BATON_HOT CarpActions CarpMachine::advertReceived(TimePoint now, const CarpAdvert& advert, bool mayTransition)
{
    if (m_state == CarpState::Init || !m_linkUp || advert.source == m_params.source ||
        advert.vhid != m_params.vhid)
        return {};
    const bool cold = !m_heardPeer;
    m_heardPeer = true;
    m_lastPeerHeard = now;
    m_lastPeer = advert.source;
    if (!advert.isBowOut())
        m_peerMasterDown = masterDownFor(advert);
    if (m_state == CarpState::Master)
        return onAdvertAsMaster(now, advert, mayTransition);
    return onAdvertAsBackup(now, advert, mayTransition, cold);
}

BATON_HOT CarpActions CarpMachine::onAdvertAsMaster(TimePoint now, const CarpAdvert& advert,
                                                    bool mayTransition)
{
    CarpActions out;
    if (advert.isBowOut())
        return out; // the other node is leaving; we already hold the VIP
    if (remotePreferred(advert)) {
        // Never damped nor refused, not even to a source the guard holds suspect (!mayTransition):
        // yielding cannot make two masters, and refusing to did, both MASTER until the window or
        // the guard's hold passed (a minute: the VIP's traffic split, after a few stalls of a VM's
        // CPU had each let the backup take over for an advert or two, or after a ucarp peer's
        // advskew went to 240 and back). Counted, so that the takeovers feeding a flap are damped.
        noteAdvertTransition(now);
        // ucarp sends one last advert so that a returning preferred master learns it must reassert.
        out.emplace_back(ownAdvert());
        leaveMaster(now, CarpReason::PreferredMaster, CarpState::Backup, false, out);
        return out;
    }
    if (!mayTransition)
        return out; // suspect timing fields: no reassert on their word
    // At most once an interval: a stream of less preferred adverts (forged or not) must not turn
    // into a stream of ARP broadcasts and log lines.
    if (m_lastReassert && now - *m_lastReassert < advertInterval())
        return out;
    m_lastReassert = now;
    // Two masters: refresh the neighbours' ARP caches now and two adverts later (as ucarp), and
    // advertise at once rather than at the next tick, so the other one yields sooner.
    out.emplace_back(SendGarp{});
    out.emplace_back(ownAdvert());
    m_garpCountdown = 2;
    arm(nextAdvertAfter(now), out);
    out.emplace_back(Notify{CarpReason::NonPreferredMaster, m_state, m_state});
    return out;
}

BATON_HOT std::optional<CarpReason> CarpMachine::backupTakeoverReason(const CarpAdvert& advert) const
{
    if (advert.isBowOut())
        return CarpReason::BowOutReceived;
    if (advert.demote > m_demote)
        return CarpReason::PeerDemoted;
    const quint32 remote = CarpTiming::ticks(advert.advbase, advert.advskew);
    const quint32 local = CarpTiming::ticks(m_params.advbase, effectiveSkew());
    if (m_params.preempt && !m_handedOver && advert.demote == m_demote && local < remote)
        return CarpReason::Preempt;
    const quint32 masterDown =
        CarpTiming::masterDownTicks(m_params.advbase, effectiveSkew(), m_params.deadratio);
    if (remote > masterDown)
        return CarpReason::SlowMaster;
    return std::nullopt;
}

BATON_HOT CarpActions CarpMachine::onAdvertAsBackup(TimePoint now, const CarpAdvert& advert,
                                                    bool mayTransition, bool cold)
{
    CarpActions out;
    if (m_maintenance)
        return out;
    if (!mayTransition) {
        if (!m_claiming)
            arm(now + masterDownInterval(), out); // alive, but its timing fields are not to be trusted
        return out;
    }
    if (m_claiming) {
        // Another node is claiming (or already master): the preferred one carries on, the other
        // steps back without ever having held the VIP.
        if (advert.isBowOut() || !remotePreferred(advert))
            return out;
        m_claiming = false;
        arm(now + masterDownInterval(), out);
        out.emplace_back(Notify{CarpReason::ClaimLost, m_state, m_state});
        return out;
    }
    if (const auto reason = backupTakeoverReason(advert); reason && !damped(now, out)) {
        // A bow-out before any master was followed (a hand-over just after our start) cannot be
        // told from a replayed one: announce first. A live master answers at once and wins.
        if (*reason == CarpReason::BowOutReceived && cold && claimDuration() > Micros::zero())
            claim(now, *reason, out);
        else
            becomeMaster(now, *reason, out);
        return out;
    }
    arm(now + (advert.isBowOut() ? masterDownInterval() : masterDownFor(advert)), out);
    return out;
}

BATON_HOT CarpActions CarpMachine::timerFired(TimePoint now)
{
    CarpActions out;
    if (!m_deadline)
        return out;
    if (now < *m_deadline) {
        arm(*m_deadline, out); // early wake-up: keep the same deadline
        return out;
    }
    const TimePoint due = *m_deadline;
    m_deadline.reset();
    if (m_state == CarpState::Master) {
        out.emplace_back(ownAdvert());
        if (m_garpCountdown > 0 && --m_garpCountdown == 0)
            out.emplace_back(SendGarp{});
        // Schedule from the due time, not from `now`, so the adverts do not drift late.
        arm(std::max(nextAdvertAfter(due), now), out);
        return out;
    }
    if (m_state != CarpState::Backup || !m_linkUp || m_maintenance)
        return out;
    if (!m_claiming && !m_heardPeer && claimDuration() > Micros::zero()) {
        claim(now, CarpReason::MasterDown, out);
        return out;
    }
    becomeMaster(now, m_claiming ? m_claimReason : CarpReason::MasterDown, out);
    return out;
}

CarpActions CarpMachine::linkChanged(TimePoint now, bool up)
{
    CarpActions out;
    if (up == m_linkUp)
        return out;
    m_linkUp = up;
    m_claiming = false;
    if (m_state == CarpState::Init)
        return out;
    if (!up) {
        standDown(now, CarpReason::LinkDown, false, out);
        return out;
    }
    m_heardPeer = false;
    rejoin(now, CarpReason::LinkUp, out);
    return out;
}

CarpActions CarpMachine::setMaintenance(TimePoint now, bool on)
{
    CarpActions out;
    if (on == m_maintenance)
        return out;
    m_maintenance = on;
    if (m_state == CarpState::Init)
        return out;
    if (on) {
        m_claiming = false;
        standDown(now, CarpReason::MaintenanceOn, m_linkUp, out);
        return out;
    }
    rejoin(now, CarpReason::MaintenanceOff, out);
    return out;
}

CarpActions CarpMachine::setDemote(TimePoint now, quint8 demote)
{
    CarpActions out;
    if (demote == m_demote)
        return out;
    m_demote = demote;
    if (m_state == CarpState::Master && m_linkUp) {
        // Tell the backups at once: a less demoted backup takes over on this very advert.
        out.emplace_back(ownAdvert());
        arm(nextAdvertAfter(now), out);
    }
    out.emplace_back(Notify{CarpReason::DemoteChanged, m_state, m_state});
    return out;
}

CarpActions CarpMachine::handover(TimePoint now)
{
    CarpActions out;
    if (m_state != CarpState::Master || !m_linkUp) {
        out.emplace_back(Notify{CarpReason::HandoverRefused, m_state, m_state});
        return out;
    }
    leaveMaster(now, CarpReason::Handover, CarpState::Backup, true, out);
    m_handedOver = true;
    // If nobody takes over, the master-down timer brings the VIP back here.
    arm(now + masterDownInterval(), out);
    return out;
}

CarpActions CarpMachine::shutdown(TimePoint now)
{
    CarpActions out;
    if (m_state == CarpState::Master) {
        leaveMaster(now, CarpReason::Shutdown, CarpState::Init, m_linkUp, out);
        cancel(out);
        return out;
    }
    if (m_state == CarpState::Backup) {
        m_claiming = false;
        cancel(out);
        transition(now, CarpState::Init, CarpReason::Shutdown, out);
    }
    return out;
}

PartnerVerdict CarpMachine::partnerLinkLost(TimePoint now, quint32 partner, CarpActions& out)
{
    if (m_state != CarpState::Backup)
        return PartnerVerdict::NotBackup;
    if (!m_linkUp)
        return PartnerVerdict::OwnLinkDown;
    if (m_maintenance)
        return PartnerVerdict::Maintenance;
    // The master we wait for (heard since our start or link-up) must be the one that says it is
    // gone: another master may still be alive.
    if (m_heardPeer && m_lastPeer != partner)
        return PartnerVerdict::NotFollowing;
    if (m_claiming)
        return PartnerVerdict::Claiming;
    if (damped(now, out))
        return PartnerVerdict::Damped;
    // Nobody heard yet (we have just started, or our link has just come up): whether the partner
    // was the master cannot be checked, so announce first, as for a bow-out heard cold. A live
    // master answers at once and wins; without one we take over a claim window later instead of
    // a whole master-down interval.
    if (!m_heardPeer && claimDuration() > Micros::zero()) {
        claim(now, CarpReason::PartnerLinkLost, out);
        return PartnerVerdict::Claiming;
    }
    becomeMaster(now, CarpReason::PartnerLinkLost, out);
    return PartnerVerdict::TakenOver;
}

void CarpMachine::claim(TimePoint now, CarpReason reason, CarpActions& out)
{
    m_claiming = true;
    m_claimReason = reason;
    out.emplace_back(ownAdvert());
    arm(now + claimDuration(), out);
    out.emplace_back(Notify{CarpReason::Claiming, m_state, m_state});
}

void CarpMachine::becomeMaster(TimePoint now, CarpReason reason, CarpActions& out)
{
    // The VIP and its gratuitous ARP first: that is what restores traffic. The hook runs last
    // and never delays the protocol (ucarp ran it first, blocking).
    m_claiming = false;
    m_handedOver = false;
    m_garpCountdown = 2;
    out.emplace_back(AddVips{});
    out.emplace_back(SendGarp{});
    out.emplace_back(ownAdvert());
    out.emplace_back(RunHook{Hook::Up});
    arm(nextAdvertAfter(now), out);
    transition(now, CarpState::Master, reason, out);
}

void CarpMachine::leaveMaster(TimePoint now, CarpReason reason, CarpState to, bool bowOut, CarpActions& out)
{
    // The VIP goes before the bow-out leaves: the peer takes over the moment it hears it, and a
    // graceful hand-over must never have two holders, not even for microseconds.
    out.emplace_back(RemoveVips{});
    if (bowOut)
        out.emplace_back(SendAdvert{BowOut, BowOut, m_demote});
    out.emplace_back(RunHook{Hook::Down});
    m_garpCountdown = 0;
    if (to == CarpState::Backup && reason == CarpReason::PreferredMaster)
        arm(now + masterDownInterval(), out);
    transition(now, to, reason, out);
}

void CarpMachine::standDown(TimePoint now, CarpReason reason, bool bowOut, CarpActions& out)
{
    // Stop competing until told otherwise: give up MASTER if held, and no timer either way.
    if (m_state == CarpState::Master) {
        leaveMaster(now, reason, CarpState::Backup, bowOut, out);
        cancel(out);
        return;
    }
    cancel(out);
    out.emplace_back(Notify{reason, m_state, m_state});
}

void CarpMachine::rejoin(TimePoint now, CarpReason reason, CarpActions& out)
{
    // Back in the game: listen for a full master-down interval before competing, so a running
    // master keeps the VIP unless preemption says otherwise. Both conditions must allow it.
    if (m_linkUp && !m_maintenance)
        arm(now + masterDownInterval(), out);
    out.emplace_back(Notify{reason, m_state, m_state});
}

BATON_HOT void CarpMachine::arm(TimePoint deadline, CarpActions& out)
{
    m_deadline = deadline;
    out.emplace_back(ArmTimer{deadline});
}

void CarpMachine::cancel(CarpActions& out)
{
    if (!m_deadline)
        return;
    m_deadline.reset();
    out.emplace_back(CancelTimer{});
}

void CarpMachine::transition(TimePoint now, CarpState to, CarpReason reason, CarpActions& out)
{
    const CarpState from = m_state;
    if (from != to) {
        m_since = now;
        m_reason = reason;
    }
    m_state = to;
    out.emplace_back(Notify{reason, from, to});
}

} // namespace baton
