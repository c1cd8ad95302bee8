// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "carp/CounterMemory.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace baton {

// Keeps the agent's CounterMemory across restarts: loaded at start, new counters appended to
// STATE-DIR/counters once a second (so a replay of an advert seen before a crash is still refused,
// and the CARP loop never waits for a disk), rewritten from memory when the file has grown to
// twice what memory holds. A damaged tail (a write cut short) is ignored.
class CounterJournal : public QObject
{
    Q_OBJECT
public:
    static constexpr int FlushMs = 1000;

    CounterJournal(CounterMemory& memory, QString stateDir, QObject* parent = nullptr);
    ~CounterJournal() override;

    // Reads what an earlier run saved into memory; the number loaded, or an error (logged).
    qsizetype load();
    void flush();
    QString path() const;

private:
    void rewrite();

    CounterMemory& m_memory;
    QString m_stateDir;
    quint64 m_flushedMark = 0;
    qsizetype m_fileEntries = 0;
    QTimer m_timer;
    bool m_errorLogged = false;
};

} // namespace baton
