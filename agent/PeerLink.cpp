// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerLink.h"

#include "ControlService.h"
#include "GroupRunner.h"
#include "PeerEndpoint.h"
#include "RealtimeSetup.h"
#include "RevocationStore.h"
#include "carp/CarpStateNames.h"
#include "peer/PeerNoticeCheck.h"
#include "peer/PeerProtocol.h"
#include "pki/TlsIdentity.h"

#include <QDir>
#include <QHostAddress>

#include <algorithm>

namespace baton {

namespace {
QList<quint32> sortedVips(const GroupConfig& config)
{
    QList<quint32> vips;
    for (const Ipv4Prefix& v : config.vips)
        vips << v.address;
    std::sort(vips.begin(), vips.end());
    return vips;
}
} // namespace

PeerLink::PeerLink(ControlService& service, Groups groups, QObject* parent)
    : QObject(parent)
    , m_service(service)
    , m_groups(std::move(groups))
{
    qRegisterMetaType<PeerNotice>();
    m_thread.setObjectName(QStringLiteral("peer"));
    connect(
        &m_thread, &QThread::started, &m_thread,
        [] {
            // Normal scheduling, whatever the main thread runs at: TLS work must not compete with
            // the adverts, and must not wait behind niced work either.
            if (!RealtimeSetup::normalise())
                qWarning("peer link: cannot return its thread to normal scheduling");
        },
        Qt::DirectConnection);
    m_retry.setSingleShot(true);
    m_retry.setInterval(RetryMs);
    connect(&m_retry, &QTimer::timeout, this, &PeerLink::attempt);
}

PeerLink::~PeerLink()
{
    stop();
}

void PeerLink::start(const ControlConfig& config, const QString& stateDir)
{
    if (config == m_config && stateDir == m_stateDir && (m_endpoint || m_retry.isActive()))
        return;
    stop();
    m_config = config;
    m_stateDir = stateDir;
    if (m_config.peerAddress.isEmpty()) {
        m_service.setPeerLink(std::nullopt);
        return;
    }
    attempt();
}

void PeerLink::stop()
{
    m_retry.stop();
    if (!m_endpoint)
        return;
    PeerEndpoint* endpoint = m_endpoint;
    m_endpoint = nullptr;
    QMetaObject::invokeMethod(
        endpoint,
        [endpoint] {
            endpoint->shutdown();
            delete endpoint;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void PeerLink::attempt()
{
    const QString partner = QStringLiteral("%1:%2").arg(m_config.peerAddress).arg(m_config.peerPort);
    QString error;
    const std::optional<TlsIdentity> identity =
        TlsIdentity::loadFiles(m_config.caFile, m_config.certFile, m_config.keyFile, &error);
    if (!identity) {
        if (error != m_problem)
            qCritical("peer link to %s down: %s; failover runs on CARP's timing alone, retrying every %d s",
                      qUtf8Printable(partner), qUtf8Printable(error), RetryMs / 1000);
        m_problem = error;
        setDirections(peer::problem::TlsFiles, peer::problem::TlsFiles, std::nullopt);
        m_retry.start();
        return;
    }
    RevocationStore revocations(QDir(m_stateDir).filePath(QStringLiteral("revoked.crl")),
                                identity->ca.toPem());
    if (const QString problem = revocations.load(); !problem.isEmpty())
        qCritical("peer link: revocation list unusable, no certificate is refused for now: %s",
                  qUtf8Printable(problem));
    m_revoked = revocations.revoked();

    const QString name = identity->certificate.subjectInfo(QSslCertificate::CommonName).value(0);
    PeerConnection::Setup dial{identity->clientConfiguration(), name, QHostAddress(m_config.peerAddress),
                               m_config.peerPort, nullptr};
    PeerConnection::Setup accept{identity->serverConfiguration(), name, QHostAddress(m_config.peerAddress), 0,
                                 nullptr};
    QString dialProblem;
    if (!identity->hasClientUsage()) {
        dialProblem = peer::problem::NotForClient;
        qCritical("peer link: this agent's certificate %s may not act as a TLS client, so it cannot dial its "
                  "partner: issue it again (batonctl pki issue-agent --replace)",
                  qUtf8Printable(m_config.certFile));
    }
    auto* endpoint = new PeerEndpoint(dial, accept, m_revoked, dialProblem);
    const QString listenProblem =
        endpoint->listen(QHostAddress(m_config.peerListenAddress), m_config.peerListenPort)
            ? QString()
            : QStringLiteral("peer listener %1:%2: %3")
                  .arg(m_config.peerListenAddress)
                  .arg(m_config.peerListenPort)
                  .arg(endpoint->errorString());
    if (!listenProblem.isEmpty()) {
        if (listenProblem != m_problem)
            qCritical("%s; retrying every %d s", qUtf8Printable(listenProblem), RetryMs / 1000);
        m_problem = listenProblem;
        delete endpoint;
        setDirections(dialProblem.isEmpty() ? QString(peer::problem::Connecting) : dialProblem,
                      peer::problem::ListenFailed, std::nullopt);
        m_retry.start();
        return;
    }
    m_problem.clear();
    m_endpoint = endpoint;
    m_endpoint->moveToThread(&m_thread);
    connect(m_endpoint, &PeerEndpoint::directionsChanged, this,
            [this](const QString& to, const QString& from, bool offsetKnown, qint64 offsetMs) {
                setDirections(to, from, offsetKnown ? std::optional<qint64>(offsetMs) : std::nullopt);
            });
    connect(m_endpoint, &PeerEndpoint::notice, this, &PeerLink::onNotice);
    connect(m_endpoint, &PeerEndpoint::told, this, [this](int vhid, bool sent) {
        if (sent)
            qWarning("vhid %d: told the partner at once that this node lost its link", vhid);
        else
            qWarning("vhid %d: cannot tell the partner that this node lost its link (the peer link is down): "
                     "it takes over after its master-down interval",
                     vhid);
    });
    connect(m_endpoint, &PeerEndpoint::verdictHeard, this, [](const QString& verdict, qint64 seq) {
        qInfo("peer link: the partner's answer to notice %lld: %s", seq, qUtf8Printable(verdict));
    });
    m_thread.start();
    QMetaObject::invokeMethod(m_endpoint, &PeerEndpoint::begin);
    qInfo("peer link: listening on %s:%d for the partner at %s", qUtf8Printable(m_config.peerListenAddress),
          m_config.peerListenPort, qUtf8Printable(partner));
}

void PeerLink::setDirections(const QString& toPartner, const QString& fromPartner,
                             std::optional<qint64> offsetMs)
{
    PeerLinkStatus status;
    status.partner = QStringLiteral("%1:%2").arg(m_config.peerAddress).arg(m_config.peerPort);
    status.toPartner = toPartner;
    status.fromPartner = fromPartner;
    status.clockOffsetMs = offsetMs;
    m_service.setPeerLink(status);
}

void PeerLink::setRevoked(const QSet<QByteArray>& serials)
{
    m_revoked = serials;
    if (m_endpoint)
        QMetaObject::invokeMethod(m_endpoint,
                                  [endpoint = m_endpoint, serials] { endpoint->setRevoked(serials); });
}

void PeerLink::watch(GroupRunner* group)
{
    connect(group, &GroupRunner::stateChanged, this,
            [this, group](CarpState from, CarpState, CarpReason reason) {
                if (from == CarpState::Master && reason == CarpReason::LinkDown)
                    onGroupLeftMaster(group);
            });
}

void PeerLink::onGroupLeftMaster(GroupRunner* group)
{
    // The VIPs are gone from here already (the machine removes them before it reports the change).
    if (!m_endpoint)
        return;
    const GroupConfig& c = group->config();
    QMetaObject::invokeMethod(m_endpoint,
                              [endpoint = m_endpoint, vhid = int(c.vhid), source = c.source,
                               vips = sortedVips(c)] { endpoint->tellLinkLost(vhid, source, vips); });
}

void PeerLink::onNotice(const PeerNotice& notice)
{
    const QString verdict = decide(notice);
    const PeerMessage& m = notice.message;
    if (verdict == QLatin1StringView(CarpStateNames::partnerVerdict(PartnerVerdict::TakenOver)))
        qWarning("peer link: the partner (%s) lost its link on vhid %d: taken over at once",
                 qUtf8Printable(Ipv4::toString(m.source)), m.vhid);
    else if (verdict == QLatin1StringView(CarpStateNames::partnerVerdict(PartnerVerdict::Claiming)))
        qWarning("peer link: the partner (%s) lost its link on vhid %d, and no master has been heard "
                 "here yet: claiming (MASTER after the claim window unless a master answers)",
                 qUtf8Printable(Ipv4::toString(m.source)), m.vhid);
    else
        qWarning("peer link: the partner's notice that %s lost its link on vhid %d refused: %s",
                 qUtf8Printable(Ipv4::toString(m.source)), m.vhid, qUtf8Printable(verdict));
    if (m_endpoint)
        QMetaObject::invokeMethod(m_endpoint, [endpoint = m_endpoint, c = notice.connection, seq = m.seq,
                                               verdict] { endpoint->answer(c, seq, verdict); });
}

QString PeerLink::decide(const PeerNotice& notice)
{
    const PeerMessage& m = notice.message;
    const std::vector<GroupRunner*> groups = m_groups();
    const auto group = std::find_if(groups.begin(), groups.end(), [&m](GroupRunner* g) {
        return g->config().vhid == m.vhid && sortedVips(g->config()) == m.vips;
    });
    if (group == groups.end())
        return peer::refusal::UnknownGroup;
    const qint64 maxAge = PeerNoticeCheck::maxAgeMs((*group)->machine().peerMasterDown());
    if (const QString stale =
            PeerNoticeCheck::freshness(m.timeMs, notice.receivedMs, notice.offsetMs, maxAge);
        !stale.isEmpty())
        return stale;
    return QString::fromLatin1(CarpStateNames::partnerVerdict((*group)->partnerLinkLost(m.source)));
}

} // namespace baton
