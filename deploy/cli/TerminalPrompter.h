// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeployPrompter.h"

#include <QStringList>

namespace baton {

// batonctl deploy's questions. On a terminal: yes/no typed, secrets without echo. Without one
// (a script, a test) each answer is the next line of stdin, in the order the questions come; a
// missing line is "no". Questions go to stderr, never the answers.
class TerminalPrompter : public DeployPrompter
{
public:
    // trustedFingerprints: "SHA256:…" accepted without asking (--trust-host-key); assumeYes: the
    // plan is confirmed without asking (--yes).
    TerminalPrompter(QStringList trustedFingerprints, bool assumeYes);

    bool trustHostKey(const HostKeyInfo& key) override;
    std::optional<QByteArray> keyPassphrase(const QString& server, const QString& keyFile,
                                            int attempt) override;
    std::optional<QByteArray> loginSecret(const QString& server, const QString& prompt, int attempt) override;
    std::optional<QByteArray> sudoPassword(const QString& server, const QString& user) override;
    bool confirmPlan(const QString& plan) override;

private:
    std::optional<QByteArray> line(const QString& prompt, bool secret);
    bool yes(const QString& prompt);

    QStringList m_trusted;
    bool m_assumeYes;
};

} // namespace baton
