// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace baton {

// Errors travel as stable codes, never sentences: the agent has no language, the window
// translates (describe()), scripts match on the code.
enum class ControlError
{
    UnsupportedVersion, // hello with a version this agent does not speak
    HelloRequired,      // a request before the hello
    BadFrame,           // length prefix too large or zero, bad CBOR, not a map
    BadMessage,         // a map without a known type or with fields of the wrong type
    UnknownVerb,
    BadArgument,      // an argument missing or of the wrong type (detail: field)
    OutOfRange,       // an argument outside its limits (detail: field, min, max)
    UnknownInterface, // not an interface this agent manages (detail: interface)
    NotPermitted,     // a read-only console asked for a mutating verb
    RestorePending,   // link-down on an interface that is already down with a restore pending
    StateNotSaved,    // the pending restore could not be persisted, so nothing was done
    NetlinkFailed,    // the kernel refused (detail: errno)
    RateLimited,
    TooManyConnections,
    Timeout, // hello or a frame not completed in time
    ShuttingDown,
    Internal,
    CertificateRevoked, // this console's certificate is on the agent's revocation list
    RevocationRefused,  // a revocation list not signed by the cluster's CA, or older than the one in force
};

class ControlErrors
{
public:
    static QLatin1StringView code(ControlError error);
    static std::optional<ControlError> fromCode(QStringView code);
    // A sentence for people, translated (context "ControlError"); unknown codes are shown as is.
    static QString describe(QStringView code);
};

} // namespace baton
