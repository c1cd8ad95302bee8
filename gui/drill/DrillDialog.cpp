// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillDialog.h"

#include "DrillHistoryView.h"
#include "DrillReport.h"
#include "DrillTimelineView.h"
#include "SshRebooter.h"
#include "SshTarget.h"
#include "deploy/GuiDeployPrompter.h"
#include "drill/DrillRunner.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace baton {

namespace {
QString resultText(DrillStep::Result result)
{
    switch (result) {
    case DrillStep::Result::Pending:
        return DrillDialog::tr("pending");
    case DrillStep::Result::Running:
        return DrillDialog::tr("running…");
    case DrillStep::Result::Passed:
        return DrillDialog::tr("PASSED");
    case DrillStep::Result::Failed:
        return DrillDialog::tr("FAILED");
    case DrillStep::Result::Aborted:
        return DrillDialog::tr("aborted");
    case DrillStep::Result::Skipped:
        break;
    }
    return DrillDialog::tr("skipped");
}

QColor resultColour(DrillStep::Result result)
{
    switch (result) {
    case DrillStep::Result::Passed:
        return QColor(0x2e, 0x7d, 0x32);
    case DrillStep::Result::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case DrillStep::Result::Aborted:
        return QColor(0xef, 0x6c, 0x00);
    default:
        break;
    }
    return {};
}
} // namespace

DrillDialog::DrillDialog(const ClusterDefinition& cluster, const QString& reportDirectory, QWidget* parent)
    : QDialog(parent)
    , m_cluster(cluster)
    , m_directory(reportDirectory)
{
    setWindowTitle(tr("Failover drill: %1").arg(cluster.name));
    m_tabs = new QTabWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->addWidget(m_tabs);

    auto* run = new QWidget(m_tabs);
    auto* layout = new QVBoxLayout(run);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Drill:"), run));
    m_type = new QComboBox(run);
    m_type->setObjectName(QStringLiteral("drillType"));
    m_type->addItem(drillKindTitle(DrillKind::Classic), static_cast<int>(DrillKind::Classic));
    m_type->addItem(drillKindTitle(DrillKind::Handover), static_cast<int>(DrillKind::Handover));
    m_type->addItem(drillKindTitle(DrillKind::AgentCrash), static_cast<int>(DrillKind::AgentCrash));
    m_type->addItem(drillKindTitle(DrillKind::Reboot), static_cast<int>(DrillKind::Reboot));
    if (!cluster.hasSshAccess()) {
        // Offered, so that it can be found, but not selectable: it logs in to the servers over SSH.
        QStandardItem* reboot = qobject_cast<QStandardItemModel*>(m_type->model())->item(m_type->count() - 1);
        reboot->setEnabled(false);
        reboot->setText(tr("%1 (needs SSH access)").arg(drillKindTitle(DrillKind::Reboot)));
        reboot->setToolTip(rebootUnavailableReason());
    }
    m_type->setToolTip(tr(
        "Classic: each server's interface down and up again, the MASTER first (the manual "
        "failover test). Hand-over: the VIP handed over gracefully and back. Agent crash: the MASTER's agent "
        "dies without a word; its service manager must restart it. Server reboot: the MASTER's server "
        "rebooted over SSH (systemctl reboot); its agent must be back after the boot."));
    controls->addWidget(m_type);
    m_start = new QPushButton(tr("&Start drill"), run);
    m_start->setObjectName(QStringLiteral("startDrillButton"));
    controls->addWidget(m_start);
    m_abort = new QPushButton(tr("&Abort"), run);
    m_abort->setObjectName(QStringLiteral("abortDrillButton"));
    m_abort->setToolTip(tr("Brings every interface the drill took down up again at once"));
    m_abort->setEnabled(false);
    controls->addWidget(m_abort);
    controls->addStretch(1);
    layout->addLayout(controls);

    m_status = new QLabel(tr("Ready. The drill first checks that the pair is in its steady state; nothing is "
                             "changed if it is not."),
                          run);
    m_status->setObjectName(QStringLiteral("drillStatus"));
    m_status->setWordWrap(true);
    QFont big = m_status->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_status->setFont(big);
    layout->addWidget(m_status);
    m_preflight = new QLabel(run);
    m_preflight->setWordWrap(true);
    m_preflight->setTextFormat(Qt::RichText);
    layout->addWidget(m_preflight);

    auto* split = new QSplitter(Qt::Vertical, run);
    m_steps = new QTableWidget(0, 6, split);
    m_steps->setObjectName(QStringLiteral("drillSteps"));
    m_steps->setHorizontalHeaderLabels(
        {tr("Step"), tr("Expected"), tr("Bound"), tr("Seen"), tr("VIP outage"), tr("Verdict")});
    m_steps->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_steps->horizontalHeader()->setStretchLastSection(true);
    m_steps->setWordWrap(true);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (const auto& [column, width] : {std::pair{0, 170}, {1, 290}, {2, 260}, {3, 210}, {4, 90}})
        m_steps->setColumnWidth(column, width);
    m_timeline = new DrillTimelineView(split);
    m_seen = new QPlainTextEdit(split);
    m_seen->setObjectName(QStringLiteral("drillSeen"));
    m_seen->setReadOnly(true);
    m_seen->setPlaceholderText(tr("What each step sees appears here as it happens."));
    split->setSizes({330, 230, 160});
    layout->addWidget(split, 1);
    m_reports = new QLabel(run);
    m_reports->setObjectName(QStringLiteral("drillReports"));
    m_reports->setWordWrap(true);
    m_reports->setTextFormat(Qt::RichText);
    m_reports->setOpenExternalLinks(true);
    m_reports->setText(
        tr("Reports are saved in %1").arg(QDir::toNativeSeparators(m_directory).toHtmlEscaped()));
    layout->addWidget(m_reports);
    m_tabs->addTab(run, tr("&Run"));

    m_history = new DrillHistoryView(m_tabs);
    m_history->setDirectory(m_directory);
    connect(m_history, &DrillHistoryView::openRequested, this,
            [](const QString& html) { QDesktopServices::openUrl(QUrl::fromLocalFile(html)); });
    m_tabs->addTab(m_history, tr("&History"));

    connect(m_start, &QPushButton::clicked, this,
            [this] { start(static_cast<DrillKind>(m_type->currentData().toInt())); });
    connect(m_abort, &QPushButton::clicked, this, &DrillDialog::abort);
    m_repaint.setInterval(200);
    connect(&m_repaint, &QTimer::timeout, this, [this] {
        if (m_runner)
            m_timeline->setRecord(m_runner->engine()->snapshot(QDateTime::currentMSecsSinceEpoch()));
    });
    resize(1100, 820);
}

