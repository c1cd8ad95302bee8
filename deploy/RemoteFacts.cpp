// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoteFacts.h"

#include "util/Fail.h"

#include <QCoreApplication>

namespace baton {

const QStringList& RemoteFacts::packageNames()
{
    static const QStringList names{QStringLiteral("batond"), QStringLiteral("batonctl"),
                                   QStringLiteral("ucarp"), QStringLiteral("keepalived")};
    return names;
}

const QStringList& RemoteFacts::managedFiles()
{
    static const QStringList files{
        QStringLiteral("/etc/baton/batond.conf"),     QStringLiteral("/etc/baton/pki/ca.pem"),
        QStringLiteral("/etc/baton/pki/agent.pem"),   QStringLiteral("/etc/baton/pki/agent.key"),
        QStringLiteral("/var/lib/baton/revoked.crl"), QStringLiteral("/etc/network/interfaces")};
    return files;
}

const QStringList& RemoteFacts::managedDirs()
{
    static const QStringList dirs{QStringLiteral("/etc/baton"), QStringLiteral("/etc/baton/pki"),
                                  QStringLiteral("/var/lib/baton"),
                                  QStringLiteral("/var/cache/baton-deploy")};
    return dirs;
}

QString RemoteFacts::script()
{
    QString s = QStringLiteral(
        "set -u\n"
        "( . /etc/os-release 2>/dev/null; echo \"os-id=${ID:-}\"; echo \"os-version=${VERSION_ID:-}\"; "
        "echo \"os-pretty=${PRETTY_NAME:-}\" )\n"
        "echo \"arch=$(dpkg --print-architecture 2>/dev/null || uname -m)\"\n"
        "echo \"free-kib=$(df -Pk /var | awk 'NR==2 {print $4}')\"\n"
        "for p in %1; do echo \"package $p=$(dpkg-query -W -f '${db:Status-Abbrev} ${Version}' $p "
        "2>/dev/null)\"; done\n"
        "for f in %2; do if [ -e \"$f\" ]; then echo \"file $f=$(stat -c '%U:%G %a' \"$f\") $(sha256sum < "
        "\"$f\" | cut -d' ' -f1)\"; "
        "else echo \"file $f=\"; fi; done\n"
        "echo \"unit-enabled=$(systemctl is-enabled batond 2>/dev/null)\"\n"
        "echo \"unit-active=$(systemctl is-active batond 2>/dev/null)\"\n"
        "echo \"ucarp-running=$(pidof ucarp >/dev/null && echo yes || echo no)\"\n"
        "for p in $(pidof ucarp); do echo \"ucarp-command=$(tr '\\0' ' ' < /proc/$p/cmdline)\"; done\n"
        "echo \"keepalived-running=$(pidof keepalived >/dev/null && echo yes || echo no)\"\n"
        "echo \"interfaces=$(base64 -w0 /etc/network/interfaces 2>/dev/null)\"\n"
        "[ -d /var/backups/baton-takeover ] && echo takeover-record=yes\n"
        "echo \"baton-user=$(getent passwd baton >/dev/null && echo yes || echo no)\"\n"
        "echo \"baton-group=$(getent group baton >/dev/null && echo yes || echo no)\"\n"
        "echo \"default-opts=$( [ -r /etc/default/batond ] && . /etc/default/batond; echo "
        "\"${BATOND_OPTS:-}\")\"\n"
        "ip -o -4 addr show | while read -r _ name _ address _; do echo \"address=$name $address\"; done\n"
        "grep -Hn '^[[:space:]]*ucarp-' /etc/network/interfaces /etc/network/interfaces.d/* 2>/dev/null | "
        "sed 's/^/ucarp=/'\n"
        "for d in %3; do [ -d \"$d\" ] && echo \"dir=$d\"; done\n"
        // A failed upgrade reinstalls what is installed from the cache: its exact versions must be there.
        "cache=yes; for p in batond batonctl; do s=$(dpkg-query -W -f '${db:Status-Abbrev}|${Version}' $p "
        "2>/dev/null); case \"$s\" in ii*) v=${s#*|}; ls /var/cache/baton-deploy/${p}_${v#*:}_*.deb "
        ">/dev/null 2>&1 || cache=no;; esac; done; echo cache=$cache\n"
        "[ -f /etc/baton/batond.conf ] && echo \"agent-config=$(base64 -w0 /etc/baton/batond.conf)\"\n"
        "echo end=1\n");
    return s.arg(packageNames().join(u' '), managedFiles().join(u' '), managedDirs().join(u' '));
}

std::optional<RemoteFacts> RemoteFacts::parse(const QByteArray& output, QString* error)
{
    RemoteFacts facts;
    bool complete = false;
    const QStringList lines = QString::fromUtf8(output).split(u'\n');
    for (const QString& line : lines) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0)
            continue;
        const QString key = line.left(eq);
        const QString value = line.mid(eq + 1);
        if (key == QLatin1StringView("os-id"))
            facts.osId = value;
        else if (key == QLatin1StringView("os-version"))
            facts.osVersion = value;
        else if (key == QLatin1StringView("os-pretty"))
            facts.osPretty = value;
        else if (key == QLatin1StringView("arch"))
            facts.architecture = value;
        else if (key == QLatin1StringView("free-kib"))
            facts.freeKiB = value.toLongLong();
        else if (key.startsWith(QLatin1StringView("package "))) {
            Package package;
            package.installed = value.startsWith(QLatin1StringView("ii"));
            package.version = value.section(u' ', -1).trimmed();
            if (!package.installed)
                package.version.clear();
            facts.packages.insert(key.mid(8), package);
        } else if (key.startsWith(QLatin1StringView("file "))) {
            File file;
            const QStringList parts = value.split(u' ', Qt::SkipEmptyParts);
            if (parts.size() == 3) {
                file.exists = true;
                file.owner = parts[0];
                file.mode = parts[1];
                file.sha256 = parts[2];
            }
            facts.files.insert(key.mid(5), file);
        } else if (key == QLatin1StringView("unit-enabled"))
            facts.unitEnabled = value;
        else if (key == QLatin1StringView("unit-active"))
            facts.unitActive = value;
        else if (key == QLatin1StringView("ucarp-running"))
            facts.ucarpRunning = value == QLatin1StringView("yes");
        else if (key == QLatin1StringView("keepalived-running"))
            facts.keepalivedRunning = value == QLatin1StringView("yes");
        else if (key == QLatin1StringView("baton-user"))
            facts.batonUserExists = value == QLatin1StringView("yes");
        else if (key == QLatin1StringView("baton-group"))
            facts.batonGroupExists = value == QLatin1StringView("yes");
        else if (key == QLatin1StringView("default-opts"))
            facts.defaultOpts = value.trimmed();
        else if (key == QLatin1StringView("address"))
            facts.addresses << value;
        else if (key == QLatin1StringView("ucarp"))
            facts.ucarpLines << value;
        else if (key == QLatin1StringView("dir"))
            facts.existingDirs << value;
        else if (key == QLatin1StringView("ucarp-command"))
            facts.ucarpCommands << value.trimmed();
        else if (key == QLatin1StringView("interfaces"))
            facts.interfaces = QByteArray::fromBase64(value.toLatin1());
        else if (key == QLatin1StringView("takeover-record"))
            facts.takeoverRecord = value == QLatin1StringView("yes");
        else if (key == QLatin1StringView("agent-config"))
            facts.agentConfig = QByteArray::fromBase64(value.toLatin1());
        else if (key == QLatin1StringView("cache"))
            facts.cacheHasPackages = value == QLatin1StringView("yes");
        else if (key == QLatin1StringView("end"))
            complete = true;
    }
    if (!complete)
        return fail(error,
                    QCoreApplication::translate("RemoteFacts", "the facts script stopped before its end"));
    if (facts.osId.isEmpty())
        return fail(error, QCoreApplication::translate("RemoteFacts", "no /etc/os-release (ID is missing)"));
    return facts;
}

