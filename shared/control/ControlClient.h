// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AgentStatus.h"
#include "ControlEvent.h"
#include "ControlFrame.h"
#include "ControlRequest.h"
#include "pki/ConsoleRole.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <optional>

class QSslSocket;

namespace baton {

// The console's end of the control channel, for batonctl and the window: mutual TLS (the agent
// must chain to our CA and name the address dialled), the hello, then typed requests and the
// agent's pushed status, events and heartbeats. Asynchronous throughout: nothing here waits.
class ControlClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int ConnectTimeoutMs = 10000;

    explicit ControlClient(QObject* parent = nullptr);
    ~ControlClient() override;

    void setTlsConfiguration(const QSslConfiguration& tls) { m_tls = tls; }
    void setSoftware(const QString& software) { m_software = software; }
    void connectToAgent(const QString& host, quint16 port);
    void disconnectFromAgent();

    bool isReady() const { return m_ready; }
    QString agentName() const { return m_agentName; }
    ConsoleAccess access() const { return m_access; } // as the agent sees us
    const std::optional<AgentStatus>& status() const { return m_status; }
    // Milliseconds since anything arrived from the agent (-1: nothing yet).
    qint64 silenceMs() const { return m_lastHeard.isValid() ? m_lastHeard.elapsed() : -1; }

    // Sends the request with a fresh id and returns that id (0 when not connected).
    qint64 send(ControlRequest request);

Q_SIGNALS:
    void ready();
    void statusReceived(const baton::AgentStatus& status);
    void eventReceived(const baton::ControlEvent& event);
    void heartbeatReceived(qint64 agentTimeMs);
    void replied(qint64 id, const QCborMap& data);
    void refused(qint64 id, const QString& code, const QCborMap& detail);
    // Once per connection attempt that ends, with a sentence for people.
    void disconnected(const QString& reason);

private:
    void onReadyRead();
    void handle(const QCborMap& message);
    void fail(const QString& reason);

    QSslConfiguration m_tls;
    QString m_software = QStringLiteral("baton " BATON_VERSION);
    QSslSocket* m_socket = nullptr;
    ControlFrame m_decoder{ControlFrame::MaxAgentPayload};
    QTimer m_connectTimer;
    QElapsedTimer m_lastHeard;
    bool m_ready = false;
    bool m_helloSeen = false;
    qint64 m_nextId = 1;
    QString m_agentName;
    ConsoleAccess m_access = ConsoleAccess::ReadOnly;
    QString m_sslError;
    std::optional<AgentStatus> m_status;
};

} // namespace baton
