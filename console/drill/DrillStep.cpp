// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillStep.h"

#include <QJsonArray>

namespace baton {

namespace {
QJsonValue optional(const std::optional<qint64>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}
} // namespace

QString DrillStep::actionName(Action action)
{
    switch (action) {
    case Action::LinkDown:
        return QStringLiteral("link-down");
    case Action::LinkUp:
        return QStringLiteral("link-up");
    case Action::Handover:
        break;
    }
    return QStringLiteral("handover");
}

QString DrillStep::resultName(Result result)
{
    switch (result) {
    case Result::Pending:
        return QStringLiteral("pending");
    case Result::Running:
        return QStringLiteral("running");
    case Result::Passed:
        return QStringLiteral("passed");
    case Result::Failed:
        return QStringLiteral("failed");
    case Result::Aborted:
        return QStringLiteral("aborted");
    case Result::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

QJsonObject DrillStep::toJson() const
{
    QJsonObject measured{
        {QStringLiteral("vip_outage_ms"), optional(vipOutageMs)},
        {QStringLiteral("vip_echoes"), vipEchoes},
        {QStringLiteral("vip_lost"), vipLost},
        {QStringLiteral("node_outage_ms"), optional(nodeOutageMs)},
        {QStringLiteral("fault_to_takeover_ms"), optional(faultToTakeoverMs)},
        {QStringLiteral("two_holders_agents_ms"), twoHoldersAgentsMs},
        {QStringLiteral("two_holders_mac_ms"), twoHoldersMacMs},
        {QStringLiteral("recovery_ms"), optional(recoveryMs)},
        {QStringLiteral("holder_after"), holderAfter},
    };
    return QJsonObject{{QStringLiteral("action"), actionName(action)},
                       {QStringLiteral("node"), node},
                       {QStringLiteral("interface"), interface},
                       {QStringLiteral("held_vip"), heldVip},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("expected"), expected},
                       {QStringLiteral("bound"), bound.toJson()},
                       {QStringLiteral("result"), resultName(result)},
                       {QStringLiteral("started_ms"), startedMs},
                       {QStringLiteral("ended_ms"), endedMs},
                       {QStringLiteral("seen"), QJsonArray::fromStringList(seen)},
                       {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)},
                       {QStringLiteral("measured"), measured}};
}

} // namespace baton
