// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "carp/CarpState.h"

#include <QCborMap>
#include <QMetaType>
#include <QString>

#include <optional>
#include <variant>

namespace baton {

// The events an agent pushes (docs/control-protocol.md, "Events"), one type per kind, so the
// agent builds them and every client reads them in one place.
namespace ev {

struct StateChanged
{
    int vhid = 0;
    QString interface;
    CarpState from = CarpState::Init;
    CarpState to = CarpState::Init;
    QString reason; // CarpStateNames::reason
    bool operator==(const StateChanged&) const = default;
};
struct AdvertRejected
{
    int vhid = 0;
    QString source;
    QString reason; // carpRejectCode
    bool operator==(const AdvertRejected&) const = default;
};
// An authenticated advert the agent did not act on because it looks replayed or edited.
struct ForgerySuspected
{
    int vhid = 0;
    QString source;
    QString sign;      // AdvertGuard::signCode: "replayed-counter", "field-change", ...
    quint64 count = 0; // adverts of this kind ignored since start
    bool operator==(const ForgerySuspected&) const = default;
};
struct RestoreArmed
{
    QString interface;
    qint64 deadlineMs = 0;
    QString by;
    bool operator==(const RestoreArmed&) const = default;
};
struct RestoreDone
{
    QString interface;
    bool early = false;
    qint64 lateMs = 0;
    QString by; // who ended it early; empty at the deadline
    bool operator==(const RestoreDone&) const = default;
};
struct RestoreFailed
{
    QString interface;
    bool operator==(const RestoreFailed&) const = default;
};
struct LinkDownFailed
{
    QString interface;
    bool operator==(const LinkDownFailed&) const = default;
};
struct MaintenanceChanged
{
    bool on = false;
    QString by;
    bool operator==(const MaintenanceChanged&) const = default;
};
struct CommandDone
{
    QString verb; // ControlRequest::verbName
    QString by;
    bool ok = false;
    QString error; // ControlErrors::code when refused
    QString interface;
    std::optional<bool> on; // maintenance: asked on or off
    bool operator==(const CommandDone&) const = default;
};
struct LinkChanged
{
    int vhid = 0;
    QString interface;
    bool up = false;
    bool operator==(const LinkChanged&) const = default;
};
// The agent started (its version) or is stopping (the signal that asked it to).
struct AgentStarted
{
    QString version;
    bool operator==(const AgentStarted&) const = default;
};
struct AgentStopping
{
    int signal = 0;
    bool operator==(const AgentStopping&) const = default;
};
// A kind this client does not know (a newer agent): shown by name, never an error.
struct Unknown
{
    QString kind;
    bool operator==(const Unknown&) const = default;
};

} // namespace ev

class ControlEvent
{
public:
    using Body =
        std::variant<ev::StateChanged, ev::AdvertRejected, ev::ForgerySuspected, ev::RestoreArmed,
                     ev::RestoreDone, ev::RestoreFailed, ev::LinkDownFailed, ev::MaintenanceChanged,
                     ev::CommandDone, ev::LinkChanged, ev::AgentStarted, ev::AgentStopping, ev::Unknown>;

    qint64 timeMs = 0; // the agent's wall clock when it happened
    Body body;

    bool operator==(const ControlEvent&) const = default;
    QString kind() const;
    // The whole message as it travels, type and time included.
    QCborMap toMessage() const;
    static std::optional<ControlEvent> fromMessage(const QCborMap& message, QString* error = nullptr);
};

} // namespace baton

Q_DECLARE_METATYPE(baton::ControlEvent)
