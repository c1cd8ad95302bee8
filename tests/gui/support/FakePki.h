// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pki/ConsoleRole.h"
#include "pki/TlsIdentity.h"

#include <QStringList>
#include <QTemporaryDir>

#include <optional>

namespace baton {

// A throw-away cluster CA in a temporary directory, made with the real shared/pki code, that
// issues ready identities for a FakeAgent (server) and the window (client). Two FakePki are two
// unrelated CAs: the way to test a console that does not trust an agent.
class FakePki
{
public:
    explicit FakePki(const QString& caName = QStringLiteral("Test CA"));
    FakePki(const FakePki&) = delete;
    FakePki& operator=(const FakePki&) = delete;

    bool isValid() const { return m_valid; }
    QString error() const { return m_error; } // of the last thing that failed
    QString directory() const { return m_dir.path(); }

    // An agent certificate naming the addresses a client will dial (default 127.0.0.1).
    std::optional<TlsIdentity> agent(const QString& name,
                                     const QStringList& addresses = {QStringLiteral("127.0.0.1")});
    std::optional<TlsIdentity> console(const QString& name, ConsoleAccess access = ConsoleAccess::Operator,
                                       int days = 90);

    // What most widget tests need: agent "node1" on 127.0.0.1, an operator console and a read-only one.
    struct Identities
    {
        TlsIdentity agent;
        TlsIdentity operatorConsole;
        TlsIdentity viewer;
    };
    std::optional<Identities> identities();

private:
    QTemporaryDir m_dir;
    bool m_valid = false;
    QString m_error;
};

} // namespace baton
