// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarpStateNames.h"

namespace baton {

const char* CarpStateNames::state(CarpState state)
{
    switch (state) {
    case CarpState::Init:
        return "INIT";
    case CarpState::Backup:
        return "BACKUP";
    case CarpState::Master:
        return "MASTER";
    }
    return "?";
}

const char* CarpStateNames::reason(CarpReason reason)
{
    switch (reason) {
    case CarpReason::Startup:
        return "startup";
    case CarpReason::MasterDown:
        return "master-down";
    case CarpReason::Claiming:
        return "claiming";
    case CarpReason::ClaimLost:
        return "claim-lost";
    case CarpReason::Preempt:
        return "preempt";
    case CarpReason::SlowMaster:
        return "slow-master";
    case CarpReason::BowOutReceived:
        return "bow-out-received";
    case CarpReason::PeerDemoted:
        return "peer-demoted";
    case CarpReason::PreferredMaster:
        return "preferred-master";
    case CarpReason::NonPreferredMaster:
        return "non-preferred-master";
    case CarpReason::LinkDown:
        return "link-down";
    case CarpReason::LinkUp:
        return "link-up";
    case CarpReason::Handover:
        return "handover";
    case CarpReason::HandoverRefused:
        return "handover-refused";
    case CarpReason::MaintenanceOn:
        return "maintenance-on";
    case CarpReason::MaintenanceOff:
        return "maintenance-off";
    case CarpReason::DemoteChanged:
        return "demote-changed";
    case CarpReason::Shutdown:
        return "shutdown";
    case CarpReason::FlapDamped:
        return "flap-damped";
    case CarpReason::PartnerLinkLost:
        return "partner-link-lost";
    }
    return "?";
}

const char* CarpStateNames::partnerVerdict(PartnerVerdict verdict)
{
    switch (verdict) {
    case PartnerVerdict::TakenOver:
        return "taken-over";
    case PartnerVerdict::NotBackup:
        return "not-backup";
    case PartnerVerdict::OwnLinkDown:
        return "own-link-down";
    case PartnerVerdict::Maintenance:
        return "maintenance";
    case PartnerVerdict::NotFollowing:
        return "not-following-partner";
    case PartnerVerdict::Damped:
        return "damped";
    case PartnerVerdict::Claiming:
        return "claiming";
    }
    return "?";
}

QString CarpStateNames::wireState(CarpState state)
{
    return QString::fromLatin1(CarpStateNames::state(state)).toLower();
}

std::optional<CarpState> CarpStateNames::stateFromWire(QStringView name)
{
    for (const CarpState s : {CarpState::Init, CarpState::Backup, CarpState::Master})
        if (name == wireState(s))
            return s;
    return std::nullopt;
}

} // namespace baton
