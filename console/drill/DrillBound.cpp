// SPDX-License-Identifier: GPL-3.0-or-later
#include "DrillBound.h"

#include "carp/CarpTiming.h"

#include <chrono>

namespace baton {

DrillBound DrillBound::failover(const ClusterDefinition& cluster, int takingOver, int probeMs)
{
    const quint8 skew = cluster.nodes[static_cast<std::size_t>(takingOver)].advskew;
    DrillBound b;
    b.masterDownMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                         CarpTiming::masterDownInterval(cluster.advbase, skew, cluster.deadratio))
                         .count();
    b.probeMs = probeMs;
    b.marginMs = MarginMs;
    b.formula = QStringLiteral("deadratio × advbase + advskew/256 + probe + margin = %1 × %2 s + %3/256 s + "
                               "%4 ms + %5 ms = %6 ms")
                    .arg(cluster.deadratio)
                    .arg(cluster.advbase)
                    .arg(skew)
                    .arg(probeMs)
                    .arg(MarginMs)
                    .arg(b.totalMs());
    return b;
}

DrillBound DrillBound::failoverAfter(const ClusterDefinition& cluster, int takingOver, int probeMs,
                                     const QString& delayName, qint64 delayMs)
{
    DrillBound b = failover(cluster, takingOver, probeMs);
    b.marginMs += delayMs;
    b.formula =
        QStringLiteral("deadratio × advbase + advskew/256 + probe + margin + %1 = %2 × %3 s + %4/256 s + "
                       "%5 ms + %6 ms + %7 ms = %8 ms")
            .arg(delayName)
            .arg(cluster.deadratio)
            .arg(cluster.advbase)
            .arg(cluster.nodes[static_cast<std::size_t>(takingOver)].advskew)
            .arg(probeMs)
            .arg(MarginMs)
            .arg(delayMs)
            .arg(b.totalMs());
    return b;
}

DrillBound DrillBound::handover(int probeMs)
{
    DrillBound b;
    b.probeMs = probeMs;
    b.marginMs = MarginMs;
    b.formula =
        QStringLiteral("probe + margin = %1 ms + %2 ms = %3 ms").arg(probeMs).arg(MarginMs).arg(b.totalMs());
    return b;
}

DrillBound DrillBound::quiet(int probeMs)
{
    DrillBound b;
    b.probeMs = 2 * qint64{probeMs};
    b.formula = QStringLiteral("2 × probe = 2 × %1 ms = %2 ms").arg(probeMs).arg(b.totalMs());
    return b;
}

DrillBound DrillBound::fromJson(const QJsonObject& json)
{
    DrillBound b;
    b.masterDownMs = json.value(QStringLiteral("master_down_ms")).toInteger();
    b.probeMs = json.value(QStringLiteral("probe_ms")).toInteger();
    b.marginMs = json.value(QStringLiteral("margin_ms")).toInteger();
    b.formula = json.value(QStringLiteral("formula")).toString();
    return b;
}

QJsonObject DrillBound::toJson() const
{
    return QJsonObject{{QStringLiteral("total_ms"), totalMs()},
                       {QStringLiteral("master_down_ms"), masterDownMs},
                       {QStringLiteral("probe_ms"), probeMs},
                       {QStringLiteral("margin_ms"), marginMs},
                       {QStringLiteral("formula"), formula}};
}

} // namespace baton
