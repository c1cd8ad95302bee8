// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AgentConfig.h"
#include "ConfigResult.h"

#include <QString>
#include <QTextStream>

namespace baton {

// Human-readable one-liners for `batond --check` and `batonctl check-*`: what the agent would run.
class ConfigSummary
{
public:
    // "vhid 1 on eth0 from 192.0.2.11: VIP 192.0.2.10/24 (label eth0:ucarp); advbase 1, advskew 1
    //  -> advert every 1.004 s, master down after 3.004 s; preempt off"
    static QString describe(const GroupConfig& group);
    // Prints warnings and errors (prefixed with `program`) to `err`, the summary to `out`.
    // Returns the process exit code: 0 when the configuration is usable, 1 otherwise.
    static int report(const ConfigResult& result, const QString& program, QTextStream& out, QTextStream& err);
};

} // namespace baton
