// SPDX-License-Identifier: GPL-3.0-or-later
#include "PcapReader.h"

#include <QtEndian>

namespace baton {

namespace {
constexpr quint32 MagicMicro = 0xA1B2C3D4;
constexpr quint32 MagicNano = 0xA1B23C4D;
constexpr qsizetype FileHeaderSize = 24;
constexpr qsizetype RecordHeaderSize = 16;
constexpr quint32 MaxRecord = 262144; // tcpdump's largest snaplen
constexpr quint32 LinkEthernet = 1;
constexpr quint32 LinkRaw = 101;
constexpr quint32 LinkIpv4 = 228;
constexpr quint32 LinkSll = 113;
constexpr quint32 LinkSll2 = 276;
constexpr quint16 EtherTypeIpv4 = 0x0800;
constexpr quint16 EtherTypeVlan = 0x8100;
} // namespace

PcapReader::PcapReader(QByteArray file)
    : m_file(std::move(file))
{
    m_headerRead = readHeader();
}

quint32 PcapReader::read32(qsizetype at) const
{
    const quint32 v = qFromLittleEndian<quint32>(m_file.constData() + at);
    return m_swapped ? qbswap(v) : v;
}

quint16 PcapReader::read16(qsizetype at) const
{
    const quint16 v = qFromLittleEndian<quint16>(m_file.constData() + at);
    return m_swapped ? qbswap(v) : v;
}

bool PcapReader::readHeader()
{
    if (m_file.size() < FileHeaderSize) {
        m_error = QStringLiteral("not a pcap file: %1 bytes, shorter than the 24-byte file header")
                      .arg(m_file.size());
        return false;
    }
    const quint32 magic = qFromLittleEndian<quint32>(m_file.constData());
    for (const bool swapped : {false, true}) {
        const quint32 m = swapped ? qbswap(magic) : magic;
        if (m == MagicMicro || m == MagicNano) {
            m_swapped = swapped;
            m_nanoseconds = m == MagicNano;
            m_linkType = read32(20) & 0x0FFFFFFF; // the top bits carry FCS information
            m_offset = FileHeaderSize;
            if (m_linkType != LinkEthernet && m_linkType != LinkRaw && m_linkType != LinkIpv4 &&
                m_linkType != LinkSll && m_linkType != LinkSll2) {
                m_error =
                    QStringLiteral("unsupported link type %1 (supported: Ethernet, raw IP, Linux cooked)")
                        .arg(m_linkType);
                return false;
            }
            return true;
        }
    }
    m_error =
        QStringLiteral("not a pcap file: magic 0x%1 (pcapng is not supported; convert with editcap -F pcap)")
            .arg(magic, 8, 16, QLatin1Char('0'));
    return false;
}

std::optional<PcapReader::Packet> PcapReader::next()
{
    if (!headerOk() || m_offset == m_file.size())
        return std::nullopt;
    const int record = m_records + 1;
    if (m_file.size() - m_offset < RecordHeaderSize) {
        m_error = QStringLiteral("record %1: truncated record header").arg(record);
        return std::nullopt;
    }
    const quint32 seconds = read32(m_offset);
    const quint32 fraction = read32(m_offset + 4);
    const quint32 captured = read32(m_offset + 8);
    if (captured > MaxRecord || captured > m_file.size() - m_offset - RecordHeaderSize) {
        m_error = QStringLiteral("record %1: captured length %2 runs past the end of the file")
                      .arg(record)
                      .arg(captured);
        return std::nullopt;
    }
    const QByteArray frame = m_file.mid(m_offset + RecordHeaderSize, captured);
    m_offset += RecordHeaderSize + captured;
    m_records = record;
    Packet packet;
    packet.timestampMicros = qint64{seconds} * 1'000'000 + (m_nanoseconds ? fraction / 1000 : fraction);
    packet.ipv4 = ipv4Payload(frame);
    return packet;
}

QByteArray PcapReader::ipv4Payload(const QByteArray& frame) const
{
    auto be16 = [&frame](qsizetype at) { return qFromBigEndian<quint16>(frame.constData() + at); };
    qsizetype start = -1;
    switch (m_linkType) {
    case LinkRaw:
    case LinkIpv4:
        start = 0;
        break;
    case LinkEthernet: {
        qsizetype typeAt = 12;
        if (frame.size() >= 18 && be16(typeAt) == EtherTypeVlan)
            typeAt = 16;
        if (frame.size() >= typeAt + 2 && be16(typeAt) == EtherTypeIpv4)
            start = typeAt + 2;
        break;
    }
    case LinkSll:
        if (frame.size() >= 16 && be16(14) == EtherTypeIpv4)
            start = 16;
        break;
    case LinkSll2:
        if (frame.size() >= 20 && be16(0) == EtherTypeIpv4)
            start = 20;
        break;
    default:
        break;
    }
    if (start < 0 || start >= frame.size() || (static_cast<quint8>(frame[start]) >> 4) != 4)
        return {};
    return frame.mid(start);
}

} // namespace baton
