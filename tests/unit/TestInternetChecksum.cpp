// SPDX-License-Identifier: GPL-3.0-or-later
#include "carp/InternetChecksum.h"

#include <QRandomGenerator>
#include <QtEndian>
#include <QtTest>

using namespace baton;

class TestInternetChecksum : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compute_data();
    void compute();
    void pointerAndViewAgree();
    void verifyAfterInsert_data();
    void verifyAfterInsert();
    void capturedIpHeader();
    void corruptionDetected();
    void matchesSixteenBitSum();
};

void TestInternetChecksum::compute_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<quint16>("expected");

    // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to ddf2 after folding the carry.
    QTest::newRow("rfc1071-example") << QByteArray::fromHex("0001f203f4f5f6f7") << quint16(0x220D);
    // The odd byte is the high half of a last word: 0102 + 0300 = 0402.
    QTest::newRow("odd-length") << QByteArray::fromHex("010203") << quint16(0xFBFD);
    QTest::newRow("single-byte") << QByteArray::fromHex("ab") << quint16(0x54FF);
    QTest::newRow("rfc1071-odd") << QByteArray::fromHex("0001f203f4f5f6f7ff") << quint16(0x230C);
    QTest::newRow("empty") << QByteArray() << quint16(0xFFFF);
    QTest::newRow("zero-1") << QByteArray(1, '\0') << quint16(0xFFFF);
    QTest::newRow("zero-2") << QByteArray(2, '\0') << quint16(0xFFFF);
    QTest::newRow("zero-36") << QByteArray(36, '\0') << quint16(0xFFFF);
    // ffff + ffff = 1fffe, folded to ffff: the end-around carry.
    QTest::newRow("carry") << QByteArray::fromHex("ffffffff") << quint16(0x0000);
    // 4096 words of ffff: many carries, still folds to ffff.
    QTest::newRow("long-carries") << QByteArray(8192, '\xff') << quint16(0x0000);
}

void TestInternetChecksum::compute()
{
    QFETCH(QByteArray, bytes);
    QFETCH(quint16, expected);
    QCOMPARE(InternetChecksum::compute(bytes), expected);
}

void TestInternetChecksum::pointerAndViewAgree()
{
    const QByteArray bytes = QByteArray::fromHex("4510003800004000ff700000");
    for (qsizetype n = 0; n <= bytes.size(); ++n) {
        const auto* data = reinterpret_cast<const quint8*>(bytes.constData());
        QCOMPARE(InternetChecksum::compute(data, n),
                 InternetChecksum::compute(QByteArrayView(bytes).first(n)));
    }
    QCOMPARE(InternetChecksum::compute(nullptr, 0), quint16(0xFFFF));
    QCOMPARE(InternetChecksum::compute(nullptr, 10), quint16(0xFFFF));
}

void TestInternetChecksum::verifyAfterInsert_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("checksumOffset");

    QTest::newRow("ip-header") << QByteArray::fromHex("451000387d2f4000ff7000000a090001e0000012") << 10;
    QTest::newRow("carp-header") << QByteArray::fromHex("2107100700010000"
                                                        "50bf71487b7179a8"
                                                        "647e26f7fdb1ad1b353acd22e9755c5e723328a8")
                                 << 6;
    QTest::newRow("odd-length") << QByteArray::fromHex("0000123456") << 0;
}

// Writing the computed checksum into its (zeroed) field makes the whole buffer verify.
void TestInternetChecksum::verifyAfterInsert()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, checksumOffset);

    QVERIFY(!InternetChecksum::verify(bytes));
    qToBigEndian(InternetChecksum::compute(bytes), bytes.data() + checksumOffset);
    QVERIFY(InternetChecksum::verify(bytes));
    QCOMPARE(InternetChecksum::compute(bytes), quint16(0));
}

// The IP header of the ucarp frame in reference §3.2 carries checksum 0x13fa.
void TestInternetChecksum::capturedIpHeader()
{
    QByteArray header = QByteArray::fromHex("451000387d2f4000ff7013fa0a090001e0000012");
    QVERIFY(InternetChecksum::verify(header));
    header[10] = 0;
    header[11] = 0;
    QCOMPARE(InternetChecksum::compute(header), quint16(0x13FA));
}

// Any single-bit flip breaks a verified buffer.
void TestInternetChecksum::corruptionDetected()
{
    const QByteArray header = QByteArray::fromHex("451000387d2f4000ff7013fa0a090001e0000012");
    for (qsizetype i = 0; i < header.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray copy = header;
            copy[i] = static_cast<char>(copy[i] ^ (1 << bit));
            QVERIFY2(!InternetChecksum::verify(copy),
                     qPrintable(QStringLiteral("byte %1 bit %2").arg(i).arg(bit)));
        }
    }
}

// compute() adds four bytes at a time: every length and starting offset against RFC 1071's own
// 16-bit words, one at a time.
void TestInternetChecksum::matchesSixteenBitSum()
{
    QRandomGenerator random(20261202);
    QByteArray bytes(160, '\0');
    for (char& b : bytes)
        b = static_cast<char>(random.bounded(256));
    bytes.replace(0, 16, QByteArray(16, '\xff')); // carries from the start
    const auto reference = [](const quint8* data, qsizetype size) {
        quint32 sum = 0;
        for (qsizetype i = 0; i < size; ++i)
            sum += (i % 2 == 0) ? quint32{data[i]} << 8 : quint32{data[i]};
        while (sum > 0xFFFF)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return static_cast<quint16>(~sum & 0xFFFF);
    };
    int checked = 0;
    for (qsizetype offset = 0; offset < 8; ++offset) {
        for (qsizetype size = 1; offset + size <= bytes.size(); ++size) {
            const auto* data = reinterpret_cast<const quint8*>(bytes.constData()) + offset;
            QCOMPARE(InternetChecksum::compute(data, size), reference(data, size));
            ++checked;
        }
    }
    QCOMPARE(checked, 8 * 160 - 28);
}

QTEST_GUILESS_MAIN(TestInternetChecksum)
#include "TestInternetChecksum.moc"
