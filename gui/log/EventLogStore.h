// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "log/EventLogModel.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace baton {

// A cluster's event log kept across window restarts: one file per cluster (pathFor), JSON lines
// after a header line, created 0600 (it names hosts and addresses). Reading it fills the model;
// rows added later are appended in batches (FlushDelayMs after the first of them, and at the
// end), never one disk write per event. The file is rewritten whole, atomically, with the model's
// rows when it has grown to twice the model's capacity, so it stays bounded like the model.
// A file that cannot be read as an event log is moved aside (PATH.corrupt-TIME) with a notice and
// a new one started; if it cannot be moved, nothing is written to it.
class EventLogStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int FlushDelayMs = 2000;
    static constexpr qint64 MaxFileBytes = 32 * 1024 * 1024;
    static constexpr int Version = 1;

    // Reads the file at path into the model (the caller clears the model first).
    EventLogStore(QString path, EventLogModel* log, QObject* parent = nullptr);
    ~EventLogStore() override; // writes what is pending

    // FOLDER/NAME.jsonl; a name with characters a file name should not have gets them replaced and
    // a short digest of the real name added, so that two clusters never share a file.
    static QString pathFor(const QString& folder, const QString& clusterName);

    QString path() const { return m_path; }
    // Why the saved log was not read or cannot be written; empty while all is well.
    QString notice() const { return m_notice; }
    // Where an unreadable file was moved; empty if none was.
    QString keptAside() const { return m_keptAside; }
    int loaded() const { return m_loaded; }
    bool hasPending() const { return !m_pending.isEmpty() || m_rewrite; }
    // Writes what is pending now. False (and notice() says why) if it could not be written.
    bool flush();

private:
    void load();
    void moveAside(const QString& problem);
    void rowsInserted(int first, int last);
    void schedule();
    bool appendPending();
    bool rewrite();
    void writeFailed(const QString& problem);

    QString m_path;
    QPointer<EventLogModel> m_log;
    QTimer m_timer;
    QList<EventLogModel::Entry> m_pending;
    qsizetype m_fileLines = 0; // entry lines in the file
    bool m_rewrite = false;    // write the file whole at the next flush
    bool m_loading = false;
    bool m_torn = false;     // the file ended in a line cut short
    bool m_disabled = false; // never write: the file exists and could not be moved aside
    bool m_failureSaid = false;
    int m_loaded = 0;
    QString m_notice;
    QString m_keptAside;
};

} // namespace baton
