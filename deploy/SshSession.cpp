// SPDX-License-Identifier: GPL-3.0-or-later
#include "SshSession.h"

#include "KnownHostsFile.h"
#include "SecretBytes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <fcntl.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>

namespace baton {

namespace {

constexpr int SftpChunk = 32 * 1024; // libssh 0.10 writes synchronously; larger writes fail
constexpr long ConnectTimeoutSeconds = 10;
constexpr int MaxPassphraseAttempts = 3;
constexpr int MaxPasswordAttempts = 3;

template <typename T, auto Free>
struct Owned
{
    T* p = nullptr;
    Owned() = default;
    explicit Owned(T* value)
        : p(value)
    {
    }
    ~Owned()
    {
        if (p)
            Free(p);
    }
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
};

void freeKey(ssh_key key)
{
    ssh_key_free(key);
}
using Key = Owned<ssh_key_struct, freeKey>;

QString keyTypeName(ssh_key key)
{
    const char* name = ssh_key_type_to_char(ssh_key_type(key));
    return name ? QString::fromLatin1(name) : QStringLiteral("unknown");
}

} // namespace

struct SshSession::Handles
{
    ssh_session session = nullptr;
    ~Handles()
    {
        if (session) {
            ssh_disconnect(session);
            ssh_free(session);
        }
    }
};

QString HostKeyInfo::serverCommand() const
{
    QString file = QStringLiteral("ssh_host_*_key.pub");
    if (type == QLatin1StringView("ssh-ed25519"))
        file = QStringLiteral("ssh_host_ed25519_key.pub");
    else if (type.startsWith(QLatin1StringView("ecdsa-")))
        file = QStringLiteral("ssh_host_ecdsa_key.pub");
    else if (type.startsWith(QLatin1StringView("rsa-")) || type == QLatin1StringView("ssh-rsa"))
        file = QStringLiteral("ssh_host_rsa_key.pub");
    return QStringLiteral("ssh-keygen -l -E sha256 -f /etc/ssh/") + file;
}

QString CommandResult::tail(int lines) const
{
    const QByteArray& text = err.trimmed().isEmpty() ? out : err;
    QStringList all = QString::fromUtf8(text).trimmed().split(u'\n');
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(u'\n');
}

SshSession::SshSession() = default;

SshSession::~SshSession() = default;

QString SshSession::libsshError() const
{
    return m_handles && m_handles->session ? QString::fromUtf8(ssh_get_error(m_handles->session))
                                           : tr("no session");
}

bool SshSession::isConnected() const
{
    return m_handles && m_handles->session && ssh_is_connected(m_handles->session) != 0;
}

void SshSession::disconnect()
{
    m_handles.reset();
}

bool SshSession::lost(QString* error, const QString& what)
{
    m_failure = cancelled() ? Failure::Cancelled : Failure::Lost;
    // libssh reports a peer's close as "Socket error: Success" (errno was never set).
    QString cause = libsshError();
    if (cause.endsWith(QLatin1StringView(": Success")))
        cause = tr("closed by the server or on the way");
    *error = cancelled() ? tr("cancelled")
                         : tr("%1: the connection to %2 was lost (%3)").arg(what, m_server, cause);
    return false;
}

bool SshSession::connect(const SshTarget& target, const QString& server, QString* error)
{
    m_target = target;
    m_server = server;
    m_failure = Failure::Refused;
    m_hostKeyState = HostKeyState::Error;
    if (target.viaJumpHost()) {
        *error = tr("%1 is reached through '%2' in ~/.ssh/config, and jump hosts are not supported "
                    "by this deployment: give it a host it can reach directly (for example "
                    "another alias without ProxyJump)")
                     .arg(server, target.proxyJump);
        return false;
    }
    m_handles = std::make_unique<Handles>();
    ssh_session s = m_handles->session = ssh_new();
    if (!s) {
        *error = tr("libssh could not create a session");
        return false;
    }
    const QByteArray host = target.hostName.toUtf8();
    const QByteArray user = target.user.toUtf8();
    const QByteArray knownHosts = QFile::encodeName(target.knownHostsFile);
    unsigned int port = target.port;
    long timeout = ConnectTimeoutSeconds;
    int nodelay = 1;     // Nagle plus delayed ACKs cost ~40 ms per SFTP write otherwise
    bool config = false; // the target already holds what ~/.ssh/config says
    ssh_options_set(s, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    ssh_options_set(s, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);
    ssh_options_set(s, SSH_OPTIONS_NODELAY, &nodelay);
    ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &config);
    if (ssh_connect(s) != SSH_OK) {
        m_failure = Failure::Lost;
        *error = tr("cannot connect to %1 (%2 port %3): %4")
                     .arg(server, target.hostName)
                     .arg(target.port)
                     .arg(libsshError());
        m_handles.reset();
        return false;
    }
    ssh_key raw = nullptr;
    if (ssh_get_server_publickey(s, &raw) != SSH_OK) {
        *error = tr("%1 sent no host key: %2").arg(server, libsshError());
        return false;
    }
    Key key(raw);
    unsigned char* hash = nullptr;
    size_t hashLength = 0;
    if (ssh_get_publickey_hash(key.p, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength) != 0) {
        *error = tr("cannot hash the host key of %1").arg(server);
        return false;
    }
    char* fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength);
    ssh_clean_pubkey_hash(&hash);
    char* base64 = nullptr;
    ssh_pki_export_pubkey_base64(key.p, &base64);
    m_hostKey = HostKeyInfo{server, target.hostName, target.port, keyTypeName(key.p),
                            fingerprint ? QString::fromLatin1(fingerprint) : QString()};
    m_hostKeyBase64 = base64 ? QByteArray(base64) : QByteArray();
    ssh_string_free_char(fingerprint);
    ssh_string_free_char(base64);
    switch (ssh_session_is_known_server(s)) {
    case SSH_KNOWN_HOSTS_OK:
        m_hostKeyState = HostKeyState::Known;
        break;
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND: // no known_hosts file yet
        m_hostKeyState = HostKeyState::Unknown;
        break;
    case SSH_KNOWN_HOSTS_CHANGED:
        m_hostKeyState = HostKeyState::Changed;
        break;
    case SSH_KNOWN_HOSTS_OTHER:
        m_hostKeyState = HostKeyState::OtherType;
        break;
    case SSH_KNOWN_HOSTS_ERROR:
        m_hostKeyState = HostKeyState::Error;
        *error = tr("cannot check the host key of %1 against '%2': %3")
                     .arg(server, target.knownHostsFile, libsshError());
        return false;
    }
    m_failure = Failure::None;
    return true;
}

