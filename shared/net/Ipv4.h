// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <optional>

namespace baton {

// IPv4 addresses are carried as host-order 32-bit integers (192.0.2.10 == 0xC000020A) through the
// CARP core: cheap to compare and sort, and free of QHostAddress's IPv6/scope baggage.
class Ipv4
{
public:
    // Strict dotted quad: four decimal octets 0-255, no leading '+', no spaces, no CIDR suffix.
    static std::optional<quint32> parse(QStringView text);
    static QString toString(quint32 address);
    // Dotted-quad netmask ("255.255.255.0") to a prefix length; nullopt if not contiguous.
    static std::optional<int> netmaskToPrefix(QStringView text);
    static bool isMulticast(quint32 address) { return (address >> 28) == 0xE; }
};

// An address with its prefix length, as a VIP is configured on an interface.
struct Ipv4Prefix
{
    quint32 address = 0;
    int prefixLength = 32;

    // "a.b.c.d/nn" with nn in 1..32. Without "/nn" only when allowBare is set (then /32).
    static std::optional<Ipv4Prefix> parse(QStringView text, bool allowBare = false);
    QString toString() const;
    bool operator==(const Ipv4Prefix&) const = default;
};

} // namespace baton
