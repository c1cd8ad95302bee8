// SPDX-License-Identifier: GPL-3.0-or-later
// The advert counters kept across restarts (CounterJournal): what one run saw, the next refuses;
// appends once a second rather than per advert; rewrites when grown; survives a torn last write
// and a file that is not a journal. The writes go through a DiskWriter, drained before a check.
#include "CounterJournal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

class TestCounterJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_writer = std::make_unique<DiskWriter>();
    }
    void nextRunRemembers();
    void appendsThenRewrites();
    void tornTailIgnored();
    void appendsAfterATornTailRead();
    void removedFileGetsItsHeader();
    void notAJournal();
    void privateFile();

private:
    void tearTail() const // a write cut short by kill -9
    {
        m_writer->drain();
        QFile file(m_dir->filePath(QStringLiteral("counters")));
        QVERIFY(file.open(QIODevice::Append));
        file.write("\x01\x02\x03", 3);
    }
    qint64 fileSize(const CounterJournal& journal) const
    {
        m_writer->drain();
        return QFileInfo(journal.path()).size();
    }
    // A journal of the test's folder (after what was queued is written, so it reads the file).
    std::unique_ptr<CounterJournal> journalOf(CounterMemory& memory) const
    {
        m_writer->drain();
        return std::make_unique<CounterJournal>(memory, m_dir->path(), *m_writer);
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DiskWriter> m_writer;
};

void TestCounterJournal::nextRunRemembers()
{
    {
        CounterMemory memory(16);
        CounterJournal journal(memory, m_dir->path(), *m_writer);
        QCOMPARE(journal.load(), qsizetype{0});
        for (quint64 c = 1; c <= 5; ++c)
            memory.insert(c * 1000);
        // flushed on destruction, as at a graceful stop; a crash loses at most the last second
    }
    CounterMemory memory(16);
    QCOMPARE(journalOf(memory)->load(), qsizetype{5});
    for (quint64 c = 1; c <= 5; ++c)
        QVERIFY(memory.contains(c * 1000));
    QVERIFY(!memory.insert(3000)); // a replay of what the last run saw
}

void TestCounterJournal::appendsThenRewrites()
{
    CounterMemory memory(4);
    CounterJournal journal(memory, m_dir->path(), *m_writer);
    journal.load();
    memory.insert(1);
    memory.insert(2);
    journal.flush();
    const qint64 header = 8;
    QCOMPARE(fileSize(journal), header + 2 * 8);
    memory.insert(3);
    journal.flush();
    QCOMPARE(fileSize(journal), header + 3 * 8);
    journal.flush(); // nothing new: nothing written
    QCOMPARE(fileSize(journal), header + 3 * 8);
    for (quint64 c = 4; c <= 9; ++c)
        memory.insert(c);
    journal.flush(); // only the 4 still in memory are new to the file: 7 entries
    QCOMPARE(fileSize(journal), header + 7 * 8);
    memory.insert(10);
    memory.insert(11);
    journal.flush(); // past twice the capacity: rewritten from memory, the 4 newest
    QCOMPARE(fileSize(journal), header + 4 * 8);
    CounterMemory again(4);
    QCOMPARE(journalOf(again)->load(), qsizetype{4});
    QCOMPARE(again.ordered(), (std::vector<quint64>{8, 9, 10, 11}));
}

void TestCounterJournal::tornTailIgnored()
{
    {
        CounterMemory memory(16);
        CounterJournal journal(memory, m_dir->path(), *m_writer);
        journal.load();
        memory.insert(77);
        memory.insert(78);
    }
    tearTail();
    CounterMemory memory(16);
    QCOMPARE(journalOf(memory)->load(), qsizetype{2});
    QVERIFY(memory.contains(77) && memory.contains(78));
}

// Counters appended after a torn tail would be read shifted by its bytes: the file is rewritten.
void TestCounterJournal::appendsAfterATornTailRead()
{
    {
        CounterMemory memory(16);
        CounterJournal journal(memory, m_dir->path(), *m_writer);
        journal.load();
        memory.insert(77);
    }
    tearTail();
    {
        CounterMemory memory(16);
        const auto journal = journalOf(memory);
        QCOMPARE(journal->load(), qsizetype{1});
        memory.insert(0x0102030405060708);
    }
    CounterMemory memory(16);
    QCOMPARE(journalOf(memory)->load(), qsizetype{2});
    QCOMPARE(memory.ordered(), (std::vector<quint64>{77, 0x0102030405060708}));
}

void TestCounterJournal::removedFileGetsItsHeader()
{
    CounterMemory memory(16);
    CounterJournal journal(memory, m_dir->path(), *m_writer);
    journal.load();
    memory.insert(1);
    journal.flush();
    m_writer->drain();
    QVERIFY(QFile::remove(journal.path()));
    memory.insert(2);
    journal.flush();
    CounterMemory again(16);
    QCOMPARE(journalOf(again)->load(), qsizetype{1});
    QVERIFY(again.contains(2));
}

void TestCounterJournal::notAJournal()
{
    QFile file(m_dir->filePath(QStringLiteral("counters")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("something else entirely\n");
    file.close();
    CounterMemory memory(16);
    CounterJournal journal(memory, m_dir->path(), *m_writer);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not a counter journal")));
    QCOMPARE(journal.load(), qsizetype{0});
    memory.insert(5);
    journal.flush();
    CounterMemory again(16);
    QCOMPARE(journalOf(again)->load(), qsizetype{1});
}

void TestCounterJournal::privateFile()
{
    CounterMemory memory(16);
    CounterJournal journal(memory, m_dir->path(), *m_writer);
    journal.load();
    memory.insert(1);
    journal.flush();
    m_writer->drain();
    QCOMPARE(QFile::permissions(journal.path()) & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
}

QTEST_GUILESS_MAIN(TestCounterJournal)
#include "TestCounterJournal.moc"
