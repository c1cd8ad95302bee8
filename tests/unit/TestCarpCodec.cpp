// SPDX-License-Identifier: GPL-3.0-or-later
#include "carp/CarpAdvert.h"
#include "carp/CarpCodec.h"
#include "carp/CarpHmac.h"
#include "carp/CarpReject.h"
#include "carp/InternetChecksum.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QtEndian>
#include <QtTest>

#include <functional>

namespace baton {
// QCOMPARE prints the stable code on failure ("bad-hmac"), found by argument-dependent lookup.
char* toString(CarpReject reject)
{
    return qstrdup(carpRejectCode(reject).data());
}
} // namespace baton

using namespace baton;

Q_DECLARE_METATYPE(baton::CarpReject)

namespace {

constexpr quint8 Vhid = 7;
constexpr quint32 Vip = 0x0A090064;    // 10.9.0.100
constexpr quint32 Source = 0x0A090001; // 10.9.0.1
constexpr quint16 CapturedIpId = 0x7D2F;
constexpr quint64 CapturedCounter = 0x50BF71487B7179A8;

// Reference §3.2: ucarp's frame (vhid 7, advskew 16, advbase 1, password "secret", VIP 10.9.0.100,
// src 10.9.0.1) without its 14-byte Ethernet header.
QByteArray capturedPacket()
{
    return QByteArray::fromHex("451000387d2f4000ff7013fa0a090001e0000012"
                               "210710070001fe7e50bf71487b7179a8"
                               "647e26f7fdb1ad1b353acd22e9755c5e723328a8");
}

CarpHmac capturedHmac()
{
    return CarpHmac(QByteArrayLiteral("secret"), Vhid, {Vip});
}

int ipHeaderLength(const QByteArray& packet)
{
    return (static_cast<quint8>(packet[0]) & 0x0F) * 4;
}

void fixIpChecksum(QByteArray& packet)
{
    const int length = ipHeaderLength(packet);
    packet[10] = 0;
    packet[11] = 0;
    qToBigEndian(InternetChecksum::compute(QByteArrayView(packet).first(length)), packet.data() + 10);
}

// Over the whole CARP payload as the IP total length delimits it.
void fixCarpChecksum(QByteArray& packet)
{
    const int offset = ipHeaderLength(packet);
    const int total = qFromBigEndian<quint16>(packet.constData() + 2);
    packet[offset + 6] = 0;
    packet[offset + 7] = 0;
    const QByteArrayView payload = QByteArrayView(packet).sliced(offset, total - offset);
    qToBigEndian(InternetChecksum::compute(payload), packet.data() + offset + 6);
}

void setTotalLength(QByteArray& packet, int length)
{
    qToBigEndian(static_cast<quint16>(length), packet.data() + 2);
}

// Decode, then the configuration-dependent checks: what the agent would conclude.
CarpReject classify(const QByteArray& packet, const CarpHmac& hmac)
{
    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet, CarpAdvert::DefaultGroup);
    if (!decoded.accepted())
        return decoded.reject;
    return CarpCodec::verify(decoded.advert, Vhid, hmac);
}

} // namespace

class TestCarpCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capturedFrameDecodes();
    void capturedFrameVerifies();
    void capturedFrameReencodes();
    void capturedHeaderDecodes();
    void roundTrip_data();
    void roundTrip();
    void malformed_data();
    void malformed();
    void malformedVariants_data();
    void malformedVariants();
    void everyTruncationRejected();
    void shortCarpPayloadRejected();
    void ipOptionsAccepted();
    void trailingBytesIgnored();
    void extraCarpPayload();
    void destinationCheckedOnlyWithGroup();
    void authlenNotChecked();
    void rejectedPacketKeepsSource();
    void randomMutationsNeverCrash();
    void rejectCodes();
};

