// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace baton {

class EventLogFilter;
class EventLogModel;

// The event log as the window shows it: a text filter, a node and a kind filter, the table
// (following the newest row while scrolled to the bottom), Copy (Ctrl+C or the button) for the
// selected rows, or for every row shown when none is selected, as tab-separated text, and Export
// of the rows shown as CSV or JSON. Above the table, how many events from the agents' histories
// were merged since the log was opened ("12 events since you last looked").
class EventLogView : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogView(EventLogModel* model, QWidget* parent = nullptr);

    EventLogModel* model() const { return m_model; }
    EventLogFilter* filter() const { return m_filter; }
    QTableView* table() const { return m_table; }
    QAction* copyAction() const { return m_copy; }
    QAction* exportAction() const { return m_export; }

    // Asks where to export to; an empty path cancels. Without one (the default) a file dialog
    // asks, without blocking; tests may set their own.
    using SaveFileChooser = std::function<QString(QWidget* parent, const QString& suggestedPath)>;
    void setSaveFileChooser(SaveFileChooser chooser) { m_chooser = std::move(chooser); }
    // The rows shown, to path, as CSV unless it ends in .json. False with the reason in *error.
    bool exportTo(const QString& path, QString* error = nullptr);
    // "12 events since you last looked", or empty when there are none.
    QString earlierText() const;

    // What the node filter offers besides "all nodes": the nodes' names and the VIP's label.
    void setNodes(const QStringList& nodes);
    // The selected rows in the order shown, one line each; empty when none is selected.
    QString selectedText() const;
    // Every row the filters let through.
    QString shownText() const;

public Q_SLOTS:
    void copy();
    // Chooses a file and exports to it; a failure is shown in a message box.
    void exportShown();

Q_SIGNALS:
    void exported(const QString& path, int rows);
    void exportFailed(const QString& error);

private:
    void updateCount();
    void updateEarlier();
    void exportChosen(const QString& path);
    QString textOfRows(const QList<int>& proxyRows) const;

    EventLogModel* m_model;
    EventLogFilter* m_filter;
    QLineEdit* m_text = nullptr;
    QComboBox* m_node = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_earlier = nullptr;
    QTableView* m_table = nullptr;
    QAction* m_copy = nullptr;
    QAction* m_export = nullptr;
    SaveFileChooser m_chooser;
    bool m_follow = true;
};

} // namespace baton
