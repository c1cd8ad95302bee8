// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConfigDiagnostics.h"
#include "ConfigResult.h"
#include "GroupSection.h"
#include "IniLineReader.h"

#include <QHash>

#include <memory>

namespace baton {

// Reads batond.conf (format in docs/batond.conf.md). Every problem is reported with file, line and
// key; reading goes on after an error so that one run shows them all.
class AgentConfigParser
{
public:
    static constexpr qint64 MaxFileSize = 1024 * 1024;

    static ConfigResult parseFile(const QString& path);
    static ConfigResult parseText(const QString& text, const QString& fileName);

    static const QStringList& controlKeys();

private:
    enum class Section
    {
        Global,
        Control,
        Group,
        Ignored,
    };

    explicit AgentConfigParser(const QString& fileName);
    ConfigResult parse(const QString& text);
    void startSection(const IniLineReader::Line& line);
    void startGroup(QStringView number, const IniLineReader::Line& line);
    void applyKey(const IniLineReader::Line& line);
    bool checkScope(const IniLineReader::Line& line);
    void applyGlobal(const IniLineReader::Line& line);
    void applyControl(const IniLineReader::Line& line);
    void finishGroup();
    void finishControl();
    void checkAcrossGroups();
    bool firstTime(QHash<QString, int>& seen, const IniLineReader::Line& line);

    const QString m_file;
    ConfigDiagnostics m_diagnostics;
    AgentConfig m_config;
    Section m_section = Section::Global;
    std::unique_ptr<GroupSection> m_group;
    bool m_keepGroup = false; // false after a bad [vhid N] header: keys are checked, the group dropped
    bool m_sawGroup = false;
    QHash<QString, int> m_globalLines;
    QHash<QString, int> m_controlLines;
    int m_controlLine = 0;
};

} // namespace baton
