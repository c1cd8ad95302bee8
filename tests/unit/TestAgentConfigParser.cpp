// SPDX-License-Identifier: GPL-3.0-or-later
// batond.conf: good inputs with the values they give, bad inputs with the exact file, line and key
// of the one error they must give, and garbage that must never crash the parser.
#include "ConfigTestSupport.h"
#include "config/AgentConfigParser.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using namespace baton::test;

namespace {

const QString FileName = QStringLiteral("/etc/baton/batond.conf");

// A minimal valid group; line 1 is the header, lines 2-5 its keys, extra lines from line 6 on.
QString group(const QStringList& extra = {}, const QString& without = QString())
{
    QStringList lines = {QStringLiteral("[vhid 1]"), QStringLiteral("interface = eth0"),
                         QStringLiteral("source = 192.0.2.11"), QStringLiteral("vip = 192.0.2.10/24"),
                         QStringLiteral("password = secret")};
    if (!without.isEmpty())
        lines.removeIf([&without](const QString& l) { return l.startsWith(without + QStringLiteral(" =")); });
    return (lines + extra).join(u'\n') + u'\n';
}

} // namespace

class TestAgentConfigParser : public QObject
{
    Q_OBJECT

private:
    QString expand(QString text) const { return text.replace(QStringLiteral("%DIR%"), m_dir.path()); }
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const auto owner = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("good.pass")), "from_file\n", owner));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("crlf.pass")), "crlf_pw\r\n", owner));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("multi.pass")), "first\nsecond\n", owner));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("bare.pass")), "no_newline", owner));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("open.pass")), "open_pw\n",
                          owner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("empty.pass")), "", owner));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("newline.pass")), "\r\n", owner));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("long.pass")), "01234567890123456789\n", owner));
    }

    void briefExample()
    {
        const QStringList lines = {
            QStringLiteral("# comment lines start with # or ;"),
            QStringLiteral("; like this one"),
            QStringLiteral("state-dir = /var/lib/baton"),
            QStringLiteral("[control]"),
            QStringLiteral("listen   = 192.0.2.11:7112     # host[:port], port default 7112"),
            QStringLiteral("tls-ca   = /etc/baton/pki/ca.pem"),
            QStringLiteral("tls-cert = /etc/baton/pki/agent.pem"),
            QStringLiteral("tls-key  = /etc/baton/pki/agent.key"),
            QStringLiteral("[vhid 1]"),
            QStringLiteral("interface     = eth0"),
            QStringLiteral("source        = 192.0.2.11"),
            QStringLiteral("vip           = 192.0.2.10/24     # repeatable; prefix required"),
            QStringLiteral("vip-label     = eth0:ucarp"),
            QStringLiteral("password-file = %DIR%/good.pass"),
            QStringLiteral("advbase   = 1"),
            QStringLiteral("advskew   = 1"),
            QStringLiteral("deadratio = 3"),
            QStringLiteral("preempt   = no"),
            QStringLiteral("multicast-group = 224.0.0.18"),
            QStringLiteral("up-hook   = /etc/baton/vip-up"),
            QStringLiteral("down-hook = /etc/baton/vip-down"),
            QStringLiteral("hook-xparam = text"),
            QStringLiteral("hook-timeout = 30"),
        };
        const QString text = expand(lines.join(u'\n') + u'\n');
        const ConfigResult result = AgentConfigParser::parseText(text, FileName);
        QVERIFY2(result.ok(), qPrintable(allErrors(result)));
        QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
        const AgentConfig& c = result.config;
        QCOMPARE(c.stateDir, QStringLiteral("/var/lib/baton"));
        QCOMPARE(c.control.listenAddress, QStringLiteral("192.0.2.11"));
        QCOMPARE(c.control.port, quint16{7112});
        QCOMPARE(c.control.caFile, QStringLiteral("/etc/baton/pki/ca.pem"));
        QCOMPARE(c.control.certFile, QStringLiteral("/etc/baton/pki/agent.pem"));
        QCOMPARE(c.control.keyFile, QStringLiteral("/etc/baton/pki/agent.key"));
        QCOMPARE(c.groups.size(), 1);
        const GroupConfig& g = c.groups.first();
        QCOMPARE(g.line, 9);
        QCOMPARE(g.vhid, quint8{1});
        QCOMPARE(g.interface, QStringLiteral("eth0"));
        QCOMPARE(g.source, 0xC000020Bu);
        QCOMPARE(g.vips, (QList<Ipv4Prefix>{{0xC000020Au, 24}}));
        QCOMPARE(g.vipLabel, QStringLiteral("eth0:ucarp"));
        QCOMPARE(g.password, QByteArray("from_file"));
        QCOMPARE(g.passwordFile, m_dir.filePath(QStringLiteral("good.pass")));
        QCOMPARE(g.advbase, quint8{1});
        QCOMPARE(g.advskew, quint8{1});
        QCOMPARE(g.deadratio, 3u);
        QCOMPARE(g.preempt, false);
        QCOMPARE(g.multicastGroup, 0xE0000012u);
        QCOMPARE(g.hooks, (HookConfig{QStringLiteral("/etc/baton/vip-up"),
                                      QStringLiteral("/etc/baton/vip-down"), QStringLiteral("text"), 30}));
    }

    void good_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("group");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, const QString& text, const char* field, const QString& expected,
                            int groupIndex = 0) {
            QTest::newRow(name) << text << QString::fromLatin1(field) << groupIndex << expected;
        };
        row("defaults: advbase", group(), "advbase", QStringLiteral("1"));
        row("defaults: advskew", group(), "advskew", QStringLiteral("0"));
        row("defaults: deadratio", group(), "deadratio", QStringLiteral("3"));
        row("defaults: preempt", group(), "preempt", QStringLiteral("false"));
        row("defaults: group", group(), "multicastGroup", QStringLiteral("224.0.0.18"));
        row("defaults: hooks", group(), "hooks", QStringLiteral(",,,30"));
        row("defaults: state dir", group(), "stateDir", QStringLiteral("/var/lib/baton"));
        row("defaults: no listener", group(), "listen", QStringLiteral(":7112"));
        row("default label", group(), "vipLabel", QStringLiteral("eth0:baton"));
        row("label would be too long",
            group({QStringLiteral("interface = enx00e04c680001")}, QStringLiteral("interface")), "vipLabel",
            QString());
        row("label explicit", group({QStringLiteral("vip-label = eth0:ucarp")}), "vipLabel",
            QStringLiteral("eth0:ucarp"));
        row("label empty means none", group({QStringLiteral("vip-label = \"\"")}), "vipLabel", QString());
        row("advskew 254", group({QStringLiteral("advskew = 254")}), "advskew", QStringLiteral("254"));
        row("advbase 0 with skew", group({QStringLiteral("advbase = 0"), QStringLiteral("advskew = 20")}),
            "advbase", QStringLiteral("0"));
        row("leading zero integer", group({QStringLiteral("advskew = 007")}), "advskew", QStringLiteral("7"));
        row("deadratio 100", group({QStringLiteral("deadratio = 100")}), "deadratio", QStringLiteral("100"));
        for (const char* yes : {"yes", "true", "on", "1", "YES", "On"})
            row(qPrintable(QStringLiteral("preempt %1").arg(QLatin1StringView(yes))),
                group({QStringLiteral("preempt = ") + QLatin1StringView(yes)}), "preempt",
                QStringLiteral("true"));
        for (const char* no : {"no", "false", "off", "0", "No"})
            row(qPrintable(QStringLiteral("preempt %1").arg(QLatin1StringView(no))),
                group({QStringLiteral("preempt = ") + QLatin1StringView(no)}), "preempt",
                QStringLiteral("false"));
        row("trailing comment", group({QStringLiteral("advskew = 7   # seven")}), "advskew",
            QStringLiteral("7"));
        row("tab before comment", group({QStringLiteral("advskew = 7\t# seven")}), "advskew",
            QStringLiteral("7"));
        row("hash inside bare value",
            group({QStringLiteral("password = abc#def")}, QStringLiteral("password")), "password",
            QStringLiteral("abc#def"));
        row("quoted hash and spaces",
            group({QStringLiteral("password = \" a # b \"  # c")}, QStringLiteral("password")), "password",
            QStringLiteral(" a # b "));
        row("quoted escapes",
            group({QStringLiteral("password = \"q\\\"b\\\\s\"")}, QStringLiteral("password")), "password",
            QStringLiteral("q\"b\\s"));
        row("password 19 bytes",
            group({QStringLiteral("password = 0123456789012345678")}, QStringLiteral("password")), "password",
            QStringLiteral("0123456789012345678"));
        row("password utf-8", group({QStringLiteral("password = p\u00e4ss")}, QStringLiteral("password")),
            "password", QStringLiteral("p\u00e4ss"));
        row("semicolon inside value",
            group({QStringLiteral("hook-xparam = a;b"), QStringLiteral("up-hook = /x")}), "hooks",
            QStringLiteral("/x,,a;b,30"));
        row("two vips", group({QStringLiteral("vip = 192.0.2.20/32")}), "vips",
            QStringLiteral("192.0.2.10/24,192.0.2.20/32"));
        row("multicast group", group({QStringLiteral("multicast-group = 239.192.0.1")}), "multicastGroup",
            QStringLiteral("239.192.0.1"));
        row("hooks",
            group({QStringLiteral("up-hook = /etc/baton/up"), QStringLiteral("down-hook = /etc/baton/down"),
                   QStringLiteral("hook-timeout = 3600")}),
            "hooks", QStringLiteral("/etc/baton/up,/etc/baton/down,,3600"));
        row("password file",
            group({QStringLiteral("password-file = %DIR%/good.pass")}, QStringLiteral("password")),
            "password", QStringLiteral("from_file"));
        row("password file crlf",
            group({QStringLiteral("password-file = %DIR%/crlf.pass")}, QStringLiteral("password")),
            "password", QStringLiteral("crlf_pw"));
        row("password file first line",
            group({QStringLiteral("password-file = %DIR%/multi.pass")}, QStringLiteral("password")),
            "password", QStringLiteral("first"));
        row("password file no newline",
            group({QStringLiteral("password-file = %DIR%/bare.pass")}, QStringLiteral("password")),
            "password", QStringLiteral("no_newline"));
        row("crlf line ends", group({QStringLiteral("advskew = 9")}).replace(u'\n', QStringLiteral("\r\n")),
            "advskew", QStringLiteral("9"));
        row("no final newline", group({QStringLiteral("advskew = 9")}).chopped(1), "advskew",
            QStringLiteral("9"));
        row("indented keys, spaced header",
            QStringLiteral(
                "[ vhid\t7 ]\n  interface=eth0\n\tsource =192.0.2.11\nvip= 192.0.2.10/24\npassword=s\n"),
            "vhid", QStringLiteral("7"));
        row("state dir", QStringLiteral("state-dir = /run/baton\n") + group(), "stateDir",
            QStringLiteral("/run/baton"));
        row("listen default port",
            group() +
                QStringLiteral("[control]\nlisten = 192.0.2.11\ntls-ca = /a\ntls-cert = /b\ntls-key = /c\n"),
            "listen", QStringLiteral("192.0.2.11:7112"));
        row("listen any address",
            group() + QStringLiteral(
                          "[control]\nlisten = 0.0.0.0:9000\ntls-ca = /a\ntls-cert = /b\ntls-key = /c\n"),
            "listen", QStringLiteral("0.0.0.0:9000"));
        row("listen ipv6",
            group() +
                QStringLiteral("[control]\nlisten = [::1]:7113\ntls-ca = /a\ntls-cert = /b\ntls-key = /c\n"),
            "listen", QStringLiteral("::1:7113"));
        row("defaults: no peer link", group(), "peer", QStringLiteral(":7113/:7113"));
        row("peer listens where consoles do",
            group() + QStringLiteral("[control]\nlisten = 192.0.2.131:7000\ntls-ca = /a\ntls-cert = /b\n"
                                     "tls-key = /c\npeer = 192.0.2.132\n"),
            "peer", QStringLiteral("192.0.2.132:7113/192.0.2.131:7113"));
        row("peer without a control listener",
            group() + QStringLiteral("[control]\ntls-ca = /a\ntls-cert = /b\ntls-key = /c\n"
                                     "peer = 192.0.2.132:9001\npeer-listen = 192.0.2.131:9002\n"),
            "peer", QStringLiteral("192.0.2.132:9001/192.0.2.131:9002"));
        row("two groups",
            group() + group()
                          .replace(QStringLiteral("vhid 1"), QStringLiteral("vhid 2"))
                          .replace(QStringLiteral("192.0.2.10"), QStringLiteral("192.0.2.20")),
            "vips", QStringLiteral("192.0.2.20/24"), 1);
        row("same vhid other interface",
            group() + group()
                          .replace(QStringLiteral("eth0"), QStringLiteral("eth1"))
                          .replace(QStringLiteral("192.0.2.10"), QStringLiteral("198.51.100.10")),
            "interface", QStringLiteral("eth1"), 1);
    }

    void good()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QFETCH(int, group);
        QFETCH(QString, expected);
        const ConfigResult result = AgentConfigParser::parseText(expand(text), FileName);
        QVERIFY2(result.ok(), qPrintable(allErrors(result)));
        QCOMPARE(fieldText(result.config, field, group), expand(expected));
    }

    void bad_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const QString& text, int line, const char* key,
                            const char* message) {
            QTest::newRow(name) << text << line << QString::fromLatin1(key) << QString::fromUtf8(message);
        };
        row("advskew too big", group({QStringLiteral("advskew = 300")}), 6, "advskew",
            "expected an integer 0-254, got '300'");
        row("advskew 255", group({QStringLiteral("advskew = 255")}), 6, "advskew", "0-254");
        row("advbase negative", group({QStringLiteral("advbase = -1")}), 6, "advbase", "got '-1'");
        row("advbase not a number", group({QStringLiteral("advbase = one")}), 6, "advbase",
            "an integer 0-254");
        row("advbase and advskew 0", group({QStringLiteral("advbase = 0"), QStringLiteral("advskew = 0")}), 6,
            "advbase", "non-zero advskew");
        row("advbase 0, skew default", group({QStringLiteral("advbase = 0")}), 6, "advbase",
            "non-zero advskew");
        row("deadratio 0", group({QStringLiteral("deadratio = 0")}), 6, "deadratio",
            "expected an integer 1-100");
        row("deadratio 101", group({QStringLiteral("deadratio = 101")}), 6, "deadratio", "1-100, got '101'");
        row("preempt maybe", group({QStringLiteral("preempt = maybe")}), 6, "preempt", "expected yes or no");
        row("unknown key, close", group({QStringLiteral("advskw = 1")}), 6, "advskw",
            "unknown key (did you mean 'advskew'?)");
        row("unknown key, far", group({QStringLiteral("colour = blue")}), 6, "colour", "unknown key");
        row("key twice", group({QStringLiteral("advskew = 1"), QStringLiteral("advskew = 2")}), 7, "advskew",
            "given twice in this section; first at line 6");
        row("interface too long",
            group({QStringLiteral("interface = eth0123456789abcd")}, QStringLiteral("interface")), 5,
            "interface", "1-15 characters");
        row("interface slash", group({QStringLiteral("interface = eth/0")}, QStringLiteral("interface")), 5,
            "interface", "got 'eth/0'");
        row("interface dot", group({QStringLiteral("interface = .")}, QStringLiteral("interface")), 5,
            "interface", "interface name");
        row("interface dotdot", group({QStringLiteral("interface = ..")}, QStringLiteral("interface")), 5,
            "interface", "interface name");
        row("interface space", group({QStringLiteral("interface = \"eth 0\"")}, QStringLiteral("interface")),
            5, "interface", "interface name");
        row("interface alias", group({QStringLiteral("interface = eth0:ucarp")}, QStringLiteral("interface")),
            5, "interface", "without '/', ':' or spaces");
        row("source not a quad", group({QStringLiteral("source = 192.0.2")}, QStringLiteral("source")), 5,
            "source", "expected a unicast IPv4 address like 192.0.2.11, got '192.0.2'");
        row("source cidr", group({QStringLiteral("source = 192.0.2.11/24")}, QStringLiteral("source")), 5,
            "source", "unicast IPv4");
        row("source multicast", group({QStringLiteral("source = 224.0.0.1")}, QStringLiteral("source")), 5,
            "source", "unicast IPv4");
        row("vip without prefix", group({QStringLiteral("vip = 192.0.2.20")}), 6, "vip",
            "with a prefix length");
        row("vip prefix 33", group({QStringLiteral("vip = 192.0.2.20/33")}), 6, "vip", "got '192.0.2.20/33'");
        row("vip twice", group({QStringLiteral("vip = 192.0.2.10/32")}), 6, "vip",
            "already a VIP of this section");
        row("vip is source", group({QStringLiteral("vip = 192.0.2.11/24")}), 6, "vip", "own source address");
        row("password 20 bytes",
            group({QStringLiteral("password = 01234567890123456789")}, QStringLiteral("password")), 5,
            "password", "at most 19 bytes (ucarp's limit), got 20 bytes");
        row("password 19 chars, 20 bytes",
            group({QStringLiteral("password = \u00e4012345678901234567")}, QStringLiteral("password")), 5,
            "password", "got 20 bytes");
        row("password empty", group({QStringLiteral("password = \"\"")}, QStringLiteral("password")), 5,
            "password", "1-19 bytes");
        row("password missing", group({}, QStringLiteral("password")), 1, "password", "missing");
        row("interface missing", group({}, QStringLiteral("interface")), 1, "interface", "missing");
        row("source missing", group({}, QStringLiteral("source")), 1, "source", "missing");
        row("vip missing", group({}, QStringLiteral("vip")), 1, "vip", "missing");
        row("password and file", group({QStringLiteral("password-file = %DIR%/good.pass")}), 6,
            "password-file", "either 'password' or 'password-file', not both");
        row("password file relative",
            group({QStringLiteral("password-file = vhid1.pass")}, QStringLiteral("password")), 5,
            "password-file", "expected an absolute path, got 'vhid1.pass'");
        row("password file missing",
            group({QStringLiteral("password-file = %DIR%/nothing.pass")}, QStringLiteral("password")), 5,
            "password-file", "cannot read password file '%DIR%/nothing.pass'");
        row("password file is dir",
            group({QStringLiteral("password-file = %DIR%")}, QStringLiteral("password")), 5, "password-file",
            "is a directory");
        row("password file empty",
            group({QStringLiteral("password-file = %DIR%/empty.pass")}, QStringLiteral("password")), 5,
            "password-file", "'%DIR%/empty.pass' is empty");
        row("password file blank line",
            group({QStringLiteral("password-file = %DIR%/newline.pass")}, QStringLiteral("password")), 5,
            "password-file", "is empty");
        row("password file too long",
            group({QStringLiteral("password-file = %DIR%/long.pass")}, QStringLiteral("password")), 5,
            "password-file", "at most 19 bytes (ucarp's limit), got 20 bytes");
        row("multicast group unicast", group({QStringLiteral("multicast-group = 192.0.2.1")}), 6,
            "multicast-group", "expected a multicast IPv4 address");
        row("hook relative", group({QStringLiteral("up-hook = vip-up")}), 6, "up-hook", "absolute path");
        row("hook timeout 0", group({QStringLiteral("up-hook = /x"), QStringLiteral("hook-timeout = 0")}), 7,
            "hook-timeout", "1-3600");
        row("label other interface", group({QStringLiteral("vip-label = eth1:x")}), 6, "vip-label",
            "starting with the interface name 'eth0'");
        row("label too long", group({QStringLiteral("vip-label = eth0:abcdefghijk")}), 6, "vip-label",
            "at most 15 characters");
        row("group key before sections", QStringLiteral("advskew = 1\n") + group(), 1, "advskew",
            "belongs in a [vhid N] section");
        row("state-dir in a group", group({QStringLiteral("state-dir = /x")}), 6, "state-dir",
            "belongs before the first section");
        row("state-dir relative", QStringLiteral("state-dir = var/lib\n") + group(), 1, "state-dir",
            "absolute path");
        row("state-dir twice", QStringLiteral("state-dir = /a\nstate-dir = /b\n") + group(), 2, "state-dir",
            "given twice; first at line 1");
        row("control key in group", group({QStringLiteral("listen = 192.0.2.11")}), 6, "listen",
            "belongs in the [control] section");
        row("group key in control", group() + QStringLiteral("[control]\nadvskew = 1\n"), 7, "advskew",
            "belongs in a [vhid N] section");
        row("listen bad port", group() + QStringLiteral("[control]\nlisten = 192.0.2.11:70000\n"), 7,
            "listen", "got '192.0.2.11:70000'");
        row("listen hostname", group() + QStringLiteral("[control]\nlisten = node1:7112\n"), 7, "listen",
            "an IPv4 address or [IPv6 address]");
        row("listen without tls-ca",
            group() + QStringLiteral("[control]\nlisten = 192.0.2.11\ntls-cert = /b\ntls-key = /c\n"), 6,
            "tls-ca", "missing; the control listener only speaks mutual TLS");
        row("peer without tls-key",
            group() + QStringLiteral("[control]\npeer = 192.0.2.132\npeer-listen = 192.0.2.131\n"
                                     "tls-ca = /a\ntls-cert = /b\n"),
            6, "tls-key", "missing; the peer link only speaks mutual TLS");
        row("peer without anywhere to listen",
            group() +
                QStringLiteral("[control]\ntls-ca = /a\ntls-cert = /b\ntls-key = /c\npeer = 192.0.2.132\n"),
            10, "peer-listen", "without 'listen' the peer link needs the address");
        row("peer is this agent",
            group() + QStringLiteral("[control]\nlisten = 192.0.2.131\ntls-ca = /a\ntls-cert = /b\n"
                                     "tls-key = /c\npeer = 192.0.2.131:7113\n"),
            11, "peer", "names this agent's own peer listener (192.0.2.131:7113)");
        row("peer host name", group() + QStringLiteral("[control]\npeer = node2\n"), 7, "peer",
            "an IPv4 address or [IPv6 address]");
        row("tls relative", group() + QStringLiteral("[control]\ntls-key = key.pem\n"), 7, "tls-key",
            "absolute path");
        row("control twice", group() + QStringLiteral("[control]\n[control]\n"), 7, "",
            "[control] given twice");
        row("vhid 0", group().replace(QStringLiteral("vhid 1"), QStringLiteral("vhid 0")), 1, "vhid",
            "expected an integer 1-255, got '0'");
        row("vhid 256", group().replace(QStringLiteral("vhid 1"), QStringLiteral("vhid 256")), 1, "vhid",
            "got '256'");
        row("unknown section", group() + QStringLiteral("[global]\nfoo = 1\n"), 6, "",
            "expected a [control] or [vhid N] section, got '[global]'");
        row("broken header", QStringLiteral("[vhid 1\n") + group(), 1, "", "section header");
        row("same vhid same interface",
            group() + group().replace(QStringLiteral("192.0.2.10"), QStringLiteral("192.0.2.20")), 6, "vhid",
            "vhid 1 on interface 'eth0' is already defined at line 1");
        row("same vip in two groups",
            group() + group().replace(QStringLiteral("vhid 1"), QStringLiteral("vhid 2")), 6, "vip",
            "VIP 192.0.2.10 is already used by the section at line 1");
        row("no equals sign", group({QStringLiteral("advskew 1")}), 6, "",
            "expected 'key = value' or a [section]");
        row("no key", group({QStringLiteral("= 1")}), 6, "", "expected 'key = value'");
        row("unterminated quote", group({QStringLiteral("password = \"abc")}, QStringLiteral("password")), 5,
            "password", "closing '\"'");
        row("bad escape", group({QStringLiteral("password = \"a\\nb\"")}, QStringLiteral("password")), 5,
            "password", "got '\\n'");
        row("text after quote", group({QStringLiteral("password = \"a\" b")}, QStringLiteral("password")), 5,
            "password", "nothing but a comment after the closing quote, got 'b'");
        row("no groups", QStringLiteral("state-dir = /var/lib/baton\n"), 0, "", "no [vhid N] section");
        row("empty file", QString(), 0, "", "no [vhid N] section");
    }

    void bad()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, key);
        QFETCH(QString, message);
        const ConfigResult result = AgentConfigParser::parseText(expand(text), FileName);
        QVERIFY(!result.ok());
        QVERIFY(hasOnlyError(result, FileName, line, key, expand(message)));
    }

    void messageFormat()
    {
        QString text = group();
        for (int i = 0; i < 6; ++i)
            text += QStringLiteral("# filler\n");
        text += QStringLiteral("advskew = 300\n");
        const ConfigResult result = AgentConfigParser::parseText(text, FileName);
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(
            result.errors.first().toString(),
            QStringLiteral("/etc/baton/batond.conf:12: key 'advskew': expected an integer 0-254, got '300'"));
    }

    void collectsAllErrors()
    {
        const QString text = group({QStringLiteral("advskew = 300"), QStringLiteral("deadratio = 0"),
                                    QStringLiteral("bogus = 1")}) +
                             QStringLiteral("[vhid 2]\ninterface = eth1\n");
        const ConfigResult result = AgentConfigParser::parseText(text, FileName);
        QStringList where;
        for (const ConfigError& e : result.errors)
            where << QStringLiteral("%1:%2").arg(e.line).arg(e.key);
        QCOMPARE(where, (QStringList{QStringLiteral("6:advskew"), QStringLiteral("7:deadratio"),
                                     QStringLiteral("8:bogus"), QStringLiteral("9:source"),
                                     QStringLiteral("9:vip"), QStringLiteral("9:password")}));
    }

    void passwordFileWarnsWhenOpen()
    {
        const QString text =
            expand(group({QStringLiteral("password-file = %DIR%/open.pass")}, QStringLiteral("password")));
        const ConfigResult result = AgentConfigParser::parseText(text, FileName);
        QVERIFY2(result.ok(), qPrintable(allErrors(result)));
        QCOMPARE(result.config.groups.first().password, QByteArray("open_pw"));
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY(result.warnings.first().startsWith(FileName + QStringLiteral(":5: key 'password-file': ")));
        QVERIFY(result.warnings.first().contains(QStringLiteral("readable by group or others")));
    }

    void hookOptionsWithoutHookWarn()
    {
        const ConfigResult result =
            AgentConfigParser::parseText(group({QStringLiteral("hook-xparam = x")}), FileName);
        QVERIFY(result.ok());
        QCOMPARE(result.warnings.size(), 1);
        QVERIFY(result.warnings.first().contains(QStringLiteral("no effect without up-hook or down-hook")));
    }

    void parseFileErrors()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.conf"));
        ConfigResult result = AgentConfigParser::parseFile(missing);
        QVERIFY(hasOnlyError(result, missing, 0, QString(), QStringLiteral("no such file")));

        const QString huge = m_dir.filePath(QStringLiteral("huge.conf"));
        QVERIFY(writeFile(huge, QByteArray(AgentConfigParser::MaxFileSize + 1, 'a')));
        result = AgentConfigParser::parseFile(huge);
        QVERIFY(hasOnlyError(result, huge, 0, QString(), QStringLiteral("larger than 1 MiB")));

        result = AgentConfigParser::parseFile(m_dir.path());
        QVERIFY(hasOnlyError(result, m_dir.path(), 0, QString(), QStringLiteral("is a directory")));

        const QString good = m_dir.filePath(QStringLiteral("good.conf"));
        QVERIFY(writeFile(good, group().toUtf8()));
        result = AgentConfigParser::parseFile(good);
        QVERIFY2(result.ok(), qPrintable(allErrors(result)));
        QCOMPARE(result.config.groups.size(), 1);
    }

    void packagedExampleParses()
    {
        const QString path = QStringLiteral(BATON_TEST_DATA_DIR "/../../packaging/batond.conf.example");
        const ConfigResult result = AgentConfigParser::parseFile(path);
        QVERIFY2(result.ok(), qPrintable(allErrors(result)));
        // An example shipped 0644 under /usr/share/doc: the one warning is about its readable password.
        QVERIFY2(result.warnings.size() == 1 && result.warnings.first().contains(QLatin1StringView("forge")),
                 qPrintable(result.warnings.join(u'\n')));
        QVERIFY(!result.config.groups.isEmpty());
    }

    void garbageNeverCrashes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QRandomGenerator random(42);
        for (int i = 0; i < 8; ++i) {
            QByteArray bytes(4096, '\0');
            for (char& b : bytes)
                b = static_cast<char>(random.bounded(256));
            QTest::addRow("random %d", i) << bytes;
        }
        QTest::newRow("huge line") << QByteArray(1024 * 1024, 'a');
        QTest::newRow("huge key") << QByteArray(200'000, 'k') + " = 1\n";
        QTest::newRow("huge quoted value") << "[vhid 1]\npassword = \"" + QByteArray(200'000, 'x') + "\"\n";
        QTest::newRow("huge section") << "[" + QByteArray(200'000, ' ') + "]";
        QTest::newRow("nul bytes") << QByteArrayLiteral("[vhid 1]\ninter\0face = eth0\n\0\0\0");
        QTest::newRow("only CRs") << QByteArray(1000, '\r');
        QTest::newRow("brackets") << QByteArray("[\n]\n[]\n[[vhid 1]]\n[vhid]\n[vhid 1 2]\n");
        QTest::newRow("quotes") << QByteArray("a = \"\n\" = \"\nb = \\\nc = \"\\\n");
        QTest::newRow("many errors") << QByteArray(100'000, '\n').replace('\n', "x\n");
    }

    void garbageNeverCrashes()
    {
        QFETCH(QByteArray, bytes);
        const ConfigResult result = AgentConfigParser::parseText(QString::fromUtf8(bytes), FileName);
        QVERIFY(!result.ok());
        QVERIFY(result.errors.size() <= ConfigDiagnostics::MaxErrors + 1);
        for (const ConfigError& e : result.errors) {
            QCOMPARE(e.file, FileName);
            QVERIFY(e.message.size() < 400); // quoted input is cut short
        }
    }
};

QTEST_GUILESS_MAIN(TestAgentConfigParser)
#include "TestAgentConfigParser.moc"
