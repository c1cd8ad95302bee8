// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/AgentConfig.h"

#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QThread>

namespace baton {

class ControlServer;
class ControlService;

// Runs the ControlServer on a thread of its own, niced, and wires it to the ControlService on
// the main thread with queued connections: requests go in, replies, snapshots and events come
// out, and no lock is shared between the failover path and the network.
class ControlThread : public QObject
{
    Q_OBJECT
public:
    explicit ControlThread(ControlService& service, QObject* parent = nullptr);
    ~ControlThread() override;

    // Binds in the calling thread, so a bad address is an error here; empty on success.
    QString start(const ControlConfig& config, const QSslConfiguration& tls);
    void stop();
    void setRevoked(const QSet<QByteArray>& serials);
    quint16 port() const { return m_port; }

private:
    ControlService& m_service;
    QThread m_thread;
    ControlServer* m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace baton
