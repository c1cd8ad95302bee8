// SPDX-License-Identifier: GPL-3.0-or-later
// baton-deploy: `batonctl deploy` (which runs it) as a program of its own, in the desktop's baton
// package: the deployment links libssh, and batonctl, which is installed on the servers, must not.
#include "DeployCommand.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("batonctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION));
    QStringList args = QCoreApplication::arguments();
    args[0] = QStringLiteral("batonctl deploy");
    return baton::DeployCommand::run(args);
}
