// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogExport.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace baton {

namespace {
QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString csvField(const QString& value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}
} // namespace

QByteArray EventLogExport::csv(const QList<EventLogModel::Entry>& entries)
{
    QString text = QStringLiteral("time,time_ms,node,kind,text,earlier,agent_time_ms\r\n");
    for (const EventLogModel::Entry& e : entries) {
        const QStringList fields{utc(e.timeMs),
                                 QString::number(e.timeMs),
                                 csvField(e.node),
                                 EventLogModel::kindKey(e.kind),
                                 csvField(e.text),
                                 e.earlier ? QStringLiteral("true") : QStringLiteral("false"),
                                 e.eventId.isEmpty() ? QString() : QString::number(e.agentTimeMs)};
        text += fields.join(u',') + QStringLiteral("\r\n");
    }
    return text.toUtf8();
}

QByteArray EventLogExport::json(const QList<EventLogModel::Entry>& entries)
{
    QJsonArray array;
    for (const EventLogModel::Entry& e : entries) {
        QJsonObject object{
            {QStringLiteral("time"), utc(e.timeMs)}, {QStringLiteral("timeMs"), e.timeMs},
            {QStringLiteral("node"), e.node},        {QStringLiteral("kind"), EventLogModel::kindKey(e.kind)},
            {QStringLiteral("text"), e.text},        {QStringLiteral("earlier"), e.earlier}};
        if (!e.eventId.isEmpty())
            object.insert(QStringLiteral("agentTimeMs"), e.agentTimeMs);
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

std::optional<EventLogExport::Format> EventLogExport::formatOf(const QString& path)
{
    if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        return Format::Csv;
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        return Format::Json;
    return std::nullopt;
}

bool EventLogExport::write(const QString& path, Format format, const QList<EventLogModel::Entry>& entries,
                           QString* error)
{
    const QByteArray bytes = format == Format::Json ? json(entries) : csv(entries);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("The events could not be saved to %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace baton
