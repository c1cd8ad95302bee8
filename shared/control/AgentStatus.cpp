// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentStatus.h"

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

QCborMap groupToCbor(const GroupStatus& g)
{
    QCborMap m;
    m[k("vhid")] = g.vhid;
    m[k("interface")] = g.interface;
    m[k("source")] = g.source;
    m[k("state")] = g.state;
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
    QCborMap rejects;
    for (auto it = g.rejects.cbegin(); it != g.rejects.cend(); ++it)
        rejects[it.key()] = static_cast<qint64>(it.value());
    m[k("rejects")] = rejects;
    return m;
}

// A reader that remembers the first field of the wrong type, so one bad field names itself.
class Reader
{
public:
    explicit Reader(const QCborMap& map, QString where)
        : m_map(map)
        , m_where(std::move(where))
    {
    }
    qint64 integer(const char* name, qint64 min, qint64 max, bool required = true)
    {
        const QCborValue v = m_map.value(k(name));
        if (v.isUndefined() && !required)
            return 0;
        if (!v.isInteger() || v.toInteger() < min || v.toInteger() > max) {
            fail(name);
            return 0;
        }
        return v.toInteger();
    }
    QString string(const char* name, bool required = true)
    {
        const QCborValue v = m_map.value(k(name));
        if (v.isUndefined() && !required)
            return {};
        if (!v.isString())
            fail(name);
        return v.toString();
    }
    bool boolean(const char* name)
    {
        const QCborValue v = m_map.value(k(name));
        if (!v.isBool())
            fail(name);
        return v.toBool();
    }
    QStringList strings(const char* name)
    {
        QStringList out;
        const QCborValue v = m_map.value(k(name));
        if (!v.isArray()) {
            fail(name);
            return out;
        }
        for (const QCborValue& item : v.toArray()) {
            if (!item.isString())
                fail(name);
            out << item.toString();
        }
        return out;
    }
    const QString& error() const { return m_error; }
    void fail(const char* name)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: field '%2' missing or of the wrong type").arg(m_where, k(name));
    }

private:
    const QCborMap& m_map;
    QString m_where;
    QString m_error;
};

constexpr qint64 MaxTime = qint64{1} << 53;

std::optional<GroupStatus> groupFromCbor(const QCborMap& m, qsizetype index, QString* error)
{
    Reader r(m, QStringLiteral("groups[%1]").arg(index));
    GroupStatus g;
    g.vhid = static_cast<int>(r.integer("vhid", 1, 255));
    g.interface = r.string("interface");
    g.source = r.string("source");
    g.state = r.string("state");
    g.reason = r.string("reason");
    g.sinceMs = r.integer("since", 0, MaxTime);
    g.advbase = static_cast<int>(r.integer("advbase", 0, 255));
    g.advskew = static_cast<int>(r.integer("advskew", 0, 255));
    g.demote = static_cast<int>(r.integer("demote", 0, 255));
    g.preempt = r.boolean("preempt");
    g.maintenance = r.boolean("maintenance");
    g.linkUp = r.boolean("link_up");
    g.vipHeld = r.boolean("vip_held");
    g.vips = r.strings("vips");
    g.peer = r.string("peer", false);
    g.peerHeardMs = r.integer("peer_heard", 0, MaxTime, !g.peer.isEmpty());
    const QCborValue rejectsValue = m.value(k("rejects"));
    if (!rejectsValue.isMap())
        r.fail("rejects");
    const QCborMap rejects = rejectsValue.toMap();
    for (auto it = rejects.cbegin(); it != rejects.cend(); ++it) {
        if (!it.key().isString() || !it.value().isInteger() || it.value().toInteger() < 0)
            r.fail("rejects");
        else
            g.rejects.insert(it.key().toString(), static_cast<quint64>(it.value().toInteger()));
    }
    if (!r.error().isEmpty()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
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
    return m;
}

std::optional<AgentStatus> AgentStatus::fromCbor(const QCborMap& map, QString* error)
{
    Reader r(map, QStringLiteral("status"));
    AgentStatus s;
    s.agent = r.string("agent");
    s.version = r.string("software");
    s.timeMs = r.integer("time", 0, MaxTime);
    s.startedMs = r.integer("started", 0, MaxTime);
    s.maintenance = r.boolean("maintenance");
    const QCborValue groups = map.value(k("groups"));
    const QCborValue restores = map.value(k("restores"));
    if (!groups.isArray())
        r.fail("groups");
    if (!restores.isArray())
        r.fail("restores");
    if (!r.error().isEmpty()) {
        if (error)
            *error = r.error();
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
        Reader rr(m, QStringLiteral("restores[%1]").arg(i));
        PendingRestore p{rr.string("interface"), rr.integer("deadline", 0, MaxTime), rr.string("by")};
        if (!rr.error().isEmpty()) {
            if (error)
                *error = rr.error();
            return std::nullopt;
        }
        s.restores << p;
    }
    return s;
}

} // namespace baton
