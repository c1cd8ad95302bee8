// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillKind.h"

#include <QCoreApplication>

namespace baton {

QString drillKindName(DrillKind kind)
{
    switch (kind) {
    case DrillKind::Classic:
        return QStringLiteral("classic");
    case DrillKind::Handover:
        return QStringLiteral("handover");
    case DrillKind::AgentCrash:
        return QStringLiteral("agent-crash");
    case DrillKind::Reboot:
        break;
    }
    return QStringLiteral("reboot");
}

std::optional<DrillKind> drillKindFromName(const QString& name)
{
    for (DrillKind kind :
         {DrillKind::Classic, DrillKind::Handover, DrillKind::AgentCrash, DrillKind::Reboot}) {
        if (drillKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString drillKindTitle(DrillKind kind)
{
    switch (kind) {
    case DrillKind::Classic:
        return QCoreApplication::translate("Drill", "Classic failover");
    case DrillKind::Handover:
        return QCoreApplication::translate("Drill", "Graceful hand-over");
    case DrillKind::AgentCrash:
        return QCoreApplication::translate("Drill", "Agent crash");
    case DrillKind::Reboot:
        break;
    }
    return QCoreApplication::translate("Drill", "Server reboot");
}

} // namespace baton
