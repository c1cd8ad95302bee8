// SPDX-License-Identifier: GPL-3.0-or-later
#include "IniLineReader.h"

#include "ValueParsers.h"

namespace baton {

namespace {

constexpr qsizetype MaxKeyLength = 64; // far above any real key; keeps garbage out of messages

bool isKeyCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' ||
           c == u'_' || c == u'.';
}

// A comment starts with '#' at the start of the value or after whitespace, so "a#b" stays a value.
qsizetype commentStart(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i)
        if (text[i] == u'#' && (i == 0 || text[i - 1].isSpace()))
            return i;
    return -1;
}

QStringView withoutComment(QStringView text)
{
    const qsizetype hash = commentStart(text);
    return (hash < 0 ? text : text.left(hash)).trimmed();
}

} // namespace

QList<IniLineReader::Line> IniLineReader::read(QStringView text)
{
    QList<Line> lines;
    int number = 0;
    for (QStringView physical : text.tokenize(u'\n')) {
        ++number;
        if (physical.endsWith(u'\r'))
            physical.chop(1);
        const QStringView trimmed = physical.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#') || trimmed.startsWith(u';'))
            continue;
        lines.append(parseLine(trimmed, number));
    }
    return lines;
}

IniLineReader::Line IniLineReader::parseLine(QStringView text, int number)
{
    Line line;
    line.number = number;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0 || !withoutComment(text.mid(close + 1)).isEmpty()) {
            line.error = ValueParsers::expected(QStringLiteral("a section header like [vhid 1]"), text);
            return line;
        }
        line.kind = Line::Kind::Section;
        line.section = text.mid(1, close - 1).trimmed().toString();
        return line;
    }
    const qsizetype equals = text.indexOf(u'=');
    const QStringView key = equals < 0 ? QStringView() : text.left(equals).trimmed();
    bool keyValid = !key.isEmpty() && key.size() <= MaxKeyLength;
    for (const QChar c : key)
        keyValid = keyValid && isKeyCharacter(c);
    if (!keyValid) {
        line.error = ValueParsers::expected(QStringLiteral("'key = value' or a [section]"), text);
        return line;
    }
    line.key = key.toString();
    parseValue(text.mid(equals + 1).trimmed(), line);
    return line;
}

void IniLineReader::parseValue(QStringView text, Line& line)
{
    if (text.startsWith(u'"')) {
        parseQuoted(text, line);
        return;
    }
    line.kind = Line::Kind::KeyValue;
    line.value = withoutComment(text).toString();
}

void IniLineReader::parseQuoted(QStringView text, Line& line)
{
    QString value;
    for (qsizetype i = 1; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'"') {
            if (!withoutComment(text.mid(i + 1)).isEmpty()) {
                line.error =
                    ValueParsers::expected(QStringLiteral("nothing but a comment after the closing quote"),
                                           text.mid(i + 1).trimmed());
                return;
            }
            line.kind = Line::Kind::KeyValue;
            line.value = value;
            return;
        }
        if (c == u'\\') {
            const QChar next = i + 1 < text.size() ? text[i + 1] : QChar();
            if (next != u'"' && next != u'\\') {
                line.error = ValueParsers::expected(
                    QStringLiteral("\\\" or \\\\ after a backslash in a quoted value"), text.mid(i, 2));
                return;
            }
            ++i;
            value += next;
            continue;
        }
        value += c;
    }
    line.error = QStringLiteral("expected a closing '\"' at the end of the quoted value");
}

} // namespace baton
