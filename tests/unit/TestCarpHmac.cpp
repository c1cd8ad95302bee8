// SPDX-License-Identifier: GPL-3.0-or-later
#include "carp/CarpAdvert.h"
#include "carp/CarpHmac.h"

#include <QtEndian>
#include <QtTest>

#include <algorithm>
#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace baton;

namespace {

constexpr quint8 Vhid = 7;
constexpr quint32 Vip = 0x0A090064;     // 10.9.0.100
constexpr quint32 VipLow = 0x0A090014;  // 10.9.0.20: sorts before .100 numerically, after it as text
constexpr quint32 VipHigh = 0xC000020A; // 192.0.2.10: top bit set, so a signed sort would put it first
constexpr quint64 Counter = 0x1111111122222222;

QByteArray hex(const CarpHmac::Digest& digest)
{
    return QByteArray(reinterpret_cast<const char*>(digest.data()), static_cast<qsizetype>(digest.size()))
        .toHex();
}

CarpHmac::Digest digestFromHex(const char* text)
{
    const QByteArray bytes = QByteArray::fromHex(text);
    CarpHmac::Digest digest{};
    for (std::size_t i = 0; i < digest.size() && static_cast<qsizetype>(i) < bytes.size(); ++i)
        digest[i] = static_cast<quint8>(bytes[static_cast<qsizetype>(i)]);
    return digest;
}

// The message of reference §3.4 (and strict mode's, CarpHmac.h), built here independently.
QByteArray message(const CarpAdvert& a, QList<quint32> vips, CarpHmac::Mode mode)
{
    std::sort(vips.begin(), vips.end());
    QByteArray m;
    const auto append32 = [&m](quint32 v) {
        char b[4];
        qToBigEndian(v, b);
        m.append(b, 4);
    };
    if (mode == CarpHmac::Mode::Strict)
        m.append("baton-strict");
    m.append('\x02').append('\x01').append(static_cast<char>(a.vhid));
    if (mode == CarpHmac::Mode::Strict) {
        m.append(static_cast<char>(a.advbase))
            .append(static_cast<char>(a.advskew))
            .append(static_cast<char>(a.demote));
        append32(a.source);
    }
    for (const quint32 vip : vips)
        append32(vip);
    append32(static_cast<quint32>(a.counter >> 32));
    append32(static_cast<quint32>(a.counter));
    return m;
}

// OpenSSL's one-shot HMAC of the same message: the reference CarpHmac's own padding must match.
CarpHmac::Digest referenceDigest(const QByteArray& key, const QByteArray& message)
{
    CarpHmac::Digest out{};
    unsigned int length = 0;
    HMAC(EVP_sha1(), key.constData(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(message.constData()), static_cast<size_t>(message.size()),
         out.data(), &length);
    return length == out.size() ? out : CarpHmac::Digest{};
}

} // namespace

class TestCarpHmac : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referenceVector();
    void capturedFrameDigest();
    void multiVip_data();
    void multiVip();
    void vipOrderIrrelevant();
    void sortedVipsExposed();
    void everyInputMatters();
    void emptyPassword();
    void verifyAcceptsMatching();
    void verifyRejectsEveryFlippedByte();
    void copiesAgree();
    void strictCoversEveryField();
    void agreesWithOpenSslAcrossBlockBoundaries();
};

// Reference §3.4, independently computed and accepted by ucarp in the lab.
void TestCarpHmac::referenceVector()
{
    const CarpHmac hmac(QByteArrayLiteral("secret"), Vhid, {Vip});
    QCOMPARE(hex(hmac.digest(Counter)), QByteArrayLiteral("fb62ccdf6375688a0a21f892e828290e0e35245f"));
}

// The digest inside the ucarp frame of reference §3.2 (counter 50bf71487b7179a8).
void TestCarpHmac::capturedFrameDigest()
{
    const CarpHmac hmac(QByteArrayLiteral("secret"), Vhid, {Vip});
    QCOMPARE(hex(hmac.digest(0x50BF71487B7179A8)),
             QByteArrayLiteral("647e26f7fdb1ad1b353acd22e9755c5e723328a8"));
}

void TestCarpHmac::multiVip_data()
{
    QTest::addColumn<QList<quint32>>("vips");
    QTest::addColumn<QByteArray>("expected");

    // Produced with (one command line):
    //   printf '\x02\x01\x07\x0a\x09\x00\x14\x0a\x09\x00\x64\x11\x11\x11\x11\x22\x22\x22\x22' |
    //   openssl dgst -sha1 -mac HMAC -macopt hexkey:736563726574
    // i.e. version, type, vhid, 10.9.0.20, 10.9.0.100, counter; key "secret".
    const QByteArray twoVips = QByteArrayLiteral("5d939e649da3966ebb1c0c1c1320b3b8ff697d06");
    QTest::newRow("two-ascending") << QList<quint32>{VipLow, Vip} << twoVips;
    QTest::newRow("two-descending") << QList<quint32>{Vip, VipLow} << twoVips;

    // As above with 192.0.2.10 (\xc0\x00\x02\x0a) appended after 10.9.0.100.
    const QByteArray threeVips = QByteArrayLiteral("2f46f4bdb892e59d69253a6ad96178835c840589");
    QTest::newRow("three-ascending") << QList<quint32>{VipLow, Vip, VipHigh} << threeVips;
    QTest::newRow("three-high-first") << QList<quint32>{VipHigh, Vip, VipLow} << threeVips;
    QTest::newRow("three-mixed") << QList<quint32>{Vip, VipHigh, VipLow} << threeVips;
}

