// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's control listener in-process, unprivileged, on loopback: a ControlServer with short
// limits, certificates from a throw-away CertificateAuthority, the shared ControlClient as a well-
// behaved console and raw sockets as misbehaving ones. Server and clients share this one thread, so
// everything goes through signals and QTRY_* (a waitFor* would block the very server it waits on).
// The test plays the agent's main thread: it answers ControlServer::request via deliverReply().
#include "ControlServer.h"
#include "LogRing.h"
#include "control/AgentStatus.h"
#include "control/ControlClient.h"
#include "control/ControlFrame.h"
#include "control/ControlMessage.h"
#include "control/ControlRequest.h"
#include "pki/CertificateAuthority.h"
#include "pki/RevocationList.h"
#include "pki/TlsIdentity.h"

#include <QCborArray>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <functional>
#include <memory>

using namespace baton;

namespace {

constexpr int HandshakeMs = 1000;
constexpr int HelloMs = 1000;
constexpr int FrameMs = 500;
constexpr int SlackMs = 1500;     // timers, loopback, a loaded CI machine
constexpr int GenerousMs = 10000; // for a QTRY that should succeed at once

ControlSession::Limits shortLimits()
{
    return ControlSession::Limits{.handshakeMs = HandshakeMs, .helloMs = HelloMs, .frameMs = FrameMs};
}

QLatin1StringView k(const char* name)
{
    return QLatin1StringView(name);
}

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

ControlRequest makeRequest(qint64 id, ControlRequest::Verb verb)
{
    ControlRequest r;
    r.id = id;
    r.verb = verb;
    return r;
}

QByteArray prefix(quint32 length)
{
    QByteArray b(4, '\0');
    qToBigEndian(length, b.data());
    return b;
}

AgentStatus sampleStatus(CarpState state = CarpState::Master)
{
    GroupStatus g;
    g.vhid = 7;
    g.interface = s("eth0");
    g.source = s("192.0.2.11");
    g.state = state;
    g.reason = s("master-down");
    g.sinceMs = 1'700'000'000'000;
    g.advbase = 1;
    g.preempt = true;
    g.linkUp = true;
    g.vipHeld = state == CarpState::Master;
    g.vips = {s("192.0.2.10/24")};
    g.peer = s("192.0.2.12");
    g.peerHeardMs = 1'700'000'000'500;
    g.rejects = {{s("bad-hmac"), 2}};
    AgentStatus st;
    st.agent = s("node1");
    st.version = s("0.1.0");
    st.timeMs = 1'700'000'001'000;
    st.startedMs = 1'699'999'000'000;
    st.groups = {g};
    st.restores = {PendingRestore{s("eth1"), 1'700'000'900'000, s("alice")}};
    return st;
}

// The agent's end: a ControlServer listening on 127.0.0.1 with the sample status published, and
// this test as its main thread. By default every request is answered at once (ok with the verb's
// name, or not-permitted for a read-only console's mutating verb); with hold set they wait in held.
struct Agent
{
    struct Seen
    {
        quint64 session;
        ControlRequest request;
        QString client;
        bool mayChange;
    };

    Agent(const TlsIdentity& identity, const ControlSession::Limits& limits = shortLimits())
        : server(identity.serverConfiguration(), QStringLiteral("node1"))
    {
        server.setLimits(limits);
        QObject::connect(
            &server, &ControlServer::request, &server,
            [this](quint64 session, const ControlRequest& request, const QString& client, bool mayChange) {
                seen.append(Seen{session, request, client, mayChange});
                if (hold)
                    return held.append(seen.last());
                answer(seen.last());
            });
        listening = server.listen(QHostAddress::LocalHost, 0);
        server.publishStatus(sampleStatus().toCbor());
    }

    void answer(const Seen& r)
    {
        if (r.request.mutating() && !r.mayChange) {
            server.deliverReply(r.session, ControlMessage::refused(r.request.id, ControlError::NotPermitted));
            return;
        }
        QCborMap data;
        data[k("verb")] = QString(ControlRequest::verbName(r.request.verb));
        server.deliverReply(r.session, ControlMessage::ok(r.request.id, data));
    }

    quint16 port() const { return server.serverPort(); }

