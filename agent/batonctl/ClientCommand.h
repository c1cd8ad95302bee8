// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace baton {

// `batonctl --agent HOST[:PORT] --pki DIR VERB ...`: one request over the control channel (or
// `watch`, which streams until interrupted), printed for people or, with --json, as one JSON
// object per line. Exit 0 on success, 1 when the agent refused or could not be reached, 2 on
// bad usage.
class ClientCommand
{
public:
    static int run(const QStringList& arguments);
};

} // namespace baton
