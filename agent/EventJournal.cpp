// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventJournal.h"

#include "config/BoundedFile.h"

#include <QCborValue>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace baton {

namespace {
QByteArray line(const ControlEvent& event)
{
    return QJsonDocument(event.toMessage().toJsonObject()).toJson(QJsonDocument::Compact) + '\n';
}
} // namespace

EventJournal::EventJournal(QString stateDir, DiskWriter& writer)
    : m_stateDir(std::move(stateDir))
    , m_writer(writer)
{
}

QString EventJournal::path() const
{
    return QDir(m_stateDir).filePath(QStringLiteral("events.jsonl"));
}

qsizetype EventJournal::size() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<qsizetype>(m_events.size());
}

QString EventJournal::load(qsizetype* skipped)
{
    QMutexLocker lock(&m_mutex);
    m_events.clear();
    m_fileLines = 0;
    qsizetype bad = 0;
    if (skipped)
        *skipped = 0;
    if (!QFileInfo::exists(path()))
        return {};
    QString error;
    const std::optional<QByteArray> text = BoundedFile::read(path(), MaxFileBytes, &error);
    if (!text) {
        rewrite();
        return error;
    }
    for (const QByteArray& raw : text->split('\n')) {
        if (raw.trimmed().isEmpty())
            continue;
        ++m_fileLines;
        const QJsonDocument json = QJsonDocument::fromJson(raw);
        const auto event = json.isObject()
                               ? ControlEvent::fromMessage(QCborValue::fromJsonValue(json.object()).toMap())
                               : std::nullopt;
        if (!event) {
            ++bad; // a line cut short by a crash, or edited by hand
            continue;
        }
        m_events.push_back(*event);
        if (static_cast<qsizetype>(m_events.size()) > Capacity)
            m_events.pop_front();
    }
    if (skipped)
        *skipped = bad;
    return {};
}

void EventJournal::append(const ControlEvent& event)
{
    QMutexLocker lock(&m_mutex);
    m_events.push_back(event);
    if (static_cast<qsizetype>(m_events.size()) > Capacity)
        m_events.pop_front();
    if (m_fileLines + 1 > 2 * Capacity)
        return rewrite();
    if (m_writer.append(path(), line(event)))
        ++m_fileLines;
}

void EventJournal::rewrite()
{
    QByteArray all;
    for (const ControlEvent& e : m_events)
        all += line(e);
    if (m_writer.replace(path(), all))
        m_fileLines = static_cast<qsizetype>(m_events.size());
}

QList<ControlEvent> EventJournal::since(qint64 sinceMs, qsizetype limit) const
{
    QMutexLocker lock(&m_mutex);
    QList<ControlEvent> out;
    for (auto it = m_events.rbegin(); it != m_events.rend() && out.size() < limit; ++it)
        if (it->timeMs >= sinceMs)
            out.prepend(*it);
    return out;
}

} // namespace baton
