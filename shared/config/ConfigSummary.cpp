// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigSummary.h"

#include "carp/CarpTiming.h"

#include <QStringList>

namespace baton {

namespace {
QString seconds(Micros t)
{
    return QString::number(static_cast<double>(t.count()) / 1e6, 'f', 3) + QStringLiteral(" s");
}
} // namespace

QString ConfigSummary::describe(const GroupConfig& group)
{
    QStringList vips;
    for (const Ipv4Prefix& vip : group.vips)
        vips << vip.toString();
    QString text = QStringLiteral("vhid %1 on %2 from %3: VIP %4")
                       .arg(group.vhid)
                       .arg(group.interface, Ipv4::toString(group.source), vips.join(QStringLiteral(", ")));
    if (!group.vipLabel.isEmpty())
        text += QStringLiteral(" (label %1)").arg(group.vipLabel);
    text += QStringLiteral("; advbase %1, advskew %2 -> advert every %3, master down after %4; preempt %5")
                .arg(group.advbase)
                .arg(group.advskew)
                .arg(seconds(CarpTiming::advertInterval(group.advbase, group.advskew)),
                     seconds(CarpTiming::masterDownInterval(group.advbase, group.advskew, group.deadratio)),
                     group.preempt ? QStringLiteral("on") : QStringLiteral("off"));
    if (group.strictAuth)
        text += QStringLiteral("; strict authentication (batond peers only)");
    if (!group.hooks.upScript.isEmpty() || !group.hooks.downScript.isEmpty())
        text += QStringLiteral("; hooks up=%1 down=%2")
                    .arg(group.hooks.upScript.isEmpty() ? QStringLiteral("-") : group.hooks.upScript,
                         group.hooks.downScript.isEmpty() ? QStringLiteral("-") : group.hooks.downScript);
    return text;
}

int ConfigSummary::report(const ConfigResult& result, const QString& program, QTextStream& out,
                          QTextStream& err)
{
    for (const QString& warning : result.warnings)
        err << program << ": warning: " << warning << '\n';
    for (const ConfigError& error : result.errors)
        err << program << ": " << error.toString() << '\n';
    if (!result.ok()) {
        err << program << ": configuration rejected (" << result.errors.size() << " error"
            << (result.errors.size() == 1 ? "" : "s") << ")\n";
        return 1;
    }
    for (const GroupConfig& group : result.config.groups)
        out << describe(group) << '\n';
    if (!result.config.control.listenAddress.isEmpty())
        out << "control: listen " << result.config.control.listenAddress << ':' << result.config.control.port
            << '\n';
    const ControlConfig& c = result.config.control;
    if (!c.peerAddress.isEmpty())
        out << "peer link: partner " << c.peerAddress << ':' << c.peerPort << ", listen "
            << c.peerListenAddress << ':' << c.peerListenPort << '\n';
    return 0;
}

} // namespace baton
