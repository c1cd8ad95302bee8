// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace baton {

// The lexical layer of batond.conf: splits text into "[section]" and "key = value" lines, drops
// blank lines and comments, and unquotes values. It knows nothing about which keys exist.
class IniLineReader
{
public:
    struct Line
    {
        enum class Kind
        {
            Section,
            KeyValue,
            Invalid,
        };
        Kind kind = Kind::Invalid;
        int number = 0;
        QString section; // Section: the text between the brackets, trimmed
        QString key;     // KeyValue, and Invalid when the key was readable
        QString value;   // KeyValue: unquoted, comment removed, trimmed unless quoted
        QString error;   // Invalid: what was wrong
    };

    // Accepts LF and CRLF line ends and a missing final line end.
    static QList<Line> read(QStringView text);

private:
    static Line parseLine(QStringView text, int number);
    static void parseValue(QStringView text, Line& line);
    static void parseQuoted(QStringView text, Line& line);
};

} // namespace baton
