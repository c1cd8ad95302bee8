// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace baton {

// One line of /proc/net/arp: the kernel's IPv4 neighbour table as this network namespace sees it.
struct ArpEntry
{
    static constexpr quint32 FlagComplete = 0x2;  // ATF_COM: the hardware address is known
    static constexpr quint32 FlagPermanent = 0x4; // ATF_PERM: static entry

    quint32 address = 0;     // host order
    QString hardwareAddress; // "aa:bb:cc:dd:ee:ff", lower case, as the kernel prints it
    quint32 flags = 0;
    QString device;

    bool isComplete() const { return (flags & FlagComplete) != 0; }
    bool operator==(const ArpEntry&) const = default;
};

// Reads the text of /proc/net/arp:
//   IP address       HW type     Flags       HW address            Mask     Device
//   192.0.2.10       0x1         0x2         02:00:00:00:00:0a     *        eth0
class ArpTable
{
public:
    // The header line and lines that do not parse are skipped; so is anything that is not
    // Ethernet-like (HW type other than 0x1, e.g. InfiniBand's 20-byte addresses).
    static QList<ArpEntry> parse(QByteArrayView text);
    // The hardware address of the first complete entry for address, or an empty string (no entry,
    // or still resolving / failed: flags 0x0 with 00:00:00:00:00:00).
    static QString hardwareAddressFor(const QList<ArpEntry>& entries, quint32 address);
};

} // namespace baton
