// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the configuration tests: one field of a config as text (so data tables can
// name the field and its expected value), and matching an expected error.

#include "config/AgentConfig.h"
#include "config/ConfigResult.h"

#include <QFile>
#include <QString>
#include <QStringList>
#include <QTest>

namespace baton::test {

inline QString fieldText(const AgentConfig& config, const QString& field, int group = 0)
{
    if (field == u"stateDir")
        return config.stateDir;
    if (field == u"listen")
        return config.control.listenAddress + u':' + QString::number(config.control.port);
    if (field == u"peer")
        return config.control.peerAddress + u':' + QString::number(config.control.peerPort) + u'/' +
               config.control.peerListenAddress + u':' + QString::number(config.control.peerListenPort);
    if (field == u"tls")
        return QStringList{config.control.caFile, config.control.certFile, config.control.keyFile}.join(u',');
    if (field == u"groups")
        return QString::number(config.groups.size());
    if (group >= config.groups.size())
        return QStringLiteral("<no group %1>").arg(group);
    const GroupConfig& g = config.groups[group];
    QStringList vips;
    for (const Ipv4Prefix& vip : g.vips)
        vips << vip.toString();
    if (field == u"interface")
        return g.interface;
    if (field == u"source")
        return Ipv4::toString(g.source);
    if (field == u"vhid")
        return QString::number(g.vhid);
    if (field == u"vips")
        return vips.join(u',');
    if (field == u"vipLabel")
        return g.vipLabel;
    if (field == u"password")
        return QString::fromUtf8(g.password);
    if (field == u"passwordFile")
        return g.passwordFile;
    if (field == u"advbase")
        return QString::number(g.advbase);
    if (field == u"advskew")
        return QString::number(g.advskew);
    if (field == u"deadratio")
        return QString::number(g.deadratio);
    if (field == u"preempt")
        return g.preempt ? QStringLiteral("true") : QStringLiteral("false");
    if (field == u"multicastGroup")
        return Ipv4::toString(g.multicastGroup);
    if (field == u"hooks")
        return QStringList{g.hooks.upScript, g.hooks.downScript, g.hooks.xparam,
                           QString::number(g.hooks.timeoutSeconds)}
            .join(u',');
    return QStringLiteral("<unknown field %1>").arg(field);
}

inline QString allErrors(const ConfigResult& result)
{
    QStringList lines;
    for (const ConfigError& e : result.errors)
        lines << e.toString();
    return lines.join(u'\n');
}

// Fails the test unless the result holds exactly one error and it is the expected one.
inline bool hasOnlyError(const ConfigResult& result, const QString& file, int line, const QString& key,
                         const QString& message)
{
    if (result.errors.size() != 1) {
        qWarning("expected exactly one error, got %lld:\n%s", static_cast<long long>(result.errors.size()),
                 qUtf8Printable(allErrors(result)));
        return false;
    }
    const ConfigError& e = result.errors.first();
    if (e.file != file || e.line != line || e.key != key || !e.message.contains(message)) {
        qWarning("expected %s:%d key '%s' containing \"%s\"\n     got %s", qUtf8Printable(file), line,
                 qUtf8Printable(key), qUtf8Printable(message), qUtf8Printable(e.toString()));
        return false;
    }
    return true;
}

// Private by default, as a file holding a CARP password should be (PasswordExposure warns otherwise).
inline bool writeFile(const QString& path, const QByteArray& content,
                      QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return false;
    file.close();
    return file.setPermissions(permissions);
}

} // namespace baton::test
