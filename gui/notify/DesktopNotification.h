// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace baton {

// What one desktop notification says. Critical ones stay until the administrator closes them.
struct DesktopNotification
{
    QString title;
    QString body;
    bool critical = false;

    bool operator==(const DesktopNotification&) const = default;
};

} // namespace baton
