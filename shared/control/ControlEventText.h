// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ControlEvent.h"

#include <QString>

namespace baton {

// One line for people from an agent's event (docs/control-protocol.md, "Events"), translated
// (context "ControlEvent"): `batonctl watch` prints it and the window's event log shows it.
class ControlEventText
{
public:
    static QString describe(const ControlEvent& event);
};

} // namespace baton
