// SPDX-License-Identifier: GPL-3.0-or-later
#include "PeerEndpoint.h"

#include "peer/PeerProtocol.h"

namespace baton {

namespace {
constexpr int OffsetReportMs = 10'000;
constexpr qint64 RefusalSummaryMs = 60'000;
} // namespace

PeerEndpoint::PeerEndpoint(const PeerConnection::Setup& dial, const PeerConnection::Setup& accept,
                           QSet<QByteArray> revoked, QString dialProblem, QObject* parent)
    : QTcpServer(parent)
    , m_dialSetup(dial)
    , m_acceptSetup(accept)
    , m_revoked(std::move(revoked))
    , m_dialProblem(std::move(dialProblem))
    , m_toProblem(m_dialProblem.isEmpty() ? QString(peer::problem::Connecting) : m_dialProblem)
    , m_fromProblem(peer::problem::NotCalling)
    , m_redial(this) // children, so moveToThread() takes them along
    , m_offsetReport(this)
{
    m_dialSetup.revoked = &m_revoked;
    m_acceptSetup.revoked = &m_revoked;
    m_redial.setSingleShot(true);
    m_redial.setInterval(peer::RedialMs);
    connect(&m_redial, &QTimer::timeout, this, &PeerEndpoint::dial);
    m_offsetReport.setInterval(OffsetReportMs);
    connect(&m_offsetReport, &QTimer::timeout, this, [this] {
        m_reported.clear(); // the offset drifts: send it again even if nothing else changed
        report();
    });
}

void PeerEndpoint::begin()
{
    m_offsetReport.start();
    dial();
    report();
}

void PeerEndpoint::dial()
{
    if (m_stopping || m_outgoing || !m_dialProblem.isEmpty())
        return;
    m_outgoing = new PeerConnection(m_nextId++, m_dialSetup, this);
    connect(m_outgoing, &PeerConnection::established, this, &PeerEndpoint::onEstablished);
    connect(m_outgoing, &PeerConnection::finished, this, &PeerEndpoint::onFinished);
    connect(m_outgoing, &PeerConnection::verdictReceived, this,
            [this](quint64, const PeerMessage& m) { Q_EMIT verdictHeard(m.verdict, m.seq); });
}

void PeerEndpoint::incomingConnection(qintptr descriptor)
{
    if (m_pendingOrder.size() >= MaxUnauthenticated)
        if (PeerConnection* oldest = m_pending.value(m_pendingOrder.first()))
            oldest->close(QStringLiteral("too many connections in the handshake"), peer::problem::NotCalling);
    const quint64 id = m_nextId++;
    auto* connection = new PeerConnection(id, descriptor, m_acceptSetup, this);
    m_pending.insert(id, connection);
    m_pendingOrder << id;
    connect(connection, &PeerConnection::established, this, &PeerEndpoint::onEstablished);
    connect(connection, &PeerConnection::finished, this, &PeerEndpoint::onFinished);
    connect(connection, &PeerConnection::noticeReceived, this,
            [this, connection](quint64 from, const PeerMessage& message, qint64 receivedMs) {
                Q_EMIT notice(PeerNotice{from, message, receivedMs, connection->offsetMs()});
            });
}

void PeerEndpoint::onEstablished(quint64 id)
{
    if (m_outgoing && m_outgoing->id() == id) {
        m_toProblem.clear();
        qInfo("peer link: connected to the partner at %s:%d", qUtf8Printable(m_dialSetup.partner.toString()),
              m_dialSetup.partnerPort);
    } else if (PeerConnection* connection = m_pending.take(id)) {
        m_pendingOrder.removeOne(id);
        // The partner's newest connection wins: an older one may be half-dead after a network fault.
        if (m_incoming)
            m_incoming->close(QStringLiteral("replaced by a newer connection from the partner"));
        m_incoming = connection;
        m_fromProblem.clear();
        qInfo("peer link: the partner at %s is connected", qUtf8Printable(m_acceptSetup.partner.toString()));
    }
    report();
}

void PeerEndpoint::onFinished(quint64 id, const QString& why, const QString& problem)
{
    if (m_outgoing && m_outgoing->id() == id) {
        const bool wasUp = m_toProblem.isEmpty();
        m_outgoing = nullptr;
        if (wasUp || problem != m_toProblem)
            qWarning("peer link: connection to the partner at %s:%d %s: %s",
                     qUtf8Printable(m_dialSetup.partner.toString()), m_dialSetup.partnerPort,
                     wasUp ? "lost" : "failed", qUtf8Printable(why));
        m_toProblem = problem.isEmpty() ? QString(peer::problem::Connecting) : problem;
        if (!m_stopping)
            m_redial.start();
    } else if (m_incoming && m_incoming->id() == id) {
        m_incoming = nullptr;
        m_fromProblem = peer::problem::NotCalling;
        qWarning("peer link: the partner's connection ended: %s", qUtf8Printable(why));
    } else if (m_pending.remove(id) > 0) {
        m_pendingOrder.removeOne(id);
        // Anyone can knock; only the refusal of a certificate of ours says something about the partner.
        if (problem == peer::problem::NotPartner && !m_incoming)
            m_fromProblem = problem;
        if (!m_refusalWindow.isValid() || m_refusalWindow.elapsed() >= RefusalSummaryMs) {
            const QString more = m_refusals > 0
                                     ? QStringLiteral(" (and %1 more since the last report)").arg(m_refusals)
                                     : QString();
            qWarning("peer link: refused a connection: %s%s", qUtf8Printable(why), qUtf8Printable(more));
            m_refusals = 0;
            m_refusalWindow.start();
        } else {
            ++m_refusals;
        }
    }
    report();
}

void PeerEndpoint::report()
{
    const QString to = m_toProblem.isEmpty() ? QStringLiteral("up") : m_toProblem;
    QString from = m_fromProblem.isEmpty() ? QStringLiteral("up") : m_fromProblem;
    std::optional<qint64> offset = m_incoming ? m_incoming->offsetMs() : std::nullopt;
    if (!offset && m_outgoing && m_outgoing->up())
        offset = m_outgoing->offsetMs();
    // Notices are refused while the clocks are this far apart (PeerNoticeCheck): say so.
    if (from == u"up" && offset && std::abs(*offset) * 2 > peer::MaxNoticeAgeMs)
        from = peer::problem::ClockSkew;
    const QString key = to + u'/' + from + u'/' + (offset ? QString::number(*offset) : QString());
    if (key == m_reported)
        return;
    m_reported = key;
    Q_EMIT directionsChanged(to, from, offset.has_value(), offset.value_or(0));
}

void PeerEndpoint::tellLinkLost(int vhid, quint32 source, const QList<quint32>& vips)
{
    const qint64 seq = m_outgoing ? m_outgoing->sendLinkLost(vhid, source, vips) : 0;
    Q_EMIT told(vhid, seq != 0);
}

void PeerEndpoint::answer(quint64 connection, qint64 seq, const QString& verdict)
{
    if (m_incoming && m_incoming->id() == connection)
        m_incoming->answer(seq, verdict);
}

void PeerEndpoint::setRevoked(const QSet<QByteArray>& serials)
{
    if (serials == m_revoked)
        return; // a reload that brought the same list: the connections stay
    m_revoked = serials;
    // An established connection holding a withdrawn certificate ends; its successor is refused.
    if (m_incoming)
        m_incoming->close(QStringLiteral("certificates were revoked: checking again"),
                          peer::problem::NotCalling);
    if (m_outgoing)
        m_outgoing->close(QStringLiteral("certificates were revoked: checking again"),
                          peer::problem::Connecting);
}

void PeerEndpoint::shutdown()
{
    m_stopping = true;
    m_redial.stop();
    m_offsetReport.stop();
    close();
    const QList<PeerConnection*> all = findChildren<PeerConnection*>(Qt::FindDirectChildrenOnly);
    for (PeerConnection* c : all)
        c->close(QStringLiteral("stopping"));
}

} // namespace baton
