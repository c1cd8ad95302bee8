// SPDX-License-Identifier: GPL-3.0-or-later
#include "IfupdownLineLoader.h"

#include "BoundedFile.h"
#include "ValueParsers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace baton {

namespace {

bool hasWildcard(QStringView text)
{
    return text.contains(u'*') || text.contains(u'?') || text.contains(u'[');
}

} // namespace

IfupdownLineLoader::IfupdownLineLoader(ConfigDiagnostics& diagnostics)
    : m_diagnostics(diagnostics)
{
}

QList<IfupdownLine> IfupdownLineLoader::load(const QString& path)
{
    loadFile(QDir::cleanPath(path), 0, nullptr);
    return m_lines;
}

QList<IfupdownLine> IfupdownLineLoader::split(const QString& text, const QString& file)
{
    const QStringList physical = text.split(u'\n');
    QList<IfupdownLine> lines;
    for (qsizetype i = 0; i < physical.size(); ++i) {
        QString joined = physical[i];
        const int number = static_cast<int>(i + 1);
        if (joined.endsWith(u'\r'))
            joined.chop(1);
        // As ifupdown: the comment test comes before joining, so a continued line never becomes one.
        if (joined.trimmed().startsWith(u'#'))
            continue;
        while (joined.endsWith(u'\\') && i + 1 < physical.size()) {
            joined.chop(1);
            QString next = physical[++i];
            if (next.endsWith(u'\r'))
                next.chop(1);
            joined += next;
        }
        if (joined.endsWith(u'\\'))
            joined.chop(1);
        if (const QString trimmed = joined.trimmed(); !trimmed.isEmpty())
            lines.append({file, number, trimmed});
    }
    return lines;
}

void IfupdownLineLoader::error(const IfupdownLine* at, const QString& path, const QString& message)
{
    if (at)
        m_diagnostics.error(at->file, at->number, at->firstWord(), message);
    else
        m_diagnostics.error(path, 0, QString(), message);
}

void IfupdownLineLoader::loadFile(const QString& path, int depth, const IfupdownLine* includedBy)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    if (m_stack.contains(canonical)) {
        error(includedBy, path,
              QStringLiteral("include cycle: %1 -> %2").arg(m_stack.join(QStringLiteral(" -> ")), canonical));
        return;
    }
    // ifupdown reads each file once per run; a second include of the same file adds nothing.
    if (!canonical.isEmpty() && m_seen.contains(canonical))
        return;
    QString problem;
    const std::optional<QByteArray> text = BoundedFile::read(path, MaxFileSize, &problem);
    if (!text) {
        error(includedBy, path, problem);
        return;
    }
    loadLines(QString::fromUtf8(*text), path, canonical, depth);
}

QList<IfupdownLine> IfupdownLineLoader::loadText(const QString& text, const QString& fileName)
{
    const QString path = QDir::cleanPath(fileName);
    const QString canonical = QFileInfo(path).canonicalFilePath();
    loadLines(text, path, canonical.isEmpty() ? QFileInfo(path).absoluteFilePath() : canonical, 0);
    return m_lines;
}

void IfupdownLineLoader::loadLines(const QString& text, const QString& path, const QString& canonical,
                                   int depth)
{
    m_seen.insert(canonical);
    m_stack.append(canonical);
    for (const IfupdownLine& line : split(text, path)) {
        m_lines.append(line);
        const QString keyword = line.firstWord();
        if (keyword == u"source" || keyword == u"source-directory")
            include(line, depth);
    }
    m_stack.removeLast();
}

void IfupdownLineLoader::include(const IfupdownLine& line, int depth)
{
    if (depth + 1 > MaxDepth) {
        error(&line, line.file, QStringLiteral("includes nested deeper than %1 levels").arg(MaxDepth));
        return;
    }
    const QStringList targets = line.words().mid(1);
    if (targets.isEmpty()) {
        error(&line, line.file, QStringLiteral("expected a path after '%1'").arg(line.firstWord()));
        return;
    }
    const bool directory = line.firstWord() == u"source-directory";
    for (const QString& target : targets) {
        const QStringList files = directory ? sourceDirectory(target, line) : sourcePattern(target, line);
        for (const QString& file : files)
            loadFile(file, depth + 1, &line);
    }
}

QString IfupdownLineLoader::resolve(const QString& path, const IfupdownLine& line) const
{
    return QDir::cleanPath(QDir(QFileInfo(line.file).absolutePath()).filePath(path));
}

QStringList IfupdownLineLoader::sourcePattern(const QString& pattern, const IfupdownLine& line)
{
    const QString path = resolve(pattern, line);
    const QFileInfo info(path);
    if (hasWildcard(info.path())) {
        error(&line, line.file,
              ValueParsers::expected(QStringLiteral("wildcards only in the last path component"), pattern));
        return {};
    }
    if (!hasWildcard(info.fileName())) {
        // ifupdown skips a missing sourced file without a word; say so at least.
        if (!info.exists()) {
            m_diagnostics.warning(line.file, line.number, line.firstWord(),
                                  QStringLiteral("'%1' does not exist; skipped, as ifupdown does").arg(path));
            return {};
        }
        return {path};
    }
    // Like the shell glob ifupdown uses: no dot files, sorted by name.
    QStringList names = QDir(info.path()).entryList({info.fileName()}, QDir::Files);
    std::sort(names.begin(), names.end());
    QStringList files;
    for (const QString& name : std::as_const(names))
        files.append(QDir(info.path()).filePath(name));
    return files;
}

QStringList IfupdownLineLoader::sourceDirectory(const QString& directory, const IfupdownLine& line)
{
    const QString path = resolve(directory, line);
    if (!QFileInfo(path).isDir()) {
        m_diagnostics.warning(line.file, line.number, line.firstWord(),
                              QStringLiteral("'%1' is not a directory; skipped, as ifupdown does").arg(path));
        return {};
    }
    // run-parts naming, as ifupdown filters: this skips editor backups and *.dpkg-old files.
    static const QRegularExpression name(QStringLiteral("^[a-zA-Z0-9_-]+$"));
    QStringList names = QDir(path).entryList(QDir::Files);
    std::sort(names.begin(), names.end());
    QStringList files;
    for (const QString& entry : std::as_const(names))
        if (name.match(entry).hasMatch())
            files.append(QDir(path).filePath(entry));
    return files;
}

} // namespace baton
