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
        break;
    }
    return QStringLiteral("agent-crash");
}

std::optional<DrillKind> drillKindFromName(const QString& name)
{
    for (DrillKind kind : {DrillKind::Classic, DrillKind::Handover, DrillKind::AgentCrash}) {
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
        break;
    }
    return QCoreApplication::translate("Drill", "Agent crash");
}

} // namespace baton
