// SPDX-License-Identifier: GPL-3.0-or-later
#include "RealtimeSetup.h"

#include <cerrno>
#include <cstring>
#include <sched.h>
#include <sys/mman.h>
#include <sys/prctl.h>

namespace baton {

namespace {
QString error()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}
} // namespace

QString RealtimeSetup::lockMemory()
{
    // What is mapped now (the code, the groups, the heap so far), locked page by page as it is
    // touched, so no thread stack is made resident up front. Not what is mapped later: the control
    // thread's heap must stay free to shrink (madvise cannot drop locked pages), or a flood of
    // consoles would leave the agent tens of MB larger for good.
    if (mlockall(MCL_CURRENT | MCL_ONFAULT) != 0)
        return QStringLiteral("memory not locked (%1): the failover loop may wait for pages swapped out "
                              "(needs LimitMEMLOCK=infinity or CAP_IPC_LOCK)")
            .arg(error());
    return {};
}

RealtimeSetup::Report RealtimeSetup::apply()
{
    Report report;
    // 1 ns, the least there is (0 means "the default", 50 us): timers fire when asked.
    if (prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL) != 0)
        report.refused << QStringLiteral("timer slack not removed (%1)").arg(error());
    const int current = sched_getscheduler(0);
    const int policy = current & ~SCHED_RESET_ON_FORK;
    if (policy == SCHED_FIFO || policy == SCHED_RR) {
        // Set before exec (systemd's CPUSchedulingPolicy=): keep it, whatever the priority.
        sched_param param{};
        sched_getparam(0, &param);
        report.done << QStringLiteral("adverts on real-time scheduling (%1, priority %2, set before start%3)")
                           .arg(policy == SCHED_FIFO ? QStringLiteral("SCHED_FIFO")
                                                     : QStringLiteral("SCHED_RR"))
                           .arg(param.sched_priority)
                           .arg((current & SCHED_RESET_ON_FORK) != 0 ? QStringLiteral(", reset on fork")
                                                                     : QString());
        return report;
    }
    sched_param param{};
    param.sched_priority = Priority;
    if (sched_setscheduler(0, SCHED_FIFO | SCHED_RESET_ON_FORK, &param) != 0)
        report.refused << QStringLiteral(
                              "adverts on normal scheduling: real-time refused (%1); a busy server "
                              "may delay them (needs CAP_SYS_NICE, LimitRTPRIO or systemd's "
                              "CPUSchedulingPolicy=)")
                              .arg(error());
    else
        report.done
            << QStringLiteral("adverts on real-time scheduling (SCHED_FIFO, priority %1)").arg(Priority);
    return report;
}

bool RealtimeSetup::normalise()
{
    sched_param param{};
    const bool ok = sched_setscheduler(0, SCHED_OTHER, &param) == 0;
    prctl(PR_SET_TIMERSLACK, 0UL, 0UL, 0UL, 0UL);
    return ok;
}

bool RealtimeSetup::background()
{
    sched_param param{};
    const bool ok = sched_setscheduler(0, SCHED_BATCH, &param) == 0;
    prctl(PR_SET_TIMERSLACK, 0UL, 0UL, 0UL, 0UL);
    return ok;
}

bool RealtimeSetup::realtime()
{
    const int policy = sched_getscheduler(0) & ~SCHED_RESET_ON_FORK;
    return policy == SCHED_FIFO || policy == SCHED_RR;
}

} // namespace baton
