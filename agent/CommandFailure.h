// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/ControlError.h"

#include <QString>

namespace baton {

// Why a console's command was not carried out: the code the console gets, and a sentence for the
// agent's own log (the agent never sends sentences).
struct CommandFailure
{
    ControlError error;
    QString message;
};

} // namespace baton
