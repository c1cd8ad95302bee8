// SPDX-License-Identifier: GPL-3.0-or-later
// AgentConnection against an in-process fake agent: live, stale on silence with the connection
// open, reconnect after a close, and a clear reason when TLS trust fails either way. Silence is
// measured on a clock the test moves, so no test waits out the 3 s or 10 s for real.
#include "FakeAgent.h"
#include "FakePki.h"
#include "node/AgentConnection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace baton;

namespace {
using Health = AgentConnection::Health;
qint64 g_now = 1'000'000; // the connections' clock, in ms
} // namespace

class TestAgentConnection : public QObject
{
    Q_OBJECT

    FakePki m_pki;
    std::optional<FakePki::Identities> m_ids;
    std::unique_ptr<FakeAgent> m_agent;

    std::unique_ptr<AgentConnection> connectTo(const TlsIdentity& console)
    {
        auto connection = std::make_unique<AgentConnection>(m_agent->host(), m_agent->port(),
                                                            console.clientConfiguration());
        connection->start();
        return connection;
    }

private Q_SLOTS:
    void initTestCase()
    {
        AgentConnection::setDefaultClock([] { return g_now; });
        QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
        m_ids = m_pki.identities();
        QVERIFY2(m_ids, qPrintable(m_pki.error()));
    }

    void init()
    {
        m_agent = std::make_unique<FakeAgent>(m_ids->agent);
        QVERIFY(m_agent->start());
    }

    void cleanup() { m_agent.reset(); }

    void connectsAndGoesLive()
    {
        auto connection = connectTo(m_ids->operatorConsole);
        QCOMPARE(connection->health(), Health::Connecting);
        QCOMPARE(connection->lastHeardMsAgo(), qint64{-1});
        QSignalSpy changed(connection.get(), &AgentConnection::changed);
        QTRY_COMPARE(connection->health(), Health::Live);
        QVERIFY(!changed.isEmpty());
        QVERIFY(connection->status());
        QCOMPARE(connection->status()->agent, QStringLiteral("node1"));
        QCOMPARE(connection->status()->groups.size(), 1);
        QCOMPARE(connection->status()->groups.first().state, CarpState::Master);
        QCOMPARE(connection->access(), ConsoleAccess::Operator);
        QVERIFY(connection->mayChange());
        QCOMPARE(connection->agentName(), QStringLiteral("node1"));
        QVERIFY(connection->lastError().isEmpty());
        QVERIFY(connection->lastHeardMsAgo() >= 0);
        QCOMPARE(m_agent->clientCount(), 1);
    }

    void pushedStatusArrives()
    {
        auto connection = connectTo(m_ids->operatorConsole);
        QTRY_COMPARE(connection->health(), Health::Live);
        m_agent->setStatus(FakeAgent::sampleStatus(QStringLiteral("node1"), CarpState::Backup));
        QTRY_COMPARE(connection->status()->groups.first().state, CarpState::Backup);
    }

    void readOnlyConsole()
    {
        auto connection = connectTo(m_ids->viewer);
        QTRY_COMPARE(connection->health(), Health::Live);
        QCOMPARE(connection->access(), ConsoleAccess::ReadOnly);
        QVERIFY(!connection->mayChange());
    }

    void silentAgentTurnsStale()
    {
        auto connection = connectTo(m_ids->operatorConsole);
        QTRY_COMPARE(connection->health(), Health::Live);
        QSignalSpy changed(connection.get(), &AgentConnection::changed);
        m_agent->setFrozen(true); // SIGSTOP: the TCP connection stays open, nothing arrives
        g_now += AgentConnection::StaleAfterMs - 1;
        connection->recheck();
        QCOMPARE(connection->health(), Health::Live); // not a millisecond early
        g_now += 1;
        connection->recheck();
        QCOMPARE(connection->health(), Health::Stale);
        QVERIFY(!changed.isEmpty());
        QVERIFY(connection->status()); // kept for "last seen"
        QCOMPARE(connection->status()->groups.first().state, CarpState::Master);
        QVERIFY(connection->lastHeardMsAgo() >= AgentConnection::StaleAfterMs);

        m_agent->setFrozen(false); // SIGCONT
        QTRY_COMPARE_WITH_TIMEOUT(connection->health(), Health::Live, 3000);
    }

