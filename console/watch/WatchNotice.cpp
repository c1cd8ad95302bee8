// SPDX-License-Identifier: GPL-3.0-or-later
#include "WatchNotice.h"

namespace baton {

QString WatchNotice::group() const
{
    QString family;
    switch (kind) {
    case Kind::Failover:
        family = QStringLiteral("failover");
        break;
    case Kind::SplitBrain:
    case Kind::SplitBrainOver:
        family = QStringLiteral("split-brain");
        break;
    case Kind::AgentLost:
    case Kind::AgentBack:
        family = QStringLiteral("agent:") + node;
        break;
    case Kind::VipSilent:
    case Kind::VipBack:
        family = QStringLiteral("vip");
        break;
    case Kind::Forgery:
        family = QStringLiteral("forgery");
        break;
    case Kind::CertificateExpiring:
        family = QStringLiteral("certificate:") + node;
        break;
    }
    return cluster + u'\n' + family;
}

QLatin1StringView WatchNotice::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Failover:
        return QLatin1StringView("failover");
    case Kind::SplitBrain:
        return QLatin1StringView("split-brain");
    case Kind::SplitBrainOver:
        return QLatin1StringView("split-brain-over");
    case Kind::AgentLost:
        return QLatin1StringView("agent-lost");
    case Kind::AgentBack:
        return QLatin1StringView("agent-back");
    case Kind::VipSilent:
        return QLatin1StringView("vip-silent");
    case Kind::VipBack:
        return QLatin1StringView("vip-back");
    case Kind::Forgery:
        return QLatin1StringView("forgery");
    case Kind::CertificateExpiring:
        return QLatin1StringView("certificate-expiring");
    }
    return QLatin1StringView("unknown");
}

} // namespace baton