bool SshSession::trustHostKey(QString* error)
{
    if (m_hostKeyState != HostKeyState::Unknown || m_hostKeyBase64.isEmpty()) {
        *error = tr("only an unknown host key can be trusted");
        return false;
    }
    const QByteArray line = KnownHostsFile::line(m_target.hostName, m_target.port, m_hostKey.type.toLatin1(),
                                                 m_hostKeyBase64, m_target.hashKnownHosts);
    if (!KnownHostsFile::append(m_target.knownHostsFile, line, error))
        return false;
    m_hostKeyState = HostKeyState::Known;
    return true;
}

bool SshSession::authenticate(DeployPrompter& prompter, QString* error)
{
    m_failure = Failure::Refused;
    ssh_session s = m_handles ? m_handles->session : nullptr;
    if (!s || m_hostKeyState != HostKeyState::Known) {
        *error = tr("not connected to a trusted host");
        return false;
    }
    const QString who = QStringLiteral("%1@%2").arg(m_target.user, m_target.hostName);
    int rc = ssh_userauth_none(s, nullptr);
    if (rc == SSH_AUTH_SUCCESS) {
        m_failure = Failure::None;
        return true;
    }
    if (rc == SSH_AUTH_ERROR)
        return lost(error, tr("authentication"));
    const auto methods = static_cast<unsigned>(ssh_userauth_list(s, nullptr));
    QStringList tried;

    if (methods & unsigned(SSH_AUTH_METHOD_PUBLICKEY)) {
        if (!qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
            tried << QStringLiteral("ssh-agent");
            rc = ssh_userauth_agent(s, nullptr);
            if (rc == SSH_AUTH_SUCCESS) {
                m_failure = Failure::None;
                return true;
            }
            if (rc == SSH_AUTH_ERROR && !isConnected())
                return lost(error, tr("authentication"));
        }
        const QStringList files = m_target.identityFiles.isEmpty()
                                      ? SshTarget::defaultIdentityFiles(QDir::homePath())
                                      : m_target.identityFiles;
        for (const QString& file : files) {
            if (cancelled())
                return lost(error, tr("authentication"));
            if (!QFileInfo::exists(file))
                continue;
            const QByteArray path = QFile::encodeName(file);
            // Ask the server about the public half first: no passphrase prompt for a key it refuses.
            ssh_key rawPublic = nullptr;
            const QByteArray publicPath = path + QByteArrayLiteral(".pub");
            if (ssh_pki_import_pubkey_file(publicPath.constData(), &rawPublic) == SSH_OK) {
                Key publicKey(rawPublic);
                if (ssh_userauth_try_publickey(s, nullptr, publicKey.p) != SSH_AUTH_SUCCESS) {
                    tried << tr("key %1").arg(file);
                    continue;
                }
            }
            tried << tr("key %1").arg(file);
            ssh_key rawPrivate = nullptr;
            int imported =
                ssh_pki_import_privkey_file(path.constData(), nullptr, nullptr, nullptr, &rawPrivate);
            for (int attempt = 1; imported != SSH_OK && attempt <= MaxPassphraseAttempts; ++attempt) {
                std::optional<QByteArray> answer = prompter.keyPassphrase(m_server, file, attempt);
                if (!answer)
                    break;
                SecretBytes passphrase(std::move(*answer));
                imported = ssh_pki_import_privkey_file(path.constData(), passphrase.data(), nullptr, nullptr,
                                                       &rawPrivate);
            }
            if (imported != SSH_OK)
                continue;
            Key privateKey(rawPrivate);
            rc = ssh_userauth_publickey(s, nullptr, privateKey.p);
            if (rc == SSH_AUTH_SUCCESS) {
                m_failure = Failure::None;
                return true;
            }
            if (rc == SSH_AUTH_ERROR && !isConnected())
                return lost(error, tr("authentication"));
        }
    }

    if (methods & unsigned(SSH_AUTH_METHOD_INTERACTIVE)) {
        tried << QStringLiteral("keyboard-interactive");
        for (int attempt = 1; attempt <= MaxPasswordAttempts; ++attempt) {
            rc = ssh_userauth_kbdint(s, nullptr, nullptr);
            bool gaveUp = false;
            while (rc == SSH_AUTH_INFO) {
                const int prompts = ssh_userauth_kbdint_getnprompts(s);
                for (int i = 0; i < prompts; ++i) {
                    char echo = 0;
                    const char* text = ssh_userauth_kbdint_getprompt(s, static_cast<unsigned>(i), &echo);
                    // PAM's "Password: " becomes "Password (admin@host)": the prompter adds its own colon.
                    QString asked = QString::fromUtf8(text).trimmed();
                    if (asked.endsWith(u':'))
                        asked.chop(1);
                    std::optional<QByteArray> answer =
                        prompter.loginSecret(m_server, QStringLiteral("%1 (%2)").arg(asked, who), attempt);
                    if (!answer) {
                        gaveUp = true;
                        break;
                    }
                    SecretBytes secret(std::move(*answer));
                    ssh_userauth_kbdint_setanswer(s, static_cast<unsigned>(i), secret.data());
                }
                if (gaveUp)
                    break;
                rc = ssh_userauth_kbdint(s, nullptr, nullptr);
            }
            if (rc == SSH_AUTH_SUCCESS) {
                m_failure = Failure::None;
                return true;
            }
            if (rc == SSH_AUTH_ERROR && !isConnected())
                return lost(error, tr("authentication"));
            if (gaveUp)
                break;
        }
    } else if (methods & unsigned(SSH_AUTH_METHOD_PASSWORD)) {
        tried << tr("password");
        for (int attempt = 1; attempt <= MaxPasswordAttempts; ++attempt) {
            std::optional<QByteArray> answer =
                prompter.loginSecret(m_server, tr("Password for %1").arg(who), attempt);
            if (!answer)
                break;
            SecretBytes password(std::move(*answer));
            rc = ssh_userauth_password(s, nullptr, password.data());
            if (rc == SSH_AUTH_SUCCESS) {
                m_failure = Failure::None;
                return true;
            }
            if (rc == SSH_AUTH_ERROR && !isConnected())
                return lost(error, tr("authentication"));
        }
    }
    *error = tr("%1 refused every way to log in as %2 (tried: %3)")
                 .arg(m_server, who,
                      tried.isEmpty() ? tr("nothing the server offers") : tried.join(QStringLiteral(", ")));
    return false;
}

