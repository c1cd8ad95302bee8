// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerPath.h"

#include "net/Ipv4.h"

namespace baton {

quint16 PeerPath::port(const ClusterDefinition::Node& node)
{
    return node.agentPort < 65535 ? static_cast<quint16>(node.agentPort + 1) : quint16{65534};
}

PeerPath PeerPath::of(const ClusterDefinition& cluster)
{
    PeerPath path;
    const quint32 mask =
        cluster.vip.prefixLength >= 32 ? 0xFFFFFFFFu : ~(0xFFFFFFFFu >> cluster.vip.prefixLength);
    path.dataSubnet =
        QStringLiteral("%1/%2").arg(Ipv4::toString(cluster.vip.address & mask)).arg(cluster.vip.prefixLength);
    if (cluster.vip.prefixLength >= 32) {
        path.verdict = Verdict::SubnetUnknown;
        return path;
    }
    std::array<quint32, 2> agents{};
    for (int i = 0; i < 2; ++i) {
        const ClusterDefinition::Node& node = cluster.nodes[static_cast<std::size_t>(i)];
        path.node = i;
        path.address = node.agentHost();
        const std::optional<quint32> agent = Ipv4::parse(path.address);
        if (!agent) {
            path.verdict = Verdict::NamedAgent;
            return path;
        }
        if ((*agent & mask) == (cluster.vip.address & mask) || *agent == node.address) {
            path.verdict = Verdict::AgentOnDataNetwork;
            return path;
        }
        agents[static_cast<std::size_t>(i)] = *agent;
    }
    if (agents[0] == agents[1]) {
        path.verdict = Verdict::SharedAgentAddress;
        return path;
    }
    path.verdict = Verdict::Available;
    path.node = -1;
    path.address.clear();
    return path;
}

QString PeerPath::describe(const ClusterDefinition& cluster) const
{
    const QString name = node >= 0 ? cluster.nodes[static_cast<std::size_t>(node)].name : QString();
    switch (verdict) {
    case Verdict::Available: {
        const ClusterDefinition::Node& a = cluster.nodes[0];
        const ClusterDefinition::Node& b = cluster.nodes[1];
        return tr("on: the agents talk over the management network (%1 at %2:%3, %4 at %5:%6), "
                  "so a node that loses its data link hands the VIP over at once")
            .arg(a.name, a.agentHost())
            .arg(port(a))
            .arg(b.name, b.agentHost())
            .arg(port(b));
    }
    case Verdict::SubnetUnknown:
        return tr("off: the VIP is a /32, so a management network cannot be told from the data "
                  "network; CARP's timing decides a failover");
    case Verdict::NamedAgent:
        return tr("off: %1's agent address '%2' is a name; the peer link needs both agents' "
                  "management addresses; CARP's timing decides a failover")
            .arg(name, address);
    case Verdict::AgentOnDataNetwork:
        return tr("off: %1's agent address %2 is on the data network %3, where the peer link "
                  "would go down with the data link it reports; give both nodes an agent "
                  "address on a management network for the fast path; CARP's timing "
                  "decides a failover")
            .arg(name, address, dataSubnet);
    case Verdict::SharedAgentAddress:
        return tr("off: both agents have the address %1; CARP's timing decides a failover")
            .arg(cluster.nodes[0].agentHost());
    }
    return QString();
}

} // namespace baton
