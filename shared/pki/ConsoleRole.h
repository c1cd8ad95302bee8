// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslCertificate>
#include <QString>

#include <optional>

namespace baton {

// What a console may do on the control channel. The agent reads it from the verified TLS client
// certificate, never from anything the console sends.
enum class ConsoleAccess
{
    Operator, // may change state: drills, hand-over, maintenance
    ReadOnly, // status and events only
};

// The role a console certificate carries in its subject's organizational unit (OU).
class ConsoleRole
{
public:
    // Operator only if the subject has exactly one OU and it is exactly "operator"; anything else
    // (no OU, "read-only", "agent", "Operator", several OUs, a null certificate) is ReadOnly.
    static ConsoleAccess of(const QSslCertificate& certificate);
    // An agent's certificate (OU "agent", as CertificateAuthority::issueAgent writes it).
    static bool isAgent(const QSslCertificate& certificate);
    // The OU text for a role: "operator" or "read-only".
    static QString name(ConsoleAccess access);
    // The reverse of name(): how a console reads the access the agent's hello grants it.
    static std::optional<ConsoleAccess> fromName(QStringView name);
};

} // namespace baton
