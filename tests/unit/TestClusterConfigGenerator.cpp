// SPDX-License-Identifier: GPL-3.0-or-later
// Both nodes' agent configs from one cluster definition: a matched pair by construction.
#include "ConfigTestSupport.h"
#include "config/AgentConfigParser.h"
#include "config/AgentConfigWriter.h"
#include "config/ClusterConfigGenerator.h"
#include "config/PeerPath.h"

#include <QRegularExpression>
#include <QTest>

using namespace baton;
using namespace baton::test;

Q_DECLARE_METATYPE(baton::ClusterDefinition)

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

// The pair with a management network beside the data one: the VIP's subnet is 192.0.2.0/25, the
// agents are reached at .131 and .132.
ClusterDefinition managed()
{
    ClusterDefinition d = twoNodes();
    d.vip = {0xC000020A, 25};
    d.nodes[0].agentAddress = QStringLiteral("192.0.2.131");
    d.nodes[1].agentAddress = QStringLiteral("192.0.2.132");
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
        // Without a management path for both nodes the agent listens on its own address;
        // agentAddress is only how the GUI reaches it (a name, a forwarded port).
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

    // Agents off the data network: the listener moves to the management address and each names the
    // other as its partner, at the port after its agent port.
    void managementPathGetsPeerLink()
    {
        QVERIFY(PeerPath::of(managed()).available());
        for (int node : {0, 1}) {
            const ConfigResult result = ClusterConfigGenerator::generate(managed(), node);
            QVERIFY2(result.ok(), qPrintable(allErrors(result)));
            const ControlConfig& c = result.config.control;
            QCOMPARE(c.listenAddress,
                     node == 0 ? QStringLiteral("192.0.2.131") : QStringLiteral("192.0.2.132"));
            QCOMPARE(c.port, node == 0 ? 7112 : 7200);
            QCOMPARE(c.peerAddress,
                     node == 0 ? QStringLiteral("192.0.2.132") : QStringLiteral("192.0.2.131"));
            QCOMPARE(c.peerPort, node == 0 ? 7201 : 7113);
            QCOMPARE(c.peerListenAddress, c.listenAddress);
            QCOMPARE(c.peerListenPort, node == 0 ? 7113 : 7201);
            const QString text = AgentConfigWriter::write(result.config);
            const QRegularExpression peerLine(node == 0 ? QStringLiteral("^peer += 192\\.0\\.2\\.132:7201$")
                                                        : QStringLiteral("^peer += 192\\.0\\.2\\.131:7113$"),
                                              QRegularExpression::MultilineOption);
            QVERIFY2(text.contains(peerLine), qPrintable(text));
            const ConfigResult parsed = AgentConfigParser::parseText(text, QStringLiteral("node.conf"));
            QVERIFY2(parsed.ok(), qPrintable(allErrors(parsed) + u'\n' + text));
            QVERIFY2(parsed.warnings.isEmpty(), qPrintable(parsed.warnings.join(u'\n')));
            QVERIFY2(parsed.config == result.config, qPrintable(text));
        }
        // Only the listener and the peer link differ from a pair without the management path.
        ClusterDefinition plain = managed();
        plain.nodes[0].agentAddress.clear();
        plain.nodes[1].agentAddress.clear();
        AgentConfig withLink = ClusterConfigGenerator::generate(managed(), 1).config;
        const AgentConfig without = ClusterConfigGenerator::generate(plain, 1).config;
        QVERIFY(without.control.peerAddress.isEmpty());
        withLink.control = without.control;
        QVERIFY(withLink == without);
        QVERIFY(PeerPath::of(managed()).describe(managed()).startsWith(u"on: "));
    }

    void noPeerLinkWithoutSecondPath_data()
    {
        QTest::addColumn<ClusterDefinition>("cluster");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<int>("node");
        QTest::addColumn<QString>("why");
        using V = PeerPath::Verdict;
        ClusterDefinition d = managed();
        d.nodes[1].agentAddress.clear(); // reached at its data address
        QTest::newRow("agent at its own address")
            << d << int(V::AgentOnDataNetwork) << 1
            << QStringLiteral("192.0.2.12 is on the data network 192.0.2.0/25");
        d = managed();
        d.nodes[0].agentAddress = QStringLiteral("192.0.2.99"); // another address on the data network
        QTest::newRow("agent inside the VIP's subnet")
            << d << int(V::AgentOnDataNetwork) << 0 << QStringLiteral("192.0.2.99 is on the data network");
        d = managed();
        d.vip.prefixLength = 24; // the management addresses fall inside the data network
        QTest::newRow("management inside a wider data subnet")
            << d << int(V::AgentOnDataNetwork) << 0
            << QStringLiteral("192.0.2.131 is on the data network 192.0.2.0/24");
        d = managed();
        d.nodes[1].agentAddress = QStringLiteral("node2.example");
        QTest::newRow("host name") << d << int(V::NamedAgent) << 1
                                   << QStringLiteral("'node2.example' is a name");
        d = managed();
        d.nodes[1].agentAddress = d.nodes[0].agentAddress;
        QTest::newRow("one address for both") << d << int(V::SharedAgentAddress) << -1
                                              << QStringLiteral("both agents have the address 192.0.2.131");
        d = managed();
        d.vip.prefixLength = 32;
        QTest::newRow("/32 VIP") << d << int(V::SubnetUnknown) << -1 << QStringLiteral("the VIP is a /32");
    }

    void noPeerLinkWithoutSecondPath()
    {
        QFETCH(ClusterDefinition, cluster);
        QFETCH(int, verdict);
        QFETCH(int, node);
        QFETCH(QString, why);
        const PeerPath path = PeerPath::of(cluster);
        QCOMPARE(int(path.verdict), verdict);
        if (node >= 0)
            QCOMPARE(path.node, node);
        const QString text = path.describe(cluster);
        QVERIFY2(text.startsWith(u"off: ") && text.contains(why), qPrintable(text));
        for (int i : {0, 1}) {
            const ConfigResult result = ClusterConfigGenerator::generate(cluster, i);
            QVERIFY2(result.ok(), qPrintable(allErrors(result)));
            QVERIFY(result.config.control.peerAddress.isEmpty());
            QVERIFY(result.config.control.peerListenAddress.isEmpty());
            QCOMPARE(result.config.control.listenAddress,
                     Ipv4::toString(cluster.nodes[static_cast<std::size_t>(i)].address));
            QVERIFY(!AgentConfigWriter::write(result.config).contains(u"peer"));
        }
    }

    void peerPortFollowsAgentPort()
    {
        ClusterDefinition::Node node;
        QCOMPARE(PeerPath::port(node), 7113);
        node.agentPort = 65535;
        QCOMPARE(PeerPath::port(node), 65534);
        ClusterDefinition d = managed();
        d.nodes[0].agentPort = 65535;
        const ConfigResult result = ClusterConfigGenerator::generate(d, 0);
        QVERIFY(result.ok());
        QCOMPARE(result.config.control.peerListenPort, 65534);
        QVERIFY(
            AgentConfigParser::parseText(AgentConfigWriter::write(result.config), QStringLiteral("n.conf"))
                .ok());
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
