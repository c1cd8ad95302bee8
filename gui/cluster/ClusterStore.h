// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/ClusterDefinition.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace baton {

// The clusters this desktop knows, kept as one JSON file (clusters.json in the application's data
// folder): {"format": "baton-clusters", "version": 1, "clusters": [ClusterDefinition, ...]}.
// The file holds CARP passwords, so it is written 0600, atomically (QSaveFile: a crash leaves the
// old file or the new one, never half of one). A file that cannot be read is never overwritten:
// after a failed load every change is refused with the reason, until the file is repaired or removed.
// Definitions are loaded as they are (ClusterDefinition::fromJson), not validated: one with a broken
// rule can still be opened in the dialog and fixed.
class ClusterStore
{
    Q_DECLARE_TR_FUNCTIONS(ClusterStore)
public:
    static constexpr int Version = 1;
    static constexpr qint64 MaxFileBytes = 4 * 1024 * 1024; // a hundred clusters are a few hundred kB

    explicit ClusterStore(QString path = defaultPath());
    // QStandardPaths::AppDataLocation/clusters.json.
    static QString defaultPath();
    QString path() const { return m_path; }

    // A missing file is an empty list. On error the list is empty and the store refuses changes.
    bool load(QString* error);
    // Why changes are refused (the load error), empty when they are not.
    QString loadError() const { return m_loadError; }

    const QList<ClusterDefinition>& clusters() const { return m_clusters; }
    qsizetype size() const { return m_clusters.size(); }
    // The index of the cluster with that name, -1 if none.
    qsizetype indexOf(const QString& name) const;

    // Each change is saved at once; if saving fails, the list stays as it was. Names are unique.
    bool add(const ClusterDefinition& cluster, QString* error);
    bool replace(qsizetype index, const ClusterDefinition& cluster, QString* error);
    bool remove(qsizetype index, QString* error);

private:
    bool save(const QList<ClusterDefinition>& clusters, QString* error) const;
    bool commit(const QList<ClusterDefinition>& clusters, QString* error);

    QString m_path;
    QList<ClusterDefinition> m_clusters;
    QString m_loadError;
};

} // namespace baton
