// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DrillKind.h"
#include "DrillStep.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <array>

namespace baton {

// Everything a drill saw and decided: the canonical record behind the JSON, HTML and PDF reports.
// The JSON form is versioned (SchemaVersion; docs/drill-report.schema.json describes it). Times
// are this console's wall clock in ms since the epoch. Targets are indexed 0 = VIP, 1 = node 1's
// own address, 2 = node 2's; nodes 0 and 1.
struct DrillRecord
{
    static constexpr int SchemaVersion = 1;

    enum class Verdict
    {
        Running, // saved like this while under way, it reads as aborted (interrupted) afterwards
        Passed,
        Failed,
        Refused, // the preflight found the pair not in its steady state; nothing was done
        Aborted,
    };

    struct Check
    {
        QString name; // "agents-live", "one-master", "addresses-answer", "clocks", "links-up"
        bool ok = false;
        QString detail;
    };
    struct Agent
    {
        QString name;
        QString version;
        QString host;
        std::optional<qint64> clockOffsetMs; // agent clock minus ours (less the network delay)
    };
    struct Outage
    {
        int target = 0;
        qint64 startMs = 0;
        qint64 endMs = 0;
        int lost = 0;
        bool ongoing = false;
    };
    struct Holding
    {
        int node = 0;
        qint64 fromMs = 0;
        qint64 toMs = 0; // 0: still holding at the end
    };
    struct MacChange
    {
        qint64 timeMs = 0;
        QString mac;   // empty: no entry
        int node = -1; // whose own address answers with this MAC, -1 unknown
    };
    struct Event
    {
        qint64 timeMs = 0;
        int node = 0;
        QString text;
    };

    QString cluster;
    DrillKind kind = DrillKind::Classic;
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    Verdict verdict = Verdict::Running;
    QStringList reasons; // the overall verdict's reasons (failed checks, failed steps, the abort)
    QStringList warnings;
    QList<Check> preflight;
    QList<Agent> agents = QList<Agent>(2);
    QJsonObject configuration; // the cluster definition, without its password
    QList<QString> targets = QList<QString>(3);
    QList<QString> nodeNames = QList<QString>(2);
    int probeIntervalMs = 0;
    QString probeMethod;
    QList<int> echoes = QList<int>(3);
    QList<int> lost = QList<int>(3);
    QList<Outage> outages;
    QList<Holding> holders; // from the agents' reports
    QList<MacChange> vipMacs;
    QList<Event> events;
    QList<DrillStep> steps;

    bool finished() const { return verdict != Verdict::Running; }
    // The longest VIP outage of any step, for the history; nullopt when no step measured one.
    std::optional<qint64> longestVipOutageMs() const;
    // The base name of this record's files: 20250102-140312-classic.
    QString fileBaseName() const;

    static QString verdictName(Verdict verdict);
    QJsonObject toJson() const;
    // Reads a record written by toJson() (any schema 1 file); nullopt with the reason otherwise.
    // A record saved while its drill ran comes back as Running.
    static std::optional<DrillRecord> fromJson(const QJsonObject& json, QString* error);
};

} // namespace baton
