// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AgentStateStore.h"
#include "CommandFailure.h"
#include "control/AgentStatus.h"
#include "control/ControlError.h"
#include "control/ControlEvent.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace baton {

class AgentClock;
class LinkControl;

// The dead-man switch behind `link-down`: every interface taken down carries a deadline, and
// the agent brings it back by itself at that deadline, whether or not anyone is still connected
// and across its own restarts (the deadline is saved before the link goes down; a save that
// fails means the link is not touched). The deadline runs on the boot clock, so stepping the wall
// clock neither delays nor hastens it; no restore is ever later than the 900 s limit allows.
class LinkRestorer : public QObject
{
    Q_OBJECT
public:
    using Persist = std::function<QString()>; // saves saved() with the rest of the state

    LinkRestorer(LinkControl& links, const AgentClock& clock, Persist persist, QObject* parent = nullptr);

    // At start: restores recorded by an earlier run; those already due are carried out now, and
    // those of an earlier boot too (the link-down they undo belonged to that boot).
    void resume(const QList<SavedRestore>& restores);
    using Failure = CommandFailure;
    std::optional<Failure> takeDown(const QString& interface, int seconds, const QString& by);
    // Ends a pending restore early (or simply sets the link up when none is pending).
    std::optional<Failure> bringUp(const QString& interface, const QString& by);
    // Carries out every restore that is due; the timer calls it, and so may a test.
    void check();
    // Carries out every pending restore now (batond stopping: no one would later).
    void restoreAll(const QString& by);

    const QList<SavedRestore>& saved() const { return m_pending; }
    // As the status shows them: the wall-clock time each will happen, read off the boot clock.
    QList<PendingRestore> pending() const;
    bool isPending(const QString& interface) const;
    // A link-down accepted but not carried out yet (the reply leaves first).
    bool goingDown(const QString& interface) const { return m_goingDown.contains(interface); }
    // Boot-clock ms until the next restore is due (nullopt: none pending).
    std::optional<qint64> nextDueInMs() const;

Q_SIGNALS:
    void event(const baton::ControlEvent::Body& event);
    void changed();

private:
    void arm();
    bool restore(const SavedRestore& restore, bool early, const QString& by);
    qint64 remainingMs(const SavedRestore& restore) const;

    LinkControl& m_links;
    const AgentClock& m_clock;
    Persist m_persist;
    QList<SavedRestore> m_pending;
    QStringList m_goingDown;
    QTimer m_timer;
};

} // namespace baton
