// SPDX-License-Identifier: GPL-3.0-or-later
// A cluster's saved event log: written in batches, read back as it was (agent identities and the
// earlier mark included), bounded like the model, 0600, a damaged file kept aside with a notice and
// never overwritten, a line cut short by a killed window dropped, a file of a newer version left alone.
#include "log/EventLogModel.h"
#include "log/EventLogStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace baton;
using Kind = EventLogModel::Kind;

namespace {
constexpr qint64 T0 = 1'700'000'000'000;

EventLogModel::Entry agentEntry(qint64 local, const QString& text)
{
    EventLogModel::Entry e{local, QStringLiteral("node1"), Kind::State, text};
    e.agentTimeMs = local + 3'600'000;
    e.eventId = QStringLiteral("state:0123456789abcdef");
    e.earlier = true;
    return e;
}

void fill(EventLogModel& model)
{
    model.append(T0, QString(), Kind::Connection, QStringLiteral("Opened cluster web"));
    model.append(agentEntry(T0 + 10, QStringLiteral("vhid 1 on eth0: BACKUP → MASTER")));
    model.append(T0 + 20, QStringLiteral("VIP"), Kind::Reachability,
                 QStringLiteral("a line\nwith \"quotes\", commas and Grüße"));
    model.append(T0 + 30, QStringLiteral("node2"), Kind::Alarm, QStringLiteral("Split brain"));
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

bool sameEntries(const EventLogModel& a, const EventLogModel& b)
{
    if (a.rowCount() != b.rowCount())
        return false;
    for (int i = 0; i < a.rowCount(); ++i) {
        const auto& x = a.entry(i);
        const auto& y = b.entry(i);
        if (x.timeMs != y.timeMs || x.node != y.node || x.kind != y.kind || x.text != y.text ||
            x.agentTimeMs != y.agentTimeMs || x.eventId != y.eventId || x.earlier != y.earlier)
            return false;
    }
    return true;
}

const QByteArray Header = R"({"format":"baton-event-log","version":1})"
                          "\n";
const QByteArray Row = R"({"kind":"state","node":"node1","t":1700000000000,"text":"x"})"
                       "\n";
} // namespace

class TestEventLogStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("events/c%1.jsonl").arg(++m_files)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTrip()
    {
        const QString path = freshPath();
        EventLogModel written;
        {
            EventLogStore store(path, &written);
            QVERIFY(store.notice().isEmpty());
            fill(written);
            QVERIFY(store.hasPending());
            QVERIFY(store.flush());
            QVERIFY(!store.hasPending());
        }
        EventLogModel read;
        EventLogStore store(path, &read);
        QVERIFY2(store.notice().isEmpty(), qPrintable(store.notice()));
        QCOMPARE(store.loaded(), 4);
        QVERIFY(sameEntries(written, read));
        // The identity came back: the same agent event is not added twice.
        QVERIFY(!read.append(agentEntry(T0 + 10, QStringLiteral("vhid 1 on eth0: BACKUP → MASTER"))));
        QCOMPARE(read.newestAgentTime(QStringLiteral("node1")).value_or(-1), T0 + 10 + 3'600'000);
    }

    void writesInBatchesNotPerEvent()
    {
        const QString path = freshPath();
        EventLogModel model;
        EventLogStore store(path, &model);
        model.append(T0, QString(), Kind::Connection, QStringLiteral("first"));
        QVERIFY(store.flush());
        const QByteArray before = contents(path);
        for (int i = 1; i <= 50; ++i)
            model.append(T0 + i, QStringLiteral("node1"), Kind::Agent, QString::number(i));
        QCOMPARE(contents(path), before); // nothing written yet
        QVERIFY(store.hasPending());
        // The timer writes them, all at once.
        QTRY_VERIFY_WITH_TIMEOUT(!store.hasPending(), EventLogStore::FlushDelayMs + 3000);
        QCOMPARE(contents(path).count('\n'), 1 + 51);
    }

    void theDestructorWritesWhatIsPending()
    {
        const QString path = freshPath();
        EventLogModel model;
        {
            EventLogStore store(path, &model);
            fill(model);
        }
        EventLogModel read;
        EventLogStore again(path, &read);
        QVERIFY(sameEntries(model, read));
    }

    void fileIsPrivate()
    {
        const QString path = freshPath();
        EventLogModel model;
        const mode_t old = ::umask(022);
        {
            EventLogStore store(path, &model);
            fill(model);
            QVERIFY(store.flush()); // a new file: written whole
            model.append(T0 + 100, QString(), Kind::Connection, QStringLiteral("appended"));
            QVERIFY(store.flush());
        }
        ::umask(old);
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther;
        const QFileDevice::Permissions mode = QFileInfo(path).permissions();
        QVERIFY(mode & QFileDevice::ReadOwner && mode & QFileDevice::WriteOwner);
        QVERIFY2(!(mode & others), qPrintable(QString::number(int(mode), 16)));
        QVERIFY(!(QFileInfo(QFileInfo(path).absolutePath()).permissions() & others));
    }