void TestCarpHmac::multiVip()
{
    QFETCH(QList<quint32>, vips);
    QFETCH(QByteArray, expected);
    const CarpHmac hmac(QByteArrayLiteral("secret"), Vhid, vips);
    QCOMPARE(hex(hmac.digest(Counter)), expected);
}

void TestCarpHmac::vipOrderIrrelevant()
{
    const QList<quint32> vips{0xC0000201, 0x0A000001, 0x0A000002, 0xFFFFFFFE, 0x00000001};
    const CarpHmac reference(QByteArrayLiteral("pw"), 42, vips);
    QList<quint32> permuted = vips;
    std::sort(permuted.begin(), permuted.end());
    int permutations = 0;
    do {
        const CarpHmac hmac(QByteArrayLiteral("pw"), 42, permuted);
        QCOMPARE(hmac.digest(7), reference.digest(7));
        ++permutations;
    } while (std::next_permutation(permuted.begin(), permuted.end()));
    QCOMPARE(permutations, 120);
}

void TestCarpHmac::sortedVipsExposed()
{
    const CarpHmac hmac(QByteArrayLiteral("secret"), Vhid, {VipHigh, Vip, VipLow});
    QCOMPARE(hmac.vips(), (QList<quint32>{VipLow, Vip, VipHigh}));
    QCOMPARE(hmac.vhid(), Vhid);
}

// Each authenticated input changes the digest.
void TestCarpHmac::everyInputMatters()
{
    const auto base = CarpHmac(QByteArrayLiteral("secret"), Vhid, {Vip}).digest(Counter);
    QVERIFY(CarpHmac(QByteArrayLiteral("secreT"), Vhid, {Vip}).digest(Counter) != base);
    QVERIFY(CarpHmac(QByteArrayLiteral("secret"), Vhid + 1, {Vip}).digest(Counter) != base);
    QVERIFY(CarpHmac(QByteArrayLiteral("secret"), Vhid, {Vip + 1}).digest(Counter) != base);
    QVERIFY(CarpHmac(QByteArrayLiteral("secret"), Vhid, {Vip, VipLow}).digest(Counter) != base);
    QVERIFY(CarpHmac(QByteArrayLiteral("secret"), Vhid, {}).digest(Counter) != base);
    QVERIFY(CarpHmac(QByteArrayLiteral("secret"), Vhid, {Vip}).digest(Counter + 1) != base);
    QVERIFY(CarpHmac(QByteArrayLiteral("secret"), Vhid, {Vip}).digest(Counter ^ (quint64{1} << 63)) != base);
}

// An empty key is legal HMAC. Expected value from Python (the openssl CLI refuses an empty key):
//   hmac.new(b'', bytes.fromhex('0201070a0900641111111122222222'), hashlib.sha1).hexdigest()
void TestCarpHmac::emptyPassword()
{
    const CarpHmac hmac(QByteArray(), Vhid, {Vip});
    QCOMPARE(hex(hmac.digest(Counter)), QByteArrayLiteral("4c0fffd6bd5e2c4a8f81138e5d400df837e7ffb6"));
}

void TestCarpHmac::verifyAcceptsMatching()
{
    const CarpHmac hmac(QByteArrayLiteral("secret"), Vhid, {Vip});
    CarpAdvert advert;
    advert.vhid = Vhid;
    advert.counter = Counter;
    advert.hmac = digestFromHex("fb62ccdf6375688a0a21f892e828290e0e35245f");
    QVERIFY(hmac.verify(advert));
    // Fields outside the digest do not matter (reference §3.4: not covered).
    advert.advskew = 0;
    advert.advbase = 200;
    advert.demote = 9;
    advert.source = 0x01020304;
    QVERIFY(hmac.verify(advert));
    advert.counter = Counter + 1;
    QVERIFY(!hmac.verify(advert));
}

void TestCarpHmac::verifyRejectsEveryFlippedByte()
{
    const CarpHmac hmac(QByteArrayLiteral("secret"), Vhid, {Vip});
    CarpAdvert advert;
    advert.counter = Counter;
    advert.hmac = hmac.digest(Counter);
    QVERIFY(hmac.verify(advert));
    for (std::size_t i = 0; i < advert.hmac.size(); ++i) {
        CarpAdvert bad = advert;
        bad.hmac[i] = static_cast<quint8>(bad.hmac[i] ^ 0x01);
        QVERIFY2(!hmac.verify(bad), qPrintable(QStringLiteral("byte %1").arg(i)));
    }
    QVERIFY(!hmac.verify(CarpAdvert{}));
}

