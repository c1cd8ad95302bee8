// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace baton {

// What a drill does to the pair: the engine decides, a port carries it out (DrillRunner over the
// control channel; tests record the calls). Outcomes come back through DrillEngine::refused().
class DrillPort
{
public:
    virtual ~DrillPort() = default;
    virtual void linkDown(int node, const QString& interface, int restoreAfterSeconds) = 0;
    virtual void linkUp(int node, const QString& interface) = 0;
    virtual void handover(int node) = 0;
    virtual void crashAgent(int node) = 0;
    virtual void reboot(int node) = 0; // the node's whole server, over SSH
};

} // namespace baton