    ControlServer server;
    bool listening = false;
    bool hold = false;
    QList<Seen> seen;
    QList<Seen> held;
};

// A console through the shared ControlClient, recording what it receives.
struct Console
{
    explicit Console(const QSslConfiguration& tls)
    {
        client.setTlsConfiguration(tls);
        QObject::connect(&client, &ControlClient::statusReceived, &client,
                         [this](const AgentStatus& st) { statuses.append(st); });
        QObject::connect(&client, &ControlClient::eventReceived, &client,
                         [this](const ControlEvent& e) { events.append(e.toMessage()); });
        QObject::connect(&client, &ControlClient::heartbeatReceived, &client,
                         [this](qint64 time) { heartbeats.append(time); });
        QObject::connect(&client, &ControlClient::replied, &client,
                         [this](qint64 id, const QCborMap& data) { replies.insert(id, data); });
        QObject::connect(&client, &ControlClient::refused, &client,
                         [this](qint64 id, const QString& code, const QCborMap& detail) {
                             refusals.insert(id, code);
                             refusalDetails.insert(id, detail);
                         });
        QObject::connect(&client, &ControlClient::disconnected, &client,
                         [this](const QString& reason) { disconnects.append(reason); });
    }
    void connectTo(quint16 port) { client.connectToAgent(QStringLiteral("127.0.0.1"), port); }
    qsizetype answered() const { return replies.size() + refusals.size(); }

    ControlClient client;
    QList<AgentStatus> statuses;
    QList<QCborMap> events;
    QList<qint64> heartbeats;
    QHash<qint64, QCborMap> replies;
    QHash<qint64, QString> refusals;
    QHash<qint64, QCborMap> refusalDetails;
    QStringList disconnects;
};

// A console that speaks the protocol by hand over QSslSocket (or not at all: TLS off), to misbehave.
class RawClient : public QObject
{
public:
    explicit RawClient(const QSslConfiguration& tls, bool useTls = true)
        : m_useTls(useTls)
    {
        socket.setSslConfiguration(tls);
        connect(&socket, &QSslSocket::encrypted, this, [this] { encrypted = true; });
        connect(&socket, &QIODevice::readyRead, this, [this] {
            decoder.feed(socket.readAll());
            while (const std::optional<QCborMap> m = decoder.next())
                frames.append(*m);
        });
        connect(&socket, &QAbstractSocket::disconnected, this, [this] { markClosed(); });
        // A refused TLS handshake may end in an error without a disconnected().
        connect(&socket, &QAbstractSocket::errorOccurred, this, [this] { markClosed(); });
        connect(&socket, &QAbstractSocket::connected, this, [this] { connected = true; });
    }

    void connectTo(quint16 port)
    {
        clock.start();
        if (m_useTls)
            socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        else
            socket.connectToHost(QHostAddress::LocalHost, port);
    }
    void send(const QCborMap& message) { socket.write(ControlFrame::encode(message)); }
    void sendHello(int version = 1)
    {
        QCborMap hello = ControlMessage::clientHello(QStringLiteral("raw test client"));
        hello[k("version")] = version;
        send(hello);
    }
    // Connects, answers the agent's hello and waits for the status that follows it: exactly those two
    // frames, in time.
    bool connectPastHello(quint16 port)
    {
        connectTo(port);
        if (!QTest::qWaitFor([this] { return !frames.isEmpty(); }, GenerousMs) || frames.size() != 1)
            return false;
        sendHello();
        return QTest::qWaitFor([this] { return frames.size() >= 2; }, GenerousMs) && frames.size() == 2;
    }
    // Message n's type, or empty.
    QString type(qsizetype n) const
    {
        return n < frames.size() ? ControlMessage::typeOf(frames.at(n)) : QString();
    }
    const QCborMap& last() const { return frames.last(); }

    QSslSocket socket;
    ControlFrame decoder{ControlFrame::MaxAgentPayload};
    QList<QCborMap> frames;
    QElapsedTimer clock; // from connectTo(), restarted by the tests at the moment that counts
    bool connected = false;
    bool encrypted = false;
    bool closed = false;
    qint64 closedAfterMs = -1;

private:
    void markClosed()
    {
        if (closed)
            return;
        closed = true;
        closedAfterMs = clock.elapsed();
    }
    bool m_useTls;
};

QCborMap errorMessage(ControlError error, const QCborMap& detail = {})
{
    return ControlMessage::error(error, detail);
}

} // namespace

class TestControlServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void helloThenStatus();
    void access_data();
    void access();
    void agentHelloShape();
    void pushesReachReadyClientsOnly();
    void statusFromCache();
    void logVerb();
    void requestReachesMainThread_data();
    void requestReachesMainThread();
    void parseRefusalAnsweredByServer();
    void rateLimited();
    void unansweredRequestsLimited();

    void halfFrameTimesOut();
    void noHelloClosed();
    void plainTcpClosed_data();
    void plainTcpClosed();
    void clientWithoutCertificateClosed();
    void badFrame_data();
    void badFrame();
    void badHello_data();
    void badHello();
    void unknownMessageTypeClosed();
    void agentCertificateForAnotherAddress();
    void viewersCannotLockOutOperators();
    void revokedRefusedAndClosed();
    void agentCertificateIsNoConsole();

private:
    QSslConfiguration console(const char* name) const;

    QTemporaryDir m_tmp;
    std::optional<TlsIdentity> m_agent;     // node1, for 127.0.0.1
    std::optional<TlsIdentity> m_elsewhere; // node2, for 192.0.2.99 only
    std::optional<TlsIdentity> m_alice;     // operator
    std::optional<TlsIdentity> m_bob;       // read-only
    std::vector<TlsIdentity> m_viewers;     // eight more read-only consoles
};

void TestControlServer::initTestCase()
{
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(m_tmp.isValid());
    QString error;
    const auto ca = CertificateAuthority::create(QStringLiteral("Test CA"), Validity::days(30), &error);
    QVERIFY2(ca, qPrintable(error));
    const QString caFile = m_tmp.filePath(QStringLiteral("ca.crt"));
    auto write = [](const QString& path, const QByteArray& data) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
    };
    QVERIFY(write(caFile, ca->certificatePem()));
    auto identity = [&](const char* name, const std::optional<IssuedCertificate>& issued) {
        std::optional<TlsIdentity> out;
        if (!issued)
            return out;
        const QString base = m_tmp.filePath(QString::fromLatin1(name));
        if (!write(QString(base + u".crt"), issued->certificatePem) ||
            !write(QString(base + u".key"), issued->keyPem))
            return out;
        return TlsIdentity::loadFiles(caFile, QString(base + u".crt"), QString(base + u".key"), &error);
    };
    const Validity validity = Validity::days(2);
    m_agent = identity("node1", ca->issueAgent(s("node1"), {s("127.0.0.1")}, validity, &error));
    QVERIFY2(m_agent, qPrintable(error));
    m_elsewhere = identity("node2", ca->issueAgent(s("node2"), {s("192.0.2.99")}, validity, &error));
    QVERIFY2(m_elsewhere, qPrintable(error));
    m_alice = identity("alice", ca->issueConsole(s("alice"), ConsoleAccess::Operator, validity, &error));
    QVERIFY2(m_alice, qPrintable(error));
    m_bob = identity("bob", ca->issueConsole(s("bob"), ConsoleAccess::ReadOnly, validity, &error));
    QVERIFY2(m_bob, qPrintable(error));
    for (int i = 0; i < 8; ++i) {
        const QByteArray name = "viewer" + QByteArray::number(i);
        const auto viewer =
            identity(name.constData(),
                     ca->issueConsole(QString::fromLatin1(name), ConsoleAccess::ReadOnly, validity, &error));
        QVERIFY2(viewer, qPrintable(error));
        m_viewers.push_back(*viewer);
    }
}

QSslConfiguration TestControlServer::console(const char* name) const
{
    return (qstrcmp(name, "bob") == 0 ? m_bob : m_alice)->clientConfiguration();
}

void TestControlServer::helloThenStatus()
{
    Agent agent(*m_agent);
    QVERIFY(agent.listening);
    Console alice(console("alice"));
    QSignalSpy ready(&alice.client, &ControlClient::ready);
    alice.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(alice.client.isReady(), GenerousMs);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(alice.statuses.size(), 1);
    QVERIFY(alice.statuses.first() == sampleStatus());
    QVERIFY(alice.client.status() && *alice.client.status() == sampleStatus());
    QCOMPARE(alice.client.agentName(), s("node1"));
    QVERIFY(alice.disconnects.isEmpty());

    // Every later snapshot reaches the client as it was published.
    agent.server.publishStatus(sampleStatus(CarpState::Backup).toCbor());
    QTRY_COMPARE_WITH_TIMEOUT(alice.statuses.size(), 2, GenerousMs);
    QVERIFY(alice.statuses.last() == sampleStatus(CarpState::Backup));
    QCOMPARE(alice.statuses.last().groups.first().state, CarpState::Backup);
    QCOMPARE(ready.size(), 1);
}

void TestControlServer::access_data()
{
    QTest::addColumn<QString>("console");
    QTest::addColumn<QString>("access");
    QTest::newRow("operator") << s("alice") << s("operator");
    QTest::newRow("read-only") << s("bob") << s("read-only");
}

