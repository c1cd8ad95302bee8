// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "log/EventLogModel.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace baton {

// What the log shows: rows whose node, kind and text contain the filter text (ignoring case),
// of one node (or all) and of one kind (or all). Keeps the model's time order.
class EventLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventLogFilter(QObject* parent = nullptr);

    void setText(const QString& text);
    QString text() const { return m_text; }
    // Empty: every node. Otherwise rows of exactly that node.
    void setNode(const QString& node);
    QString node() const { return m_node; }
    // nullopt: every kind.
    void setKind(std::optional<EventLogModel::Kind> kind);
    std::optional<EventLogModel::Kind> kind() const { return m_kind; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    QString m_node;
    std::optional<EventLogModel::Kind> m_kind;
};

} // namespace baton
