// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <chrono>

namespace baton {

// Time in the CARP core is a plain count of microseconds since an arbitrary epoch chosen by the
// caller: the state machine never reads a clock, so tests drive it with a simulated one.
using Micros = std::chrono::microseconds;
using TimePoint = Micros;

// CARP intervals are advbase seconds plus advskew/256 s. Working in 1/256 s "ticks" keeps every
// comparison exact; conversion to microseconds truncates like ucarp (skew * 1000000 / 256).
class CarpTiming
{
public:
    static constexpr quint32 ticks(quint8 advbase, quint8 advskew)
    {
        return quint32{advbase} * 256u + quint32{advskew};
    }
    static constexpr Micros toMicros(quint32 ticks)
    {
        return Micros{static_cast<qint64>(ticks) * 1'000'000 / 256};
    }
    static constexpr Micros advertInterval(quint8 advbase, quint8 advskew)
    {
        return toMicros(ticks(advbase, advskew));
    }
    // ucarp: deadratio x advbase + advskew/256. With advbase 0 that leaves a single interval of
    // dead time (one lost advert = failover), so there use deadratio x interval, as OpenBSD does.
    static constexpr quint32 masterDownTicks(quint8 advbase, quint8 advskew, quint32 deadratio)
    {
        if (advbase == 0)
            return deadratio * quint32{advskew};
        return deadratio * quint32{advbase} * 256u + quint32{advskew};
    }
    static constexpr Micros masterDownInterval(quint8 advbase, quint8 advskew, quint32 deadratio)
    {
        return toMicros(masterDownTicks(advbase, advskew, deadratio));
    }
};

} // namespace baton
