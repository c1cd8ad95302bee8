// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace baton {

// `batonctl check-config`, `check-interfaces` and `generate`.
class ConfigCommands
{
public:
    static int checkConfig(const QString& path);
    static int checkInterfaces(const QString& path);
    // Prints the batond.conf for one node (by name, or 1 or 2) of a cluster definition file.
    static int generate(const QString& clusterFile, const QString& nodeSelector);
};

} // namespace baton
