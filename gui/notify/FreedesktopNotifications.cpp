// SPDX-License-Identifier: GPL-3.0-or-later
#include "FreedesktopNotifications.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QVariantMap>

namespace baton {

namespace {
Q_LOGGING_CATEGORY(lcNotify, "baton.notify")

const QString interfaceName()
{
    return QString::fromLatin1(FreedesktopNotifications::Service);
}

// The spec's reasons for NotificationClosed.
constexpr uint ClosedByUser = 2;
// Urgency hint values.
constexpr uchar UrgencyNormal = 1;
constexpr uchar UrgencyCritical = 2;
} // namespace

FreedesktopNotifications::FreedesktopNotifications(QObject* parent)
    : FreedesktopNotifications(QDBusConnection::sessionBus(), parent)
{
}

FreedesktopNotifications::FreedesktopNotifications(const QDBusConnection& bus, QObject* parent)
    : NotificationSink(parent)
    , m_bus(bus)
{
    const QString service = interfaceName();
    const QString path = QString::fromLatin1(Path);
    m_bus.connect(service, path, service, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(service, path, service, QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint, uint)));
}

bool FreedesktopNotifications::available(const QDBusConnection& bus)
{
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QString service = interfaceName();
    if (bus.interface()->isServiceRegistered(service))
        return true;
    const QDBusReply<QStringList> activatable = bus.interface()->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(service);
}

void FreedesktopNotifications::show(const QString& key, const DesktopNotification& notification)
{
    // Until the service says which id the last one got, a second call would stack, not replace.
    if (m_inFlight.value(key)) {
        m_waiting.insert(key, notification);
        return;
    }
    send(key, notification);
}

void FreedesktopNotifications::send(const QString& key, const DesktopNotification& notification)
{
    const QString service = interfaceName();
    QDBusMessage call =
        QDBusMessage::createMethodCall(service, QString::fromLatin1(Path), service, QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"),
                 QVariant::fromValue(notification.critical ? UrgencyCritical : UrgencyNormal));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("org.example.baton"));
    hints.insert(QStringLiteral("category"), QStringLiteral("network"));
    call << QStringLiteral("Baton") << m_ids.value(key, 0) << QStringLiteral("org.example.baton")
         << notification.title << notification.body.toHtmlEscaped()
         << QStringList{QStringLiteral("default"), tr("Open")} << hints
         << qint32{notification.critical ? 0 : -1}; // 0: never expires
    m_inFlight.insert(key, true);
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, key](QDBusPendingCallWatcher* finished) { sent(key, finished); });
}

void FreedesktopNotifications::sent(const QString& key, QDBusPendingCallWatcher* call)
{
    call->deleteLater();
    m_inFlight.remove(key);
    const QDBusPendingReply<uint> reply = *call;
    if (reply.isError())
        qCWarning(lcNotify, "The desktop's notification service refused a notification: %s",
                  qPrintable(reply.error().message()));
    else
        m_ids.insert(key, reply.value());
    if (const auto waiting = m_waiting.constFind(key); waiting != m_waiting.cend()) {
        const DesktopNotification next = *waiting;
        m_waiting.erase(waiting);
        send(key, next);
    }
}

void FreedesktopNotifications::onActionInvoked(uint id, const QString& action)
{
    const QString key = m_ids.key(id);
    if (!key.isEmpty() && action == QStringLiteral("default"))
        Q_EMIT activated(key);
}

void FreedesktopNotifications::onNotificationClosed(uint id, uint reason)
{
    const QString key = m_ids.key(id);
    if (key.isEmpty())
        return; // another application's
    m_ids.remove(key);
    Q_EMIT closed(key, reason == ClosedByUser);
}

} // namespace baton
