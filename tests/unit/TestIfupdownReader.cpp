// SPDX-License-Identifier: GPL-3.0-or-later
// Debian interfaces files with ucarp-* stanzas, read as they are: the seed stanza, the values each
// key gives, includes, and bad files with the exact file, line and key of their one error.
#include "ConfigTestSupport.h"
#include "config/IfupdownReader.h"
#include "config/UcarpStanzaMapper.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using namespace baton::test;

namespace {

const QString DefaultAlias = QStringLiteral("iface eth0:ucarp inet static\n  address 192.0.2.10/24\n");

// The seed stanza: lines 1-6 fixed, extra option lines from line 7, then the VIP stanza.
QString stanza(const QStringList& extra = {}, const QString& without = QString(),
               const QString& alias = DefaultAlias)
{
    QStringList lines = {QStringLiteral("auto eth0"),
                         QStringLiteral("iface eth0 inet static"),
                         QStringLiteral("  address 192.0.2.11/24"),
                         QStringLiteral("  ucarp-vid 1"),
                         QStringLiteral("  ucarp-vip 192.0.2.10"),
                         QStringLiteral("  ucarp-password some_password")};
    if (!without.isEmpty())
        lines.removeIf([&without](const QString& l) { return l.trimmed().startsWith(without + u' '); });
    for (const QString& line : extra)
        lines << QStringLiteral("  ") + line;
    return lines.join(u'\n') + u'\n' + alias;
}

QStringList files(const QString& main, const QStringList& more = {})
{
    return QStringList{QStringLiteral("interfaces"), main} + more;
}

} // namespace

class TestIfupdownReader : public QObject
{
    Q_OBJECT

private:
    // Writes name/content pairs into a fresh directory and reads its "interfaces" file.
    ConfigResult read(const QStringList& nameContentPairs, QString* dirPath)
    {
        m_run = std::make_unique<QTemporaryDir>();
        *dirPath = m_run->path();
        for (qsizetype i = 0; i + 1 < nameContentPairs.size(); i += 2) {
            const QString path = m_run->filePath(nameContentPairs[i]);
            QDir().mkpath(QFileInfo(path).path());
            QString content = nameContentPairs[i + 1];
            if (!writeFile(path, content.replace(QStringLiteral("%DIR%"), *dirPath).toUtf8()))
                qFatal("cannot write %s", qPrintable(path));
        }
        return IfupdownReader::readFile(m_run->filePath(QStringLiteral("interfaces")));
    }
    std::unique_ptr<QTemporaryDir> m_run;

private Q_SLOTS:
    void seedFile()
    {
        const QString path = QStringLiteral(BATON_TEST_DATA_DIR "/ifupdown/interfaces");
        const ConfigResult result = IfupdownReader::readFile(path);
        QVERIFY2(result.ok(), qPrintable(allErrors(result)));
        // The seed's file is 0644, as Debian ships /etc/network/interfaces: its password is exposed.
        QVERIFY2(result.warnings.size() == 1 && result.warnings.first().contains(QLatin1StringView("forge")),
                 qPrintable(result.warnings.join(u'\n')));
        QCOMPARE(result.config.groups.size(), 1);
        const GroupConfig& g = result.config.groups.first();
        QCOMPARE(g.interface, QStringLiteral("eth0"));
        QCOMPARE(g.source, 0xC000020Bu);
        QCOMPARE(g.vhid, quint8{1});
        QCOMPARE(g.vips, (QList<Ipv4Prefix>{{0xC000020Au, 24}}));
        QCOMPARE(g.vipLabel, QStringLiteral("eth0:ucarp"));
        QCOMPARE(g.password, QByteArray("some_password"));
        QCOMPARE(g.passwordFile, QString());
        QCOMPARE(g.advskew, quint8{1});
        QCOMPARE(g.advbase, quint8{1});
        QCOMPARE(g.deadratio, 3u);
        QCOMPARE(g.preempt, false);
        QCOMPARE(g.multicastGroup, 0xE0000012u);
        QCOMPARE(g.hooks, HookConfig{});
        QCOMPARE(g.line, 8);
        QCOMPARE(result.config.control, ControlConfig{});
    }

