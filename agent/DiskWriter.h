// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <pthread.h>
#include <sys/stat.h>
#include <thread>
#include <vector>

namespace baton {

// The agent's own files (the advert counters, the event history), written by a thread of their
// own at normal scheduling. The failover loop runs at real-time priority, and a write() it made
// itself can be held for up to 200 ms when the machine has too many dirty pages (a build, a
// backup): far past a fast master-down interval, so the backup takes over from a healthy master.
// Jobs are done in the order given. The queue is bounded in jobs and bytes, so a stuck disk costs a
// fixed amount of memory (what does not fit is dropped, and said once); its lock inherits priority,
// so the loop never waits behind a preempted writer thread. The queue is a ring allocated once, and
// a job's buffers are released by the caller when it reuses the slot: the writer thread never frees
// the loop's memory (glibc would take the loop's arena lock, not one that inherits priority).
class DiskWriter
{
public:
    static constexpr qsizetype DefaultLimitBytes = qsizetype{16} << 20;
    static constexpr qsizetype DefaultLimitJobs = 256;
    // How many appends to a file may go to it after someone else renamed another file over it.
    static constexpr int PathCheckEvery = 60;
    // Files held open at most: the agent appends to two, and any caller appending to many paths
    // over time still holds a bounded number (all are closed when this many are held).
    static constexpr qsizetype MaxHeld = 8;

    explicit DiskWriter(qsizetype limitBytes = DefaultLimitBytes, qsizetype limitJobs = DefaultLimitJobs);
    ~DiskWriter(); // writes what is queued, then stops
    DiskWriter(const DiskWriter&) = delete;
    DiskWriter& operator=(const DiskWriter&) = delete;

    // Adds `data` to the end of `path`; a file that is new or empty gets `header` first. Files are
    // made 0600, their folder as StateDirectory makes it. False: the queue was full, nothing queued.
    bool append(const QString& path, const QByteArray& data, const QByteArray& header = QByteArray());
    // Replaces `path` with `data` at once for readers (a temporary file, fsync, rename).
    bool replace(const QString& path, const QByteArray& data);
    // Returns once every job queued before the call is done: tests, and reading back a file.
    void drain();
    // Jobs dropped because the queue was full, since start.
    quint64 dropped() const;

private:
    struct Job
    {
        bool replace = false;
        QString path;
        QByteArray data;
        QByteArray header;
        qsizetype bytes() const { return data.size() + header.size(); }
    };
    bool enqueue(Job job);
    void run();
    void perform(const Job& job);
    void report(const QString& path, const QString& error); // logged once until the path works again
    bool folderReady(const QString& path);
    int heldFor(const QString& path, const QByteArray& name, struct stat& held);
    void release(const QString& path);
    void releaseAll();

    // Files appended to stay open between jobs (the writer thread's own): a second's counters then
    // cost a write, not a folder check, an open, a stat and a close. fstat() before each append
    // sees a file removed meanwhile (made again, header first); every PathCheckEvery appends the
    // path is looked up too, for a file renamed over it by someone else.
    struct Held
    {
        int fd = -1;
        int appends = 0;
    };
    QHash<QString, Held> m_held;

    qsizetype m_limitBytes;
    mutable pthread_mutex_t m_mutex;
    pthread_cond_t m_work;   // jobs queued, or stopping
    pthread_cond_t m_done;   // a job finished
    std::vector<Job> m_ring; // m_count jobs from m_head are queued; other slots hold done ones
    qsizetype m_head = 0;
    qsizetype m_count = 0;
    qsizetype m_queuedBytes = 0;
    quint64 m_queued = 0;   // jobs ever queued
    quint64 m_finished = 0; // jobs ever finished
    quint64 m_dropped = 0;
    bool m_dropSaid = false;
    bool m_stopping = false;
    QSet<QString> m_failing; // the writer thread's own
    std::thread m_thread;
};

} // namespace baton
