// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AgentConfig.h"

#include <QString>

namespace baton {

// Writes an AgentConfig as batond.conf text that AgentConfigParser reads back to an equal config.
class AgentConfigWriter
{
public:
    static QString write(const AgentConfig& config);
    // A value as the parser reads it back: bare when that is safe, else quoted with \" and \\.
    static QString value(const QString& text);

private:
    static QString group(const GroupConfig& group);
    static QString control(const ControlConfig& control);
};

} // namespace baton
