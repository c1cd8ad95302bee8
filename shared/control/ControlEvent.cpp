// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlEvent.h"

#include "CborReader.h"
#include "ControlProtocol.h"
#include "carp/CarpStateNames.h"

#include <QCborValue>

#include <limits>

namespace baton {

using namespace control;

namespace {
QLatin1StringView k(const char* name)
{
    return QLatin1StringView(name);
}

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>; // clang 14 needs the guide that GCC infers

QLatin1StringView kindOf(const ControlEvent::Body& body)
{
    return std::visit(Overloaded{
                          [](const ev::StateChanged&) { return event::State; },
                          [](const ev::AdvertRejected&) { return event::Reject; },
                          [](const ev::ForgerySuspected&) { return event::Forgery; },
                          [](const ev::RestoreArmed&) { return event::RestoreArmed; },
                          [](const ev::RestoreDone&) { return event::RestoreDone; },
                          [](const ev::RestoreFailed&) { return event::RestoreFailed; },
                          [](const ev::LinkDownFailed&) { return event::LinkDownFailed; },
                          [](const ev::MaintenanceChanged&) { return event::Maintenance; },
                          [](const ev::CommandDone&) { return event::Command; },
                          [](const ev::LinkChanged&) { return event::Link; },
                          [](const ev::AgentStarted&) { return event::Started; },
                          [](const ev::AgentStopping&) { return event::Stopping; },
                          [](const ev::Unknown&) { return QLatin1StringView(); },
                      },
                      body);
}

void write(QCborMap& m, const ev::StateChanged& e)
{
    m[k("vhid")] = e.vhid;
    m[k("interface")] = e.interface;
    m[k("from")] = CarpStateNames::wireState(e.from);
    m[k("to")] = CarpStateNames::wireState(e.to);
    m[k("reason")] = e.reason;
}
void write(QCborMap& m, const ev::AdvertRejected& e)
{
    m[k("vhid")] = e.vhid;
    m[k("source")] = e.source;
    m[k("reason")] = e.reason;
}
void write(QCborMap& m, const ev::ForgerySuspected& e)
{
    m[k("vhid")] = e.vhid;
    m[k("source")] = e.source;
    m[k("sign")] = e.sign;
    m[k("count")] = static_cast<qint64>(e.count);
}
void write(QCborMap& m, const ev::RestoreArmed& e)
{
    m[k("interface")] = e.interface;
    m[k("deadline")] = e.deadlineMs;
    m[k("by")] = e.by;
}
void write(QCborMap& m, const ev::RestoreDone& e)
{
    m[k("interface")] = e.interface;
    m[k("early")] = e.early;
    m[k("late_ms")] = e.lateMs;
    if (e.early)
        m[k("by")] = e.by;
}
void write(QCborMap& m, const ev::RestoreFailed& e)
{
    m[k("interface")] = e.interface;
}
void write(QCborMap& m, const ev::LinkDownFailed& e)
{
    m[k("interface")] = e.interface;
}
void write(QCborMap& m, const ev::MaintenanceChanged& e)
{
    m[k("on")] = e.on;
    m[k("by")] = e.by;
}
void write(QCborMap& m, const ev::CommandDone& e)
{
    m[key::Verb] = e.verb;
    m[k("by")] = e.by;
    m[key::Ok] = e.ok;
    if (!e.ok)
        m[key::Error] = e.error;
    if (!e.interface.isEmpty())
        m[k("interface")] = e.interface;
    if (e.on)
        m[k("on")] = *e.on;
}
void write(QCborMap& m, const ev::LinkChanged& e)
{
    m[k("vhid")] = e.vhid;
    m[k("interface")] = e.interface;
    m[k("up")] = e.up;
}
void write(QCborMap& m, const ev::AgentStarted& e)
{
    m[k("software")] = e.version;
}
void write(QCborMap& m, const ev::AgentStopping& e)
{
    m[k("signal")] = e.signal;
}
void write(QCborMap&, const ev::Unknown&) {}

CarpState state(CborReader& r, const char* name)
{
    const auto s = CarpStateNames::stateFromWire(r.string(name));
    if (!s)
        r.fail(name);
    return s.value_or(CarpState::Init);
}

std::optional<ControlEvent::Body> read(CborReader& r, QStringView kind)
{
    constexpr qint64 MaxCount = std::numeric_limits<qint64>::max();
    if (kind == event::State)
        return ev::StateChanged{static_cast<int>(r.integer("vhid", 1, 255)), r.string("interface"),
                                state(r, "from"), state(r, "to"), r.string("reason")};
    if (kind == event::Reject)
        return ev::AdvertRejected{static_cast<int>(r.integer("vhid", 0, 255)), r.string("source"),
                                  r.string("reason")};
    if (kind == event::Forgery)
        return ev::ForgerySuspected{static_cast<int>(r.integer("vhid", 1, 255)), r.string("source"),
                                    r.string("sign"), static_cast<quint64>(r.integer("count", 0, MaxCount))};
    if (kind == event::RestoreArmed)
        return ev::RestoreArmed{r.string("interface"), r.integer("deadline", 0, CborReader::MaxTime),
                                r.string("by")};
    if (kind == event::RestoreDone) {
        ev::RestoreDone e{
            r.string("interface"), r.boolean("early"), r.integer("late_ms", 0, CborReader::MaxTime), {}};
        if (e.early) // only an early restore has someone who asked for it
            e.by = r.string("by");
        return e;
    }
    if (kind == event::RestoreFailed)
        return ev::RestoreFailed{r.string("interface")};
    if (kind == event::LinkDownFailed)
        return ev::LinkDownFailed{r.string("interface")};
    if (kind == event::Maintenance)
        return ev::MaintenanceChanged{r.boolean("on"), r.string("by")};
    if (kind == event::Command) {
        ev::CommandDone e;
        e.verb = r.string("verb");
        e.by = r.string("by");
        e.ok = r.boolean("ok");
        if (!e.ok)
            e.error = r.string("error");
        e.interface = r.string("interface", false);
        if (r.has("on"))
            e.on = r.boolean("on");
        return e;
    }
    if (kind == event::Link)
        return ev::LinkChanged{static_cast<int>(r.integer("vhid", 1, 255)), r.string("interface"),
                               r.boolean("up")};
    if (kind == event::Started)
        return ev::AgentStarted{r.string("software")};
    if (kind == event::Stopping)
        return ev::AgentStopping{static_cast<int>(r.integer("signal", 0, 64))};
    return ev::Unknown{kind.toString()};
}
} // namespace

QString ControlEvent::kind() const
{
    if (const auto* unknown = std::get_if<ev::Unknown>(&body))
        return unknown->kind;
    return QString(kindOf(body));
}

QCborMap ControlEvent::toMessage() const
{
    QCborMap m;
    m[key::Type] = QString(type::Event);
    m[key::Time] = timeMs;
    m[key::Kind] = kind();
    std::visit([&m](const auto& e) { write(m, e); }, body);
    return m;
}

std::optional<ControlEvent> ControlEvent::fromMessage(const QCborMap& message, QString* error)
{
    CborReader r(message, QStringLiteral("event"));
    ControlEvent out;
    out.timeMs = r.integer("time", 0, CborReader::MaxTime);
    const QString kind = r.string("kind");
    if (!r.finish(error))
        return std::nullopt;
    CborReader fields(message, QStringLiteral("event '%1'").arg(kind));
    std::optional<Body> body = read(fields, kind);
    if (!fields.finish(error) || !body)
        return std::nullopt;
    out.body = std::move(*body);
    return out;
}

} // namespace baton
