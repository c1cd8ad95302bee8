// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/NotificationSink.h"

class QSystemTrayIcon;

namespace baton {

// Notifications as the tray icon's balloon, where no desktop notification service runs: one at a
// time, so the newest replaces what is shown; a click opens the cluster of the last one.
class TrayNotifications : public NotificationSink
{
    Q_OBJECT
public:
    TrayNotifications(QSystemTrayIcon* tray, QObject* parent = nullptr);

    void show(const QString& key, const DesktopNotification& notification) override;

private:
    QSystemTrayIcon* m_tray;
    QString m_lastKey;
};

} // namespace baton
