// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PeerConnection.h"
#include "PeerNotice.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTcpServer>
#include <QTimer>

namespace baton {

// This agent's end of the peer link, on the peer thread: the listener its partner dials, and the
// connection it keeps dialled to its partner's listener (again a second after it drops). Notices
// that passed the connection's checks go to the main thread (PeerLink); the verdicts come back.
// It reports each direction as "up" or what stands in the way, whenever that changes.
class PeerEndpoint : public QTcpServer
{
    Q_OBJECT
public:
    // Handshakes in progress are capped: a flood on the management network evicts its own oldest.
    static constexpr int MaxUnauthenticated = 16;

    // A non-empty `dialProblem` (e.g. our certificate may not be a TLS client) means: listen only,
    // and report that as the reason this agent cannot tell its partner.
    PeerEndpoint(const PeerConnection::Setup& dial, const PeerConnection::Setup& accept,
                 QSet<QByteArray> revoked, QString dialProblem, QObject* parent = nullptr);

public Q_SLOTS:
    void begin(); // on the peer thread: start dialling
    void tellLinkLost(int vhid, quint32 source, const QList<quint32>& vips);
    void answer(quint64 connection, qint64 seq, const QString& verdict);
    void setRevoked(const QSet<QByteArray>& serials);
    void shutdown();

Q_SIGNALS:
    void directionsChanged(const QString& toPartner, const QString& fromPartner, bool offsetKnown,
                           qint64 offsetMs);
    void notice(const baton::PeerNotice& notice);
    void told(int vhid, bool sent);
    void verdictHeard(const QString& verdict, qint64 seq);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void dial();
    void onEstablished(quint64 id);
    void onFinished(quint64 id, const QString& why, const QString& problem);
    void report();

    PeerConnection::Setup m_dialSetup;
    PeerConnection::Setup m_acceptSetup;
    QSet<QByteArray> m_revoked;
    quint64 m_nextId = 1;
    PeerConnection* m_outgoing = nullptr;
    PeerConnection* m_incoming = nullptr;      // the partner's, once it is established
    QHash<quint64, PeerConnection*> m_pending; // incoming, still in the handshake or hello
    QList<quint64> m_pendingOrder;             // oldest first
    QString m_dialProblem;
    QString m_toProblem;
    QString m_fromProblem;
    QTimer m_redial;
    QTimer m_offsetReport; // the clock offset is reported now and then, not at every alive
    QString m_reported;
    QElapsedTimer m_refusalWindow; // refused incoming connections are logged once a minute
    int m_refusals = 0;            // since the last one logged
    bool m_stopping = false;
};

} // namespace baton