DrillDialog::~DrillDialog()
{
    if (m_runner && m_runner->engine()->isRunning())
        m_runner->abort(tr("the drill window was closed"));
}

QString DrillDialog::rebootUnavailableReason()
{
    return tr("The reboot drill logs in to the MASTER's server over SSH and reboots it. Set up SSH access to "
              "both servers first: deploy the cluster (Cluster → Deploy cluster…), or enter each node's SSH "
              "server in the cluster's settings.");
}

QString DrillDialog::statusText() const
{
    return m_status->text();
}

void DrillDialog::setStatus(const QString& text, const QString& colour)
{
    m_status->setText(text);
    m_status->setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color: %1").arg(colour));
}

bool DrillDialog::start(DrillKind kind)
{
    if (m_runner && m_runner->engine()->isRunning())
        return false;
    m_type->setCurrentIndex(m_type->findData(static_cast<int>(kind))); // as if chosen there
    delete m_runner;
    m_reportFiles.clear();
    m_seen->clear();
    m_steps->setRowCount(0);
    m_runner = new DrillRunner(m_cluster, kind, this);
    DrillRecord named = m_runner->record();
    named.startedMs = QDateTime::currentMSecsSinceEpoch();
    m_runner->setProgressPath(QDir(m_directory).filePath(named.fileBaseName() + QStringLiteral(".json")));
    connect(m_runner, &DrillRunner::changed, this, &DrillDialog::refresh);
    connect(m_runner, &DrillRunner::finished, this, &DrillDialog::finished);
    QString error;
    if (kind == DrillKind::Reboot && !setUpReboot(&error)) {
        setStatus(tr("The drill cannot start: %1").arg(error), QStringLiteral("#c62828"));
        return false;
    }
    if (!m_runner->start(&error)) {
        setStatus(tr("The drill cannot start: %1").arg(error), QStringLiteral("#c62828"));
        return false;
    }
    m_start->setEnabled(false);
    m_type->setEnabled(false);
    m_abort->setEnabled(true);
    m_repaint.start();
    setStatus(m_runner->isPreparing() ? tr("Logging in to both servers over SSH…")
                                      : tr("Preflight: checking the steady state…"));
    refresh();
    return true;
}

bool DrillDialog::setUpReboot(QString* error)
{
    if (!m_cluster.hasSshAccess()) {
        *error = rebootUnavailableReason();
        return false;
    }
    std::array<SshTarget, 2> targets;
    for (std::size_t i = 0; i < 2; ++i) {
        const auto target = SshTarget::resolveWithUserConfig(m_cluster.ssh[i], QString(), error);
        if (!target)
            return false;
        targets[i] = *target;
    }
    if (!m_prompter)
        m_prompter = new GuiDeployPrompter(this);
    m_runner->setRebooter(new SshRebooter(targets, m_cluster.ssh, *m_prompter));
    connect(m_runner, &DrillRunner::progress, this,
            [this](const QString& text) { setStatus(tr("Logging in over SSH: %1").arg(text)); });
    return true;
}

void DrillDialog::abort()
{
    if (m_runner)
        m_runner->abort(tr("aborted by the operator"));
}

void DrillDialog::showHistory()
{
    m_tabs->setCurrentWidget(m_history);
}

