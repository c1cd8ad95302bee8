// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "alarm/AlarmBanner.h"
#include "alarm/ForgeryMonitor.h"
#include "alarm/SplitBrainMonitor.h"
#include "alarm/VipMacTracker.h"
#include "cluster/ClusterDialog.h"
#include "control/ControlProtocol.h"
#include "drill/DrillDialog.h"
#include "drill/DrillStore.h"
#include "log/AgentEventEntry.h"
#include "log/EventLogStore.h"
#include "log/EventLogView.h"
#include "log/HistoryFetcher.h"
#include "net/Ipv4.h"
#include "node/FastPathText.h"
#include "node/NodeCard.h"
#include "notify/Notifier.h"
#include "pki/TlsIdentity.h"
#include "probe/IcmpProber.h"
#include "probe/NeighbourWatcher.h"
#include "reach/ReachabilityPanel.h"
#include "reach/ReachabilityTracker.h"
#include "tray/DesktopWatch.h"
#include "watch/ClusterFleet.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace baton {

namespace {
namespace settingsKey {
const QString Geometry = QStringLiteral("window/geometry");
const QString State = QStringLiteral("window/state");
const QString Splitter = QStringLiteral("window/splitter");
const QString LastCluster = QStringLiteral("clusters/last");
} // namespace settingsKey

QString clock(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss.zzz"));
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : MainWindow(ClusterStore::defaultPath(), parent)
{
}

MainWindow::MainWindow(const QString& storePath, QWidget* parent)
    : QMainWindow(parent)
    , m_store(storePath)
{
    setWindowTitle(tr("Baton"));
    m_log = new EventLogModel(this);
    m_reach = new ReachabilityTracker(this);
    m_fleet = new ClusterFleet(this);
    m_desk = new DesktopWatch(m_fleet, this);
    // What the administrator is looking at needs no notification, unless it is critical.
    m_desk->notifier()->setQuiet([this](const WatchNotice& notice) {
        return !notice.critical && isVisible() && isActiveWindow() && notice.cluster == watchLabel();
    });
    connect(m_desk, &DesktopWatch::openRequested, this, &MainWindow::openWatched);
    connect(m_desk, &DesktopWatch::showRequested, this, &MainWindow::bringUp);
    connect(m_desk, &DesktopWatch::quitRequested, this, &MainWindow::quit);
    m_vipMacs = new VipMacTracker(this);
    connect(m_vipMacs, &VipMacTracker::moved, this, [this](const QString& from, const QString& to) {
        log(vipLabel(), EventLogModel::Kind::Reachability,
            from.isEmpty()
                ? tr("The VIP is answered by %1").arg(m_vipMacs->describe(to))
                : tr("The VIP moved from %1 to %2").arg(m_vipMacs->describe(from), m_vipMacs->describe(to)));
    });
    m_prober = new IcmpProber(this);
    m_neighbours = new NeighbourWatcher(this);

    buildMenus();
    m_banner = new AlarmBanner(QStringLiteral("splitBrainBanner"), tr("SPLIT BRAIN"),
                               QStringLiteral("#c62828"), false);
    m_forgeryBanner = new AlarmBanner(QStringLiteral("forgeryBanner"), tr("SUSPECTED FORGED ADVERTS"),
                                      QStringLiteral("#8e24aa"), true);
    connect(m_forgeryBanner, &AlarmBanner::dismissed, this, [this] {
        if (m_watch)
            m_watch->forgery()->acknowledge();
    });
    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setStyleSheet(
        QStringLiteral("#notice { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36c; "
                       "border-radius: 4px; padding: 6px; }"));
    m_notice->hide();
    m_pages = new QStackedWidget;
    m_pages->addWidget(buildEmptyPage());
    m_pages->addWidget(buildClusterPage());
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_forgeryBanner);
    layout->addWidget(m_notice);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_methodStatus = new QLabel;
    statusBar()->addPermanentWidget(m_methodStatus);
    statusBar()->addPermanentWidget(new QLabel(tr("Baton %1").arg(QStringLiteral(BATON_VERSION))));

    connect(m_prober, &IcmpProber::sampleReady, m_reach, &ReachabilityTracker::addSample);
    connect(m_prober, &IcmpProber::methodChanged, this, &MainWindow::probeMethodChanged);
    connect(m_reach, &ReachabilityTracker::wentDown, this, [this](int index, qint64 firstLostMs) {
        const auto& target = m_reach->targets().at(index);
        log(target.name, EventLogModel::Kind::Reachability,
            tr("%1 stopped answering (first echo lost at %2)")
                .arg(target.address.toString(), clock(firstLostMs)));
    });
    connect(m_reach, &ReachabilityTracker::cameBack, this, [this](int index, qint64 outageMs) {
        const auto& target = m_reach->targets().at(index);
        log(target.name, EventLogModel::Kind::Reachability,
            tr("%1 answers again, after %2 s without answer")
                .arg(target.address.toString())
                .arg(static_cast<double>(outageMs) / 1000.0, 0, 'f', 1));
    });
    connect(m_neighbours, &NeighbourWatcher::macChanged, this, &MainWindow::macChanged);
    connect(m_neighbours, &NeighbourWatcher::flappingChanged, this, &MainWindow::vipMacsChanged);
    probeMethodChanged();

    QString error;
    if (!m_store.load(&error))
        m_storeNotice = tr("Your cluster list cannot be read, so Baton will not change it: %1").arg(error);
    syncFleet();
    refreshClusterChooser();
    updateNotice();
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // Nothing may call back into a window being destroyed: QWidget deletes children before QObject
    // drops their connections to us.
    dropNodes();
    delete m_logStore; // while the log it writes out is still there
    for (QObject* source : std::initializer_list<QObject*>{m_prober, m_neighbours, m_reach, m_fleet})
        source->disconnect(this);
}

void MainWindow::buildMenus()
{
    m_addAction = new QAction(tr("&Add cluster…"), this);
    connect(m_addAction, &QAction::triggered, this, &MainWindow::addCluster);
    m_editAction = new QAction(tr("&Edit cluster…"), this);
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editCluster);
    m_removeAction = new QAction(tr("&Remove cluster"), this);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeCluster);
    m_drillAction = new QAction(tr("Failover &drills…"), this);
    m_drillAction->setToolTip(tr("Run a guided failover drill with a report, or see past drills"));
    connect(m_drillAction, &QAction::triggered, this, &MainWindow::openDrills);
    m_deployAction = new QAction(tr("De&ploy cluster…"), this);
    m_deployAction->setToolTip(tr("Install and configure the agents on both servers over SSH"));
    connect(m_deployAction, &QAction::triggered, this, &MainWindow::openDeploy);
    auto* quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::quit);

    QMenu* menu = menuBar()->addMenu(tr("&Cluster"));
    menu->addAction(m_addAction);
    menu->addAction(m_editAction);
    menu->addAction(m_removeAction);
    menu->addSeparator();
    menu->addAction(m_drillAction);
    menu->addAction(m_deployAction);
    menu->addSeparator();
    menu->addAction(quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_desk->overviewAction());
    view->addSeparator();
    view->addAction(m_desk->notificationsAction());
    view->addAction(m_desk->keepInTrayAction());

    m_chooser = new QComboBox;
    m_chooser->setMinimumContentsLength(24);
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chooser->setPlaceholderText(tr("No cluster"));
    connect(m_chooser, &QComboBox::activated, this, &MainWindow::chooseCluster);
    QToolBar* bar = addToolBar(tr("Cluster"));
    bar->setObjectName(QStringLiteral("clusterToolBar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr("Cluster: ")));
    bar->addWidget(m_chooser);
    bar->addSeparator();
    bar->addAction(m_addAction);
    bar->addAction(m_editAction);
    bar->addSeparator();
    bar->addAction(m_desk->overviewAction());
}

QWidget* MainWindow::buildEmptyPage()
{
    auto* page = new QWidget;
    auto* text =
        new QLabel(tr("<h2>No cluster is open</h2>"
                      "<p>Add a cluster to watch it: its name, VIP and vhid, both nodes with the "
                      "addresses of their agents, and the PKI folder with this console's certificate "
                      "(made with <tt>batonctl pki init</tt> and <tt>batonctl pki issue-console</tt>).</p>"
                      "<p>Use <b>Cluster → Add cluster…</b>, or start Baton with "
                      "<tt>--cluster FILE</tt> to open a cluster definition file directly.</p>"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    auto* add = new QPushButton(tr("Add cluster…"));
    connect(add, &QPushButton::clicked, this, &MainWindow::addCluster);
    // A column of readable width in the middle; no alignment flags on the label, so that its
    // height follows its wrapped width.
    auto* column = new QWidget;
    column->setMaximumWidth(620);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(text);
    columnLayout->addWidget(add, 0, Qt::AlignLeft);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 3);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    return page;
}

QWidget* MainWindow::buildClusterPage()
{
    m_cardsArea = new QWidget;
    auto* cards = new QHBoxLayout(m_cardsArea);
    cards->setContentsMargins(0, 0, 0, 0);
    m_cardsProblem = new QLabel;
    m_cardsProblem->setWordWrap(true);
    m_cardsProblem->setAlignment(Qt::AlignCenter);
    m_cardsProblem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_cardsProblem->hide();
    cards->addWidget(m_cardsProblem, 1);

    m_reachPanel = new ReachabilityPanel(m_reach);
    m_logView = new EventLogView(m_log);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_cardsArea);
    m_splitter->addWidget(m_reachPanel);
    m_splitter->addWidget(m_logView);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setStretchFactor(2, 1);
    return m_splitter;
}

bool MainWindow::openClusterFile(const QString& path, QString* error)
{
    const auto refuse = [this, error](const QString& problem) {
        closeCluster();
        m_clusterNotices = {problem};
        updateNotice();
        if (error)
            *error = problem;
        return false;
    };
    QString problem;
    const auto cluster = ClusterDefinition::readFile(path, &problem);
    if (!cluster)
        return refuse(tr("The cluster file cannot be used: %1").arg(problem));
    openCluster(*cluster, QFileInfo(path).absoluteFilePath(), -1);
    refreshClusterChooser();
    return true;
}

void MainWindow::openStoredCluster(qsizetype index)
{
    if (index < 0 || index >= m_store.size())
        return;
    openCluster(m_store.clusters().at(index), QString(), index);
    refreshClusterChooser();
}

bool MainWindow::openLastCluster()
{
    const qsizetype index = m_store.indexOf(QSettings().value(settingsKey::LastCluster).toString());
    if (index < 0)
        return false;
    openStoredCluster(index);
    return true;
}

void MainWindow::openCluster(const ClusterDefinition& cluster, const QString& file, qsizetype storedIndex)
{
    closeCluster();
    m_cluster = cluster;
    m_clusterFile = file;
    m_storedIndex = storedIndex;
    syncFleet(); // a cluster from a file, or one not saved, is watched while it is open
    m_watch = m_fleet->watch(watchLabel());
    connect(m_watch, &ClusterWatch::destroyed, this, [this] { m_watch = nullptr; });
    connect(m_watch->splitBrain(), &SplitBrainMonitor::changed, this, &MainWindow::splitBrainChanged);
    connect(m_watch->forgery(), &ForgeryMonitor::changed, this, &MainWindow::forgeryChanged);
    // The cluster's own log, as it was left (its agents' histories continue from there).
    m_log->clear();
    m_logStore = new EventLogStore(
        EventLogStore::pathFor(QFileInfo(m_store.path()).absolutePath() + QStringLiteral("/events"),
                               cluster.name),
        m_log, this);
    if (!m_logStore->notice().isEmpty())
        m_clusterNotices.append(m_logStore->notice());
    setWindowTitle(tr("%1 — Baton").arg(cluster.name));
    m_pages->setCurrentIndex(1);
    log(QString(), EventLogModel::Kind::Connection,
        tr("Opened cluster %1: VIP %2, vhid %3").arg(cluster.name, cluster.vip.toString()).arg(cluster.vhid));

    const ConfigErrors problems = cluster.validate();
    for (const ConfigError& problem : problems)
        m_clusterNotices.append(tr("This cluster definition breaks a rule: %1").arg(problem.toString()));

    // Reachability first: it needs nothing but the addresses.
    const QString vip = vipLabel();
    const QList<ReachabilityTracker::Target> targets{
        {vip, QHostAddress(cluster.vip.address)},
        {nodeName(0), QHostAddress(cluster.nodes[0].address)},
        {nodeName(1), QHostAddress(cluster.nodes[1].address)},
    };
    QList<QHostAddress> addresses;
    for (const auto& target : targets)
        addresses.append(target.address);
    m_reach->setTargets(targets);
    m_reachPanel->rebuild();
    m_prober->setTargets(addresses);
    // The nodes' own addresses first: each poll then learns their MACs before it reports the VIP's,
    // so the VIP's MAC is named after its node from the first time it is seen.
    m_neighbours->setAddresses({addresses.at(1), addresses.at(2), addresses.at(0)});
    m_logView->setNodes({vip, nodeName(0), nodeName(1)});

    startNodes();
    splitBrainChanged();
    forgeryChanged();
    updateNotice();
}

void MainWindow::startNodes()
{
    // The watch dialled the agents when the cluster joined the list; the cards show its connections.
    if (!m_watch->identityError().isEmpty()) {
        // No cards then: a card would claim to be connecting to an agent that is never contacted.
        const QString text =
            tr("The agents are not contacted: this console's certificate cannot be loaded (%1). Set the "
               "cluster's PKI folder (Cluster → Edit cluster…) to the folder made by batonctl pki init, "
               "with a console certificate issued by batonctl pki issue-console.")
                .arg(m_watch->identityError());
        m_clusterNotices.append(text);
        m_cardsProblem->setText(tr("No node view without this console's certificate: see above."));
        m_cardsProblem->show();
        log(QString(), EventLogModel::Kind::Connection, text);
        return;
    }
    m_cardsProblem->hide();
    auto* cards = static_cast<QHBoxLayout*>(m_cardsArea->layout());
    for (int i = 0; i < 2; ++i) {
        const ClusterDefinition::Node& definition = m_cluster->nodes[static_cast<std::size_t>(i)];
        Node& node = m_nodes[static_cast<std::size_t>(i)];
        node.connection = m_watch->connection(i);
        // The window's, not the connection's: the watch keeps the connection when another cluster opens.
        node.history = new HistoryFetcher(node.connection, definition.name, m_log, this);
        node.card = new NodeCard(definition.name, node.connection, m_cardsArea);
        node.card->setFastPathWithoutLink(FastPathText::withoutLink(PeerPath::of(*m_cluster), *m_cluster));
        node.health = AgentConnection::Health::Connecting;
        cards->addWidget(node.card, 1);
        connect(node.connection, &AgentConnection::changed, this, [this, i] { nodeChanged(i); });
        connect(node.connection, &AgentConnection::eventReceived, this,
                [this, i](const ControlEvent& event) { agentEvent(i, event); });
        connect(node.card, &NodeCard::commandLogged, this,
                [this, i](const QString& text) { log(nodeName(i), EventLogModel::Kind::Command, text); });
        log(nodeName(i), EventLogModel::Kind::Connection,
            tr("Agent at %1:%2").arg(definition.agentHost()).arg(definition.agentPort));
        nodeChanged(i); // how the agent is doing now, in the log
    }
    for (std::size_t i = 0; i < 2; ++i)
        m_nodes[i].card->setPartner(m_nodes[1 - i].connection, m_cluster->nodes[1 - i].name);
}

void MainWindow::closeCluster()
{
    dropNodes();
    m_prober->setTargets({});
    m_neighbours->setAddresses({});
    m_reach->setTargets({});
    m_reachPanel->rebuild();
    m_vipMacs->reset();
    if (m_watch) {
        // The watch goes on without the window's view of the VIP's MAC.
        m_watch->splitBrain()->setVipMacs(false, {});
        m_watch->splitBrain()->disconnect(this);
        m_watch->forgery()->disconnect(this);
        m_watch->disconnect(this);
        m_watch = nullptr;
    }
    m_banner->setLines({});
    m_forgeryBanner->setLines({});
    m_alarmReasons.clear();
    m_forgeryLines.clear();
    m_cardsProblem->hide();
    if (m_cluster)
        log(QString(), EventLogModel::Kind::Connection, tr("Closed cluster %1").arg(m_cluster->name));
    const bool watchedForTheWindow = m_cluster && m_storedIndex < 0;
    delete m_logStore; // written out
    m_logStore = nullptr;
    m_cluster.reset();
    m_clusterFile.clear();
    m_storedIndex = -1;
    if (watchedForTheWindow)
        syncFleet();
    m_clusterNotices.clear();
    updateNotice();
    m_pages->setCurrentIndex(0);
    setWindowTitle(tr("Baton"));
    refreshClusterChooser();
}

void MainWindow::dropNodes()
{
    // The connections are the watch's and go on; the window stops listening to them.
    for (Node& node : m_nodes) {
        delete node.card;
        delete node.history;
        if (node.connection)
            node.connection->disconnect(this);
        node = Node{};
    }
}

SplitBrainMonitor* MainWindow::splitBrain() const
{
    return m_watch ? m_watch->splitBrain() : nullptr;
}

AgentConnection* MainWindow::connection(int index) const
{
    return index == 0 || index == 1 ? m_nodes[static_cast<std::size_t>(index)].connection : nullptr;
}

NodeCard* MainWindow::nodeCard(int index) const
{
    return index == 0 || index == 1 ? m_nodes[static_cast<std::size_t>(index)].card : nullptr;
}

HistoryFetcher* MainWindow::historyFetcher(int index) const
{
    return index == 0 || index == 1 ? m_nodes[static_cast<std::size_t>(index)].history : nullptr;
}

QString MainWindow::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void MainWindow::updateNotice()
{
    QStringList lines = m_clusterNotices;
    if (!m_storeNotice.isEmpty())
        lines.prepend(m_storeNotice);
    m_notice->setText(lines.join(u'\n'));
    m_notice->setVisible(!lines.isEmpty());
}

void MainWindow::refreshClusterChooser()
{
    const QSignalBlocker block(m_chooser);
    m_chooser->clear();
    if (m_cluster && m_storedIndex < 0) {
        m_chooser->addItem(watchLabel(), qsizetype{-1});
        m_chooser->setItemData(0, m_clusterFile, Qt::ToolTipRole);
    }
    for (qsizetype i = 0; i < m_store.size(); ++i)
        m_chooser->addItem(m_store.clusters().at(i).name, i);
    if (m_cluster && m_storedIndex < 0)
        m_chooser->setCurrentIndex(0);
    else
        m_chooser->setCurrentIndex(m_chooser->findData(m_storedIndex));
    m_chooser->setEnabled(m_chooser->count() > 0);
    m_editAction->setEnabled(m_cluster.has_value());
    m_drillAction->setEnabled(m_cluster.has_value());
    m_deployAction->setEnabled(m_cluster.has_value());
    m_removeAction->setEnabled(m_storedIndex >= 0);
}

void MainWindow::chooseCluster(int comboIndex)
{
    const qsizetype index = m_chooser->itemData(comboIndex).value<qsizetype>();
    if (index >= 0 && index != m_storedIndex)
        openStoredCluster(index);
}

void MainWindow::showError(const QString& text)
{
    // open(), not exec(): no nested event loop, the window keeps updating behind the message.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Baton"), text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QStringList MainWindow::storedNames(qsizetype except) const
{
    QStringList names;
    for (qsizetype i = 0; i < m_store.size(); ++i) {
        if (i != except)
            names.append(m_store.clusters().at(i).name);
    }
    return names;
}

void MainWindow::addCluster()
{
    auto* dialog = new ClusterDialog(this);
    dialog->setWindowTitle(tr("Add cluster"));
    dialog->setTakenNames(storedNames(-1));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { keepCluster(dialog->definition(), -1); });
    dialog->open();
}

void MainWindow::editCluster()
{
    if (!m_cluster)
        return;
    auto* dialog = new ClusterDialog(this);
    dialog->setWindowTitle(m_storedIndex >= 0 ? tr("Edit cluster")
                                              : tr("Edit cluster and add it to the list"));
    dialog->setDefinition(*m_cluster);
    dialog->setTakenNames(storedNames(m_storedIndex));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qsizetype index = m_storedIndex;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, index] { keepCluster(dialog->definition(), index); });
    dialog->open();
}

