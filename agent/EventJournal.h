// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DiskWriter.h"
#include "control/ControlEvent.h"

#include <QList>
#include <QMutex>
#include <QString>

#include <deque>

namespace baton {

// What happened on this node, kept across restarts and reboots: every event the agent raises (state
// changes with reasons, link changes, restores, commands and who gave them, rejected and suspected
// forged adverts, its own starts and stops), one JSON line each in STATE-DIR/events.jsonl. Events
// are rare (never one per advert: rejects and forgeries are rate-limited before they become events),
// so each is appended when it happens, by the DiskWriter (the CARP loop never waits for a disk).
// The newest Capacity stay; the file is rewritten when it has grown to twice that. Thread-safe: the
// control thread answers `history` from it.
class EventJournal
{
public:
    static constexpr qsizetype Capacity = 2000;
    static constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;

    EventJournal(QString stateDir, DiskWriter& writer);
    QString path() const;
    // Reads what earlier runs left; an error string (logged by the caller) if the file is unusable,
    // in which case it is started afresh. Lines that do not read are skipped and counted.
    QString load(qsizetype* skipped = nullptr);
    void append(const ControlEvent& event);
    // Events at or after sinceMs (agent wall clock), oldest first, at most limit (the newest).
    QList<ControlEvent> since(qint64 sinceMs, qsizetype limit) const;
    qsizetype size() const;

private:
    void rewrite(); // with m_mutex held

    QString m_stateDir;
    DiskWriter& m_writer;
    mutable QMutex m_mutex;
    std::deque<ControlEvent> m_events;
    qsizetype m_fileLines = 0;
};

} // namespace baton
