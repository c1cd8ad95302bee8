// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeySuggester.h"

#include <QList>

#include <algorithm>

namespace baton {

int KeySuggester::distance(QStringView a, QStringView b, int limit)
{
    // Lengths differing by more than the limit cannot be within it; this also bounds the work
    // for the huge "keys" that garbage input produces.
    if (qAbs(a.size() - b.size()) > limit)
        return limit + 1;
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        int rowMinimum = current[0];
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const bool same = a[i - 1].toCaseFolded() == b[j - 1].toCaseFolded();
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
            rowMinimum = std::min(rowMinimum, current[j]);
        }
        if (rowMinimum > limit)
            return limit + 1;
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], limit + 1);
}

QString KeySuggester::closest(QStringView key, const QStringList& candidates)
{
    QString best;
    int bestDistance = MaxDistance + 1;
    for (const QString& candidate : candidates) {
        const int d = distance(key, candidate, MaxDistance);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

QString KeySuggester::hint(QStringView key, const QStringList& candidates)
{
    const QString best = closest(key, candidates);
    return best.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(best);
}

} // namespace baton
