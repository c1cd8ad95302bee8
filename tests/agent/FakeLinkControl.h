// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LinkControl.h"

#include <QMap>
#include <QStringList>

namespace baton {

// Links in memory: what the dead-man switch set, in order, and failures on demand.
class FakeLinkControl : public LinkControl
{
public:
    QMap<QString, bool> up; // the links that exist, and whether they are up
    QStringList calls;      // "eth0 down", "eth0 up", in order
    QStringList failing;    // setLinkUp on these fails
    bool linkExists(const QString& name) override { return up.contains(name); }
    QString setLinkUp(const QString& name, bool on) override
    {
        calls << name + (on ? QStringLiteral(" up") : QStringLiteral(" down"));
        if (!up.contains(name))
            return QStringLiteral("no such link %1").arg(name);
        if (failing.contains(name))
            return QStringLiteral("EBUSY");
        up[name] = on;
        return {};
    }
};

} // namespace baton
