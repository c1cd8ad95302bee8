// SPDX-License-Identifier: GPL-3.0-or-later
#include "carp/AdvertInspector.h"

#include <QTest>

using namespace baton;

namespace {
constexpr quint32 Vip = 0xC000020A;  // 192.0.2.10
constexpr quint32 Node = 0xC000020C; // 192.0.2.12

QByteArray packet(const QByteArray& password, quint8 vhid, quint8 advskew = 1, quint8 advbase = 1)
{
    CarpAdvert a;
    a.vhid = vhid;
    a.advbase = advbase;
    a.advskew = advskew;
    a.counter = 0x1111111122222222;
    a.source = Node;
    return CarpCodec::encodePacket(a, CarpHmac(password, vhid, {Vip}), 1);
}
} // namespace

class TestAdvertInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verdicts_data();
    void verdicts();
    void otherTrafficIsSilent();
};

void TestAdvertInspector::verdicts_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("expected");
    QTest::newRow("right password") << packet("secret", 1) << true << int(AdvertInspector::Verdict::Ok)
                                    << QStringLiteral(
                                           "192.0.2.12 vhid 1 advbase 1 advskew 1 demote 0 counter "
                                           "1111111122222222 hmac ok");
    QTest::newRow("wrong password") << packet("wrong", 1) << true << int(AdvertInspector::Verdict::Bad)
                                    << QStringLiteral("hmac BAD");
    QTest::newRow("no password given")
        << packet("secret", 1) << false << int(AdvertInspector::Verdict::Unchecked)
        << QStringLiteral("hmac unchecked");
    QTest::newRow("default key covers other vhids")
        << packet("secret", 7) << true << int(AdvertInspector::Verdict::Ok)
        << QStringLiteral("vhid 7 advbase 1");
    QTest::newRow("bow-out is labelled")
        << packet("secret", 1, 255, 255) << true << int(AdvertInspector::Verdict::Ok)
        << QStringLiteral("hmac ok (bow-out)");
    QByteArray badTtl = packet("secret", 1);
    badTtl[8] = 64; // the IP checksum now fails first: the malformed line names the first failed check
    QTest::newRow("malformed") << badTtl << true << int(AdvertInspector::Verdict::Malformed)
                               << QStringLiteral("192.0.2.12 malformed:");
}

void TestAdvertInspector::verdicts()
{
    QFETCH(QByteArray, packet);
    QFETCH(bool, withKey);
    QFETCH(int, verdict);
    QFETCH(QString, expected);
    AdvertInspector inspector;
    if (withKey)
        inspector.setDefaultKey("secret", {Vip});
    const auto result = inspector.inspect(packet, 1'700'000'000'000'000);
    QCOMPARE(int(result.verdict), verdict);
    QVERIFY2(result.line.contains(expected), qPrintable(result.line));
}

void TestAdvertInspector::otherTrafficIsSilent()
{
    AdvertInspector inspector;
    QByteArray udp = packet("secret", 1);
    udp[9] = 17; // protocol UDP
    QVERIFY(inspector.inspect(udp, 0).line.isEmpty());
    QVERIFY(inspector.inspect(QByteArray(3, 'x'), 0).line.isEmpty());
}

QTEST_GUILESS_MAIN(TestAdvertInspector)
#include "TestAdvertInspector.moc"