    void longSilenceRedials()
    {
        auto connection = connectTo(m_ids->operatorConsole);
        QTRY_COMPARE(connection->health(), Health::Live);
        m_agent->setFrozen(true);
        g_now += AgentConnection::StaleAfterMs;
        connection->recheck();
        QCOMPARE(connection->health(), Health::Stale);
        // A node that crashed or rebooted never closes the old connection: it must be redialled.
        g_now += AgentConnection::ReconnectAfterSilenceMs - AgentConnection::StaleAfterMs;
        connection->recheck();
        QCOMPARE(connection->health(), Health::Unreachable);
        QTRY_COMPARE_WITH_TIMEOUT(m_agent->connectionsAccepted(), 2, AgentConnection::RetryMs + 1000);
        QCOMPARE(connection->health(), Health::Unreachable);
        QVERIFY2(connection->lastError().contains(QLatin1StringView("Nothing heard")),
                 qPrintable(connection->lastError()));
        QVERIFY(connection->status()); // still there for "last seen"
        m_agent->setFrozen(false);
        m_agent->dropClients(); // the frozen greeting is lost; a fresh dial gets a live one
        QTRY_COMPARE_WITH_TIMEOUT(connection->health(), Health::Live, AgentConnection::RetryMs + 3000);
    }

    void staysLiveWhileTheAgentTalks()
    {
        auto connection = connectTo(m_ids->operatorConsole);
        QTRY_COMPARE(connection->health(), Health::Live);
        // Two stale intervals pass on the clock, but a heartbeat (one a second) lands in each half.
        for (int i = 0; i < 4; ++i) {
            const qint64 heard = connection->lastHeardMsAgo();
            g_now += AgentConnection::StaleAfterMs / 2;
            QTRY_VERIFY_WITH_TIMEOUT(connection->lastHeardMsAgo() < heard + AgentConnection::StaleAfterMs / 2,
                                     2500);
            connection->recheck();
            QCOMPARE(connection->health(), Health::Live);
        }
    }

    void reconnectsAfterClose()
    {
        auto connection = connectTo(m_ids->operatorConsole);
        QTRY_COMPARE(connection->health(), Health::Live);
        QSignalSpy disconnected(connection.get(), &AgentConnection::disconnected);
        m_agent->dropClients();
        QTRY_COMPARE(connection->health(), Health::Unreachable);
        QCOMPARE(disconnected.size(), 1);
        QVERIFY(!connection->lastError().isEmpty());
        QVERIFY(connection->status()); // still there for "last seen"
        QTRY_COMPARE_WITH_TIMEOUT(connection->health(), Health::Live, AgentConnection::RetryMs + 3000);
        QCOMPARE(m_agent->connectionsAccepted(), 2);
        QVERIFY(connection->lastError().isEmpty());
    }

    void keepsRetryingWhileTheAgentIsAway()
    {
        auto connection = connectTo(m_ids->operatorConsole);
        QTRY_COMPARE(connection->health(), Health::Live);
        const quint16 port = m_agent->port();
        m_agent->dropClients();
        m_agent->close(); // stops listening: connection refused from now on
        QTRY_COMPARE(connection->health(), Health::Unreachable);
        QTest::qWait(AgentConnection::RetryMs * 2 + 500); // a few refused attempts
        QCOMPARE(connection->health(), Health::Unreachable);
        QVERIFY(m_agent->listen(QHostAddress::LocalHost, port));
        QTRY_COMPARE_WITH_TIMEOUT(connection->health(), Health::Live, AgentConnection::RetryMs + 3000);
    }

