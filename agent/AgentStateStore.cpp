// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentStateStore.h"

#include "StateDirectory.h"
#include "config/BoundedFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace baton {

AgentStateStore::AgentStateStore(QString directory)
    : m_directory(std::move(directory))
{
}

QString AgentStateStore::path() const
{
    return QDir(m_directory).filePath(QStringLiteral("state.json"));
}

AgentStateStore::Loaded AgentStateStore::load() const
{
    Loaded out;
    if (!QFileInfo::exists(path()))
        return out;
    const std::optional<QByteArray> text = BoundedFile::read(path(), 1024 * 1024, &out.error);
    const std::optional<QJsonObject> json = text ? BoundedFile::jsonObject(*text, &out.error) : std::nullopt;
    if (!json) {
        if (text)
            out.error = QStringLiteral("%1: %2").arg(path(), out.error);
        return out;
    }
    const QJsonObject root = *json;
    if (root.value(QLatin1StringView("version")).toInt() != 1) {
        out.error = QStringLiteral("%1: unknown version").arg(path());
        return out;
    }
    // A field of the wrong type is damage, not a default: a lost restore could strand a link.
    const QJsonValue maintenance = root.value(QLatin1StringView("maintenance"));
    const QJsonValue restores = root.value(QLatin1StringView("restores"));
    if (!maintenance.isBool() || !restores.isArray()) {
        out.error =
            QStringLiteral("%1: 'maintenance' must be true or false and 'restores' a list").arg(path());
        return out;
    }
    out.state.maintenance = maintenance.toBool();
    for (const QJsonValue& v : restores.toArray()) {
        const QJsonObject o = v.toObject();
        SavedRestore p;
        p.interface = o.value(QLatin1StringView("interface")).toString();
        p.deadlineMs = static_cast<qint64>(o.value(QLatin1StringView("deadline_ms")).toDouble());
        // Files written before the boot clock was recorded have neither: the wall deadline rules.
        p.bootId = o.value(QLatin1StringView("boot_id")).toString();
        p.bootDeadlineMs = static_cast<qint64>(o.value(QLatin1StringView("boot_deadline_ms")).toDouble());
        p.requestedBy = o.value(QLatin1StringView("by")).toString();
        if (p.interface.isEmpty() || p.deadlineMs <= 0) {
            out.error = QStringLiteral("%1: a restore without interface or deadline").arg(path());
            return out;
        }
        out.state.restores << p;
    }
    return out;
}

QString AgentStateStore::save(const State& state) const
{
    if (const QString error = StateDirectory::ensure(m_directory); !error.isEmpty())
        return error;
    QJsonArray restores;
    for (const SavedRestore& p : state.restores) {
        restores.append(QJsonObject{
            {QStringLiteral("interface"), p.interface},
            {QStringLiteral("deadline_ms"), static_cast<double>(p.deadlineMs)},
            {QStringLiteral("deadline"),
             QDateTime::fromMSecsSinceEpoch(p.deadlineMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("boot_id"), p.bootId},
            {QStringLiteral("boot_deadline_ms"), static_cast<double>(p.bootDeadlineMs)},
            {QStringLiteral("by"), p.requestedBy},
        });
    }
    const QJsonObject root{
        {QStringLiteral("version"), 1},
        {QStringLiteral("maintenance"), state.maintenance},
        {QStringLiteral("restores"), restores},
    };
    QSaveFile file(path());
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: %2").arg(path(), file.errorString());
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(root).toJson());
    if (!file.commit()) // QSaveFile flushes to disk before the rename
        return QStringLiteral("%1: %2").arg(path(), file.errorString());
    // The rename itself lives in the folder: without this a power cut can bring the old file back.
    if (const int dir =
            ::open(QFile::encodeName(m_directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        dir >= 0) {
        const bool synced = ::fsync(dir) == 0;
        ::close(dir);
        if (!synced)
            return QStringLiteral("%1: cannot sync the folder: %2")
                .arg(m_directory, QString::fromLocal8Bit(strerror(errno)));
    }
    return {};
}

void AgentStateStore::setAside() const
{
    const QString bad = path() + QStringLiteral(".bad");
    QFile::remove(bad);
    QFile::rename(path(), bad);
}

} // namespace baton