std::optional<CommandResult> SshSession::run(const QByteArray& command, const QByteArray& input,
                                             int timeoutMs, QString* error)
{
    ssh_session s = m_handles ? m_handles->session : nullptr;
    if (!s) {
        lost(error, tr("command"));
        return std::nullopt;
    }
    ssh_channel channel = ssh_channel_new(s);
    if (!channel) {
        lost(error, tr("command"));
        return std::nullopt;
    }
    const auto closeChannel = [&] {
        ssh_channel_close(channel);
        ssh_channel_free(channel);
    };
    if (ssh_channel_open_session(channel) != SSH_OK ||
        ssh_channel_request_exec(channel, command.constData()) != SSH_OK) {
        closeChannel();
        lost(error, tr("command"));
        return std::nullopt;
    }
    qsizetype sent = 0;
    while (sent < input.size()) {
        const int n =
            ssh_channel_write(channel, input.constData() + sent,
                              static_cast<uint32_t>(std::min<qsizetype>(input.size() - sent, SftpChunk)));
        if (n <= 0) {
            closeChannel();
            lost(error, tr("command"));
            return std::nullopt;
        }
        sent += n;
    }
    ssh_channel_send_eof(channel);
    CommandResult result;
    QElapsedTimer clock;
    clock.start();
    char buffer[16384];
    bool outEof = false;
    bool errEof = false;
    while (!outEof || !errEof) {
        if (cancelled()) {
            closeChannel();
            m_failure = Failure::Cancelled;
            *error = tr("cancelled");
            return std::nullopt;
        }
        if (timeoutMs > 0 && clock.elapsed() > timeoutMs) {
            closeChannel();
            m_failure = Failure::TimedOut;
            *error = tr("no end after %1 s").arg(timeoutMs / 1000);
            return std::nullopt;
        }
        for (int isStderr = 0; isStderr <= 1; ++isStderr) {
            bool& eof = isStderr ? errEof : outEof;
            if (eof)
                continue;
            const int available =
                isStderr ? ssh_channel_poll(channel, 1) : ssh_channel_poll_timeout(channel, 100, 0);
            if (available == SSH_ERROR) {
                closeChannel();
                lost(error, tr("command"));
                return std::nullopt;
            }
            if (available == SSH_EOF) {
                eof = true;
                continue;
            }
            if (available > 0) {
                const int n = ssh_channel_read_nonblocking(channel, buffer, sizeof buffer, isStderr);
                if (n == SSH_ERROR) {
                    closeChannel();
                    lost(error, tr("command"));
                    return std::nullopt;
                }
                (isStderr ? result.err : result.out).append(buffer, n);
            }
        }
    }
    result.exitStatus = ssh_channel_get_exit_status(channel);
    closeChannel();
    if (result.exitStatus < 0 && !isConnected()) {
        lost(error, tr("command"));
        return std::nullopt;
    }
    m_failure = Failure::None;
    return result;
}

