// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/PeerPath.h"
#include "control/PeerLinkStatus.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace baton {

// What a node's peer link means for failover, in words for its card: whether a loss of its data
// link (or its partner's) is handed over at once, and if not, why not.
class FastPathText
{
    Q_DECLARE_TR_FUNCTIONS(FastPathText)
public:
    // withoutLink: what to say when the agent has no peer link (withoutLink() for its cluster);
    // empty = that no partner is named.
    static QString describe(const std::optional<PeerLinkStatus>& link,
                            const QString& withoutLink = QString());
    // Why an agent of this cluster has no peer link, from the cluster's addresses (PeerPath).
    static QString withoutLink(const PeerPath& path, const ClusterDefinition& cluster);
    // One direction's problem code (peer::problem) in words; unknown codes are shown as they are.
    static QString problem(const QString& code, std::optional<qint64> clockOffsetMs = std::nullopt);
};

} // namespace baton
