// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AgentConfig.h"

#include <QStringList>

namespace baton {

// CARP's only secret is its password: whoever reads it can forge adverts for the pair. A password
// written into a file that group or others may read (a batond.conf left 0644, Debian's 0644
// /etc/network/interfaces with its ucarp-password lines) is worth a warning naming the file.
class PasswordExposure
{
public:
    static QStringList check(const QString& path, const QList<GroupConfig>& groups);
};

} // namespace baton
