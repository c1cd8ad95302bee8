// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace baton {

// A CARP password kept in its own file (ucarp --passfile): the first line, without its line end.
class PasswordFile
{
public:
    struct Content
    {
        QByteArray password;
        bool readableByOthers = false; // group or other may read it: worth a warning
    };

    // nullopt with *error set ("cannot read ...", "empty", "longer than 19 bytes") on failure.
    static std::optional<Content> read(const QString& path, QString* error);
};

} // namespace baton
