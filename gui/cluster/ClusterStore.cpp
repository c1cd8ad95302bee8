// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClusterStore.h"

#include "config/BoundedFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace baton {

namespace {
constexpr QLatin1StringView FormatName{"baton-clusters"};

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

ClusterStore::ClusterStore(QString path)
    : m_path(std::move(path))
{
}

QString ClusterStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/clusters.json");
}

bool ClusterStore::load(QString* error)
{
    m_clusters.clear();
    m_loadError.clear();
    const auto refuse = [this, error](const QString& problem) {
        m_loadError = tr("%1: %2").arg(QDir::toNativeSeparators(m_path), problem);
        return fail(error, m_loadError);
    };
    if (!QFileInfo::exists(m_path))
        return true;
    QString problem;
    const std::optional<QByteArray> text = BoundedFile::read(m_path, MaxFileBytes, &problem);
    const std::optional<QJsonObject> json = text ? BoundedFile::jsonObject(*text, &problem) : std::nullopt;
    if (!json)
        return refuse(problem);
    const QJsonObject root = *json;
    if (root.value(QStringLiteral("format")).toString() != FormatName)
        return refuse(
            tr("not a Baton cluster list (expected an object with \"format\": \"%1\")").arg(FormatName));
    const int version = root.value(QStringLiteral("version")).toInt(-1);
    if (version != Version)
        return refuse(tr("version %1 of the cluster list is not supported (this Baton reads version %2)")
                          .arg(version)
                          .arg(Version));
    const QJsonValue list = root.value(QStringLiteral("clusters"));
    if (!list.isArray())
        return refuse(tr("\"clusters\" is not an array"));
    QList<ClusterDefinition> clusters;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const auto cluster = ClusterDefinition::fromJson(array.at(i).toObject(), &problem);
        if (!array.at(i).isObject() || !cluster)
            return refuse(
                tr("cluster %1: %2").arg(i + 1).arg(array.at(i).isObject() ? problem : tr("not an object")));
        clusters.append(*cluster);
    }
    m_clusters = clusters;
    return true;
}

qsizetype ClusterStore::indexOf(const QString& name) const
{
    for (qsizetype i = 0; i < m_clusters.size(); ++i) {
        if (m_clusters.at(i).name == name)
            return i;
    }
    return -1;
}

bool ClusterStore::add(const ClusterDefinition& cluster, QString* error)
{
    if (indexOf(cluster.name) >= 0)
        return fail(error, tr("There is a cluster named '%1' already.").arg(cluster.name));
    QList<ClusterDefinition> next = m_clusters;
    next.append(cluster);
    return commit(next, error);
}

bool ClusterStore::replace(qsizetype index, const ClusterDefinition& cluster, QString* error)
{
    if (index < 0 || index >= m_clusters.size())
        return fail(error, tr("No such cluster."));
    const qsizetype same = indexOf(cluster.name);
    if (same >= 0 && same != index)
        return fail(error, tr("There is a cluster named '%1' already.").arg(cluster.name));
    QList<ClusterDefinition> next = m_clusters;
    next[index] = cluster;
    return commit(next, error);
}

bool ClusterStore::remove(qsizetype index, QString* error)
{
    if (index < 0 || index >= m_clusters.size())
        return fail(error, tr("No such cluster."));
    QList<ClusterDefinition> next = m_clusters;
    next.removeAt(index);
    return commit(next, error);
}

bool ClusterStore::commit(const QList<ClusterDefinition>& clusters, QString* error)
{
    if (!save(clusters, error))
        return false;
    m_clusters = clusters;
    return true;
}

bool ClusterStore::save(const QList<ClusterDefinition>& clusters, QString* error) const
{
    if (!m_loadError.isEmpty())
        return fail(error,
                    tr("The cluster list was not changed, so as not to overwrite a file that could not be "
                       "read. Repair or remove it, then restart Baton. %1")
                        .arg(m_loadError));
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir(folder).exists()) {
        if (!QDir().mkpath(folder))
            return fail(error, tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(folder)));
        QFile::setPermissions(folder,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QJsonArray array;
    for (const ClusterDefinition& cluster : clusters)
        array.append(cluster.toJson());
    const QJsonObject root{{QStringLiteral("format"), QString(FormatName)},
                           {QStringLiteral("version"), Version},
                           {QStringLiteral("clusters"), array}};
    QSaveFile file(m_path);
    // QSaveFile creates a new file with the umask's permissions: restrict it before the first byte.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        return fail(error,
                    tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(m_path), file.errorString()));
    return true;
}

} // namespace baton
