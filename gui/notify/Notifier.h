// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "watch/WatchNotice.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace baton {

class NotificationSink;

// Turns the fleet's notices into desktop notifications an administrator can bear: one per group
// (a cluster's failovers, one agent lost and back, …) that is replaced, not stacked, and counts
// repeats ("3 times since 14:02"); a refinement (the outage measured a moment later) only rewrites
// the text. Clicking one asks for its cluster to be opened.
class Notifier : public QObject
{
    Q_OBJECT
public:
    // Repeats further apart than this start a fresh count.
    static constexpr qint64 GroupWindowMs = qint64{60} * 60 * 1000;
    using Quiet = std::function<bool(const WatchNotice&)>;

    // Without a sink (no desktop service, no tray) notices are counted but not shown.
    explicit Notifier(NotificationSink* sink, QObject* parent = nullptr);
    void setSink(NotificationSink* sink);
    NotificationSink* sink() const { return m_sink; }

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    // Notices this says need not interrupt (what the administrator is looking at already shows
    // them) are not shown; they still count, so the next one says how many there were.
    void setQuiet(Quiet quiet) { m_quiet = std::move(quiet); }

    void post(const baton::WatchNotice& notice);

    // How many of this kind the group's notification stands for now (tests, the tray's tooltip).
    int count(const QString& group, WatchNotice::Kind kind) const;

Q_SIGNALS:
    void openRequested(const QString& clusterLabel);

private:
    struct Repeat
    {
        int count = 0;
        qint64 firstMs = 0;
    };
    struct Group
    {
        QString cluster;
        qint64 lastMs = 0;
        QHash<int, Repeat> repeats; // by kind
    };

    QString text(const WatchNotice& notice, const Repeat& repeat) const;

    NotificationSink* m_sink = nullptr;
    QHash<QString, Group> m_groups;
    Quiet m_quiet;
    bool m_enabled = true;
};

} // namespace baton
