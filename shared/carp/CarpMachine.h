// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CarpAction.h"
#include "CarpAdvert.h"
#include "CarpState.h"
#include "CarpTiming.h"

#include <optional>
#include <vector>

namespace baton {

struct CarpParams
{
    quint8 vhid = 1;
    quint32 source = 0; // our own address: decides ties, and our own adverts are ignored
    quint8 advbase = 1;
    quint8 advskew = 0;
    quint32 deadratio = 3;
    bool preempt = false;
    // Cold start only (nobody heard since start or link-up): announce, then wait this long before
    // taking the VIP, so that two nodes starting together never both hold it. Capped at half an
    // advert interval. Zero turns it off (ucarp's behaviour).
    Micros claimWindow = std::chrono::milliseconds(50);
    // Takeovers and yields decided by an advert's content (a bow-out, a demote, a preferred or slower
    // master), not by silence, are limited to this many per window. Forged adverts could otherwise
    // make the pair flap; a real failover (the master falling silent) is never limited.
    int maxAdvertTransitions = 4;
    Micros transitionWindow = std::chrono::seconds(60);
    // A master's periodic adverts on the multiples of the advert interval (on the clock of `now`),
    // so that one agent's groups with the same timing advertise together and wake it once, not once
    // each. The gap after an advert sent out of turn shrinks to the next multiple, never grows.
    bool alignAdverts = false;
};

// The CARP failover state machine for one vhid, without I/O. Every input carries the current
// time and returns the actions to carry out, in order. Rules follow ucarp so that a mixed pair
// agrees, plus the BSD bow-out advert, the demote byte and a maintenance mode that hands over.
class CarpMachine
{
public:
    explicit CarpMachine(const CarpParams& params);

    CarpActions start(TimePoint now, bool linkUp);
    // `advert` has been decoded and authenticated by the caller (CarpCodec, CarpHmac). Without
    // `mayTransition` it only shows the master alive (AdvertGuard's keep-alive trust).
    CarpActions advertReceived(TimePoint now, const CarpAdvert& advert, bool mayTransition = true);
    CarpActions timerFired(TimePoint now);
    CarpActions linkChanged(TimePoint now, bool up);
    CarpActions setMaintenance(TimePoint now, bool on);
    CarpActions setDemote(TimePoint now, quint8 demote);
    CarpActions handover(TimePoint now);
    CarpActions shutdown(TimePoint now);
    // The partner agent says (over the authenticated peer link) that it lost its link while MASTER
    // and gave up the VIP; `partner` is its CARP source address. A BACKUP whose link is up, that is
    // not in maintenance and follows that very master takes over at once, as for a bow-out.
    // Anything else changes nothing: the master-down timer still decides.
    PartnerVerdict partnerLinkLost(TimePoint now, quint32 partner, CarpActions& out);

    CarpState state() const { return m_state; }
    TimePoint stateSince() const { return m_since; }
    CarpReason stateReason() const { return m_reason; } // why the current state was entered
    bool linkUp() const { return m_linkUp; }
    bool maintenance() const { return m_maintenance; }
    bool claiming() const { return m_claiming; }
    bool heardPeer() const { return m_heardPeer; } // an advert since start or link-up: not a cold start
    quint8 demote() const { return m_demote; }
    std::optional<TimePoint> deadline() const { return m_deadline; }
    std::optional<TimePoint> lastPeerHeard() const { return m_lastPeerHeard; }
    quint32 lastPeer() const { return m_lastPeer; }
    const CarpParams& params() const { return m_params; }
    Micros advertInterval() const;
    Micros masterDownInterval() const;
    // As a backup following this advert's sender: silence for this long means it is gone. The
    // sender's own interval decides when it is shorter than ours (VRRPv3's rule): a master that
    // claims to advertise every 12 ms but is heard once a second is not alive by its own account.
    Micros masterDownFor(const CarpAdvert& advert) const;
    // masterDownFor() of the last authenticated advert heard (none: ours). A master that lost its
    // link cannot hold the VIP again sooner than this after its link returns.
    Micros peerMasterDown() const { return m_peerMasterDown.value_or(masterDownInterval()); }

    // ucarp compares the source addresses as host integers while still in network byte order; on
    // the little-endian machines it runs on, that ranks the last octet first. A mixed pair must
    // agree on who wins a tie, so Baton ranks the same way: lower key wins.
    static quint32 tieBreakKey(quint32 address);

private:
    bool remotePreferred(const CarpAdvert& advert) const;
    std::optional<CarpReason> backupTakeoverReason(const CarpAdvert& advert) const;
    CarpActions onAdvertAsMaster(TimePoint now, const CarpAdvert& advert, bool mayTransition);
    CarpActions onAdvertAsBackup(TimePoint now, const CarpAdvert& advert, bool mayTransition, bool cold);
    bool damped(TimePoint now, CarpActions& out); // notes the transition if it may happen
    void noteAdvertTransition(TimePoint now);     // one that is never damped (a yield)
    int recentAdvertTransitions(TimePoint now);   // within the window (older ones forgotten)
    void claim(TimePoint now, CarpReason reason, CarpActions& out);
    void becomeMaster(TimePoint now, CarpReason reason, CarpActions& out);
    void leaveMaster(TimePoint now, CarpReason reason, CarpState to, bool bowOut, CarpActions& out);
    void standDown(TimePoint now, CarpReason reason, bool bowOut, CarpActions& out);
    void rejoin(TimePoint now, CarpReason reason, CarpActions& out);
    void arm(TimePoint deadline, CarpActions& out);
    TimePoint nextAdvertAfter(TimePoint sent) const; // when a master's next advert falls due
    void cancel(CarpActions& out);
    void transition(TimePoint now, CarpState to, CarpReason reason, CarpActions& out);
    action::SendAdvert ownAdvert() const;
    quint8 effectiveSkew() const; // the advskew advertised and compared: raised while demoted
    Micros claimDuration() const;

    CarpParams m_params;
    CarpState m_state = CarpState::Init;
    TimePoint m_since{};
    CarpReason m_reason = CarpReason::Startup;
    bool m_linkUp = false;
    bool m_maintenance = false;
    bool m_claiming = false;
    CarpReason m_claimReason = CarpReason::MasterDown; // what the takeover will say when the claim ends
    bool m_heardPeer = false;  // a valid advert since start or link-up: not a cold start
    bool m_handedOver = false; // no preemption back until we next become MASTER
    quint8 m_demote = 0;
    int m_garpCountdown = 0; // the second gratuitous ARP leaves with the second advert after takeover
    std::optional<TimePoint> m_deadline;
    std::optional<TimePoint> m_lastPeerHeard;
    quint32 m_lastPeer = 0;
    std::optional<Micros> m_peerMasterDown;
    std::vector<TimePoint> m_advertTransitions; // within the last transitionWindow
    bool m_dampNotified = false;
    std::optional<TimePoint> m_lastReassert;
};

} // namespace baton
