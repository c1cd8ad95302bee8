// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drill/DrillStore.h"

#include <QWidget>

class QTableWidget;

namespace baton {

// The drills of one cluster from its report folder: a bar per drill (its longest VIP outage,
// coloured by verdict, oldest left) so a creeping failover time shows at a glance, and a table with
// date, type, verdict and VIP outage. Double-click opens a drill's HTML report.
class DrillHistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit DrillHistoryView(QWidget* parent = nullptr);
    void setDirectory(const QString& directory);
    void reload();
    const QList<DrillStore::Entry>& entries() const { return m_entries; }
    QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    void openRequested(const QString& htmlPath);

private:
    class Trend;
    QString m_directory;
    QList<DrillStore::Entry> m_entries;
    Trend* m_trend = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace baton
