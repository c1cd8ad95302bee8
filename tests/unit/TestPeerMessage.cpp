// SPDX-License-Identifier: GPL-3.0-or-later
// The peer link's messages: every type survives the wire, and anything malformed is refused with
// the field at fault.
#include "control/ControlFrame.h"
#include "peer/PeerMessage.h"
#include "peer/PeerProtocol.h"

#include <QCborArray>
#include <QTest>

using namespace baton;

Q_DECLARE_METATYPE(PeerMessage)

namespace {
QLatin1StringView k(const char* name)
{
    return QLatin1StringView(name);
}

QCborMap linkLostMap()
{
    return PeerMessage::linkLost(77, 3, 1'700'000'000'000, 1, 0xC000020B, {0xC000020A}).toCbor();
}
} // namespace

class TestPeerMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void wireShape();
    void vipsSorted();
    void otherVersionReadAsSuch();
    void refused_data();
    void refused();
};

void TestPeerMessage::roundTrip_data()
{
    QTest::addColumn<PeerMessage>("message");
    QTest::newRow("hello from the dialling end") << PeerMessage::hello(QStringLiteral("node1"));
    QTest::newRow("hello with the listener's nonce")
        << PeerMessage::hello(QStringLiteral("node2"), peer::MaxCounter);
    QTest::newRow("alive") << PeerMessage::alive(5, 1, 1'700'000'000'000);
    QTest::newRow("ack") << PeerMessage::ack(9, 1'700'000'000'123);
    QTest::newRow("link-lost") << PeerMessage::linkLost(77, 3, 1'700'000'000'000, 255, 0xC000020B,
                                                        {0xC000020A, 0xC0000214});
    QTest::newRow("verdict") << PeerMessage::answer(3, QStringLiteral("taken-over"));
    QTest::newRow("refused") << PeerMessage::refused(QStringLiteral("not-partner"));
}

void TestPeerMessage::roundTrip()
{
    QFETCH(PeerMessage, message);
    ControlFrame decoder(peer::MaxPayload);
    decoder.feed(ControlFrame::encode(message.toCbor()));
    const std::optional<QCborMap> map = decoder.next();
    QVERIFY(map);
    QString error;
    const std::optional<PeerMessage> back = PeerMessage::fromCbor(*map, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, message);
}

void TestPeerMessage::wireShape()
{
    // The contract in docs/peer-link.md, field by field.
    QCborMap expected;
    expected[k("t")] = QStringLiteral("link-lost");
    expected[k("nonce")] = 77;
    expected[k("seq")] = 3;
    expected[k("time")] = qint64{1'700'000'000'000};
    expected[k("vhid")] = 1;
    expected[k("source")] = QStringLiteral("192.0.2.11");
    expected[k("vips")] = QCborArray{QStringLiteral("192.0.2.10")};
    QCOMPARE(linkLostMap(), expected);
    QCborMap hello;
    hello[k("t")] = QStringLiteral("hello");
    hello[k("version")] = 1;
    hello[k("agent")] = QStringLiteral("node1");
    QCOMPARE(PeerMessage::hello(QStringLiteral("node1")).toCbor(), hello);
}

void TestPeerMessage::vipsSorted()
{
    QCborMap m = linkLostMap();
    m[k("vips")] = QCborArray{QStringLiteral("192.0.2.30"), QStringLiteral("192.0.2.10")};
    const auto read = PeerMessage::fromCbor(m);
    QVERIFY(read);
    QCOMPARE(read->vips, (QList<quint32>{0xC000020A, 0xC000021E}));
}

void TestPeerMessage::otherVersionReadAsSuch()
{
    // Read so that the listener can answer with what it speaks; nothing else of it is trusted.
    QCborMap m;
    m[k("t")] = QStringLiteral("hello");
    m[k("version")] = 2;
    m[k("whatever")] = 1;
    const auto read = PeerMessage::fromCbor(m);
    QVERIFY(read);
    QCOMPARE(read->version, 2);
    QVERIFY(read->agent.isEmpty());
}

void TestPeerMessage::refused_data()
{
    QTest::addColumn<QCborMap>("map");
    QTest::addColumn<QString>("error");
    auto with = [](const char* key, const QCborValue& value) {
        QCborMap m = linkLostMap();
        if (value.isUndefined())
            m.remove(k(key));
        else
            m[k(key)] = value;
        return m;
    };
    QTest::newRow("unknown type") << QCborMap{{k("t"), QStringLiteral("request")}}
                                  << QStringLiteral("unknown message type 'request'");
    QTest::newRow("no type") << QCborMap{} << QStringLiteral("unknown message type ''");
    QTest::newRow("nonce zero") << with("nonce", 0) << QStringLiteral("link-lost: field 'nonce'");
    QTest::newRow("nonce missing") << with("nonce", QCborValue())
                                   << QStringLiteral("link-lost: field 'nonce'");
    QTest::newRow("seq beyond 2^53") << with("seq", qint64{1} << 53)
                                     << QStringLiteral("link-lost: field 'seq'");
    QTest::newRow("seq as text") << with("seq", QStringLiteral("3"))
                                 << QStringLiteral("link-lost: field 'seq'");
    QTest::newRow("time negative") << with("time", -1) << QStringLiteral("link-lost: field 'time'");
    QTest::newRow("vhid 0") << with("vhid", 0) << QStringLiteral("link-lost: field 'vhid'");
    QTest::newRow("vhid 256") << with("vhid", 256) << QStringLiteral("link-lost: field 'vhid'");
    QTest::newRow("source not an address")
        << with("source", QStringLiteral("node1")) << QStringLiteral("link-lost: field 'source'");
    QTest::newRow("no vips") << with("vips", QCborArray{}) << QStringLiteral("link-lost: field 'vips'");
    QTest::newRow("vip with a prefix") << with("vips", QCborArray{QStringLiteral("192.0.2.10/24")})
                                       << QStringLiteral("link-lost: field 'vips'");
    QCborArray many;
    for (int i = 0; i < 65; ++i)
        many.append(QStringLiteral("192.0.2.%1").arg(i + 1));
    QTest::newRow("65 vips") << with("vips", many) << QStringLiteral("link-lost: field 'vips'");
    QTest::newRow("hello without version")
        << QCborMap{{k("t"), QStringLiteral("hello")}, {k("agent"), QStringLiteral("x")}}
        << QStringLiteral("hello: field 'version'");
    QTest::newRow("verdict without seq")
        << QCborMap{{k("t"), QStringLiteral("verdict")}, {k("verdict"), QStringLiteral("taken-over")}}
        << QStringLiteral("verdict: field 'seq'");
}

void TestPeerMessage::refused()
{
    QFETCH(QCborMap, map);
    QFETCH(QString, error);
    QString got;
    QVERIFY(!PeerMessage::fromCbor(map, &got));
    QVERIFY2(got.startsWith(error), qPrintable(got));
}

QTEST_GUILESS_MAIN(TestPeerMessage)
#include "TestPeerMessage.moc"
