// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeployDialog.h"

#include "GuiDeployPrompter.h"
#include "LocalPackages.h"
#include "SshTarget.h"
#include "net/Ipv4.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace baton {

DeployDialog::DeployDialog(const ClusterDefinition& cluster, QWidget* parent)
    : QDialog(parent)
    , m_cluster(cluster)
{
    setWindowTitle(tr("Deploy %1").arg(cluster.name));
    auto* form = new QFormLayout;
    for (std::size_t i = 0; i < 2; ++i) {
        const ClusterDefinition::Node& node = cluster.nodes[i];
        m_servers[i] = new QLineEdit(cluster.ssh[i].isEmpty() ? node.agentHost() : cluster.ssh[i]);
        m_servers[i]->setObjectName(QStringLiteral("server%1").arg(i + 1));
        m_servers[i]->setToolTip(tr("An alias from ~/.ssh/config, or [user@]host[:port]"));
        m_resolved[i] = new QLabel;
        m_resolved[i]->setObjectName(QStringLiteral("resolved%1").arg(i + 1));
        m_resolved[i]->setWordWrap(false);
        m_resolved[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(tr("Server of %1 (%2):").arg(node.name, Ipv4::toString(node.address)), m_servers[i]);
        form->addRow(QString(), m_resolved[i]);
        connect(m_servers[i], &QLineEdit::textChanged, this, &DeployDialog::updateResolved);
    }
    m_user = new QLineEdit(QStringLiteral("root"));
    m_user->setToolTip(tr("Used where neither the server field nor ~/.ssh/config names a user"));
    connect(m_user, &QLineEdit::textChanged, this, &DeployDialog::updateResolved);
    form->addRow(tr("Default user:"), m_user);
    m_packages = new QLineEdit(LocalPackages::defaultDir());
    m_packages->setPlaceholderText(tr("folder with batond_*.deb and batonctl_*.deb"));
    form->addRow(tr("Packages:"), m_packages);
    m_takeover = new QCheckBox(
        tr("Take over a running ucarp pair (the cluster is filled in from its ucarp-* stanzas)"));
    m_takeover->setToolTip(
        tr("ucarp is replaced by batond one server at a time on the same settings, without the "
           "VIP going away; Undo takeover brings ucarp back"));
    form->addRow(QString(), m_takeover);

    m_steps = new QTreeWidget;
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({tr("Server"), tr("Step"), tr("Detail")});
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_steps->setMinimumSize(720, 260);

    m_status = new QLabel(tr("Nothing changes on a server before you have seen and confirmed the plan."));
    m_status->setObjectName(QStringLiteral("deployStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox;
    m_plan = buttons->addButton(tr("Show &plan"), QDialogButtonBox::ActionRole);
    m_deploy = buttons->addButton(tr("&Deploy"), QDialogButtonBox::AcceptRole);
    m_undo = buttons->addButton(tr("&Undo takeover"), QDialogButtonBox::ActionRole);
    m_undo->setToolTip(tr("Remove batond from both servers and start ucarp as it ran before the takeover"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setText(tr("&Cancel"));
    auto* close = buttons->addButton(QDialogButtonBox::Close);
    close->setText(tr("C&lose"));
    connect(m_plan, &QPushButton::clicked, this, [this] { start(true); });
    connect(m_deploy, &QPushButton::clicked, this, [this] { start(false); });
    connect(m_undo, &QPushButton::clicked, this, &DeployDialog::startUndoTakeover);
    connect(m_cancel, &QPushButton::clicked, this, &DeployDialog::cancel);
    connect(close, &QPushButton::clicked, this, &QDialog::close);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    m_prompter = new GuiDeployPrompter(this);
    m_engine = new DeployEngine(*m_prompter, this);
    connect(m_engine, &DeployEngine::progress, this, &DeployDialog::addStep);
    connect(m_engine, &DeployEngine::clusterResolved, this, [this](const ClusterDefinition& stanzas) {
        m_cluster = stanzas;
        Q_EMIT clusterChanged(stanzas);
    });
    connect(m_engine, &DeployEngine::planReady, this, [this](const QString& plan) {
        for (const QString& line : plan.split(u'\n'))
            addStep(QString(), tr("plan"), line);
    });
    setRunning(false);
    updateResolved();
}

DeployDialog::~DeployDialog()
{
    if (m_worker) {
        m_engine->cancel();
        m_worker->wait();
    }
}

void DeployDialog::updateResolved()
{
    for (std::size_t i = 0; i < 2; ++i) {
        QString error;
        const auto target = SshTarget::resolveWithUserConfig(m_servers[i]->text(), m_user->text(), &error);
        QString text = target ? target->describe(QDir::homePath()) : error;
        if (target && target->viaJumpHost())
            text += u'\n' + tr("Jump hosts are not supported: this server will be refused.");
        m_resolved[i]->setText(text);
    }
}

void DeployDialog::setRunning(bool running)
{
    m_plan->setEnabled(!running);
    m_deploy->setEnabled(!running);
    m_undo->setEnabled(!running);
    m_takeover->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (QLineEdit* edit : {m_servers[0], m_servers[1], m_user, m_packages})
        edit->setReadOnly(running);
}

void DeployDialog::setStatus(const QString& text, const QString& colour)
{
    m_status->setText(text);
    m_status->setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(colour));
}

QString DeployDialog::statusText() const
{
    return m_status->text();
}

bool DeployDialog::start(bool planOnly)
{
    return run(m_takeover->isChecked() ? DeployRequest::Mode::Takeover : DeployRequest::Mode::Deploy,
               planOnly);
}

bool DeployDialog::startUndoTakeover()
{
    return run(DeployRequest::Mode::UndoTakeover, false);
}

bool DeployDialog::run(DeployRequest::Mode mode, bool planOnly)
{
    if (m_worker)
        return false;
    DeployRequest request;
    request.mode = mode;
    request.cluster = m_cluster;
    request.planOnly = planOnly;
    request.packageDir = m_packages->text().trimmed();
    for (std::size_t i = 0; i < 2; ++i) {
        QString error;
        const auto target = SshTarget::resolveWithUserConfig(m_servers[i]->text(), m_user->text(), &error);
        if (!target) {
            setStatus(error, QStringLiteral("#b00020"));
            return false;
        }
        request.targets[i] = *target;
    }
    QString error;
    if (!LocalPackages::find(request.packageDir, &error)) {
        setStatus(tr("The packages: %1").arg(error), QStringLiteral("#b00020"));
        return false;
    }
    m_steps->clear();
    m_outcome.reset();
    setStatus(planOnly ? tr("Gathering both servers' facts for the plan…") : tr("Deploying…"));
    setRunning(true);
    m_worker = QThread::create([this, request] {
        const DeployEngine::Outcome outcome = m_engine->run(request);
        QMetaObject::invokeMethod(
            this, [this, outcome] { done(outcome); }, Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, m_worker, &QObject::deleteLater);
    m_worker->start();
    return true;
}

void DeployDialog::cancel()
{
    if (!m_worker)
        return;
    m_engine->cancel();
    setStatus(tr("Cancelling: what was changed is being rolled back…"));
    m_cancel->setEnabled(false);
}

void DeployDialog::addStep(const QString& server, const QString& step, const QString& detail)
{
    auto* item = new QTreeWidgetItem(m_steps, {server, step, detail});
    item->setToolTip(2, detail);
    m_steps->scrollToItem(item);
}

void DeployDialog::done(DeployEngine::Outcome outcome)
{
    if (m_worker)
        m_worker->wait();
    m_worker = nullptr;
    m_outcome = outcome;
    setRunning(false);
    const QString report = m_engine->report();
    switch (outcome) {
    case DeployEngine::Outcome::Deployed:
    case DeployEngine::Outcome::NothingToChange:
        // The engine's summary already says it ("deployed: batond 0.2.0 runs on…").
        setStatus(report.left(1).toUpper() + report.mid(1), QStringLiteral("#1b5e20"));
        rememberAccess();
        Q_EMIT deployed();
        break;
    case DeployEngine::Outcome::Planned:
        setStatus(tr("The plan is above; nothing was changed. Deploy carries it out."));
        break;
    case DeployEngine::Outcome::Refused:
        setStatus(tr("Refused, nothing was changed: %1").arg(report), QStringLiteral("#b00020"));
        break;
    case DeployEngine::Outcome::RolledBack:
        setStatus(tr("Failed and rolled back: %1").arg(report), QStringLiteral("#b00020"));
        break;
    case DeployEngine::Outcome::Failed:
        setStatus(tr("Failed, and the rollback did not complete: %1").arg(report), QStringLiteral("#b00020"));
        break;
    case DeployEngine::Outcome::Cancelled:
        setStatus(tr("Cancelled: %1").arg(report), QStringLiteral("#b00020"));
        break;
    }
    Q_EMIT finished();
}

void DeployDialog::rememberAccess()
{
    // The way in that worked is the cluster's SSH access (for the reboot drill and the next deploy),
    // with the user it resolved to, so that it is the same login whatever the user field says later.
    std::array<QString, 2> access;
    for (std::size_t i = 0; i < 2; ++i) {
        QString error;
        const QString typed = m_servers[i]->text().trimmed();
        const auto target = SshTarget::resolveWithUserConfig(typed, m_user->text(), &error);
        if (!target)
            return;
        access[i] = target->user + u'@' + typed.mid(typed.lastIndexOf(u'@') + 1);
    }
    if (access == m_cluster.ssh)
        return;
    m_cluster.ssh = access;
    Q_EMIT clusterChanged(m_cluster);
}

void DeployDialog::closeEvent(QCloseEvent* event)
{
    if (m_worker) {
        // Closing mid-way cancels, and the dialog stays until the rollback is over.
        cancel();
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

} // namespace baton
