// SPDX-License-Identifier: GPL-3.0-or-later
// The advert counters kept across restarts (CounterJournal): what one run saw, the next refuses;
// appends once a second rather than per advert; rewrites when grown; survives a torn last write
// and a file that is not a journal.
#include "CounterJournal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

class TestCounterJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void nextRunRemembers();
    void appendsThenRewrites();
    void tornTailIgnored();
    void notAJournal();
    void privateFile();

private:
    qint64 fileSize(const CounterJournal& journal) const { return QFileInfo(journal.path()).size(); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCounterJournal::nextRunRemembers()
{
    {
        CounterMemory memory(16);
        CounterJournal journal(memory, m_dir->path());
        QCOMPARE(journal.load(), qsizetype{0});
        for (quint64 c = 1; c <= 5; ++c)
            memory.insert(c * 1000);
        // flushed on destruction, as at a graceful stop; a crash loses at most the last second
    }
    CounterMemory memory(16);
    CounterJournal journal(memory, m_dir->path());
    QCOMPARE(journal.load(), qsizetype{5});
    for (quint64 c = 1; c <= 5; ++c)
        QVERIFY(memory.contains(c * 1000));
    QVERIFY(!memory.insert(3000)); // a replay of what the last run saw
}

void TestCounterJournal::appendsThenRewrites()
{
    CounterMemory memory(4);
    CounterJournal journal(memory, m_dir->path());
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
    CounterJournal reader(again, m_dir->path());
    QCOMPARE(reader.load(), qsizetype{4});
    QCOMPARE(again.ordered(), (std::vector<quint64>{8, 9, 10, 11}));
}

void TestCounterJournal::tornTailIgnored()
{
    {
        CounterMemory memory(16);
        CounterJournal journal(memory, m_dir->path());
        journal.load();
        memory.insert(77);
        memory.insert(78);
    }
    CounterMemory probe(16);
    const QString path = CounterJournal(probe, m_dir->path()).path();
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("\x01\x02\x03", 3); // a write cut short by kill -9
    file.close();
    CounterMemory memory(16);
    CounterJournal journal(memory, m_dir->path());
    QCOMPARE(journal.load(), qsizetype{2});
    QVERIFY(memory.contains(77) && memory.contains(78));
}

void TestCounterJournal::notAJournal()
{
    QFile file(m_dir->filePath(QStringLiteral("counters")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("something else entirely\n");
    file.close();
    CounterMemory memory(16);
    CounterJournal journal(memory, m_dir->path());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not a counter journal")));
    QCOMPARE(journal.load(), qsizetype{0});
    memory.insert(5);
    journal.flush();
    CounterMemory again(16);
    QCOMPARE(CounterJournal(again, m_dir->path()).load(), qsizetype{1});
}

void TestCounterJournal::privateFile()
{
    CounterMemory memory(16);
    CounterJournal journal(memory, m_dir->path());
    journal.load();
    memory.insert(1);
    journal.flush();
    QCOMPARE(QFile::permissions(journal.path()) & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
}

QTEST_GUILESS_MAIN(TestCounterJournal)
#include "TestCounterJournal.moc"
