// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "watch/ClusterWatch.h"

#include <QIcon>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace baton {

class ClusterFleet;

// The tray icon: Baton's icon with a dot in the colour of the worst state across every watched
// cluster, a tooltip naming the clusters that need attention, and a menu to show the window, open
// the overview or quit. With the window closed to the tray, this is what keeps watching visible.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    TrayIcon(ClusterFleet* fleet, QObject* parent = nullptr);
    ~TrayIcon() override;

    // Whether the desktop has a tray to show it in.
    static bool available();
    static QColor colour(ClusterWatch::Health health);
    static QIcon icon(ClusterWatch::Health health);

    QSystemTrayIcon* trayIcon() const { return m_tray; }
    QMenu* menu() const { return m_menu; }
    ClusterWatch::Health health() const { return m_health; }
    QString toolTip() const;
    // Added to the menu above Quit (the window's own "keep watching" and "notifications" switches).
    void addToggle(QAction* action);

Q_SIGNALS:
    void showRequested();
    void overviewRequested();
    void quitRequested();

private:
    void update();
    ClusterWatch::Health fleetHealth() const;

    ClusterFleet* m_fleet;
    QSystemTrayIcon* m_tray;
    QMenu* m_menu;
    QAction* m_quitSeparator = nullptr;
    ClusterWatch::Health m_health = ClusterWatch::Health::Unknown;
};

} // namespace baton
