// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostCheck.h"

#include "pki/TlsIdentity.h"

#include <QFileInfo>
#include <QStringList>

namespace baton {

namespace {

constexpr int ExpiryWarningDays = 30;

quint32 mask(int prefixLength)
{
    return prefixLength <= 0 ? 0 : ~quint32{0} << (32 - prefixLength);
}

QString list(const QList<Ipv4Prefix>& addresses)
{
    QStringList parts;
    for (const Ipv4Prefix& a : addresses)
        parts << a.toString();
    return parts.isEmpty() ? QStringLiteral("no IPv4 address") : parts.join(QStringLiteral(", "));
}

void checkHook(const QString& path, const QString& key, const GroupConfig& g, const QString& file,
               ConfigErrors& errors)
{
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    QString problem;
    if (!info.exists())
        problem = QStringLiteral("%1 does not exist").arg(path);
    else if (!info.isFile())
        problem = QStringLiteral("%1 is not a regular file").arg(path);
    else if (!info.isExecutable())
        problem = QStringLiteral("%1 is not executable (chmod +x, and give it a #! line)").arg(path);
    if (!problem.isEmpty())
        errors << ConfigError{file, g.line, key, problem};
}

} // namespace

void HostCheck::check(ConfigResult& result, const QString& file, NetlinkRoute& netlink)
{
    const AgentConfig& config = result.config;
    ConfigErrors& errors = result.errors;
    // Every group's VIPs: whichever this node holds right now must not count as its own subnets,
    // or --check would answer differently on the MASTER and the BACKUP.
    QList<quint32> allVips;
    for (const GroupConfig& g : config.groups)
        for (const Ipv4Prefix& v : g.vips)
            allVips << v.address;
    for (const GroupConfig& g : config.groups) {
        checkHook(g.hooks.upScript, QStringLiteral("up-hook"), g, file, errors);
        checkHook(g.hooks.downScript, QStringLiteral("down-hook"), g, file, errors);
        const auto link = netlink.link(g.interface);
        if (!link) {
            errors << ConfigError{file, g.line, QStringLiteral("interface"),
                                  QStringLiteral("this host has no interface named '%1'").arg(g.interface)};
            continue;
        }
        QList<Ipv4Prefix> own;
        for (const Ipv4Prefix& a : netlink.addresses(link->ifindex))
            if (!allVips.contains(a.address))
                own << a;
        if (std::none_of(own.begin(), own.end(), [&g](const Ipv4Prefix& a) { return a.address == g.source; }))
            errors << ConfigError{file, g.line, QStringLiteral("source"),
                                  QStringLiteral("%1 is not an address of %2 (it has %3)")
                                      .arg(Ipv4::toString(g.source), g.interface, list(own))};
        for (const Ipv4Prefix& vip : g.vips) {
            const bool inside = std::any_of(own.begin(), own.end(), [&vip](const Ipv4Prefix& a) {
                return (vip.address & mask(a.prefixLength)) == (a.address & mask(a.prefixLength));
            });
            if (!inside)
                errors << ConfigError{
                    file, g.line, QStringLiteral("vip"),
                    QStringLiteral("%1 is outside every subnet of %2 (%3): neighbours would "
                                   "not reach it there")
                        .arg(vip.toString(), g.interface, list(own))};
        }
    }
    if (!config.control.listenAddress.isEmpty())
        result.warnings << TlsIdentity::problems(config.control.caFile, config.control.certFile,
                                                 config.control.keyFile, ExpiryWarningDays);
}

} // namespace baton
