// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/AgentStatus.h"
#include "node/AgentConnection.h"

#include <QCoreApplication>
#include <QString>

namespace baton {

// Whether the partner can take the VIP the moment this node hands over. A MASTER that bows out
// removes the VIP first; if no backup takes it, nobody holds it until the old master takes it back
// at the end of its master-down interval. The window asks before it lets that happen.
class HandoverCheck
{
    Q_DECLARE_TR_FUNCTIONS(HandoverCheck)
public:
    // Empty when the partner is ready (a live BACKUP, or already MASTER, of `vhid` with its link
    // up and not in maintenance); otherwise why not, for people.
    static QString partnerProblem(const AgentConnection& partner, const QString& partnerName, int vhid);
    // The question for the administrator: `problem` from partnerProblem(), `own` the group handed over.
    static QString question(const QString& problem, const GroupStatus& own);
};

} // namespace baton
