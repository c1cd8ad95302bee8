// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverviewWindow.h"

#include "OverviewModel.h"
#include "watch/ClusterFleet.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace baton {

namespace {
const QString GeometryKey = QStringLiteral("overview/geometry");
}

OverviewWindow::OverviewWindow(ClusterFleet* fleet, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_fleet(fleet)
    , m_model(new OverviewModel(fleet, this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_summary(new QLabel)
    , m_filter(new QLineEdit)
    , m_view(new QTableView)
{
    setObjectName(QStringLiteral("overview"));
    setWindowTitle(tr("Baton: all clusters"));
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(OverviewModel::SortRole);
    m_sorted->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_sorted->setFilterKeyColumn(-1); // any column: a name, an address, a node, an alarm's words
    m_filter->setPlaceholderText(tr("Filter: name, address, node or alarm"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_sorted, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(OverviewModel::ClusterColumn, Qt::AscendingOrder); // worst first
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(OverviewModel::ClusterColumn, 170);
    m_view->setColumnWidth(OverviewModel::VipColumn, 170);
    m_view->setColumnWidth(OverviewModel::MasterColumn, 150);
    m_view->setColumnWidth(OverviewModel::FailoverColumn, 240);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8); // fifty fit
    const auto open = [this](const QModelIndex& index) {
        if (index.isValid())
            Q_EMIT openRequested(index.data(OverviewModel::LabelRole).toString());
    };
    connect(m_view, &QTableView::activated, this, open); // double-click or Enter, as the style has it

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);

    connect(m_fleet, &ClusterFleet::membersChanged, this, &OverviewWindow::updateSummary);
    connect(m_fleet, &ClusterFleet::watchChanged, this, &OverviewWindow::updateSummary);
    updateSummary();
    if (!restoreGeometry(QSettings().value(GeometryKey).toByteArray()))
        resize(1200, 560);
}

OverviewWindow::~OverviewWindow()
{
    QSettings().setValue(GeometryKey, saveGeometry());
}

QString OverviewWindow::summary() const
{
    return m_summary->text();
}

void OverviewWindow::updateSummary()
{
    const QList<ClusterWatch*>& watches = m_fleet->watches();
    if (watches.isEmpty()) {
        m_summary->setText(tr("No clusters yet: add one with Cluster → Add cluster… in the main window."));
        return;
    }
    int alarms = 0;
    int attention = 0;
    int fine = 0;
    for (const ClusterWatch* watch : watches) {
        switch (watch->health()) {
        case ClusterWatch::Health::Alarm:
            ++alarms;
            break;
        case ClusterWatch::Health::Ok:
            ++fine;
            break;
        default:
            ++attention;
        }
    }
    m_summary->setText(tr("Clusters: %1 · in alarm: %2 · needing attention: %3 · all well: %4")
                           .arg(watches.size())
                           .arg(alarms)
                           .arg(attention)
                           .arg(fine));
}

} // namespace baton
