// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogFilter.h"

namespace baton {

EventLogFilter::EventLogFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
}

void EventLogFilter::setText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void EventLogFilter::setNode(const QString& node)
{
    if (node == m_node)
        return;
    m_node = node;
    invalidateFilter();
}

void EventLogFilter::setKind(std::optional<EventLogModel::Kind> kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateFilter();
}

bool EventLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* model = sourceModel();
    const QModelIndex index = model->index(sourceRow, EventLogModel::TextColumn, sourceParent);
    if (!m_node.isEmpty() && index.data(EventLogModel::NodeRole).toString() != m_node)
        return false;
    if (m_kind && index.data(EventLogModel::KindRole).toInt() != static_cast<int>(*m_kind))
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < EventLogModel::ColumnCount; ++column) {
        if (model->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace baton