bool SshSession::upload(const QByteArray& data, const QString& remotePath, int mode, QString* error,
                        const std::function<void(qint64)>& progress)
{
    ssh_session s = m_handles ? m_handles->session : nullptr;
    if (!s)
        return lost(error, tr("upload"));
    sftp_session sftp = sftp_new(s);
    if (!sftp)
        return lost(error, tr("upload"));
    const auto closeSftp = [&] { sftp_free(sftp); };
    if (sftp_init(sftp) != SSH_OK) {
        closeSftp();
        return lost(error, tr("upload"));
    }
    const QByteArray path = remotePath.toUtf8();
    sftp_file file =
        sftp_open(sftp, path.constData(), O_WRONLY | O_CREAT | O_TRUNC, static_cast<mode_t>(mode));
    if (!file) {
        const int code = sftp_get_error(sftp);
        closeSftp();
        if (!isConnected())
            return lost(error, tr("upload"));
        m_failure = Failure::Refused;
        *error = tr("cannot create '%1' on %2 (SFTP error %3: %4)")
                     .arg(remotePath, m_server)
                     .arg(code)
                     .arg(libsshError());
        return false;
    }
    qsizetype done = 0;
    while (done < data.size()) {
        if (cancelled()) {
            sftp_close(file);
            closeSftp();
            return lost(error, tr("upload"));
        }
        const size_t chunk = static_cast<size_t>(std::min<qsizetype>(data.size() - done, SftpChunk));
        const ssize_t n = sftp_write(file, data.constData() + done, chunk);
        if (n <= 0) {
            const int code = sftp_get_error(sftp);
            sftp_close(file);
            closeSftp();
            if (!isConnected())
                return lost(error, tr("upload"));
            m_failure = Failure::Refused;
            *error = tr("writing '%1' on %2 failed after %3 bytes (SFTP error %4%5)")
                         .arg(remotePath, m_server)
                         .arg(done)
                         .arg(code)
                         .arg(code == SSH_FX_FAILURE ? tr(", often a full disk") : QString());
            return false;
        }
        done += n;
        if (progress)
            progress(done);
    }
    const int closed = sftp_close(file);
    closeSftp();
    if (closed != SSH_OK) {
        if (!isConnected())
            return lost(error, tr("upload"));
        m_failure = Failure::Refused;
        *error = tr("closing '%1' on %2 failed (a full disk?)").arg(remotePath, m_server);
        return false;
    }
    m_failure = Failure::None;
    return true;
}

} // namespace baton
