// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClusterConfigGenerator.h"

#include "PeerPath.h"

namespace baton {

ConfigResult ClusterConfigGenerator::generate(const ClusterDefinition& definition, int nodeIndex)
{
    ConfigResult result;
    if (nodeIndex != 0 && nodeIndex != 1) {
        result.errors.append({QString(), 0, QStringLiteral("nodeIndex"),
                              QStringLiteral("expected 0 or 1, got '%1'").arg(nodeIndex)});
        return result;
    }
    result.errors = definition.validate();
    if (!result.ok())
        return result;
    result.warnings = definition.advisories();

    const ClusterDefinition::Node& node = definition.nodes[static_cast<std::size_t>(nodeIndex)];
    GroupConfig group;
    group.interface = node.interface;
    group.source = node.address;
    group.advskew = node.advskew;
    group.vhid = definition.vhid;
    group.vips = {definition.vip};
    group.vipLabel = GroupConfig::defaultVipLabel(node.interface);
    group.password = definition.password.toUtf8();
    group.advbase = definition.advbase;
    group.deadratio = definition.deadratio;
    group.preempt = definition.preempt;

    AgentConfig& config = result.config;
    config.groups = {group};
    config.control.listenAddress = Ipv4::toString(node.address);
    config.control.port = node.agentPort;
    if (PeerPath::of(definition).available()) {
        // Consoles and the partner reach the agent on its management address, which is also where
        // it tells the partner that its data link is lost.
        const ClusterDefinition::Node& partner = definition.nodes[static_cast<std::size_t>(1 - nodeIndex)];
        config.control.listenAddress = node.agentHost();
        config.control.peerAddress = partner.agentHost();
        config.control.peerPort = PeerPath::port(partner);
        config.control.peerListenAddress = node.agentHost();
        config.control.peerListenPort = PeerPath::port(node);
    }
    config.control.caFile = PkiDir + QStringLiteral("/ca.pem");
    config.control.certFile = PkiDir + QStringLiteral("/agent.pem");
    config.control.keyFile = PkiDir + QStringLiteral("/agent.key");
    return result;
}

} // namespace baton
