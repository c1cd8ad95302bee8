// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogView.h"

#include "log/EventLogFilter.h"
#include "log/EventLogModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace baton {

EventLogView::EventLogView(EventLogModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new EventLogFilter(this))
{
    m_filter->setSourceModel(m_model);

    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Filter events"));
    m_text->setClearButtonEnabled(true);
    connect(m_text, &QLineEdit::textChanged, m_filter, &EventLogFilter::setText);

    m_node = new QComboBox(this);
    m_node->setToolTip(tr("Show the events of one node only"));
    setNodes({});
    connect(m_node, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setNode(m_node->currentData().toString()); });

    m_kind = new QComboBox(this);
    m_kind->setToolTip(tr("Show one kind of event only"));
    m_kind->addItem(tr("All kinds"), -1);
    for (const EventLogModel::Kind kind : EventLogModel::kinds())
        m_kind->addItem(EventLogModel::kindName(kind), static_cast<int>(kind));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_kind->currentData().toInt();
        m_filter->setKind(value < 0 ? std::nullopt : std::optional(static_cast<EventLogModel::Kind>(value)));
    });

    m_count = new QLabel(this);
    auto* copyButton = new QPushButton(tr("Copy"), this);
    copyButton->setToolTip(tr("Copy the selected events, or all events shown, as text"));
    connect(copyButton, &QPushButton::clicked, this, &EventLogView::copy);

    m_table = new QTableView(this);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->setColumnWidth(EventLogModel::TimeColumn,
                            metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    m_table->setColumnWidth(EventLogModel::NodeColumn, metrics.horizontalAdvance(QStringLiteral("M")) * 9);
    m_table->setColumnWidth(EventLogModel::KindColumn, metrics.horizontalAdvance(QStringLiteral("M")) * 10);

    m_copy = new QAction(tr("Copy"), m_table);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copy, &QAction::triggered, this, &EventLogView::copy);
    m_table->addAction(m_copy);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);

    // Follow the newest row, unless the administrator scrolled up to read.
    connect(m_filter, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar* bar = m_table->verticalScrollBar();
        m_follow = bar->value() >= bar->maximum();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_table->scrollToBottom();
        updateCount();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &EventLogView::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &EventLogView::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &EventLogView::updateCount);

    auto* heading = new QLabel(tr("Events"), this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto* bar = new QHBoxLayout;
    bar->addWidget(heading);
    bar->addSpacing(8);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_node);
    bar->addWidget(m_kind);
    bar->addWidget(m_count);
    bar->addWidget(copyButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    updateCount();
}

void EventLogView::setNodes(const QStringList& nodes)
{
    const QString current = m_node->currentData().toString();
    const QSignalBlocker block(m_node);
    m_node->clear();
    m_node->addItem(tr("All nodes"), QString());
    for (const QString& node : nodes)
        m_node->addItem(node, node);
    const int index = std::max(0, m_node->findData(current));
    m_node->setCurrentIndex(index);
    m_filter->setNode(m_node->currentData().toString());
}

QString EventLogView::selectedText() const
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return textOfRows(rows);
}

QString EventLogView::shownText() const
{
    QList<int> rows;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        rows.append(row);
    return textOfRows(rows);
}

void EventLogView::copy()
{
    const QString selected = selectedText();
    QApplication::clipboard()->setText(selected.isEmpty() ? shownText() : selected);
}

void EventLogView::updateCount()
{
    m_count->setText(tr("%1 of %2").arg(m_filter->rowCount()).arg(m_model->rowCount()));
}

QString EventLogView::textOfRows(const QList<int>& proxyRows) const
{
    QString text;
    for (const int row : proxyRows) {
        const QModelIndex source = m_filter->mapToSource(m_filter->index(row, 0));
        text += EventLogModel::toText(m_model->entry(source.row())) + u'\n';
    }
    return text;
}

} // namespace baton
