// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's cluster definition: JSON in and out, every validation rule naming its field, and the
// advisories about ties.
#include "config/ClusterDefinition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace baton;

namespace {

ClusterDefinition twoNodes()
{
    ClusterDefinition d;
    d.name = QStringLiteral("web");
    d.vip = {0xC000020A, 24}; // 192.0.2.10/24
    d.vhid = 1;
    d.password = QStringLiteral("some_password");
    d.advbase = 1;
    d.pkiDir = QStringLiteral("/home/admin/.local/share/baton/web");
    d.nodes[0] = {QStringLiteral("node1"), 0xC000020B, QString(), 7112, QStringLiteral("eth0"), 1};
    d.nodes[1] = {QStringLiteral("node2"), 0xC000020C, QStringLiteral("node2.example.org"), 7113,
                  QStringLiteral("ens3"),  100};
    d.ssh[1] = QStringLiteral("admin@node2:2222");
    return d;
}

// Sets "a/b/1/c"-style paths inside a JSON object (array indices as numbers).
QJsonValue setPath(const QJsonValue& at, QStringList path, const QJsonValue& value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    bool isIndex = false;
    const int index = head.toInt(&isIndex);
    if (isIndex) {
        QJsonArray array = at.toArray();
        if (index == array.size())
            array.append(setPath(QJsonValue(), path, value));
        else
            array[index] = setPath(array[index], path, value);
        return array;
    }
    QJsonObject object = at.toObject();
    if (value.isUndefined() && path.isEmpty())
        object.remove(head);
    else
        object[head] = setPath(object[head], path, value);
    return object;
}

QJsonObject patched(const QString& path, const QJsonValue& value)
{
    return setPath(twoNodes().toJson(), path.split(u'/'), value).toObject();
}

} // namespace

