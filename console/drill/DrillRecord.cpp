// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace baton {

std::optional<qint64> DrillRecord::longestVipOutageMs() const
{
    std::optional<qint64> longest;
    for (const DrillStep& step : steps) {
        if (step.vipOutageMs && (!longest || *step.vipOutageMs > *longest))
            longest = step.vipOutageMs;
    }
    return longest;
}

QString DrillRecord::fileBaseName() const
{
    return QDateTime::fromMSecsSinceEpoch(startedMs).toString(QStringLiteral("yyyyMMdd-HHmmss-")) +
           drillKindName(kind);
}

QString DrillRecord::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Running:
    case Verdict::Aborted:
        return QStringLiteral("aborted");
    case Verdict::Passed:
        return QStringLiteral("passed");
    case Verdict::Failed:
        return QStringLiteral("failed");
    case Verdict::Refused:
        break;
    }
    return QStringLiteral("refused");
}

QJsonObject DrillRecord::toJson() const
{
    const auto optional = [](const std::optional<qint64>& v) {
        return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
    };
    QJsonArray checks;
    for (const Check& c : preflight)
        checks.append(QJsonObject{{QStringLiteral("name"), c.name},
                                  {QStringLiteral("ok"), c.ok},
                                  {QStringLiteral("detail"), c.detail}});
    QJsonArray agentList;
    for (int n = 0; n < 2; ++n)
        agentList.append(QJsonObject{{QStringLiteral("node"), nodeNames[n]},
                                     {QStringLiteral("name"), agents[n].name},
                                     {QStringLiteral("version"), agents[n].version},
                                     {QStringLiteral("host"), agents[n].host},
                                     {QStringLiteral("clock_offset_ms"), optional(agents[n].clockOffsetMs)}});
    QJsonArray targetList;
    for (int t = 0; t < 3; ++t)
        targetList.append(QJsonObject{{QStringLiteral("address"), targets[t]},
                                      {QStringLiteral("echoes"), echoes[t]},
                                      {QStringLiteral("lost"), lost[t]}});
    QJsonArray outageList;
    for (const Outage& o : outages)
        outageList.append(QJsonObject{{QStringLiteral("target"), o.target},
                                      {QStringLiteral("start_ms"), o.startMs},
                                      {QStringLiteral("end_ms"), o.endMs},
                                      {QStringLiteral("lost"), o.lost},
                                      {QStringLiteral("ongoing"), o.ongoing}});
    QJsonArray holderList;
    for (const Holding& h : holders)
        holderList.append(QJsonObject{{QStringLiteral("node"), h.node},
                                      {QStringLiteral("from_ms"), h.fromMs},
                                      {QStringLiteral("to_ms"), h.toMs ? QJsonValue(h.toMs) : QJsonValue()}});
    QJsonArray macList;
    for (const MacChange& m : vipMacs)
        macList.append(QJsonObject{{QStringLiteral("time_ms"), m.timeMs},
                                   {QStringLiteral("mac"), m.mac},
                                   {QStringLiteral("node"), m.node}});
    QJsonArray eventList;
    for (const Event& e : events)
        eventList.append(QJsonObject{{QStringLiteral("time_ms"), e.timeMs},
                                     {QStringLiteral("node"), e.node},
                                     {QStringLiteral("text"), e.text}});
    QJsonArray stepList;
    for (const DrillStep& s : steps)
        stepList.append(s.toJson());
    QStringList why = reasons;
    if (verdict == Verdict::Running)
        why.append(QCoreApplication::translate("Drill", "the drill did not finish: its program ended first"));
    QJsonObject json{
        {QStringLiteral("schema"), QStringLiteral("baton-drill-report")},
        {QStringLiteral("schema_version"), SchemaVersion},
        {QStringLiteral("software"), QStringLiteral("baton " BATON_VERSION)},
        {QStringLiteral("cluster"), cluster},
        {QStringLiteral("type"), drillKindName(kind)},
        {QStringLiteral("started_ms"), startedMs},
        {QStringLiteral("ended_ms"), endedMs},
        {QStringLiteral("verdict"), verdictName(verdict)},
        {QStringLiteral("interrupted"), verdict == Verdict::Running},
        {QStringLiteral("vip_outage_ms"), optional(longestVipOutageMs())},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(why)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
        {QStringLiteral("preflight"), checks},
        {QStringLiteral("agents"), agentList},
        {QStringLiteral("configuration"), configuration},
        {QStringLiteral("probe"), QJsonObject{{QStringLiteral("interval_ms"), probeIntervalMs},
                                              {QStringLiteral("method"), probeMethod},
                                              {QStringLiteral("targets"), targetList}}},
        {QStringLiteral("outages"), outageList},
        {QStringLiteral("holders"), holderList},
        {QStringLiteral("vip_macs"), macList},
        {QStringLiteral("events"), eventList},
        {QStringLiteral("steps"), stepList},
    };
    return json;
}

} // namespace baton
