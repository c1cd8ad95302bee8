// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace baton {

// What batond asks of the system so that a busy server never delays an advert: the thread that
// sends and receives them (the main thread) runs SCHED_FIFO at a modest priority, timer slack is
// removed, and the memory the failover loop uses is locked (no page fault on its path after a
// while of swapping). The
// policy carries SCHED_RESET_ON_FORK, so every thread and process started afterwards (the control
// channel's thread, hooks) begins at normal priority; they also drop it themselves (normalise()),
// in case systemd set the policy without that flag. Nothing here is fatal: without the privilege
// the agent runs as before and says so.
class RealtimeSetup
{
public:
    static constexpr int Priority = 10; // above ordinary work, below the kernel's and audio's threads

    struct Report
    {
        QStringList done;
        QStringList refused; // each a warning: the agent runs, less shielded from load
    };
    // Scheduling and timer slack. Call on the main thread before any other thread exists. Says
    // what was done, for the log.
    static Report apply();
    // Locks what is mapped now; call once the groups run and before the control channel starts.
    // Empty on success, else the warning.
    static QString lockMemory();
    // Normal scheduling and default timer slack for the calling thread (or a process about to
    // exec): async-signal-safe, so a child process modifier may call it. False if refused.
    static bool normalise();
    // As normalise(), but SCHED_BATCH: a fair share of the CPU, and its wake-ups never preempt
    // the thread running. For the disk writer: on normal scheduling (real-time refused) its
    // second's write would otherwise cut into the advert thread's work on that CPU, twice over
    // (preempted, then woken again when the writer finds the queue's lock still held).
    static bool background();
    // Whether the calling thread runs under a real-time policy.
    static bool realtime();
};

} // namespace baton
