// SPDX-License-Identifier: GPL-3.0-or-later
// IcmpEcho: echo request/reply encoding and the checks made on what a ping or raw socket returns.
#include "net/IcmpEcho.h"

#include <QTest>

using namespace baton;

namespace {
// An echo reply (id 0x1447 as a ping socket's kernel picked it, seq 2, 8 bytes of ping's pattern)
// and the 20-byte IPv4 header a raw socket puts before it: 192.0.2.10 -> 192.0.2.100, protocol 1.
const QByteArray Reply = QByteArray::fromHex("00009f66144700021011121314151617");
const QByteArray IpHeader = QByteArray::fromHex("450000241234000040010000c000020ac0000264");

QByteArray withByte(QByteArray bytes, qsizetype index, char value)
{
    bytes[index] = value;
    return bytes;
}
} // namespace

class TestIcmpEcho : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encode()
    {
        IcmpEcho echo;
        echo.identifier = 0x1234;
        echo.sequence = 1;
        echo.payload = "abcd";
        QCOMPARE(echo.encode().toHex(), QByteArray("080021041234000161626364"));
        // The checksum field makes the whole message sum to zero, also with an odd length.
        echo.payload = "abc";
        QCOMPARE(IcmpEcho::decode(echo.encode()), std::optional<IcmpEcho>(echo));
    }

    void decodeReply()
    {
        const auto echo = IcmpEcho::decode(Reply);
        QVERIFY(echo);
        QCOMPARE(echo->type, IcmpEcho::EchoReply);
        QCOMPARE(echo->identifier, quint16{0x1447});
        QCOMPARE(echo->sequence, quint16{2});
        QCOMPARE(echo->payload, QByteArray::fromHex("1011121314151617"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<quint8>("type");
        QTest::addColumn<quint16>("identifier");
        QTest::addColumn<quint16>("sequence");
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("request") << IcmpEcho::EchoRequest << quint16{1} << quint16{1} << QByteArray(56, 'x');
        QTest::newRow("reply, no payload") << IcmpEcho::EchoReply << quint16{0} << quint16{0} << QByteArray();
        QTest::newRow("sequence wraps")
            << IcmpEcho::EchoRequest << quint16{0xFFFF} << quint16{0xFFFF} << QByteArray("\xff\xff\xff", 3);
    }

    void roundTrip()
    {
        QFETCH(quint8, type);
        QFETCH(quint16, identifier);
        QFETCH(quint16, sequence);
        QFETCH(QByteArray, payload);
        const IcmpEcho echo{type, identifier, sequence, payload};
        const QByteArray bytes = echo.encode();
        QCOMPARE(bytes.size(), IcmpEcho::HeaderSize + payload.size());
        QCOMPARE(IcmpEcho::decode(bytes), std::optional<IcmpEcho>(echo));
    }

    void decodeRejects_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("7 bytes") << Reply.left(7);
        QTest::newRow("bad checksum") << withByte(Reply, 15, '\x18');
        QTest::newRow("truncated payload") << Reply.left(12); // checksum covered 16 bytes
        QTest::newRow("code 1") << withByte(Reply, 1, '\x01');
        // Destination unreachable with a valid checksum is still not an echo.
        IcmpEcho unreachable{3, 0, 0, {}};
        QTest::newRow("type 3") << unreachable.encode();
        IcmpEcho timestamp{13, 1, 1, {}};
        QTest::newRow("type 13") << timestamp.encode();
    }

    void decodeRejects()
    {
        QFETCH(QByteArray, bytes);
        QCOMPARE(IcmpEcho::decode(bytes), std::nullopt);
    }

    void decodeIpv4()
    {
        quint32 source = 0;
        const auto echo = IcmpEcho::decodeIpv4(QByteArray(IpHeader + Reply), &source);
        QVERIFY(echo);
        QCOMPARE(echo->sequence, quint16{2});
        QCOMPARE(source, quint32{0xC000020A});
        // Link-layer padding after the IP total length is not part of the message.
        QCOMPARE(IcmpEcho::decodeIpv4(QByteArray(IpHeader + Reply + QByteArray(10, '\0'))), echo);
        QCOMPARE(IcmpEcho::decodeIpv4(QByteArray(IpHeader + Reply)), echo); // source is optional
    }

    void decodeIpv4WithOptions()
    {
        // IHL 6: four bytes of options (NOP x4) before the ICMP message.
        QByteArray header = IpHeader;
        header[0] = '\x46';
        header[3] = '\x28';
        header += QByteArray(4, '\x01');
        quint32 source = 0;
        const auto echo = IcmpEcho::decodeIpv4(QByteArray(header + Reply), &source);
        QVERIFY(echo);
        QCOMPARE(echo->identifier, quint16{0x1447});
        QCOMPARE(source, quint32{0xC000020A});
    }

    void decodeIpv4Rejects_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray good = IpHeader + Reply;
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("header only") << IpHeader;
        QTest::newRow("short header") << good.left(19);
        QTest::newRow("version 6") << withByte(good, 0, '\x65');
        QTest::newRow("IHL 4") << withByte(good, 0, '\x44');
        QTest::newRow("IHL beyond total length") << withByte(good, 0, '\x4F');
        QTest::newRow("UDP") << withByte(good, 9, '\x11');
        QTest::newRow("total length beyond data") << withByte(good, 3, '\x30');
        QTest::newRow("total length below header") << withByte(good, 3, '\x10');
        QTest::newRow("more fragments") << withByte(good, 6, '\x20');
        QTest::newRow("fragment offset") << withByte(good, 7, '\x01');
        QTest::newRow("bad ICMP checksum") << withByte(good, 35, '\x18');
    }

    void decodeIpv4Rejects()
    {
        QFETCH(QByteArray, bytes);
        quint32 source = 0xDEADBEEF;
        QCOMPARE(IcmpEcho::decodeIpv4(bytes, &source), std::nullopt);
        QCOMPARE(source, quint32{0xDEADBEEF}); // untouched
    }
};

QTEST_GUILESS_MAIN(TestIcmpEcho)
#include "TestIcmpEcho.moc"
