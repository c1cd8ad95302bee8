// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakePki.h"

#include "pki/PkiDirectory.h"

namespace baton {

FakePki::FakePki(const QString& caName)
{
    if (!m_dir.isValid()) {
        m_error = m_dir.errorString();
        return;
    }
    m_valid = PkiDirectory::init(m_dir.path(), caName, 365, &m_error).has_value();
}

std::optional<TlsIdentity> FakePki::agent(const QString& name, const QStringList& addresses)
{
    const QString dir = m_dir.path();
    if (!m_valid ||
        !PkiDirectory::issueAgent(dir, name, addresses, 90, PkiDirectory::IfExists::Replace, &m_error))
        return std::nullopt;
    return TlsIdentity::loadFiles(PkiDirectory::caCertificateFile(dir),
                                  PkiDirectory::agentCertificateFile(dir, name),
                                  PkiDirectory::agentKeyFile(dir, name), &m_error);
}

std::optional<TlsIdentity> FakePki::console(const QString& name, ConsoleAccess access, int days)
{
    const QString dir = m_dir.path();
    if (!m_valid ||
        !PkiDirectory::issueConsole(dir, name, access, days, PkiDirectory::IfExists::Replace, &m_error))
        return std::nullopt;
    return TlsIdentity::loadConsole(dir, name, &m_error);
}

std::optional<FakePki::Identities> FakePki::identities()
{
    auto agentIdentity = agent(QStringLiteral("node1"));
    auto operatorConsole = console(QStringLiteral("desk"));
    auto viewer = console(QStringLiteral("viewer"), ConsoleAccess::ReadOnly);
    if (!agentIdentity || !operatorConsole || !viewer)
        return std::nullopt; // m_error names the first failure's cause
    return Identities{*agentIdentity, *operatorConsole, *viewer};
}

} // namespace baton
