// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/ControlError.h"
#include "control/ControlFrame.h"
#include "control/ControlRequest.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>

class QSslSocket;

namespace baton {

class AdvertHistory;
class EventJournal;

// One client connection on the control thread: TLS handshake, hello, framed requests. Every
// way a client can misbehave ends in a typed error or a closed connection, never in waiting
// forever or buffering without bound: handshake and hello deadlines, a deadline for a frame
// once it has started, a cap on what may queue up unread, a request rate limit.
class ControlSession : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int handshakeMs = 5000;
        int helloMs = 10000;
        int frameMs = 10000;
        qint64 maxBacklog = 4 * 1024 * 1024;
        double requestsPerSecond = 20;
        double requestBurst = 40;
        int maxInFlight = 8;
        // `adverts` and `history` replies run to hundreds of kB: one a second per session keeps a
        // crowd of viewers from keeping the control thread (and the heartbeats behind it) busy.
        int advertsIntervalMs = 1000;
    };
    enum class Phase
    {
        Handshake,
        Hello,
        Ready,
        Closing,
    };

    ControlSession(quint64 id, qintptr descriptor, const QSslConfiguration& tls, const Limits& limits,
                   QObject* parent = nullptr);

    quint64 id() const { return m_id; }
    Phase phase() const { return m_phase; }
    bool ready() const { return m_phase == Phase::Ready; }
    // Known once the TLS handshake is done: who the client is, and what it may do.
    bool mayChange() const { return m_mayChange; }
    const QString& client() const { return m_client; }
    // The client certificate's SHA-256 digest: one identity, however many sessions it opens.
    const QByteArray& identity() const { return m_identity; }
    QByteArray serialNumber() const { return m_serial; }
    void send(const QCborMap& message);
    void sendEncoded(const QByteArray& frame);
    void deliverReply(const QCborMap& reply);
    void close(std::optional<ControlError> error = std::nullopt);

    // Set by the server: what the session says in its hello and sends after the client's.
    QString agentName;
    const QCborMap* status = nullptr;          // the server's latest snapshot body (same thread, outlives us)
    const AdvertHistory* adverts = nullptr;    // thread-safe, outlives us
    const QSet<QByteArray>* revoked = nullptr; // serials refused at the handshake (the server's)
    const EventJournal* history = nullptr;     // thread-safe, outlives us

Q_SIGNALS:
    void request(quint64 session, const baton::ControlRequest& request, const QString& client,
                 bool mayChange);
    void authenticated(quint64 session);
    void finished(quint64 session, const QString& why);

private:
    void onEncrypted();
    void onReadyRead();
    void handle(const QCborMap& message);
    void handleHello(const QCborMap& message);
    void handleRequest(const QCborMap& message);
    bool takeToken();
    void finish(const QString& why);

    quint64 m_id;
    Limits m_limits;
    QSslSocket* m_socket;
    ControlFrame m_decoder{ControlFrame::MaxRequestPayload};
    Phase m_phase = Phase::Handshake;
    QString m_client;
    bool m_mayChange = false;
    QByteArray m_identity;
    QByteArray m_serial;
    QTimer m_deadline; // handshake, hello, or a started frame
    QElapsedTimer m_tokenClock;
    QElapsedTimer m_lastHeavy; // the last `adverts` or `history`
    double m_tokens = 0;
    int m_inFlight = 0;
    int m_refusedInARow = 0;
    QString m_closeReason;
    bool m_finished = false;
};

} // namespace baton