void MainWindow::keepCluster(const std::optional<ClusterDefinition>& cluster, qsizetype index)
{
    if (!cluster)
        return;
    QString error;
    const bool saved = index >= 0 ? m_store.replace(index, *cluster, &error) : m_store.add(*cluster, &error);
    if (saved)
        syncFleet();
    if (!saved) {
        // Still open what was typed: it is not lost while the window is open.
        openCluster(*cluster, QString(), -1);
        refreshClusterChooser();
        showError(tr("The cluster is open but was not saved. %1").arg(error));
        return;
    }
    openStoredCluster(index >= 0 ? index : m_store.size() - 1);
    statusBar()->showMessage(tr("Saved %1 in %2").arg(cluster->name, m_store.path()), 5000);
}

void MainWindow::openDrills()
{
    if (!m_cluster)
        return;
    if (m_drillDialog) {
        m_drillDialog->raise();
        m_drillDialog->activateWindow();
        return;
    }
    // Non-modal: the window goes on showing the pair while the drill runs. Closing it aborts a drill.
    m_drillDialog = new DrillDialog(*m_cluster, DrillStore::directoryFor(m_cluster->name), this);
    m_drillDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_drillDialog->show();
}

void MainWindow::openDeploy()
{
    if (!m_cluster)
        return;
    if (m_deployDialog) {
        m_deployDialog->raise();
        m_deployDialog->activateWindow();
        return;
    }
    m_deployDialog = new DeployDialog(*m_cluster, this);
    m_deployDialog->setAttribute(Qt::WA_DeleteOnClose);
    // The agents answer now: connect at once instead of at the next redial.
    connect(m_deployDialog, &DeployDialog::deployed, this, [this] {
        if (!m_cluster)
            return;
        dropNodes();
        startNodes();
        log(QString(), EventLogModel::Kind::Connection,
            tr("Deployed %1: connecting to both agents").arg(m_cluster->name));
    });
    // A takeover filled the cluster in from the ucarp-* stanzas, or a deployment set up the SSH access
    // to its servers: the window keeps that cluster.
    connect(m_deployDialog, &DeployDialog::clusterChanged, this, [this](const ClusterDefinition& cluster) {
        if (!m_cluster || m_cluster->name != cluster.name)
            return;
        m_cluster = cluster;
        QString error;
        if (m_storedIndex >= 0 && !m_store.replace(m_storedIndex, cluster, &error))
            showError(tr("The cluster's new settings were not saved. %1").arg(error));
    });
    m_deployDialog->show();
}

