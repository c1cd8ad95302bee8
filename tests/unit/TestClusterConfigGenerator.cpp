// SPDX-License-Identifier: GPL-3.0-or-later
// Both nodes' agent configs from one cluster definition: a matched pair by construction.
#include "ConfigTestSupport.h"
#include "config/AgentConfigParser.h"
#include "config/AgentConfigWriter.h"
#include "config/ClusterConfigGenerator.h"

#include <QTest>

using namespace baton;
using namespace baton::test;

namespace {

ClusterDefinition twoNodes()
{
    ClusterDefinition d;
    d.name = QStringLiteral("web");
    d.vip = {0xC000020A, 24};
    d.vhid = 7;
    d.password = QStringLiteral("s3cret #1");
    d.advbase = 2;
    d.preempt = true;
    d.deadratio = 4;
    d.nodes[0] = {QStringLiteral("node1"), 0xC000020B, QString(), 7112, QStringLiteral("eth0"), 1};
    d.nodes[1] = {QStringLiteral("node2"), 0xC000020C, QStringLiteral("10.0.0.2"), 7200,
                  QStringLiteral("ens3"),  100};
    return d;
}

} // namespace

class TestClusterConfigGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodeConfig_data()
    {
        QTest::addColumn<int>("node");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        const auto row = [](int node, const char* field, const char* expected) {
            QTest::addRow("node %d %s", node, field)
                << node << QString::fromLatin1(field) << QString::fromUtf8(expected);
        };
        for (int node : {0, 1}) {
            row(node, "groups", "1");
            row(node, "vhid", "7");
            row(node, "vips", "192.0.2.10/24");
            row(node, "password", "s3cret #1");
            row(node, "advbase", "2");
            row(node, "deadratio", "4");
            row(node, "preempt", "true");
            row(node, "multicastGroup", "224.0.0.18");
            row(node, "hooks", ",,,30");
            row(node, "stateDir", "/var/lib/baton");
            row(node, "tls", "/etc/baton/pki/ca.pem,/etc/baton/pki/agent.pem,/etc/baton/pki/agent.key");
        }
        row(0, "interface", "eth0");
        row(1, "interface", "ens3");
        row(0, "source", "192.0.2.11");
        row(1, "source", "192.0.2.12");
        row(0, "advskew", "1");
        row(1, "advskew", "100");
        row(0, "vipLabel", "eth0:baton");
        row(1, "vipLabel", "ens3:baton");
        // The agent listens on its own address; agentAddress is only how the GUI reaches it.
        row(0, "listen", "192.0.2.11:7112");
        row(1, "listen", "192.0.2.12:7200");
    }

    void nodeConfig()
    {
        QFETCH(int, node);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const ConfigResult result = ClusterConfigGenerator::generate(twoNodes(), node);
        QVERIFY2(result.ok(), qPrintable(allErrors(result)));
        QCOMPARE(fieldText(result.config, field), expected);
    }

    void writtenConfigsParseBack()
    {
        for (int node : {0, 1}) {
            const ConfigResult generated = ClusterConfigGenerator::generate(twoNodes(), node);
            QVERIFY(generated.ok());
            const QString text = AgentConfigWriter::write(generated.config);
            const ConfigResult parsed = AgentConfigParser::parseText(text, QStringLiteral("node.conf"));
            QVERIFY2(parsed.ok(), qPrintable(allErrors(parsed) + u'\n' + text));
            QVERIFY2(parsed.warnings.isEmpty(), qPrintable(parsed.warnings.join(u'\n')));
            QVERIFY2(parsed.config == generated.config, qPrintable(text));
        }
    }

    void pairDiffersOnlyPerNode()
    {
        const AgentConfig a = ClusterConfigGenerator::generate(twoNodes(), 0).config;
        AgentConfig b = ClusterConfigGenerator::generate(twoNodes(), 1).config;
        QVERIFY(!(a == b));
        GroupConfig& g = b.groups.first();
        g.interface = a.groups.first().interface;
        g.source = a.groups.first().source;
        g.advskew = a.groups.first().advskew;
        g.vipLabel = a.groups.first().vipLabel; // follows the interface
        b.control.listenAddress = a.control.listenAddress;
        b.control.port = a.control.port;
        QVERIFY(a == b);
    }

    void longInterfaceHasNoLabel()
    {
        ClusterDefinition d = twoNodes();
        d.nodes[1].interface = QStringLiteral("enx00e04c680001");
        const ConfigResult result = ClusterConfigGenerator::generate(d, 1);
        QVERIFY(result.ok());
        QCOMPARE(result.config.groups.first().vipLabel, QString());
        const ConfigResult parsed = AgentConfigParser::parseText(AgentConfigWriter::write(result.config),
                                                                 QStringLiteral("node.conf"));
        QVERIFY(parsed.ok());
        QVERIFY(parsed.config == result.config);
    }

    void refusesInvalidDefinition()
    {
        ClusterDefinition d = twoNodes();
        d.nodes[1].address = d.nodes[0].address;
        d.password = QStringLiteral("01234567890123456789");
        const ConfigResult result = ClusterConfigGenerator::generate(d, 0);
        QVERIFY(!result.ok());
        QCOMPARE(result.errors, d.validate());
        QCOMPARE(result.errors.size(), 2);
        QCOMPARE(result.config.groups.size(), 0);
    }

    void refusesBadNodeIndex_data()
    {
        QTest::addColumn<int>("index");
        QTest::newRow("-1") << -1;
        QTest::newRow("2") << 2;
    }

    void refusesBadNodeIndex()
    {
        QFETCH(int, index);
        const ConfigResult result = ClusterConfigGenerator::generate(twoNodes(), index);
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().key, QStringLiteral("nodeIndex"));
        QVERIFY(result.errors.first().message.contains(QStringLiteral("expected 0 or 1")));
    }

    void tieAdvisoryBecomesWarning()
    {
        ClusterDefinition d = twoNodes();
        d.nodes[1].advskew = d.nodes[0].advskew;
        const ConfigResult result = ClusterConfigGenerator::generate(d, 0);
        QVERIFY(result.ok());
        QCOMPARE(result.warnings, d.advisories());
        QVERIFY(!result.warnings.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClusterConfigGenerator)
#include "TestClusterConfigGenerator.moc"
