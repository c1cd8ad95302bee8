// SPDX-License-Identifier: GPL-3.0-or-later
#include "SystemdNotifier.h"

#include <QTimer>

#include <systemd/sd-daemon.h>

namespace baton {

SystemdNotifier::SystemdNotifier(QObject* parent)
    : QObject(parent)
{
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        // Ping at half the watchdog interval: a hung event loop (the only thing that can stop
        // adverts) gets batond restarted.
        m_watchdog = new QTimer(this);
        connect(m_watchdog, &QTimer::timeout, this, [] { sd_notify(0, "WATCHDOG=1"); });
        m_watchdog->start(static_cast<int>(usec / 2000));
    }
}

void SystemdNotifier::ready(const QString& text)
{
    sd_notify(0, QStringLiteral("READY=1\nSTATUS=%1").arg(text).toUtf8().constData());
}

void SystemdNotifier::reloading()
{
    sd_notify(0, "RELOADING=1");
}

void SystemdNotifier::stopping()
{
    sd_notify(0, "STOPPING=1");
}

void SystemdNotifier::status(const QString& text)
{
    sd_notify(0, QStringLiteral("STATUS=%1").arg(text).toUtf8().constData());
}

} // namespace baton
