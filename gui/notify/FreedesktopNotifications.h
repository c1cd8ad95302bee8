// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NotificationSink.h"

#include <QDBusConnection>
#include <QHash>

class QDBusPendingCallWatcher;

namespace baton {

// Notifications through the desktop's notification service (org.freedesktop.Notifications on the
// session bus, as GNOME, KDE, XFCE and dunst provide it): a key's notification replaces its last
// one (replaces_id), critical ones ask for urgency 2, and a click ("default" action) is reported.
class FreedesktopNotifications : public NotificationSink
{
    Q_OBJECT
public:
    static constexpr auto Service = "org.freedesktop.Notifications";
    static constexpr auto Path = "/org/freedesktop/Notifications";

    // On the session bus, or the one given (tests: a private bus).
    explicit FreedesktopNotifications(QObject* parent = nullptr);
    FreedesktopNotifications(const QDBusConnection& bus, QObject* parent);

    // Whether a notification service runs, or the bus can start one.
    static bool available(const QDBusConnection& bus = QDBusConnection::sessionBus());

    void show(const QString& key, const DesktopNotification& notification) override;

private Q_SLOTS:
    // QtDBus delivers bus signals to named slots only.
    void onActionInvoked(uint id, const QString& action);
    void onNotificationClosed(uint id, uint reason);

private:
    void send(const QString& key, const DesktopNotification& notification);
    void sent(const QString& key, QDBusPendingCallWatcher* call);

    QDBusConnection m_bus;
    QHash<QString, uint> m_ids;
    QHash<QString, DesktopNotification> m_waiting; // shown again while the last call is unanswered
    QHash<QString, bool> m_inFlight;
};

} // namespace baton
