// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace baton {

// RFC 1071 Internet checksum, as used by the IPv4 header and the CARP header. Values are host-order
// numbers whose big-endian bytes are what goes on the wire.
class InternetChecksum
{
public:
    // The checksum to store: the one's complement of the one's-complement sum of the 16-bit
    // big-endian words of data. An odd trailing byte counts as the high byte of a last word.
    static quint16 compute(const quint8* data, qsizetype size);
    static quint16 compute(QByteArrayView data);

    // True when data, its checksum field included, sums to 0xFFFF (so compute() over it gives 0).
    static bool verify(const quint8* data, qsizetype size) { return compute(data, size) == 0; }
    static bool verify(QByteArrayView data) { return compute(data) == 0; }
};

} // namespace baton
