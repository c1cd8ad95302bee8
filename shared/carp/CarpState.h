// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace baton {

enum class CarpState : quint8
{
    Init,
    Backup,
    Master,
};

// Why the machine did something. Codes, not sentences: logs and the control channel name them.
enum class CarpReason : quint8
{
    Startup,            // INIT -> BACKUP
    MasterDown,         // no advert within the master-down interval
    Claiming,           // cold start: nobody heard yet, announcing before taking the VIP
    ClaimLost,          // a preferred node answered during the claim
    Preempt,            // preempt on and our interval is strictly shorter
    SlowMaster,         // the master's interval exceeds our master-down interval
    BowOutReceived,     // the master left on purpose (advbase = advskew = 255)
    PeerDemoted,        // the master advertises a higher demote count than ours
    PreferredMaster,    // we were MASTER and heard a preferred one: yield
    NonPreferredMaster, // we are MASTER and heard a less preferred one: reassert
    LinkDown,
    LinkUp,
    Handover,
    HandoverRefused, // hand-over asked while not MASTER (or link down)
    MaintenanceOn,
    MaintenanceOff,
    DemoteChanged,
    Shutdown,
    FlapDamped,      // advert-triggered takeovers came too often: taking over on timers only for now
    PartnerLinkLost, // the partner agent said, over the peer link, that the master lost its link
};

// What a BACKUP made of its partner's word that the master lost its link (CarpMachine::partnerLinkLost).
enum class PartnerVerdict : quint8
{
    TakenOver,
    NotBackup,    // only a BACKUP takes over (a MASTER already holds the VIP; INIT is not running)
    OwnLinkDown,  // this node could not serve the VIP either
    Maintenance,  // kept BACKUP on purpose
    NotFollowing, // the master heard here since start or link-up is not the partner
    Damped,       // content-triggered transitions came too often; master-down still applies
    Claiming,     // nobody heard yet: announced, MASTER after the claim window unless a master answers
};

} // namespace baton
