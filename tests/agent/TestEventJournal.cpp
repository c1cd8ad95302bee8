// SPDX-License-Identifier: GPL-3.0-or-later
// The node's history (EventJournal): every kind of event back as it was after a restart (through
// JSON lines an administrator can read), bounded, rewritten when grown, a damaged line skipped, and
// asked for by time and count. The writes go through a DiskWriter, drained before the file is read.
#include "EventJournal.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

namespace {
QString s(const char* text)
{
    return QString::fromLatin1(text);
}

QList<ControlEvent> everyKind()
{
    const qint64 t = 1'800'000'000'000;
    return {
        ControlEvent{t, ev::AgentStarted{s("0.1.0")}},
        ControlEvent{t + 1, ev::StateChanged{1, s("eth0"), CarpState::Init, CarpState::Backup, s("startup")}},
        ControlEvent{t + 2, ev::LinkChanged{1, s("eth0"), false}},
        ControlEvent{t + 3, ev::AdvertRejected{1, s("192.0.2.66"), s("bad-hmac")}},
        ControlEvent{t + 4, ev::ForgerySuspected{1, s("192.0.2.12"), s("replayed-counter"), 15}},
        ControlEvent{t + 5, ev::RestoreArmed{s("eth0"), t + 20'000, s("alice")}},
        ControlEvent{t + 6, ev::RestoreDone{s("eth0"), false, 3, {}}},
        ControlEvent{t + 7, ev::CommandDone{s("maintenance"), s("bob"), false, s("not-permitted"), {}, true}},
        ControlEvent{t + 8, ev::MaintenanceChanged{true, s("alice")}},
        ControlEvent{t + 9, ev::AgentStopping{15}}};
}
} // namespace

class TestEventJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_writer = std::make_unique<DiskWriter>();
    }

    void survivesRestart()
    {
        {
            EventJournal journal(m_dir->path(), *m_writer);
            QCOMPARE(journal.load(), QString());
            for (const ControlEvent& e : everyKind())
                journal.append(e);
        }
        m_writer->drain();
        EventJournal again(m_dir->path(), *m_writer);
        qsizetype skipped = -1;
        QCOMPARE(again.load(&skipped), QString());
        QCOMPARE(skipped, qsizetype{0});
        QCOMPARE(again.since(0, 100), everyKind());
        // One JSON object per line, for an administrator's less(1).
        QFile file(again.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray first = file.readLine();
        QVERIFY2(first.startsWith("{") && first.contains("\"kind\":\"started\""), first.constData());
    }

    void sinceAndLimit()
    {
        EventJournal journal(m_dir->path(), *m_writer);
        journal.load();
        for (const ControlEvent& e : everyKind())
            journal.append(e);
        const QList<ControlEvent> all = everyKind();
        QCOMPARE(journal.since(all.at(7).timeMs, 100), all.mid(7));
        QCOMPARE(journal.since(0, 2), all.mid(8)); // the newest two
        QVERIFY(journal.since(all.last().timeMs + 1, 100).isEmpty());
    }

    void boundedAndRewritten()
    {
        EventJournal journal(m_dir->path(), *m_writer);
        journal.load();
        const qsizetype total = 2 * EventJournal::Capacity + 10;
        for (qsizetype i = 0; i < total; ++i) {
            journal.append(ControlEvent{i, ev::MaintenanceChanged{i % 2 == 0, s("x")}});
            // Thousands of events at once would fill the writer's queue on a busy machine (it drops
            // what does not fit: TestDiskWriter); here the file's bound and rewrite are at stake.
            if (i % 128 == 0)
                m_writer->drain();
        }
        QCOMPARE(journal.size(), EventJournal::Capacity);
        // The file was rewritten once it reached twice the capacity: never more than that on disk.
        m_writer->drain();
        QFile file(journal.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().count('\n') <= 2 * EventJournal::Capacity);
        m_writer->drain();
        EventJournal again(m_dir->path(), *m_writer);
        again.load();
        QCOMPARE(again.size(), EventJournal::Capacity);
        QCOMPARE(again.since(0, 1).first().timeMs, total - 1);
    }

    void damagedLineSkipped()
    {
        {
            EventJournal journal(m_dir->path(), *m_writer);
            journal.load();
            journal.append(everyKind().first());
        }
        m_writer->drain();
        QFile file(m_dir->filePath(QStringLiteral("events.jsonl")));
        QVERIFY(file.open(QIODevice::Append));
        file.write("{\"t\":\"event\",\"time\":5,\"kind\":\"state\",\"vhid\":\n"); // cut short by a crash
        file.close();
        m_writer->drain();
        EventJournal again(m_dir->path(), *m_writer);
        qsizetype skipped = 0;
        QCOMPARE(again.load(&skipped), QString());
        QCOMPARE(skipped, qsizetype{1});
        QCOMPARE(again.size(), qsizetype{1});
        again.append(everyKind().last());
        QCOMPARE(again.size(), qsizetype{2});
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DiskWriter> m_writer;
};

QTEST_GUILESS_MAIN(TestEventJournal)
#include "TestEventJournal.moc"
