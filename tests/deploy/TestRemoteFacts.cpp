// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoteFacts.h"

#include <QProcess>
#include <QTest>

using namespace baton;

class TestRemoteFacts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesWhatTheScriptPrints()
    {
        const QByteArray output =
            "os-id=debian\nos-version=12\nos-pretty=Debian GNU/Linux 12 (bookworm)\n"
            "arch=amd64\nfree-kib=2048000\n"
            "package batond=ii  0.1.0\npackage batonctl=rc  0.1.0\npackage ucarp=\n"
            "file /etc/baton/batond.conf=root:root 600 abc123\nfile /etc/baton/pki/ca.pem=\n"
            "unit-enabled=enabled\nunit-active=active\nucarp-running=no\nkeepalived-running=no\n"
            "baton-user=yes\nbaton-group=no\ndefault-opts=\n"
            "address=lo 127.0.0.1/8\naddress=eth0 192.0.2.11/24\naddress=eth0 192.0.2.10/24\n"
            "ucarp=/etc/network/interfaces:7:  ucarp-vid 1\ndir=/etc/baton\ncache=yes\nend=1\n";
        QString error;
        const auto facts = RemoteFacts::parse(output, &error);
        QVERIFY2(facts, qPrintable(error));
        QVERIFY(facts->isDebian12());
        QCOMPARE(facts->architecture, QStringLiteral("amd64"));
        QCOMPARE(facts->freeKiB, 2048000);
        QVERIFY(facts->packages.value(QStringLiteral("batond")).installed);
        QCOMPARE(facts->packages.value(QStringLiteral("batond")).version, QStringLiteral("0.1.0"));
        QVERIFY(!facts->packages.value(QStringLiteral("batonctl")).installed); // config files only
        QVERIFY(!facts->packages.value(QStringLiteral("ucarp")).installed);
        const RemoteFacts::File conf = facts->files.value(QStringLiteral("/etc/baton/batond.conf"));
        QVERIFY(conf.exists);
        QCOMPARE(conf.mode, QStringLiteral("600"));
        QCOMPARE(conf.sha256, QStringLiteral("abc123"));
        QVERIFY(!facts->files.value(QStringLiteral("/etc/baton/pki/ca.pem")).exists);
        QVERIFY(facts->holdsAddress(QStringLiteral("192.0.2.10")));
        QVERIFY(!facts->holdsAddress(QStringLiteral("192.0.2.12")));
        QCOMPARE(facts->ucarpLines.size(), 1);
        QVERIFY(facts->batonUserExists);
        QVERIFY(!facts->batonGroupExists);
        QCOMPARE(facts->existingDirs, QStringList{QStringLiteral("/etc/baton")});
        QVERIFY(facts->cacheHasPackages);
        QVERIFY(!RemoteFacts::parse("os-id=debian\ncache=no\nend=1\n", &error)->cacheHasPackages);
        QVERIFY(facts->describe().join(u'\n').contains(QStringLiteral("batond 0.1.0")));
    }

    void otherSystemsAreNotDebian12()
    {
        QString error;
        const auto facts = RemoteFacts::parse("os-id=ubuntu\nos-version=22.04\nend=1\n", &error);
        QVERIFY(facts);
        QVERIFY(!facts->isDebian12());
        QVERIFY(!RemoteFacts::parse("os-id=debian\nos-version=11\nend=1\n", &error)->isDebian12());
    }

    void truncatedOutputIsRefused()
    {
        QString error;
        QVERIFY(!RemoteFacts::parse("os-id=debian\nos-version=12\n", &error));
        QVERIFY(error.contains(QStringLiteral("end")));
        QVERIFY(!RemoteFacts::parse("end=1\n", &error));
        QVERIFY(error.contains(QStringLiteral("os-release")));
    }

    // The script itself, run by this machine's sh: it must parse and finish (the test machine is
    // Debian 12, as CI's).
    void scriptRunsUnderSh()
    {
        QProcess sh;
        sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), RemoteFacts::script()});
        QVERIFY(sh.waitForFinished(20000));
        QString error;
        const auto facts = RemoteFacts::parse(sh.readAllStandardOutput(), &error);
        QVERIFY2(facts, qPrintable(error + QString::fromUtf8(sh.readAllStandardError())));
        QVERIFY(!facts->osId.isEmpty());
        QVERIFY(!facts->architecture.isEmpty());
        QVERIFY(facts->freeKiB > 0);
        QVERIFY(facts->holdsAddress(QStringLiteral("127.0.0.1")));
    }
};

QTEST_GUILESS_MAIN(TestRemoteFacts)
#include "TestRemoteFacts.moc"
