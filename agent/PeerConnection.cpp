// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerConnection.h"

#include "peer/PeerNoticeCheck.h"
#include "peer/PeerProtocol.h"
#include "pki/ConsoleRole.h"
#include "pki/RevocationList.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSslSocket>

namespace baton {

namespace {
constexpr int CloseGraceMs = 1000;

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

PeerConnection::PeerConnection(quint64 id, const Setup& setup, QObject* parent)
    : QObject(parent)
    , m_id(id)
    , m_setup(setup)
    , m_dialler(true)
    , m_socket(new QSslSocket(this))
    , m_decoder(peer::MaxPayload)
{
    wire();
    m_socket->connectToHostEncrypted(m_setup.partner.toString(), m_setup.partnerPort);
}

PeerConnection::PeerConnection(quint64 id, qintptr descriptor, const Setup& setup, QObject* parent)
    : QObject(parent)
    , m_id(id)
    , m_setup(setup)
    , m_dialler(false)
    , m_socket(new QSslSocket(this))
    , m_decoder(peer::MaxPayload)
{
    wire();
    if (!m_socket->setSocketDescriptor(descriptor)) {
        // Reported once the caller has connected to finished().
        QMetaObject::invokeMethod(
            this, [this] { close(QStringLiteral("cannot adopt the connection"), peer::problem::NotCalling); },
            Qt::QueuedConnection);
        return;
    }
    m_socket->startServerEncryption();
}

void PeerConnection::wire()
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_up)
            close(QStringLiteral("nothing heard for %1 s").arg(peer::SilenceMs / 1000),
                  peer::problem::PartnerSilent);
        else if (m_socket->isEncrypted())
            close(QStringLiteral("no hello in time"), peer::problem::PartnerSilent);
        else
            close(QStringLiteral("no TLS connection within %1 s").arg(peer::HandshakeMs / 1000),
                  m_socket->state() == QAbstractSocket::ConnectedState ? peer::problem::HandshakeFailed
                                                                       : peer::problem::Unreachable);
    });
    m_deadline.start(peer::HandshakeMs);
    m_alive.setInterval(peer::AliveMs);
    connect(&m_alive, &QTimer::timeout, this, &PeerConnection::sendAlive);
    m_socket->setSslConfiguration(m_setup.tls);
    m_socket->setReadBufferSize(16 * 1024); // a flood meets TCP flow control, not our heap
    connect(m_socket, &QSslSocket::encrypted, this, &PeerConnection::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &PeerConnection::onReadyRead);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        m_tlsError = errors.isEmpty() ? QStringLiteral("TLS error") : errors.first().errorString();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        const QString text = m_tlsError.isEmpty() ? m_socket->errorString() : m_tlsError;
        if (m_up)
            return close(text, peer::problem::Connecting); // the partner went away: dial again
        // TLS 1.3: a partner refusing our certificate shows as a close right after our handshake.
        const bool tls = !m_tlsError.isEmpty() || m_socket->isEncrypted() ||
                         error == QAbstractSocket::SslHandshakeFailedError ||
                         error == QAbstractSocket::RemoteHostClosedError;
        close(text, tls ? peer::problem::HandshakeFailed : peer::problem::Unreachable);
    });
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        close(QStringLiteral("closed by the partner"),
              m_up ? peer::problem::Connecting : peer::problem::HandshakeFailed);
    });
}

QString PeerConnection::identityProblem() const
{
    // The chain (our CA only) and the purpose are OpenSSL's checks; who it is is ours.
    const QSslCertificate certificate = m_socket->peerCertificate();
    if (!ConsoleRole::isAgent(certificate))
        return QStringLiteral("its certificate is not an agent's");
    if (m_setup.revoked && m_setup.revoked->contains(RevocationList::serialOf(certificate.toPem())))
        return QStringLiteral("its certificate has been revoked");
    if (m_dialler)
        return {}; // Qt checked that it names the address we dialled
    const QStringList addresses = certificate.subjectAlternativeNames().values(QSsl::IpAddressEntry);
    for (const QString& address : addresses)
        if (QHostAddress(address).isEqual(m_setup.partner, QHostAddress::ConvertV4MappedToIPv4))
            return {};
    return QStringLiteral("its certificate (CN=%1) does not name the partner's address %2")
        .arg(certificate.subjectInfo(QSslCertificate::CommonName).value(0).left(64),
             m_setup.partner.toString());
}

void PeerConnection::onEncrypted()
{
    if (m_finished)
        return;
    if (const QString problem = identityProblem(); !problem.isEmpty()) {
        send(PeerMessage::refused(peer::problem::NotPartner));
        return close(problem, peer::problem::NotPartner);
    }
    if (!m_dialler) {
        m_nonce =
            static_cast<qint64>(QRandomGenerator::system()->generate64() % quint64(peer::MaxCounter)) + 1;
        send(PeerMessage::hello(m_setup.agentName, m_nonce));
    } else {
        send(PeerMessage::hello(m_setup.agentName));
    }
    m_deadline.start(peer::HandshakeMs);
}