void TestCarpCodec::capturedFrameDecodes()
{
    for (const std::optional<quint32> group :
         {std::optional<quint32>{}, std::optional{CarpAdvert::DefaultGroup}}) {
        const CarpCodec::Decoded decoded = CarpCodec::decodePacket(capturedPacket(), group);
        QCOMPARE(decoded.reject, CarpReject::None);
        const CarpAdvert& advert = decoded.advert;
        QCOMPARE(advert.version, quint8(2));
        QCOMPARE(advert.type, quint8(1));
        QCOMPARE(advert.vhid, quint8(7));
        QCOMPARE(advert.advskew, quint8(16));
        QCOMPARE(advert.authlen, quint8(7));
        QCOMPARE(advert.demote, quint8(0));
        QCOMPARE(advert.advbase, quint8(1));
        QCOMPARE(advert.checksum, quint16(0xFE7E));
        QCOMPARE(advert.counter, CapturedCounter);
        QCOMPARE(advert.hmac, capturedHmac().digest(CapturedCounter));
        QCOMPARE(advert.source, Source);
        QCOMPARE(advert.destination, quint32(0xE0000012));
        QCOMPARE(advert.ttl, quint8(255));
        QVERIFY(!advert.isBowOut());
    }
}

void TestCarpCodec::capturedFrameVerifies()
{
    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(capturedPacket());
    QVERIFY(decoded.accepted());
    QCOMPARE(CarpCodec::verify(decoded.advert, Vhid, capturedHmac()), CarpReject::None);
    QCOMPARE(CarpCodec::verify(decoded.advert, Vhid + 1, capturedHmac()), CarpReject::WrongVhid);
    const CarpHmac otherPassword(QByteArrayLiteral("Secret"), Vhid, {Vip});
    QCOMPARE(CarpCodec::verify(decoded.advert, Vhid, otherPassword), CarpReject::BadHmac);
    const CarpHmac otherVip(QByteArrayLiteral("secret"), Vhid, {Vip + 1});
    QCOMPARE(CarpCodec::verify(decoded.advert, Vhid, otherVip), CarpReject::BadHmac);
}

// Byte for byte what ucarp sent, IP header included (TOS 0x10, DF, TTL 255, checksum 0x13fa).
void TestCarpCodec::capturedFrameReencodes()
{
    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(capturedPacket());
    QVERIFY(decoded.accepted());
    QCOMPARE(CarpCodec::encodePacket(decoded.advert, capturedHmac(), CapturedIpId).toHex(),
             capturedPacket().toHex());
    QCOMPARE(CarpCodec::encodeHeader(decoded.advert, capturedHmac()).toHex(),
             capturedPacket().mid(20).toHex());

    // Built from scratch rather than from the decoded advert: the stale checksum and digest fields
    // of the input must not matter.
    CarpAdvert advert;
    advert.vhid = Vhid;
    advert.advskew = 16;
    advert.advbase = 1;
    advert.counter = CapturedCounter;
    advert.source = Source;
    advert.checksum = 0x1234;
    advert.hmac.fill(0xAA);
    advert.ttl = 1;
    QCOMPARE(CarpCodec::encodePacket(advert, capturedHmac(), CapturedIpId), capturedPacket());
}

void TestCarpCodec::capturedHeaderDecodes()
{
    const CarpCodec::Decoded decoded = CarpCodec::decodeHeader(QByteArrayView(capturedPacket()).sliced(20));
    QCOMPARE(decoded.reject, CarpReject::None);
    QCOMPARE(decoded.advert.vhid, Vhid);
    QCOMPARE(decoded.advert.advskew, quint8(16));
    QCOMPARE(decoded.advert.counter, CapturedCounter);
    QCOMPARE(decoded.advert.source, quint32(0)); // no IP header, defaults kept
    QCOMPARE(CarpCodec::decodeHeader(QByteArrayView(capturedPacket()).sliced(21)).reject,
             CarpReject::CarpTooShort);
}

