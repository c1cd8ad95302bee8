// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace baton {

// Where batonctl gets the CA key's passphrase: a file (for scripts), or the terminal without echo.
// Never from the command line or the environment, which other users of the host can read.
class Passphrase
{
public:
    static std::optional<QByteArray> fromFile(const QString& path, QString* error);
    // nullopt when there is no terminal to ask on.
    static std::optional<QByteArray> ask(const QString& prompt);
    // Asked twice; an error when the two differ or it is empty.
    static std::optional<QByteArray> askNew(const QString& prompt, QString* error);
};

} // namespace baton
