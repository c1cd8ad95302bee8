// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerLogin.h"

namespace baton {

bool ServerLogin::open(const SshTarget& target, const QString& server, DeployPrompter& prompter,
                       const std::atomic_bool* cancel, const Reporter& report,
                       std::unique_ptr<SshSession>& session, std::unique_ptr<RemoteHost>& host,
                       QString* error)
{
    report(QStringLiteral("connect"), target.describe(QString()));
    session = std::make_unique<SshSession>();
    session->setCancelFlag(cancel);
    if (!session->connect(target, server, error))
        return false;
    const HostKeyInfo key = session->hostKey();
    switch (session->hostKeyState()) {
    case SshSession::HostKeyState::Known:
        report(QStringLiteral("host key"), tr("%1 %2 known").arg(key.type, key.fingerprint));
        break;
    case SshSession::HostKeyState::Unknown:
        report(QStringLiteral("host key"), tr("first contact: %1 %2").arg(key.type, key.fingerprint));
        if (!prompter.trustHostKey(key)) {
            *error = tr("the host key of %1 (%2 %3) was not trusted").arg(server, key.type, key.fingerprint);
            return false;
        }
        if (!session->trustHostKey(error))
            return false;
        break;
    case SshSession::HostKeyState::Changed:
        *error =
            tr("the host key of %1 has CHANGED: it now sends %2 %3, and %4 holds a different one. "
               "Either the server was reinstalled or someone is in between. Check on the server's "
               "console with '%5'; if it matches, remove the old entry with 'ssh-keygen -R %6'")
                .arg(server, key.type, key.fingerprint, target.knownHostsFile, key.serverCommand(),
                     target.port == 22 ? target.hostName
                                       : QStringLiteral("[%1]:%2").arg(target.hostName).arg(target.port));
        return false;
    case SshSession::HostKeyState::OtherType:
        *error = tr("%1 sends a %2 host key (%3), but %4 knows it by a key of another type: a server "
                    "that changed its keys, or someone in between. Check on the server with '%5' "
                    "before you change known_hosts")
                     .arg(server, key.type, key.fingerprint, target.knownHostsFile, key.serverCommand());
        return false;
    case SshSession::HostKeyState::Error:
        *error = tr("the host key of %1 could not be checked").arg(server);
        return false;
    }
    report(QStringLiteral("log in"), tr("as %1").arg(target.user));
    if (!session->authenticate(prompter, error))
        return false;
    if (!host)
        host = std::make_unique<RemoteHost>(*session, server, target.user);
    else
        host->rebind(*session);
    if (host->elevation() == RemoteHost::Elevation::None && !host->elevate(prompter, error))
        return false;
    report(QStringLiteral("root"), host->elevationText());
    return true;
}

} // namespace baton
