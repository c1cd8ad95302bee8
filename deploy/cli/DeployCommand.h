// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace baton {

// `batonctl deploy CLUSTER.json SERVER1 SERVER2`: the window's deployment on the command line.
// Exit 0 deployed or nothing to change, 1 failed and rolled back, 2 bad usage, 3 refused before
// any change, 4 cancelled (SIGINT/SIGTERM: rolled back), 5 failed and not fully rolled back.
class DeployCommand
{
public:
    static int run(const QStringList& arguments);
};

} // namespace baton
