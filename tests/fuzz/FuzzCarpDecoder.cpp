// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the CARP decoder: arbitrary bytes as a raw socket might deliver them.
#include "carp/CarpAdvert.h"
#include "carp/CarpCodec.h"
#include "carp/CarpHmac.h"
#include "carp/CarpReject.h"

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace baton;

namespace {

// Findings must stop the run, not scroll by: abort() makes libFuzzer save the input.
void require(bool condition)
{
    if (!condition)
        std::abort();
}

// Reads fixed-size fields from the front of the input, zero-filled past its end.
class FieldReader
{
public:
    FieldReader(const quint8* data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {
    }
    quint8 byte() { return m_offset < m_size ? m_data[m_offset++] : 0; }
    quint16 u16() { return static_cast<quint16>((quint16{byte()} << 8) | byte()); }
    quint32 u32() { return (quint32{u16()} << 16) | u16(); }
    quint64 u64() { return (quint64{u32()} << 32) | u32(); }

private:
    const quint8* m_data;
    std::size_t m_size;
    std::size_t m_offset = 0;
};

const CarpHmac& fixedHmac()
{
    static const CarpHmac hmac(QByteArrayLiteral("secret"), 7, {0x0A090064});
    return hmac;
}

// Decoding: never crashes, and a group check can only turn a verdict from a later check (or None)
// into WrongDestination.
void decodeArbitrary(QByteArrayView bytes)
{
    const CarpCodec::Decoded open = CarpCodec::decodePacket(bytes);
    const CarpCodec::Decoded grouped = CarpCodec::decodePacket(bytes, CarpAdvert::DefaultGroup);
    if (open.reject != CarpReject::None && open.reject < CarpReject::WrongDestination)
        require(grouped.reject == open.reject);
    else
        require(grouped.reject == open.reject || grouped.reject == CarpReject::WrongDestination);

    if (open.accepted()) {
        const CarpReject verdict = CarpCodec::verify(open.advert, 7, fixedHmac());
        require(verdict == CarpReject::None || verdict == CarpReject::WrongVhid ||
                verdict == CarpReject::BadHmac);
        // Whatever was accepted re-encodes into something accepted with the same fields.
        const QByteArray again = CarpCodec::encodePacket(open.advert, fixedHmac(), 0);
        const CarpCodec::Decoded redecoded = CarpCodec::decodePacket(again, open.advert.destination);
        require(redecoded.accepted());
        require(
            redecoded.advert.vhid == open.advert.vhid && redecoded.advert.advskew == open.advert.advskew &&
            redecoded.advert.advbase == open.advert.advbase &&
            redecoded.advert.demote == open.advert.demote &&
            redecoded.advert.counter == open.advert.counter && redecoded.advert.source == open.advert.source);
    }
    (void)CarpCodec::decodeHeader(bytes);
}

// Encoding: any field values round-trip exactly and verify.
void roundTrip(const quint8* data, std::size_t size)
{
    FieldReader reader(data, size);
    CarpAdvert advert;
    advert.vhid = reader.byte();
    advert.advskew = reader.byte();
    advert.advbase = reader.byte();
    advert.demote = reader.byte();
    advert.counter = reader.u64();
    advert.source = reader.u32();
    advert.destination = reader.u32();
    const quint16 ipId = reader.u16();
    const CarpHmac hmac(QByteArrayLiteral("fuzz"), advert.vhid, {advert.source, advert.destination});

    const QByteArray packet = CarpCodec::encodePacket(advert, hmac, ipId);
    require(packet.size() == CarpAdvert::PacketSize);
    const CarpCodec::Decoded decoded = CarpCodec::decodePacket(packet, advert.destination);
    require(decoded.accepted());
    CarpAdvert expected = advert;
    expected.checksum = decoded.advert.checksum;
    expected.hmac = hmac.digest(advert.counter);
    require(decoded.advert == expected);
    require(CarpCodec::verify(decoded.advert, advert.vhid, hmac) == CarpReject::None);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // libFuzzer's buffer holds exactly size bytes, so AddressSanitizer flags any read past the end.
    decodeArbitrary(QByteArrayView(data, static_cast<qsizetype>(size)));
    roundTrip(data, size);
    return 0;
}
