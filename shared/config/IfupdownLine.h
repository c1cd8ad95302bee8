// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace baton {

// One logical line of an interfaces file: continuations joined, comments dropped, trimmed.
struct IfupdownLine
{
    QString file;
    int number = 0; // the first physical line
    QString text;

    QString firstWord() const { return text.left(firstSpace()); }
    // What follows the first word, as ifupdown passes an option's value: inner spaces kept.
    QString rest() const { return text.mid(firstSpace()).trimmed(); }
    QStringList words() const { return text.simplified().split(u' ', Qt::SkipEmptyParts); }

private:
    qsizetype firstSpace() const
    {
        for (qsizetype i = 0; i < text.size(); ++i)
            if (text[i].isSpace())
                return i;
        return text.size();
    }
};

} // namespace baton
