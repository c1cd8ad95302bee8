// SPDX-License-Identifier: GPL-3.0-or-later
#include "PasswordFile.h"

#include "BoundedFile.h"
#include "ValueParsers.h"

#include <QFile>
#include <QFileInfo>

namespace baton {

std::optional<PasswordFile::Content> PasswordFile::read(const QString& path, QString* error)
{
    // Enough to see whether the first line is too long; a password file is never bigger.
    QString problem;
    const std::optional<QByteArray> text = BoundedFile::read(path, 4096, &problem);
    if (!text) {
        *error = QStringLiteral("cannot read password file %1").arg(problem);
        return std::nullopt;
    }
    QByteArray line = *text;
    const qsizetype newline = line.indexOf('\n');
    if (newline >= 0)
        line.truncate(newline);
    while (line.endsWith('\r') || line.endsWith('\n'))
        line.chop(1);
    if (line.isEmpty()) {
        *error = QStringLiteral("password file '%1' is empty (the password is its first line)").arg(path);
        return std::nullopt;
    }
    if (line.size() > ValueParsers::MaxPasswordBytes) {
        *error =
            QStringLiteral("password file '%1': expected a password of at most 19 bytes (ucarp's limit), "
                           "got %2 bytes")
                .arg(path)
                .arg(line.size() >= 4096 ? QStringLiteral("4096 or more") : QString::number(line.size()));
        return std::nullopt;
    }
    const auto permissions = QFileInfo(path).permissions();
    return Content{line, (permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) != 0};
}

} // namespace baton
