// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiskWriter.h"

#include "RealtimeSetup.h"
#include "StateDirectory.h"
#include "util/FdWrite.h"

#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace baton {

namespace {
// A lock that lends its holder the priority of a real-time thread waiting for it.
void initInheritingMutex(pthread_mutex_t* mutex)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
    pthread_mutex_init(mutex, &attr);
    pthread_mutexattr_destroy(&attr);
}

class Locker
{
public:
    explicit Locker(pthread_mutex_t* mutex)
        : m_mutex(mutex)
    {
        pthread_mutex_lock(m_mutex);
    }
    ~Locker() { pthread_mutex_unlock(m_mutex); }
    Locker(const Locker&) = delete;
    Locker& operator=(const Locker&) = delete;

private:
    pthread_mutex_t* m_mutex;
};
} // namespace

DiskWriter::DiskWriter(qsizetype limitBytes, qsizetype limitJobs)
    : m_limitBytes(limitBytes)
    , m_ring(static_cast<size_t>(limitJobs))
{
    initInheritingMutex(&m_mutex);
    pthread_cond_init(&m_work, nullptr);
    pthread_cond_init(&m_done, nullptr);
    m_thread = std::thread([this] { run(); });
    pthread_setname_np(m_thread.native_handle(), "disk");
}

DiskWriter::~DiskWriter()
{
    {
        Locker lock(&m_mutex);
        m_stopping = true;
        pthread_cond_signal(&m_work);
    }
    m_thread.join();
    pthread_cond_destroy(&m_done);
    pthread_cond_destroy(&m_work);
    pthread_mutex_destroy(&m_mutex);
}

bool DiskWriter::append(const QString& path, const QByteArray& data, const QByteArray& header)
{
    return enqueue(Job{false, path, data, header});
}

bool DiskWriter::replace(const QString& path, const QByteArray& data)
{
    return enqueue(Job{true, path, data, {}});
}

bool DiskWriter::enqueue(Job job)
{
    Job done; // the slot's old buffers, released after the lock on this (the caller's) thread
    {
        Locker lock(&m_mutex);
        const qsizetype slots = static_cast<qsizetype>(m_ring.size());
        if (m_count == slots || m_queuedBytes + job.bytes() > m_limitBytes) {
            ++m_dropped;
            if (!m_dropSaid)
                qCritical("the disk is not keeping up: %lld writes (%lld bytes) for the state folder are "
                          "waiting; writes to %s and later ones are dropped until it catches up",
                          static_cast<long long>(m_count), static_cast<long long>(m_queuedBytes),
                          qUtf8Printable(job.path));
            m_dropSaid = true;
            return false;
        }
        Job& slot = m_ring[static_cast<size_t>((m_head + m_count) % slots)];
        done = std::move(slot);
        m_queuedBytes += job.bytes();
        slot = std::move(job);
        ++m_count;
        ++m_queued;
    }
    // After the lock: a writer woken while it is still held would only wait for it again.
    pthread_cond_signal(&m_work);
    return true;
}

void DiskWriter::drain()
{
    Locker lock(&m_mutex);
    const quint64 target = m_queued;
    while (m_finished < target)
        pthread_cond_wait(&m_done, &m_mutex);
}

quint64 DiskWriter::dropped() const
{
    Locker lock(&m_mutex);
    return m_dropped;
}

void DiskWriter::run()
{
    // Normal scheduling even if the thread was started by a real-time one without reset-on-fork,
    // as a batch thread: it never preempts the advert thread (RealtimeSetup::background).
    if (!RealtimeSetup::background())
        qWarning("disk writer: cannot put its thread on batch scheduling");
    for (;;) {
        const Job* job = nullptr;
        {
            Locker lock(&m_mutex);
            while (m_count == 0 && !m_stopping)
                pthread_cond_wait(&m_work, &m_mutex);
            if (m_count == 0) {
                releaseAll();
                return; // stopping, and everything is written
            }
            job = &m_ring[static_cast<size_t>(m_head)];
        }
        // Without the lock: the caller only fills slots past the queued ones, so this one stays put.
        perform(*job);
        Locker lock(&m_mutex);
        m_queuedBytes -= job->bytes();
        m_head = (m_head + 1) % static_cast<qsizetype>(m_ring.size());
        --m_count;
        if (m_count == 0)
            m_dropSaid = false;
        ++m_finished;
        pthread_cond_broadcast(&m_done);
    }
}

void DiskWriter::perform(const Job& job)
{
    if (job.replace) {
        release(job.path); // the rename below leaves a held descriptor on the old file
        if (!folderReady(job.path))
            return;
        QSaveFile file(job.path);
        if (!file.open(QIODevice::WriteOnly))
            return report(job.path, file.errorString());
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        if (file.write(job.data) != job.data.size() || !file.commit())
            return report(job.path, file.errorString());
        m_failing.remove(job.path);
        return;
    }
    const QByteArray name = QFile::encodeName(job.path);
    struct stat st = {};
    int fd = heldFor(job.path, name, st);
    if (fd < 0) {
        if (!folderReady(job.path))
            return;
        fd = ::open(name.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0 || ::fstat(fd, &st) != 0) {
            const int saved = errno;
            if (fd >= 0)
                ::close(fd);
            return report(job.path, QString::fromLocal8Bit(std::strerror(saved)));
        }
        if (m_held.size() >= MaxHeld)
            releaseAll();
        m_held.insert(job.path, Held{fd, 0});
    }
    const bool ok = (st.st_size != 0 || FdWrite::all(fd, job.header)) && FdWrite::all(fd, job.data);
    if (!ok) {
        const int saved = errno;
        release(job.path);
        return report(job.path, QString::fromLocal8Bit(std::strerror(saved)));
    }
    m_failing.remove(job.path);
}

// The folder of `path` exists (made as StateDirectory makes it), or the failure is reported.
bool DiskWriter::folderReady(const QString& path)
{
    const QString error = StateDirectory::ensure(QFileInfo(path).absolutePath());
    if (!error.isEmpty())
        report(path, error);
    return error.isEmpty();
}

// The descriptor held for `path` if it still names the file (its stat in `held`), else -1.
int DiskWriter::heldFor(const QString& path, const QByteArray& name, struct stat& held)
{
    const auto it = m_held.find(path);
    if (it == m_held.end())
        return -1;
    bool current = ::fstat(it->fd, &held) == 0 && held.st_nlink > 0;
    if (current && ++it->appends % PathCheckEvery == 0) {
        struct stat named = {};
        current = ::stat(name.constData(), &named) == 0 && named.st_dev == held.st_dev &&
                  named.st_ino == held.st_ino;
    }
    if (current)
        return it->fd;
    release(path);
    return -1;
}

void DiskWriter::releaseAll()
{
    for (const Held& h : std::as_const(m_held))
        ::close(h.fd);
    m_held.clear();
}

void DiskWriter::release(const QString& path)
{
    const auto it = m_held.find(path);
    if (it == m_held.end())
        return;
    ::close(it->fd);
    m_held.erase(it);
}

void DiskWriter::report(const QString& path, const QString& error)
{
    if (m_failing.contains(path))
        return;
    m_failing.insert(path);
    qCritical("cannot write %s: %s", qUtf8Printable(path), qUtf8Printable(error));
}

} // namespace baton
