// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ControlError.h"

#include <QCborMap>
#include <QString>

#include <optional>
#include <variant>

namespace baton {

// One typed request. parse() is the allow-list: a map that is not exactly one of these verbs
// with arguments of the right type and range is refused with a code, before anything acts on
// it. The agent still checks what only it knows (which interfaces it manages).
struct ControlRequest
{
    enum class Verb
    {
        Status,
        LinkDown,
        LinkUp,
        Handover,
        Maintenance,
        Adverts,
        Log,
        SetRevocations,
        Crash, // the agent dies at once, as if killed: for failover drills
        History,
    };

    qint64 id = 0;
    Verb verb = Verb::Status;
    QString interface;           // link-down, link-up
    int restoreAfterSeconds = 0; // link-down
    bool maintenanceOn = false;  // maintenance
    int seconds = 60;            // adverts
    int lines = 100;             // log
    QByteArray revocationList;   // set-revocations: a PEM CRL signed by the cluster's CA
    qint64 sinceMs = 0;          // history: events at or after this agent time
    int limit = 500;             // history: at most this many, the newest

    struct Refusal
    {
        qint64 id = 0; // 0 when the id itself was unusable
        ControlError error = ControlError::BadMessage;
        QCborMap detail;
    };

    static std::variant<ControlRequest, Refusal> parse(const QCborMap& message);
    QCborMap toCbor() const;
    // Read-only consoles may send only the verbs for which this is false.
    bool mutating() const;
    static QLatin1StringView verbName(Verb verb);
    static std::optional<Verb> verbFromName(QStringView name);

    static constexpr qint64 MaxId = (qint64{1} << 53) - 1; // exact in every JSON reader too
};

} // namespace baton
