// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeployPrompter.h"
#include "SshTarget.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace baton {

struct CommandResult
{
    int exitStatus = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitStatus == 0; }
    // The remote output for a failure report: stderr, else stdout, its last lines.
    QString tail(int lines = 12) const;
};

// One SSH connection through libssh (blocking: run it off a GUI thread, one session per thread).
// Host key checking cannot be switched off: connect() stops at an unknown key until
// trustHostKey() is called with the administrator's yes, and a changed or other-type key is final.
// libssh reads no configuration of its own: the target carries what ~/.ssh/config said.
class SshSession
{
    Q_DECLARE_TR_FUNCTIONS(SshSession)

public:
    enum class HostKeyState
    {
        Known,
        Unknown,
        Changed,
        OtherType,
        Error,
    };
    enum class Failure
    {
        None,
        Refused,   // the server or the administrator said no
        Lost,      // the connection broke
        Cancelled, // the administrator cancelled
        TimedOut,
    };

    SshSession();
    ~SshSession();
    SshSession(const SshSession&) = delete;
    SshSession& operator=(const SshSession&) = delete;

    void setCancelFlag(const std::atomic_bool* cancel) { m_cancel = cancel; }

    // TCP, key exchange and the host key's state against the target's known_hosts.
    bool connect(const SshTarget& target, const QString& server, QString* error);
    HostKeyInfo hostKey() const { return m_hostKey; }
    HostKeyState hostKeyState() const { return m_hostKeyState; }
    // Writes the key into known_hosts (hashed when the target hashes) after a yes.
    bool trustHostKey(QString* error);

    // OpenSSH's order: ssh-agent, key files (passphrase asked naming the key), keyboard-interactive,
    // password. The error says which methods were tried.
    bool authenticate(DeployPrompter& prompter, QString* error);

    // Runs command (a shell command line) with input on its stdin; timeoutMs 0 = none. nullopt
    // with failure() set when the connection broke, timed out or was cancelled.
    std::optional<CommandResult> run(const QByteArray& command, const QByteArray& input, int timeoutMs,
                                     QString* error);
    // Writes data to remotePath over SFTP in writes of at most 32 KiB, created with mode.
    // progress(bytesDone) after each write.
    bool upload(const QByteArray& data, const QString& remotePath, int mode, QString* error,
                const std::function<void(qint64)>& progress = {});

    Failure failure() const { return m_failure; }
    bool isConnected() const;
    void disconnect();

private:
    struct Handles;
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    QString libsshError() const;
    bool lost(QString* error, const QString& what);

    std::unique_ptr<Handles> m_handles;
    SshTarget m_target;
    QString m_server;
    HostKeyInfo m_hostKey;
    QByteArray m_hostKeyBase64;
    HostKeyState m_hostKeyState = HostKeyState::Error;
    Failure m_failure = Failure::None;
    const std::atomic_bool* m_cancel = nullptr;
};

} // namespace baton