void TestControlServer::access()
{
    QFETCH(QString, console);
    QFETCH(QString, access);
    Agent agent(*m_agent);
    Console c(this->console(qPrintable(console)));
    c.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(c.client.isReady(), GenerousMs);
    QCOMPARE(ConsoleRole::name(c.client.access()), access);
}

void TestControlServer::agentHelloShape()
{
    Agent agent(*m_agent);
    RawClient raw(console("bob"));
    raw.connectTo(agent.port());
    QTRY_COMPARE_WITH_TIMEOUT(raw.frames.size(), 1, GenerousMs);
    QCOMPARE(raw.frames.first(),
             ControlMessage::agentHello(s("node1"), QStringLiteral(BATON_VERSION), s("bob"), s("read-only")));
    raw.sendHello();
    QTRY_COMPARE_WITH_TIMEOUT(raw.frames.size(), 2, GenerousMs);
    QCOMPARE(raw.frames.at(1), ControlMessage::status(sampleStatus().toCbor()));
}

void TestControlServer::pushesReachReadyClientsOnly()
{
    // Long hello deadline: the raw client stays between its TLS handshake and its hello meanwhile.
    ControlSession::Limits limits = shortLimits();
    limits.helloMs = 60000;
    Agent agent(*m_agent, limits);
    Console alice(console("alice"));
    alice.connectTo(agent.port());
    RawClient waiting(console("bob"));
    waiting.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(alice.client.isReady(), GenerousMs);
    QTRY_COMPARE_WITH_TIMEOUT(waiting.frames.size(), 1, GenerousMs);
    QCOMPARE(waiting.type(0), s("hello"));

    QCborMap body;
    body[k("kind")] = s("maintenance");
    body[k("on")] = true;
    body[k("by")] = s("alice");
    const QCborMap event = ControlMessage::event(body, 1'700'000'002'000);
    agent.server.publishEvent(event);
    agent.server.publishHeartbeat(ControlMessage::heartbeat(1'700'000'002'500, 3));
    agent.server.publishStatus(sampleStatus(CarpState::Backup).toCbor());
    QTRY_COMPARE_WITH_TIMEOUT(alice.events.size(), 1, GenerousMs);
    QCOMPARE(alice.events.first().toJsonObject(), event.toJsonObject()); // CBOR maps have no order
    QTRY_COMPARE_WITH_TIMEOUT(alice.heartbeats, QList<qint64>{1'700'000'002'500}, GenerousMs);
    QTRY_COMPARE_WITH_TIMEOUT(alice.statuses.size(), 2, GenerousMs);
    // Once past its hello it gets the latest snapshot, then the pushes: had the event, heartbeat or
    // status above reached it before its hello, they would stand before that snapshot.
    waiting.sendHello();
    QTRY_COMPARE_WITH_TIMEOUT(waiting.frames.size(), 2, GenerousMs);
    QCOMPARE(waiting.frames.at(1), ControlMessage::status(sampleStatus(CarpState::Backup).toCbor()));
    agent.server.publishEvent(event);
    QTRY_COMPARE_WITH_TIMEOUT(waiting.frames.size(), 3, GenerousMs);
    QCOMPARE(waiting.frames.at(2), event);
    QTRY_COMPARE_WITH_TIMEOUT(alice.events.size(), 2, GenerousMs);
}

void TestControlServer::statusFromCache()
{
    Agent agent(*m_agent);
    Console bob(console("bob"));
    bob.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(bob.client.isReady(), GenerousMs);
    ControlRequest status;
    status.verb = ControlRequest::Verb::Status;
    const qint64 first = bob.client.send(status);
    QVERIFY(first > 0);
    QTRY_VERIFY_WITH_TIMEOUT(bob.replies.contains(first), GenerousMs);
    QCOMPARE(bob.replies.value(first), sampleStatus().toCbor());

    agent.server.publishStatus(sampleStatus(CarpState::Init).toCbor());
    const qint64 second = bob.client.send(status);
    QTRY_VERIFY_WITH_TIMEOUT(bob.replies.contains(second), GenerousMs);
    QCOMPARE(bob.replies.value(second), sampleStatus(CarpState::Init).toCbor());
    QVERIFY(bob.refusals.isEmpty());
    QCOMPARE(agent.seen.size(), 0); // never reached the main thread
}

