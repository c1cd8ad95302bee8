// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DesktopNotification.h"

#include <QObject>

namespace baton {

// Where notifications go: the desktop's notification service, the tray's balloon, or a test's
// recorder. A key names one notification on the desktop: showing the same key again replaces it.
class NotificationSink : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~NotificationSink() override;

    virtual void show(const QString& key, const DesktopNotification& notification) = 0;

Q_SIGNALS:
    // The administrator clicked it.
    void activated(const QString& key);
    // It is gone from the desktop: dismissed by the administrator (byUser), or it expired.
    void closed(const QString& key, bool byUser);
};

} // namespace baton
