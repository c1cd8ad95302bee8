// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace baton {

// Which procedure a drill runs. Classic is the seed's manual test (each server's interface down and
// up again, the MASTER first); Handover moves the VIP gracefully one way and back.
enum class DrillKind
{
    Classic,
    Handover,
};

QString drillKindName(DrillKind kind); // "classic", "handover": the JSON and command-line word
std::optional<DrillKind> drillKindFromName(const QString& name);
QString drillKindTitle(DrillKind kind); // for people, translated

} // namespace baton