    void good_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("group");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("warnings");
        const auto row = [](const char* name, const QStringList& f, const char* field,
                            const QString& expected, int warnings = 0, int group = 0) {
            QTest::newRow(name) << f << QString::fromLatin1(field) << group << expected << warnings;
        };
        row("defaults: advskew", files(stanza()), "advskew", QStringLiteral("0"));
        row("defaults: advbase", files(stanza()), "advbase", QStringLiteral("1"));
        row("defaults: deadratio", files(stanza()), "deadratio", QStringLiteral("3"));
        row("defaults: preempt", files(stanza()), "preempt", QStringLiteral("false"));
        row("plain source address",
            files(stanza().replace(QStringLiteral("192.0.2.11/24"), QStringLiteral("192.0.2.11"))), "source",
            QStringLiteral("192.0.2.11"));
        row("source with netmask",
            files(stanza({QStringLiteral("netmask 255.255.255.0")})
                      .replace(QStringLiteral("11/24"), QStringLiteral("11"))),
            "source", QStringLiteral("192.0.2.11"));
        row("vip dotted netmask",
            files(stanza({}, {},
                         QStringLiteral(
                             "iface eth0:ucarp inet static\n address 192.0.2.10\n netmask 255.255.255.0\n"))),
            "vips", QStringLiteral("192.0.2.10/24"));
        row("vip netmask bits",
            files(stanza({}, {},
                         QStringLiteral("iface eth0:ucarp inet static\n address 192.0.2.10\n netmask 25\n"))),
            "vips", QStringLiteral("192.0.2.10/25"));
        row("vip README.Debian /32",
            files(
                stanza({}, {},
                       QStringLiteral(
                           "iface eth0:ucarp inet static\n address 192.0.2.10\n netmask 255.255.255.255\n"))),
            "vips", QStringLiteral("192.0.2.10/32"));
        row("vip no prefix",
            files(stanza({}, {}, QStringLiteral("iface eth0:ucarp inet static\n address 192.0.2.10\n"))),
            "vips", QStringLiteral("192.0.2.10/32"));
        row("vip prefix and equal netmask",
            files(stanza(
                {}, {},
                QStringLiteral("iface eth0:ucarp inet static\n address 192.0.2.10/24\n netmask 24\n"))),
            "vips", QStringLiteral("192.0.2.10/24"));
        row("no VIP stanza: /32 and a warning", files(stanza({}, {}, QString())), "vips",
            QStringLiteral("192.0.2.10/32"), 1);
        row("VIP stanza first", files(DefaultAlias + stanza({}, {}, QString())), "vips",
            QStringLiteral("192.0.2.10/24"));
        row("label", files(stanza()), "vipLabel", QStringLiteral("eth0:ucarp"));
        row("advskew", files(stanza({QStringLiteral("ucarp-advskew 100")})), "advskew",
            QStringLiteral("100"));
        row("advbase", files(stanza({QStringLiteral("ucarp-advbase 3")})), "advbase", QStringLiteral("3"));
        row("advbase 0 with skew",
            files(stanza({QStringLiteral("ucarp-advbase 0"), QStringLiteral("ucarp-advskew 50")})), "advbase",
            QStringLiteral("0"));
        row("deadratio", files(stanza({QStringLiteral("ucarp-deadratio 5")})), "deadratio",
            QStringLiteral("5"));
        for (const char* yes : {"yes", "true", "1", "on", "sure"})
            row(qPrintable(QStringLiteral("master %1").arg(QLatin1StringView(yes))),
                files(stanza({QStringLiteral("ucarp-master ") + QLatin1StringView(yes)})), "preempt",
                QStringLiteral("true"), QByteArrayView(yes) == "sure" ? 1 : 0);
        for (const char* no : {"no", "off", "false", "0", "nope", "offline", "00"})
            row(qPrintable(QStringLiteral("master %1").arg(QLatin1StringView(no))),
                files(stanza({QStringLiteral("ucarp-master ") + QLatin1StringView(no)})), "preempt",
                QStringLiteral("false"));
        row("master No is yes, with a warning", files(stanza({QStringLiteral("ucarp-master No")})), "preempt",
            QStringLiteral("true"), 1);
        row("master empty is no, with a warning", files(stanza({QStringLiteral("ucarp-master")})), "preempt",
            QStringLiteral("false"), 1);
        row("own scripts",
            files(stanza({QStringLiteral("ucarp-upscript /etc/ucarp/up.sh"),
                          QStringLiteral("ucarp-downscript /etc/ucarp/down.sh"),
                          QStringLiteral("ucarp-xparam extra words")})),
            "hooks", QStringLiteral("/etc/ucarp/up.sh,/etc/ucarp/down.sh,extra words,30"));
        row("Debian's scripts are skipped",
            files(stanza({QStringLiteral("ucarp-upscript /usr/share/ucarp/vip-up"),
                          QStringLiteral("ucarp-downscript /usr/share/ucarp/vip-down")})),
            "hooks", QStringLiteral(",,,30"), 2);
        row("facility ignored", files(stanza({QStringLiteral("ucarp-facility local0")})), "vhid",
            QStringLiteral("1"), 1);
        row("nomcast no", files(stanza({QStringLiteral("ucarp-nomcast no")})), "vhid", QStringLiteral("1"));
        row("password with inner spaces",
            files(stanza({QStringLiteral("ucarp-password two  words")}, QStringLiteral("ucarp-password"))),
            "password", QStringLiteral("two  words"));
        row("continuation line",
            files(stanza({QStringLiteral("ucarp-password some_\\"), QStringLiteral("password")},
                         QStringLiteral("ucarp-password"))),
            "password", QStringLiteral("some_  password"));
        row("indented comment in stanza",
            files(stanza({QStringLiteral("# ucarp-vid 9"), QStringLiteral("ucarp-advskew 7")})), "vhid",
            QStringLiteral("1"));
        row("crlf", files(stanza({QStringLiteral("ucarp-advskew 7")}).replace(u'\n', QStringLiteral("\r\n"))),
            "advskew", QStringLiteral("7"));
        row("no final newline", files(stanza().chopped(1)), "vips", QStringLiteral("192.0.2.10/24"));
        row("other options untouched",
            files(stanza({QStringLiteral("gateway 192.0.2.1"), QStringLiteral("up ip link set eth0 mtu 9000"),
                          QStringLiteral("dns-nameservers 192.0.2.53")})),
            "vhid", QStringLiteral("1"));
        row("mapping stanza",
            files(QStringLiteral("mapping eth1\n  script /usr/local/sbin/map\n  map a b\n") + stanza()),
            "vhid", QStringLiteral("1"));
        row("inherits",
            files(
                QStringLiteral("iface base inet static\n  address 192.0.2.11/24\n"
                               "iface eth0 inet static inherits base\n  ucarp-vid 4\n  ucarp-vip 192.0.2.10\n"
                               "  ucarp-password some_password\n") +
                DefaultAlias),
            "source", QStringLiteral("192.0.2.11"));
        row("two groups",
            files(stanza() +
                  QStringLiteral("iface eth1 inet static\n address 198.51.100.11/24\n ucarp-vid 2\n"
                                 " ucarp-vip 198.51.100.10\n ucarp-password pw2\n"
                                 "iface eth1:ucarp inet static\n address 198.51.100.10/24\n")),
            "interface", QStringLiteral("eth1"), 0, 1);
        row("source relative",
            files(QStringLiteral("source interfaces.d/eth0\n"),
                  {QStringLiteral("interfaces.d/eth0"), stanza()}),
            "vhid", QStringLiteral("1"));
        row("source absolute",
            files(QStringLiteral("source %DIR%/interfaces.d/eth0\n"),
                  {QStringLiteral("interfaces.d/eth0"), stanza()}),
            "vhid", QStringLiteral("1"));
        row("source glob",
            files(QStringLiteral("source interfaces.d/*\n"),
                  {QStringLiteral("interfaces.d/b"), stanza(), QStringLiteral("interfaces.d/a"),
                   QStringLiteral("auto lo\niface lo inet loopback\n")}),
            "source", QStringLiteral("192.0.2.11"));
        row("source glob no match", files(QStringLiteral("source interfaces.d/*.cfg\n") + stanza()), "vhid",
            QStringLiteral("1"));
        row("source missing file: skipped, warned", files(QStringLiteral("source nothing-here\n") + stanza()),
            "vhid", QStringLiteral("1"), 1);
        row("source-directory order and names",
            files(QStringLiteral("source-directory interfaces.d\n"),
                  {QStringLiteral("interfaces.d/20-eth1"),
                   QStringLiteral("iface eth1 inet static\n address 198.51.100.11/24\n ucarp-vid 2\n "
                                  "ucarp-vip 198.51.100.10\n ucarp-password pw2\n"),
                   QStringLiteral("interfaces.d/10-eth0"), stanza(),
                   QStringLiteral("interfaces.d/eth2.dpkg-old"),
                   QStringLiteral("iface eth2 inet static\n address 203.0.113.1/24\n ucarp-vid 3\n")}),
            "interface", QStringLiteral("eth1"), 1, 1);
        row("same file twice read once",
            files(QStringLiteral("source a\nsource a\n"), {QStringLiteral("a"), stanza()}), "groups",
            QStringLiteral("1"));
        row("stanza continues after include",
            files(stanza({}, {}, QString()) + QStringLiteral("source vip\n"),
                  {QStringLiteral("vip"), DefaultAlias}),
            "vips", QStringLiteral("192.0.2.10/24"));
    }

    void good()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, field);
        QFETCH(int, group);
        QFETCH(QString, expected);
        QFETCH(int, warnings);
        QString dir;
        const ConfigResult result = read(files, &dir);
        QVERIFY2(result.ok(), qPrintable(allErrors(result)));
        QCOMPARE(fieldText(result.config, field, group), expected);
        QVERIFY2(result.warnings.size() == warnings, qPrintable(result.warnings.join(u'\n')));
    }

    void bad_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, const QStringList& f, int line, const char* key,
                            const char* message, const char* file = "interfaces") {
            QTest::newRow(name) << f << QString::fromLatin1(file) << line << QString::fromLatin1(key)
                                << QString::fromUtf8(message);
        };
        row("vip differs from ucarp-vip",
            files(stanza({}, {}, QStringLiteral("iface eth0:ucarp inet static\n  address 192.0.2.20/24\n"))),
            8, "address", "VIP 192.0.2.20 differs from ucarp-vip 192.0.2.10 at %DIR%/interfaces:5");
        row("password missing", files(stanza({}, QStringLiteral("ucarp-password"))), 2, "ucarp-password",
            "missing; this stanza has other ucarp keys");
        row("vid missing", files(stanza({}, QStringLiteral("ucarp-vid"))), 2, "ucarp-vid",
            "Debian's hook would silently");
        row("vip missing", files(stanza({}, QStringLiteral("ucarp-vip"))), 2, "ucarp-vip", "missing");
        row("vid 0",
            files(stanza({}, QStringLiteral("ucarp-vid"))
                      .replace(QStringLiteral("ucarp-vip"), QStringLiteral("ucarp-vid 0\n  ucarp-vip"))),
            4, "ucarp-vid", "expected an integer 1-255, got '0'");
        row("vid 256", files(stanza({QStringLiteral("ucarp-vid 256")}, QStringLiteral("ucarp-vid"))), 6,
            "ucarp-vid", "got '256'");
        row("vid twice", files(stanza({QStringLiteral("ucarp-vid 2")})), 7, "ucarp-vid",
            "given twice in this stanza; first at line 4");
        row("password 20 bytes",
            files(stanza({QStringLiteral("ucarp-password 01234567890123456789")},
                         QStringLiteral("ucarp-password"))),
            6, "ucarp-password", "at most 19 bytes (ucarp's limit), got 20 bytes");
        row("advskew 255", files(stanza({QStringLiteral("ucarp-advskew 255")})), 7, "ucarp-advskew",
            "0-254, got '255'");
        row("advbase word", files(stanza({QStringLiteral("ucarp-advbase fast")})), 7, "ucarp-advbase",
            "got 'fast'");
        row("advbase and advskew 0",
            files(stanza({QStringLiteral("ucarp-advbase 0"), QStringLiteral("ucarp-advskew 0")})), 7,
            "ucarp-advbase", "non-zero ucarp-advskew");
        row("deadratio 0", files(stanza({QStringLiteral("ucarp-deadratio 0")})), 7, "ucarp-deadratio",
            "1-100");
        row("nomcast", files(stanza({QStringLiteral("ucarp-nomcast yes")})), 7, "ucarp-nomcast",
            "not supported");
        row("unknown ucarp key, close", files(stanza({QStringLiteral("ucarp-advskw 5")})), 7, "ucarp-advskw",
            "unknown ucarp key (did you mean 'ucarp-advskew'?)");
        row("unknown ucarp key", files(stanza({QStringLiteral("ucarp-neutral yes")})), 7, "ucarp-neutral",
            "unknown ucarp key");
        row("upscript relative", files(stanza({QStringLiteral("ucarp-upscript vip-up.sh")})), 7,
            "ucarp-upscript", "expected an absolute path, got 'vip-up.sh'");
        row("dhcp stanza",
            files(stanza().replace(QStringLiteral("eth0 inet static"), QStringLiteral("eth0 inet dhcp"))), 2,
            "iface", "need an 'inet static' stanza whose address is the source address, got 'inet dhcp'");
        row("inet6 stanza",
            files(stanza().replace(QStringLiteral("eth0 inet static"), QStringLiteral("eth0 inet6 static"))),
            2, "iface", "got 'inet6 static'");
        row("address missing", files(stanza({}, QStringLiteral("address"))), 2, "address",
            "missing; the stanza's own address");
        row("address bad",
            files(stanza().replace(QStringLiteral("192.0.2.11/24"), QStringLiteral("192.0.2.11/40"))), 3,
            "address", "got '192.0.2.11/40'");
        row("vip equals own address",
            files(
                stanza({}, {}, QString())
                    .replace(QStringLiteral("ucarp-vip 192.0.2.10"), QStringLiteral("ucarp-vip 192.0.2.11"))),
            5, "ucarp-vip", "the stanza's own address");
        row("ucarp-vip with prefix",
            files(stanza().replace(QStringLiteral("ucarp-vip 192.0.2.10"),
                                   QStringLiteral("ucarp-vip 192.0.2.10/24"))),
            5, "ucarp-vip", "expected a unicast IPv4 address like 192.0.2.11, got '192.0.2.10/24'");
        row("interface name too long",
            files(stanza({}, {}, QString())
                      .replace(QStringLiteral("iface eth0 "), QStringLiteral("iface eth0123456789abcd "))),
            2, "iface", "1-15 characters");
        row("vip netmask not contiguous",
            files(stanza(
                {}, {},
                QStringLiteral("iface eth0:ucarp inet static\n address 192.0.2.10\n netmask 255.0.255.0\n"))),
            9, "netmask", "contiguous netmask");
        row("vip netmask disagrees",
            files(
                stanza({}, {},
                       QStringLiteral(
                           "iface eth0:ucarp inet static\n address 192.0.2.10/24\n netmask 255.255.0.0\n"))),
            9, "netmask", "netmask /16 disagrees with the address's own /24");
        row("vip stanza dhcp", files(stanza({}, {}, QStringLiteral("iface eth0:ucarp inet dhcp\n"))), 7,
            "address", "'eth0:ucarp' needs to be an 'inet static' stanza");
        row("vip stanza twice", files(stanza() + DefaultAlias), 9, "iface",
            "'eth0:ucarp' is defined twice; first at %DIR%/interfaces:7");
        row("same vid same interface",
            files(stanza() + QStringLiteral("iface eth0 inet static\n address 192.0.2.12/24\n ucarp-vid 1\n "
                                            "ucarp-vip 192.0.2.10\n ucarp-password x\n")),
            11, "ucarp-vid", "vhid 1 on 'eth0' is already used at %DIR%/interfaces:4");
        row("ucarp key outside a stanza", files(stanza() + QStringLiteral("auto eth1\nucarp-vid 3\n")), 10,
            "ucarp-vid", "outside an iface stanza");
        row("ucarp key in a mapping", files(stanza() + QStringLiteral("mapping eth1\n  ucarp-vid 3\n")), 10,
            "ucarp-vid", "inside a mapping stanza");
        row("malformed iface line", files(QStringLiteral("iface eth1 inet\n") + stanza()), 1, "iface",
            "expected 'iface NAME FAMILY METHOD'");
        row("unknown inherits", files(QStringLiteral("iface eth1 inet static inherits nothing\n") + stanza()),
            1, "iface", "unknown iface to inherit from: 'nothing'");
        row("no ucarp stanza", files(QStringLiteral("auto lo\niface lo inet loopback\n")), 0, "",
            "no 'iface ... inet static' stanza with ucarp-* keys");
        row("empty file", files(QString()), 0, "", "no 'iface ... inet static' stanza");
        row("missing main file", {QStringLiteral("other"), QString()}, 0, "",
            "'%DIR%/interfaces': no such file");
        row("include cycle",
            files(QStringLiteral("source a\n") + stanza(),
                  {QStringLiteral("a"), QStringLiteral("source b\n"), QStringLiteral("b"),
                   QStringLiteral("source a\n")}),
            1, "source", "include cycle: %DIR%/interfaces -> %DIR%/a -> %DIR%/b -> %DIR%/a", "b");
        row("include itself", files(QStringLiteral("source interfaces\n") + stanza()), 1, "source",
            "include cycle");
        QStringList chain = files(QStringLiteral("source f1\n") + stanza());
        for (int i = 1; i <= 17; ++i)
            chain << QStringLiteral("f%1").arg(i) << QStringLiteral("source f%1\n").arg(i + 1);
        chain << QStringLiteral("f18") << QString();
        row("includes too deep", chain, 1, "source", "nested deeper than 16 levels", "f16");
        row("wildcard in a directory", files(QStringLiteral("source */eth0\n") + stanza()), 1, "source",
            "wildcards only in the last path component");
        row("source without path", files(QStringLiteral("source\n") + stanza()), 1, "source",
            "expected a path after 'source'");
    }

    void bad()
    {
        QFETCH(QStringList, files);
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, key);
        QFETCH(QString, message);
        QString dir;
        const ConfigResult result = read(files, &dir);
        QVERIFY(!result.ok());
        QVERIFY(hasOnlyError(result, dir + u'/' + file, line, key,
                             QString(message).replace(QStringLiteral("%DIR%"), dir)));
    }

    void masterMeansPreempt_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("preempt");
        for (const char* yes : {"yes", "true", "1", "on", "y", "No", "OFF", "False", " no", "master"})
            QTest::newRow(yes) << QString::fromLatin1(yes) << true;
        for (const char* no : {"", "no", "off", "false", "0", "nope", "none", "offline", "0x1", "falsehood"})
            QTest::newRow(*no ? no : "(empty)") << QString::fromLatin1(no) << false;
    }

    void masterMeansPreempt()
    {
        QFETCH(QString, value);
        QFETCH(bool, preempt);
        QCOMPARE(UcarpStanzaMapper::masterMeansPreempt(value), preempt);
    }

    void warningsNameTheirLine()
    {
        QString dir;
        const ConfigResult result =
            read(files(stanza({QStringLiteral("ucarp-upscript /usr/share/ucarp/vip-up")}, {},
                              DefaultAlias + QStringLiteral("  up echo hi\n"))),
                 &dir);
        QVERIFY2(result.ok(), qPrintable(allErrors(result)));
        QCOMPARE(result.warnings.size(), 2);
        QVERIFY(result.warnings[0].startsWith(
            dir + QStringLiteral("/interfaces:7: key 'ucarp-upscript': skipped")));
        QVERIFY(result.warnings[1].startsWith(dir +
                                              QStringLiteral("/interfaces:10: key 'up': not run by batond")));
    }

    void collectsAllErrors()
    {
        QString dir;
        const ConfigResult result =
            read(files(stanza({QStringLiteral("ucarp-advskew 300"), QStringLiteral("ucarp-bogus 1"),
                               QStringLiteral("ucarp-deadratio 0")},
                              QStringLiteral("ucarp-password"))),
                 &dir);
        QStringList where;
        for (const ConfigError& e : result.errors)
            where << QStringLiteral("%1:%2").arg(e.line).arg(e.key);
        QCOMPARE(where,
                 (QStringList{QStringLiteral("7:ucarp-bogus"), QStringLiteral("2:ucarp-password"),
                              QStringLiteral("6:ucarp-advskew"), QStringLiteral("8:ucarp-deadratio")}));
    }

    void readText()
    {
        const QString name = QStringLiteral("/etc/network/interfaces");
        ConfigResult result = IfupdownReader::readText(stanza(), name);
        QVERIFY2(result.ok(), qPrintable(allErrors(result)));
        QCOMPARE(fieldText(result.config, QStringLiteral("vips")), QStringLiteral("192.0.2.10/24"));

        result = IfupdownReader::readText(stanza({QStringLiteral("ucarp-advskew 300")}), name);
        QVERIFY(hasOnlyError(result, name, 7, QStringLiteral("ucarp-advskew"), QStringLiteral("got '300'")));

        // Includes resolve against the directory of the name given.
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("eth0")), stanza().toUtf8()));
        result = IfupdownReader::readText(QStringLiteral("source eth0\n"),
                                          dir.filePath(QStringLiteral("interfaces")));
        QVERIFY2(result.ok(), qPrintable(allErrors(result)));
        QCOMPARE(result.config.groups.size(), 1);
        QCOMPARE(result.config.groups.first().line, 2);
    }

    void garbageNeverCrashes()
    {
        QByteArray garbage(64 * 1024, '\0');
        for (qsizetype i = 0; i < garbage.size(); ++i)
            garbage[i] = static_cast<char>((i * 7919 + 13) % 256);
        for (const QByteArray& content :
             {garbage, QByteArray(1024 * 1024, 'x'), QByteArray(10'000, '\\'),
              QByteArray("iface\niface a\niface a b\nsource\nsource-directory\n\\")}) {
            QTemporaryDir dir;
            QVERIFY(writeFile(dir.filePath(QStringLiteral("interfaces")), content));
            const ConfigResult result = IfupdownReader::readFile(dir.filePath(QStringLiteral("interfaces")));
            QVERIFY(!result.ok());
        }
    }
};

QTEST_GUILESS_MAIN(TestIfupdownReader)
#include "TestIfupdownReader.moc"
