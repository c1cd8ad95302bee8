// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetlinkRoute.h"
#include "config/ConfigResult.h"

namespace baton {

// What a configuration needs from this host, checked before anything starts (and by --check):
// the interface exists, the source address is configured on it, every VIP lies in a subnet of
// that interface, and the hooks are executable files. A failure is an error naming the file,
// the group's line and the key, never a half-started daemon. The control channel's files are
// only warned about: failover must run even when its console cannot connect.
class HostCheck
{
public:
    static void check(ConfigResult& result, const QString& file, NetlinkRoute& netlink);
};

} // namespace baton
