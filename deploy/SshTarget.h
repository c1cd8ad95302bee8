// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <optional>

namespace baton {

// Where one server is reached over SSH: what the administrator typed ("node1", "admin@host:2222")
// resolved through ~/.ssh/config as OpenSSH would (first value wins, Host patterns with '*', '?'
// and '!', Include), so that the window and batonctl show it before connecting. The deployment
// then connects with exactly these values and tells libssh not to read the configuration again.
struct SshTarget
{
    QString spec;     // as typed
    QString alias;    // the name looked up in the configuration
    QString hostName; // what is dialled
    QString user;
    quint16 port = 22;
    QStringList identityFiles; // expanded; empty: OpenSSH's defaults that exist
    QString proxyJump;         // empty or "none": a direct connection
    bool hashKnownHosts = false;
    QString knownHostsFile;     // the first UserKnownHostsFile, expanded
    QStringList configuredKeys; // the keys the configuration set for this host, as spelled there

    bool viaJumpHost() const { return !proxyJump.isEmpty() && proxyJump != QLatin1StringView("none"); }
    // "node1: root@192.0.2.11 port 22, IdentityFile ~/.ssh/id_ed25519, no ProxyJump"
    QString describe(const QString& home) const;

    // spec is [USER@]HOST[:PORT]; a user or port in it beats the configuration's, defaultUser
    // (may be empty: the local user) comes last. configText is ~/.ssh/config's contents (empty:
    // none). Errors: an unreadable spec, a bad Port, an Include that cannot be read.
    static std::optional<SshTarget> resolve(const QString& spec, const QString& defaultUser,
                                            const QString& configText, const QString& home,
                                            const QString& localUser, QString* error);
    // The same with the user's own ~/.ssh/config (missing: no configuration).
    static std::optional<SshTarget> resolveWithUserConfig(const QString& spec, const QString& defaultUser,
                                                          QString* error);
    // OpenSSH's default identity files in the order it tries them.
    static QStringList defaultIdentityFiles(const QString& home);
};

} // namespace baton
