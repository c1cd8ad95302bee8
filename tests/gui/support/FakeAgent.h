// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/AgentStatus.h"
#include "control/ControlEvent.h"
#include "control/ControlFrame.h"
#include "control/ControlRequest.h"
#include "pki/TlsIdentity.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTcpServer>
#include <QTimer>

#include <optional>

class QSslSocket;

namespace baton {

// An in-process batond for widget tests: mutual TLS 1.3 with a FakePki identity and the real
// protocol (ControlFrame, ControlMessage, AgentStatus, ControlRequest) on 127.0.0.1. It greets,
// sends the status, heartbeats (each with a status, as the agent does), records every request and
// answers as told: by default "ok", and the status changes as a real agent's would (simulating).
// It can fall silent with the connection open (a SIGSTOPped agent) or drop its clients. It keeps a
// history like the agent's journal (every pushed event, plus any added) and answers `history` from
// it, once a second per session like the agent, on a wall clock that may be set apart from this
// machine's.
class FakeAgent : public QTcpServer
{
    Q_OBJECT
public:
    struct Reply
    {
        bool ok = true;
        QCborMap data;
        QString error; // a ControlError code
        QCborMap detail;

        static Reply okWith(const QCborMap& data = {}) { return Reply{true, data, {}, {}}; }
        static Reply refuse(const QString& code, const QCborMap& detail = {})
        {
            return Reply{false, {}, code, detail};
        }
    };

    explicit FakeAgent(const TlsIdentity& identity, QObject* parent = nullptr);
    ~FakeAgent() override;

    // Listens on 127.0.0.1, on a free port.
    bool start();
    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return serverPort(); }

    // One group, the typical pair member: vhid 1 on eth0, 192.0.2.11, VIP 192.0.2.10/24.
    static AgentStatus sampleStatus(const QString& name = QStringLiteral("node1"),
                                    CarpState state = CarpState::Master);
    const AgentStatus& status() const { return m_status; }
    // Replaces the status and pushes it to every client past the hello (time is stamped on send).
    void setStatus(const AgentStatus& status);

    void setHeartbeatIntervalMs(int ms) { m_heartbeat.setInterval(ms); }
    // Off: no heartbeats and no periodic status, but replies and pushes still go out.
    void setHeartbeats(bool on);
    // On: nothing at all goes out, the connection stays open, requests are recorded but never
    // answered: what a console sees of an agent stopped with SIGSTOP.
    void setFrozen(bool frozen);
    // How to answer a verb from now on; ok replies also update the status while simulating.
    void setReply(ControlRequest::Verb verb, const Reply& reply) { m_replies.insert(verb, reply); }
    void clearReply(ControlRequest::Verb verb) { m_replies.remove(verb); }
    void setSimulating(bool on) { m_simulating = on; }
    // Sends the event to every client past the hello, stamped now, and keeps it in the history.
    ControlEvent pushEvent(const ControlEvent::Body& body);
    // Into the history only, as if it happened while nobody was connected.
    void addHistory(const ControlEvent& event) { m_history.append(event); }
    const QList<ControlEvent>& history() const { return m_history; }
    // This agent's wall clock runs this far ahead of the machine's (negative: behind): its status,
    // heartbeats and events are stamped with it.
    void setClockOffsetMs(qint64 offsetMs) { m_clockOffsetMs = offsetMs; }
    qint64 agentNow() const;
    // On: requests of this verb are recorded but not answered; off: those still connected are
    // answered now.
    void setHeld(ControlRequest::Verb verb, bool held);
    // Closes every connection, as an agent restarting would (it keeps listening).
    void dropClients();

    const QList<ControlRequest>& requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    int clientCount() const; // past the hello
    int connectionsAccepted() const { return m_accepted; }

Q_SIGNALS:
    void requestReceived(const baton::ControlRequest& request);
    void clientReady(const QString& client, const QString& access);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Session
    {
        ControlFrame decoder{ControlFrame::MaxRequestPayload};
        bool ready = false; // the client's hello arrived
        QString client;
        QString access;
        QElapsedTimer lastHistory; // history is answered once a second per session
    };

    void onReadyRead(QSslSocket* socket);
    void handle(QSslSocket* socket, const QCborMap& message);
    void answer(QSslSocket* socket, const ControlRequest& request);
    void simulate(const ControlRequest& request, const QString& client, QCborMap& data);
    void answerHistory(QSslSocket* socket, const ControlRequest& request);
    void tick();
    void send(QSslSocket* socket, const QCborMap& message);
    void broadcast(const QCborMap& message);
    QCborMap stampedStatus();

    QSslConfiguration m_tls;
    QString m_name;
    AgentStatus m_status;
    QHash<QSslSocket*, Session> m_sessions;
    QHash<ControlRequest::Verb, Reply> m_replies;
    QList<ControlRequest> m_requests;
    QList<ControlEvent> m_history;
    QSet<ControlRequest::Verb> m_held;
    QList<std::pair<QSslSocket*, ControlRequest>> m_heldRequests;
    qint64 m_clockOffsetMs = 0;
    QTimer m_heartbeat;
    qint64 m_seq = 0;
    int m_accepted = 0;
    bool m_heartbeats = true;
    bool m_frozen = false;
    bool m_simulating = true;
};

} // namespace baton