void TestCarpHmac::copiesAgree()
{
    const CarpHmac original(QByteArrayLiteral("secret"), Vhid, {Vip, VipLow});
    const CarpHmac copy = original; // NOLINT(performance-unnecessary-copy-initialization): the point
    CarpHmac assigned(QByteArrayLiteral("other"), 1, {});
    assigned = original;
    for (const quint64 counter : {quint64{0}, Counter, ~quint64{0}}) {
        QCOMPARE(copy.digest(counter), original.digest(counter));
        QCOMPARE(assigned.digest(counter), original.digest(counter));
    }
}

// Strict mode: the fields ucarp leaves open are authenticated too, and a strict digest never
// passes a compatible check (nor the reverse), so a mixed pair fails loudly with bad-hmac.
void TestCarpHmac::strictCoversEveryField()
{
    const CarpHmac strict(QByteArrayLiteral("secret"), Vhid, {Vip}, CarpHmac::Mode::Strict);
    const CarpHmac compatible(QByteArrayLiteral("secret"), Vhid, {Vip});
    CarpAdvert a;
    a.vhid = Vhid;
    a.advbase = 1;
    a.advskew = 1;
    a.source = 0x0A09000B;
    a.counter = Counter;
    a.hmac = strict.digest(a);
    QVERIFY(strict.verify(a));
    QVERIFY(!compatible.verify(a));
    const auto edited = [&a](auto edit) {
        CarpAdvert b = a;
        edit(b);
        return b;
    };
    QVERIFY(!strict.verify(edited([](CarpAdvert& b) { b.advbase = 0; })));
    QVERIFY(!strict.verify(edited([](CarpAdvert& b) { b.advskew = 255; })));
    QVERIFY(!strict.verify(edited([](CarpAdvert& b) { b.demote = 200; })));
    QVERIFY(!strict.verify(edited([](CarpAdvert& b) { b.source = 0x0A09000C; })));
    QVERIFY(!strict.verify(edited([](CarpAdvert& b) { b.counter = Counter + 1; })));
    // The compatible digest leaves exactly those fields open: the edits above pass it.
    CarpAdvert c = a;
    c.hmac = compatible.digest(c);
    QVERIFY(compatible.verify(
        edited([&c](CarpAdvert& b) { b = c, b.advbase = 0, b.demote = 200, b.source = 1; })));
    QVERIFY(!strict.verify(c));
    QCOMPARE(compatible.digest(c), compatible.digest(c.counter)); // compatible = ucarp's, unchanged
}

// CarpHmac gathers and pads the message itself for SHA-1's compression function: 0 to 40 VIPs in
// both modes, messages of one to four blocks after the key's. A message that leaves no room for
// the length in its last block takes one more: compatible 55 -> 59 bytes (11 -> 12 VIPs), 119 ->
// 123 (27 -> 28); strict 54 -> 58 (6 -> 7), 118 -> 122 (22 -> 23), 182 -> 186 (38 -> 39); and
// the padding itself spills over at 59 and 63 bytes (compatible), 58 and 62 (strict). Keys
// shorter than, exactly, and longer than a block.
void TestCarpHmac::agreesWithOpenSslAcrossBlockBoundaries()
{
    const QList<QByteArray> keys{QByteArray(), QByteArrayLiteral("secret"), QByteArray(64, 'k'),
                                 QByteArray(65, 'k'), QByteArray(200, '\xA5')};
    int checked = 0;
    for (const QByteArray& key : keys) {
        for (int count = 0; count <= 40; ++count) {
            QList<quint32> vips;
            for (int i = 0; i < count; ++i)
                vips << static_cast<quint32>(0xC0000200U + static_cast<quint32>((i * 37) % 251));
            for (const auto mode : {CarpHmac::Mode::Compatible, CarpHmac::Mode::Strict}) {
                const CarpHmac hmac(key, Vhid, vips, mode);
                CarpAdvert a;
                a.vhid = Vhid;
                a.advbase = 1;
                a.advskew = static_cast<quint8>(count);
                a.demote = 3;
                a.source = 0xC000020B;
                a.counter = Counter * static_cast<quint64>(count + 1);
                const QByteArray m = message(a, vips, mode);
                const CarpHmac::Digest expected = referenceDigest(key, m);
                QVERIFY(expected != CarpHmac::Digest{});
                QVERIFY2(hmac.digest(a) == expected,
                         qPrintable(QStringLiteral("key of %1 bytes, %2 VIPs, message of %3 bytes")
                                        .arg(key.size())
                                        .arg(count)
                                        .arg(m.size())));
                a.hmac = expected;
                QVERIFY(hmac.verify(a));
                ++checked;
            }
        }
    }
    QCOMPARE(checked, 5 * 41 * 2);
}

QTEST_GUILESS_MAIN(TestCarpHmac)
#include "TestCarpHmac.moc"
