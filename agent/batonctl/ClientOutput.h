// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/AgentStatus.h"
#include "control/ControlEvent.h"
#include "control/ControlRequest.h"

#include <QCborMap>
#include <QTextStream>

#include <optional>

namespace baton {

// How batonctl prints what the agent says: a few aligned lines for people, or with --json the
// message as one JSON object per line (times stay epoch milliseconds) for scripts.
class ClientOutput
{
public:
    explicit ClientOutput(bool json);

    void status(const AgentStatus& status);
    void statusIfChanged(const AgentStatus& status); // watch: only when something but the time moved
    void event(const ControlEvent& event);
    void reply(const ControlRequest& request, const QCborMap& data);
    void refusal(const QString& code, const QCborMap& detail);

private:
    void json(const QCborMap& map);
    static AgentStatus withoutTimes(AgentStatus status);

    bool m_json;
    QTextStream m_out;
    QTextStream m_err;
    std::optional<AgentStatus> m_last;
};

} // namespace baton
