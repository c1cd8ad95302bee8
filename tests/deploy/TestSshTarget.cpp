// SPDX-License-Identifier: GPL-3.0-or-later
#include "SshTarget.h"

#include <QTemporaryDir>
#include <QTest>

using namespace baton;

class TestSshTarget : public QObject
{
    Q_OBJECT

private:
    static SshTarget resolve(const QString& spec, const QString& config, const QString& user = {})
    {
        QString error;
        const auto target = SshTarget::resolve(spec, user, config, QStringLiteral("/home/ann"),
                                               QStringLiteral("ann"), &error);
        if (!target)
            qWarning() << error;
        return target.value_or(SshTarget{});
    }

private Q_SLOTS:
    void plainHostUsesDefaults()
    {
        const SshTarget t = resolve(QStringLiteral("192.0.2.11"), {});
        QCOMPARE(t.hostName, QStringLiteral("192.0.2.11"));
        QCOMPARE(t.user, QStringLiteral("ann"));
        QCOMPARE(t.port, quint16(22));
        QCOMPARE(t.knownHostsFile, QStringLiteral("/home/ann/.ssh/known_hosts"));
        QVERIFY(t.identityFiles.isEmpty());
        QVERIFY(!t.viaJumpHost());
    }

    void specUserAndPortWin()
    {
        const QString config = QStringLiteral("Host node1\n  User admin\n  Port 2200\n");
        const SshTarget t = resolve(QStringLiteral("root@node1:2222"), config, QStringLiteral("ops"));
        QCOMPARE(t.user, QStringLiteral("root"));
        QCOMPARE(t.port, quint16(2222));
        const SshTarget fromConfig = resolve(QStringLiteral("node1"), config, QStringLiteral("ops"));
        QCOMPARE(fromConfig.user, QStringLiteral("admin"));
        QCOMPARE(fromConfig.port, quint16(2200));
    }

    void aliasResolvesFirstValueWins()
    {
        const QString config = QStringLiteral("# servers\n"
                                              "Host node1 node2\n"
                                              "    HostName 192.0.2.11\n"
                                              "    IdentityFile ~/.ssh/baton_%h\n"
                                              "Host node*\n"
                                              "    HostName 192.0.2.99\n"
                                              "    User=root\n"
                                              "    IdentityFile \"%d/.ssh/second key\"\n"
                                              "    HashKnownHosts yes\n"
                                              "    ProxyJump none\n"
                                              "Host *\n"
                                              "    Port 2222\n"
                                              "    UserKnownHostsFile ~/.ssh/known_%r\n");
        const SshTarget t = resolve(QStringLiteral("node1"), config);
        QCOMPARE(t.hostName, QStringLiteral("192.0.2.11"));
        QCOMPARE(t.user, QStringLiteral("root"));
        QCOMPARE(t.port, quint16(2222));
        QCOMPARE(t.identityFiles, (QStringList{QStringLiteral("/home/ann/.ssh/baton_192.0.2.11"),
                                               QStringLiteral("/home/ann/.ssh/second key")}));
        QVERIFY(t.hashKnownHosts);
        QVERIFY(!t.viaJumpHost());
        QCOMPARE(t.knownHostsFile, QStringLiteral("/home/ann/.ssh/known_root"));
        QVERIFY(t.configuredKeys.contains(QStringLiteral("HostName")));
        QVERIFY(t.describe(QStringLiteral("/home/ann")).contains(QStringLiteral("~/.ssh/baton_192.0.2.11")));
    }

    void negatedPatternExcludes()
    {
        const QString config = QStringLiteral("Host * !bastion\n  User deploy\n");
        QCOMPARE(resolve(QStringLiteral("node1"), config).user, QStringLiteral("deploy"));
        QCOMPARE(resolve(QStringLiteral("bastion"), config).user, QStringLiteral("ann"));
    }

    void proxyJumpIsShownNotIgnored()
    {
        const SshTarget t =
            resolve(QStringLiteral("inner"), QStringLiteral("Host inner\n ProxyJump admin@jump:22\n"));
        QVERIFY(t.viaJumpHost());
        QCOMPARE(t.proxyJump, QStringLiteral("admin@jump:22"));
        QVERIFY(t.describe({}).contains(QStringLiteral("ProxyJump admin@jump:22")));
        const SshTarget command =
            resolve(QStringLiteral("inner"), QStringLiteral("Host inner\n ProxyCommand nc %h 22\n"));
        QVERIFY(command.viaJumpHost());
    }

    void includeIsRead()
    {
        QTemporaryDir home;
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".ssh/conf.d")));
        QFile included(home.filePath(QStringLiteral(".ssh/conf.d/lab.conf")));
        QVERIFY(included.open(QIODevice::WriteOnly));
        included.write("Host lab\n  HostName 192.0.2.12\n");
        included.close();
        QString error;
        const auto t =
            SshTarget::resolve(QStringLiteral("lab"), {}, QStringLiteral("Include conf.d/*.conf\n"),
                               home.path(), QStringLiteral("ann"), &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->hostName, QStringLiteral("192.0.2.12"));
    }

    void badInputIsRefused()
    {
        QString error;
        QVERIFY(!SshTarget::resolve(QStringLiteral("a b"), {}, {}, QStringLiteral("/h"), QStringLiteral("u"),
                                    &error));
        QVERIFY(error.contains(QStringLiteral("'a b'")));
        QVERIFY(!SshTarget::resolve(QStringLiteral("h"), {}, QStringLiteral("Host h\n Port 70000\n"),
                                    QStringLiteral("/h"), QStringLiteral("u"), &error));
        QVERIFY(error.contains(QStringLiteral("70000")));
    }
};

QTEST_GUILESS_MAIN(TestSshTarget)
#include "TestSshTarget.moc"