void MainWindow::removeCluster()
{
    if (m_storedIndex < 0)
        return;
    const qsizetype index = m_storedIndex;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove cluster"),
                                tr("Remove %1 from your cluster list? Its nodes and agents are not changed.")
                                    .arg(m_store.clusters().at(index).name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, index](int result) {
        if (result != QMessageBox::Yes || index != m_storedIndex)
            return;
        closeCluster();
        QString error;
        if (!m_store.remove(index, &error))
            showError(error);
        syncFleet();
        refreshClusterChooser();
    });
    box->open();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    const DesktopWatch::Close choice = m_quitting ? DesktopWatch::Close::Quit : m_desk->onClose();
    if (choice == DesktopWatch::Close::Cancel) {
        event->ignore();
        return;
    }
    saveSettings();
    if (choice == DesktopWatch::Close::Hide) {
        // Hidden, not closed: the fleet, the tray and the notifications go on.
        QApplication::setQuitOnLastWindowClosed(false);
        event->ignore();
        hide();
        return;
    }
    m_desk->closeOverview();
    QMainWindow::closeEvent(event);
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
    Q_EMIT quitRequested();
}

void MainWindow::bringUp()
{
    QApplication::setQuitOnLastWindowClosed(true);
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

bool MainWindow::startInTray()
{
    if (!m_desk->trayUsable()) {
        log({}, EventLogModel::Kind::Connection,
            tr("Started with --start-in-tray, but this desktop shows no tray icons: here is the window"));
        show();
        return false;
    }
    // The tray icon is up already; Show in its menu brings the window (bringUp()).
    QApplication::setQuitOnLastWindowClosed(false);
    return true;
}

void MainWindow::openWatched(const QString& label)
{
    if (label != watchLabel()) {
        const qsizetype index = m_store.indexOf(label);
        if (index >= 0)
            openStoredCluster(index);
    }
    bringUp();
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(settingsKey::Geometry, saveGeometry());
    settings.setValue(settingsKey::State, saveState());
    settings.setValue(settingsKey::Splitter, m_splitter->saveState());
    if (m_storedIndex >= 0)
        settings.setValue(settingsKey::LastCluster, m_store.clusters().at(m_storedIndex).name);
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(settingsKey::Geometry).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(settingsKey::State).toByteArray());
    m_splitterRestored = m_splitter->restoreState(settings.value(settingsKey::Splitter).toByteArray());
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_splitterRestored)
        return;
    // Once the real height is known: room for a live node card and the three rows, the rest to the log.
    m_splitterRestored = true;
    const int reach = m_reachPanel->sizeHint().height();
    m_splitter->setSizes(
        {DefaultCardsHeight, reach, std::max(100, m_splitter->height() - DefaultCardsHeight - reach)});
}

