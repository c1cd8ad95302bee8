// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace baton {

// Reads classic libpcap capture files (microsecond or nanosecond, either byte order) and hands
// out the IPv4 packet inside each record, for `batonctl adverts --pcap`. Link types: Ethernet,
// raw IP, Linux cooked v1/v2 (what `tcpdump -i any` writes). Untrusted input: every length is
// checked before it is used, and a damaged file ends with an error naming the record.
class PcapReader
{
public:
    struct Packet
    {
        qint64 timestampMicros = 0; // since the Unix epoch
        QByteArray ipv4;            // empty when the record is not IPv4 (skipped by callers)
    };

    explicit PcapReader(QByteArray file);

    bool headerOk() const { return m_error.isEmpty() && m_headerRead; }
    // The next record, or nullopt at the end of the file or on an error (see error()).
    std::optional<Packet> next();
    QString error() const { return m_error; }
    int recordsRead() const { return m_records; }

private:
    bool readHeader();
    quint32 read32(qsizetype at) const;
    quint16 read16(qsizetype at) const;
    QByteArray ipv4Payload(const QByteArray& frame) const;

    QByteArray m_file;
    qsizetype m_offset = 0;
    bool m_swapped = false;
    bool m_nanoseconds = false;
    bool m_headerRead = false;
    quint32 m_linkType = 0;
    int m_records = 0;
    QString m_error;
};

} // namespace baton
