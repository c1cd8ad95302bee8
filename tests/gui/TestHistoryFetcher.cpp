// SPDX-License-Identifier: GPL-3.0-or-later
// An agent's history fetched into the event log, against the in-process fake agent: on live, from
// where the log ends, times converted with the agent's clock offset (ahead and behind), each event
// once (also one pushed live while the fetch is on its way), again after a reconnect; refusals
// (rate-limited retried a second later, an agent without the verb said once, others said), replies
// that cannot be used, and a connection lost mid-fetch. Also the identity and offset helpers.
#include "FakeAgent.h"
#include "FakePki.h"
#include "control/ControlProtocol.h"
#include "log/AgentEventEntry.h"
#include "log/EventLogModel.h"
#include "log/HistoryFetcher.h"
#include "node/AgentConnection.h"

#include <QCborArray>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace baton;
using State = HistoryFetcher::State;
using Verb = ControlRequest::Verb;

namespace {
qint64 g_now = 1'000'000; // the connections' monotonic clock: still, so the agent stays live

qint64 wallNow()
{
    return QDateTime::currentMSecsSinceEpoch();
}

ControlEvent stateEvent(qint64 agentTimeMs, CarpState from, CarpState to)
{
    return ControlEvent{agentTimeMs,
                        ev::StateChanged{1, QStringLiteral("eth0"), from, to, QStringLiteral("master-down")}};
}

int rowsWith(const EventLogModel& log, const QString& text)
{
    int n = 0;
    for (const auto& e : log.entries())
        n += e.text.contains(text) ? 1 : 0;
    return n;
}

int historyRequests(const FakeAgent& agent)
{
    int n = 0;
    for (const ControlRequest& r : agent.requests())
        n += r.verb == Verb::History ? 1 : 0;
    return n;
}
} // namespace

class TestHistoryFetcher : public QObject
{
    Q_OBJECT

    FakePki m_pki;
    std::optional<FakePki::Identities> m_ids;
    std::unique_ptr<FakeAgent> m_agent;
    std::unique_ptr<EventLogModel> m_log;
    std::unique_ptr<AgentConnection> m_connection;

    HistoryFetcher* watch(bool readOnly = false)
    {
        const TlsIdentity& identity = readOnly ? m_ids->viewer : m_ids->operatorConsole;
        m_connection = std::make_unique<AgentConnection>(m_agent->host(), m_agent->port(),
                                                         identity.clientConfiguration());
        auto* fetcher = new HistoryFetcher(m_connection.get(), QStringLiteral("node1"), m_log.get());
        m_connection->start();
        return fetcher;
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
        m_log = std::make_unique<EventLogModel>();
    }

    void cleanup()
    {
        m_connection.reset();
        m_agent.reset();
        m_log.reset();
    }

    void clockOffset()
    {
        // Stamped 10:00:05.000 by the agent, heard 200 ms ago, 10:00:00.000 here: 5.2 s ahead.
        QCOMPARE(AgentEventEntry::clockOffsetMs(5000, 200, 0), qint64{5200});
        QCOMPARE(AgentEventEntry::clockOffsetMs(1000, 0, 61'000), qint64{-60'000});
        QCOMPARE(AgentEventEntry::clockOffsetMs(1000, -1, 1000), qint64{0}); // no status age yet
    }

    void identityIsTheEventNotItsEncoding()
    {
        const ControlEvent event = stateEvent(1234, CarpState::Backup, CarpState::Master);
        const QString id = AgentEventEntry::eventId(event);
        QVERIFY(id.startsWith(QStringLiteral("state:")));
        // The same event with its map's keys in another order (the agent's journal, read back).
        QCborMap reordered;
        const QCborMap message = event.toMessage();
        const QList<QCborValue> keys = message.keys();
        for (qsizetype i = keys.size() - 1; i >= 0; --i)
            reordered.insert(keys.at(i), message.value(keys.at(i)));
        const auto again = ControlEvent::fromMessage(reordered);
        QVERIFY(again);
        QCOMPARE(AgentEventEntry::eventId(*again), id);
        QVERIFY(AgentEventEntry::eventId(stateEvent(1235, CarpState::Backup, CarpState::Master)) != id);
        QVERIFY(AgentEventEntry::eventId(stateEvent(1234, CarpState::Init, CarpState::Master)) != id);
        const EventLogModel::Entry e = AgentEventEntry::make(QStringLiteral("n"), event, 99, true);
        QCOMPARE(e.timeMs, qint64{99});
        QCOMPARE(e.agentTimeMs, qint64{1234});
        QCOMPARE(e.kind, EventLogModel::Kind::State);
        QVERIFY(e.text.contains(QStringLiteral("BACKUP → MASTER")));
        QVERIFY(e.earlier);
    }

