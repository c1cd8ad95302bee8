// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoteHost.h"

namespace baton {

namespace {
constexpr int CheckTimeoutMs = 20000;
}

QByteArray RemoteHost::quote(const QString& text)
{
    QByteArray quoted = text.toUtf8();
    quoted.replace('\'', "'\\''");
    return '\'' + quoted + '\'';
}

QString RemoteHost::elevationText() const
{
    switch (m_elevation) {
    case Elevation::Root:
        return tr("logged in as root");
    case Elevation::SudoNoPassword:
        return tr("%1 with sudo (no password)").arg(m_user);
    case Elevation::SudoPassword:
        return tr("%1 with sudo (password)").arg(m_user);
    case Elevation::None:
        break;
    }
    return tr("not root");
}

bool RemoteHost::elevate(DeployPrompter& prompter, QString* error)
{
    const auto id = user(QStringLiteral("id -u"), CheckTimeoutMs, error);
    if (!id)
        return false;
    if (id->ok() && id->out.trimmed() == "0") {
        m_elevation = Elevation::Root;
        return true;
    }
    const auto sudo =
        user(QStringLiteral("command -v sudo >/dev/null && sudo -n true"), CheckTimeoutMs, error);
    if (!sudo)
        return false;
    if (sudo->ok()) {
        m_elevation = Elevation::SudoNoPassword;
        return true;
    }
    const auto hasSudo = user(QStringLiteral("command -v sudo"), CheckTimeoutMs, error);
    if (!hasSudo)
        return false;
    if (!hasSudo->ok()) {
        *error = tr("%1 logs in as %2, which is not root, and the server has no sudo: log in as root "
                    "or install sudo")
                     .arg(m_server, m_user);
        return false;
    }
    std::optional<QByteArray> answer = prompter.sudoPassword(m_server, m_user);
    if (!answer) {
        *error = tr("no sudo password given for %1 on %2").arg(m_user, m_server);
        return false;
    }
    m_sudoPassword = SecretBytes(std::move(*answer));
    m_elevation = Elevation::SudoPassword;
    const auto check = root(QStringLiteral("id -u"), CheckTimeoutMs, error);
    if (!check)
        return false;
    if (!check->ok() || check->out.trimmed() != "0") {
        m_sudoPassword.wipe();
        m_elevation = Elevation::None;
        *error = tr("sudo on %1 refused the password for %2 (or %2 may not use sudo): %3")
                     .arg(m_server, m_user, check->tail(3));
        return false;
    }
    return true;
}

std::optional<CommandResult> RemoteHost::user(const QString& script, int timeoutMs, QString* error)
{
    return m_session.get().run("LC_ALL=C sh -c " + quote(script), {}, timeoutMs, error);
}

std::optional<CommandResult> RemoteHost::root(const QString& script, int timeoutMs, QString* error)
{
    const QByteArray quoted = quote(QStringLiteral("export LC_ALL=C; ") + script);
    switch (m_elevation) {
    case Elevation::Root:
        return m_session.get().run("sh -c " + quoted, {}, timeoutMs, error);
    case Elevation::SudoNoPassword:
        return m_session.get().run("sudo -n -- sh -c " + quoted, {}, timeoutMs, error);
    case Elevation::SudoPassword: {
        // -k: always read the password, so it can never be left over on the command's stdin.
        QByteArray input = m_sudoPassword.bytes() + '\n';
        auto result = m_session.get().run("sudo -k -S -p '' -- sh -c " + quoted, input, timeoutMs, error);
        OPENSSL_cleanse(input.data(), static_cast<size_t>(input.size()));
        return result;
    }
    case Elevation::None:
        break;
    }
    *error = tr("not root on %1").arg(m_server);
    return std::nullopt;
}

} // namespace baton
