// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cluster/ClusterStore.h"
#include "config/ClusterDefinition.h"
#include "deploy/DeployDialog.h"
#include "drill/DrillDialog.h"
#include "log/EventLogModel.h"
#include "node/AgentConnection.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <array>
#include <optional>

class QAction;
class QComboBox;
class QHostAddress;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace baton {

class EventLogStore;
class EventLogView;
class HistoryFetcher;
class IcmpProber;
class NeighbourWatcher;
class NodeCard;
class ReachabilityPanel;
class ReachabilityTracker;
class AlarmBanner;

class ClusterFleet;
class DesktopWatch;
class ClusterWatch;
class VipMacTracker;
class SplitBrainMonitor;

// The Baton window: one cluster at a time (chosen from the stored list, or a definition file),
// both nodes side by side, the split-brain alarm, the reachability of the VIP and both node
// addresses, and one event log for all of it. Without a cluster it says how to add one.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // The cluster list lives in storePath (default: ClusterStore::defaultPath()).
    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const QString& storePath, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a ClusterDefinition JSON file without adding it to the list. If it cannot be read,
    // false with the reason in *error, which the window shows too.
    bool openClusterFile(const QString& path, QString* error = nullptr);
    // Opens the stored cluster at that index.
    void openStoredCluster(qsizetype index);
    // Opens the cluster open when the window was last closed, if it is still in the list.
    bool openLastCluster();
    void closeCluster();
    const std::optional<ClusterDefinition>& cluster() const { return m_cluster; }

    // What tests and the self-test look at.
    const ClusterStore& store() const { return m_store; }
    AgentConnection* connection(int index) const;
    NodeCard* nodeCard(int index) const;
    // What the window asked the agent of that node for its history, while a cluster is open.
    HistoryFetcher* historyFetcher(int index) const;
    EventLogModel* eventLog() const { return m_log; }
    EventLogView* eventLogView() const { return m_logView; }
    // Where the open cluster's log is kept; null without a cluster.
    EventLogStore* eventLogStore() const { return m_logStore; }
    // The open cluster's split-brain monitor (its watch's); null while none is open.
    SplitBrainMonitor* splitBrain() const;
    // Every known cluster, watched while the window runs (hidden in the tray too).
    ClusterFleet* fleet() const { return m_fleet; }
    ClusterWatch* openWatch() const { return m_watch; }
    // Notifications, the tray icon and the overview of every cluster.
    DesktopWatch* desktopWatch() const { return m_desk; }
    // Opens the cluster the fleet knows by this label (from a notification or the overview) and
    // brings the window up.
    void openWatched(const QString& label);
    // Shows the window again from the tray.
    void bringUp();
    // For a session's autostart: only the tray icon, the fleet watched as when the window is
    // closed to the tray. Without a tray the window shows; false then.
    bool startInTray();
    // Quits for real, whatever closing the window would do.
    void quit();
    AlarmBanner* splitBrainBanner() const { return m_banner; }
    AlarmBanner* forgeryBanner() const { return m_forgeryBanner; }
    ReachabilityPanel* reachability() const { return m_reachPanel; }
    ReachabilityTracker* reachabilityTracker() const { return m_reach; }
    NeighbourWatcher* neighbourWatcher() const { return m_neighbours; }
    // The drill window (Cluster → Failover drills…), while it is open.
    DrillDialog* drillDialog() const { return m_drillDialog; }
    DeployDialog* deployDialog() const { return m_deployDialog; }
    QAction* deployAction() const { return m_deployAction; }
    QAction* drillAction() const { return m_drillAction; }
    // The warning shown above the cluster (certificates, the cluster list, the definition); empty if none.
    QString notice() const;

Q_SIGNALS:
    // The administrator chose Quit: the application ends even with the window already hidden.
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    static constexpr int DefaultCardsHeight = 285; // a live NodeCard's height

    struct Node
    {
        AgentConnection* connection = nullptr;
        NodeCard* card = nullptr;
        HistoryFetcher* history = nullptr;
        AgentConnection::Health health = AgentConnection::Health::Connecting;
    };

    void buildMenus();
    QWidget* buildEmptyPage();
    QWidget* buildClusterPage();
    void openCluster(const ClusterDefinition& cluster, const QString& file, qsizetype storedIndex);
    // The open cluster's name in the fleet: its name, or its name and where it came from.
    QString watchLabel() const;
    // The fleet watches the stored clusters, and the open one if it is not stored.
    void syncFleet();
    void startNodes();
    void dropNodes();
    void refreshClusterChooser();
    void chooseCluster(int comboIndex);
    void addCluster();
    void editCluster();
    void removeCluster();
    void openDrills();
    void openDeploy();
    // Saves what a dialog returned (index -1: as a new cluster) and opens it.
    void keepCluster(const std::optional<ClusterDefinition>& cluster, qsizetype index);
    QStringList storedNames(qsizetype except) const;
    void showError(const QString& text);
    void updateNotice();
    void saveSettings();
    void restoreSettings();

    void log(const QString& node, EventLogModel::Kind kind, const QString& text);
    void nodeChanged(int index);
    void agentEvent(int index, const ControlEvent& event);
    void forgeryChanged();
    void splitBrainChanged();
    void probeMethodChanged();
    void macChanged(const QHostAddress& address, const QString& mac, const QString& previous);
    void vipMacsChanged();
    void showVipMac();
    QString nodeName(int index) const;
    QString vipLabel() const;

    ClusterStore m_store;
    std::optional<ClusterDefinition> m_cluster;
    QString m_clusterFile; // the file the open cluster came from; empty: from the list
    qsizetype m_storedIndex = -1;
    std::array<Node, 2> m_nodes;
    VipMacTracker* m_vipMacs = nullptr;
    QString m_storeNotice;
    QStringList m_clusterNotices;
    QStringList m_alarmReasons;

    EventLogModel* m_log = nullptr;
    EventLogStore* m_logStore = nullptr;
    ReachabilityTracker* m_reach = nullptr;
    ClusterFleet* m_fleet = nullptr;
    ClusterWatch* m_watch = nullptr; // the open cluster's
    DesktopWatch* m_desk = nullptr;
    bool m_quitting = false;
    IcmpProber* m_prober = nullptr;
    NeighbourWatcher* m_neighbours = nullptr;

    QComboBox* m_chooser = nullptr;
    QAction* m_addAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_removeAction = nullptr;
    QAction* m_drillAction = nullptr;
    QPointer<DrillDialog> m_drillDialog;
    QAction* m_deployAction = nullptr;
    QPointer<DeployDialog> m_deployDialog;
    AlarmBanner* m_banner = nullptr;
    AlarmBanner* m_forgeryBanner = nullptr;
    QStringList m_forgeryLines; // already logged
    QLabel* m_notice = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_cardsArea = nullptr;
    QLabel* m_cardsProblem = nullptr;
    ReachabilityPanel* m_reachPanel = nullptr;
    EventLogView* m_logView = nullptr;
    QSplitter* m_splitter = nullptr;
    QLabel* m_methodStatus = nullptr;
    bool m_splitterRestored = false; // or placed once: the default sizes only apply to the first show
};

} // namespace baton
