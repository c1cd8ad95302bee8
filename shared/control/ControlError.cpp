// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlError.h"

#include <QCoreApplication>

#include <array>

namespace baton {

namespace {
struct Entry
{
    ControlError error;
    QLatin1StringView code;
    const char* text;
};

// QT_TRANSLATE_NOOP marks the texts for lupdate; describe() looks them up at run time.
constexpr std::array Entries{
    Entry{ControlError::UnsupportedVersion, QLatin1StringView("unsupported-version"),
          QT_TRANSLATE_NOOP("ControlError", "The agent speaks a different protocol version.")},
    Entry{ControlError::HelloRequired, QLatin1StringView("hello-required"),
          QT_TRANSLATE_NOOP("ControlError", "A request came before the hello.")},
    Entry{ControlError::BadFrame, QLatin1StringView("bad-frame"),
          QT_TRANSLATE_NOOP("ControlError", "A message was not framed correctly.")},
    Entry{ControlError::BadMessage, QLatin1StringView("bad-message"),
          QT_TRANSLATE_NOOP("ControlError", "A message was not understood.")},
    Entry{ControlError::UnknownVerb, QLatin1StringView("unknown-verb"),
          QT_TRANSLATE_NOOP("ControlError", "The agent does not know this command.")},
    Entry{ControlError::BadArgument, QLatin1StringView("bad-argument"),
          QT_TRANSLATE_NOOP("ControlError", "An argument is missing or has the wrong type.")},
    Entry{ControlError::OutOfRange, QLatin1StringView("out-of-range"),
          QT_TRANSLATE_NOOP("ControlError", "An argument is outside its allowed range.")},
    Entry{ControlError::UnknownInterface, QLatin1StringView("unknown-interface"),
          QT_TRANSLATE_NOOP("ControlError", "The agent does not manage this interface.")},
    Entry{ControlError::NotPermitted, QLatin1StringView("not-permitted"),
          QT_TRANSLATE_NOOP("ControlError", "This console's certificate is read-only.")},
    Entry{ControlError::RestorePending, QLatin1StringView("restore-pending"),
          QT_TRANSLATE_NOOP("ControlError", "The interface is already down with a restore pending.")},
    Entry{ControlError::StateNotSaved, QLatin1StringView("state-not-saved"),
          QT_TRANSLATE_NOOP("ControlError",
                            "The agent could not save the pending restore, so it did nothing.")},
    Entry{ControlError::NetlinkFailed, QLatin1StringView("netlink-failed"),
          QT_TRANSLATE_NOOP("ControlError", "The kernel refused to change the interface.")},
    Entry{ControlError::RateLimited, QLatin1StringView("rate-limited"),
          QT_TRANSLATE_NOOP("ControlError", "Too many requests; try again in a moment.")},
    Entry{ControlError::TooManyConnections, QLatin1StringView("too-many-connections"),
          QT_TRANSLATE_NOOP("ControlError", "The agent has too many connections.")},
    Entry{ControlError::Timeout, QLatin1StringView("timeout"),
          QT_TRANSLATE_NOOP("ControlError", "The connection was too slow and was closed.")},
    Entry{ControlError::ShuttingDown, QLatin1StringView("shutting-down"),
          QT_TRANSLATE_NOOP("ControlError", "The agent is shutting down.")},
    Entry{ControlError::Internal, QLatin1StringView("internal"),
          QT_TRANSLATE_NOOP("ControlError", "The agent failed internally.")},
    Entry{ControlError::CertificateRevoked, QLatin1StringView("certificate-revoked"),
          QT_TRANSLATE_NOOP("ControlError", "This console's certificate has been revoked.")},
    Entry{ControlError::RevocationRefused, QLatin1StringView("revocation-refused"),
          QT_TRANSLATE_NOOP("ControlError", "The revocation list was not signed by the cluster's CA, or is "
                                            "older than the one the agent has.")},
};
} // namespace

QLatin1StringView ControlErrors::code(ControlError error)
{
    for (const Entry& e : Entries)
        if (e.error == error)
            return e.code;
    return QLatin1StringView("internal");
}

std::optional<ControlError> ControlErrors::fromCode(QStringView code)
{
    for (const Entry& e : Entries)
        if (code == e.code)
            return e.error;
    return std::nullopt;
}

QString ControlErrors::describe(QStringView code)
{
    for (const Entry& e : Entries)
        if (code == e.code)
            return QCoreApplication::translate("ControlError", e.text);
    return code.toString();
}

} // namespace baton