void PeerConnection::onReadyRead()
{
    if (m_finished) {
        m_socket->readAll();
        return;
    }
    m_decoder.feed(m_socket->readAll());
    while (!m_finished) {
        const std::optional<QCborMap> map = m_decoder.next();
        if (!map)
            break;
        QString error;
        const std::optional<PeerMessage> message = PeerMessage::fromCbor(*map, &error);
        if (!message)
            return close(QStringLiteral("bad message: %1").arg(error), peer::problem::BadVersion);
        handle(*message);
    }
    if (!m_finished && m_decoder.error() != ControlFrame::Error::None)
        close(QStringLiteral("bad frame: %1")
                  .arg(QLatin1StringView(ControlFrame::errorCode(m_decoder.error()))),
              peer::problem::BadVersion);
}

void PeerConnection::handle(const PeerMessage& message)
{
    using Type = PeerMessage::Type;
    if (message.type == Type::Refused)
        return close(QStringLiteral("refused by the partner: %1").arg(message.verdict),
                     message.verdict.isEmpty() ? QString(peer::problem::HandshakeFailed) : message.verdict);
    if (!m_helloSeen) {
        if (message.type != Type::Hello)
            return close(QStringLiteral("no hello first"), peer::problem::BadVersion);
        return handleHello(message);
    }
    const qint64 now = wallMs();
    if (!m_dialler && (message.type == Type::Alive || message.type == Type::LinkLost)) {
        if (const QString refusal = PeerNoticeCheck::sequence(message, m_nonce, m_lastSeq);
            !refusal.isEmpty()) {
            qWarning("peer link: refused a %s from the partner: %s (seq %lld, last %lld)",
                     message.type == Type::Alive ? "alive" : "link-lost", qUtf8Printable(refusal),
                     message.seq, m_lastSeq);
            if (message.type == Type::LinkLost)
                send(PeerMessage::answer(message.seq, refusal));
            return;
        }
        m_lastSeq = message.seq;
        heard();
        if (message.type == Type::Alive) {
            m_offsetMs = now - message.timeMs;
            return send(PeerMessage::ack(message.seq, now));
        }
        return Q_EMIT noticeReceived(m_id, message, now);
    }
    if (m_dialler && message.type == Type::Ack) {
        heard();
        m_offsetMs = now - message.timeMs;
        return;
    }
    if (m_dialler && message.type == Type::Verdict) {
        heard();
        return Q_EMIT verdictReceived(m_id, message);
    }
    close(QStringLiteral("unexpected '%1' message")
              .arg(message.toCbor().value(QLatin1StringView("t")).toString()),
          peer::problem::BadVersion);
}

void PeerConnection::handleHello(const PeerMessage& message)
{
    if (message.version != peer::Version) {
        send(PeerMessage::refused(peer::problem::BadVersion));
        return close(QStringLiteral("the partner speaks peer-link version %1, we speak %2")
                         .arg(message.version)
                         .arg(peer::Version),
                     peer::problem::BadVersion);
    }
    if (m_dialler) {
        if (message.nonce == 0)
            return close(QStringLiteral("the partner's hello has no nonce"), peer::problem::BadVersion);
        m_nonce = message.nonce;
    }
    m_helloSeen = true;
    m_up = true;
    m_deadline.start(peer::SilenceMs);
    if (m_dialler) {
        sendAlive(); // at once: the partner learns our clock's offset before any notice can matter
        m_alive.start();
    }
    Q_EMIT established(m_id);
}

void PeerConnection::heard()
{
    m_deadline.start(peer::SilenceMs);
}

void PeerConnection::sendAlive()
{
    send(PeerMessage::alive(m_nonce, ++m_lastSeq, wallMs()));
}

qint64 PeerConnection::sendLinkLost(int vhid, quint32 source, const QList<quint32>& vips)
{
    if (!m_up || !m_dialler)
        return 0;
    const qint64 seq = ++m_lastSeq;
    send(PeerMessage::linkLost(m_nonce, seq, wallMs(), vhid, source, vips));
    m_socket->flush(); // now, not when the event loop next gets round to it
    return seq;
}

void PeerConnection::answer(qint64 seq, const QString& verdict)
{
    if (m_up && !m_dialler)
        send(PeerMessage::answer(seq, verdict));
}

void PeerConnection::send(const PeerMessage& message)
{
    if (m_finished || !m_socket->isEncrypted())
        return;
    m_socket->write(ControlFrame::encode(message.toCbor()));
}

void PeerConnection::close(const QString& why, const QString& problem)
{
    if (m_finished)
        return;
    m_finished = true;
    m_up = false;
    m_deadline.stop();
    m_alive.stop();
    m_socket->disconnectFromHost(); // what was written leaves first
    QTimer::singleShot(CloseGraceMs, this, [this] {
        m_socket->abort();
        deleteLater();
    });
    Q_EMIT finished(m_id, why, problem);
}

} // namespace baton
