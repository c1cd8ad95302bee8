// SPDX-License-Identifier: GPL-3.0-or-later
#include "FastPathText.h"

#include "peer/PeerProtocol.h"

#include <QStringList>

namespace baton {

QString FastPathText::describe(const std::optional<PeerLinkStatus>& link, const QString& withoutLink)
{
    if (!link)
        return withoutLink.isEmpty() ? tr("not set up: no partner named (peer in batond.conf)") : withoutLink;
    if (link->ready())
        return tr("ready both ways with %1: a link loss on either node is handed over at once")
            .arg(link->partner);
    QStringList why;
    if (link->toPartner != PeerLinkStatus::Up)
        why << tr("to the partner: %1").arg(problem(link->toPartner, link->clockOffsetMs));
    if (link->fromPartner != PeerLinkStatus::Up)
        why << tr("from the partner: %1").arg(problem(link->fromPartner, link->clockOffsetMs));
    return tr("not ready with %1 (CARP's timing applies) — %2")
        .arg(link->partner, why.join(QStringLiteral("; ")));
}

QString FastPathText::withoutLink(const PeerPath& path, const ClusterDefinition& cluster)
{
    const QString name = path.node >= 0 ? cluster.nodes[static_cast<std::size_t>(path.node)].name : QString();
    switch (path.verdict) {
    case PeerPath::Verdict::Available:
        return tr("not set up: no partner named in batond.conf, though both agents are reached on a "
                  "management network; deploy the cluster again to set it up");
    case PeerPath::Verdict::AgentOnDataNetwork:
        return tr("not set up: %1's agent address %2 is on the data network %3, so the link would go down "
                  "with it; give both nodes a management address as agent address and deploy again")
            .arg(name, path.address, path.dataSubnet);
    case PeerPath::Verdict::NamedAgent:
        return tr("not set up: %1's agent address '%2' is a name; the peer link needs both agents' "
                  "management addresses")
            .arg(name, path.address);
    case PeerPath::Verdict::SharedAgentAddress:
        return tr("not set up: both agents have the address %1").arg(cluster.nodes[0].agentHost());
    case PeerPath::Verdict::SubnetUnknown:
        return tr(
            "not set up: the VIP is a /32, so a management network cannot be told from the data network");
    }
    return QString();
}

QString FastPathText::problem(const QString& code, std::optional<qint64> clockOffsetMs)
{
    using namespace peer::problem;
    if (code == Connecting)
        return tr("connecting…");
    if (code == Unreachable)
        return tr("unreachable");
    if (code == HandshakeFailed)
        return tr("TLS handshake failed (check both certificates)");
    if (code == NotPartner)
        return tr("the certificate is not the partner's");
    if (code == PartnerSilent)
        return tr("silent");
    if (code == BadVersion)
        return tr("incompatible versions");
    if (code == NotCalling)
        return tr("not connected");
    if (code == ClockSkew)
        return clockOffsetMs ? tr("clocks %1 ms apart").arg(*clockOffsetMs) : tr("clocks too far apart");
    if (code == TlsFiles)
        return tr("certificate files unusable");
    if (code == NotForClient)
        return tr(
            "this agent's certificate lacks client use: issue it again (batonctl pki issue-agent --replace)");
    if (code == ListenFailed)
        return tr("cannot listen for the partner");
    return code;
}

} // namespace baton
