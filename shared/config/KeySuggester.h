// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace baton {

// "did you mean 'advskew'?" for a mistyped key: the known key nearest by edit distance.
class KeySuggester
{
public:
    static constexpr int MaxDistance = 2;

    // The closest candidate within MaxDistance (ties: the first listed), or an empty string.
    static QString closest(QStringView key, const QStringList& candidates);
    // " (did you mean 'K'?)" or an empty string, to append to an "unknown key" message.
    static QString hint(QStringView key, const QStringList& candidates);
    // Levenshtein distance, case-insensitive, giving up (returning limit + 1) past limit.
    static int distance(QStringView a, QStringView b, int limit);
};

} // namespace baton