void TestCarpCodec::roundTrip_data()
{
    QTest::addColumn<quint8>("vhid");
    QTest::addColumn<quint8>("advskew");
    QTest::addColumn<quint8>("advbase");
    QTest::addColumn<quint8>("demote");
    QTest::addColumn<quint64>("counter");
    QTest::addColumn<quint32>("source");
    QTest::addColumn<quint32>("destination");
    QTest::addColumn<quint16>("ipId");

    const quint32 group = CarpAdvert::DefaultGroup;
    QTest::newRow("captured") << quint8(7) << quint8(16) << quint8(1) << quint8(0) << CapturedCounter
                              << Source << group << CapturedIpId;
    QTest::newRow("counter-zero") << quint8(1) << quint8(0) << quint8(1) << quint8(0) << quint64(0)
                                  << quint32(0xC000020B) << group << quint16(0);
    QTest::newRow("counter-max") << quint8(255) << quint8(254) << quint8(255) << quint8(0)
                                 << quint64(0xFFFFFFFFFFFFFFFF) << quint32(0xC000020C) << group
                                 << quint16(0xFFFF);
    QTest::newRow("counter-words") << quint8(42) << quint8(100) << quint8(3) << quint8(0)
                                   << quint64(0x0000000100000000) << quint32(0x0A000001) << group
                                   << quint16(1);
    QTest::newRow("bow-out") << quint8(7) << quint8(255) << quint8(255) << quint8(0)
                             << quint64(0x1111111122222222) << Source << group << quint16(0x1234);
    QTest::newRow("demote-1") << quint8(9) << quint8(0) << quint8(1) << quint8(1) << quint64(12345) << Source
                              << group << quint16(0x0102);
    QTest::newRow("demote-255") << quint8(200) << quint8(10) << quint8(2) << quint8(255)
                                << quint64(0x8000000000000000) << quint32(0xFFFFFFFE) << group
                                << quint16(0x8000);
    QTest::newRow("advbase-0") << quint8(3) << quint8(128) << quint8(0) << quint8(0)
                               << quint64(0xDEADBEEFCAFEF00D) << quint32(0x7F000001) << group
                               << quint16(0x4000);
    QTest::newRow("other-group") << quint8(17) << quint8(1) << quint8(5) << quint8(0) << quint64(99) << Source
                                 << quint32(0xEFFFFFFA) << quint16(0x00FF);
    QTest::newRow("unicast-dest") << quint8(0) << quint8(0) << quint8(1) << quint8(0) << quint64(1)
                                  << quint32(0xC000020B) << quint32(0xC000020C) << quint16(77);
}

void TestCarpCodec::roundTrip()
{
    QFETCH(quint8, vhid);
    QFETCH(quint8, advskew);
    QFETCH(quint8, advbase);
    QFETCH(quint8, demote);
    QFETCH(quint64, counter);
    QFETCH(quint32, source);
    QFETCH(quint32, destination);
    QFETCH(quint16, ipId);

    CarpAdvert advert;
    advert.vhid = vhid;
    advert.advskew = advskew;
    advert.advbase = advbase;
    advert.demote = demote;
    advert.counter = counter;
    advert.source = source;
    advert.destination = destination;
    const CarpHmac hmac(QByteArrayLiteral("pass-") + QByteArray::number(vhid), vhid, {Vip, source});

    const QByteArray packet = CarpCodec::encodePacket(advert, hmac, ipId);
    QCOMPARE(packet.size(), CarpAdvert::PacketSize);
    QCOMPARE(packet.mid(20), CarpCodec::encodeHeader(advert, hmac));
    QCOMPARE(static_cast<quint8>(packet[0]), quint8(0x45));
    QCOMPARE(static_cast<quint8>(packet[1]), quint8(0x10));
    QCOMPARE(qFromBigEndian<quint16>(packet.constData() + 4), ipId);
    QCOMPARE(qFromBigEndian<quint16>(packet.constData() + 6), quint16(0x4000));
    QCOMPARE(static_cast<quint8>(packet[20]), quint8(0x21));
    QCOMPARE(static_cast<quint8>(packet[23]), quint8(7));
    QVERIFY(InternetChecksum::verify(QByteArrayView(packet).first(20)));
    QVERIFY(InternetChecksum::verify(QByteArrayView(packet).sliced(20)));

    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet, destination);
    QCOMPARE(decoded.reject, CarpReject::None);
    CarpAdvert expected = advert;
    expected.checksum = qFromBigEndian<quint16>(packet.constData() + 26);
    expected.hmac = hmac.digest(counter);
    QVERIFY(decoded.advert == expected);
    QCOMPARE(decoded.advert.isBowOut(), advbase == 255 && advskew == 255);
    QCOMPARE(CarpCodec::verify(decoded.advert, vhid, hmac), CarpReject::None);
    // Re-encoding the decoded advert reproduces the packet exactly.
    QCOMPARE(CarpCodec::encodePacket(decoded.advert, hmac, ipId), packet);
}

