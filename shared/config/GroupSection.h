// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AgentConfig.h"
#include "ConfigDiagnostics.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace baton {

// One [vhid N] section of batond.conf being read: applies its keys to a GroupConfig and, at the
// end of the section, checks what needs the whole section (required keys, either-or keys).
class GroupSection
{
public:
    GroupSection(const QString& file, int line, quint8 vhid, ConfigDiagnostics& diagnostics);

    static const QStringList& keys();

    void apply(const QString& key, const QString& value, int line);
    // A key whose value could not even be read (already reported): given, so not "missing".
    void markGiven(const QString& key, int line);
    // The finished group, or nullopt when this section had errors (already reported).
    std::optional<GroupConfig> finish();
    int line() const { return m_group.line; }
    // Where a key was first given in this section; 0 if it was not.
    int lineOf(const QString& key) const { return m_lines.value(key); }

private:
    void error(int line, const QString& key, const QString& message);
    void applyValue(const QString& key, const QString& value, int line);
    void applyPasswordFile(const QString& value, int line);
    void checkVip(const Ipv4Prefix& vip, int line);
    void checkRequired();
    void checkLabel();
    void checkTiming();

    const QString m_file;
    ConfigDiagnostics& m_diagnostics;
    GroupConfig m_group;
    QHash<QString, int> m_lines;
    QList<int> m_vipLines; // parallel to m_group.vips
    QString m_explicitLabel;
    bool m_labelGiven = false;
    bool m_failed = false;
};

} // namespace baton
