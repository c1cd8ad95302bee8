// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeployEngine.h"
#include "config/ClusterDefinition.h"

#include <QDialog>
#include <QPointer>
#include <QThread>

#include <array>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

class QTreeWidget;

namespace baton {

class GuiDeployPrompter;

// Cluster → Deploy cluster…: the cluster's two servers as ~/.ssh/config aliases or
// [USER@]HOST[:PORT] (what an alias resolves to shown as typed), the login user and the packages'
// folder; Show plan, Deploy, Cancel. The engine runs on a worker thread; its questions come as
// dialogs, its steps live per server, a failure with its step, server, cause and what was rolled
// back. When the agents answer, deployed() lets the window open the cluster.
class DeployDialog : public QDialog
{
    Q_OBJECT
public:
    DeployDialog(const ClusterDefinition& cluster, QWidget* parent = nullptr);
    ~DeployDialog() override;

    // As the buttons: false (and the reason shown) when the input is incomplete.
    bool start(bool planOnly);
    bool startUndoTakeover();
    QCheckBox* takeoverBox() const { return m_takeover; }
    void cancel();
    bool isRunning() const { return m_worker != nullptr; }

    QLineEdit* serverEdit(int index) const { return m_servers[static_cast<std::size_t>(index)]; }
    QLineEdit* userEdit() const { return m_user; }
    QLineEdit* packagesEdit() const { return m_packages; }
    QLabel* resolvedLabel(int index) const { return m_resolved[static_cast<std::size_t>(index)]; }
    QTreeWidget* stepsView() const { return m_steps; }
    QString statusText() const;
    std::optional<DeployEngine::Outcome> outcome() const { return m_outcome; }

Q_SIGNALS:
    void deployed();
    // A takeover filled the cluster in from the ucarp-* stanzas, or a deployment set up its SSH access.
    void clusterChanged(const baton::ClusterDefinition& cluster);
    void finished();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void updateResolved();
    bool run(DeployRequest::Mode mode, bool planOnly);
    void addStep(const QString& server, const QString& step, const QString& detail);
    void done(DeployEngine::Outcome outcome);
    void rememberAccess();
    void setRunning(bool running);
    void setStatus(const QString& text, const QString& colour = {});

    ClusterDefinition m_cluster;
    std::array<QLineEdit*, 2> m_servers{};
    std::array<QLabel*, 2> m_resolved{};
    QLineEdit* m_user = nullptr;
    QLineEdit* m_packages = nullptr;
    QTreeWidget* m_steps = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_plan = nullptr;
    QPushButton* m_deploy = nullptr;
    QPushButton* m_undo = nullptr;
    QCheckBox* m_takeover = nullptr;
    QPushButton* m_cancel = nullptr;
    GuiDeployPrompter* m_prompter = nullptr;
    DeployEngine* m_engine = nullptr;
    QPointer<QThread> m_worker;
    std::optional<DeployEngine::Outcome> m_outcome;
};

} // namespace baton
