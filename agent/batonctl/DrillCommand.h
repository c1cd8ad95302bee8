// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace baton {

// batonctl drill --cluster FILE --type classic|handover [--report DIR]: the window's drill engine
// headless, for cron and CI. Exit status = verdict: 0 passed, 1 failed, 3 refused by the preflight,
// 4 aborted (SIGINT/SIGTERM restore at once), 2 bad use. It blocks the signals it turns into an
// abort before any thread starts, so main() hands over before making its application.
class DrillCommand
{
public:
    enum Exit
    {
        Passed = 0,
        Failed = 1,
        Usage = 2,
        Refused = 3,
        Aborted = 4,
    };
    static int main(int argc, char** argv);
};

} // namespace baton
