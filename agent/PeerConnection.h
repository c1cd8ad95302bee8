// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "control/ControlFrame.h"
#include "peer/PeerMessage.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>

#include <optional>

class QSslSocket;

namespace baton {

// One TLS connection of the peer link, on the peer thread: the one this agent dials to its
// partner's listener (it sends: alive every second, link-lost when its link fails) or the one
// the partner dialled to ours (it answers: ack, verdict). Who is at the other end is settled
// before anything is read: a certificate of our CA with OU "agent", not revoked, naming the
// partner's address (the dialler's name check is Qt's, against the address dialled). Every way a
// connection can go wrong ends it with a problem code (peer::problem); nothing waits forever.
class PeerConnection : public QObject
{
    Q_OBJECT
public:
    struct Setup
    {
        QSslConfiguration tls;
        QString agentName;
        QHostAddress partner;    // the partner's address (listener: its certificate must name it)
        quint16 partnerPort = 0; // dialler only
        const QSet<QByteArray>* revoked = nullptr; // serials refused (the endpoint's, outlives us)
    };

    // Dials the partner.
    PeerConnection(quint64 id, const Setup& setup, QObject* parent = nullptr);
    // Adopts a connection the partner (or anyone) made to our listener.
    PeerConnection(quint64 id, qintptr descriptor, const Setup& setup, QObject* parent = nullptr);

    quint64 id() const { return m_id; }
    bool dialler() const { return m_dialler; }
    bool up() const { return m_up; }
    std::optional<qint64> offsetMs() const { return m_offsetMs; }
    // Dialler: tells the partner; returns the message's sequence number, 0 if the link is not up.
    qint64 sendLinkLost(int vhid, quint32 source, const QList<quint32>& vips);
    // Listener: the verdict on a link-lost notice.
    void answer(qint64 seq, const QString& verdict);
    void close(const QString& why, const QString& problem = {});

Q_SIGNALS:
    void established(quint64 id);
    void finished(quint64 id, const QString& why, const QString& problem);
    void noticeReceived(quint64 id, const baton::PeerMessage& message, qint64 receivedMs);
    void verdictReceived(quint64 id, const baton::PeerMessage& message);

private:
    void wire();
    void onEncrypted();
    void onReadyRead();
    void handle(const PeerMessage& message);
    void handleHello(const PeerMessage& message);
    void send(const PeerMessage& message);
    void sendAlive();
    void heard();
    QString identityProblem() const;

    quint64 m_id;
    Setup m_setup;
    bool m_dialler;
    QSslSocket* m_socket;
    ControlFrame m_decoder;
    QTimer m_deadline; // handshake, hello, then silence
    QTimer m_alive;
    bool m_helloSeen = false;
    bool m_up = false;
    bool m_finished = false;
    qint64 m_nonce = 0;   // the listener's, for this connection
    qint64 m_lastSeq = 0; // listener: last accepted; dialler: last sent
    std::optional<qint64> m_offsetMs;
    QString m_tlsError;
};

} // namespace baton
