// SPDX-License-Identifier: GPL-3.0-or-later
// Whatever the writer produces, the parser reads back to an equal AgentConfig.
#include "ConfigTestSupport.h"
#include "config/AgentConfigParser.h"
#include "config/AgentConfigWriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using namespace baton::test;

Q_DECLARE_METATYPE(baton::AgentConfig)

namespace {

GroupConfig basicGroup()
{
    GroupConfig g;
    g.interface = QStringLiteral("eth0");
    g.source = 0xC000020B; // 192.0.2.11
    g.vhid = 1;
    g.vips = {{0xC000020A, 24}};
    g.vipLabel = GroupConfig::defaultVipLabel(g.interface);
    g.password = "secret";
    return g;
}

AgentConfig withGroup(const GroupConfig& group)
{
    AgentConfig config;
    config.groups = {group};
    return config;
}

} // namespace

class TestAgentConfigWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("vhid1.pass")), "from_file\n",
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }

    void roundTrip_data()
    {
        QTest::addColumn<AgentConfig>("config");
        QTest::newRow("minimal") << withGroup(basicGroup());

        GroupConfig full = basicGroup();
        full.vips.append({0xC0000214, 32});
        full.vipLabel = QStringLiteral("eth0:ucarp");
        full.advbase = 0;
        full.advskew = 200;
        full.deadratio = 100;
        full.preempt = true;
        full.multicastGroup = 0xEFC00001; // 239.192.0.1
        full.hooks = {QStringLiteral("/etc/baton/vip up"), QStringLiteral("/etc/baton/vip-down"),
                      QStringLiteral("x # \"y\" \\z "), 3600};
        AgentConfig everything = withGroup(full);
        everything.stateDir = QStringLiteral("/srv/baton state");
        everything.control.listenAddress = QStringLiteral("192.0.2.11");
        everything.control.port = 9000;
        everything.control.caFile = QStringLiteral("/etc/baton/pki/ca.pem");
        everything.control.certFile = QStringLiteral("/etc/baton/pki/agent.pem");
        everything.control.keyFile = QStringLiteral("/etc/baton/pki/agent.key");
        QTest::newRow("every key") << everything;

        for (const char* password : {"a#b", "a #b", " lead", "trail ", "q\"uote", "back\\slash", "\"", "\\",
                                     "p\u00e4ss", "0123456789012345678", ";semi", "[x]", "a = b"}) {
            GroupConfig g = basicGroup();
            g.password = password;
            QTest::addRow("password %s", password) << withGroup(g);
        }

        GroupConfig noLabel = basicGroup();
        noLabel.vipLabel.clear();
        QTest::newRow("no label although a default exists") << withGroup(noLabel);

        GroupConfig longName = basicGroup();
        longName.interface = QStringLiteral("enx00e04c680001");
        longName.vipLabel.clear();
        QTest::newRow("long interface, no label possible") << withGroup(longName);

        GroupConfig fromFile = basicGroup();
        fromFile.password = "from_file";
        fromFile.passwordFile = m_dir.filePath(QStringLiteral("vhid1.pass"));
        QTest::newRow("password from a file") << withGroup(fromFile);

        AgentConfig two = withGroup(basicGroup());
        GroupConfig second = basicGroup();
        second.vhid = 2;
        second.interface = QStringLiteral("eth1");
        second.vipLabel = QStringLiteral("eth1:baton");
        second.vips = {{0xC6336414, 24}};
        second.advskew = 100;
        two.groups.append(second);
        QTest::newRow("two groups") << two;

        AgentConfig ipv6 = withGroup(basicGroup());
        ipv6.control.listenAddress = QStringLiteral("2001:db8::11");
        ipv6.control.caFile = QStringLiteral("/a");
        ipv6.control.certFile = QStringLiteral("/b");
        ipv6.control.keyFile = QStringLiteral("/c");
        QTest::newRow("ipv6 listener") << ipv6;

        AgentConfig peer = everything;
        peer.control.peerAddress = QStringLiteral("192.0.2.12");
        peer.control.peerListenAddress = peer.control.listenAddress; // what the reader fills in
        QTest::newRow("peer link, listening where consoles do") << peer;
        peer.control.listenAddress.clear();
        peer.control.port = 7112; // not written without an address
        peer.control.peerPort = 9001;
        peer.control.peerListenAddress = QStringLiteral("192.0.2.11");
        peer.control.peerListenPort = 9002;
        QTest::newRow("peer link without a control listener") << peer;
        AgentConfig listenOnly = everything;
        listenOnly.control.peerListenAddress = listenOnly.control.listenAddress; // said, but no partner
        QTest::newRow("peer-listen without a partner") << listenOnly;

        AgentConfig tlsOnly = withGroup(basicGroup());
        tlsOnly.control.caFile = QStringLiteral("/a");
        QTest::newRow("tls file without listener") << tlsOnly;
    }

    void roundTrip()
    {
        QFETCH(AgentConfig, config);
        const QString text = AgentConfigWriter::write(config);
        const ConfigResult result = AgentConfigParser::parseText(text, QStringLiteral("generated.conf"));
        QVERIFY2(result.ok(), qPrintable(allErrors(result) + u'\n' + text));
        if ((config.control.listenAddress.isEmpty() && config.control.peerAddress.isEmpty() &&
             config.control != ControlConfig{}) ||
            (config.control.peerAddress.isEmpty() && !config.control.peerListenAddress.isEmpty()))
            QCOMPARE(result.warnings.size(),
                     1); // TLS files without a listener, peer-listen without peer: said
        else
            QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
        QVERIFY2(result.config == config, qPrintable(text));
        // Writing what was read gives the same text: the writer is a fixed point.
        QCOMPARE(AgentConfigWriter::write(result.config), text);
    }

    void value_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << QStringLiteral("secret") << QStringLiteral("secret");
        QTest::newRow("hash without space") << QStringLiteral("a#b") << QStringLiteral("\"a#b\"");
        QTest::newRow("inner space") << QStringLiteral("a b") << QStringLiteral("a b");
        QTest::newRow("leading space") << QStringLiteral(" a") << QStringLiteral("\" a\"");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
        QTest::newRow("quote") << QStringLiteral("a\"b") << QStringLiteral("\"a\\\"b\"");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("\"a\\\\b\"");
        QTest::newRow("path") << QStringLiteral("/etc/baton/x") << QStringLiteral("/etc/baton/x");
    }

    void value()
    {
        QFETCH(QString, text);
        QFETCH(QString, written);
        QCOMPARE(AgentConfigWriter::value(text), written);
    }

    void layout()
    {
        GroupConfig g = basicGroup();
        g.hooks.upScript = QStringLiteral("/etc/baton/up");
        const QString text = AgentConfigWriter::write(withGroup(g));
        QVERIFY(text.startsWith(QStringLiteral("# batond configuration, generated by Baton.\n")));
        QVERIFY(text.contains(QStringLiteral("\n[vhid 1]\ninterface       = eth0\n")));
        QVERIFY(text.contains(QStringLiteral("\npassword        = secret\n")));
        QVERIFY(text.contains(QStringLiteral("\nvip-label       = eth0:baton\n")));
        QVERIFY(text.contains(QStringLiteral("\npreempt         = no\n")));
        QVERIFY(text.contains(QStringLiteral("\nup-hook         = /etc/baton/up\n")));
        QVERIFY(!text.contains(QStringLiteral("down-hook")));
        QVERIFY(!text.contains(QStringLiteral("hook-timeout")));
        QVERIFY(!text.contains(QStringLiteral("[control]")));
        QVERIFY(text.endsWith(u'\n'));
    }

    void passwordFileStaysInItsFile()
    {
        GroupConfig g = basicGroup();
        g.password = "from_file";
        g.passwordFile = m_dir.filePath(QStringLiteral("vhid1.pass"));
        const QString text = AgentConfigWriter::write(withGroup(g));
        QVERIFY(!text.contains(QStringLiteral("from_file")));
        QVERIFY(text.contains(QStringLiteral("password-file   = ") + g.passwordFile));
    }
};

QTEST_GUILESS_MAIN(TestAgentConfigWriter)
#include "TestAgentConfigWriter.moc"
