// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace baton {

class ClusterFleet;
class OverviewModel;

// All known clusters, one line each, worst first: a summary line, a filter for long lists, and a
// double-click (or Enter) on a line opens that cluster in the main window.
class OverviewWindow : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewWindow(ClusterFleet* fleet, QWidget* parent = nullptr);
    ~OverviewWindow() override;

    QTableView* view() const { return m_view; }
    OverviewModel* model() const { return m_model; }
    QString summary() const;

Q_SIGNALS:
    void openRequested(const QString& clusterLabel);

private:
    void updateSummary();

    ClusterFleet* m_fleet;
    OverviewModel* m_model;
    QSortFilterProxyModel* m_sorted;
    QLabel* m_summary;
    QLineEdit* m_filter;
    QTableView* m_view;
};

} // namespace baton
