// SPDX-License-Identifier: GPL-3.0-or-later
// What the agent keeps: the state file that survives restarts (AgentStateStore), the recent adverts
// for the `adverts` verb (AdvertHistory) and the recent log lines for the `log` verb (LogRing).
#include "AdvertHistory.h"
#include "AgentStateStore.h"
#include "LogRing.h"
#include "carp/AdvertGuard.h"
#include "carp/CarpReject.h"

#include <QCborMap>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace baton;

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The permission bits of a path, as the kernel has them (-1: no such path).
int mode(const QString& path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

// umask for one scope: the store must not depend on the caller's.
class Umask
{
public:
    explicit Umask(mode_t mask)
        : m_old(::umask(mask))
    {
    }
    ~Umask() { ::umask(m_old); }
    Umask(const Umask&) = delete;
    Umask& operator=(const Umask&) = delete;

private:
    mode_t m_old;
};

AgentStateStore::State sampleState()
{
    AgentStateStore::State state;
    state.maintenance = true;
    state.restores = {SavedRestore{s("eth0"), 1'700'000'900'123, s("boot-a"), 120'000, s("alice")},
                      SavedRestore{s("vlan.100"), 1'700'000'960'000, s("boot-a"), 180'000, s("carol")}};
    return state;
}

AdvertHistory::Entry advert(qint64 timeMs, quint64 counter,
                            AdvertHistory::Verdict verdict = AdvertHistory::Verdict::Accepted)
{
    AdvertHistory::Entry e;
    e.timeMs = timeMs;
    e.interface = 0;       // the first name an AdvertHistory numbered
    e.source = 0xC000020C; // 192.0.2.12
    e.vhid = 7;
    e.advbase = 1;
    e.advskew = 100;
    e.demote = 0;
    e.counter = counter;
    e.verdict = verdict;
    return e;
}

} // namespace

class TestAgentStateStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();

    void missingFileIsEmptyState();
    void roundTrip();
    void overwrites();
    void modeAndDirectory();
    void modeOfExistingFileTightenedFolderKept();
    void humanReadable();
    void refuses_data();
    void refuses();
    void unreadableNamed();
    void saveFailsNamed();
    void setAside();

    void advertsWindow();
    void advertsFields();
    void advertsCapacity();
    void advertsKeepTime();

    void logRingLast();
    void logRingCapacity();

private:
    QString dir(const char* relative) const { return m_tmp->filePath(QString::fromLatin1(relative)); }
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestAgentStateStore::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestAgentStateStore::missingFileIsEmptyState()
{
    const AgentStateStore store(dir("nowhere/state"));
    QCOMPARE(store.path(), dir("nowhere/state/state.json"));
    const AgentStateStore::Loaded loaded = store.load();
    QCOMPARE(loaded.error, QString());
    QVERIFY(loaded.state == AgentStateStore::State{});
    QVERIFY(!loaded.state.maintenance);
    QVERIFY(loaded.state.restores.isEmpty());
    QVERIFY(!QFileInfo::exists(dir("nowhere"))); // loading creates nothing
}

void TestAgentStateStore::roundTrip()
{
    const AgentStateStore store(dir("state"));
    QCOMPARE(store.save(sampleState()), QString());
    const AgentStateStore::Loaded loaded = store.load();
    QCOMPARE(loaded.error, QString());
    QCOMPARE(loaded.state.maintenance, true);
    QCOMPARE(loaded.state.restores, sampleState().restores);
    QVERIFY(loaded.state == sampleState());
    // Another store on the same directory (the agent after a restart) reads the same.
    QVERIFY(AgentStateStore(dir("state")).load().state == sampleState());
}

void TestAgentStateStore::overwrites()
{
    const AgentStateStore store(dir("state"));
    QCOMPARE(store.save(sampleState()), QString());
    AgentStateStore::State after;
    after.restores = {SavedRestore{s("eth2"), 42, {}, 0, s("bob")}};
    QCOMPARE(store.save(after), QString());
    QVERIFY(store.load().state == after);
    QCOMPARE(store.save(AgentStateStore::State{}), QString());
    const AgentStateStore::Loaded empty = store.load();
    QCOMPARE(empty.error, QString());
    QVERIFY(empty.state == AgentStateStore::State{});
    // Nothing but the file itself is left behind (QSaveFile's temporary is renamed into place).
    QCOMPARE(QDir(dir("state")).entryList(QDir::Files | QDir::Hidden), QStringList{s("state.json")});
}

void TestAgentStateStore::modeAndDirectory()
{
    const Umask open(0); // whatever the umask, the file is 0600 and the directory 0700
    const AgentStateStore store(dir("var/lib/baton"));
    QVERIFY(!QFileInfo::exists(dir("var")));
    QCOMPARE(store.save(sampleState()), QString());
    QVERIFY(QFileInfo(dir("var/lib/baton")).isDir());
    QCOMPARE(mode(dir("var/lib/baton")), 0700);
    QCOMPARE(mode(store.path()), 0600);
}

void TestAgentStateStore::modeOfExistingFileTightenedFolderKept()
{
    const AgentStateStore store(dir("state"));
    QVERIFY(QDir().mkpath(dir("state")));
    QVERIFY(writeFile(store.path(), "{}"));
    QVERIFY(::chmod(QFile::encodeName(store.path()).constData(), 0644) == 0);
    QVERIFY(::chmod(QFile::encodeName(dir("state")).constData(), 0755) == 0);
    QCOMPARE(store.save(sampleState()), QString());
    QCOMPARE(mode(store.path()), 0600);
    // The folder was the administrator's (a shared /var/lib/x, a bind mount): its mode is theirs.
    QCOMPARE(mode(dir("state")), 0755);
}

void TestAgentStateStore::humanReadable()
{
    // JSON an administrator can read: the deadline also as an ISO date.
    const AgentStateStore store(dir("state"));
    QCOMPARE(store.save(sampleState()), QString());
    const QByteArray text = readFile(store.path());
    QVERIFY2(text.contains("\"version\": 1"), text.constData());
    QVERIFY2(text.contains("\"maintenance\": true"), text.constData());
    QVERIFY2(text.contains("\"interface\": \"vlan.100\""), text.constData());
    QVERIFY2(text.contains("2023-11-14T22:28:20.123Z"), text.constData()); // 1'700'000'900'123 ms
}

void TestAgentStateStore::refuses_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    const QString notAnObject = s("not a JSON object");
    const QString notJson = s("not valid JSON");
    const QString version = s("unknown version");
    const QString badRestore = s("a restore without interface or deadline");
    QTest::newRow("empty file") << QByteArray() << notJson;
    QTest::newRow("truncated JSON") << QByteArray(R"({"version": 1, "maintenance": false, "restores": [)")
                                    << notJson;
    QTest::newRow("binary garbage") << QByteArray("\x00\x01\xfe\xff", 4) << notJson;
    QTest::newRow("an array") << QByteArray("[1, 2]") << notAnObject;
    QTest::newRow("a string") << QByteArray(R"("state")") << notJson;
    QTest::newRow("no version") << QByteArray(R"({"maintenance": true})") << version;
    QTest::newRow("version 2") << QByteArray(R"({"version": 2, "maintenance": true})") << version;
    QTest::newRow("version 0") << QByteArray(R"({"version": 0})") << version;
    QTest::newRow("version as string") << QByteArray(R"({"version": "1"})") << version;
    QTest::newRow("restore without interface")
        << QByteArray(
               R"({"version": 1, "maintenance": false, "restores": [{"deadline_ms": 1700000900000, "by": "alice"}]})")
        << badRestore;
    QTest::newRow("restore with empty interface")
        << QByteArray(
               R"({"version": 1, "maintenance": false, "restores": [{"interface": "", "deadline_ms": 1700000900000}]})")
        << badRestore;
    QTest::newRow("restore with interface as number")
        << QByteArray(
               R"({"version": 1, "maintenance": false, "restores": [{"interface": 3, "deadline_ms": 1700000900000}]})")
        << badRestore;
    QTest::newRow("restore without deadline")
        << QByteArray(
               R"({"version": 1, "maintenance": false, "restores": [{"interface": "eth0", "by": "alice"}]})")
        << badRestore;
    QTest::newRow("restore with deadline 0")
        << QByteArray(
               R"({"version": 1, "maintenance": false, "restores": [{"interface": "eth0", "deadline_ms": 0}]})")
        << badRestore;
    QTest::newRow("restore with deadline as string")
        << QByteArray(
               R"({"version": 1, "maintenance": false, "restores": [{"interface": "eth0", "deadline_ms": "soon"}]})")
        << badRestore;
    const QString types = QStringLiteral("'maintenance' must be true or false and 'restores' a list");
    QTest::newRow("maintenance as string")
        << QByteArray(R"({"version": 1, "maintenance": "yes", "restores": []})") << types;
    QTest::newRow("restores as object")
        << QByteArray(R"({"version": 1, "maintenance": false, "restores": {}})") << types;
    QTest::newRow("no restores") << QByteArray(R"({"version": 1, "maintenance": false})") << types;
    QTest::newRow("second restore bad")
        << QByteArray(
               R"({"version": 1, "maintenance": false, "restores": [{"interface": "eth0", "deadline_ms": 5}, 7]})")
        << badRestore;
}

void TestAgentStateStore::refuses()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    const AgentStateStore store(dir("state"));
    QVERIFY(QDir().mkpath(dir("state")));
    QVERIFY(writeFile(store.path(), content));
    const AgentStateStore::Loaded loaded = store.load();
    QVERIFY2(loaded.error.startsWith(QString(store.path() + u": ")), qPrintable(loaded.error));
    QVERIFY2(loaded.error.contains(problem), qPrintable(loaded.error));
}

void TestAgentStateStore::unreadableNamed()
{
    if (::geteuid() == 0)
        QSKIP("root reads every file");
    const AgentStateStore store(dir("state"));
    QCOMPARE(store.save(sampleState()), QString());
    QVERIFY(QFile::setPermissions(store.path(), QFileDevice::WriteOwner));
    const AgentStateStore::Loaded loaded = store.load();
    QVERIFY2(loaded.error.contains(store.path()) &&
                 loaded.error.contains(QLatin1StringView("Permission denied")),
             qPrintable(loaded.error));
}

void TestAgentStateStore::saveFailsNamed()
{
    // The state directory's parent is a file: nothing can be created there.
    QVERIFY(writeFile(dir("blocker"), "not a directory\n"));
    const AgentStateStore store(dir("blocker/state"));
    const QString error = store.save(sampleState());
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(dir("blocker/state")), qPrintable(error));
    QCOMPARE(readFile(dir("blocker")), QByteArray("not a directory\n"));
}