void DrillDialog::closeEvent(QCloseEvent* event)
{
    if (m_runner && (m_runner->engine()->isRunning() || m_runner->isPreparing()))
        m_runner->abort(tr("the drill window was closed"));
    event->accept();
}

void DrillDialog::refresh()
{
    if (!m_runner)
        return;
    const DrillRecord& r = m_runner->record();
    QStringList checks;
    for (const DrillRecord::Check& c : r.preflight)
        checks.append(QStringLiteral("<span style=\"color:%1\">%2</span> %3")
                          .arg(c.ok ? QStringLiteral("#2e7d32") : QStringLiteral("#c62828"),
                               c.ok ? QStringLiteral("✔") : QStringLiteral("✘"), c.detail.toHtmlEscaped()));
    for (const QString& w : r.warnings)
        checks.append(QStringLiteral("<span style=\"color:#ef6c00\">⚠</span> %1").arg(w.toHtmlEscaped()));
    m_preflight->setText(tr("Preflight:") + QStringLiteral("<br/>") + checks.join(QStringLiteral("<br/>")));

    m_steps->setRowCount(static_cast<int>(r.steps.size()));
    QStringList seen;
    for (int i = 0; i < r.steps.size(); ++i) {
        const DrillStep& s = r.steps[i];
        QString verdict = resultText(s.result);
        if (!s.reasons.isEmpty())
            verdict += QLatin1Char('\n') + s.reasons.join(QLatin1Char('\n'));
        const QStringList cells{
            QStringLiteral("%1. %2").arg(i + 1).arg(s.title),
            s.expected,
            s.bound.totalMs() ? tr("%1 ms\n%2").arg(s.bound.totalMs()).arg(s.bound.formula) : QString(),
            s.seen.isEmpty() ? QString() : s.seen.last(),
            s.vipOutageMs ? tr("%1 ms").arg(*s.vipOutageMs) : QString(),
            verdict};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == 5 && resultColour(s.result).isValid())
                item->setForeground(resultColour(s.result));
            m_steps->setItem(i, column, item);
        }
        if (s.result != DrillStep::Result::Pending && s.result != DrillStep::Result::Skipped) {
            seen.append(tr("Step %1: %2").arg(i + 1).arg(s.title));
            for (const QString& line : s.seen)
                seen.append(QStringLiteral("    ") + line);
        }
    }
    if (m_seen->toPlainText() != seen.join(QLatin1Char('\n'))) {
        m_seen->setPlainText(seen.join(QLatin1Char('\n')));
        m_seen->moveCursor(QTextCursor::End);
    }
    const int step = m_runner->engine()->currentStep();
    if (!r.finished() && step >= 0 && step < r.steps.size())
        setStatus(tr("Step %1 of %2: %3").arg(step + 1).arg(r.steps.size()).arg(r.steps[step].title));
    m_timeline->setRecord(m_runner->engine()->snapshot(QDateTime::currentMSecsSinceEpoch()));
}

void DrillDialog::finished()
{
    m_repaint.stop();
    refresh();
    const DrillRecord& r = m_runner->record();
    m_timeline->setRecord(r);
    QString verdict;
    QString colour = QStringLiteral("#ef6c00");
    switch (r.verdict) {
    case DrillRecord::Verdict::Passed:
        verdict = tr("PASSED: every step within its bound");
        colour = QStringLiteral("#2e7d32");
        break;
    case DrillRecord::Verdict::Failed:
        verdict = tr("FAILED: %1").arg(r.reasons.join(QStringLiteral("; ")));
        colour = QStringLiteral("#c62828");
        break;
    case DrillRecord::Verdict::Refused:
        verdict =
            tr("REFUSED by the preflight, nothing was changed: %1").arg(r.reasons.join(QStringLiteral("; ")));
        break;
    case DrillRecord::Verdict::Running:
    case DrillRecord::Verdict::Aborted:
        verdict = tr("ABORTED: %1").arg(r.reasons.join(QStringLiteral("; ")));
        break;
    }
    setStatus(verdict, colour);
    QString error;
    const std::optional<DrillReport::Files> files = DrillReport::writeAll(r, m_directory, &error);
    if (files) {
        m_reportFiles = {files->json, files->html, files->pdf};
        if (m_runner->progressPath() != files->json)
            QFile::remove(m_runner->progressPath());
        const auto link = [](const QString& path, const QString& text) {
            return QStringLiteral("<a href=\"%1\">%2</a>")
                .arg(QUrl::fromLocalFile(path).toString(), text.toHtmlEscaped());
        };
        m_reports->setText(tr("Reports: %1 · %2 · %3 · %4")
                               .arg(link(files->html, tr("HTML")), link(files->pdf, tr("PDF")),
                                    link(files->json, tr("JSON")), link(m_directory, tr("folder"))));
    } else {
        m_reports->setText(tr("The reports could not be saved: %1").arg(error.toHtmlEscaped()));
    }
    m_history->reload();
    m_start->setEnabled(true);
    m_type->setEnabled(true);
    m_abort->setEnabled(false);
    Q_EMIT drillFinished();
}

} // namespace baton
