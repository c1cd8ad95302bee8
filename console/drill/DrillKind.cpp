// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillKind.h"

#include <QCoreApplication>

namespace baton {

QString drillKindName(DrillKind kind)
{
    return kind == DrillKind::Classic ? QStringLiteral("classic") : QStringLiteral("handover");
}

std::optional<DrillKind> drillKindFromName(const QString& name)
{
    for (DrillKind kind : {DrillKind::Classic, DrillKind::Handover}) {
        if (drillKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString drillKindTitle(DrillKind kind)
{
    return kind == DrillKind::Classic ? QCoreApplication::translate("Drill", "Classic failover")
                                      : QCoreApplication::translate("Drill", "Graceful hand-over");
}

} // namespace baton
