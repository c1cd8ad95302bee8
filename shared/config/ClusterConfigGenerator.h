// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ClusterDefinition.h"
#include "ConfigResult.h"

namespace baton {

// One node's batond.conf contents from a cluster definition. The two nodes' configs share every
// protocol setting and differ only in interface, source, advskew, control listener and peer link.
// A pair whose agents are reached off the data network (PeerPath) gets the peer link, with the
// control listener on that management address; otherwise the listener is on the node's address.
class ClusterConfigGenerator
{
public:
    // Where deployment installs each agent's certificates.
    static inline const QString PkiDir = QStringLiteral("/etc/baton/pki");

    // Refuses an invalid definition (or a node index other than 0 or 1) with the errors.
    static ConfigResult generate(const ClusterDefinition& definition, int nodeIndex);
};

} // namespace baton