void TestAgentStateStore::setAside()
{
    const AgentStateStore store(dir("state"));
    QVERIFY(QDir().mkpath(dir("state")));
    QVERIFY(writeFile(store.path(), "{ damaged"));
    QVERIFY(!store.load().error.isEmpty());
    store.setAside();
    QVERIFY(!QFileInfo::exists(store.path()));
    QCOMPARE(readFile(QString(store.path() + u".bad")), QByteArray("{ damaged"));
    const AgentStateStore::Loaded after = store.load();
    QCOMPARE(after.error, QString());
    QVERIFY(after.state == AgentStateStore::State{});

    // A second damaged file replaces the first one set aside; the next save starts clean.
    QVERIFY(writeFile(store.path(), "[]"));
    store.setAside();
    QCOMPARE(readFile(QString(store.path() + u".bad")), QByteArray("[]"));
    QCOMPARE(store.save(sampleState()), QString());
    QVERIFY(store.load().state == sampleState());
}

void TestAgentStateStore::advertsWindow()
{
    AdvertHistory history;
    const qint64 now = 1'700'000'100'000;
    for (int i = 0; i < 10; ++i) // one a second, the newest 1 s ago
        history.record(advert(now - (10 - i) * 1000, static_cast<quint64>(i)));
    QCOMPARE(history.size(), qsizetype{10});

    const QList<AdvertRecord> lastFive = history.since(now, 5);
    QCOMPARE(lastFive.size(), qsizetype{5}); // 5 s ago exactly counts
    QCOMPARE(lastFive.first().timeMs, now - 5000);
    QCOMPARE(lastFive.last().timeMs, now - 1000);
    for (qsizetype i = 1; i < lastFive.size(); ++i) // oldest first
        QVERIFY(lastFive.at(i).timeMs > lastFive.at(i - 1).timeMs);
    QCOMPARE(history.since(now, 60).size(), qsizetype{10});
    QCOMPARE(history.since(now, 1).size(), qsizetype{1});
    QCOMPARE(history.since(now - 20'000, 1).size(), qsizetype{10}); // nothing newer than "now" is dropped
    QCOMPARE(AdvertHistory().since(now, 300).size(), qsizetype{0});
}

void TestAgentStateStore::advertsFields()
{
    AdvertHistory history;
    const quint16 eth0 = history.interfaceId(s("eth0"));
    const quint16 vlan = history.interfaceId(s("vlan.100"));
    QCOMPARE(history.interfaceId(s("eth0")), eth0); // the same name, the same number
    QVERIFY(vlan != eth0);
    AdvertHistory::Entry sent = advert(5000, 0xdeadbeefcafe0001ULL, AdvertHistory::Verdict::Sent);
    sent.source = 0xC000020B; // 192.0.2.11
    sent.demote = 3;
    history.record(sent);
    AdvertHistory::Entry onVlan = advert(5100, 2, AdvertHistory::Verdict::Rejected);
    onVlan.interface = vlan;
    history.record(onVlan);
    AdvertHistory::Entry rejected = advert(5200, 3, AdvertHistory::Verdict::Rejected);
    rejected.detail = static_cast<quint8>(CarpReject::BadHmac);
    history.record(rejected);
    AdvertHistory::Entry ignored = advert(5300, 4, AdvertHistory::Verdict::Ignored);
    ignored.detail = static_cast<quint8>(AdvertGuard::Sign::ReplayedCounter);
    history.record(ignored);
    const QList<AdvertRecord> all = history.since(6000, 60);
    QCOMPARE(all.size(), qsizetype{4});
    const AdvertRecord expected{5000, true, s("eth0"), s("192.0.2.11"),       7,
                                1,    100,  3,         0xdeadbeefcafe0001ULL, s("sent")};
    QVERIFY(all.first() == expected);
    QCOMPARE(all.at(1).interface, s("vlan.100"));
    QCOMPARE(all.at(2).interface, s("eth0"));
    QCOMPARE(all.at(2).verdict, s("bad-hmac"));
    QVERIFY(!all.at(2).sent);
    QCOMPARE(all.at(3).verdict, s("ignored-replayed-counter"));
}

void TestAgentStateStore::advertsCapacity()
{
    AdvertHistory history;
    const qint64 t = 1'000'000;
    const auto extra = 10;
    for (qsizetype i = 0; i < AdvertHistory::Capacity + extra; ++i)
        history.record(advert(t, static_cast<quint64>(i)));
    QCOMPARE(history.size(), AdvertHistory::Capacity);
    const QList<AdvertRecord> all = history.since(t, 300);
    QCOMPARE(all.size(), AdvertHistory::Capacity);
    // The oldest went first.
    QCOMPARE(all.first().counter, quint64{extra});
    QCOMPARE(all.last().counter, quint64(AdvertHistory::Capacity + extra - 1));
}

void TestAgentStateStore::advertsKeepTime()
{
    AdvertHistory history;
    history.record(advert(0, 1));
    history.record(advert(1000, 2));
    history.record(advert(AdvertHistory::KeepMs + 1, 3)); // the first is now older than KeepMs
    QCOMPARE(history.size(), qsizetype{2});
    QCOMPARE(history.since(AdvertHistory::KeepMs + 1, 300).size(), qsizetype{2}); // 300 s == KeepMs
    history.record(advert(AdvertHistory::KeepMs + 1000, 4)); // exactly KeepMs after the second: kept
    QCOMPARE(history.size(), qsizetype{3});
    history.record(advert(10 * AdvertHistory::KeepMs, 5)); // a long silence drops everything before
    QCOMPARE(history.size(), qsizetype{1});
    QCOMPARE(history.since(10 * AdvertHistory::KeepMs, 300).first().counter, quint64{5});
}

void TestAgentStateStore::logRingLast()
{
    LogRing& ring = LogRing::instance();
    QCOMPARE(&ring, &LogRing::instance()); // one ring for the process
    for (int i = 0; i < 5; ++i)
        ring.append(QString(u"last test " + QString::number(i)));
    QCOMPARE(ring.last(3), (QStringList{s("last test 2"), s("last test 3"), s("last test 4")}));
    QCOMPARE(ring.last(1), QStringList{s("last test 4")});
    QCOMPARE(ring.last(0), QStringList());
    QCOMPARE(ring.last(-5), QStringList());
}

void TestAgentStateStore::logRingCapacity()
{
    LogRing& ring = LogRing::instance();
    const qsizetype total = LogRing::Capacity + 25;
    for (qsizetype i = 0; i < total; ++i)
        ring.append(QString(u"capacity test " + QString::number(i)));
    const QStringList all = ring.last(LogRing::Capacity + 500);
    QCOMPARE(all.size(), LogRing::Capacity);
    QCOMPARE(all.first(), QString(u"capacity test " + QString::number(total - LogRing::Capacity)));
    QCOMPARE(all.last(), QString(u"capacity test " + QString::number(total - 1)));
    QCOMPARE(ring.last(LogRing::Capacity), all);
}

QTEST_GUILESS_MAIN(TestAgentStateStore)
#include "TestAgentStateStore.moc"
