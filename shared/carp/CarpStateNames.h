// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CarpState.h"

namespace baton {

// Stable kebab-case names: they appear in logs and on the control channel.
class CarpStateNames
{
public:
    static const char* state(CarpState state);
    static const char* reason(CarpReason reason);
};

} // namespace baton
