// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigError.h"

namespace baton {

QString ConfigError::toString() const
{
    QString text = file;
    if (line > 0)
        text += u':' + QString::number(line);
    if (!text.isEmpty())
        text += QStringLiteral(": ");
    if (!key.isEmpty())
        text += QStringLiteral("key '%1': ").arg(key);
    return text + message;
}

} // namespace baton
