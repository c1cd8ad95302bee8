// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

namespace baton {

class ClusterFleet;
class ClusterWatch;

// Every watched cluster on one line: its state, whether its VIP answers at this desktop, which
// node is MASTER, the last failover with its outage, and its open alarms. Lines follow the fleet's
// order; a change to one cluster repaints its line only.
class OverviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        ClusterColumn,
        VipColumn,
        MasterColumn,
        FailoverColumn,
        AlarmsColumn,
        ColumnCount
    };
    // Under Qt::UserRole on any column: the watch's label, to open it.
    static constexpr int LabelRole = Qt::UserRole;
    // Under Qt::UserRole + 1: a value that sorts the column by meaning (health, time).
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit OverviewModel(ClusterFleet* fleet, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString healthText(int health);

private:
    QVariant display(const ClusterWatch& watch, int column) const;
    QString failoverText(const ClusterWatch& watch) const;
    QString masterText(const ClusterWatch& watch) const;

    ClusterFleet* m_fleet;
};

} // namespace baton