    void fetchesOnLiveWithTheClockOffset_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::newRow("agent an hour ahead") << qint64{3'600'000};
        QTest::newRow("agent ten minutes behind") << qint64{-600'000};
        QTest::newRow("same clock") << qint64{0};
    }

    void fetchesOnLiveWithTheClockOffset()
    {
        QFETCH(qint64, offset);
        m_agent->setClockOffsetMs(offset);
        const qint64 agentNow = m_agent->agentNow();
        m_agent->addHistory(stateEvent(agentNow - 90'000, CarpState::Init, CarpState::Backup));
        m_agent->addHistory(stateEvent(agentNow - 30'000, CarpState::Backup, CarpState::Master));
        HistoryFetcher* fetcher = watch();
        QCOMPARE(fetcher->state(), State::Waiting);
        QTRY_COMPARE(fetcher->state(), State::Done);
        QCOMPARE(historyRequests(*m_agent), 1);
        const ControlRequest& asked = m_agent->requests().constLast();
        QCOMPARE(asked.sinceMs, qint64{0}); // the whole history: the log had nothing of node1
        QCOMPARE(asked.limit, control::HistoryMaxEvents);
        QCOMPARE(m_log->rowCount(), 2);
        QCOMPARE(fetcher->merged(), 2);
        QCOMPARE(m_log->earlierCount(), 2);
        const qint64 expected = wallNow() - 90'000;
        const EventLogModel::Entry& first = m_log->entry(0);
        // On this machine's clock: off by the status's trip and the test's own time, never by the skew.
        QVERIFY2(qAbs(first.timeMs - expected) < 2000,
                 qPrintable(QStringLiteral("%1 ms off").arg(first.timeMs - expected)));
        QCOMPARE(first.agentTimeMs, agentNow - 90'000);
        QVERIFY(first.earlier);
        QCOMPARE(first.node, QStringLiteral("node1"));
        QVERIFY(m_log->entry(1).text.contains(QStringLiteral("BACKUP → MASTER")));
    }

    void continuesFromWhereTheLogEnds()
    {
        const qint64 t = m_agent->agentNow();
        const ControlEvent known = stateEvent(t - 5000, CarpState::Init, CarpState::Backup);
        const ControlEvent sameMs = stateEvent(t - 5000, CarpState::Backup, CarpState::Master);
        m_agent->addHistory(stateEvent(t - 9000, CarpState::Master, CarpState::Init));
        m_agent->addHistory(known);
        m_agent->addHistory(sameMs);
        m_log->append(AgentEventEntry::make(QStringLiteral("node1"), known, wallNow() - 5000, false));
        HistoryFetcher* fetcher = watch();
        QCOMPARE(fetcher->sinceMs(), t - 5000);
        QTRY_COMPARE(fetcher->state(), State::Done);
        QCOMPARE(m_agent->requests().constLast().sinceMs, t - 5000);
        // The known one is not doubled, the other one at the same millisecond is added.
        QCOMPARE(m_log->rowCount(), 2);
        QCOMPARE(fetcher->merged(), 1);
        QCOMPARE(rowsWith(*m_log, QStringLiteral("INIT → BACKUP")), 1);
        QCOMPARE(rowsWith(*m_log, QStringLiteral("BACKUP → MASTER")), 1);
        QCOMPARE(rowsWith(*m_log, QStringLiteral("MASTER → INIT")), 0); // before the start
    }

    void eventPushedDuringTheFetchIsKeptOnce()
    {
        m_agent->addHistory(stateEvent(m_agent->agentNow() - 1000, CarpState::Init, CarpState::Backup));
        m_agent->setHeld(Verb::History, true);
        HistoryFetcher* fetcher = watch();
        QTRY_COMPARE(fetcher->state(), State::Fetching);
        QTRY_COMPARE(historyRequests(*m_agent), 1);
        // Pushed live while the reply is held: the window shows it as it arrives...
        connect(m_connection.get(), &AgentConnection::eventReceived, m_log.get(),
                [this](const ControlEvent& e) {
                    m_log->append(AgentEventEntry::make(QStringLiteral("node1"), e, wallNow(), false));
                });
        const ControlEvent live = m_agent->pushEvent(ev::LinkChanged{1, QStringLiteral("eth0"), false});
        QTRY_COMPARE(m_log->rowCount(), 1);
        QVERIFY(!m_log->entry(0).earlier);
        // ...and the history, which has it too, adds only the other one.
        m_agent->setHeld(Verb::History, false);
        QTRY_COMPARE(fetcher->state(), State::Done);
        QCOMPARE(m_log->rowCount(), 2);
        QCOMPARE(fetcher->merged(), 1);
        QCOMPARE(m_log->earlierCount(), 1);
        QCOMPARE(m_log->entry(1).agentTimeMs, live.timeMs);
        QVERIFY(!m_log->entry(1).earlier);
    }

    void fetchesAgainAfterAReconnect()
    {
        m_agent->addHistory(stateEvent(m_agent->agentNow() - 1000, CarpState::Init, CarpState::Backup));
        HistoryFetcher* fetcher = watch();
        QTRY_COMPARE(fetcher->state(), State::Done);
        const qint64 newest = m_log->newestAgentTime(QStringLiteral("node1")).value_or(-1);
        // The agent restarts; what happened meanwhile is in its history only.
        m_agent->dropClients();
        QTRY_COMPARE(fetcher->state(), State::Waiting);
        m_agent->addHistory(stateEvent(m_agent->agentNow(), CarpState::Backup, CarpState::Master));
        QTRY_COMPARE_WITH_TIMEOUT(fetcher->state(), State::Done, AgentConnection::RetryMs + 5000);
        QCOMPARE(historyRequests(*m_agent), 2);
        QCOMPARE(m_agent->requests().constLast().sinceMs, newest);
        QCOMPARE(m_log->rowCount(), 2);
        QCOMPARE(fetcher->merged(), 2);
    }

    void rateLimitedIsAskedAgainASecondLater()
    {
        m_agent->setReply(Verb::History, FakeAgent::Reply::refuse(QStringLiteral("rate-limited")));
        m_agent->addHistory(stateEvent(m_agent->agentNow() - 1000, CarpState::Init, CarpState::Backup));
        HistoryFetcher* fetcher = watch();
        QTRY_COMPARE(fetcher->state(), State::RetryLater);
        m_agent->clearReply(Verb::History);
        QTRY_COMPARE_WITH_TIMEOUT(fetcher->state(), State::Done, HistoryFetcher::RetryMs + 3000);
        QCOMPARE(historyRequests(*m_agent), 2);
        QCOMPARE(m_log->rowCount(), 1);
    }

    void agentWithoutHistoryIsSaidOnce()
    {
        m_agent->setReply(Verb::History, FakeAgent::Reply::refuse(QStringLiteral("unknown-verb")));
        HistoryFetcher* fetcher = watch();
        QTRY_COMPARE(fetcher->state(), State::Unsupported);
        QCOMPARE(rowsWith(*m_log, QStringLiteral("keeps no history")), 1);
        QCOMPARE(historyRequests(*m_agent), 1);
        // Not asked again on this connection: heartbeats and statuses do not start another fetch.
        m_agent->setStatus(FakeAgent::sampleStatus(QStringLiteral("node1"), CarpState::Backup));
        QTRY_COMPARE(m_connection->status()->groups.first().state, CarpState::Backup);
        QCOMPARE(historyRequests(*m_agent), 1);
        // A new connection asks once more (it may have been upgraded), without saying it again.
        m_agent->dropClients();
        QTRY_COMPARE_WITH_TIMEOUT(historyRequests(*m_agent), 2, AgentConnection::RetryMs + 5000);
        QTRY_COMPARE(fetcher->state(), State::Unsupported);
        QCOMPARE(rowsWith(*m_log, QStringLiteral("keeps no history")), 1);
    }

    void otherRefusalsAreSaid()
    {
        m_agent->setReply(Verb::History, FakeAgent::Reply::refuse(QStringLiteral("internal")));
        HistoryFetcher* fetcher = watch();
        QTRY_COMPARE(fetcher->state(), State::Failed);
        QCOMPARE(rowsWith(*m_log, QStringLiteral("refused to send its history")), 1);
    }

    void unusableRepliesAreSaid_data()
    {
        QTest::addColumn<QCborMap>("data");
        QTest::addColumn<QString>("said");
        QTest::addColumn<int>("rows");
        QCborMap notAList;
        notAList[control::key::Events] = QStringLiteral("many");
        QTest::newRow("no list") << notAList << QStringLiteral("no list of events") << 0;
        QCborArray tooMany;
        for (int i = 0; i <= control::HistoryMaxEvents; ++i)
            tooMany.append(stateEvent(1000 + i, CarpState::Init, CarpState::Backup).toMessage());
        QCborMap big;
        big[control::key::Events] = tooMany;
        QTest::newRow("more than asked") << big << QStringLiteral("2001 events, more than the 2000") << 0;
        QCborMap broken = stateEvent(1000, CarpState::Init, CarpState::Backup).toMessage();
        broken.remove(QStringLiteral("to"));
        QCborArray mixed{stateEvent(2000, CarpState::Backup, CarpState::Master).toMessage(), broken, 42};
        QCborMap some;
        some[control::key::Events] = mixed;
        QTest::newRow("some unreadable") << some << QStringLiteral("2 of 3 (the first: event 2:") << 1;
    }

    void unusableRepliesAreSaid()
    {
        QFETCH(QCborMap, data);
        QFETCH(QString, said);
        QFETCH(int, rows);
        m_agent->setReply(Verb::History, FakeAgent::Reply::okWith(data));
        HistoryFetcher* fetcher = watch();
        QTRY_VERIFY(fetcher->state() == State::Done || fetcher->state() == State::Failed);
        QCOMPARE(rowsWith(*m_log, said), 1);
        int agentRows = 0;
        for (const auto& e : m_log->entries())
            agentRows += e.eventId.isEmpty() ? 0 : 1;
        QCOMPARE(agentRows, rows);
    }

    void connectionLostMidFetch()
    {
        m_agent->addHistory(stateEvent(m_agent->agentNow() - 1000, CarpState::Init, CarpState::Backup));
        m_agent->setHeld(Verb::History, true);
        HistoryFetcher* fetcher = watch();
        QTRY_COMPARE(historyRequests(*m_agent), 1);
        m_agent->dropClients();
        QTRY_COMPARE(fetcher->state(), State::Waiting);
        QCOMPARE(fetcher->limit(), control::HistoryMaxEvents / 2);
        QCOMPARE(rowsWith(*m_log, QStringLiteral("at most 1000 events")), 1);
        m_agent->setHeld(Verb::History, false);
        QTRY_COMPARE_WITH_TIMEOUT(fetcher->state(), State::Done, AgentConnection::RetryMs + 5000);
        QCOMPARE(historyRequests(*m_agent), 2);
        QCOMPARE(m_agent->requests().constLast().limit, control::HistoryMaxEvents / 2);
        QCOMPARE(m_agent->requests().constLast().sinceMs, qint64{0});
        QCOMPARE(rowsWith(*m_log, QStringLiteral("INIT → BACKUP")), 1);
    }

    void readOnlyConsoleGetsIt()
    {
        m_agent->addHistory(stateEvent(m_agent->agentNow() - 1000, CarpState::Init, CarpState::Backup));
        HistoryFetcher* fetcher = watch(true);
        QTRY_COMPARE(fetcher->state(), State::Done);
        QVERIFY(!m_connection->mayChange());
        QCOMPARE(m_log->rowCount(), 1);
    }
};

QTEST_MAIN(TestHistoryFetcher)
#include "TestHistoryFetcher.moc"
