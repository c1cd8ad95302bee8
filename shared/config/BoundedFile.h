// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace baton {

// Every user file Baton reads (configurations, interfaces files, PEM files, passwords, cluster
// definitions, state) goes through here: it must exist, be a regular file and be no larger than the
// caller expects, so a wrong path (a device, a directory, a huge log) is an error naming the file
// and what is wrong with it, never a hang or a memory spike.
class BoundedFile
{
public:
    static std::optional<QByteArray> read(const QString& path, qint64 maxBytes, QString* error);
    // One JSON object; a syntax error names its line.
    static std::optional<QJsonObject> jsonObject(const QByteArray& text, QString* error);
};

} // namespace baton
