// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <array>
#include <functional>

namespace baton {

class ServerRebooter;

// batonctl drill --cluster FILE --type TYPE [--report DIR]: the window's drill engine headless, for
// cron and CI. Exit status = verdict: 0 passed, 1 failed, 3 refused by the preflight, 4 aborted
// (SIGINT/SIGTERM restore at once), 2 bad use. It blocks the signals it turns into an abort before
// any thread starts, so main() hands over before making its application.
// The reboot drill logs in over SSH, which batonctl (installed on servers) does not link: batonctl
// hands it to baton-deploy, which runs this same command with a way to make the SSH rebooter.
class DrillCommand
{
public:
    // The servers of node 1 and node 2 (~/.ssh/config aliases or [USER@]HOST[:PORT]), the login
    // user where they name none, and host key fingerprints trusted without asking.
    using RebooterFactory =
        std::function<ServerRebooter*(const std::array<QString, 2>& servers, const QString& user,
                                      const QStringList& trustedKeys, QString* error)>;
    enum Exit
    {
        Passed = 0,
        Failed = 1,
        Usage = 2,
        Refused = 3,
        Aborted = 4,
    };
    static int main(int argc, char** argv, const RebooterFactory& rebooters = {});
};

} // namespace baton
