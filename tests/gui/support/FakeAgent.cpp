// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeAgent.h"

#include "control/ControlMessage.h"
#include "control/ControlProtocol.h"
#include "pki/ConsoleRole.h"

#include <QCborArray>
#include <QDateTime>
#include <QHostAddress>
#include <QSslSocket>

namespace baton {

namespace {
qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

FakeAgent::FakeAgent(const TlsIdentity& identity, QObject* parent)
    : QTcpServer(parent)
    , m_tls(identity.serverConfiguration())
    , m_name(identity.certificate.subjectInfo(QSslCertificate::CommonName).value(0))
    , m_status(sampleStatus(m_name))
{
    m_heartbeat.setInterval(control::HeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &FakeAgent::tick);
}

FakeAgent::~FakeAgent()
{
    dropClients();
}

bool FakeAgent::start()
{
    if (!listen(QHostAddress::LocalHost))
        return false;
    m_heartbeat.start();
    return true;
}

AgentStatus FakeAgent::sampleStatus(const QString& name, CarpState state)
{
    const qint64 t = now();
    AgentStatus s;
    s.agent = name;
    s.version = QStringLiteral("0.1.0");
    s.timeMs = t;
    s.startedMs = t - 3'600'000;
    GroupStatus g;
    g.vhid = 1;
    g.interface = QStringLiteral("eth0");
    g.source = QStringLiteral("192.0.2.11");
    g.state = state;
    const bool master = state == CarpState::Master;
    g.reason = master ? QStringLiteral("master-down") : QStringLiteral("preferred-master");
    g.sinceMs = t - 123'000;
    g.advbase = 1;
    g.advskew = master ? 0 : 100;
    g.preempt = true;
    g.linkUp = true;
    g.vipHeld = master;
    g.vips = {QStringLiteral("192.0.2.10/24")};
    g.peer = QStringLiteral("192.0.2.12");
    g.peerHeardMs = t - 400;
    s.groups = {g};
    return s;
}

void FakeAgent::setStatus(const AgentStatus& status)
{
    m_status = status;
    broadcast(ControlMessage::status(stampedStatus()));
}

qint64 FakeAgent::agentNow() const
{
    return now() + m_clockOffsetMs;
}

void FakeAgent::setHeld(ControlRequest::Verb verb, bool held)
{
    if (held) {
        m_held.insert(verb);
        return;
    }
    m_held.remove(verb);
    const auto waiting = m_heldRequests;
    m_heldRequests.removeIf([verb](const auto& waitingOne) { return waitingOne.second.verb == verb; });
    for (const auto& [socket, request] : waiting)
        if (request.verb == verb && m_sessions.contains(socket))
            answer(socket, request);
}

QCborMap FakeAgent::stampedStatus()
{
    m_status.timeMs = agentNow();
    return m_status.toCbor();
}

void FakeAgent::setHeartbeats(bool on)
{
    m_heartbeats = on;
}

void FakeAgent::setFrozen(bool frozen)
{
    m_frozen = frozen;
}

ControlEvent FakeAgent::pushEvent(const ControlEvent::Body& body)
{
    const ControlEvent event{agentNow(), body};
    m_history.append(event);
    broadcast(event.toMessage());
    return event;
}

void FakeAgent::dropClients()
{
    const QList<QSslSocket*> sockets = m_sessions.keys();
    m_sessions.clear();
    m_heldRequests.clear();
    for (QSslSocket* socket : sockets) {
        socket->disconnect(this);
        socket->disconnectFromHost();
        socket->deleteLater();
    }
}

int FakeAgent::clientCount() const
{
    int n = 0;
    for (const Session& s : m_sessions)
        n += s.ready ? 1 : 0;
    return n;
}

void FakeAgent::incomingConnection(qintptr descriptor)
{
    auto* socket = new QSslSocket(this);
    socket->setSslConfiguration(m_tls);
    if (!socket->setSocketDescriptor(descriptor)) {
        socket->deleteLater();
        return;
    }
    ++m_accepted;
    m_sessions.insert(socket, Session{});
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        Session& session = m_sessions[socket];
        const QSslCertificate peer = socket->peerCertificate();
        session.client = peer.subjectInfo(QSslCertificate::CommonName).value(0);
        session.access = ConsoleRole::name(ConsoleRole::of(peer));
        send(socket,
             ControlMessage::agentHello(m_name, QStringLiteral("0.1.0"), session.client, session.access));
    });
    connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QSslSocket::disconnected, this, [this, socket] {
        m_sessions.remove(socket);
        socket->deleteLater();
    });
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket] {
        if (m_sessions.remove(socket))
            socket->deleteLater();
    });
    socket->startServerEncryption();
}

void FakeAgent::onReadyRead(QSslSocket* socket)
{
    auto it = m_sessions.find(socket);
    if (it == m_sessions.end())
        return;
    it->decoder.feed(socket->readAll());
    while (const std::optional<QCborMap> message = it->decoder.next()) {
        handle(socket, *message);
        it = m_sessions.find(socket);
        if (it == m_sessions.end())
            return;
    }
}

