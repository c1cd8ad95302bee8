// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/AgentStatus.h"
#include "control/ControlError.h"

#include <QCborMap>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace baton {

class NetlinkRoute;

// The dead-man switch behind `link-down`: every interface taken down carries a deadline, and
// the agent brings it back by itself at that deadline, whether or not anyone is still connected
// and across its own restarts (the deadline is saved before the link goes down; a save that
// fails means the link is not touched).
class LinkRestorer : public QObject
{
    Q_OBJECT
public:
    using Persist = std::function<QString()>; // saves pending() with the rest of the state
    using Clock = std::function<qint64()>;    // wall-clock ms since the epoch

    LinkRestorer(NetlinkRoute& netlink, Persist persist, QObject* parent = nullptr);
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // At start: restores recorded by an earlier run; those already due are carried out now.
    void resume(const QList<PendingRestore>& restores);
    struct Failure
    {
        ControlError error;
        QString message; // for the log
    };
    std::optional<Failure> takeDown(const QString& interface, int seconds, const QString& by);
    // Ends a pending restore early (or simply sets the link up when none is pending).
    std::optional<Failure> bringUp(const QString& interface, const QString& by);
    const QList<PendingRestore>& pending() const { return m_pending; }
    bool isPending(const QString& interface) const;

Q_SIGNALS:
    void event(const QCborMap& event); // restore-armed, restore-done, restore-failed, link-down-failed
    void changed();

private:
    void arm();
    void fire();
    bool restore(const PendingRestore& restore, bool early, const QString& by);
    qint64 now() const { return m_clock(); }

    NetlinkRoute& m_netlink;
    Persist m_persist;
    Clock m_clock;
    QList<PendingRestore> m_pending;
    QTimer m_timer;
};

} // namespace baton
