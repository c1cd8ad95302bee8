// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace baton {

// Wakes up on every rtnetlink link or IPv4 address notification (admin up/down, carrier, rename,
// removal, an address added or deleted).
// The owner re-reads the state of the links it cares about: simpler and more robust than
// tracking deltas, and a link notification is rare.
class LinkMonitor : public QObject
{
    Q_OBJECT
public:
    explicit LinkMonitor(QObject* parent = nullptr);
    ~LinkMonitor() override;

    QString open(); // empty on success

Q_SIGNALS:
    void linksChanged();

private:
    void drain();

    int m_fd = -1;
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace baton
