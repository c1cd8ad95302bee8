// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace baton {

QString DrillStore::directoryFor(const QString& clusterName)
{
    QString safe = clusterName;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    if (safe.isEmpty())
        safe = QStringLiteral("cluster");
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drills/") +
           safe;
}

bool DrillStore::writeJson(const DrillRecord& record, const QString& path, QString* error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(record.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QList<DrillStore::Entry> DrillStore::history(const QString& directory)
{
    QList<Entry> entries;
    const QDir dir(directory);
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024 * 1024)
            continue;
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        if (json.value(QStringLiteral("schema")).toString() != QLatin1StringView("baton-drill-report"))
            continue;
        Entry e;
        e.jsonPath = file.fileName();
        e.startedMs = json.value(QStringLiteral("started_ms")).toInteger();
        e.type = json.value(QStringLiteral("type")).toString();
        e.verdict = json.value(QStringLiteral("verdict")).toString();
        e.interrupted = json.value(QStringLiteral("interrupted")).toBool();
        if (json.value(QStringLiteral("vip_outage_ms")).isDouble())
            e.vipOutageMs = json.value(QStringLiteral("vip_outage_ms")).toInteger();
        entries.append(e);
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.startedMs > b.startedMs; });
    return entries;
}

} // namespace baton
