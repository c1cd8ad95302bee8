// SPDX-License-Identifier: GPL-3.0-or-later
#include "FastPathText.h"

#include "peer/PeerProtocol.h"

#include <QStringList>

namespace baton {

QString FastPathText::describe(const std::optional<PeerLinkStatus>& link)
{
    if (!link)
        return tr("not set up: no partner named (peer in batond.conf)");
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
