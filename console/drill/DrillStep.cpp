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
        return QStringLiteral("handover");
    case Action::CrashAgent:
        return QStringLiteral("crash-agent");
    case Action::Reboot:
        break;
    }
    return QStringLiteral("reboot");
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

DrillStep DrillStep::fromJson(const QJsonObject& json)
{
    const auto optional = [](const QJsonValue& v) {
        return v.isDouble() ? std::optional<qint64>(v.toInteger()) : std::nullopt;
    };
    const auto strings = [](const QJsonValue& v) {
        QStringList list;
        for (const QJsonValue& item : v.toArray())
            list.append(item.toString());
        return list;
    };
    DrillStep s;
    for (Action a :
         {Action::LinkDown, Action::LinkUp, Action::Handover, Action::CrashAgent, Action::Reboot}) {
        if (actionName(a) == json.value(QStringLiteral("action")).toString())
            s.action = a;
    }
    for (Result r : {Result::Pending, Result::Running, Result::Passed, Result::Failed, Result::Aborted,
                     Result::Skipped}) {
        if (resultName(r) == json.value(QStringLiteral("result")).toString())
            s.result = r;
    }
    s.node = json.value(QStringLiteral("node")).toInt() == 1 ? 1 : 0;
    s.interface = json.value(QStringLiteral("interface")).toString();
    s.heldVip = json.value(QStringLiteral("held_vip")).toBool();
    s.title = json.value(QStringLiteral("title")).toString();
    s.expected = json.value(QStringLiteral("expected")).toString();
    s.bound = DrillBound::fromJson(json.value(QStringLiteral("bound")).toObject());
    s.startedMs = json.value(QStringLiteral("started_ms")).toInteger();
    s.endedMs = json.value(QStringLiteral("ended_ms")).toInteger();
    s.seen = strings(json.value(QStringLiteral("seen")));
    s.reasons = strings(json.value(QStringLiteral("reasons")));
    const QJsonObject m = json.value(QStringLiteral("measured")).toObject();
    s.vipOutageMs = optional(m.value(QStringLiteral("vip_outage_ms")));
    s.vipEchoes = m.value(QStringLiteral("vip_echoes")).toInt();
    s.vipLost = m.value(QStringLiteral("vip_lost")).toInt();
    s.nodeOutageMs = optional(m.value(QStringLiteral("node_outage_ms")));
    s.faultToTakeoverMs = optional(m.value(QStringLiteral("fault_to_takeover_ms")));
    s.twoHoldersAgentsMs = m.value(QStringLiteral("two_holders_agents_ms")).toInteger();
    s.twoHoldersMacMs = m.value(QStringLiteral("two_holders_mac_ms")).toInteger();
    s.recoveryMs = optional(m.value(QStringLiteral("recovery_ms")));
    s.holderAfter = m.value(QStringLiteral("holder_after")).toInt(-1);
    return s;
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
