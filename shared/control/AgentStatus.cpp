// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentStatus.h"

#include "CborReader.h"
#include "carp/CarpStateNames.h"

#include <QCborArray>
#include <QCborValue>

namespace baton {

namespace {
QLatin1StringView k(const char* name)
{
    return QLatin1StringView(name);
}

QCborArray toArray(const QStringList& list)
{
    QCborArray a;
    for (const QString& s : list)
        a.append(s);
    return a;
}

QCborMap countsToCbor(const QMap<QString, quint64>& counts)
{
    QCborMap m;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        m[it.key()] = static_cast<qint64>(it.value());
    return m;
}

// A map of code -> count; a missing optional one reads as empty.
QMap<QString, quint64> countsFromCbor(const QCborMap& m, const char* name, bool required, CborReader& r)
{
    QMap<QString, quint64> out;
    const QCborValue value = m.value(k(name));
    if (value.isUndefined() && !required)
        return out;
    if (!value.isMap())
        r.fail(name);
    const QCborMap map = value.toMap();
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!it.key().isString() || !it.value().isInteger() || it.value().toInteger() < 0)
            r.fail(name);
        else
            out.insert(it.key().toString(), static_cast<quint64>(it.value().toInteger()));
    }
    return out;
}

QCborMap groupToCbor(const GroupStatus& g)
{
    QCborMap m;
    m[k("vhid")] = g.vhid;
    m[k("interface")] = g.interface;
    m[k("source")] = g.source;
    m[k("state")] = CarpStateNames::wireState(g.state);
    m[k("reason")] = g.reason;
    m[k("since")] = g.sinceMs;
    m[k("advbase")] = g.advbase;
    m[k("advskew")] = g.advskew;
    m[k("demote")] = g.demote;
    m[k("preempt")] = g.preempt;
    m[k("maintenance")] = g.maintenance;
    m[k("link_up")] = g.linkUp;
    m[k("vip_held")] = g.vipHeld;
    m[k("vips")] = toArray(g.vips);
    if (!g.peer.isEmpty()) {
        m[k("peer")] = g.peer;
        m[k("peer_heard")] = g.peerHeardMs;
    }
    m[k("rejects")] = countsToCbor(g.rejects);
    if (!g.forgeries.isEmpty())
        m[k("forgeries")] = countsToCbor(g.forgeries);
    return m;
}

std::optional<GroupStatus> groupFromCbor(const QCborMap& m, qsizetype index, QString* error)
{
    CborReader r(m, QStringLiteral("groups[%1]").arg(index));
    GroupStatus g;
    g.vhid = static_cast<int>(r.integer("vhid", 1, 255));
    g.interface = r.string("interface");
    g.source = r.string("source");
    if (const auto state = CarpStateNames::stateFromWire(r.string("state")))
        g.state = *state;
    else
        r.fail("state");
    g.reason = r.string("reason");
    g.sinceMs = r.integer("since", 0, CborReader::MaxTime);
    g.advbase = static_cast<int>(r.integer("advbase", 0, 255));
    g.advskew = static_cast<int>(r.integer("advskew", 0, 255));
    g.demote = static_cast<int>(r.integer("demote", 0, 255));
    g.preempt = r.boolean("preempt");
    g.maintenance = r.boolean("maintenance");
    g.linkUp = r.boolean("link_up");
    g.vipHeld = r.boolean("vip_held");
    g.vips = r.strings("vips");
    g.peer = r.string("peer", false);
    g.peerHeardMs = r.integer("peer_heard", 0, CborReader::MaxTime, !g.peer.isEmpty());
    g.rejects = countsFromCbor(m, "rejects", true, r);
    g.forgeries = countsFromCbor(m, "forgeries", false, r);
    if (!r.finish(error))
        return std::nullopt;
    return g;
}
} // namespace

QCborMap AgentStatus::toCbor() const
{
    QCborMap m;
    m[k("agent")] = agent;
    m[k("software")] = version;
    m[k("time")] = timeMs;
    m[k("started")] = startedMs;
    m[k("maintenance")] = maintenance;
    QCborArray groupArray;
    for (const GroupStatus& g : groups)
        groupArray.append(groupToCbor(g));
    m[k("groups")] = groupArray;
    QCborArray restoreArray;
    for (const PendingRestore& p : restores) {
        QCborMap r;
        r[k("interface")] = p.interface;
        r[k("deadline")] = p.deadlineMs;
        r[k("by")] = p.requestedBy;
        restoreArray.append(r);
    }
    m[k("restores")] = restoreArray;
    if (certificateExpiresMs > 0)
        m[k("certificate_expires")] = certificateExpiresMs;
    if (!controlProblem.isEmpty())
        m[k("control_problem")] = controlProblem;
    if (peerLink)
        m[k("peer_link")] = peerLink->toCbor();
    return m;
}

std::optional<AgentStatus> AgentStatus::fromCbor(const QCborMap& map, QString* error)
{
    CborReader r(map, QStringLiteral("status"));
    AgentStatus s;
    s.agent = r.string("agent");
    s.version = r.string("software");
    s.timeMs = r.integer("time", 0, CborReader::MaxTime);
    s.startedMs = r.integer("started", 0, CborReader::MaxTime);
    s.maintenance = r.boolean("maintenance");
    s.certificateExpiresMs = r.integer("certificate_expires", 0, CborReader::MaxTime, false);
    s.controlProblem = r.string("control_problem", false);
    const QCborValue groups = map.value(k("groups"));
    const QCborValue restores = map.value(k("restores"));
    if (!groups.isArray())
        r.fail("groups");
    if (!restores.isArray())
        r.fail("restores");
    const QCborValue peerLink = map.value(k("peer_link"));
    if (!peerLink.isUndefined() && !peerLink.isMap())
        r.fail("peer_link");
    if (!r.finish(error))
        return std::nullopt;
    if (peerLink.isMap()) {
        s.peerLink = PeerLinkStatus::fromCbor(peerLink.toMap(), error);
        if (!s.peerLink)
            return std::nullopt;
    }
    const QCborArray groupArray = groups.toArray();
    for (qsizetype i = 0; i < groupArray.size(); ++i) {
        std::optional<GroupStatus> g = groupFromCbor(groupArray.at(i).toMap(), i, error);
        if (!groupArray.at(i).isMap() || !g)
            return std::nullopt;
        s.groups << *g;
    }
    const QCborArray restoreArray = restores.toArray();
    for (qsizetype i = 0; i < restoreArray.size(); ++i) {
        const QCborMap m = restoreArray.at(i).toMap();
        CborReader rr(m, QStringLiteral("restores[%1]").arg(i));
        PendingRestore p{rr.string("interface"), rr.integer("deadline", 0, CborReader::MaxTime),
                         rr.string("by")};
        if (!rr.finish(error))
            return std::nullopt;
        s.restores << p;
    }
    return s;
}

} // namespace baton
