// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/ClusterDefinition.h"

#include <QByteArray>

#include <array>
#include <optional>

namespace baton {

// Taking over a running ucarp pair: the cluster as its ucarp-* stanzas define it, the brief
// settings that let batond take the VIP from ucarp at once, and the stanzas commented out.
class StanzaCluster
{
public:
    // base gives what stanzas do not hold (name, PKI folder, console, control port); vhid, VIP and
    // prefix, password, advbase, preempt and each node's address, interface and advskew come from
    // the two servers' /etc/network/interfaces. Refused, naming the difference, when the two
    // servers' stanzas do not describe one pair, or the file includes others (`source`).
    static std::optional<ClusterDefinition>
    fromStanzas(const ClusterDefinition& base, const std::array<QByteArray, 2>& interfaces, QString* error);
    // The cluster with node `taker` advertising strictly more often than `holder`, and preempting:
    // started so, batond on the taker becomes MASTER on the holder's first advert, and ucarp, as
    // MASTER, yields at once to the better advert (its 3 s master-down is never waited for).
    static std::optional<ClusterDefinition> takingOver(const ClusterDefinition& cluster, int taker,
                                                       QString* error);
    // The interfaces file with every ucarp-* line commented out and a note above the first, so
    // that ifup no longer starts ucarp; everything else byte for byte as it was.
    static QByteArray commentedOut(const QByteArray& interfaces, const QString& note);
};

} // namespace baton
