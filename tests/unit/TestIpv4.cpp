// SPDX-License-Identifier: GPL-3.0-or-later
// Ipv4: strict dotted quads (as inet_pton reads them, so as ucarp and iproute2 do), prefixes and
// netmasks.
#include "net/Ipv4.h"

#include <QTest>

using namespace baton;

// Leading zeros are refused: inet_pton (ucarp, iproute2) refuses them, and inet_aton (ping) reads
// them as octal, so "010.0.0.1" means 8.0.0.1 to one tool and nothing to the other.

class TestIpv4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<quint32>("address");
        const auto good = [](const char* text, quint32 address) {
            QTest::newRow(text) << QString::fromUtf8(text) << true << address;
        };
        const auto bad = [](const char* name, const QString& text) {
            QTest::newRow(name) << text << false << 0u;
        };
        good("192.0.2.10", 0xC000020A);
        good("0.0.0.0", 0);
        good("255.255.255.255", 0xFFFFFFFF);
        good("1.2.3.4", 0x01020304);
        good("10.9.0.100", 0x0A090064);
        good("224.0.0.18", 0xE0000012);
        bad("octet 256", QStringLiteral("256.0.0.1"));
        bad("octet 999", QStringLiteral("1.2.3.999"));
        bad("three octets", QStringLiteral("1.2.3"));
        bad("five octets", QStringLiteral("1.2.3.4.5"));
        bad("leading space", QStringLiteral(" 1.2.3.4"));
        bad("trailing space", QStringLiteral("1.2.3.4 "));
        bad("trailing newline", QStringLiteral("1.2.3.4\n"));
        bad("empty", QString());
        bad("empty octet", QStringLiteral("1..3.4"));
        bad("trailing dot", QStringLiteral("1.2.3.4."));
        bad("leading dot", QStringLiteral(".1.2.3.4"));
        bad("prefix", QStringLiteral("192.0.2.10/24"));
        bad("plus sign", QStringLiteral("+1.2.3.4"));
        bad("minus sign", QStringLiteral("1.2.3.-4"));
        bad("hex", QStringLiteral("0x1.2.3.4"));
        bad("single number", QStringLiteral("3221225994"));
        bad("four digits", QStringLiteral("1234.1.1.1"));
        bad("fullwidth digit", QStringLiteral("\uff11.2.3.4"));
        bad("arabic-indic digit", QStringLiteral("\u0661.2.3.4"));
        bad("letters", QStringLiteral("a.b.c.d"));
        bad("hostname", QStringLiteral("node1"));
        bad("leading zero", QStringLiteral("01.2.3.4"));
        bad("leading zero last octet", QStringLiteral("1.2.3.010"));
        bad("zero padded zero", QStringLiteral("00.0.0.0"));
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(quint32, address);
        const auto parsed = Ipv4::parse(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, address);
    }

    void toStringRoundTrip_data()
    {
        QTest::addColumn<quint32>("address");
        QTest::newRow("zero") << 0u;
        QTest::newRow("vip") << 0xC000020Au;
        QTest::newRow("all ones") << 0xFFFFFFFFu;
        QTest::newRow("group") << 0xE0000012u;
    }

    void toStringRoundTrip()
    {
        QFETCH(quint32, address);
        QCOMPARE(Ipv4::parse(Ipv4::toString(address)), std::optional<quint32>(address));
    }

    void toStringText()
    {
        QCOMPARE(Ipv4::toString(0xC000020A), QStringLiteral("192.0.2.10"));
        QCOMPARE(Ipv4::toString(0), QStringLiteral("0.0.0.0"));
    }

    void netmask_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("prefix"); // -1: not a valid netmask
        QTest::newRow("/24") << QStringLiteral("255.255.255.0") << 24;
        QTest::newRow("/32") << QStringLiteral("255.255.255.255") << 32;
        QTest::newRow("/0") << QStringLiteral("0.0.0.0") << 0;
        QTest::newRow("/1") << QStringLiteral("128.0.0.0") << 1;
        QTest::newRow("/23") << QStringLiteral("255.255.254.0") << 23;
        QTest::newRow("/31") << QStringLiteral("255.255.255.254") << 31;
        QTest::newRow("/8") << QStringLiteral("255.0.0.0") << 8;
        QTest::newRow("hole") << QStringLiteral("255.0.255.0") << -1;
        QTest::newRow("low bit") << QStringLiteral("255.255.255.1") << -1;
        QTest::newRow("inverted") << QStringLiteral("0.0.0.255") << -1;
        QTest::newRow("one stray bit") << QStringLiteral("255.255.253.0") << -1;
        QTest::newRow("bits, not dotted") << QStringLiteral("24") << -1;
        QTest::newRow("not an address") << QStringLiteral("255.255.255") << -1;
    }

    void netmask()
    {
        QFETCH(QString, text);
        QFETCH(int, prefix);
        const auto parsed = Ipv4::netmaskToPrefix(text);
        QCOMPARE(parsed.value_or(-1), prefix);
    }

    void multicast_data()
    {
        QTest::addColumn<quint32>("address");
        QTest::addColumn<bool>("multicast");
        QTest::newRow("224.0.0.0") << 0xE0000000u << true;
        QTest::newRow("224.0.0.18") << 0xE0000012u << true;
        QTest::newRow("239.255.255.255") << 0xEFFFFFFFu << true;
        QTest::newRow("223.255.255.255") << 0xDFFFFFFFu << false;
        QTest::newRow("240.0.0.0") << 0xF0000000u << false;
        QTest::newRow("192.0.2.10") << 0xC000020Au << false;
    }

    void multicast()
    {
        QFETCH(quint32, address);
        QFETCH(bool, multicast);
        QCOMPARE(Ipv4::isMulticast(address), multicast);
    }

    void prefix_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("allowBare");
        QTest::addColumn<QString>("expected"); // empty: refused
        const auto row = [](const char* text, bool allowBare, const char* expected) {
            QTest::addRow("%s%s", text, allowBare ? " (bare ok)" : "")
                << QString::fromLatin1(text) << allowBare << QString::fromLatin1(expected);
        };
        row("192.0.2.10/24", false, "192.0.2.10/24");
        row("192.0.2.10/32", false, "192.0.2.10/32");
        row("192.0.2.10/1", false, "192.0.2.10/1");
        row("192.0.2.10", false, "");
        row("192.0.2.10", true, "192.0.2.10/32");
        row("192.0.2.10/24", true, "192.0.2.10/24");
        row("192.0.2.10/0", false, "");
        row("192.0.2.10/33", false, "");
        row("192.0.2.10/", false, "");
        row("192.0.2.10/024", false, "");
        row("192.0.2.10/+8", false, "");
        row("192.0.2.10/ 8", false, "");
        row("192.0.2.10/8 ", false, "");
        row("192.0.2.10/x", false, "");
        row("192.0.2/24", false, "");
        row("/24", false, "");
        row("192.0.2.10/24/24", false, "");
    }

    void prefix()
    {
        QFETCH(QString, text);
        QFETCH(bool, allowBare);
        QFETCH(QString, expected);
        const auto parsed = Ipv4Prefix::parse(text, allowBare);
        QCOMPARE(parsed ? parsed->toString() : QString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestIpv4)
#include "TestIpv4.moc"
