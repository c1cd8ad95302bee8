// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace baton {

// The reboot drill's hands on the servers. The console links no SSH, so whoever runs a reboot drill
// (the window, and baton-deploy for `batonctl drill --type reboot`) gives DrillRunner one that logs
// in over SSH (deploy/SshRebooter). Both calls return at once and answer with a signal.
class ServerRebooter : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Reaches both servers as root before the drill starts; questions may be asked meanwhile.
    virtual void prepare() = 0;
    // Reboots node's server (0 or 1) with `systemctl reboot`.
    virtual void reboot(int node) = 0;

Q_SIGNALS:
    // What the login is doing, for people ("node1: log in: as admin").
    void progress(const QString& text);
    // error empty: both servers are reachable as root, and access says how (for the report).
    void prepared(const QString& error, const QString& access);
    // error empty: the command went out (a connection closed by the shutdown counts as sent).
    void rebootSent(int node, const QString& error);
};

} // namespace baton
