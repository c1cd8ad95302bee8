// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace baton {

// Which procedure a drill runs. Classic is the seed's manual test (each server's interface down and
// up again, the MASTER first); Handover moves the VIP gracefully one way and back; AgentCrash kills
// the MASTER's agent without a word (the control channel's `crash`) and expects the peer to take over
// and the restarted agent to remove the VIP it left behind; Reboot reboots the MASTER's server over
// SSH and expects the peer to take over and the server's agent to come back at boot.
enum class DrillKind
{
    Classic,
    Handover,
    AgentCrash,
    Reboot,
};

QString drillKindName(DrillKind kind); // "classic", "handover": the JSON and command-line word
std::optional<DrillKind> drillKindFromName(const QString& name);
QString drillKindTitle(DrillKind kind); // for people, translated

} // namespace baton
