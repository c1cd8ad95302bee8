// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DrillBound.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace baton {

// One step of a drill: what is done to which node, what is expected, what was seen and measured,
// and the verdict against the bound. Times are this console's wall clock (ms since the epoch);
// agent times are converted with the offset measured in the preflight.
struct DrillStep
{
    enum class Action
    {
        LinkDown,   // take the node's interface down (with the agent's restore deadline)
        LinkUp,     // bring it up again
        Handover,   // the node gives the VIP up gracefully
        CrashAgent, // the node's agent dies without a word (and its service manager restarts it)
        Reboot,     // the node's server reboots (systemctl reboot over SSH) and its agent starts at boot
    };
    enum class Result
    {
        Pending,
        Running,
        Passed,
        Failed,
        Aborted,
        Skipped, // not run: an earlier step failed or the drill was aborted
    };

    Action action = Action::LinkDown;
    int node = 0; // 0 or 1
    QString interface;
    bool heldVip = false; // the node was MASTER when the step began
    QString title;        // "Take eth0 down on node1"
    QString expected;     // what should happen, for people
    DrillBound bound;     // the VIP outage allowed

    Result result = Result::Pending;
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    QStringList seen;    // what was observed, in order, for people
    QStringList reasons; // why it failed; empty when it passed

    // Measurements (nullopt: did not happen or could not be measured).
    std::optional<qint64> vipOutageMs;
    int vipEchoes = 0;
    int vipLost = 0;
    std::optional<qint64> nodeOutageMs;      // the node's own address
    std::optional<qint64> faultToTakeoverMs; // agent times: the node left MASTER -> the peer entered it
    qint64 twoHoldersAgentsMs = 0;
    qint64 twoHoldersMacMs = 0;
    // link up -> the node's own address answers again; crash, reboot -> the agent back (its start)
    std::optional<qint64> recoveryMs;
    int holderAfter = -1; // the node holding the VIP when the step ended, -1 none

    static QString actionName(Action action);
    static QString resultName(Result result);
    QJsonObject toJson() const;
    static DrillStep fromJson(const QJsonObject& json);
};

} // namespace baton
