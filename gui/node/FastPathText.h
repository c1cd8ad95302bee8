// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    static QString describe(const std::optional<PeerLinkStatus>& link);
    // One direction's problem code (peer::problem) in words; unknown codes are shown as they are.
    static QString problem(const QString& code, std::optional<qint64> clockOffsetMs = std::nullopt);
};

} // namespace baton