void TestControlServer::logVerb()
{
    Agent agent(*m_agent);
    for (int i = 0; i < 5; ++i)
        LogRing::instance().append(QString(u"control test line " + QString::number(i)));
    Console bob(console("bob"));
    bob.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(bob.client.isReady(), GenerousMs);
    ControlRequest log;
    log.verb = ControlRequest::Verb::Log;
    log.lines = 3;
    const qint64 id = bob.client.send(log);
    QTRY_VERIFY_WITH_TIMEOUT(bob.replies.contains(id), GenerousMs);
    QCOMPARE(bob.replies.value(id).value(k("lines")).toArray(),
             (QCborArray{s("control test line 2"), s("control test line 3"), s("control test line 4")}));
    QCOMPARE(agent.seen.size(), 0);
}

void TestControlServer::requestReachesMainThread_data()
{
    QTest::addColumn<QString>("console");
    QTest::addColumn<bool>("mayChange");
    QTest::addColumn<QString>("refusal"); // what the main thread answered; empty: ok
    QTest::newRow("operator") << s("alice") << true << QString();
    QTest::newRow("read-only") << s("bob") << false << s("not-permitted");
}

void TestControlServer::requestReachesMainThread()
{
    QFETCH(QString, console);
    QFETCH(bool, mayChange);
    QFETCH(QString, refusal);
    Agent agent(*m_agent);
    Console c(this->console(qPrintable(console)));
    c.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(c.client.isReady(), GenerousMs);
    ControlRequest down;
    down.verb = ControlRequest::Verb::LinkDown;
    down.interface = s("eth0");
    down.restoreAfterSeconds = 30;
    const qint64 id = c.client.send(down);
    QTRY_COMPARE_WITH_TIMEOUT(c.answered(), qsizetype{1}, GenerousMs);

    QCOMPARE(agent.seen.size(), 1);
    const Agent::Seen& seen = agent.seen.first();
    QCOMPARE(seen.client, console);
    QCOMPARE(seen.mayChange, mayChange);
    QCOMPARE(seen.request.id, id);
    QCOMPARE(seen.request.verb, ControlRequest::Verb::LinkDown);
    QCOMPARE(seen.request.interface, s("eth0"));
    QCOMPARE(seen.request.restoreAfterSeconds, 30);
    if (refusal.isEmpty()) {
        QVERIFY(c.replies.contains(id));
        QCOMPARE(c.replies.value(id).value(k("verb")).toString(), s("link-down"));
    } else {
        QCOMPARE(c.refusals.value(id), refusal);
    }
}

void TestControlServer::parseRefusalAnsweredByServer()
{
    // Refused by the allow-list on the control thread; the main thread never sees it.
    Agent agent(*m_agent);
    RawClient raw(console("alice"));
    QVERIFY(raw.connectPastHello(agent.port()));
    QCborMap request = makeRequest(41, ControlRequest::Verb::Log).toCbor();
    request[k("args")] = QCborMap{{s("lines"), 0}};
    raw.send(request);
    QTRY_COMPARE_WITH_TIMEOUT(raw.frames.size(), 3, GenerousMs);
    QCborMap detail;
    detail[k("field")] = s("lines");
    detail[k("min")] = 1;
    detail[k("max")] = 1000;
    QCOMPARE(raw.frames.at(2), ControlMessage::refused(41, ControlError::OutOfRange, detail));
    QCOMPARE(agent.seen.size(), 0);
    QVERIFY(!raw.closed);
}

