// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster list on disk: round trip, 0600 (it holds CARP passwords), atomic replacement, and a
// file that cannot be read gives a clear error and is never overwritten.
#include "cluster/ClusterStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace baton;

namespace {
ClusterDefinition cluster(const QString& name, quint32 vipLast = 10)
{
    ClusterDefinition d;
    d.name = name;
    d.vip = {0xC0000200 | vipLast, 24};
    d.vhid = 7;
    d.password = QStringLiteral("s3cret");
    d.pkiDir = QStringLiteral("/home/admin/.local/share/baton/pki");
    d.nodes[0] = {QStringLiteral("node1"), 0xC000020B, QString(), 7112, QStringLiteral("eth0"), 0};
    d.nodes[1] = {QStringLiteral("node2"), 0xC000020C, QStringLiteral("10.0.0.12"), 7113,
                  QStringLiteral("ens3"),  100};
    return d;
}

int mode(const QString& path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 07777);
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void write(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}
} // namespace

class TestClusterStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_count = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("case%1/clusters.json").arg(++m_count)); }

private Q_SLOTS:
    void missingFileIsAnEmptyList()
    {
        ClusterStore store(freshPath());
        QString error;
        QVERIFY(store.load(&error));
        QCOMPARE(store.size(), 0);
        QVERIFY(store.loadError().isEmpty());
        QVERIFY(!QFile::exists(store.path())); // loading writes nothing
    }

    void roundTrip()
    {
        const QString path = freshPath();
        ClusterStore store(path);
        QString error;
        QVERIFY(store.load(&error));
        QVERIFY2(store.add(cluster(QStringLiteral("web")), &error), qPrintable(error));
        ClusterDefinition second = cluster(QStringLiteral("mail"), 20);
        second.preempt = true;
        second.deadratio = 5;
        QVERIFY2(store.add(second, &error), qPrintable(error));

        ClusterStore reread(path);
        QVERIFY2(reread.load(&error), qPrintable(error));
        QCOMPARE(reread.size(), 2);
        QVERIFY(reread.clusters().at(0) == cluster(QStringLiteral("web")));
        QVERIFY(reread.clusters().at(1) == second);
        QCOMPARE(reread.indexOf(QStringLiteral("mail")), 1);
        QCOMPARE(reread.indexOf(QStringLiteral("nope")), -1);

        ClusterDefinition changed = second;
        changed.vhid = 9;
        QVERIFY(reread.replace(1, changed, &error));
        QVERIFY(reread.remove(0, &error));
        ClusterStore third(path);
        QVERIFY(third.load(&error));
        QCOMPARE(third.size(), 1);
        QVERIFY(third.clusters().at(0) == changed);
        QVERIFY(contents(path).contains("\"format\": \"baton-clusters\""));
    }

    void fileIsPrivate()
    {
        const QString path = freshPath();
        ClusterStore store(path);
        QString error;
        QVERIFY(store.load(&error));
        QVERIFY(store.add(cluster(QStringLiteral("web")), &error));
        QCOMPARE(mode(path), 0600);
        QVERIFY(contents(path).contains("s3cret")); // why it must be private
        // Also when replacing a file someone made readable.
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ReadOther));
        QVERIFY(store.add(cluster(QStringLiteral("mail")), &error));
        QCOMPARE(mode(path), 0600);
        // A folder it had to create is private too.
        QCOMPARE(mode(QFileInfo(path).absolutePath()), 0700);
    }

    void namesAreUnique()
    {
        ClusterStore store(freshPath());
        QString error;
        QVERIFY(store.load(&error));
        QVERIFY(store.add(cluster(QStringLiteral("web")), &error));
        QVERIFY(store.add(cluster(QStringLiteral("mail")), &error));
        QVERIFY(!store.add(cluster(QStringLiteral("web")), &error));
        QVERIFY(error.contains(QStringLiteral("'web'")));
        QVERIFY(!store.replace(1, cluster(QStringLiteral("web")), &error));
        QVERIFY(store.replace(0, cluster(QStringLiteral("web")), &error)); // itself: fine
        QVERIFY(!store.remove(5, &error));
        QCOMPARE(store.size(), 2);
    }

    void corruptFileIsReportedAndKept_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not json") << QByteArray("{\n  \"format\": \"baton-clusters\",\n  oops\n}")
                                  << QStringLiteral("line 3: not valid JSON");
        QTest::newRow("not ours") << QByteArray("{\"hello\": 1}")
                                  << QStringLiteral("not a Baton cluster list");
        QTest::newRow("newer") << QByteArray(R"({"format": "baton-clusters", "version": 2, "clusters": []})")
                               << QStringLiteral("version 2");
        QTest::newRow("bad cluster")
            << QByteArray(R"({"format": "baton-clusters", "version": 1, "clusters": [{"name": "x"}]})")
            << QStringLiteral("cluster 1: vip:");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
    }

    void corruptFileIsReportedAndKept()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, problem);
        const QString path = freshPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        write(path, bytes);
        ClusterStore store(path);
        QString error;
        QVERIFY(!store.load(&error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(problem), qPrintable(error));
        QCOMPARE(store.loadError(), error);
        QCOMPARE(store.size(), 0);
        // Nothing is written over it, and the refusal says why.
        QString refusal;
        QVERIFY(!store.add(cluster(QStringLiteral("web")), &refusal));
        QVERIFY2(refusal.contains(QStringLiteral("not changed")) && refusal.contains(path),
                 qPrintable(refusal));
        QCOMPARE(contents(path), bytes);
        // Once repaired, it loads and may change again.
        QFile::remove(path);
        QVERIFY(store.load(&error));
        QVERIFY(store.add(cluster(QStringLiteral("web")), &error));
    }

    void unreadableFolderFailsCleanly()
    {
        // A path below a regular file cannot be created: the change is refused, the list unchanged.
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        write(blocker, "x");
        ClusterStore store(blocker + QStringLiteral("/clusters.json"));
        QString error;
        QVERIFY(store.load(&error));
        QVERIFY(!store.add(cluster(QStringLiteral("web")), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(store.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestClusterStore)
#include "TestClusterStore.moc"