void MainWindow::log(const QString& node, EventLogModel::Kind kind, const QString& text)
{
    m_log->append(QDateTime::currentMSecsSinceEpoch(), node, kind, text);
}

void MainWindow::nodeChanged(int index)
{
    Node& node = m_nodes[static_cast<std::size_t>(index)];
    if (!node.connection)
        return;
    const AgentConnection::Health health = node.connection->health();
    if (health != node.health) {
        node.health = health;
        switch (health) {
        case AgentConnection::Health::Live:
            log(nodeName(index), EventLogModel::Kind::Connection,
                tr("Agent %1 is live (%2 access)")
                    .arg(node.connection->agentName(),
                         node.connection->mayChange() ? tr("operator") : tr("read-only")));
            break;
        case AgentConnection::Health::Stale:
            log(nodeName(index), EventLogModel::Kind::Connection,
                tr("Agent silent for %1 s: its last status may be out of date")
                    .arg(AgentConnection::StaleAfterMs / 1000));
            break;
        case AgentConnection::Health::Unreachable:
            log(nodeName(index), EventLogModel::Kind::Connection,
                tr("Agent unreachable: %1").arg(node.connection->lastError()));
            break;
        case AgentConnection::Health::Connecting:
            break;
        }
    }
}

void MainWindow::agentEvent(int index, const ControlEvent& event)
{
    m_log->append(AgentEventEntry::make(nodeName(index), event, QDateTime::currentMSecsSinceEpoch(), false));
}

