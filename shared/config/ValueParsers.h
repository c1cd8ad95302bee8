// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Ipv4.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

namespace baton {

// Typed values shared by the config readers. Each returns nullopt on bad input and then sets
// *error to "expected WHAT, got 'FOUND'", ready to follow "FILE:LINE: key 'K': ".
class ValueParsers
{
public:
    static constexpr int MaxPasswordBytes = 19; // ucarp: the password and its NUL fill a 20-byte key
    static constexpr int MaxInterfaceName = 15; // IFNAMSIZ - 1

    static std::optional<int> integer(QStringView text, int min, int max, QString* error);
    // yes/no, true/false, on/off, 1/0, case-insensitive.
    static std::optional<bool> boolean(QStringView text, QString* error);
    // A dotted quad that can be a host's address (not 0/8, multicast, reserved or broadcast).
    static std::optional<quint32> unicastAddress(QStringView text, QString* error);
    static std::optional<quint32> multicastAddress(QStringView text, QString* error);
    // "a.b.c.d/nn" with a unicast address; the prefix is required.
    static std::optional<Ipv4Prefix> vipPrefix(QStringView text, QString* error);
    // Linux interface names: 1-15 characters, none of '/', ':' or whitespace, not "." or "..".
    static std::optional<QString> interfaceName(QStringView text, QString* error);
    // An address label as iproute2 accepts it: starts with the interface name, at most 15 characters.
    static std::optional<QString> vipLabel(QStringView text, QStringView interface, QString* error);
    // 1-19 bytes of UTF-8 without control characters. Never echoes the password in *error.
    static std::optional<QByteArray> password(QStringView text, QString* error);
    static std::optional<QString> absolutePath(QStringView text, QString* error);

    // "expected WHAT, got 'FOUND'" with FOUND made printable and cut to a readable length.
    static QString expected(const QString& what, QStringView found);
    static QString quote(QStringView found);
};

} // namespace baton
