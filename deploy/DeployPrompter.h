// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace baton {

// A server's host key as shown at first contact.
struct HostKeyInfo
{
    QString server; // the alias the administrator typed
    QString host;   // what was dialled
    quint16 port = 22;
    QString type;        // "ssh-ed25519"
    QString fingerprint; // "SHA256:…"
    // What prints the same fingerprint on the server's console, to compare before trusting.
    QString serverCommand() const;
};

// What the deployment asks the administrator. The window answers with dialogs, batonctl on the
// terminal. Secrets are handed back as bytes the engine wipes after use; nothing here is logged
// or stored. nullopt or false means "no": the deployment stops, with nothing changed.
class DeployPrompter
{
public:
    virtual ~DeployPrompter() = default;
    virtual bool trustHostKey(const HostKeyInfo& key) = 0;
    // keyFile is the private key's path; attempt counts from 1.
    virtual std::optional<QByteArray> keyPassphrase(const QString& server, const QString& keyFile,
                                                    int attempt) = 0;
    // The SSH login's password, or a keyboard-interactive prompt (prompt is the server's text).
    virtual std::optional<QByteArray> loginSecret(const QString& server, const QString& prompt,
                                                  int attempt) = 0;
    // Asked at most once per server; the answer is kept for that server's commands.
    virtual std::optional<QByteArray> sudoPassword(const QString& server, const QString& user) = 0;
    virtual bool confirmPlan(const QString& plan) = 0;
};

} // namespace baton
