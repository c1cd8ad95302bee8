// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

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

std::optional<DrillRecord> DrillRecord::fromJson(const QJsonObject& json, QString* error)
{
    if (json.value(QStringLiteral("schema")).toString() != QLatin1StringView("baton-drill-report")) {
        *error = QStringLiteral("not a Baton drill report");
        return std::nullopt;
    }
    if (json.value(QStringLiteral("schema_version")).toInt() != SchemaVersion) {
        *error = QStringLiteral("drill report schema version %1; this program reads version %2")
                     .arg(json.value(QStringLiteral("schema_version")).toInt())
                     .arg(SchemaVersion);
        return std::nullopt;
    }
    const auto array = [&json](const char* key) { return json.value(QLatin1StringView(key)).toArray(); };
    const auto node = [](const QJsonValue& v) { return v.toInt() == 1 ? 1 : 0; };
    DrillRecord r;
    r.cluster = json.value(QStringLiteral("cluster")).toString();
    r.kind = drillKindFromName(json.value(QStringLiteral("type")).toString()).value_or(DrillKind::Classic);
    r.startedMs = json.value(QStringLiteral("started_ms")).toInteger();
    r.endedMs = json.value(QStringLiteral("ended_ms")).toInteger();
    const QString verdict = json.value(QStringLiteral("verdict")).toString();
    for (Verdict v : {Verdict::Passed, Verdict::Failed, Verdict::Refused, Verdict::Aborted}) {
        if (verdictName(v) == verdict)
            r.verdict = v;
    }
    if (json.value(QStringLiteral("interrupted")).toBool())
        r.verdict = Verdict::Running;
    for (const QJsonValue& v : array("reasons"))
        r.reasons.append(v.toString());
    if (r.verdict == Verdict::Running && !r.reasons.isEmpty())
        r.reasons.removeLast(); // toJson() adds the "did not finish" line itself
    for (const QJsonValue& v : array("warnings"))
        r.warnings.append(v.toString());
    for (const QJsonValue& v : array("preflight")) {
        const QJsonObject c = v.toObject();
        r.preflight.append({c.value(QStringLiteral("name")).toString(),
                            c.value(QStringLiteral("ok")).toBool(),
                            c.value(QStringLiteral("detail")).toString()});
    }
    const QJsonArray agentList = array("agents");
    for (int n = 0; n < 2 && n < agentList.size(); ++n) {
        const QJsonObject a = agentList[n].toObject();
        r.nodeNames[n] = a.value(QStringLiteral("node")).toString();
        r.agents[n].name = a.value(QStringLiteral("name")).toString();
        r.agents[n].version = a.value(QStringLiteral("version")).toString();
        r.agents[n].host = a.value(QStringLiteral("host")).toString();
        if (a.value(QStringLiteral("clock_offset_ms")).isDouble())
            r.agents[n].clockOffsetMs = a.value(QStringLiteral("clock_offset_ms")).toInteger();
    }
    r.configuration = json.value(QStringLiteral("configuration")).toObject();
    const QJsonObject probe = json.value(QStringLiteral("probe")).toObject();
    r.probeIntervalMs = probe.value(QStringLiteral("interval_ms")).toInt();
    r.probeMethod = probe.value(QStringLiteral("method")).toString();
    const QJsonArray targetList = probe.value(QStringLiteral("targets")).toArray();
    for (int t = 0; t < 3 && t < targetList.size(); ++t) {
        const QJsonObject o = targetList[t].toObject();
        r.targets[t] = o.value(QStringLiteral("address")).toString();
        r.echoes[t] = o.value(QStringLiteral("echoes")).toInt();
        r.lost[t] = o.value(QStringLiteral("lost")).toInt();
    }
    for (const QJsonValue& v : array("outages")) {
        const QJsonObject o = v.toObject();
        r.outages.append(
            {std::clamp(o.value(QStringLiteral("target")).toInt(), 0, 2),
             o.value(QStringLiteral("start_ms")).toInteger(), o.value(QStringLiteral("end_ms")).toInteger(),
             o.value(QStringLiteral("lost")).toInt(), o.value(QStringLiteral("ongoing")).toBool()});
    }
    for (const QJsonValue& v : array("holders")) {
        const QJsonObject o = v.toObject();
        r.holders.append({node(o.value(QStringLiteral("node"))),
                          o.value(QStringLiteral("from_ms")).toInteger(),
                          o.value(QStringLiteral("to_ms")).toInteger()});
    }
    for (const QJsonValue& v : array("vip_macs")) {
        const QJsonObject o = v.toObject();
        r.vipMacs.append({o.value(QStringLiteral("time_ms")).toInteger(),
                          o.value(QStringLiteral("mac")).toString(),
                          std::clamp(o.value(QStringLiteral("node")).toInt(-1), -1, 1)});
    }
    for (const QJsonValue& v : array("events")) {
        const QJsonObject o = v.toObject();
        r.events.append({o.value(QStringLiteral("time_ms")).toInteger(),
                         node(o.value(QStringLiteral("node"))), o.value(QStringLiteral("text")).toString()});
    }
    for (const QJsonValue& v : array("steps"))
        r.steps.append(DrillStep::fromJson(v.toObject()));
    return r;
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
