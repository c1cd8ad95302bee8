// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArpTable.h"

#include "net/Ipv4.h"

#include <optional>

namespace baton {

namespace {
constexpr quint32 HardwareTypeEther = 0x1; // ARPHRD_ETHER

std::optional<quint32> parseHex(QByteArrayView field)
{
    if (!field.startsWith("0x") || field.size() < 3 || field.size() > 10)
        return std::nullopt;
    bool ok = false;
    const uint value = field.sliced(2).toUInt(&ok, 16);
    if (!ok)
        return std::nullopt;
    return quint32{value};
}

bool isMac(QByteArrayView text)
{
    if (text.size() != 17)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (i % 3 == 2 ? c != ':' : !hex)
            return false;
    }
    return true;
}
} // namespace

QList<ArpEntry> ArpTable::parse(QByteArrayView text)
{
    QList<ArpEntry> entries;
    for (const QByteArray& line : text.toByteArray().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        // Address, HW type, flags, HW address, mask, device: the kernel prints all six.
        if (fields.size() != 6)
            continue;
        const auto address = Ipv4::parse(QString::fromLatin1(fields[0]));
        const auto hardwareType = parseHex(fields[1]);
        const auto flags = parseHex(fields[2]);
        if (!address || !hardwareType || !flags || *hardwareType != HardwareTypeEther || !isMac(fields[3]))
            continue;
        entries.append(
            {*address, QString::fromLatin1(fields[3]).toLower(), *flags, QString::fromLocal8Bit(fields[5])});
    }
    return entries;
}

QString ArpTable::hardwareAddressFor(const QList<ArpEntry>& entries, quint32 address)
{
    for (const ArpEntry& e : entries) {
        if (e.address == address && e.isComplete())
            return e.hardwareAddress;
    }
    return {};
}

} // namespace baton
