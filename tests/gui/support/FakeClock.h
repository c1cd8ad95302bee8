// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "node/AgentConnection.h"

#include <QElapsedTimer>

namespace baton {

// Agent connections made while this lives measure silence on a clock the test moves (`now`), so a
// test shows "stale after 3 s" without waiting 3 s. The real clock is back when it goes.
class FakeConnectionClock
{
public:
    FakeConnectionClock()
    {
        AgentConnection::setDefaultClock([this] { return now; });
    }
    ~FakeConnectionClock()
    {
        AgentConnection::setDefaultClock([] {
            static QElapsedTimer real;
            if (!real.isValid())
                real.start();
            return real.elapsed();
        });
    }
    FakeConnectionClock(const FakeConnectionClock&) = delete;
    FakeConnectionClock& operator=(const FakeConnectionClock&) = delete;

    qint64 now = 1'000'000;
};

} // namespace baton
