// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlSession.h"

#include "AdvertHistory.h"
#include "EventJournal.h"
#include "LogRing.h"
#include "control/ControlMessage.h"
#include "control/ControlProtocol.h"
#include "pki/ConsoleRole.h"
#include "pki/RevocationList.h"

#include <QCborArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QSslSocket>

namespace baton {

namespace {
constexpr int CloseGraceMs = 2000;
constexpr int MaxRefusedInARow = 100; // a client that only earns refusals is cut off
} // namespace

ControlSession::ControlSession(quint64 id, qintptr descriptor, const QSslConfiguration& tls,
                               const Limits& limits, QObject* parent)
    : QObject(parent)
    , m_id(id)
    , m_limits(limits)
    , m_socket(new QSslSocket(this))
    , m_tokens(limits.requestBurst)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_phase == Phase::Handshake)
            finish(QStringLiteral("TLS handshake not completed in time"));
        else
            close(ControlError::Timeout);
    });
    connect(m_socket, &QSslSocket::encrypted, this, &ControlSession::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &ControlSession::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this,
            [this] { finish(QStringLiteral("closed by the client")); });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        m_closeReason = errors.isEmpty() ? QStringLiteral("TLS error") : errors.first().errorString();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        finish(m_closeReason.isEmpty() ? m_socket->errorString() : m_closeReason);
    });
    m_tokenClock.start();
    m_socket->setSslConfiguration(tls);
    // Qt reads no further ahead than this: a flooding client meets TCP flow control, not our heap.
    m_socket->setReadBufferSize(64 * 1024);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        finish(QStringLiteral("cannot adopt the connection"));
        return;
    }
    m_deadline.start(m_limits.handshakeMs);
    m_socket->startServerEncryption();
}

void ControlSession::onEncrypted()
{
    if (m_phase == Phase::Closing)
        return; // evicted while the handshake was still running
    // The CA check is OpenSSL's (VerifyPeer with only our CA); the role is read from the
    // certificate, never from anything the client says.
    const QSslCertificate peer = m_socket->peerCertificate();
    m_client = peer.subjectInfo(QSslCertificate::CommonName).value(0).left(64);
    m_mayChange = ConsoleRole::of(peer) == ConsoleAccess::Operator;
    m_identity = peer.digest(QCryptographicHash::Sha256);
    m_serial = RevocationList::serialOf(peer.toPem());
    m_phase = Phase::Hello;
    if (revoked && revoked->contains(m_serial))
        return close(ControlError::CertificateRevoked);
    // Agents' certificates may act as TLS clients (their partner's peer link), but an agent is no
    // console: a key stolen from one server must not read or drive the other.
    if (ConsoleRole::isAgent(peer))
        return close(ControlError::NotPermitted);
    m_deadline.start(m_limits.helloMs);
    send(ControlMessage::agentHello(
        agentName, QStringLiteral(BATON_VERSION), m_client,
        ConsoleRole::name(m_mayChange ? ConsoleAccess::Operator : ConsoleAccess::ReadOnly)));
    Q_EMIT authenticated(m_id);
}

void ControlSession::onReadyRead()
{
    if (m_phase == Phase::Closing) {
        m_socket->readAll(); // drain; nothing more is answered
        return;
    }
    m_decoder.feed(m_socket->readAll());
    while (m_phase != Phase::Closing) {
        const std::optional<QCborMap> message = m_decoder.next();
        if (!message)
            break;
        handle(*message);
    }
    if (m_phase == Phase::Closing)
        return;
    if (m_decoder.error() != ControlFrame::Error::None) {
        QCborMap detail;
        detail[QLatin1StringView("frame")] = QString::fromLatin1(ControlFrame::errorCode(m_decoder.error()));
        send(ControlMessage::error(ControlError::BadFrame, detail));
        close();
        return;
    }
    // A frame that has begun must be completed in time: a peer trickling bytes cannot hold a slot.
    if (m_phase == Phase::Ready) {
        if (m_decoder.buffered() == 0)
            m_deadline.stop();
        else if (!m_deadline.isActive())
            m_deadline.start(m_limits.frameMs);
    }
}

void ControlSession::handle(const QCborMap& message)
{
    const QString type = ControlMessage::typeOf(message);
    if (m_phase == Phase::Hello) {
        if (type != control::type::Hello)
            return close(ControlError::HelloRequired);
        return handleHello(message);
    }
    if (type == control::type::Request)
        return handleRequest(message);
    return close(ControlError::BadMessage);
}

