// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretBytes.h"
#include "SshSession.h"

#include <QCoreApplication>

namespace baton {

// A logged-in SSH session made root: directly (the login is root), by passwordless sudo, or by
// sudo with a password asked once and kept in memory only for this server. Every command goes
// through `sh -c` as root with LC_ALL=C; a password reaches sudo on stdin, never a command line.
class RemoteHost
{
    Q_DECLARE_TR_FUNCTIONS(RemoteHost)

public:
    enum class Elevation
    {
        None,
        Root,
        SudoNoPassword,
        SudoPassword,
    };

    explicit RemoteHost(SshSession& session, QString server, QString user)
        : m_session(session)
        , m_server(std::move(server))
        , m_user(std::move(user))
    {
    }

    // Finds the way to root, asking the prompter for the sudo password if sudo needs one. A wrong
    // password is refused with that reason.
    bool elevate(DeployPrompter& prompter, QString* error);
    // Re-uses the way found before on a new session (after a reconnection): no question asked.
    void rebind(SshSession& session) { m_session = session; }
    Elevation elevation() const { return m_elevation; }
    QString elevationText() const;

    std::optional<CommandResult> root(const QString& script, int timeoutMs, QString* error);
    // The login user's own shell (for the upload folder, which SFTP writes as that user).
    std::optional<CommandResult> user(const QString& script, int timeoutMs, QString* error);
    SshSession& session() { return m_session.get(); }

    static QByteArray quote(const QString& text); // for sh: '…' with ' as '\''

private:
    std::reference_wrapper<SshSession> m_session;
    QString m_server;
    QString m_user;
    Elevation m_elevation = Elevation::None;
    SecretBytes m_sudoPassword;
};

} // namespace baton
