// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/NotificationSink.h"

#include <QList>
#include <QPair>

namespace baton {

// A notification sink that keeps what it was asked to show; a test plays the desktop by emitting
// activated() and closed() itself.
class RecordingSink : public NotificationSink
{
    Q_OBJECT
public:
    using NotificationSink::NotificationSink;

    void show(const QString& key, const DesktopNotification& notification) override;

    QList<QPair<QString, DesktopNotification>> shown;
};

} // namespace baton
