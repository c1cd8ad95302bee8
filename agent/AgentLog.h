// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace baton {

// Log lines to stderr with levels. Under systemd (JOURNAL_STREAM set) each line carries a
// "<N>" syslog priority prefix that journald turns into the entry's priority; on a terminal
// each line carries a millisecond timestamp and the level's name instead.
class AgentLog
{
public:
    static void install(bool debug);
};

} // namespace baton
