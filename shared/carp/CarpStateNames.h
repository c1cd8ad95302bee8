// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CarpState.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace baton {

// Stable kebab-case names: they appear in logs and on the control channel.
class CarpStateNames
{
public:
    static const char* state(CarpState state);
    static const char* reason(CarpReason reason);
    static const char* partnerVerdict(PartnerVerdict verdict);
    // The control channel spells states in lower case ("master"); these two convert both ways.
    static QString wireState(CarpState state);
    static std::optional<CarpState> stateFromWire(QStringView name);
};

} // namespace baton
