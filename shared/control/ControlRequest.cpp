// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlRequest.h"

#include "ControlProtocol.h"

#include <QCborValue>

#include <array>

namespace baton {

namespace {
using Verb = ControlRequest::Verb;

struct VerbEntry
{
    Verb verb;
    QLatin1StringView name;
    bool mutating;
};

constexpr std::array Verbs{
    VerbEntry{Verb::Status, QLatin1StringView("status"), false},
    VerbEntry{Verb::LinkDown, QLatin1StringView("link-down"), true},
    VerbEntry{Verb::LinkUp, QLatin1StringView("link-up"), true},
    VerbEntry{Verb::Handover, QLatin1StringView("handover"), true},
    VerbEntry{Verb::Maintenance, QLatin1StringView("maintenance"), true},
    VerbEntry{Verb::Adverts, QLatin1StringView("adverts"), false},
    VerbEntry{Verb::Log, QLatin1StringView("log"), false},
    VerbEntry{Verb::SetRevocations, QLatin1StringView("set-revocations"), true},
    VerbEntry{Verb::History, QLatin1StringView("history"), false},
    VerbEntry{Verb::Crash, QLatin1StringView("crash"), true},
};

const QLatin1StringView InterfaceKey("interface");
const QLatin1StringView RestoreKey("restore_after_s");
const QLatin1StringView OnKey("on");
const QLatin1StringView SecondsKey("seconds");
const QLatin1StringView LinesKey("lines");
const QLatin1StringView CrlKey("crl");
const QLatin1StringView SinceKey("since");
const QLatin1StringView LimitKey("limit");

ControlRequest::Refusal refuse(qint64 id, ControlError error, QLatin1StringView field = {})
{
    ControlRequest::Refusal r{id, error, {}};
    if (!field.isEmpty())
        r.detail[QLatin1StringView("field")] = QString(field);
    return r;
}

ControlRequest::Refusal outOfRange(qint64 id, QLatin1StringView field, int min, int max)
{
    ControlRequest::Refusal r = refuse(id, ControlError::OutOfRange, field);
    r.detail[QLatin1StringView("min")] = min;
    r.detail[QLatin1StringView("max")] = max;
    return r;
}

// An integer argument within [min, max]; absent means the fallback when one is allowed.
std::optional<ControlRequest::Refusal> readInt(const QCborMap& args, qint64 id, QLatin1StringView field,
                                               int min, int max, std::optional<int> fallback, int& out)
{
    const QCborValue v = args.value(field);
    if (v.isUndefined() && fallback) {
        out = *fallback;
        return std::nullopt;
    }
    if (!v.isInteger())
        return refuse(id, ControlError::BadArgument, field);
    const qint64 n = v.toInteger();
    if (n < min || n > max)
        return outOfRange(id, field, min, max);
    out = static_cast<int>(n);
    return std::nullopt;
}
} // namespace

QLatin1StringView ControlRequest::verbName(Verb verb)
{
    for (const VerbEntry& e : Verbs)
        if (e.verb == verb)
            return e.name;
    return QLatin1StringView("status");
}

std::optional<ControlRequest::Verb> ControlRequest::verbFromName(QStringView name)
{
    for (const VerbEntry& e : Verbs)
        if (name == e.name)
            return e.verb;
    return std::nullopt;
}

bool ControlRequest::mutating() const
{
    for (const VerbEntry& e : Verbs)
        if (e.verb == verb)
            return e.mutating;
    return true;
}

std::variant<ControlRequest, ControlRequest::Refusal> ControlRequest::parse(const QCborMap& message)
{
    const QCborValue idValue = message.value(control::key::Id);
    if (!idValue.isInteger() || idValue.toInteger() < 1 || idValue.toInteger() > MaxId)
        return refuse(0, ControlError::BadMessage, control::key::Id);
    ControlRequest r;
    r.id = idValue.toInteger();
    const QCborValue verbValue = message.value(control::key::Verb);
    if (!verbValue.isString())
        return refuse(r.id, ControlError::BadMessage, control::key::Verb);
    const std::optional<Verb> verb = verbFromName(verbValue.toString());
    if (!verb) {
        Refusal refusal = refuse(r.id, ControlError::UnknownVerb);
        refusal.detail[control::key::Verb] = verbValue.toString().left(64);
        return refusal;
    }
    r.verb = *verb;
    const QCborValue argsValue = message.value(control::key::Args);
    if (!argsValue.isUndefined() && !argsValue.isMap())
        return refuse(r.id, ControlError::BadArgument, control::key::Args);
    const QCborMap args = argsValue.toMap();

    std::optional<Refusal> problem;
    switch (r.verb) {
    case Verb::LinkDown:
        problem = readInt(args, r.id, RestoreKey, control::RestoreMinSeconds, control::RestoreMaxSeconds,
                          std::nullopt, r.restoreAfterSeconds);
        [[fallthrough]];
    case Verb::LinkUp:
        if (problem)
            break;
        if (!args.value(InterfaceKey).isString() || args.value(InterfaceKey).toString().isEmpty() ||
            args.value(InterfaceKey).toString().size() > 15)
            return refuse(r.id, ControlError::BadArgument, InterfaceKey);
        r.interface = args.value(InterfaceKey).toString();
        break;
    case Verb::Maintenance:
        if (!args.value(OnKey).isBool())
            return refuse(r.id, ControlError::BadArgument, OnKey);
        r.maintenanceOn = args.value(OnKey).toBool();
        break;
    case Verb::Adverts:
        problem = readInt(args, r.id, SecondsKey, 1, control::AdvertsMaxSeconds, 60, r.seconds);
        break;
    case Verb::Log:
        problem = readInt(args, r.id, LinesKey, 1, control::LogMaxLines, 100, r.lines);
        break;
    case Verb::SetRevocations: {
        const QCborValue crl = args.value(CrlKey);
        if (!crl.isString() || crl.toString().isEmpty())
            return refuse(r.id, ControlError::BadArgument, CrlKey);
        r.revocationList = crl.toString().toUtf8();
        if (r.revocationList.size() > control::RevocationListMaxBytes)
            return outOfRange(r.id, CrlKey, 1, control::RevocationListMaxBytes);
        break;
    }
    case Verb::History: {
        const QCborValue since = args.value(SinceKey);
        if (!since.isUndefined() &&
            (!since.isInteger() || since.toInteger() < 0 || since.toInteger() > MaxId))
            return refuse(r.id, ControlError::BadArgument, SinceKey);
        r.sinceMs = since.toInteger();
        problem = readInt(args, r.id, LimitKey, 1, control::HistoryMaxEvents, 500, r.limit);
        break;
    }
    case Verb::Status:
    case Verb::Handover:
    case Verb::Crash:
        break;
    }
    if (problem)
        return *problem;
    return r;
}

QCborMap ControlRequest::toCbor() const
{
    QCborMap args;
    switch (verb) {
    case Verb::LinkDown:
        args[RestoreKey] = restoreAfterSeconds;
        [[fallthrough]];
    case Verb::LinkUp:
        args[InterfaceKey] = interface;
        break;
    case Verb::Maintenance:
        args[OnKey] = maintenanceOn;
        break;
    case Verb::Adverts:
        args[SecondsKey] = seconds;
        break;
    case Verb::Log:
        args[LinesKey] = lines;
        break;
    case Verb::SetRevocations:
        args[CrlKey] = QString::fromUtf8(revocationList);
        break;
    case Verb::History:
        args[SinceKey] = sinceMs;
        args[LimitKey] = limit;
        break;
    case Verb::Status:
    case Verb::Handover:
    case Verb::Crash:
        break;
    }
    QCborMap m;
    m[control::key::Type] = QString(control::type::Request);
    m[control::key::Id] = id;
    m[control::key::Verb] = QString(verbName(verb));
    m[control::key::Args] = args;
    return m;
}

} // namespace baton
