// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayNotifications.h"

#include <QSystemTrayIcon>

namespace baton {

namespace {
constexpr int BalloonMs = 10000;
}

TrayNotifications::TrayNotifications(QSystemTrayIcon* tray, QObject* parent)
    : NotificationSink(parent)
    , m_tray(tray)
{
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_lastKey.isEmpty())
            Q_EMIT activated(m_lastKey);
    });
}

void TrayNotifications::show(const QString& key, const DesktopNotification& notification)
{
    m_lastKey = key;
    m_tray->showMessage(notification.title, notification.body,
                        notification.critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information,
                        BalloonMs);
}

} // namespace baton
