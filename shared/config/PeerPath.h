// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ClusterDefinition.h"

#include <QCoreApplication>
#include <QString>

namespace baton {

// Whether a pair has a second path for the peer link, judged from its cluster definition. Each
// node's agent address is where the window reaches it; one outside the data network (the VIP's
// subnet) is a management path that survives a lost data link, so the agent that loses its data
// link can still tell its partner. On the data network such a link would go down with the very
// link whose loss it is meant to report, so a pair gets the peer link only when both agents are
// reached off the data network, at distinct addresses.
struct PeerPath
{
    Q_DECLARE_TR_FUNCTIONS(PeerPath)

public:
    enum class Verdict
    {
        Available,
        SubnetUnknown,      // the VIP is a /32: no data network to compare with
        NamedAgent,         // an agent address that is a host name: batond.conf takes addresses only
        AgentOnDataNetwork, // an agent reached on the data network (or at no address of its own)
        SharedAgentAddress, // both agents at one address
    };

    Verdict verdict = Verdict::SubnetUnknown;
    int node = -1;      // the node the verdict names; -1 when Available or about the cluster
    QString address;    // that node's agent address
    QString dataSubnet; // the VIP's subnet, "192.0.2.0/24"

    bool available() const { return verdict == Verdict::Available; }

    // Both agents' peer listeners use the port after their agent port (the one before it for 65535),
    // so the defaults give 7112 and 7113 and a pair never needs another setting.
    static quint16 port(const ClusterDefinition::Node& node);
    static PeerPath of(const ClusterDefinition& cluster);
    // In words for the deploy plan and batonctl: the link with its addresses, or why there is none
    // (translated where a translator is installed: the window).
    QString describe(const ClusterDefinition& cluster) const;
};

} // namespace baton
