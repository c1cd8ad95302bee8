// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DiskWriter.h"
#include "carp/CounterMemory.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace baton {

// Keeps the agent's CounterMemory across restarts: loaded at start, new counters appended to
// STATE-DIR/counters once a second (so a replay of an advert seen before a crash is still refused),
// rewritten from memory when the file has grown to twice what memory holds. The writes go through
// the DiskWriter: the CARP loop never waits for a disk. A damaged tail (a write cut short) is ignored.
class CounterJournal : public QObject
{
    Q_OBJECT
public:
    static constexpr int FlushMs = 1000;

    CounterJournal(CounterMemory& memory, const QString& stateDir, DiskWriter& writer,
                   QObject* parent = nullptr);
    ~CounterJournal() override;

    // Reads what an earlier run saved into memory; the number loaded, or an error (logged).
    qsizetype load();
    void flush();
    QString path() const;

private:
    void rewrite();

    CounterMemory& m_memory;
    QString m_path; // made once: the flush runs every second in the advert thread
    DiskWriter& m_writer;
    quint64 m_flushedMark = 0;
    qsizetype m_fileEntries = 0;
    bool m_rewriteDue = true; // no usable journal on disk yet
    QTimer m_timer;
};

} // namespace baton
