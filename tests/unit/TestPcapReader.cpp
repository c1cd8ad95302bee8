// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/PcapReader.h"

#include <QTest>
#include <QtEndian>

using namespace baton;

namespace {

// The ucarp advert captured in the reference (§3.2): Ethernet header + 56-byte IPv4 packet.
const QByteArray UcarpFrame =
    QByteArray::fromHex("01005e000012 00005e000007 0800"
                        "45100038 7d2f4000 ff7013fa 0a090001 e0000012"
                        "21071007 0001fe7e 50bf7148 7b7179a8 647e26f7 fdb1ad1b 353acd22 e9755c5e 723328a8");

QByteArray le32(quint32 v)
{
    QByteArray b(4, '\0');
    qToLittleEndian(v, b.data());
    return b;
}
QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray fileHeader(quint32 magic, quint32 linkType, bool bigEndian = false)
{
    auto w = [bigEndian](quint32 v) { return bigEndian ? be32(v) : le32(v); };
    QByteArray h = w(magic);
    h += bigEndian ? QByteArray::fromHex("00020004") : QByteArray::fromHex("02000400");
    h += w(0) + w(0) + w(65535) + w(linkType);
    return h;
}

QByteArray record(const QByteArray& frame, quint32 sec, quint32 frac, bool bigEndian = false)
{
    auto w = [bigEndian](quint32 v) { return bigEndian ? be32(v) : le32(v); };
    return w(sec) + w(frac) + w(static_cast<quint32>(frame.size())) + w(static_cast<quint32>(frame.size())) +
           frame;
}

} // namespace

class TestPcapReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linkTypes_data();
    void linkTypes();
    void nonIpRecordsAreEmpty();
    void malformed_data();
    void malformed();
    void everyTruncationIsSafe();
};

void TestPcapReader::linkTypes_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<qint64>("timestamp");
    const QByteArray ip = UcarpFrame.mid(14);
    QTest::newRow("ethernet, little-endian, microseconds")
        << fileHeader(0xA1B2C3D4, 1) + record(UcarpFrame, 1700000000, 123456) << qint64{1700000000123456};
    QTest::newRow("ethernet, big-endian writer")
        << fileHeader(0xA1B2C3D4, 1, true) + record(UcarpFrame, 1700000000, 5, true)
        << qint64{1700000000000005};
    QTest::newRow("nanosecond timestamps")
        << fileHeader(0xA1B23C4D, 1) + record(UcarpFrame, 10, 999999999) << qint64{10999999};
    QByteArray vlan = UcarpFrame.left(12) + QByteArray::fromHex("81000064") + UcarpFrame.mid(12);
    QTest::newRow("ethernet with a VLAN tag")
        << fileHeader(0xA1B2C3D4, 1) + record(vlan, 1, 0) << qint64{1000000};
    QTest::newRow("raw IP") << fileHeader(0xA1B2C3D4, 101) + record(ip, 2, 0) << qint64{2000000};
    QTest::newRow("Linux cooked v1 (tcpdump -i any)")
        << fileHeader(0xA1B2C3D4, 113) +
               record(QByteArray::fromHex("00000001000600005e0000070000") + QByteArray::fromHex("0800") + ip,
                      3, 0)
        << qint64{3000000};
    QTest::newRow("Linux cooked v2")
        << fileHeader(0xA1B2C3D4, 276) +
               record(QByteArray::fromHex("08000000000000020001000600005e0000070000") + ip, 4, 0)
        << qint64{4000000};
}

void TestPcapReader::linkTypes()
{
    QFETCH(QByteArray, file);
    QFETCH(qint64, timestamp);
    PcapReader reader(file);
    QVERIFY2(reader.headerOk(), qPrintable(reader.error()));
    const auto packet = reader.next();
    QVERIFY(packet.has_value());
    QCOMPARE(packet->timestampMicros, timestamp);
    QCOMPARE(packet->ipv4.toHex(), UcarpFrame.mid(14).toHex());
    QVERIFY(!reader.next().has_value());
    QVERIFY(reader.error().isEmpty());
    QCOMPARE(reader.recordsRead(), 1);
}

void TestPcapReader::nonIpRecordsAreEmpty()
{
    const QByteArray arp = QByteArray::fromHex("ffffffffffff42271d084e6d0806") + QByteArray(28, '\0');
    PcapReader reader(fileHeader(0xA1B2C3D4, 1) + record(arp, 1, 0) + record(UcarpFrame, 2, 0));
    const auto first = reader.next();
    QVERIFY(first && first->ipv4.isEmpty());
    const auto second = reader.next();
    QVERIFY(second && !second->ipv4.isEmpty());
}

void TestPcapReader::malformed_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<bool>("headerOk");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << false << QStringLiteral("shorter than the 24-byte file header");
    QTest::newRow("pcapng") << QByteArray::fromHex("0a0d0d0a") + QByteArray(40, '\0') << false
                            << QStringLiteral("pcapng is not supported");
    QTest::newRow("unsupported link type")
        << fileHeader(0xA1B2C3D4, 105) << false << QStringLiteral("unsupported link type 105");
    QTest::newRow("truncated record header") << fileHeader(0xA1B2C3D4, 1) + QByteArray(10, '\0') << true
                                             << QStringLiteral("record 1: truncated record header");
    QTest::newRow("record longer than the file")
        << fileHeader(0xA1B2C3D4, 1) + record(UcarpFrame, 1, 0).left(40) << true
        << QStringLiteral("record 1: captured length 70 runs past the end");
    QTest::newRow("absurd record length")
        << fileHeader(0xA1B2C3D4, 1) + le32(1) + le32(0) + le32(0xFFFFFFF0) + le32(0xFFFFFFF0) << true
        << QStringLiteral("runs past the end");
}

void TestPcapReader::malformed()
{
    QFETCH(QByteArray, file);
    QFETCH(bool, headerOk);
    QFETCH(QString, message);
    PcapReader reader(file);
    QCOMPARE(reader.headerOk(), headerOk);
    QVERIFY(!reader.next().has_value());
    QVERIFY2(reader.error().contains(message), qPrintable(reader.error()));
}

void TestPcapReader::everyTruncationIsSafe()
{
    const QByteArray file = fileHeader(0xA1B2C3D4, 1) + record(UcarpFrame, 1, 0) + record(UcarpFrame, 2, 0);
    for (qsizetype n = 0; n < file.size(); ++n) {
        PcapReader reader(file.left(n));
        int packets = 0;
        while (reader.next())
            ++packets;
        QVERIFY(packets < 2);
        QVERIFY(!reader.error().isEmpty() || n == 24 || n == 24 + 16 + 70);
    }
}

QTEST_GUILESS_MAIN(TestPcapReader)
#include "TestPcapReader.moc"
