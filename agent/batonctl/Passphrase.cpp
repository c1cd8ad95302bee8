// SPDX-License-Identifier: GPL-3.0-or-later
#include "Passphrase.h"

#include "pki/PkiDirectory.h"

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace baton {

std::optional<QByteArray> Passphrase::fromFile(const QString& path, QString* error)
{
    const std::optional<QByteArray> text = PkiDirectory::readPemFile(path, error);
    if (!text)
        return std::nullopt;
    QByteArray line = text->left(text->indexOf('\n') < 0 ? text->size() : text->indexOf('\n'));
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        *error = QStringLiteral("passphrase file '%1' is empty (the passphrase is its first line)").arg(path);
        return std::nullopt;
    }
    return line;
}

std::optional<QByteArray> Passphrase::ask(const QString& prompt)
{
    if (!::isatty(STDIN_FILENO))
        return std::nullopt;
    termios saved{};
    ::tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    char buffer[1024] = {};
    const bool read = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputs("\n", stderr);
    if (!read)
        return std::nullopt;
    QByteArray line(buffer);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

std::optional<QByteArray> Passphrase::askNew(const QString& prompt, QString* error)
{
    const std::optional<QByteArray> first = ask(prompt);
    if (!first) {
        *error = QStringLiteral("no terminal to ask for the passphrase on: use --passphrase-file");
        return std::nullopt;
    }
    const std::optional<QByteArray> second = ask(QStringLiteral("Once more: "));
    if (first->isEmpty() || first != second) {
        *error = first->isEmpty() ? QStringLiteral("an empty passphrase")
                                  : QStringLiteral("the passphrases differ");
        return std::nullopt;
    }
    return first;
}

} // namespace baton
