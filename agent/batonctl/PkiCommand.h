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
};

} // namespace baton