    void staysBoundedLikeTheModel()
    {
        const QString path = freshPath();
        EventLogModel model(nullptr, 10);
        {
            EventLogStore store(path, &model);
            for (int i = 0; i < 100; ++i) {
                model.append(T0 + i, QStringLiteral("node1"), Kind::Agent, QString::number(i));
                if (i % 3 == 0)
                    QVERIFY(store.flush());
                // The header and at most twice the model's rows, whenever it is looked at.
                QVERIFY(contents(path).count('\n') <= 1 + 2 * 10 + 3);
            }
        }
        QVERIFY(contents(path).count('\n') <= 1 + 2 * 10);
        EventLogModel read(nullptr, 10);
        EventLogStore again(path, &read);
        QCOMPARE(read.rowCount(), 10);
        QCOMPARE(read.entry(0).text, QStringLiteral("90"));
        QCOMPARE(read.entry(9).text, QStringLiteral("99"));
    }

    void corruptFileIsKeptAside_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not json") << QByteArray("garbage\nmore garbage\n") << QStringLiteral("line 1");
        QTest::newRow("bad line") << (Header + Row + QByteArray("{\"t\": \"soon\"}\n") + Row)
                                  << QStringLiteral("line 3");
        QTest::newRow("unknown kind")
            << (Header + QByteArray(R"({"kind":"gossip","node":"n","t":1,"text":"x"})"
                                    "\n"))
            << QStringLiteral("line 2");
        QTest::newRow("agent event without its time")
            << (Header + QByteArray(R"({"kind":"state","node":"n","t":1,"text":"x","id":"state:1"})"
                                    "\n"))
            << QStringLiteral("line 2");
    }

    void corruptFileIsKeptAside()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, problem);
        const QString path = freshPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY(writeBytes(path, bytes));
        EventLogModel model;
        {
            EventLogStore store(path, &model);
            QVERIFY2(store.notice().contains(problem), qPrintable(store.notice()));
            QVERIFY(!store.keptAside().isEmpty());
            QVERIFY2(store.notice().contains(store.keptAside()), qPrintable(store.notice()));
            QCOMPARE(contents(store.keptAside()), bytes); // every byte kept
            // The notice is in the log too, and a new file is started with it.
            QCOMPARE(model.rowCount(), 1);
            QCOMPARE(model.entry(0).text, store.notice());
            QVERIFY(store.flush());
            QVERIFY(contents(path).startsWith(Header));
            QCOMPARE(contents(store.keptAside()), bytes);
        }
        EventLogModel read;
        EventLogStore again(path, &read);
        QVERIFY2(again.notice().isEmpty(), qPrintable(again.notice()));
        QCOMPARE(read.rowCount(), 1);
    }

    void lineCutShortIsDropped()
    {
        const QString path = freshPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        const QByteArray cut("{\"kind\":\"state\",\"node\":\"no"); // where a killed write stopped
        QVERIFY(writeBytes(path, Header + Row + cut));
        EventLogModel model;
        EventLogStore store(path, &model);
        QVERIFY2(store.notice().isEmpty(), qPrintable(store.notice()));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.entry(0).text, QStringLiteral("x"));
        QVERIFY2(model.entry(1).text.contains(QStringLiteral("cut short")), qPrintable(model.entry(1).text));
        QVERIFY(store.hasPending()); // rewritten cleanly
        QVERIFY(store.flush());
        QCOMPARE(contents(path).count('\n'), 3);
        QVERIFY(contents(path).endsWith('\n'));
    }

    void newerVersionIsLeftAlone()
    {
        const QString path = freshPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        const QByteArray bytes = QByteArray(R"({"format":"baton-event-log","version":2})"
                                            "\n") +
                                 Row;
        QVERIFY(writeBytes(path, bytes));
        EventLogModel model;
        {
            EventLogStore store(path, &model);
            QVERIFY2(store.notice().contains(QStringLiteral("version 2")), qPrintable(store.notice()));
            model.append(T0, QString(), Kind::Connection, QStringLiteral("more"));
            QVERIFY(!store.flush());
        }
        QCOMPARE(contents(path), bytes);
    }

    void unreadableFileIsNotTouched()
    {
        if (::geteuid() == 0)
            QSKIP("root reads every file");
        const QString path = freshPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY(writeBytes(path, Header + Row));
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        EventLogModel model;
        {
            EventLogStore store(path, &model);
            QVERIFY2(store.notice().contains(path), qPrintable(store.notice()));
            QVERIFY(store.keptAside().isEmpty());
            QVERIFY(!store.flush());
        }
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(contents(path), Header + Row);
    }

    void onePathPerCluster()
    {
        const QString web = EventLogStore::pathFor(QStringLiteral("/d"), QStringLiteral("web"));
        QCOMPARE(web, QStringLiteral("/d/web.jsonl"));
        const QString slash = EventLogStore::pathFor(QStringLiteral("/d"), QStringLiteral("a/b"));
        const QString dash = EventLogStore::pathFor(QStringLiteral("/d"), QStringLiteral("a-b"));
        const QString space = EventLogStore::pathFor(QStringLiteral("/d"), QStringLiteral("a b"));
        QCOMPARE(dash, QStringLiteral("/d/a-b.jsonl"));
        QVERIFY(slash != dash && space != dash && slash != space);
        QVERIFY(QFileInfo(slash).fileName().startsWith(QStringLiteral("a-b-")));
        QCOMPARE(
            QFileInfo(EventLogStore::pathFor(QStringLiteral("/d"), QStringLiteral("../x"))).absolutePath(),
            QStringLiteral("/d"));
        QVERIFY(QFileInfo(EventLogStore::pathFor(QStringLiteral("/d"), QString())).fileName().size() > 6);
    }
};

QTEST_MAIN(TestEventLogStore)
#include "TestEventLogStore.moc"
