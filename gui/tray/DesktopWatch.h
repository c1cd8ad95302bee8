// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace baton {

class ClusterFleet;
class NotificationSink;
class Notifier;
class OverviewWindow;
class TrayIcon;

// What keeps the administrator told when the window is not looked at: desktop notifications of the
// fleet's notices, the tray icon, and the overview of every cluster. Also where closing the window
// is decided: quit, or keep watching in the tray (asked once, remembered, changeable in the menu).
class DesktopWatch : public QObject
{
    Q_OBJECT
public:
    enum class Close
    {
        Quit,
        Hide,   // to the tray: the fleet keeps being watched
        Cancel, // the administrator changed their mind
    };
    // The question asked on the first close: true keeps watching in the tray, false quits, nullopt
    // cancels. Tests answer it themselves.
    using Question = std::function<std::optional<bool>()>;

    DesktopWatch(ClusterFleet* fleet, QWidget* window);
    ~DesktopWatch() override;

    // Tests: a sink of their own, and a tray where the platform has none (offscreen).
    void setSink(NotificationSink* sink);
    void setTrayUsable(bool usable);
    void setQuestion(Question question) { m_question = std::move(question); }

    Notifier* notifier() const { return m_notifier; }
    TrayIcon* tray() const { return m_tray; }
    bool trayUsable() const { return m_trayUsable; }
    QAction* overviewAction() const { return m_overviewAction; }
    QAction* notificationsAction() const { return m_notificationsAction; }
    QAction* keepInTrayAction() const { return m_keepInTrayAction; }
    OverviewWindow* overview() const; // null while it is closed
    void showOverview();
    void closeOverview();

    // Called from the window's closeEvent.
    Close onClose();

Q_SIGNALS:
    void openRequested(const QString& clusterLabel);
    void showRequested();
    void quitRequested();

private:
    void chooseSink();

    ClusterFleet* m_fleet;
    QWidget* m_window;
    Notifier* m_notifier;
    TrayIcon* m_tray;
    NotificationSink* m_sink = nullptr;
    bool m_trayUsable = false;
    bool m_toldAboutTray = false;
    Question m_question;
    QPointer<OverviewWindow> m_overview;
    QAction* m_overviewAction;
    QAction* m_notificationsAction;
    QAction* m_keepInTrayAction;
};

} // namespace baton
