// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConfigError.h"

#include <QStringList>

namespace baton {

// Collects the errors and warnings of one read. Warnings are formatted like errors
// ("FILE:LINE: key 'K': MESSAGE") so that the agent logs both the same way.
class ConfigDiagnostics
{
public:
    // Garbage input can produce an error per line; past this many the rest only add noise.
    static constexpr qsizetype MaxErrors = 100;

    void error(const QString& file, int line, const QString& key, const QString& message);
    void warning(const QString& file, int line, const QString& key, const QString& message);

    bool hasErrors() const { return !m_errors.isEmpty(); }
    const ConfigErrors& errors() const { return m_errors; }
    const QStringList& warnings() const { return m_warnings; }

private:
    ConfigErrors m_errors;
    QStringList m_warnings;
};

} // namespace baton
