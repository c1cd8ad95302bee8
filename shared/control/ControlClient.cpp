// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlClient.h"

#include "ControlError.h"
#include "ControlMessage.h"
#include "ControlProtocol.h"

#include <QCoreApplication>
#include <QSslSocket>

namespace baton {

ControlClient::ControlClient(QObject* parent)
    : QObject(parent)
{
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        fail(QCoreApplication::translate("ControlClient", "The agent did not answer within %1 s.")
                 .arg(ConnectTimeoutMs / 1000));
    });
}

ControlClient::~ControlClient()
{
    if (m_socket) {
        m_socket->disconnect(this); // a destructor reports nothing
        m_socket->abort();
    }
}

void ControlClient::connectToAgent(const QString& host, quint16 port)
{
    disconnectFromAgent();
    m_decoder = ControlFrame(ControlFrame::MaxAgentPayload);
    m_ready = m_helloSeen = false;
    m_sslError.clear();
    m_lastHeard.invalidate();
    m_socket = new QSslSocket(this);
    m_socket->setSslConfiguration(m_tls);
    QSslSocket* socket = m_socket;
    connect(socket, &QSslSocket::readyRead, this, &ControlClient::onReadyRead);
    connect(socket, &QSslSocket::encrypted, this,
            [this] { m_socket->write(ControlFrame::encode(ControlMessage::clientHello(m_software))); });
    connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        QStringList texts;
        for (const QSslError& e : errors)
            texts << e.errorString();
        m_sslError = QCoreApplication::translate("ControlClient", "The agent's certificate was refused: %1")
                         .arg(texts.join(QStringLiteral("; ")));
    });
    connect(socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (!m_sslError.isEmpty())
            return fail(m_sslError);
        // Under TLS 1.3 an agent refusing our certificate shows up as a close right after the
        // handshake, before its hello: say what that most likely means.
        if (error == QAbstractSocket::RemoteHostClosedError && !m_helloSeen && m_socket->isEncrypted())
            return fail(QCoreApplication::translate(
                "ControlClient", "The agent closed the connection after the handshake: "
                                 "it probably does not accept this console's certificate."));
        fail(m_socket->errorString());
    });
    connect(socket, &QSslSocket::disconnected, this, [this] {
        fail(QCoreApplication::translate("ControlClient", "The agent closed the connection."));
    });
    m_connectTimer.start(ConnectTimeoutMs);
    socket->connectToHostEncrypted(host, port);
}

void ControlClient::disconnectFromAgent()
{
    m_connectTimer.stop();
    if (!m_socket)
        return;
    QSslSocket* socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    m_ready = false;
}

qint64 ControlClient::send(ControlRequest request)
{
    if (!m_ready || !m_socket)
        return 0;
    request.id = m_nextId++;
    m_socket->write(ControlFrame::encode(request.toCbor()));
    return request.id;
}

void ControlClient::onReadyRead()
{
    if (!m_socket)
        return;
    m_decoder.feed(m_socket->readAll());
    m_lastHeard.start();
    while (m_socket) {
        const std::optional<QCborMap> message = m_decoder.next();
        if (!message)
            break;
        handle(*message);
    }
    if (m_socket && m_decoder.error() != ControlFrame::Error::None)
        fail(QCoreApplication::translate("ControlClient", "The agent sent a malformed frame (%1).")
                 .arg(QLatin1StringView(ControlFrame::errorCode(m_decoder.error()))));
}

void ControlClient::handle(const QCborMap& m)
{
    using namespace control;
    const QString type = ControlMessage::typeOf(m);
    if (!m_helloSeen) {
        if (type == type::Error)
            return fail(ControlErrors::describe(m.value(key::Error).toString()));
        if (type != type::Hello || m.value(key::Version).toInteger() != Version)
            return fail(
                QCoreApplication::translate("ControlClient", "The agent speaks another protocol version."));
        m_helloSeen = true;
        m_agentName = m.value(key::Agent).toString();
        // Anything but "operator" reads as read-only: the agent decides in any case.
        m_access = ConsoleRole::fromName(m.value(key::Access).toString()).value_or(ConsoleAccess::ReadOnly);
        return;
    }
    if (type == type::Status) {
        QString error;
        std::optional<AgentStatus> s = AgentStatus::fromCbor(m, &error);
        if (!s)
            return fail(QCoreApplication::translate("ControlClient",
                                                    "The agent sent a status this console cannot read: %1")
                            .arg(error));
        m_status = s;
        if (!m_ready) {
            m_ready = true;
            m_connectTimer.stop();
            Q_EMIT ready();
        }
        Q_EMIT statusReceived(*m_status);
    } else if (type == type::Event) {
        QString error;
        if (const std::optional<ControlEvent> e = ControlEvent::fromMessage(m, &error))
            Q_EMIT eventReceived(*e);
        else // one bad event is no reason to drop the status and heartbeats that still read
            qWarning("control: ignored an event from %s: %s", qUtf8Printable(m_agentName),
                     qUtf8Printable(error));
    } else if (type == type::Heartbeat) {
        Q_EMIT heartbeatReceived(m.value(key::Time).toInteger());
    } else if (type == type::Reply) {
        const qint64 id = m.value(key::Id).toInteger();
        if (m.value(key::Ok).toBool())
            Q_EMIT replied(id, m.value(key::Data).toMap());
        else
            Q_EMIT refused(id, m.value(key::Error).toString(), m.value(key::Detail).toMap());
    } else if (type == type::Error) {
        fail(ControlErrors::describe(m.value(key::Error).toString()));
    }
    // Unknown types are ignored: a newer agent may push more than this console knows.
}

void ControlClient::fail(const QString& reason)
{
    if (!m_socket)
        return;
    disconnectFromAgent();
    Q_EMIT disconnected(reason);
}

} // namespace baton
