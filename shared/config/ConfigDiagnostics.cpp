// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigDiagnostics.h"

namespace baton {

void ConfigDiagnostics::error(const QString& file, int line, const QString& key, const QString& message)
{
    if (m_errors.size() > MaxErrors)
        return;
    if (m_errors.size() == MaxErrors) {
        m_errors.append({file, 0, QString(), QStringLiteral("too many errors; the rest are not shown")});
        return;
    }
    m_errors.append({file, line, key, message});
}

void ConfigDiagnostics::warning(const QString& file, int line, const QString& key, const QString& message)
{
    m_warnings.append(ConfigError{file, line, key, message}.toString());
}

} // namespace baton