bool RemoteFacts::holdsAddress(const QString& address) const
{
    for (const QString& entry : addresses)
        if (entry.section(u' ', 1, 1).section(u'/', 0, 0) == address)
            return true;
    return false;
}

QStringList RemoteFacts::describe() const
{
    QStringList lines;
    lines << QCoreApplication::translate("RemoteFacts",
                                         "system: %1 (ID=%2, VERSION_ID=%3), %4, %5 MiB free on /var")
                 .arg(osPretty.isEmpty() ? QCoreApplication::translate("RemoteFacts", "unknown") : osPretty,
                      osId,
                      osVersion.isEmpty() ? QCoreApplication::translate("RemoteFacts", "none") : osVersion,
                      architecture)
                 .arg(freeKiB / 1024);
    QStringList installed;
    for (const QString& name : packageNames()) {
        const Package package = packages.value(name);
        if (package.installed)
            installed << QStringLiteral("%1 %2").arg(name, package.version);
    }
    lines << QCoreApplication::translate("RemoteFacts", "installed: %1")
                 .arg(installed.isEmpty() ? QCoreApplication::translate(
                                                "RemoteFacts", "none of batond, batonctl, ucarp, keepalived")
                                          : installed.join(QStringLiteral(", ")));
    lines << QCoreApplication::translate("RemoteFacts", "addresses: %1")
                 .arg(addresses.join(QStringLiteral(", ")));
    if (!ucarpLines.isEmpty())
        lines << QCoreApplication::translate("RemoteFacts", "ucarp-* stanzas: %1 lines (%2)")
                     .arg(ucarpLines.size())
                     .arg(ucarpLines.first().section(u':', 0, 0));
    return lines;
}

} // namespace baton
