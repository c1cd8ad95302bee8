// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AgentConfig.h"
#include "ConfigError.h"

#include <QStringList>

namespace baton {

// What every configuration reader returns: the config (meaningful only when ok()), all errors found
// (readers never stop at the first), and warnings that do not stop the agent.
struct ConfigResult
{
    AgentConfig config;
    ConfigErrors errors;
    QStringList warnings;

    bool ok() const { return errors.isEmpty(); }
};

} // namespace baton
