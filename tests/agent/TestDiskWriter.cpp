// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's files written off the failover loop (DiskWriter): appends and replacements in the
// order given, a header for a new file, private files, a caller that never waits for a stuck write,
// a queue bounded in bytes, and an error said once.
#include "DiskWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fcntl.h>
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace baton;

namespace {
QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

// The permission bits of path, or -1.
int modeOf(const QString& path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<int>(st.st_mode & 0777) : -1;
}

// Reads the one byte the writer thread is stuck writing into the FIFO, which lets it go on.
char unblock(const QString& fifo)
{
    const int reader = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_CLOEXEC);
    char byte = 0;
    if (reader < 0 || ::read(reader, &byte, 1) != 1)
        byte = 0;
    if (reader >= 0)
        ::close(reader);
    return byte;
}

// A journal under `dir` that `writer` has appended to once (so holds open): its path.
QString journalOnce(DiskWriter& writer, const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("counters"));
    if (!writer.append(path, "a", "HEAD\n"))
        return {};
    writer.drain();
    return path;
}

// The file at `path` after `writer` appended `data` to it (the header if new) and finished.
QByteArray afterAppending(DiskWriter& writer, const QString& path, const QByteArray& data)
{
    if (!writer.append(path, data, "HEAD\n"))
        return "(refused)";
    writer.drain();
    return contents(path);
}

int g_cannotWrite = 0;
QtMessageHandler g_previous = nullptr;
void countCannotWrite(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtCriticalMsg && message.startsWith(QLatin1StringView("cannot write")))
        ++g_cannotWrite;
    else
        g_previous(type, context, message);
}
} // namespace

class TestDiskWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void appendsInOrderWithAHeaderForANewFile()
    {
        DiskWriter writer;
        const QString path = m_dir->filePath(QStringLiteral("state/journal"));
        QVERIFY(writer.append(path, "one,", "HEAD\n"));
        QVERIFY(writer.append(path, "two,", "HEAD\n")); // not empty any more: no second header
        QVERIFY(writer.append(path, "three", "HEAD\n"));
        writer.drain();
        QCOMPARE(contents(path), QByteArray("HEAD\none,two,three"));
        // Private, in a private folder made for it.
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(m_dir->filePath(QStringLiteral("state"))), 0700);
    }

    void replacementsKeepTheOrder()
    {
        DiskWriter writer;
        const QString path = m_dir->filePath(QStringLiteral("events"));
        QVERIFY(writer.append(path, "old\n"));
        QVERIFY(writer.replace(path, "whole\n"));
        QVERIFY(writer.append(path, "after\n", "HEAD\n"));
        writer.drain();
        QCOMPARE(contents(path), QByteArray("whole\nafter\n"));
        QCOMPARE(modeOf(path), 0600);
    }

    // Appended files stay open between jobs; one removed meanwhile is made again, header first.
    void aRemovedFileIsMadeAgainWithItsHeader()
    {
        DiskWriter writer;
        const QString path = journalOnce(writer, *m_dir);
        QCOMPARE(contents(path), QByteArray("HEAD\na"));
        QVERIFY(QFile::remove(path));
        QCOMPARE(afterAppending(writer, path, "two"), QByteArray("HEAD\ntwo"));
    }

    // Someone else's file renamed over an appended one is appended to from the next job on.
    void aFileRenamedOverItIsAppendedTo()
    {
        DiskWriter writer;
        const QString path = journalOnce(writer, *m_dir);
        QVERIFY(!path.isEmpty());
        const QString other = m_dir->filePath(QStringLiteral("other"));
        {
            QFile file(other);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("OTHER\n");
        }
        QCOMPARE(std::rename(QFile::encodeName(other).constData(), QFile::encodeName(path).constData()), 0);
        QCOMPARE(afterAppending(writer, path, "x"), QByteArray("OTHER\nx"));
    }

    // A file moved away (still linked, under another name) is followed by a new one at the path
    // within PathCheckEvery appends.
    void aFileMovedAwayIsMadeAgain()
    {
        DiskWriter writer;
        const QString path = journalOnce(writer, *m_dir);
        const QString moved = m_dir->filePath(QStringLiteral("counters.old"));
        QVERIFY(QFile::rename(path, moved));
        for (int i = 0; i < DiskWriter::PathCheckEvery; ++i)
            QVERIFY(writer.append(path, "x", "HEAD\n"));
        writer.drain();
        const QByteArray now = contents(path);
        QVERIFY2(now.startsWith("HEAD\nx") && now.endsWith('x'), now.constData());
        QCOMPARE(now.count('x') + contents(moved).count('x'), DiskWriter::PathCheckEvery);
    }

    // Files held open stay few however many paths were appended to (state folders of reloads).
    void fewFilesAreHeldOpen()
    {
        const auto openFiles = [] { return QDir(QStringLiteral("/proc/self/fd")).count(); };
        const qsizetype before = openFiles();
        {
            DiskWriter writer;
            for (int i = 0; i < 3 * DiskWriter::MaxHeld; ++i)
                QVERIFY(writer.append(m_dir->filePath(QStringLiteral("journal-%1").arg(i)), "x"));
            writer.drain();
            QVERIFY2(openFiles() <= before + DiskWriter::MaxHeld,
                     qPrintable(QStringLiteral("%1 open, %2 before").arg(openFiles()).arg(before)));
        }
        QCOMPARE(openFiles(), before); // all closed with the writer
    }

    // A write that cannot finish (a FIFO nobody reads, as a disk that does not answer) holds the
    // writer thread, never the caller; the queue behind it is bounded, and what does not fit is
    // refused and said once. Once the write finishes, all that was queued follows.
    void aStuckWriteNeverHoldsTheCaller()
    {
        const QString fifo = m_dir->filePath(QStringLiteral("stuck"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const QString path = m_dir->filePath(QStringLiteral("counters"));
        DiskWriter writer(10);
        QVERIFY(writer.append(fifo, "x")); // the writer thread blocks opening it
        QVERIFY(writer.append(path, "12345678"));
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("the disk is not keeping up")));
        QVERIFY(!writer.append(path, "abcdefgh"));
        QVERIFY(!writer.append(path, "ijklmnop")); // refused too, not said again
        QCOMPARE(writer.dropped(), quint64{2});

        QCOMPARE(unblock(fifo), 'x');
        writer.drain();
        QCOMPARE(contents(path), QByteArray("12345678"));
        QVERIFY(writer.append(path, "9")); // room again
        writer.drain();
        QCOMPARE(contents(path), QByteArray("123456789"));
    }

    // Bounded in jobs too: a stuck write and one behind it fill a ring of two.
    void aFullRingRefuses()
    {
        const QString fifo = m_dir->filePath(QStringLiteral("stuck"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const QString path = m_dir->filePath(QStringLiteral("events"));
        DiskWriter writer(DiskWriter::DefaultLimitBytes, 2);
        QVERIFY(writer.append(fifo, "x"));
        QVERIFY(writer.append(path, "a"));
        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("2 writes .* are waiting")));
        QVERIFY(!writer.append(path, "b"));
        QCOMPARE(unblock(fifo), 'x');
        writer.drain();
        QVERIFY(writer.append(path, "c"));
        writer.drain();
        QCOMPARE(contents(path), QByteArray("ac"));
    }

    // The writer thread never frees the caller's buffers (glibc would take the caller's arena lock,
    // which does not lend priority): a job's data stays shared with its slot after it is written,
    // and is released when the caller reuses the slot.
    void buffersAreReleasedByTheCaller()
    {
        DiskWriter writer(DiskWriter::DefaultLimitBytes, 2);
        const QString path = m_dir->filePath(QStringLiteral("counters"));
        QByteArray first(4096, 'a');
        QVERIFY(writer.append(path, first));
        writer.drain();
        QVERIFY(!first.isDetached()); // still held by its slot
        QVERIFY(writer.append(path, QByteArray(16, 'b')));
        writer.drain();
        QVERIFY(!first.isDetached());
        QVERIFY(writer.append(path, QByteArray(16, 'c'))); // into the first slot
        QVERIFY(first.isDetached());
        writer.drain();
        QCOMPARE(contents(path).size(), 4096 + 32);
    }

    void anErrorIsSaidOnceUntilThePathWorks()
    {
        QFile blocker(m_dir->filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = m_dir->filePath(QStringLiteral("file/counters")); // its folder is a file
        g_cannotWrite = 0;
        g_previous = qInstallMessageHandler(countCannotWrite);
        {
            DiskWriter writer;
            QVERIFY(writer.append(path, "a"));
            QVERIFY(writer.append(path, "b"));
            QVERIFY(writer.replace(path, "c"));
            writer.drain();
            QCOMPARE(g_cannotWrite, 1);
            QVERIFY(blocker.remove());
            QVERIFY(writer.append(path, "d")); // the folder can be made now
            writer.drain();
            QCOMPARE(contents(path), QByteArray("d"));
            QCOMPARE(g_cannotWrite, 1);
        }
        qInstallMessageHandler(g_previous);
    }

    // Whatever was queued is on disk once the writer is gone (the agent's graceful stop).
    void destructionWritesWhatIsQueued()
    {
        const QString path = m_dir->filePath(QStringLiteral("events"));
        {
            DiskWriter writer;
            for (int i = 0; i < 200; ++i)
                QVERIFY(writer.append(path, QByteArray::number(i) + '\n'));
        }
        QCOMPARE(contents(path).count('\n'), 200);
        QVERIFY(contents(path).endsWith("199\n"));
    }

    // The writer never preempts the advert thread when it wakes (on normal scheduling both share
    // a CPU): it runs as a batch thread.
    void theWriterRunsAsABatchThread()
    {
        DiskWriter writer;
        QVERIFY(writer.append(m_dir->filePath(QStringLiteral("events")), QByteArrayLiteral("x\n")));
        writer.drain(); // the thread has set its policy before its first job
        int found = 0;
        for (const QString& task :
             QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
            if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != "disk")
                continue;
            ++found;
            QCOMPARE(sched_getscheduler(task.toInt()), SCHED_BATCH);
        }
        QCOMPARE(found, 1);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestDiskWriter)
#include "TestDiskWriter.moc"