void FakeAgent::handle(QSslSocket* socket, const QCborMap& message)
{
    Session& session = m_sessions[socket];
    const QString type = ControlMessage::typeOf(message);
    if (!session.ready) {
        if (type != control::type::Hello) {
            send(socket, ControlMessage::error(ControlError::HelloRequired));
            socket->disconnectFromHost();
            return;
        }
        session.ready = true;
        send(socket, ControlMessage::status(stampedStatus()));
        Q_EMIT clientReady(session.client, session.access);
        return;
    }
    auto parsed = ControlRequest::parse(message);
    if (const auto* refusal = std::get_if<ControlRequest::Refusal>(&parsed)) {
        send(socket, ControlMessage::refused(refusal->id, refusal->error, refusal->detail));
        return;
    }
    const ControlRequest request = std::get<ControlRequest>(parsed);
    m_requests << request;
    Q_EMIT requestReceived(request);
    if (m_held.contains(request.verb))
        m_heldRequests.append({socket, request});
    else if (m_sessions.contains(socket))
        answer(socket, request);
}

void FakeAgent::answer(QSslSocket* socket, const ControlRequest& request)
{
    const Session session = m_sessions.value(socket);
    if (request.mutating() && session.access != QLatin1StringView("operator")) {
        send(socket, ControlMessage::refused(request.id, ControlError::NotPermitted));
        return;
    }
    if (request.verb == ControlRequest::Verb::History && !m_replies.contains(request.verb))
        return answerHistory(socket, request);
    Reply reply = m_replies.value(request.verb);
    if (!reply.ok) {
        QCborMap m = ControlMessage::refused(request.id, ControlError::Internal, reply.detail);
        m[control::key::Error] = reply.error; // any code, also ones this build does not know
        send(socket, m);
        return;
    }
    if (m_simulating)
        simulate(request, session.client, reply.data);
    if (request.verb == ControlRequest::Verb::Status)
        reply.data = stampedStatus();
    send(socket, ControlMessage::ok(request.id, reply.data));
    if (m_simulating && request.mutating())
        broadcast(ControlMessage::status(stampedStatus())); // the agent pushes after every change
}

void FakeAgent::answerHistory(QSslSocket* socket, const ControlRequest& request)
{
    QElapsedTimer& last = m_sessions[socket].lastHistory;
    if (last.isValid() && last.elapsed() < 1000) {
        send(socket, ControlMessage::refused(request.id, ControlError::RateLimited));
        return;
    }
    last.start();
    // As EventJournal::since: at or after sinceMs, oldest first, the newest limit of them.
    QList<ControlEvent> events;
    for (const ControlEvent& e : std::as_const(m_history))
        if (e.timeMs >= request.sinceMs)
            events.append(e);
    std::stable_sort(events.begin(), events.end(),
                     [](const ControlEvent& a, const ControlEvent& b) { return a.timeMs < b.timeMs; });
    QCborArray list;
    for (qsizetype i = std::max<qsizetype>(0, events.size() - request.limit); i < events.size(); ++i)
        list.append(events.at(i).toMessage());
    QCborMap data;
    data[control::key::Events] = list;
    send(socket, ControlMessage::ok(request.id, data));
}

void FakeAgent::simulate(const ControlRequest& request, const QString& client, QCborMap& data)
{
    using Verb = ControlRequest::Verb;
    const qint64 t = now();
    const auto stateOf = [&](GroupStatus& g, CarpState state, const char* reason) {
        if (g.state != state)
            g.sinceMs = t;
        g.state = state;
        g.reason = QLatin1StringView(reason);
    };
    for (GroupStatus& g : m_status.groups) {
        const bool here = g.interface == request.interface;
        if (request.verb == Verb::LinkDown && here) {
            g.linkUp = false;
            g.vipHeld = false;
            stateOf(g, CarpState::Backup, "link-down");
        } else if (request.verb == Verb::LinkUp && here) {
            g.linkUp = true;
        } else if (request.verb == Verb::Handover && g.state == CarpState::Master) {
            g.vipHeld = false;
            stateOf(g, CarpState::Backup, "handover");
        } else if (request.verb == Verb::Maintenance) {
            g.maintenance = request.maintenanceOn;
            if (request.maintenanceOn) {
                g.vipHeld = false;
                stateOf(g, CarpState::Backup, "maintenance-on");
            }
        }
    }
    if (request.verb == Verb::LinkDown) {
        const qint64 deadline = t + qint64{request.restoreAfterSeconds} * 1000;
        m_status.restores << PendingRestore{request.interface, deadline, client};
        if (!data.contains(control::key::Deadline))
            data[control::key::Deadline] = deadline;
    } else if (request.verb == Verb::LinkUp) {
        m_status.restores.removeIf([&](const PendingRestore& r) { return r.interface == request.interface; });
    } else if (request.verb == Verb::Maintenance) {
        m_status.maintenance = request.maintenanceOn;
    }
}

void FakeAgent::tick()
{
    // The restore deadline is kept like the agent keeps it, with or without clients.
    const qint64 t = now();
    const auto due = [t](const PendingRestore& r) { return r.deadlineMs <= t; };
    if (m_simulating && std::any_of(m_status.restores.cbegin(), m_status.restores.cend(), due)) {
        for (GroupStatus& g : m_status.groups)
            for (const PendingRestore& r : std::as_const(m_status.restores))
                if (due(r) && g.interface == r.interface)
                    g.linkUp = true;
        m_status.restores.removeIf(due);
    }
    if (!m_heartbeats)
        return;
    broadcast(ControlMessage::heartbeat(agentNow(), ++m_seq));
    broadcast(ControlMessage::status(stampedStatus()));
}

void FakeAgent::send(QSslSocket* socket, const QCborMap& message)
{
    if (!m_frozen)
        socket->write(ControlFrame::encode(message));
}

void FakeAgent::broadcast(const QCborMap& message)
{
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it)
        if (it->ready)
            send(it.key(), message);
}

} // namespace baton
