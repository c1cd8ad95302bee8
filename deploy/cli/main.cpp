// SPDX-License-Identifier: GPL-3.0-or-later
// baton-deploy: `batonctl deploy` (which runs it) as a program of its own, in the desktop's baton
// package: the deployment links libssh, and batonctl, which is installed on the servers, must not.
// `batonctl drill --type reboot` runs it too (as `baton-deploy drill ...`): the same drill command
// as batonctl's, with the SSH rebooter.
#include "DeployCommand.h"
#include "DrillCommand.h"
#include "SshRebooter.h"
#include "TerminalPrompter.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

namespace {

baton::ServerRebooter* sshRebooter(const std::array<QString, 2>& servers, const QString& user,
                                   const QStringList& trustedKeys, QString* error)
{
    using namespace baton;
    std::array<SshTarget, 2> targets;
    QTextStream err(stderr);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto target = SshTarget::resolveWithUserConfig(servers[i], user, error);
        if (!target)
            return nullptr;
        targets[i] = *target;
        err << "server " << servers[i] << ": " << target->describe(QDir::homePath()) << "\n";
    }
    // Questions on the terminal (or one line of stdin each), as batonctl deploy asks them.
    static TerminalPrompter prompter(trustedKeys, false);
    return new SshRebooter(targets, servers, prompter);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && qstrcmp(argv[1], "drill") == 0)
        return baton::DrillCommand::main(argc, argv, sshRebooter);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("batonctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION));
    QStringList args = QCoreApplication::arguments();
    args[0] = QStringLiteral("batonctl deploy");
    return baton::DeployCommand::run(args);
}