void MainWindow::forgeryChanged()
{
    const QStringList lines = m_watch ? m_watch->forgery()->lines() : QStringList();
    for (const QString& line : lines)
        if (!m_forgeryLines.contains(line))
            log(QString(), EventLogModel::Kind::Alarm, tr("Suspected forgery: %1").arg(line));
    m_forgeryLines = lines;
    m_forgeryBanner->setLines(lines.isEmpty()
                                  ? QStringList()
                                  : lines + QStringList{tr("Someone on this network may be replaying "
                                                           "or editing the pair's adverts; the agents "
                                                           "ignore them. See the event log and "
                                                           "docs/batond.md, \"Forged adverts\".")});
}

void MainWindow::splitBrainChanged()
{
    const QStringList reasons = m_watch ? m_watch->splitBrain()->reasons() : QStringList();
    m_banner->setLines(reasons);
    for (const QString& reason : reasons) {
        if (!m_alarmReasons.contains(reason))
            log(QString(), EventLogModel::Kind::Alarm, tr("Split brain: %1").arg(reason));
    }
    if (reasons.isEmpty() && !m_alarmReasons.isEmpty())
        log(QString(), EventLogModel::Kind::Alarm,
            tr("Split brain over: no more than one node claims the VIP."));
    m_alarmReasons = reasons;
    showVipMac();
}

