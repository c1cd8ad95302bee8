// SPDX-License-Identifier: GPL-3.0-or-later
#include "ValueParsers.h"

#include <QStringList>

namespace baton {

namespace {

constexpr qsizetype MaxQuoted = 40;

bool isControl(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7F;
}

} // namespace

QString ValueParsers::quote(QStringView found)
{
    // Messages end up in logs and terminals: no control characters, and no 1 MiB line echoed back.
    QString text;
    for (qsizetype i = 0; i < found.size() && i < MaxQuoted; ++i) {
        const QChar c = found[i];
        text += (isControl(c) || c == QChar::ReplacementCharacter || c.isSurrogate()) ? u'?' : c;
    }
    if (found.size() > MaxQuoted)
        text += QStringLiteral("...");
    return u'\'' + text + u'\'';
}

QString ValueParsers::expected(const QString& what, QStringView found)
{
    return QStringLiteral("expected %1, got %2").arg(what, quote(found));
}

std::optional<int> ValueParsers::integer(QStringView text, int min, int max, QString* error)
{
    const QString what = QStringLiteral("an integer %1-%2").arg(min).arg(max);
    // Digits only: no sign, no spaces, no hex; at most 9 digits so the sum cannot overflow.
    bool digits = !text.isEmpty() && text.size() <= 9;
    for (const QChar c : text)
        digits = digits && c >= u'0' && c <= u'9';
    const int value = digits ? text.toInt() : -1;
    if (!digits || value < min || value > max) {
        *error = expected(what, text);
        return std::nullopt;
    }
    return value;
}

std::optional<bool> ValueParsers::boolean(QStringView text, QString* error)
{
    static const QStringList yes = {QStringLiteral("yes"), QStringLiteral("true"), QStringLiteral("on"),
                                    QStringLiteral("1")};
    static const QStringList no = {QStringLiteral("no"), QStringLiteral("false"), QStringLiteral("off"),
                                   QStringLiteral("0")};
    for (const QString& word : yes)
        if (text.compare(word, Qt::CaseInsensitive) == 0)
            return true;
    for (const QString& word : no)
        if (text.compare(word, Qt::CaseInsensitive) == 0)
            return false;
    *error = expected(QStringLiteral("yes or no (also true/false, on/off, 1/0)"), text);
    return std::nullopt;
}

std::optional<quint32> ValueParsers::unicastAddress(QStringView text, QString* error)
{
    const auto address = Ipv4::parse(text);
    const quint32 firstOctet = address ? *address >> 24 : 0;
    if (!address || firstOctet == 0 || firstOctet >= 224) {
        *error = expected(QStringLiteral("a unicast IPv4 address like 192.0.2.11"), text);
        return std::nullopt;
    }
    return address;
}

std::optional<quint32> ValueParsers::multicastAddress(QStringView text, QString* error)
{
    const auto address = Ipv4::parse(text);
    if (!address || !Ipv4::isMulticast(*address)) {
        *error = expected(QStringLiteral("a multicast IPv4 address (224.0.0.0-239.255.255.255)"), text);
        return std::nullopt;
    }
    return address;
}

std::optional<Ipv4Prefix> ValueParsers::vipPrefix(QStringView text, QString* error)
{
    const auto prefix = Ipv4Prefix::parse(text);
    const quint32 firstOctet = prefix ? prefix->address >> 24 : 0;
    if (!prefix || firstOctet == 0 || firstOctet >= 224) {
        *error =
            expected(QStringLiteral("a unicast IPv4 address with a prefix length like 192.0.2.10/24"), text);
        return std::nullopt;
    }
    return prefix;
}

std::optional<QString> ValueParsers::interfaceName(QStringView text, QString* error)
{
    bool valid = !text.isEmpty() && text.size() <= MaxInterfaceName && text != u"." && text != u"..";
    for (const QChar c : text)
        valid = valid && c != u'/' && c != u':' && !c.isSpace() && !isControl(c);
    if (!valid) {
        *error =
            expected(QStringLiteral("an interface name of 1-15 characters without '/', ':' or spaces"), text);
        return std::nullopt;
    }
    return text.toString();
}

std::optional<QString> ValueParsers::vipLabel(QStringView text, QStringView interface, QString* error)
{
    bool valid = text.startsWith(interface) && text.size() <= MaxInterfaceName;
    for (const QChar c : text)
        valid = valid && !c.isSpace() && !isControl(c) && c != u'/';
    if (!valid) {
        *error =
            expected(QStringLiteral("a label of at most 15 characters starting with the interface name '%1'")
                         .arg(interface),
                     text);
        return std::nullopt;
    }
    return text.toString();
}

std::optional<QByteArray> ValueParsers::password(QStringView text, QString* error)
{
    const QByteArray bytes = text.toUtf8();
    bool printable = true;
    for (const QChar c : text)
        printable = printable && !isControl(c);
    if (bytes.isEmpty()) {
        *error = QStringLiteral("expected a password of 1-19 bytes, got an empty value");
        return std::nullopt;
    }
    if (bytes.size() > MaxPasswordBytes) {
        *error = QStringLiteral("expected a password of at most 19 bytes (ucarp's limit), got %1 bytes")
                     .arg(bytes.size());
        return std::nullopt;
    }
    if (!printable) {
        *error = QStringLiteral("expected a password without control characters");
        return std::nullopt;
    }
    return bytes;
}

std::optional<QString> ValueParsers::absolutePath(QStringView text, QString* error)
{
    bool valid = text.startsWith(u'/');
    for (const QChar c : text)
        valid = valid && !isControl(c);
    if (!valid) {
        *error = expected(QStringLiteral("an absolute path"), text);
        return std::nullopt;
    }
    return text.toString();
}

} // namespace baton
