// SPDX-License-Identifier: GPL-3.0-or-later
#include "StanzaCluster.h"

#include "config/IfupdownReader.h"
#include "util/Fail.h"

#include <QCoreApplication>

namespace baton {

namespace {

bool isUcarpLine(const QByteArray& line)
{
    return line.trimmed().startsWith("ucarp-");
}

bool includesOthers(const QByteArray& interfaces)
{
    const QList<QByteArray> lines = interfaces.split('\n');
    return std::any_of(lines.begin(), lines.end(), [](const QByteArray& line) {
        const QByteArray word = line.trimmed().split(' ').first().split('\t').first();
        return word == "source" || word == "source-directory";
    });
}

} // namespace

std::optional<ClusterDefinition> StanzaCluster::fromStanzas(const ClusterDefinition& base,
                                                            const std::array<QByteArray, 2>& interfaces,
                                                            QString* error)
{
    std::array<GroupConfig, 2> groups;
    for (std::size_t i = 0; i < 2; ++i) {
        const QString server = base.nodes[i].name;
        if (includesOthers(interfaces[i]))
            return fail(error, QCoreApplication::translate(
                                   "StanzaCluster",
                                   "%1's /etc/network/interfaces includes other files (source): take its "
                                   "ucarp-* stanzas over by hand")
                                   .arg(server));
        const ConfigResult read = IfupdownReader::readText(QString::fromUtf8(interfaces[i]),
                                                           QStringLiteral("/etc/network/interfaces"));
        if (!read.ok())
            return fail(error, QCoreApplication::translate("StanzaCluster", "%1's ucarp-* stanzas: %2")
                                   .arg(server, read.errors.first().toString()));
        if (read.config.groups.size() != 1)
            return fail(error, QCoreApplication::translate(
                                   "StanzaCluster",
                                   "%1 has %2 ucarp groups in /etc/network/interfaces; a takeover needs "
                                   "exactly one")
                                   .arg(server)
                                   .arg(read.config.groups.size()));
        groups[i] = read.config.groups.first();
        if (groups[i].vips.size() != 1)
            return fail(
                error, QCoreApplication::translate(
                           "StanzaCluster", "%1's ucarp group has %2 addresses; a takeover needs exactly one")
                           .arg(server)
                           .arg(groups[i].vips.size()));
    }
    const GroupConfig& a = groups[0];
    const GroupConfig& b = groups[1];
    const auto differ = [&](const QString& what, const QString& first, const QString& second) {
        return fail(error, QCoreApplication::translate(
                               "StanzaCluster",
                               "the two servers' ucarp-* stanzas differ in %1 (%2 on %3, %4 on %5): they "
                               "are not one pair")
                               .arg(what, first, base.nodes[0].name, second, base.nodes[1].name));
    };
    if (a.vhid != b.vhid)
        return differ(QStringLiteral("ucarp-vid"), QString::number(a.vhid), QString::number(b.vhid));
    if (a.vips != b.vips)
        return differ(QStringLiteral("ucarp-vip"), a.vips.first().toString(), b.vips.first().toString());
    if (a.password != b.password)
        return differ(QStringLiteral("ucarp-password"), QCoreApplication::translate("StanzaCluster", "one"),
                      QCoreApplication::translate("StanzaCluster", "another"));
    if (a.advbase != b.advbase)
        return differ(QStringLiteral("ucarp-advbase"), QString::number(a.advbase),
                      QString::number(b.advbase));
    if (a.preempt != b.preempt)
        return differ(QStringLiteral("ucarp-master"),
                      a.preempt ? QStringLiteral("yes") : QStringLiteral("no"),
                      b.preempt ? QStringLiteral("yes") : QStringLiteral("no"));
    ClusterDefinition cluster = base;
    cluster.vhid = a.vhid;
    cluster.vip = a.vips.first();
    cluster.password = QString::fromUtf8(a.password);
    cluster.advbase = a.advbase;
    cluster.preempt = a.preempt;
    cluster.deadratio = a.deadratio;
    for (std::size_t i = 0; i < 2; ++i) {
        cluster.nodes[i].address = groups[i].source;
        cluster.nodes[i].interface = groups[i].interface;
        cluster.nodes[i].advskew = groups[i].advskew;
    }
    if (const ConfigErrors errors = cluster.validate(); !errors.isEmpty())
        return fail(error,
                    QCoreApplication::translate("StanzaCluster", "the cluster from the ucarp-* stanzas: %1")
                        .arg(errors.first().toString()));
    return cluster;
}

std::optional<ClusterDefinition> StanzaCluster::takingOver(const ClusterDefinition& cluster, int taker,
                                                           QString* error)
{
    const std::size_t holder = taker == 0 ? 1 : 0;
    ClusterDefinition brief = cluster;
    ClusterDefinition::Node& node = brief.nodes[static_cast<std::size_t>(taker)];
    const quint8 holderSkew = cluster.nodes[holder].advskew;
    // The advert interval is advbase + advskew/256 s: one step shorter than the holder's.
    if (holderSkew > 0) {
        node.advskew = static_cast<quint8>(holderSkew - 1);
    } else if (cluster.advbase > 0) {
        brief.advbase = static_cast<quint8>(cluster.advbase - 1);
        node.advskew = 254;
        // advbase is the pair's: the holder's side keeps the stanza's in its own configuration.
    } else {
        return fail(error, QCoreApplication::translate(
                               "StanzaCluster",
                               "the ucarp pair already advertises as often as CARP allows (advbase 0, "
                               "advskew 0): no better advert exists to take the VIP over with"));
    }
    brief.preempt = true;
    return brief;
}

QByteArray StanzaCluster::commentedOut(const QByteArray& interfaces, const QString& note)
{
    QList<QByteArray> lines = interfaces.split('\n');
    bool noted = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!isUcarpLine(lines[i]))
            continue;
        qsizetype indent = 0;
        while (indent < lines[i].size() && (lines[i][indent] == ' ' || lines[i][indent] == '\t'))
            ++indent;
        const QByteArray prefix = lines[i].left(indent);
        if (!noted) {
            lines.insert(i, prefix + "# " + note.toUtf8());
            ++i;
            noted = true;
        }
        lines[i] = prefix + "# " + lines[i].mid(indent);
    }
    return lines.join('\n');
}

} // namespace baton
