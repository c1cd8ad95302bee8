// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CarpAction.h"

#include <QString>

namespace baton {

class CarpActionText
{
public:
    // "send-advert 1/1 demote 0", "arm-timer @3.003906", "notify master-down BACKUP->MASTER", ...
    static QString describe(const CarpAction& action);
    static QString describe(const CarpActions& actions);
};

} // namespace baton