    void stopEndsRetrying()
    {
        auto connection = connectTo(m_ids->operatorConsole);
        QTRY_COMPARE(connection->health(), Health::Live);
        connection->stop();
        QCOMPARE(connection->health(), Health::Unreachable);
        QVERIFY(!connection->isRunning());
        QTRY_COMPARE(m_agent->clientCount(), 0);
        QTest::qWait(AgentConnection::RetryMs + 500);
        QCOMPARE(m_agent->connectionsAccepted(), 1);
        QCOMPARE(connection->send(ControlRequest{}), qint64{0});
    }

    void agentFromAnotherCaIsUnreachable()
    {
        FakePki other(QStringLiteral("Other CA"));
        const auto stranger = other.agent(QStringLiteral("node1"));
        QVERIFY2(stranger, qPrintable(other.error()));
        m_agent = std::make_unique<FakeAgent>(*stranger);
        QVERIFY(m_agent->start());
        auto connection = connectTo(m_ids->operatorConsole);
        QTRY_COMPARE(connection->health(), Health::Unreachable);
        QVERIFY2(connection->lastError().contains(QLatin1StringView("certificate")),
                 qPrintable(connection->lastError()));
        QVERIFY(!connection->status());
        QCOMPARE(connection->lastHeardMsAgo(), qint64{-1});
    }

    void consoleFromAnotherCaIsUnreachable()
    {
        FakePki other(QStringLiteral("Other CA"));
        const auto stranger = other.console(QStringLiteral("desk"));
        QVERIFY2(stranger, qPrintable(other.error()));
        // Trusts the right CA, but presents a certificate the agent does not accept.
        const TlsIdentity mixed{m_ids->agent.ca, stranger->certificate, stranger->key};
        auto connection = connectTo(mixed);
        QTRY_COMPARE(connection->health(), Health::Unreachable);
        QVERIFY2(connection->lastError().contains(QLatin1StringView("certificate")),
                 qPrintable(connection->lastError()));
    }

    void requestsAreAnswered()
    {
        auto connection = connectTo(m_ids->operatorConsole);
        QVERIFY(connection->send(ControlRequest{}) == 0); // not connected yet
        QTRY_COMPARE(connection->health(), Health::Live);
        QSignalSpy replied(connection.get(), &AgentConnection::replied);
        QSignalSpy refused(connection.get(), &AgentConnection::refused);

        ControlRequest handover;
        handover.verb = ControlRequest::Verb::Handover;
        const qint64 first = connection->send(handover);
        QVERIFY(first > 0);
        QTRY_COMPARE(replied.size(), 1);
        QCOMPARE(replied.first().at(0).toLongLong(), first);

        QCborMap detail;
        detail[QLatin1StringView("interface")] = QStringLiteral("eth9");
        m_agent->setReply(ControlRequest::Verb::LinkUp,
                          FakeAgent::Reply::refuse(QStringLiteral("unknown-interface"), detail));
        ControlRequest up;
        up.verb = ControlRequest::Verb::LinkUp;
        up.interface = QStringLiteral("eth9");
        const qint64 second = connection->send(up);
        QVERIFY(second > first);
        QTRY_COMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(0).toLongLong(), second);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("unknown-interface"));
        QCOMPARE(refused.first().at(2).value<QCborMap>(), detail);
        QCOMPARE(m_agent->requests().size(), 2);
        QCOMPARE(m_agent->requests().last().interface, QStringLiteral("eth9"));
    }

    void eventsAreForwarded()
    {
        auto connection = connectTo(m_ids->operatorConsole);
        QTRY_COMPARE(connection->health(), Health::Live);
        QSignalSpy events(connection.get(), &AgentConnection::eventReceived);
        m_agent->pushEvent(ev::MaintenanceChanged{true, QStringLiteral("desk")});
        QTRY_COMPARE(events.size(), 1);
        const auto event = events.first().at(0).value<ControlEvent>();
        QVERIFY(event.body == ControlEvent::Body(ev::MaintenanceChanged{true, QStringLiteral("desk")}));
    }
};

QTEST_MAIN(TestAgentConnection)
#include "TestAgentConnection.moc"