void TestControlServer::rateLimited()
{
    Agent agent(*m_agent);
    Console alice(console("alice"));
    alice.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(alice.client.isReady(), GenerousMs);
    constexpr int Count = 100;
    ControlRequest handover;
    handover.verb = ControlRequest::Verb::Handover;
    for (int i = 0; i < Count; ++i)
        QVERIFY(alice.client.send(handover) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(alice.answered(), qsizetype{Count}, GenerousMs);
    // Burst 40, then 20/s: 100 requests arriving together cannot all pass.
    qsizetype limited = 0;
    for (const QString& code : std::as_const(alice.refusals))
        limited += code == u"rate-limited" ? 1 : 0;
    QCOMPARE(limited, alice.refusals.size());
    QVERIFY2(limited >= 40, qPrintable(QString::number(limited)));
    QVERIFY2(alice.replies.size() >= 40, qPrintable(QString::number(alice.replies.size())));
    QCOMPARE(agent.seen.size(), alice.replies.size()); // refusals never reached the main thread
    QVERIFY(alice.disconnects.isEmpty());
}

void TestControlServer::unansweredRequestsLimited()
{
    Agent agent(*m_agent);
    agent.hold = true;
    Console alice(console("alice"));
    alice.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(alice.client.isReady(), GenerousMs);
    ControlRequest handover; // answered on the main thread, which holds them here
    handover.verb = ControlRequest::Verb::Handover;
    for (int i = 0; i < 10; ++i)
        alice.client.send(handover);
    QTRY_COMPARE_WITH_TIMEOUT(alice.refusals.size(), 2, GenerousMs);
    QCOMPARE(agent.held.size(), 8); // the limit of unanswered requests
    for (const QString& code : std::as_const(alice.refusals))
        QCOMPARE(code, s("rate-limited"));
    // Answers free the slots again.
    for (const Agent::Seen& r : std::as_const(agent.held))
        agent.answer(r);
    agent.held.clear();
    agent.hold = false;
    QTRY_COMPARE_WITH_TIMEOUT(alice.replies.size(), 8, GenerousMs);
    const qint64 id = alice.client.send(handover);
    QTRY_VERIFY_WITH_TIMEOUT(alice.replies.contains(id), GenerousMs);
}

void TestControlServer::halfFrameTimesOut()
{
    Agent agent(*m_agent);
    RawClient raw(console("alice"));
    QVERIFY(raw.connectPastHello(agent.port()));
    // 100 bytes announced, 10 sent, the rest never.
    raw.clock.start();
    raw.socket.write(QByteArray(prefix(100) + QByteArray(10, '\xa0')));
    QTRY_VERIFY_WITH_TIMEOUT(raw.closed, FrameMs + SlackMs + GenerousMs);
    QVERIFY2(raw.closedAfterMs >= FrameMs * 8 / 10, qPrintable(QString::number(raw.closedAfterMs)));
    QVERIFY2(raw.closedAfterMs <= FrameMs + SlackMs, qPrintable(QString::number(raw.closedAfterMs)));
    QCOMPARE(raw.frames.size(), 3);
    QCOMPARE(raw.last(), errorMessage(ControlError::Timeout));
}

void TestControlServer::noHelloClosed()
{
    Agent agent(*m_agent);
    RawClient raw(console("alice"));
    raw.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(raw.encrypted, GenerousMs);
    QTRY_VERIFY_WITH_TIMEOUT(raw.closed, HelloMs + SlackMs + GenerousMs);
    QVERIFY2(raw.closedAfterMs >= HelloMs * 8 / 10, qPrintable(QString::number(raw.closedAfterMs)));
    QVERIFY2(raw.closedAfterMs <= HandshakeMs + HelloMs + SlackMs,
             qPrintable(QString::number(raw.closedAfterMs)));
    QCOMPARE(raw.frames.size(), 2);
    QCOMPARE(raw.type(0), s("hello"));
    QCOMPARE(raw.last(), errorMessage(ControlError::Timeout));
}

void TestControlServer::plainTcpClosed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("silent") << QByteArray();
    QTest::newRow("HTTP") << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTest::newRow("a control frame in the clear")
        << ControlFrame::encode(ControlMessage::clientHello(QStringLiteral("plain")));
}

void TestControlServer::plainTcpClosed()
{
    QFETCH(QByteArray, bytes);
    Agent agent(*m_agent);
    RawClient raw(console("alice"), false);
    raw.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(raw.connected || raw.closed, GenerousMs);
    if (!bytes.isEmpty())
        raw.socket.write(bytes);
    QTRY_VERIFY_WITH_TIMEOUT(raw.closed, HandshakeMs + SlackMs + GenerousMs);
    QVERIFY2(raw.closedAfterMs <= HandshakeMs + SlackMs, qPrintable(QString::number(raw.closedAfterMs)));
    QVERIFY(raw.frames.isEmpty()); // no hello, nothing framed: at most a TLS alert
}

void TestControlServer::clientWithoutCertificateClosed()
{
    Agent agent(*m_agent);
    QSslConfiguration anonymous = console("alice");
    anonymous.setLocalCertificate(QSslCertificate());
    anonymous.setPrivateKey(QSslKey());

    RawClient raw(anonymous);
    raw.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(raw.closed, HandshakeMs + SlackMs + GenerousMs);
    QVERIFY(raw.frames.isEmpty()); // not even the agent's hello

    Console c(anonymous);
    c.connectTo(agent.port());
    QTRY_COMPARE_WITH_TIMEOUT(c.disconnects.size(), 1, HandshakeMs + SlackMs + GenerousMs);
    QVERIFY(!c.client.isReady());
    QVERIFY(c.statuses.isEmpty());
    QVERIFY2(c.disconnects.first().contains(u"certificate", Qt::CaseInsensitive),
             qPrintable(c.disconnects.first()));
}