void TestCarpCodec::malformed_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<CarpReject>("expected");

    // Every row mutates the captured packet and repairs the checksums the mutation would otherwise
    // break, so that exactly the intended check fails. All rows decode with group 224.0.0.18, then
    // verify against vhid 7 and the captured password.
    using Mutation = std::function<void(QByteArray&)>;
    const auto row = [](CarpReject reason, const Mutation& mutate) {
        QByteArray packet = capturedPacket();
        mutate(packet);
        QTest::newRow(carpRejectCode(reason).data()) << packet << reason;
    };

    row(CarpReject::TooShort, [](QByteArray& p) { p.truncate(19); });
    row(CarpReject::BadIpVersion, [](QByteArray& p) {
        p[0] = 0x65; // version 6, IHL 5
        fixIpChecksum(p);
    });
    row(CarpReject::BadIpHeaderLength, [](QByteArray& p) {
        p[0] = 0x44; // IHL 4: shorter than the fixed header
        p[10] = 0;
        p[11] = 0;
        qToBigEndian(InternetChecksum::compute(QByteArrayView(p).first(20)), p.data() + 10);
    });
    row(CarpReject::BadIpTotalLength, [](QByteArray& p) {
        setTotalLength(p, 57); // one byte more than delivered
        fixIpChecksum(p);
    });
    row(CarpReject::Fragmented, [](QByteArray& p) {
        p[6] = 0x20; // MF set, DF clear, offset 0: a first fragment
        fixIpChecksum(p);
    });
    row(CarpReject::NotCarp, [](QByteArray& p) {
        p[9] = 17; // UDP
        fixIpChecksum(p);
    });
    row(CarpReject::BadIpChecksum, [](QByteArray& p) { p[11] = static_cast<char>(p[11] ^ 0x01); });
    row(CarpReject::BadTtl, [](QByteArray& p) {
        p[8] = static_cast<char>(254); // one router hop away
        fixIpChecksum(p);
    });
    row(CarpReject::WrongDestination, [](QByteArray& p) {
        p[19] = 0x13; // 224.0.0.19
        fixIpChecksum(p);
    });
    row(CarpReject::CarpTooShort, [](QByteArray& p) {
        p.truncate(55);
        setTotalLength(p, 55);
        fixIpChecksum(p);
        fixCarpChecksum(p);
    });
    row(CarpReject::BadVersion, [](QByteArray& p) {
        p[20] = 0x31; // CARP version 3
        fixCarpChecksum(p);
    });
    row(CarpReject::BadType, [](QByteArray& p) {
        p[20] = 0x22; // type 2
        fixCarpChecksum(p);
    });
    row(CarpReject::BadChecksum, [](QByteArray& p) { p[27] = static_cast<char>(p[27] ^ 0x01); });
    row(CarpReject::WrongVhid, [](QByteArray& p) {
        p[21] = 8;
        fixCarpChecksum(p);
    });
    row(CarpReject::BadHmac, [](QByteArray& p) {
        p[55] = static_cast<char>(p[55] ^ 0x80); // last digest byte
        fixCarpChecksum(p);
    });
}

void TestCarpCodec::malformed()
{
    QFETCH(QByteArray, packet);
    QFETCH(CarpReject, expected);
    QCOMPARE(classify(packet, capturedHmac()), expected);
}

// Every reason except None has exactly one row above.
static_assert(CarpRejectCount == 16, "add a malformed_data row for the new reason");

