// SPDX-License-Identifier: GPL-3.0-or-later
#include "DurationText.h"

#include <QDateTime>
#include <QLocale>

namespace baton {

QString DurationText::format(qint64 ms)
{
    const qint64 s = std::max<qint64>(ms, 0) / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
    return tr("%1 d %2 h").arg(s / 86400).arg(s % 86400 / 3600);
}

qint64 DurationText::secondsLeft(qint64 ms)
{
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

QString DurationText::clock(qint64 epochMs)
{
    // Seconds matter here (a restore deadline, a state change), which QLocale::ShortFormat drops.
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(epochMs).time(), QStringLiteral("HH:mm:ss"));
}

} // namespace baton
