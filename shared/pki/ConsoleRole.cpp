// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsoleRole.h"

namespace baton {

ConsoleAccess ConsoleRole::of(const QSslCertificate& certificate)
{
    // Least privilege: whatever is not unmistakably an operator can only watch.
    const QStringList units = certificate.subjectInfo(QSslCertificate::OrganizationalUnitName);
    if (units.size() == 1 && units.first() == name(ConsoleAccess::Operator))
        return ConsoleAccess::Operator;
    return ConsoleAccess::ReadOnly;
}

bool ConsoleRole::isAgent(const QSslCertificate& certificate)
{
    return certificate.subjectInfo(QSslCertificate::OrganizationalUnitName).contains(QStringLiteral("agent"));
}

QString ConsoleRole::name(ConsoleAccess access)
{
    switch (access) {
    case ConsoleAccess::Operator:
        return QStringLiteral("operator");
    case ConsoleAccess::ReadOnly:
        break;
    }
    return QStringLiteral("read-only");
}

std::optional<ConsoleAccess> ConsoleRole::fromName(QStringView text)
{
    for (const ConsoleAccess a : {ConsoleAccess::Operator, ConsoleAccess::ReadOnly})
        if (text == name(a))
            return a;
    return std::nullopt;
}

} // namespace baton
