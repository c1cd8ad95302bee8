// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/ClusterDefinition.h"
#include "drill/DrillKind.h"
#include "drill/DrillRunner.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>
#include <QTimer>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace baton {

class DrillHistoryView;
class DrillTimelineView;
class GuiDeployPrompter;

// Guided failover drills for the open cluster: choose a type and start; the preflight's checks, each
// step with what is expected and what is seen, live, the timeline, Abort (which restores at once),
// the verdict, and the reports (JSON, HTML, PDF) saved in the cluster's folder. A second tab lists
// the cluster's past drills. Closing the dialog during a drill aborts it. The reboot drill is offered
// only when the cluster has SSH access to both servers; otherwise it is shown disabled with why.
class DrillDialog : public QDialog
{
    Q_OBJECT
public:
    DrillDialog(const ClusterDefinition& cluster, const QString& reportDirectory, QWidget* parent = nullptr);
    ~DrillDialog() override;

    // As the Start button with that type chosen; false (and the reason shown) if it cannot start.
    bool start(DrillKind kind);
    void abort();
    void showHistory();

    DrillRunner* runner() const { return m_runner; }
    QStringList reportFiles() const { return m_reportFiles; } // after a drill: json, html, pdf
    QString statusText() const;
    DrillHistoryView* history() const { return m_history; }
    QTableWidget* stepsTable() const { return m_steps; }
    QComboBox* typeBox() const { return m_type; }
    static QString rebootUnavailableReason();

Q_SIGNALS:
    void drillFinished();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void refresh();
    void finished();
    void setStatus(const QString& text, const QString& colour = {});
    bool setUpReboot(QString* error); // the SSH rebooter for the runner, asking through dialogs

    ClusterDefinition m_cluster;
    QString m_directory;
    QPointer<DrillRunner> m_runner;
    QStringList m_reportFiles;
    QTimer m_repaint;

    QTabWidget* m_tabs = nullptr;
    QComboBox* m_type = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_abort = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_preflight = nullptr;
    QTableWidget* m_steps = nullptr;
    DrillTimelineView* m_timeline = nullptr;
    QPlainTextEdit* m_seen = nullptr;
    QLabel* m_reports = nullptr;
    DrillHistoryView* m_history = nullptr;
    GuiDeployPrompter* m_prompter = nullptr;
};

} // namespace baton
