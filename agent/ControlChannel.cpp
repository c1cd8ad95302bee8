// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlChannel.h"

#include "ControlService.h"
#include "ControlThread.h"
#include "pki/TlsIdentity.h"

#include <QDateTime>
#include <QDir>

namespace baton {

ControlChannel::ControlChannel(ControlService& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(RetryMs);
    connect(&m_retry, &QTimer::timeout, this, &ControlChannel::attempt);
    m_recheck.setInterval(RecheckMs);
    connect(&m_recheck, &QTimer::timeout, this, &ControlChannel::recheckCertificate);
}

ControlChannel::~ControlChannel()
{
    stop();
}

bool ControlChannel::listening() const
{
    return m_thread != nullptr;
}

quint16 ControlChannel::port() const
{
    return m_thread ? m_thread->port() : 0;
}

void ControlChannel::start(const ControlConfig& config, const QString& stateDir)
{
    if (config == m_config && stateDir == m_stateDir && (listening() || m_retry.isActive())) {
        if (m_revocations)
            loadRevocations({}); // SIGHUP: the deployment may have left a new list
        return;
    }
    stop();
    m_config = config;
    m_stateDir = stateDir;
    if (m_config.listenAddress.isEmpty()) {
        m_service.setControlState({}, 0);
        return;
    }
    attempt();
}

void ControlChannel::stop()
{
    m_retry.stop();
    m_recheck.stop();
    if (m_thread)
        m_thread->stop();
    m_thread.reset();
}

void ControlChannel::setProblem(const QString& code, const QString& message)
{
    m_service.setControlState(code, 0);
    if (message != m_problem)
        qCritical("control channel down: %s; failover runs without it, retrying every %d s",
                  qUtf8Printable(message), RetryMs / 1000);
    m_problem = message;
    m_retry.start();
}

void ControlChannel::attempt()
{
    QString error;
    const std::optional<TlsIdentity> identity =
        TlsIdentity::loadFiles(m_config.caFile, m_config.certFile, m_config.keyFile, &error);
    if (!identity)
        return setProblem(QStringLiteral("tls-files"), error);
    // The agent calls itself by its certificate's name: that is the name the console trusts.
    m_service.setAgentName(identity->certificate.subjectInfo(QSslCertificate::CommonName).value(0));
    loadRevocations(identity->ca.toPem());
    auto thread = std::make_unique<ControlThread>(m_service);
    if (const QString listenError = thread->start(m_config, identity->serverConfiguration());
        !listenError.isEmpty())
        return setProblem(QStringLiteral("listen-failed"), listenError);
    m_thread = std::move(thread);
    m_thread->setRevoked(m_revocations->revoked());
    if (!m_problem.isEmpty())
        qWarning("control channel up again");
    m_problem.clear();
    qInfo("control channel on %s:%d as '%s'", qUtf8Printable(m_config.listenAddress), m_thread->port(),
          qUtf8Printable(m_service.agentName()));
    recheckCertificate();
    m_recheck.start();
}

void ControlChannel::loadRevocations(const QByteArray& caPem)
{
    if (!caPem.isEmpty() || !m_revocations)
        m_revocations = std::make_unique<RevocationStore>(
            QDir(m_stateDir).filePath(QStringLiteral("revoked.crl")), caPem);
    if (const QString error = m_revocations->load(); !error.isEmpty())
        qCritical("control channel: revocation list unusable, no certificate is refused for now: %s",
                  qUtf8Printable(error));
    else if (m_revocations->number() >= 0)
        qInfo("control channel: revocation list %lld in force (%lld certificates)",
              static_cast<long long>(m_revocations->number()),
              static_cast<long long>(m_revocations->revoked().size()));
    if (m_thread)
        m_thread->setRevoked(m_revocations->revoked());
    Q_EMIT revocationsChanged(m_revocations->revoked());
    m_service.setRevocationHandler([this](const QByteArray& pem) { return replaceRevocations(pem); });
}

std::optional<CommandFailure> ControlChannel::replaceRevocations(const QByteArray& pem)
{
    if (const auto failure = m_revocations->replace(pem))
        return failure;
    qWarning("control channel: revocation list %lld in force (%lld certificates)",
             static_cast<long long>(m_revocations->number()),
             static_cast<long long>(m_revocations->revoked().size()));
    if (m_thread)
        m_thread->setRevoked(m_revocations->revoked());
    Q_EMIT revocationsChanged(m_revocations->revoked());
    return std::nullopt;
}

void ControlChannel::recheckCertificate()
{
    QString error;
    const std::optional<TlsIdentity> identity =
        TlsIdentity::loadFiles(m_config.caFile, m_config.certFile, m_config.keyFile, &error);
    if (!identity) {
        // Expired while running: sessions already up keep their keys, new ones would fail.
        m_service.setControlState(QStringLiteral("tls-files"), 0);
        qCritical("control channel: %s", qUtf8Printable(error));
        return;
    }
    const qint64 expires = std::min(identity->certificate.expiryDate().toMSecsSinceEpoch(),
                                    identity->ca.expiryDate().toMSecsSinceEpoch());
    m_service.setControlState({}, expires);
    if (expires - QDateTime::currentMSecsSinceEpoch() < ExpiryWarningMs)
        qWarning("control channel: the agent's certificate or its CA expires on %s: issue a new one "
                 "(batonctl pki issue-agent --replace) before then",
                 qUtf8Printable(QDateTime::fromMSecsSinceEpoch(expires).toUTC().toString(Qt::ISODate)));
}

} // namespace baton