void MainWindow::probeMethodChanged()
{
    m_reachPanel->setProbeMethod(m_prober->method(), m_prober->intervalMs(), m_prober->methodExplanation());
    m_methodStatus->setText(tr("Probing with: %1").arg(m_prober->methodName()));
}

void MainWindow::macChanged(const QHostAddress& address, const QString& mac, const QString&)
{
    if (!m_cluster)
        return;
    const int index = m_reach->indexOf(address);
    if (index == 0) {
        m_vipMacs->vipMacSeen(mac);
    } else if (index > 0) {
        m_vipMacs->nodeMacSeen(nodeName(index - 1), mac);
        m_reachPanel->setMacText(index, mac);
    }
    vipMacsChanged();
}

void MainWindow::vipMacsChanged()
{
    if (!m_cluster || !m_watch)
        return;
    const QHostAddress vip(m_cluster->vip.address);
    const QStringList macs = m_neighbours->recentMacs(vip);
    m_watch->splitBrain()->setVipMacs(m_neighbours->isFlapping(vip), m_vipMacs->describe(macs),
                                      m_vipMacs->allFromNodes(macs));
    showVipMac();
}

void MainWindow::showVipMac()
{
    // Every MAC of a flap is listed, red only when the monitor calls it an alarm: a fail-back the
    // agents explain is shown, not alarmed.
    if (!m_cluster || !m_watch)
        return;
    const QHostAddress vip(m_cluster->vip.address);
    const SplitBrainMonitor* monitor = m_watch->splitBrain();
    m_reachPanel->setMacText(0,
                             m_neighbours->isFlapping(vip) ? monitor->vipMacs().join(QStringLiteral(" / "))
                                                           : m_vipMacs->describe(m_neighbours->mac(vip)),
                             monitor->isVipFlapAlarmed());
}

QString MainWindow::watchLabel() const
{
    if (!m_cluster || m_storedIndex >= 0)
        return m_cluster ? m_cluster->name : QString();
    // Never the same as a stored cluster's name: the file's copy may differ from the list's.
    return m_clusterFile.isEmpty()
               ? tr("%1 (not saved)").arg(m_cluster->name)
               : tr("%1 (from %2)").arg(m_cluster->name, QFileInfo(m_clusterFile).fileName());
}

void MainWindow::syncFleet()
{
    QList<ClusterFleet::Member> members;
    for (const ClusterDefinition& cluster : m_store.clusters())
        members.append({cluster.name, cluster});
    if (m_cluster && m_storedIndex < 0)
        members.append({watchLabel(), *m_cluster});
    m_fleet->setMembers(members);
}

QString MainWindow::nodeName(int index) const
{
    return m_cluster ? m_cluster->nodes[static_cast<std::size_t>(index)].name : QString();
}

QString MainWindow::vipLabel() const
{
    return tr("VIP");
}

} // namespace baton
