// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace baton {

QString StateDirectory::ensure(const QString& path)
{
    if (QFileInfo(path).isDir())
        return {};
    if (!QDir().mkpath(path))
        return QStringLiteral("cannot create %1").arg(path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return {};
}

} // namespace baton
