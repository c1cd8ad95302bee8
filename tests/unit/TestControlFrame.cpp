// SPDX-License-Identifier: GPL-3.0-or-later
#include "control/ControlFrame.h"

#include <QCborArray>
#include <QTest>
#include <QtEndian>

using namespace baton;

namespace {
QByteArray prefix(quint32 length)
{
    QByteArray b(4, '\0');
    qToBigEndian(length, b.data());
    return b;
}
QCborMap sample()
{
    QCborMap m;
    m.insert(QStringLiteral("v"), 1);
    m.insert(QStringLiteral("t"), QStringLiteral("status"));
    m.insert(QStringLiteral("id"), 42);
    return m;
}
} // namespace

class TestControlFrame : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripByteByByte();
    void severalFramesInOneRead();
    void malformed_data();
    void malformed();
    void oversizedPrefixIsRefusedBeforeBuffering();
};

void TestControlFrame::roundTripByteByByte()
{
    const QByteArray frame = ControlFrame::encode(sample());
    ControlFrame decoder;
    for (qsizetype i = 0; i < frame.size() - 1; ++i) {
        decoder.feed(frame.mid(i, 1));
        QVERIFY(!decoder.next().has_value());
    }
    decoder.feed(frame.right(1));
    const auto message = decoder.next();
    QVERIFY(message.has_value());
    QCOMPARE(*message, sample());
    QCOMPARE(decoder.buffered(), qsizetype{0});
    QCOMPARE(decoder.error(), ControlFrame::Error::None);
}

void TestControlFrame::severalFramesInOneRead()
{
    QCborMap second = sample();
    second.insert(QStringLiteral("id"), 43);
    ControlFrame decoder;
    decoder.feed(QByteArray(ControlFrame::encode(sample()) + ControlFrame::encode(second)));
    QCOMPARE(decoder.next(), std::optional<QCborMap>(sample()));
    QCOMPARE(decoder.next(), std::optional<QCborMap>(second));
    QVERIFY(!decoder.next().has_value());
}

void TestControlFrame::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("error");
    QTest::newRow("zero length") << prefix(0) << int(ControlFrame::Error::Empty);
    QTest::newRow("length over the maximum")
        << prefix(ControlFrame::MaxPayload + 1) << int(ControlFrame::Error::Oversized);
    QTest::newRow("garbage payload") << QByteArray(prefix(3) + QByteArray("\xff\xff\xff", 3))
                                     << int(ControlFrame::Error::BadCbor);
    QTest::newRow("truncated CBOR item")
        << QByteArray(prefix(2) + QByteArray("\xa1\x61", 2)) << int(ControlFrame::Error::BadCbor);
    QTest::newRow("two items in one frame")
        << QByteArray(prefix(2) + QByteArray("\x01\x02", 2)) << int(ControlFrame::Error::BadCbor);
    QTest::newRow("an array, not a map")
        << QByteArray(prefix(1) + QByteArray("\x80", 1)) << int(ControlFrame::Error::NotAMap);
    QTest::newRow("a string, not a map")
        << QByteArray(prefix(2) + QByteArray("\x61x", 2)) << int(ControlFrame::Error::NotAMap);
}

void TestControlFrame::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, error);
    ControlFrame decoder;
    decoder.feed(bytes);
    QVERIFY(!decoder.next().has_value());
    QCOMPARE(int(decoder.error()), error);
    // Failed for good: a valid frame afterwards is not accepted on the same connection.
    decoder.feed(ControlFrame::encode(sample()));
    QVERIFY(!decoder.next().has_value());
    QCOMPARE(decoder.buffered(), qsizetype{0});
}

void TestControlFrame::oversizedPrefixIsRefusedBeforeBuffering()
{
    ControlFrame decoder;
    decoder.feed(prefix(0xFFFFFFFF)); // 4 GiB announced, 4 bytes sent
    QVERIFY(!decoder.next().has_value());
    QCOMPARE(decoder.error(), ControlFrame::Error::Oversized);
    QCOMPARE(QLatin1StringView(ControlFrame::errorCode(decoder.error())),
             QLatin1StringView("frame-too-large"));
}

QTEST_GUILESS_MAIN(TestControlFrame)
#include "TestControlFrame.moc"
