// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConfigDiagnostics.h"
#include "IfupdownLine.h"

#include <QList>
#include <QSet>
#include <QStringList>

namespace baton {

// Reads an interfaces file and the files it includes ("source", "source-directory") into one list
// of logical lines in ifupdown's order. The include lines stay in the list (they end a stanza),
// followed by the lines of the files they pulled in.
class IfupdownLineLoader
{
public:
    static constexpr int MaxDepth = 16;
    static constexpr qint64 MaxFileSize = 1024 * 1024;

    explicit IfupdownLineLoader(ConfigDiagnostics& diagnostics);
    QList<IfupdownLine> load(const QString& path);
    // The same for text already in memory, as if read from fileName (includes are relative to it).
    QList<IfupdownLine> loadText(const QString& text, const QString& fileName);

    // ifupdown's lexing: '#' lines are comments (also indented), a trailing backslash continues
    // the line, blank lines are dropped.
    static QList<IfupdownLine> split(const QString& text, const QString& file);

private:
    void loadFile(const QString& path, int depth, const IfupdownLine* includedBy);
    void loadLines(const QString& text, const QString& path, const QString& canonical, int depth);
    void include(const IfupdownLine& line, int depth);
    QStringList sourcePattern(const QString& pattern, const IfupdownLine& line);
    QStringList sourceDirectory(const QString& directory, const IfupdownLine& line);
    QString resolve(const QString& path, const IfupdownLine& line) const;
    void error(const IfupdownLine* at, const QString& path, const QString& message);

    ConfigDiagnostics& m_diagnostics;
    QList<IfupdownLine> m_lines;
    QStringList m_stack; // canonical paths of the files being read, outermost first
    QSet<QString> m_seen;
};

} // namespace baton
