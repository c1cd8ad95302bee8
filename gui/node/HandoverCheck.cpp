// SPDX-License-Identifier: GPL-3.0-or-later
#include "HandoverCheck.h"

#include "carp/CarpTiming.h"

#include <algorithm>

namespace baton {

QString HandoverCheck::partnerProblem(const AgentConnection& partner, const QString& partnerName, int vhid)
{
    // An old snapshot says nothing about now: only a live agent's word counts.
    if (!partner.isLive() || !partner.status())
        return tr("the window has no live word from %1's agent, so whether it can take over is not known")
            .arg(partnerName);
    const AgentStatus& status = *partner.status();
    const auto group = std::find_if(status.groups.cbegin(), status.groups.cend(),
                                    [vhid](const GroupStatus& g) { return g.vhid == vhid; });
    if (group == status.groups.cend())
        return tr("%1 does not run vhid %2").arg(partnerName).arg(vhid);
    if (status.maintenance || group->maintenance)
        return tr("%1 is in maintenance").arg(partnerName);
    if (!group->linkUp)
        return tr("%1's link (%2) is down").arg(partnerName, group->interface);
    if (group->state == CarpState::Init)
        return tr("%1 does not run CARP (INIT)").arg(partnerName);
    return QString();
}

QString HandoverCheck::question(const QString& problem, const GroupStatus& own)
{
    const Micros masterDown =
        CarpTiming::masterDownInterval(static_cast<quint8>(own.advbase), static_cast<quint8>(own.advskew), 3);
    const double seconds = std::chrono::duration<double>(masterDown).count();
    return tr("The partner cannot take over now: %1.\n\nIf this node hands over, nobody holds the VIP "
              "until this node takes it back, about %2 s later (its master-down interval).\n\nHand over "
              "anyway?")
        .arg(problem)
        .arg(seconds, 0, 'f', seconds < 1 ? 2 : 1);
}

} // namespace baton
