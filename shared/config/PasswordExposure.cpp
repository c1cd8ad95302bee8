// SPDX-License-Identifier: GPL-3.0-or-later
#include "PasswordExposure.h"

#include <QFileInfo>

namespace baton {

QStringList PasswordExposure::check(const QString& path, const QList<GroupConfig>& groups)
{
    QStringList vhids;
    for (const GroupConfig& g : groups)
        if (g.passwordFile.isEmpty() && !g.password.isEmpty())
            vhids << QString::number(g.vhid);
    const QFileInfo info(path);
    if (vhids.isEmpty() || !info.isFile() ||
        !(info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
        return {};
    return {
        QStringLiteral("%1: the CARP password of vhid %2 is written in this file, which group or others "
                       "may read: anyone on this host can forge the pair's adverts. Make it readable by "
                       "its owner only (chmod 600 %1), or move the password to a password-file of mode 0600")
            .arg(path, vhids.join(QStringLiteral(", ")))};
}

} // namespace baton
