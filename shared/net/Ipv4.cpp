// SPDX-License-Identifier: GPL-3.0-or-later
#include "Ipv4.h"

namespace baton {

std::optional<quint32> Ipv4::parse(QStringView text)
{
    quint32 result = 0;
    int octets = 0;
    qsizetype i = 0;
    while (octets < 4) {
        if (i >= text.size() || !text[i].isDigit() || text[i].unicode() > '9')
            return std::nullopt;
        quint32 value = 0;
        int digits = 0;
        // "010" is octal to inet_aton and decimal to others: refuse the ambiguity, as ucarp does.
        if (text[i] == u'0' && i + 1 < text.size() && text[i + 1] >= u'0' && text[i + 1] <= u'9')
            return std::nullopt;
        while (i < text.size() && text[i] >= u'0' && text[i] <= u'9') {
            value = value * 10 + static_cast<quint32>(text[i].unicode() - u'0');
            if (++digits > 3 || value > 255)
                return std::nullopt;
            ++i;
        }
        result = (result << 8) | value;
        if (++octets < 4) {
            if (i >= text.size() || text[i] != u'.')
                return std::nullopt;
            ++i;
        }
    }
    if (i != text.size())
        return std::nullopt;
    return result;
}

QString Ipv4::toString(quint32 address)
{
    return QStringLiteral("%1.%2.%3.%4")
        .arg(address >> 24)
        .arg((address >> 16) & 0xFF)
        .arg((address >> 8) & 0xFF)
        .arg(address & 0xFF);
}

std::optional<int> Ipv4::netmaskToPrefix(QStringView text)
{
    const auto mask = parse(text);
    if (!mask)
        return std::nullopt;
    const quint32 inverted = ~*mask;
    // A contiguous mask inverted is 2^k - 1, so adding one leaves a single bit (or zero).
    if ((inverted & (inverted + 1)) != 0)
        return std::nullopt;
    int prefix = 0;
    for (quint32 m = *mask; m & 0x80000000u; m <<= 1)
        ++prefix;
    return prefix;
}

std::optional<Ipv4Prefix> Ipv4Prefix::parse(QStringView text, bool allowBare)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0) {
        if (!allowBare)
            return std::nullopt;
        const auto address = Ipv4::parse(text);
        if (!address)
            return std::nullopt;
        return Ipv4Prefix{*address, 32};
    }
    const auto address = Ipv4::parse(text.left(slash));
    const QStringView prefixText = text.mid(slash + 1);
    if (!address || prefixText.isEmpty() || prefixText.size() > 2)
        return std::nullopt;
    int prefix = 0;
    for (const QChar c : prefixText) {
        if (c < u'0' || c > u'9')
            return std::nullopt; // digits only: no sign, no spaces
        prefix = prefix * 10 + (c.unicode() - u'0');
    }
    if (prefix < 1 || prefix > 32)
        return std::nullopt;
    return Ipv4Prefix{*address, prefix};
}

QString Ipv4Prefix::toString() const
{
    return Ipv4::toString(address) + u'/' + QString::number(prefixLength);
}

} // namespace baton
