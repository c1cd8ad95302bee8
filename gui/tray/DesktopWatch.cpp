// SPDX-License-Identifier: GPL-3.0-or-later
#include "DesktopWatch.h"

#include "TrayIcon.h"
#include "TrayNotifications.h"
#include "notify/FreedesktopNotifications.h"
#include "notify/Notifier.h"
#include "overview/OverviewWindow.h"
#include "watch/ClusterFleet.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSystemTrayIcon>

namespace baton {

namespace {
const QString NotificationsKey = QStringLiteral("notifications/enabled");
const QString KeepInTrayKey = QStringLiteral("tray/keepWatching"); // unset: not asked yet
const QString TrayNoticeKey = QStringLiteral("baton\ntray");
} // namespace

DesktopWatch::DesktopWatch(ClusterFleet* fleet, QWidget* window)
    : QObject(window)
    , m_fleet(fleet)
    , m_window(window)
    , m_notifier(new Notifier(nullptr, this))
    , m_tray(new TrayIcon(fleet, this))
    , m_trayUsable(TrayIcon::available())
    , m_overviewAction(new QAction(tr("&Overview of all clusters"), this))
    , m_notificationsAction(new QAction(tr("Desktop &notifications"), this))
    , m_keepInTrayAction(new QAction(tr("&Keep watching in the tray when closed"), this))
{
    const QSettings settings;
    m_overviewAction->setIconText(tr("Overview"));
    m_overviewAction->setToolTip(tr("Every known cluster on one line: VIP, MASTER, last failover, alarms"));
    connect(m_overviewAction, &QAction::triggered, this, &DesktopWatch::showOverview);
    m_notificationsAction->setCheckable(true);
    m_notificationsAction->setChecked(settings.value(NotificationsKey, true).toBool());
    m_notifier->setEnabled(m_notificationsAction->isChecked());
    connect(m_notificationsAction, &QAction::toggled, this, [this](bool on) {
        m_notifier->setEnabled(on);
        QSettings().setValue(NotificationsKey, on);
    });
    m_keepInTrayAction->setCheckable(true);
    m_keepInTrayAction->setChecked(settings.value(KeepInTrayKey, false).toBool());
    connect(m_keepInTrayAction, &QAction::triggered, this,
            [](bool on) { QSettings().setValue(KeepInTrayKey, on); });
    m_tray->addToggle(m_notificationsAction);
    m_tray->addToggle(m_keepInTrayAction);

    connect(m_fleet, &ClusterFleet::notice, m_notifier, &Notifier::post);
    connect(m_notifier, &Notifier::openRequested, this, &DesktopWatch::openRequested);
    connect(m_tray, &TrayIcon::showRequested, this, &DesktopWatch::showRequested);
    connect(m_tray, &TrayIcon::overviewRequested, this, &DesktopWatch::showOverview);
    connect(m_tray, &TrayIcon::quitRequested, this, &DesktopWatch::quitRequested);
    setTrayUsable(m_trayUsable);
}

DesktopWatch::~DesktopWatch()
{
    delete m_overview; // a window of its own: not a child that would go with us
}

void DesktopWatch::setSink(NotificationSink* sink)
{
    NotificationSink* old = m_sink;
    m_sink = sink;
    m_notifier->setSink(sink);
    if (old && old != sink && old->parent() == this)
        delete old;
}

void DesktopWatch::setTrayUsable(bool usable)
{
    m_trayUsable = usable;
    m_keepInTrayAction->setEnabled(usable);
    m_keepInTrayAction->setToolTip(usable ? QString() : tr("This desktop shows no tray icons"));
    if (usable)
        m_tray->trayIcon()->show();
    else
        m_tray->trayIcon()->hide();
    chooseSink();
}

void DesktopWatch::chooseSink()
{
    if (m_sink && m_sink->parent() != this)
        return; // one a test gave
    // The desktop's own service where there is one: it keeps, groups and replaces notifications.
    if (FreedesktopNotifications::available())
        setSink(new FreedesktopNotifications(this));
    else if (m_trayUsable)
        setSink(new TrayNotifications(m_tray->trayIcon(), this));
    else
        setSink(nullptr);
}

OverviewWindow* DesktopWatch::overview() const
{
    return m_overview;
}

void DesktopWatch::showOverview()
{
    if (!m_overview) {
        m_overview = new OverviewWindow(m_fleet);
        m_overview->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_overview, &OverviewWindow::openRequested, this, &DesktopWatch::openRequested);
    }
    m_overview->show();
    m_overview->raise();
    m_overview->activateWindow();
}

void DesktopWatch::closeOverview()
{
    if (m_overview)
        m_overview->close();
}

DesktopWatch::Close DesktopWatch::onClose()
{
    if (!m_trayUsable)
        return Close::Quit;
    QSettings settings;
    if (!settings.contains(KeepInTrayKey)) {
        std::optional<bool> keep;
        if (m_question) {
            keep = m_question();
        } else {
            QMessageBox box(QMessageBox::Question, tr("Keep watching?"),
                            tr("Baton can keep watching your clusters from the tray when this window "
                               "is closed, and notify you when one fails over or needs attention."),
                            QMessageBox::Cancel, m_window);
            box.setInformativeText(
                tr("You can change this later: View → Keep watching in the tray when closed."));
            QPushButton* stay = box.addButton(tr("Keep watching in the tray"), QMessageBox::AcceptRole);
            QPushButton* quit = box.addButton(tr("Quit"), QMessageBox::DestructiveRole);
            box.setDefaultButton(stay);
            box.exec();
            if (box.clickedButton() == stay)
                keep = true;
            else if (box.clickedButton() == quit)
                keep = false;
        }
        if (!keep)
            return Close::Cancel;
        settings.setValue(KeepInTrayKey, *keep);
        m_keepInTrayAction->setChecked(*keep);
    }
    if (!settings.value(KeepInTrayKey).toBool())
        return Close::Quit;
    if (!m_toldAboutTray && m_sink) {
        m_toldAboutTray = true;
        m_sink->show(TrayNoticeKey,
                     {tr("Baton keeps watching"),
                      tr("Clusters watched from the tray: %1. Click its icon to open the window.")
                          .arg(m_fleet->watches().size()),
                      false});
    }
    return Close::Hide;
}

} // namespace baton
