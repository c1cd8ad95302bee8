// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace baton {

// The agent's state folder (/var/lib/baton): made on first need, private when batond makes it; a
// folder the administrator made keeps the mode they chose.
class StateDirectory
{
public:
    // Empty on success, else why it cannot be made.
    static QString ensure(const QString& path);
};

} // namespace baton
