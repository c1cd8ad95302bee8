// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AgentClock.h"

namespace baton {

// Clocks a test moves by hand: the wall clock may be stepped on its own, the boot clock only runs.
class FakeClock : public AgentClock
{
public:
    qint64 wall = 1'800'000'000'000;
    qint64 boot = 500'000;
    QString boot_id = QStringLiteral("boot-1");
    qint64 wallMs() const override { return wall; }
    qint64 bootMs() const override { return boot; }
    QString bootId() const override { return boot_id; }
    void advance(qint64 ms)
    {
        wall += ms;
        boot += ms;
    }
};

} // namespace baton