void TestControlServer::badFrame_data()
{
    QTest::addColumn<bool>("afterHello");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("frame");
    const QByteArray big = prefix(ControlFrame::MaxRequestPayload + 1);
    QTest::newRow("oversized length") << true << big << s("frame-too-large");
    QTest::newRow("oversized length, 4 GiB") << true << prefix(0xFFFFFFFF) << s("frame-too-large");
    QTest::newRow("oversized length before the hello") << false << big << s("frame-too-large");
    QTest::newRow("zero length") << true << prefix(0) << s("frame-empty");
    QTest::newRow("not CBOR") << true << QByteArray(prefix(3) + QByteArray("\xff\xff\xff", 3))
                              << s("bad-cbor");
    QTest::newRow("two items") << true << QByteArray(prefix(2) + QByteArray("\x01\x02", 2)) << s("bad-cbor");
    QTest::newRow("an array") << true << QByteArray(prefix(1) + QByteArray("\x80", 1)) << s("not-a-map");
}

void TestControlServer::badFrame()
{
    QFETCH(bool, afterHello);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, frame);
    Agent agent(*m_agent);
    RawClient raw(console("alice"));
    raw.connectTo(agent.port());
    QTRY_COMPARE_WITH_TIMEOUT(raw.frames.size(), 1, GenerousMs);
    qsizetype before = 1;
    if (afterHello) {
        raw.sendHello();
        QTRY_COMPARE_WITH_TIMEOUT(raw.frames.size(), 2, GenerousMs);
        before = 2;
    }
    raw.socket.write(bytes);
    QTRY_VERIFY_WITH_TIMEOUT(raw.closed, GenerousMs);
    QCOMPARE(raw.frames.size(), before + 1);
    QCborMap detail;
    detail[k("frame")] = frame;
    QCOMPARE(raw.last(), errorMessage(ControlError::BadFrame, detail));
}

void TestControlServer::badHello_data()
{
    QTest::addColumn<QCborMap>("first");
    QTest::addColumn<QCborMap>("expected");
    QCborMap supported;
    supported[k("supported")] = QCborArray{1};
    const QCborMap unsupported = errorMessage(ControlError::UnsupportedVersion, supported);
    auto hello = [](const QCborValue& version) {
        QCborMap m = ControlMessage::clientHello(QStringLiteral("future baton"));
        if (version.isUndefined())
            m.remove(k("version"));
        else
            m[k("version")] = version;
        return m;
    };
    QTest::newRow("version 2") << hello(2) << unsupported;
    QTest::newRow("version 0") << hello(0) << unsupported;
    QTest::newRow("version missing") << hello(QCborValue()) << unsupported;
    QTest::newRow("version as string") << hello(s("1")) << unsupported;
    QTest::newRow("request first") << makeRequest(1, ControlRequest::Verb::Status).toCbor()
                                   << errorMessage(ControlError::HelloRequired);
    QTest::newRow("no type") << QCborMap{{s("version"), 1}} << errorMessage(ControlError::HelloRequired);
}

void TestControlServer::badHello()
{
    QFETCH(QCborMap, first);
    QFETCH(QCborMap, expected);
    Agent agent(*m_agent);
    RawClient raw(console("alice"));
    raw.connectTo(agent.port());
    QTRY_COMPARE_WITH_TIMEOUT(raw.frames.size(), 1, GenerousMs);
    raw.send(first);
    QTRY_VERIFY_WITH_TIMEOUT(raw.closed, GenerousMs);
    QCOMPARE(raw.frames.size(), 2);
    QCOMPARE(raw.last(), expected);
    QCOMPARE(agent.seen.size(), 0);
}

void TestControlServer::unknownMessageTypeClosed()
{
    // Past the hello, a client may only send requests.
    Agent agent(*m_agent);
    RawClient raw(console("alice"));
    QVERIFY(raw.connectPastHello(agent.port()));
    raw.send(ControlMessage::heartbeat(1, 1));
    QTRY_VERIFY_WITH_TIMEOUT(raw.closed, GenerousMs);
    QCOMPARE(raw.frames.size(), 3);
    QCOMPARE(raw.last(), errorMessage(ControlError::BadMessage));
}

