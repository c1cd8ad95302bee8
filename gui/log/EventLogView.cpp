// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogView.h"

#include "log/EventLogExport.h"
#include "log/EventLogFilter.h"
#include "log/EventLogModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
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
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setToolTip(tr("Save the events shown as CSV or JSON"));
    connect(exportButton, &QPushButton::clicked, this, &EventLogView::exportShown);

    m_earlier = new QLabel(this);
    m_earlier->setObjectName(QStringLiteral("earlierLabel"));
    m_earlier->setToolTip(tr("Events the agents kept while this window was not watching, read from their "
                             "histories when they connected. Their rows are marked with ◷."));
    m_earlier->setStyleSheet(
        QStringLiteral("#earlierLabel { background: #e3ecf7; color: #1a3a5c; "
                       "border: 1px solid #b6c9e2; border-radius: 3px; padding: 3px 6px; }"));
    m_earlier->hide();
    connect(m_model, &EventLogModel::earlierCountChanged, this, &EventLogView::updateEarlier);

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
    // Room for the earlier mark and a date: history rows are often from another day.
    m_table->setColumnWidth(EventLogModel::TimeColumn,
                            metrics.horizontalAdvance(QStringLiteral("◷ 0000-00-00 00:00:00.000")) + 16);
    m_table->setColumnWidth(EventLogModel::NodeColumn, metrics.horizontalAdvance(QStringLiteral("M")) * 9);
    m_table->setColumnWidth(EventLogModel::KindColumn, metrics.horizontalAdvance(QStringLiteral("M")) * 10);

    m_copy = new QAction(tr("Copy"), m_table);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copy, &QAction::triggered, this, &EventLogView::copy);
    m_table->addAction(m_copy);
    m_export = new QAction(tr("Export…"), m_table);
    connect(m_export, &QAction::triggered, this, &EventLogView::exportShown);
    m_table->addAction(m_export);
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
    bar->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_earlier);
    layout->addWidget(m_table, 1);
    updateCount();
    updateEarlier();
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

bool EventLogView::exportTo(const QString& path, QString* error)
{
    QList<EventLogModel::Entry> rows;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        rows.append(m_model->entry(m_filter->mapToSource(m_filter->index(row, 0)).row()));
    const EventLogExport::Format format =
        EventLogExport::formatOf(path).value_or(EventLogExport::Format::Csv);
    QString problem;
    if (!EventLogExport::write(path, format, rows, &problem)) {
        if (error)
            *error = problem;
        Q_EMIT exportFailed(problem);
        return false;
    }
    Q_EMIT exported(path, static_cast<int>(rows.size()));
    return true;
}

void EventLogView::exportShown()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(
        QStringLiteral("baton-events-%1.csv")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    if (m_chooser)
        return exportChosen(m_chooser(this, suggested));
    // open(), not exec(): no nested event loop, the log keeps filling behind the dialog.
    const QString csv = tr("CSV (*.csv)");
    const QString json = tr("JSON (*.json)");
    auto* dialog = new QFileDialog(this, tr("Export events"), suggested, csv + QStringLiteral(";;") + json);
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog, json](QString path) {
        // A name typed without an extension gets the chosen type's.
        if (!path.isEmpty() && !EventLogExport::formatOf(path))
            path += dialog->selectedNameFilter() == json ? QStringLiteral(".json") : QStringLiteral(".csv");
        exportChosen(path);
    });
    dialog->open();
}

void EventLogView::exportChosen(const QString& path)
{
    if (path.isEmpty())
        return;
    QString error;
    if (exportTo(path, &error))
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Export events"), error, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString EventLogView::earlierText() const
{
    const int n = m_model->earlierCount();
    if (n <= 0)
        return {};
    // English has a form of its own for one; other languages get theirs from %n.
    return n == 1 ? tr("◷ One event since you last looked")
                  : tr("◷ %n events since you last looked", nullptr, n);
}

void EventLogView::updateEarlier()
{
    m_earlier->setText(earlierText());
    m_earlier->setVisible(m_model->earlierCount() > 0);
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