void ControlSession::handleHello(const QCborMap& message)
{
    const QCborValue version = message.value(control::key::Version);
    if (!version.isInteger() || version.toInteger() != control::Version) {
        QCborMap detail;
        detail[QLatin1StringView("supported")] = QCborArray{control::Version};
        send(ControlMessage::error(ControlError::UnsupportedVersion, detail));
        return close();
    }
    m_phase = Phase::Ready;
    m_deadline.stop();
    if (status)
        send(ControlMessage::status(*status));
}

bool ControlSession::takeToken()
{
    const double elapsed = static_cast<double>(m_tokenClock.restart()) / 1000.0;
    m_tokens = std::min(m_limits.requestBurst, m_tokens + elapsed * m_limits.requestsPerSecond);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

void ControlSession::handleRequest(const QCborMap& message)
{
    auto parsed = ControlRequest::parse(message);
    if (auto* refusal = std::get_if<ControlRequest::Refusal>(&parsed)) {
        if (++m_refusedInARow > MaxRefusedInARow)
            return close(refusal->error);
        return send(ControlMessage::refused(refusal->id, refusal->error, refusal->detail));
    }
    const ControlRequest& r = std::get<ControlRequest>(parsed);
    if (!takeToken() || m_inFlight >= m_limits.maxInFlight) {
        if (++m_refusedInARow > MaxRefusedInARow)
            return close(ControlError::RateLimited);
        return send(ControlMessage::refused(r.id, ControlError::RateLimited));
    }
    m_refusedInARow = 0;
    // Read-only verbs that need nothing from the main thread are answered here.
    if (r.verb == ControlRequest::Verb::Log) {
        QCborArray lines;
        for (const QString& line : LogRing::instance().last(r.lines))
            lines.append(line);
        QCborMap data;
        data[control::key::Lines] = lines;
        return send(ControlMessage::ok(r.id, data));
    }
    if (r.verb == ControlRequest::Verb::Status && status)
        return send(ControlMessage::ok(r.id, *status));
    const bool heavy = r.verb == ControlRequest::Verb::Adverts || r.verb == ControlRequest::Verb::History;
    if (heavy && m_lastHeavy.isValid() && m_lastHeavy.elapsed() < m_limits.advertsIntervalMs)
        return send(ControlMessage::refused(r.id, ControlError::RateLimited));
    if (heavy)
        m_lastHeavy.start();
    if (r.verb == ControlRequest::Verb::History && history) {
        QCborArray list;
        for (const ControlEvent& e : history->since(r.sinceMs, r.limit))
            list.append(e.toMessage());
        QCborMap data;
        data[control::key::Events] = list;
        return send(ControlMessage::ok(r.id, data));
    }
    if (r.verb == ControlRequest::Verb::Adverts && adverts) {
        // Built here, on the niced control thread: the CARP loop only copied a few numbers.
        QCborArray list;
        for (const AdvertRecord& a : adverts->since(QDateTime::currentMSecsSinceEpoch(), r.seconds))
            list.append(a.toCbor());
        QCborMap data;
        data[control::key::Adverts] = list;
        return send(ControlMessage::ok(r.id, data));
    }
    ++m_inFlight;
    Q_EMIT request(m_id, r, m_client, m_mayChange);
}

void ControlSession::deliverReply(const QCborMap& reply)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    if (m_phase == Phase::Ready)
        send(reply);
}

void ControlSession::send(const QCborMap& message)
{
    sendEncoded(ControlFrame::encode(message));
}

void ControlSession::sendEncoded(const QByteArray& frame)
{
    if (m_phase == Phase::Handshake || m_finished)
        return;
    // A client that does not read must not make the agent buffer without bound.
    if (m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() > m_limits.maxBacklog) {
        m_socket->abort();
        finish(QStringLiteral("not reading (backlog over %1 bytes)").arg(m_limits.maxBacklog));
        return;
    }
    m_socket->write(frame);
}

void ControlSession::close(std::optional<ControlError> error)
{
    if (m_phase == Phase::Closing || m_finished)
        return;
    if (error)
        send(ControlMessage::error(*error));
    if (m_finished)
        return;
    m_closeReason = error ? QString(ControlErrors::code(*error)) : QStringLiteral("closed by the agent");
    m_phase = Phase::Closing;
    m_deadline.stop();
    m_socket->disconnectFromHost(); // flushes first
    QTimer::singleShot(CloseGraceMs, this, [this] {
        m_socket->abort();
        finish(m_closeReason);
    });
}

void ControlSession::finish(const QString& why)
{
    if (m_finished)
        return;
    m_finished = true;
    m_phase = Phase::Closing;
    m_deadline.stop();
    Q_EMIT finished(m_id, m_closeReason.isEmpty() ? why : m_closeReason);
    deleteLater();
}

} // namespace baton