class TestClusterDefinition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip()
    {
        const ClusterDefinition d = twoNodes();
        QString error;
        const auto back = ClusterDefinition::fromJson(d.toJson(), &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QVERIFY(*back == d);
        // Through text too, as the GUI stores it.
        const QJsonObject reparsed = QJsonDocument::fromJson(QJsonDocument(d.toJson()).toJson()).object();
        QVERIFY(ClusterDefinition::fromJson(reparsed, &error) == d);
    }

    void jsonLayout()
    {
        const QJsonObject json = twoNodes().toJson();
        QCOMPARE(json.value(QStringLiteral("vip")).toString(), QStringLiteral("192.0.2.10/24"));
        QCOMPARE(json.value(QStringLiteral("vhid")).toInt(), 1);
        const QJsonObject node = json.value(QStringLiteral("nodes")).toArray().at(1).toObject();
        QCOMPARE(node.value(QStringLiteral("address")).toString(), QStringLiteral("192.0.2.12"));
        QCOMPARE(node.value(QStringLiteral("agentAddress")).toString(), QStringLiteral("node2.example.org"));
        QCOMPARE(node.value(QStringLiteral("agentPort")).toInt(), 7113);
        QCOMPARE(node.value(QStringLiteral("advskew")).toInt(), 100);
        QCOMPARE(node.value(QStringLiteral("ssh")).toString(), QStringLiteral("admin@node2:2222"));
        // No SSH access set up: no key written, so files without it stay as they were.
        QVERIFY(
            !json.value(QStringLiteral("nodes")).toArray().at(0).toObject().contains(QStringLiteral("ssh")));
        QVERIFY(!twoNodes().hasSshAccess());
        ClusterDefinition both = twoNodes();
        both.ssh[0] = QStringLiteral("node1");
        QVERIFY(both.hasSshAccess());
    }

    void jsonDefaults()
    {
        QJsonObject json = twoNodes().toJson();
        for (const char* key : {"advbase", "preempt", "deadratio", "pkiDir"})
            json.remove(QLatin1StringView(key));
        QJsonArray nodes = json.value(QStringLiteral("nodes")).toArray();
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            QJsonObject node = nodes[i].toObject();
            for (const char* key : {"agentAddress", "agentPort", "advskew", "ssh"})
                node.remove(QLatin1StringView(key));
            nodes[i] = node;
        }
        json[QStringLiteral("nodes")] = nodes;
        QString error;
        const auto d = ClusterDefinition::fromJson(json, &error);
        QVERIFY2(d.has_value(), qPrintable(error));
        QCOMPARE(d->advbase, quint8{1});
        QCOMPARE(d->preempt, false);
        QCOMPARE(d->deadratio, 3u);
        QCOMPARE(d->pkiDir, QString());
        QCOMPARE(d->nodes[1].agentAddress, QString());
        QCOMPARE(d->nodes[1].agentHost(), QStringLiteral("192.0.2.12"));
        QCOMPARE(d->nodes[1].agentPort, quint16{7112});
        QCOMPARE(d->nodes[1].advskew, quint8{0});
        QCOMPARE(d->ssh[1], QString());
    }

    void jsonBad_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("error");
        const auto row = [](const char* name, const QJsonObject& json, const char* error) {
            QTest::newRow(name) << json << QString::fromUtf8(error);
        };
        row("name missing", patched(QStringLiteral("name"), QJsonValue::Undefined),
            "name: expected a string");
        row("name a number", patched(QStringLiteral("name"), 5), "name: expected a string");
        row("vip without prefix", patched(QStringLiteral("vip"), QStringLiteral("192.0.2.10")),
            "vip: expected an address with prefix like 192.0.2.10/24, got '192.0.2.10'");
        row("vhid missing", patched(QStringLiteral("vhid"), QJsonValue::Undefined),
            "vhid: expected an integer 0-255");
        row("vhid a string", patched(QStringLiteral("vhid"), QStringLiteral("1")),
            "vhid: expected an integer");
        row("vhid 300", patched(QStringLiteral("vhid"), 300), "vhid: expected an integer 0-255");
        row("vhid fraction", patched(QStringLiteral("vhid"), 1.5), "vhid: expected an integer");
        row("advbase negative", patched(QStringLiteral("advbase"), -1), "advbase: expected an integer");
        row("preempt a string", patched(QStringLiteral("preempt"), QStringLiteral("yes")),
            "preempt: expected true or false");
        row("password a number", patched(QStringLiteral("password"), 1234), "password: expected a string");
        row("nodes missing", patched(QStringLiteral("nodes"), QJsonValue::Undefined),
            "nodes: expected an array of exactly two");
        row("three nodes", patched(QStringLiteral("nodes/2"), QJsonObject{}),
            "nodes: expected an array of exactly two");
        row("node not an object", patched(QStringLiteral("nodes/1"), 7), "nodes[1]: expected an object");
        row("node address bad", patched(QStringLiteral("nodes/1/address"), QStringLiteral("192.0.2")),
            "nodes[1].address: expected an IPv4 address like 192.0.2.11, got '192.0.2'");
        row("node address missing", patched(QStringLiteral("nodes/0/address"), QJsonValue::Undefined),
            "nodes[0].address: expected a string");
        row("agent port too big", patched(QStringLiteral("nodes/1/agentPort"), 70000),
            "nodes[1].agentPort: expected an integer 0-65535");
        row("advskew 256", patched(QStringLiteral("nodes/0/advskew"), 256),
            "nodes[0].advskew: expected an integer 0-255");
        row("interface missing", patched(QStringLiteral("nodes/0/interface"), QJsonValue::Undefined),
            "nodes[0].interface: expected a string");
    }

    void jsonBad()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!ClusterDefinition::fromJson(json, &message).has_value());
        QVERIFY2(message.startsWith(error), qPrintable(message));
    }

    void validDefinition()
    {
        QCOMPARE(twoNodes().validate(), ConfigErrors{});
        ClusterDefinition d = twoNodes();
        d.nodes[1].address = 0xC00002FE; // .254: the top host address is fine
        d.pkiDir.clear();                // empty = the GUI's default
        QCOMPARE(d.validate(), ConfigErrors{});
    }

    void invalid_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const char* path, const QJsonValue& value, const char* field,
                            const char* message) {
            QTest::newRow(name) << patched(QString::fromLatin1(path), value) << QString::fromLatin1(field)
                                << QString::fromUtf8(message);
        };
        row("same address", "nodes/1/address", QStringLiteral("192.0.2.11"), "nodes[1].address",
            "192.0.2.11 is also the address of nodes[0]");
        row("same name", "nodes/1/name", QStringLiteral("node1"), "nodes[1].name",
            "'node1' is also the name of nodes[0]");
        row("node address is the VIP", "nodes/0/address", QStringLiteral("192.0.2.10"), "nodes[0].address",
            "192.0.2.10 is the VIP");
        row("node outside the subnet", "nodes/1/address", QStringLiteral("198.51.100.12"), "nodes[1].address",
            "198.51.100.12 is outside the VIP's subnet 192.0.2.0/24");
        row("node multicast", "nodes/1/address", QStringLiteral("224.0.0.1"), "nodes[1].address",
            "unicast IPv4");
        row("vip network address", "vip", QStringLiteral("192.0.2.0/24"), "vip", "network or broadcast");
        row("vip broadcast address", "vip", QStringLiteral("192.0.2.255/24"), "vip", "network or broadcast");
        row("vip multicast", "vip", QStringLiteral("239.0.0.1/24"), "vip", "unicast IPv4");
        row("vhid 0", "vhid", 0, "vhid", "expected an integer 1-255, got '0'");
        row("advbase 255", "advbase", 255, "advbase", "expected an integer 0-254, got '255'");
        row("advskew 255", "nodes/1/advskew", 255, "nodes[1].advskew",
            "expected an integer 0-254, got '255'");
        row("deadratio 0", "deadratio", 0, "deadratio", "1-100");
        row("deadratio 101", "deadratio", 101, "deadratio", "1-100, got '101'");
        row("password 20 bytes", "password", QStringLiteral("01234567890123456789"), "password",
            "at most 19 bytes (ucarp's limit), got 20 bytes");
        row("password empty", "password", QString(), "password", "1-19 bytes");
        row("password newline", "password", QStringLiteral("a\nb"), "password", "control characters");
        row("name empty", "name", QString(), "name", "a name of 1-64 characters");
        row("node name blank", "nodes/0/name", QStringLiteral("  "), "nodes[0].name", "1-64 characters");
        row("interface too long", "nodes/0/interface", QStringLiteral("eth0123456789abcd"),
            "nodes[0].interface", "1-15 characters");
        row("interface alias", "nodes/1/interface", QStringLiteral("eth0:1"), "nodes[1].interface",
            "without '/', ':'");
        row("agent port 0", "nodes/0/agentPort", 0, "nodes[0].agentPort", "1-65535");
        row("agent address with space", "nodes/0/agentAddress", QStringLiteral("a b"),
            "nodes[0].agentAddress", "host name or address");
        row("pki dir relative", "pkiDir", QStringLiteral("pki"), "pkiDir", "absolute path");
        row("ssh with a space", "nodes/1/ssh", QStringLiteral("admin@node2 -p 22"), "nodes[1].ssh",
            "an alias of ~/.ssh/config or [user@]host[:port], or nothing, got 'admin@node2 -p 22'");
        row("ssh like an option", "nodes/0/ssh", QStringLiteral("-oProxyCommand=x"), "nodes[0].ssh",
            "[user@]host[:port]");
    }

    void invalid()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        QFETCH(QString, message);
        QString error;
        const auto d = ClusterDefinition::fromJson(json, &error);
        QVERIFY2(d.has_value(), qPrintable(error));
        const ConfigErrors errors = d->validate();
        QVERIFY2(errors.size() == 1, qPrintable(QStringLiteral("%1 errors").arg(errors.size())));
        QCOMPARE(errors.first().key, field);
        QCOMPARE(errors.first().file, QString());
        QCOMPARE(errors.first().line, 0);
        QVERIFY2(errors.first().message.contains(message), qPrintable(errors.first().toString()));
    }

    void advbaseZeroNeedsSkewOnEachNode()
    {
        ClusterDefinition d = twoNodes();
        d.advbase = 0;
        QCOMPARE(d.validate(), ConfigErrors{});
        d.nodes[0].advskew = 0;
        const ConfigErrors errors = d.validate();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().key, QStringLiteral("nodes[0].advskew"));
    }

    void advisories_data()
    {
        QTest::addColumn<quint8>("skew0");
        QTest::addColumn<quint8>("skew1");
        QTest::addColumn<quint32>("address0");
        QTest::addColumn<quint32>("address1");
        QTest::addColumn<QString>("advice");
        QTest::newRow("distinct skews")
            << quint8{1} << quint8{100} << 0xC000020Bu << 0xC000020Cu << QString();
        QTest::newRow("tie, lower last octet wins")
            << quint8{5} << quint8{5} << 0xC000020Cu << 0xC000020Bu
            << QStringLiteral("tie is decided by address: 'node2' (192.0.2.11) wins");
        // ucarp on x86 ranks byte-swapped: 10.9.1.0 beats 10.9.0.1 (confirmed in the ucarp lab).
        QTest::newRow("tie, byte order") << quint8{0} << quint8{0} << 0x0A090001u << 0x0A090100u
                                         << QStringLiteral("'node2' (10.9.1.0) wins");
    }

    void advisories()
    {
        QFETCH(quint8, skew0);
        QFETCH(quint8, skew1);
        QFETCH(quint32, address0);
        QFETCH(quint32, address1);
        QFETCH(QString, advice);
        ClusterDefinition d = twoNodes();
        d.nodes[0].advskew = skew0;
        d.nodes[1].advskew = skew1;
        d.nodes[0].address = address0;
        d.nodes[1].address = address1;
        if (address0 >> 24 == 10)
            d.vip = {0x0A090064, 16};           // 10.9.0.100/16
        QCOMPARE(d.validate(), ConfigErrors{}); // a tie is allowed
        const QStringList notes = d.advisories();
        if (advice.isEmpty()) {
            QCOMPARE(notes, QStringList{});
            return;
        }
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes.first().contains(advice), qPrintable(notes.first()));
    }

    void advisoriesMore()
    {
        ClusterDefinition d = twoNodes();
        d.nodes[1].advskew = d.nodes[0].advskew;
        d.preempt = true;
        QCOMPARE(d.advisories().size(), 2);
        QVERIFY(d.advisories().at(1).contains(QStringLiteral("preempt has no effect")));

        d = twoNodes();
        d.vip.prefixLength = 32;
        d.nodes[1].address = 0xC6336414; // another subnet cannot be detected with a /32 VIP
        QCOMPARE(d.validate(), ConfigErrors{});
        QCOMPARE(d.advisories().size(), 1);
        QVERIFY(d.advisories().first().contains(QStringLiteral("/32")));
    }
};

QTEST_GUILESS_MAIN(TestClusterDefinition)
#include "TestClusterDefinition.moc"
