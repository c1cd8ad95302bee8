// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/AgentStatus.h"

#include <QSslConfiguration>
#include <QString>

#include <atomic>
#include <functional>

namespace baton {

// Waits until an agent answers over the control channel's mutual TLS with its status: the proof
// that a deployed agent runs with the certificate it was given. Runs its own event loop, so it can
// be called from the deployment's thread.
class AgentAnswer
{
public:
    // true once the agent sent its status; error says what the last attempt saw.
    static bool wait(const QSslConfiguration& tls, const QString& host, quint16 port, int timeoutMs,
                     const std::atomic_bool* cancel, QString* error);
    // The same, until a status it sends satisfies until (asked again every few hundred ms).
    static bool waitFor(const QSslConfiguration& tls, const QString& host, quint16 port, int timeoutMs,
                        const std::atomic_bool* cancel, const std::function<bool(const AgentStatus&)>& until,
                        QString* error);
};

} // namespace baton
