// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace baton {

// The clocks a deadline needs. The wall clock can step (NTP, a restored VM snapshot), so a
// deadline runs on the boot clock, which never steps and counts suspended time; the wall form is
// kept only for people and for an agent that starts after a reboot. Virtual so tests step time.
class AgentClock
{
public:
    virtual ~AgentClock() = default;
    virtual qint64 wallMs() const;  // CLOCK_REALTIME, ms since the epoch
    virtual qint64 bootMs() const;  // CLOCK_BOOTTIME, ms since boot
    virtual QString bootId() const; // changes with every boot of the kernel
};

} // namespace baton
