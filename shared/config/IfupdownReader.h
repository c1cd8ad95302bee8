// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConfigDiagnostics.h"
#include "ConfigResult.h"
#include "IfupdownLine.h"
#include "IfupdownStanza.h"

namespace baton {

// Reads a Debian /etc/network/interfaces file as it is (with its includes) and turns every
// "iface X inet static" stanza with ucarp-* keys into a group, so a ucarp pair migrates unchanged.
// The mapping is documented in docs/batond.conf.md, "Running from /etc/network/interfaces".
class IfupdownReader
{
public:
    static ConfigResult readFile(const QString& path);
    // Text already in memory, as if read from fileName (tests, fuzzing, the GUI's import preview).
    static ConfigResult readText(const QString& text, const QString& fileName);

private:
    enum class State
    {
        None,
        Iface,
        Mapping,
        Skipped, // after a malformed iface line: its options are not worth more errors
    };

    explicit IfupdownReader(ConfigDiagnostics& diagnostics);
    QList<IfupdownStanza> stanzas(const QList<IfupdownLine>& lines);
    void startIface(const IfupdownLine& line);
    void addOption(const IfupdownLine& line);
    void misplaced(const IfupdownLine& line, const QString& where);
    static ConfigResult read(const QString& path, const QString* text);
    QList<GroupConfig> groups(const QString& path, const QString* text);
    void checkAcrossGroups(const QList<GroupConfig>& groups, const QList<const IfupdownStanza*>& sources);

    ConfigDiagnostics& m_diagnostics;
    QList<IfupdownStanza> m_stanzas;
    State m_state = State::None;
};

} // namespace baton