void TestCarpCodec::malformedVariants_data()
{
    QTest::addColumn<QByteArray>("packet");
    QTest::addColumn<CarpReject>("expected");

    const auto row = [](const char* name, CarpReject reason, const std::function<void(QByteArray&)>& mutate) {
        QByteArray packet = capturedPacket();
        mutate(packet);
        QTest::newRow(name) << packet << reason;
    };

    row("ip-version-0", CarpReject::BadIpVersion, [](QByteArray& p) {
        p[0] = 0x05;
        fixIpChecksum(p);
    });
    row("ihl-0", CarpReject::BadIpHeaderLength, [](QByteArray& p) { p[0] = 0x40; });
    row("ihl-past-buffer", CarpReject::BadIpHeaderLength, [](QByteArray& p) { p[0] = 0x4F; }); // 60 > 56
    row("total-length-0", CarpReject::BadIpTotalLength, [](QByteArray& p) {
        setTotalLength(p, 0);
        fixIpChecksum(p);
    });
    row("total-length-19", CarpReject::BadIpTotalLength, [](QByteArray& p) {
        setTotalLength(p, 19);
        fixIpChecksum(p);
    });
    row("total-length-max", CarpReject::BadIpTotalLength, [](QByteArray& p) {
        setTotalLength(p, 0xFFFF);
        fixIpChecksum(p);
    });
    row("fragment-offset", CarpReject::Fragmented, [](QByteArray& p) {
        p[7] = 0x01; // DF kept, offset 8 bytes: a later fragment
        fixIpChecksum(p);
    });
    row("df-clear", CarpReject::None, [](QByteArray& p) {
        p[6] = 0x00; // DF is not required
        fixIpChecksum(p);
    });
    row("ttl-0", CarpReject::BadTtl, [](QByteArray& p) {
        p[8] = 0;
        fixIpChecksum(p);
    });
    row("ttl-1", CarpReject::BadTtl, [](QByteArray& p) {
        p[8] = 1;
        fixIpChecksum(p);
    });
    row("ip-source-changed-unfixed", CarpReject::BadIpChecksum, [](QByteArray& p) { p[15] = 2; });
    row("carp-version-1", CarpReject::BadVersion, [](QByteArray& p) {
        p[20] = 0x11;
        fixCarpChecksum(p);
    });
    row("vrrp-v3", CarpReject::BadVersion, [](QByteArray& p) {
        p[20] = 0x31; // VRRPv3 shares protocol 112; the checksum is left as it is
    });
    row("type-0", CarpReject::BadType, [](QByteArray& p) {
        p[20] = 0x20;
        fixCarpChecksum(p);
    });
    row("counter-changed-unfixed", CarpReject::BadChecksum, [](QByteArray& p) { p[35] = 0; });
    row("counter-changed", CarpReject::BadHmac, [](QByteArray& p) {
        p[35] = static_cast<char>(p[35] ^ 0x01);
        fixCarpChecksum(p);
    });
    // advskew, advbase and demote are outside the digest (reference §3.4): a rewrite with a fixed
    // checksum still verifies. This documents the protocol's weakness, it is not a feature.
    row("advskew-rewritten", CarpReject::None, [](QByteArray& p) {
        p[22] = 0;
        fixCarpChecksum(p);
    });
}

void TestCarpCodec::malformedVariants()
{
    QFETCH(QByteArray, packet);
    QFETCH(CarpReject, expected);
    QCOMPARE(classify(packet, capturedHmac()), expected);
}

// A raw socket never delivers these, but a bug elsewhere or a pcap file might.
void TestCarpCodec::everyTruncationRejected()
{
    const QByteArray packet = capturedPacket();
    for (int length = 0; length < packet.size(); ++length) {
        // A copy of exactly the truncated size, so that a sanitizer would catch any over-read.
        const QByteArray truncated = packet.left(length);
        const CarpCodec::Decoded decoded = CarpCodec::decodePacket(truncated);
        const CarpReject expected = length < 20 ? CarpReject::TooShort : CarpReject::BadIpTotalLength;
        QVERIFY2(decoded.reject == expected,
                 qPrintable(QStringLiteral("length %1: %2").arg(length).arg(carpRejectCode(decoded.reject))));
        QCOMPARE(CarpCodec::decodePacket(truncated, CarpAdvert::DefaultGroup).reject, expected);
        QVERIFY(!CarpCodec::decodeHeader(QByteArrayView(truncated).sliced(qMin(length, 20))).accepted());
    }
}

