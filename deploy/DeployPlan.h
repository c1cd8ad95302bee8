// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RemoteFacts.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace baton {

// What one server should end up with: the packages' version, the files' contents and modes.
struct DesiredServer
{
    struct File
    {
        QString path;
        QByteArray contents; // empty with generated: made on the server (the agent's key)
        QString mode;        // octal as stat prints it: "600"
        bool generated = false;
        bool operator==(const File&) const = default;
    };
    QString name;    // the cluster's node name
    QString server;  // the alias typed
    QString version; // of batond and batonctl
    QString architecture;
    QList<File> files;
    qint64 packageBytes = 0;
};

// What the deployment will do on one server, shown before anything changes: packages, files with
// owner and mode, the service, and what stays untouched. A plan with refusals cannot run.
struct DeployPlan
{
    enum class FileChange
    {
        Create,
        Replace,
        Keep,
    };
    enum class Service
    {
        Keep,
        Start,   // not running before
        Restart, // a new package
        Reload,  // the configuration only: SIGHUP keeps the VIP where it is
    };
    struct PlannedFile
    {
        QString path;
        QString owner = QStringLiteral("root:root");
        QString mode;
        FileChange change = FileChange::Keep;
    };

    QString server;
    QString name;
    QStringList refusals;
    QStringList warnings;
    bool installPackages = false;
    QString previousVersion; // empty: a fresh install
    QString version;
    bool newAgentKey = false;
    QList<PlannedFile> files;
    Service service = Service::Keep;
    bool enableUnit = false;
    QStringList untouched;
    bool takeover = false;

    bool nothingToChange() const;
    QString text() const;

    // Compares the facts with what is wanted. certificateCurrent: the server's agent.pem is the one
    // this desktop issued for it, for this cluster's addresses, not close to expiry.
    // takeover: the server's running ucarp is to be replaced (and must be there), not refused.
    static DeployPlan make(const RemoteFacts& facts, const DesiredServer& desired, bool certificateCurrent,
                           bool takeover = false);
    // Bytes the upload and the installed files need on /var, with room to spare.
    static qint64 requiredKiB(const DesiredServer& desired);

    Q_DECLARE_TR_FUNCTIONS(DeployPlan)
};

} // namespace baton
