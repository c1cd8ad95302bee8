// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QStringList>

#include <optional>

namespace baton {

// What a server is before anything changes: gathered by one read-only script run as root
// (script()), parsed from its "key=value" lines (parse()). Nothing here guesses: a line the script
// did not print leaves its field empty.
struct RemoteFacts
{
    struct Package
    {
        bool installed = false; // dpkg status "ii"
        QString version;
    };
    struct File
    {
        bool exists = false;
        QString owner; // "root:root"
        QString mode;  // "600"
        QString sha256;
    };

    QString osId;         // "debian"
    QString osVersion;    // "12"
    QString osPretty;     // "Debian GNU/Linux 12 (bookworm)"
    QString architecture; // dpkg's: "amd64"
    qint64 freeKiB = -1;  // on /var
    QHash<QString, Package> packages;
    QHash<QString, File> files;
    QString unitEnabled; // systemctl is-enabled batond
    QString unitActive;  // systemctl is-active batond
    bool ucarpRunning = false;
    bool keepalivedRunning = false;
    bool batonUserExists = false; // the system user the agent's package creates
    bool batonGroupExists = false;
    QStringList addresses;  // "eth0 192.0.2.11/24"
    QStringList ucarpLines; // "/etc/network/interfaces:7:  ucarp-vid 1"
    QString defaultOpts;    // BATOND_OPTS of /etc/default/batond
    QByteArray agentConfig; // /etc/baton/batond.conf as it is (to tell a reload from a restart)
    QByteArray interfaces;  // /etc/network/interfaces as it is (a takeover reads its ucarp-* stanzas)
    // The running ucarp processes' command lines, as started (by ifupdown's hook): what a rollback
    // or an undone takeover starts again. They hold ucarp's password, as ucarp's own argv does.
    QStringList ucarpCommands;
    bool takeoverRecord = false; // /var/backups/baton-takeover exists: a takeover can be undone
    QStringList existingDirs;    // of managedDirs()
    // /var/cache/baton-deploy holds the .debs of exactly the versions installed (or none is).
    bool cacheHasPackages = false;

    static const QStringList& packageNames(); // batond batonctl ucarp keepalived
    static const QStringList& managedFiles(); // the files the deployment writes
    static const QStringList& managedDirs();  // the folders it may create
    static QString script();
    static std::optional<RemoteFacts> parse(const QByteArray& output, QString* error);

    bool isDebian12() const
    {
        return osId == QLatin1StringView("debian") && osVersion == QLatin1StringView("12");
    }
    bool holdsAddress(const QString& address) const;
    // Several lines for people: OS, architecture, space, packages, interfaces, ucarp stanzas.
    QStringList describe() const;
};

} // namespace baton