// Truncated consistently (total length and checksums repaired): the CARP length check catches it.
void TestCarpCodec::shortCarpPayloadRejected()
{
    for (int length = 20; length < CarpAdvert::PacketSize; ++length) {
        QByteArray packet = capturedPacket().left(length);
        setTotalLength(packet, length);
        fixIpChecksum(packet);
        QCOMPARE(CarpCodec::decodePacket(packet).reject, CarpReject::CarpTooShort);
    }
}

// IHL 6 with a Router Alert option: the CARP header starts after the options.
void TestCarpCodec::ipOptionsAccepted()
{
    const QByteArray original = capturedPacket();
    QByteArray packet = original.left(20) + QByteArray::fromHex("94040000") + original.mid(20);
    packet[0] = 0x46;
    setTotalLength(packet, 60);
    fixIpChecksum(packet);
    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet, CarpAdvert::DefaultGroup);
    QCOMPARE(decoded.reject, CarpReject::None);
    QVERIFY(decoded.advert == CarpCodec::decodePacket(original).advert);
    QCOMPARE(CarpCodec::verify(decoded.advert, Vhid, capturedHmac()), CarpReject::None);

    // Maximum IHL, 40 bytes of no-op options.
    QByteArray maxOptions = original.left(20) + QByteArray(40, '\x01') + original.mid(20);
    maxOptions[0] = 0x4F;
    setTotalLength(maxOptions, 96);
    fixIpChecksum(maxOptions);
    QCOMPARE(CarpCodec::decodePacket(maxOptions).reject, CarpReject::None);
    // The options count towards the IP checksum.
    maxOptions[30] = 0x00;
    QCOMPARE(CarpCodec::decodePacket(maxOptions).reject, CarpReject::BadIpChecksum);
}

// Link-layer padding after the IP total length is not payload.
void TestCarpCodec::trailingBytesIgnored()
{
    const QByteArray packet = capturedPacket() + QByteArray(8, '\x5a');
    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet);
    QCOMPARE(decoded.reject, CarpReject::None);
    QVERIFY(decoded.advert == CarpCodec::decodePacket(capturedPacket()).advert);
}

// BSD sums the whole CARP payload; the fields still come from the first 36 bytes.
void TestCarpCodec::extraCarpPayload()
{
    QByteArray packet = capturedPacket() + QByteArray::fromHex("deadbeef");
    setTotalLength(packet, 60);
    fixIpChecksum(packet);
    // The original checksum covers 36 bytes only, so the extra bytes make it fail.
    QCOMPARE(CarpCodec::decodePacket(packet).reject, CarpReject::BadChecksum);
    QCOMPARE(CarpCodec::decodeHeader(QByteArrayView(packet).sliced(20)).reject, CarpReject::BadChecksum);

    fixCarpChecksum(packet);
    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet);
    QCOMPARE(decoded.reject, CarpReject::None);
    QCOMPARE(decoded.advert.vhid, Vhid);
    QCOMPARE(decoded.advert.counter, CapturedCounter);
    QCOMPARE(CarpCodec::verify(decoded.advert, Vhid, capturedHmac()), CarpReject::None);

    // Odd-sized extra payload: the checksum pads the last byte.
    QByteArray odd = capturedPacket() + QByteArray::fromHex("ab");
    setTotalLength(odd, 57);
    fixIpChecksum(odd);
    fixCarpChecksum(odd);
    QCOMPARE(CarpCodec::decodePacket(odd).reject, CarpReject::None);
}

void TestCarpCodec::destinationCheckedOnlyWithGroup()
{
    QByteArray packet = capturedPacket();
    packet[19] = 0x13; // 224.0.0.19
    fixIpChecksum(packet);
    QCOMPARE(CarpCodec::decodePacket(packet).reject, CarpReject::None);
    QCOMPARE(CarpCodec::decodePacket(packet, 0xE0000013).reject, CarpReject::None);
    QCOMPARE(CarpCodec::decodePacket(packet, CarpAdvert::DefaultGroup).reject, CarpReject::WrongDestination);
    QCOMPARE(CarpCodec::decodePacket(packet).advert.destination, quint32(0xE0000013));
}

