// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentClock.h"

#include "SteadyNow.h"

#include <QFile>

#include <time.h>

namespace baton {

namespace {
qint64 read(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return milliseconds(ts);
}
} // namespace

qint64 AgentClock::wallMs() const
{
    return read(CLOCK_REALTIME);
}

qint64 AgentClock::bootMs() const
{
    return read(CLOCK_BOOTTIME);
}

QString AgentClock::bootId() const
{
    static const QString id = [] {
        QFile file(QStringLiteral("/proc/sys/kernel/random/boot_id"));
        return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed()) : QString();
    }();
    return id;
}

} // namespace baton
