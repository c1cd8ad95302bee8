// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalPrompter.h"

#include "Passphrase.h"

#include <cstdio>
#include <unistd.h>

namespace baton {

TerminalPrompter::TerminalPrompter(QStringList trustedFingerprints, bool assumeYes)
    : m_trusted(std::move(trustedFingerprints))
    , m_assumeYes(assumeYes)
{
}

std::optional<QByteArray> TerminalPrompter::line(const QString& prompt, bool secret)
{
    if (secret && ::isatty(STDIN_FILENO))
        return Passphrase::ask(prompt);
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    char buffer[1024] = {};
    if (!std::fgets(buffer, sizeof buffer, stdin)) {
        std::fputs("\n", stderr);
        return std::nullopt;
    }
    if (!::isatty(STDIN_FILENO))
        std::fputs(secret ? "(read from stdin)\n" : "\n", stderr);
    QByteArray answer(buffer);
    while (answer.endsWith('\n') || answer.endsWith('\r'))
        answer.chop(1);
    return answer;
}

bool TerminalPrompter::yes(const QString& prompt)
{
    const auto answer = line(prompt + QStringLiteral(" [yes/no] "), false);
    return answer && (*answer == "yes" || *answer == "y");
}

bool TerminalPrompter::trustHostKey(const HostKeyInfo& key)
{
    std::fprintf(stderr,
                 "%s: first contact with %s port %u.\n  Its host key: %s %s\n"
                 "  Compare on the server's console: %s\n",
                 key.server.toLocal8Bit().constData(), key.host.toLocal8Bit().constData(), unsigned(key.port),
                 key.type.toLocal8Bit().constData(), key.fingerprint.toLocal8Bit().constData(),
                 key.serverCommand().toLocal8Bit().constData());
    if (m_trusted.contains(key.fingerprint)) {
        std::fputs("  Trusted: given with --trust-host-key.\n", stderr);
        return true;
    }
    return yes(QStringLiteral("  Trust this key and continue?"));
}

std::optional<QByteArray> TerminalPrompter::keyPassphrase(const QString& server, const QString& keyFile,
                                                          int attempt)
{
    return line(QStringLiteral("%1: passphrase for key '%2'%3: ")
                    .arg(server, keyFile, attempt > 1 ? QStringLiteral(" (again)") : QString()),
                true);
}

std::optional<QByteArray> TerminalPrompter::loginSecret(const QString& server, const QString& prompt,
                                                        int attempt)
{
    QString text = prompt.trimmed();
    if (text.endsWith(u':'))
        text.chop(1);
    return line(
        QStringLiteral("%1: %2%3: ").arg(server, text, attempt > 1 ? QStringLiteral(" (again)") : QString()),
        true);
}

std::optional<QByteArray> TerminalPrompter::sudoPassword(const QString& server, const QString& user)
{
    return line(QStringLiteral("%1: sudo password for %2: ").arg(server, user), true);
}

bool TerminalPrompter::confirmPlan(const QString& plan)
{
    Q_UNUSED(plan) // printed already, as it was made
    if (m_assumeYes)
        return true;
    return yes(QStringLiteral("Carry out this plan?"));
}

} // namespace baton
