// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ControlSession.h"

#include <QCborMap>
#include <QElapsedTimer>
#include <QHash>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

namespace baton {

// The mutual-TLS listener. It lives on its own thread (ControlThread), so handshakes, floods
// and slow clients cost that thread's time, never the CARP timers' on the main thread. It keeps
// the latest status snapshot to answer `status` and greet new clients without asking the main
// thread, and fans events out to every client past its hello.
class ControlServer : public QTcpServer
{
    Q_OBJECT
public:
    // Connections still in the TLS handshake are capped separately from authenticated ones: a
    // flood of unauthenticated connections evicts its own oldest, never a console's session.
    static constexpr int MaxUnauthenticated = 256;
    static constexpr int MaxSessions = 32;
    // Watching must never lock out acting: read-only consoles get at most this many of the
    // sessions, and no one certificate more than MaxPerIdentity.
    static constexpr int MaxReadOnlySessions = 24;
    static constexpr int MaxPerIdentity = 4;

    ControlServer(const QSslConfiguration& tls, QString agentName, QObject* parent = nullptr);
    void setLimits(const ControlSession::Limits& limits) { m_limits = limits; }
    void setAdvertHistory(const AdvertHistory* adverts) { m_adverts = adverts; }
    void setEventJournal(const EventJournal* history) { m_history = history; }

public Q_SLOTS:
    void publishStatus(const QCborMap& body);
    void publishHeartbeat(const QCborMap& message);
    void publishEvent(const QCborMap& message);
    void deliverReply(quint64 session, const QCborMap& reply);
    void closeAll();
    // The serials withdrawn by the CA: refused at the handshake from now on, and the sessions that
    // hold one are closed.
    void setRevoked(const QSet<QByteArray>& serials);

Q_SIGNALS:
    void request(quint64 session, const baton::ControlRequest& request, const QString& client,
                 bool mayChange);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void broadcast(const QCborMap& message);
    void onAuthenticated(quint64 id);
    void onFinished(quint64 id, const QString& why);
    void noteFailure(const QString& why);
    void releaseMemory();

    QSslConfiguration m_tls;
    QString m_agentName;
    ControlSession::Limits m_limits;
    QCborMap m_status;
    const AdvertHistory* m_adverts = nullptr;
    const EventJournal* m_history = nullptr;
    QSet<QByteArray> m_revoked;
    quint64 m_nextId = 1;
    QHash<quint64, ControlSession*> m_sessions;
    QList<quint64> m_unauthenticated; // oldest first
    int m_authenticated = 0;
    int m_readOnly = 0;
    QHash<QByteArray, int> m_perIdentity;
    // Failed connections are summarised, so a flood cannot flood the journal.
    QElapsedTimer m_failureWindow;
    int m_failures = 0;
    QString m_lastFailure;
    // A few seconds after sessions end, freed TLS buffers go back to the system: glibc keeps this
    // thread's arena otherwise, and a flood would leave the agent tens of MB larger for good.
    QTimer m_trimTimer;
};

} // namespace baton
