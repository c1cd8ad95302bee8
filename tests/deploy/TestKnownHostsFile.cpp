// SPDX-License-Identifier: GPL-3.0-or-later
#include "KnownHostsFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace baton;

class TestKnownHostsFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainEntries()
    {
        QCOMPARE(KnownHostsFile::line(QStringLiteral("192.0.2.11"), 22, "ssh-ed25519", "AAAAkey", false),
                 QByteArray("192.0.2.11 ssh-ed25519 AAAAkey"));
        QCOMPARE(KnownHostsFile::line(QStringLiteral("192.0.2.11"), 2222, "ssh-ed25519", "AAAAkey", false),
                 QByteArray("[192.0.2.11]:2222 ssh-ed25519 AAAAkey"));
    }

    // The hash computed independently: printf %s 192.0.2.11 | openssl dgst -sha1 -mac HMAC
    // -macopt hexkey:(20 zero bytes) -binary | base64
    void hashedEntryAsOpenSshWritesIt()
    {
        const QByteArray salt(20, '\0');
        const QByteArray line =
            KnownHostsFile::line(QStringLiteral("192.0.2.11"), 22, "ssh-ed25519", "AAAAkey", true, salt);
        QCOMPARE(
            line,
            QByteArray("|1|AAAAAAAAAAAAAAAAAAAAAAAAAAA=|q7+cM5a8VyeeFj7Yq+trZ4Phdag= ssh-ed25519 AAAAkey"));
        const QByteArray field = line.split(' ').first();
        QVERIFY(KnownHostsFile::hashedMatches(field, QStringLiteral("192.0.2.11"), 22));
        QVERIFY(!KnownHostsFile::hashedMatches(field, QStringLiteral("192.0.2.11"), 2222));
        QVERIFY(!KnownHostsFile::hashedMatches(field, QStringLiteral("192.0.2.12"), 22));
        const QByteArray random = KnownHostsFile::line(QStringLiteral("h"), 22, "t", "k", true);
        QVERIFY(random != KnownHostsFile::line(QStringLiteral("h"), 22, "t", "k", true));
    }

    void appendCreatesPrivateFileAndKeepsLines()
    {
        QTemporaryDir home;
        const QString file = home.filePath(QStringLiteral("ssh/known_hosts"));
        QString error;
        QVERIFY2(KnownHostsFile::append(file, "a t k", &error), qPrintable(error));
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        QCOMPARE(::stat(QFile::encodeName(home.filePath(QStringLiteral("ssh"))).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0700u);
        QFile f(file);
        QVERIFY(f.open(QIODevice::Append));
        f.write("b t k"); // no final newline
        f.close();
        QVERIFY(KnownHostsFile::append(file, "c t k", &error));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("a t k\nb t k\nc t k\n"));
    }

    void unwritableFileIsNamed()
    {
        QString error;
        QVERIFY(!KnownHostsFile::append(QStringLiteral("/proc/no/such/known_hosts"), "a t k", &error));
        QVERIFY(error.contains(QStringLiteral("/proc/no/such")));
    }
};

QTEST_GUILESS_MAIN(TestKnownHostsFile)
#include "TestKnownHostsFile.moc"