// ucarp ignores authlen (reference §4 point 3), so an odd value from a peer must not be fatal.
void TestCarpCodec::authlenNotChecked()
{
    QByteArray packet = capturedPacket();
    packet[23] = 0;
    fixCarpChecksum(packet);
    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet);
    QCOMPARE(decoded.reject, CarpReject::None);
    QCOMPARE(decoded.advert.authlen, quint8(0));
    QCOMPARE(CarpCodec::verify(decoded.advert, Vhid, capturedHmac()), CarpReject::None);
}

// Logs name the sender of a rejected packet.
void TestCarpCodec::rejectedPacketKeepsSource()
{
    QByteArray packet = capturedPacket();
    packet[8] = 64;
    fixIpChecksum(packet);
    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet);
    QCOMPARE(decoded.reject, CarpReject::BadTtl);
    QCOMPARE(decoded.advert.source, Source);
    QCOMPARE(decoded.advert.ttl, quint8(64));
}

// A cheap deterministic stand-in for the fuzzer, run on every ctest: random byte edits of a valid
// packet never crash, and a packet that decodes always re-encodes to the same header fields.
void TestCarpCodec::randomMutationsNeverCrash()
{
    QRandomGenerator random(20240601);
    const QByteArray original = capturedPacket();
    const CarpHmac hmac = capturedHmac();
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray packet = original;
        const int edits = static_cast<int>(random.bounded(1, 4));
        for (int e = 0; e < edits; ++e)
            packet[random.bounded(static_cast<int>(packet.size()))] = static_cast<char>(random.bounded(256));
        if (random.bounded(4) == 0)
            packet.truncate(random.bounded(static_cast<int>(packet.size()) + 1));
        const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet, CarpAdvert::DefaultGroup);
        if (!decoded.accepted())
            continue;
        ++accepted;
        const CarpReject verdict = CarpCodec::verify(decoded.advert, Vhid, hmac);
        QVERIFY(verdict == CarpReject::None || verdict == CarpReject::WrongVhid ||
                verdict == CarpReject::BadHmac);
        const QByteArray again = CarpCodec::encodePacket(decoded.advert, hmac, 1);
        const CarpCodec::Decoded redecoded = CarpCodec::decodePacket(again, decoded.advert.destination);
        QCOMPARE(redecoded.reject, CarpReject::None);
        QCOMPARE(redecoded.advert.vhid, decoded.advert.vhid);
        QCOMPARE(redecoded.advert.counter, decoded.advert.counter);
    }
    // Mostly the checksums catch the edits, but some land in the IP ID or a compensating place.
    QVERIFY(accepted > 0);
}

void TestCarpCodec::rejectCodes()
{
    const QRegularExpression kebab(QStringLiteral("^[a-z]+(-[a-z]+)*$"));
    QSet<QString> codes;
    for (int i = 0; i < CarpRejectCount; ++i) {
        const auto reject = static_cast<CarpReject>(i);
        const QString code = carpRejectCode(reject);
        QVERIFY2(kebab.match(code).hasMatch(), qPrintable(code));
        codes.insert(code);
        QCOMPARE(carpRejectFromCode(code), std::optional{reject});
        QVERIFY(!carpRejectDescription(reject).isEmpty());
    }
    QCOMPARE(codes.size(), CarpRejectCount);
    // Wire and log vocabulary: these spellings must never change.
    QCOMPARE(carpRejectCode(CarpReject::None), QLatin1StringView("none"));
    QCOMPARE(carpRejectCode(CarpReject::BadHmac), QLatin1StringView("bad-hmac"));
    QCOMPARE(carpRejectCode(CarpReject::WrongVhid), QLatin1StringView("wrong-vhid"));
    QCOMPARE(carpRejectCode(CarpReject::BadTtl), QLatin1StringView("bad-ttl"));
    QCOMPARE(carpRejectCode(CarpReject::Count), QLatin1StringView("unknown"));
    QCOMPARE(carpRejectFromCode(u"unknown"), std::nullopt);
    QCOMPARE(carpRejectFromCode(u""), std::nullopt);
    QCOMPARE(carpRejectFromCode(u"Bad-Hmac"), std::nullopt);
}

QTEST_GUILESS_MAIN(TestCarpCodec)
#include "TestCarpCodec.moc"
