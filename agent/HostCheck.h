// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetlinkRoute.h"
#include "config/AgentConfig.h"
#include "config/ConfigError.h"

namespace baton {

// What a configuration needs from this host, checked before anything starts (and by --check):
// the interface exists, the source address is configured on it, every VIP lies in a subnet of
// that interface, and the hooks are executable files. A failure is an error naming the file,
// the group's line and the key, never a half-started daemon.
class HostCheck
{
public:
    static ConfigErrors check(const AgentConfig& config, const QString& file, NetlinkRoute& netlink);
};

} // namespace baton
