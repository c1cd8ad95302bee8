// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace baton {

// Type=notify readiness, status text and the watchdog ping, through libsystemd. Harmless when
// not run by systemd (sd_notify does nothing without NOTIFY_SOCKET).
class SystemdNotifier : public QObject
{
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject* parent = nullptr);

    void ready(const QString& status);
    void reloading();
    void stopping();
    void status(const QString& status);

private:
    QTimer* m_watchdog = nullptr;
};

} // namespace baton
