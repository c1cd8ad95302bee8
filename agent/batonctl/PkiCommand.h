// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace baton {

// `batonctl pki`: the control channel's certificate authority in a directory (PkiDirectory):
// `init`, `issue-agent`, `issue-console`. Exit 0 done, 1 refused or failed, 2 bad usage.
class PkiCommand
{
public:
    static int run(const QStringList& arguments);
    // `batonctl pki keygen FILE`: a new P-256 key written to FILE (0600 from its first byte, never
    // over an existing file), its public half printed as PEM. Deployment runs it on each server, so
    // that an agent's private key is made where it is used and never travels.
    static int keygen(const QString& file);
};

} // namespace baton
