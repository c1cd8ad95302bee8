// SPDX-License-Identifier: GPL-3.0-or-later
#include "InternetChecksum.h"

#include "util/HotPath.h"

#include <QtEndian>

namespace baton {

BATON_HOT quint16 InternetChecksum::compute(const quint8* data, qsizetype size)
{
    if (data == nullptr || size <= 0)
        return 0xFFFF;
    // A 64-bit accumulator cannot overflow for any buffer that fits in memory, so the carries are
    // folded once at the end instead of per word.
    quint64 sum = 0;
    qsizetype i = 0;
    // Four bytes at a time: 2^16 is 1 modulo 0xFFFF, so big-endian 32-bit words fold to the same
    // one's-complement sum as their 16-bit halves (RFC 1071, 2(B)), in half the additions.
    for (; i + 3 < size; i += 4)
        sum += qFromBigEndian<quint32>(data + i);
    for (; i + 1 < size; i += 2)
        sum += (quint64{data[i]} << 8) | quint64{data[i + 1]};
    if (i < size)
        sum += quint64{data[i]} << 8;
    while (sum > 0xFFFF)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return static_cast<quint16>(~sum & 0xFFFF);
}

BATON_HOT quint16 InternetChecksum::compute(QByteArrayView data)
{
    return compute(reinterpret_cast<const quint8*>(data.data()), data.size());
}

} // namespace baton
