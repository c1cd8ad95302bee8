// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RemoteHost.h"

#include <QCoreApplication>

#include <atomic>
#include <functional>
#include <memory>

namespace baton {

// One server reached as root, the one way Baton does it: the connection, the host key checked
// (asked at first contact; a changed or other-type key is a hard stop with its explanation),
// OpenSSH's login order, then root directly or by sudo. The deployment and the reboot drill both
// log in through here.
class ServerLogin
{
    Q_DECLARE_TR_FUNCTIONS(ServerLogin)

public:
    // (step, detail) as each stage begins, for a live report.
    using Reporter = std::function<void(const QString&, const QString&)>;

    // Fills session and host; a host already elevated (a reconnection) is rebound without asking
    // again. false with the reason (the host key's state, the refused login, sudo's answer).
    static bool open(const SshTarget& target, const QString& server, DeployPrompter& prompter,
                     const std::atomic_bool* cancel, const Reporter& report,
                     std::unique_ptr<SshSession>& session, std::unique_ptr<RemoteHost>& host, QString* error);
};

} // namespace baton