void TestControlServer::agentCertificateForAnotherAddress()
{
    Agent agent(*m_elsewhere); // issued for 192.0.2.99, dialled as 127.0.0.1
    QVERIFY(agent.listening);
    Console alice(console("alice"));
    alice.connectTo(agent.port());
    QTRY_COMPARE_WITH_TIMEOUT(alice.disconnects.size(), 1, GenerousMs);
    QVERIFY(!alice.client.isReady());
    QVERIFY(alice.statuses.isEmpty());
    const QString reason = alice.disconnects.first();
    QVERIFY2(reason.contains(u"certificate", Qt::CaseInsensitive), qPrintable(reason));
    QVERIFY2(reason.contains(u"host name", Qt::CaseInsensitive), qPrintable(reason));
}

void TestControlServer::viewersCannotLockOutOperators()
{
    Agent agent(*m_agent);
    // Eight read-only consoles, four sessions each: 32 asked, 24 read-only slots.
    std::vector<std::unique_ptr<RawClient>> viewers;
    for (const TlsIdentity& viewer : m_viewers)
        for (int i = 0; i < 4; ++i) {
            viewers.push_back(std::make_unique<RawClient>(viewer.clientConfiguration()));
            viewers.back()->connectTo(agent.port());
        }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(viewers.begin(), viewers.end(),
                                         [](const auto& v) { return v->closed || !v->frames.isEmpty(); }),
                             GenerousMs);
    const auto refused = std::count_if(viewers.begin(), viewers.end(), [](const auto& v) {
        return v->frames.last() == ControlMessage::error(ControlError::TooManyConnections);
    });
    QCOMPARE(refused, 8);
    // An operator still gets in, and more than one of its sessions.
    RawClient alice(console("alice"));
    QVERIFY(alice.connectPastHello(agent.port()));
    RawClient alice2(console("alice"));
    QVERIFY(alice2.connectPastHello(agent.port()));
    // One certificate cannot take the operators' slots either: its fifth session is refused.
    std::vector<std::unique_ptr<RawClient>> same;
    for (int i = 0; i < ControlServer::MaxPerIdentity + 1; ++i) {
        same.push_back(std::make_unique<RawClient>(console("alice")));
        same.back()->connectTo(agent.port());
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(same.begin(), same.end(),
                                         [](const auto& v) { return v->closed || !v->frames.isEmpty(); }),
                             GenerousMs);
    const auto sameRefused = std::count_if(same.begin(), same.end(), [](const auto& v) {
        return v->frames.last() == ControlMessage::error(ControlError::TooManyConnections);
    });
    QCOMPARE(sameRefused, qsizetype{3}); // alice had 2 already: 2 more fit, then the cap
}

void TestControlServer::revokedRefusedAndClosed()
{
    Agent agent(*m_agent);
    RawClient bob(console("bob"));
    QVERIFY(bob.connectPastHello(agent.port()));
    RawClient alice(console("alice"));
    QVERIFY(alice.connectPastHello(agent.port()));
    // The list arrives: bob's open session is closed with the code, alice's is not.
    agent.server.setRevoked({RevocationList::serialOf(m_bob->certificate.toPem())});
    QTRY_VERIFY_WITH_TIMEOUT(bob.closed, GenerousMs);
    QCOMPARE(bob.last(), ControlMessage::error(ControlError::CertificateRevoked));
    // alice is still served: a request of hers is answered after bob's close.
    ControlRequest status;
    status.id = 5;
    alice.send(status.toCbor());
    QTRY_VERIFY_WITH_TIMEOUT(alice.type(alice.frames.size() - 1) == QLatin1StringView("reply"), GenerousMs);
    QVERIFY(!alice.closed);
    // And bob is refused at the handshake from then on, before any hello.
    RawClient again(console("bob"));
    again.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(again.closed, GenerousMs);
    QCOMPARE(again.frames, QList<QCborMap>{ControlMessage::error(ControlError::CertificateRevoked)});
}

void TestControlServer::agentCertificateIsNoConsole()
{
    // TLS lets an agent's certificate through (it dials its partner's peer link with it); the
    // session refuses it before anything is shown or done.
    Agent agent(*m_agent);
    RawClient node2(m_elsewhere->clientConfiguration());
    node2.connectTo(agent.port());
    QTRY_VERIFY_WITH_TIMEOUT(node2.closed, GenerousMs);
    QVERIFY(node2.encrypted);
    QCOMPARE(node2.frames, QList<QCborMap>{ControlMessage::error(ControlError::NotPermitted)});
}

QTEST_GUILESS_MAIN(TestControlServer)
#include "TestControlServer.moc"
