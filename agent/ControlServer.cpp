// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlServer.h"

#include "control/ControlMessage.h"

#include <malloc.h>

namespace baton {

namespace {
constexpr qint64 FailureSummaryMs = 60'000;
constexpr int TrimDelayMs = 5'000;
} // namespace

ControlServer::ControlServer(const QSslConfiguration& tls, QString agentName, QObject* parent)
    : QTcpServer(parent)
    , m_tls(tls)
    , m_agentName(std::move(agentName))
    , m_trimTimer(this) // a child, so moveToThread() takes it along
{
    m_trimTimer.setSingleShot(true);
    m_trimTimer.setInterval(TrimDelayMs);
    connect(&m_trimTimer, &QTimer::timeout, this, &ControlServer::releaseMemory);
}

void ControlServer::incomingConnection(qintptr descriptor)
{
    if (m_unauthenticated.size() >= MaxUnauthenticated) {
        if (ControlSession* oldest = m_sessions.value(m_unauthenticated.takeFirst()))
            oldest->close();
        noteFailure(QStringLiteral("too many connections in the handshake; the oldest was dropped"));
    }
    const quint64 id = m_nextId++;
    auto* session = new ControlSession(id, descriptor, m_tls, m_limits, this);
    session->agentName = m_agentName;
    session->status = &m_status;
    session->adverts = m_adverts;
    session->history = m_history;
    session->revoked = &m_revoked;
    m_sessions.insert(id, session);
    m_unauthenticated << id;
    connect(session, &ControlSession::request, this, &ControlServer::request);
    connect(session, &ControlSession::authenticated, this, &ControlServer::onAuthenticated);
    connect(session, &ControlSession::finished, this, &ControlServer::onFinished);
}

void ControlServer::onAuthenticated(quint64 id)
{
    m_unauthenticated.removeOne(id);
    ControlSession* session = m_sessions.value(id);
    if (!session)
        return;
    const bool readOnly = !session->mayChange();
    if (m_authenticated >= MaxSessions || (readOnly && m_readOnly >= MaxReadOnlySessions) ||
        m_perIdentity.value(session->identity()) >= MaxPerIdentity) {
        noteFailure(
            QStringLiteral("%1 (%2): too many sessions")
                .arg(session->client(), readOnly ? QStringLiteral("read-only") : QStringLiteral("operator")));
        session->close(ControlError::TooManyConnections);
        return;
    }
    ++m_authenticated;
    m_readOnly += readOnly ? 1 : 0;
    ++m_perIdentity[session->identity()];
    session->setProperty("counted", true);
}

void ControlServer::onFinished(quint64 id, const QString& why)
{
    ControlSession* session = m_sessions.take(id);
    const bool wasUnauthenticated = m_unauthenticated.removeOne(id);
    if (session && session->property("counted").toBool()) {
        --m_authenticated;
        m_readOnly -= session->mayChange() ? 0 : 1;
        if (--m_perIdentity[session->identity()] <= 0)
            m_perIdentity.remove(session->identity());
    }
    if (wasUnauthenticated)
        noteFailure(why);
    else
        qDebug("control: session %llu ended: %s", id, qUtf8Printable(why));
    if (!m_trimTimer.isActive())
        m_trimTimer.start(); // once per burst of closes, not per close
}

void ControlServer::releaseMemory()
{
    // Cheap at this heap size (tens of MB); the arenas are locked one at a time, briefly.
    malloc_trim(0);
}

void ControlServer::noteFailure(const QString& why)
{
    m_lastFailure = why;
    if (m_failures++ == 0) {
        qWarning("control: connection refused: %s", qUtf8Printable(why));
        m_failureWindow.start();
        return;
    }
    if (m_failureWindow.elapsed() >= FailureSummaryMs) {
        qWarning("control: %d more connections refused in %lld s (last: %s)", m_failures - 1,
                 m_failureWindow.elapsed() / 1000, qUtf8Printable(m_lastFailure));
        m_failures = 0;
    }
}

void ControlServer::publishStatus(const QCborMap& body)
{
    m_status = body;
    broadcast(ControlMessage::status(body));
}

void ControlServer::publishHeartbeat(const QCborMap& message)
{
    broadcast(message);
}

void ControlServer::publishEvent(const QCborMap& message)
{
    broadcast(message);
}

void ControlServer::broadcast(const QCborMap& message)
{
    const QByteArray frame = ControlFrame::encode(message); // once for all clients
    const QList<ControlSession*> sessions = m_sessions.values();
    for (ControlSession* s : sessions)
        if (s->ready())
            s->sendEncoded(frame);
}

void ControlServer::deliverReply(quint64 session, const QCborMap& reply)
{
    if (ControlSession* s = m_sessions.value(session))
        s->deliverReply(reply);
}

void ControlServer::setRevoked(const QSet<QByteArray>& serials)
{
    m_revoked = serials;
    const QList<ControlSession*> sessions = m_sessions.values();
    for (ControlSession* s : sessions)
        if (s->ready() && serials.contains(s->serialNumber())) {
            qWarning("control: closing the session of %s: its certificate has been revoked",
                     qUtf8Printable(s->client()));
            s->close(ControlError::CertificateRevoked);
        }
}

void ControlServer::closeAll()
{
    close();
    const QList<ControlSession*> sessions = m_sessions.values();
    for (ControlSession* s : sessions)
        s->close(ControlError::ShuttingDown);
}

} // namespace baton
