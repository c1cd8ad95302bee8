// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace baton {

class EventLogFilter;
class EventLogModel;

// The event log as the window shows it: a text filter, a node and a kind filter, the table
// (following the newest row while scrolled to the bottom), and Copy (Ctrl+C or the button) for the
// selected rows, or for every row shown when none is selected, as tab-separated text.
class EventLogView : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogView(EventLogModel* model, QWidget* parent = nullptr);

    EventLogModel* model() const { return m_model; }
    EventLogFilter* filter() const { return m_filter; }
    QTableView* table() const { return m_table; }
    QAction* copyAction() const { return m_copy; }

    // What the node filter offers besides "all nodes": the nodes' names and the VIP's label.
    void setNodes(const QStringList& nodes);
    // The selected rows in the order shown, one line each; empty when none is selected.
    QString selectedText() const;
    // Every row the filters let through.
    QString shownText() const;

public Q_SLOTS:
    void copy();

private:
    void updateCount();
    QString textOfRows(const QList<int>& proxyRows) const;

    EventLogModel* m_model;
    EventLogFilter* m_filter;
    QLineEdit* m_text = nullptr;
    QComboBox* m_node = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    QAction* m_copy = nullptr;
    bool m_follow = true;
};

} // namespace baton
