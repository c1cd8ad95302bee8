// SPDX-License-Identifier: GPL-3.0-or-later
// The window and what happened while it was closed, against two fake agents whose clocks run an
// hour ahead and ten minutes behind: both histories merged into the one log in this desktop's time
// order, marked, counted above the log; a live event after them is not marked; the log kept per
// cluster (0600) and shown again by a new window, whose fetch continues from where it ends, adds
// only what is new, and counts only that. A stored cluster the window stops showing stays watched
// without writing into the log shown; shown again, it fetches what happened meanwhile.
#include "FakeAgent.h"
#include "FakePki.h"
#include "MainWindow.h"
#include "cluster/ClusterStore.h"
#include "log/EventLogFilter.h"
#include "log/EventLogModel.h"
#include "log/EventLogStore.h"
#include "log/EventLogView.h"
#include "log/HistoryFetcher.h"
#include "watch/ClusterWatch.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using State = HistoryFetcher::State;

namespace {
ClusterDefinition definition(const QString& pkiDir, quint16 port1, quint16 port2)
{
    ClusterDefinition d;
    d.name = QStringLiteral("history pair");
    d.vip = {0xC000020A, 24};
    d.vhid = 1;
    d.password = QStringLiteral("secret");
    d.pkiDir = pkiDir;
    d.nodes[0] = {QStringLiteral("node1"), 0xC000020B, QStringLiteral("127.0.0.1"), port1,
                  QStringLiteral("eth0"),  0};
    d.nodes[1] = {QStringLiteral("node2"), 0xC000020C, QStringLiteral("127.0.0.1"), port2,
                  QStringLiteral("eth0"),  100};
    return d;
}

ControlEvent state(qint64 t, CarpState from, CarpState to)
{
    return ControlEvent{t,
                        ev::StateChanged{1, QStringLiteral("eth0"), from, to, QStringLiteral("master-down")}};
}

// What the agent says now, every time on its own clock: in this state since sinceAgoMs.
AgentStatus statusOf(const FakeAgent& agent, const QString& name, CarpState carp, qint64 sinceAgoMs,
                     bool linkUp)
{
    AgentStatus s = FakeAgent::sampleStatus(name, carp);
    const qint64 shift = agent.agentNow() - s.timeMs;
    s.startedMs += shift;
    GroupStatus& g = s.groups.first();
    g.sinceMs = agent.agentNow() - sinceAgoMs;
    g.peerHeardMs += shift;
    g.linkUp = linkUp;
    const bool first = name == QStringLiteral("node1");
    g.source = first ? QStringLiteral("192.0.2.11") : QStringLiteral("192.0.2.12");
    g.peer = first ? QStringLiteral("192.0.2.12") : QStringLiteral("192.0.2.11");
    g.reason = QStringLiteral("master-down");
    return s;
}

HistoryFetcher* fetcher(const MainWindow& window, int node)
{
    return window.historyFetcher(node);
}

// The agent events in the log, as "node: text".
QStringList agentRows(const EventLogModel* log)
{
    QStringList rows;
    for (const auto& e : log->entries())
        if (!e.eventId.isEmpty())
            rows.append(e.node + QStringLiteral(": ") + e.text);
    return rows;
}

QString earlierLabel(const MainWindow& window)
{
    const auto* label = window.eventLogView()->findChild<QLabel*>(QStringLiteral("earlierLabel"));
    return label && label->isVisible() ? label->text() : QString();
}
} // namespace

class TestMainWindowHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    FakePki m_pki;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
        QVERIFY2(m_pki.console(QStringLiteral("window")), qPrintable(m_pki.error()));
    }

    void historiesAreMergedMarkedAndKept()
    {
        const auto identity1 = m_pki.agent(QStringLiteral("node1"));
        const auto identity2 = m_pki.agent(QStringLiteral("node2"));
        QVERIFY(identity1 && identity2);
        FakeAgent agent1(*identity1);
        FakeAgent agent2(*identity2);
        QVERIFY(agent1.start() && agent2.start());
        agent1.setClockOffsetMs(3'600'000);
        agent2.setClockOffsetMs(-600'000);
        // While no window watched, 50 s to 20 s ago by this desktop's clock, stamped by each agent's.
        agent1.addHistory(state(agent1.agentNow() - 50'000, CarpState::Init, CarpState::Backup));
        agent2.addHistory(state(agent2.agentNow() - 40'000, CarpState::Init, CarpState::Backup));
        agent1.addHistory(state(agent1.agentNow() - 30'000, CarpState::Backup, CarpState::Master));
        agent2.addHistory(
            ControlEvent{agent2.agentNow() - 20'000, ev::LinkChanged{1, QStringLiteral("eth0"), false}});
        agent1.setStatus(statusOf(agent1, QStringLiteral("node1"), CarpState::Master, 30'000, true));
        agent2.setStatus(statusOf(agent2, QStringLiteral("node2"), CarpState::Backup, 40'000, false));
        const QStringList merged{QStringLiteral("node1: vhid 1 on eth0: INIT → BACKUP (master-down)"),
                                 QStringLiteral("node2: vhid 1 on eth0: INIT → BACKUP (master-down)"),
                                 QStringLiteral("node1: vhid 1 on eth0: BACKUP → MASTER (master-down)"),
                                 QStringLiteral("node2: vhid 1: eth0 is down")};

        const QString storePath = m_dir.filePath(QStringLiteral("store/clusters.json"));
        const QString clusterFile = m_dir.filePath(QStringLiteral("history.json"));
        {
            QFile file(clusterFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                QJsonDocument(definition(m_pki.directory(), agent1.port(), agent2.port()).toJson()).toJson());
        }
        qint64 newestOfNode1 = 0;
        {
            MainWindow window(storePath);
            window.resize(1200, 900);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openClusterFile(clusterFile));
            QTRY_VERIFY(fetcher(window, 0) && fetcher(window, 0)->state() == State::Done);
            QTRY_VERIFY(fetcher(window, 1) && fetcher(window, 1)->state() == State::Done);
            QCOMPARE(agentRows(window.eventLog()), merged);
            // Each at its time on this desktop's clock, whichever way its agent's clock was off.
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const QList<qint64> ago{50'000, 40'000, 30'000, 20'000};
            int i = 0;
            for (const auto& e : window.eventLog()->entries()) {
                if (e.eventId.isEmpty())
                    continue;
                QVERIFY(e.earlier);
                const qint64 off = e.timeMs - (now - ago.at(i++));
                QVERIFY2(off > -3000 && off < 3000, qPrintable(QStringLiteral("%1 ms off").arg(off)));
            }
            QCOMPARE(earlierLabel(window), QStringLiteral("◷ 4 events since you last looked"));
            // The mark on the rows as shown.
            const EventLogFilter* shown = window.eventLogView()->filter();
            int marked = 0;
            for (int row = 0; row < shown->rowCount(); ++row)
                marked +=
                    shown->index(row, EventLogModel::TimeColumn).data().toString().startsWith(u'◷') ? 1 : 0;
            QCOMPARE(marked, 4);

            // Seen live from now on: not marked, not counted.
            const ControlEvent live = agent1.pushEvent(ev::MaintenanceChanged{true, QStringLiteral("admin")});
            newestOfNode1 = live.timeMs;
            QTRY_COMPARE(agentRows(window.eventLog()).size(), 5);
            QVERIFY(!window.eventLog()->entries().constLast().earlier ||
                    window.eventLog()->entries().constLast().eventId.isEmpty());
            QCOMPARE(earlierLabel(window), QStringLiteral("◷ 4 events since you last looked"));

            if (const QByteArray dir = qgetenv("BATON_SCREENSHOT_DIR"); !dir.isEmpty())
                window.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/event-log-history.png"));
            window.close();
        }

        // Kept for this cluster, readable by its owner only.
        const QString saved =
            QFileInfo(storePath).absolutePath() + QStringLiteral("/events/") +
            QFileInfo(EventLogStore::pathFor(QString(), QStringLiteral("history pair"))).fileName();
        QVERIFY2(QFileInfo::exists(saved), qPrintable(saved));
        QCOMPARE(QFileInfo(saved).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        // More happens while the window is closed.
        // Stamped now: converted times are never early, so it goes after the live row.
        agent2.addHistory(state(agent2.agentNow(), CarpState::Backup, CarpState::Master));
        agent1.clearRequests();
        agent2.clearRequests();

        MainWindow again(storePath);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.openClusterFile(clusterFile));
        // The old rows are there before any agent answers.
        QCOMPARE(agentRows(again.eventLog()).mid(0, 4), merged);
        QCOMPARE(agentRows(again.eventLog()).size(), 5);
        QCOMPARE(fetcher(again, 0)->sinceMs(), newestOfNode1);
        QTRY_VERIFY(fetcher(again, 0)->state() == State::Done && fetcher(again, 1)->state() == State::Done);
        QCOMPARE(agent1.requests().constLast().sinceMs, newestOfNode1);
        // Only the new one is added, and only it is counted.
        QCOMPARE(agentRows(again.eventLog()).size(), 6);
        QCOMPARE(agentRows(again.eventLog()).constLast(),
                 QStringLiteral("node2: vhid 1 on eth0: BACKUP → MASTER (master-down)"));
        QCOMPARE(agentRows(again.eventLog()).count(merged.at(0)), 1);
        QCOMPARE(earlierLabel(again), QStringLiteral("◷ One event since you last looked"));
        QVERIFY(again.eventLogStore() && again.eventLogStore()->notice().isEmpty());
    }

    // A stored cluster stays watched when the window shows another (or none): its agents' events
    // in that time are not lost, and not put into the log shown; opening it again fetches them.
    void whatHappenedWhileAnotherClusterWasShown()
    {
        const auto identity1 = m_pki.agent(QStringLiteral("node1"));
        const auto identity2 = m_pki.agent(QStringLiteral("node2"));
        QVERIFY(identity1 && identity2);
        FakeAgent agent1(*identity1);
        FakeAgent agent2(*identity2);
        QVERIFY(agent1.start() && agent2.start());
        const QString storePath = m_dir.filePath(QStringLiteral("stored/clusters.json"));
        {
            ClusterStore store(storePath);
            QString error;
            QVERIFY(store.load(&error));
            ClusterDefinition stored = definition(m_pki.directory(), agent1.port(), agent2.port());
            stored.name = QStringLiteral("stored pair");
            QVERIFY2(store.add(stored, &error), qPrintable(error));
        }
        MainWindow window(storePath);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openStoredCluster(0);
        QTRY_VERIFY(fetcher(window, 0) && fetcher(window, 0)->state() == State::Done);
        QTRY_VERIFY(fetcher(window, 1) && fetcher(window, 1)->state() == State::Done);
        const ClusterWatch* watch = window.openWatch();
        QVERIFY(watch);

        window.closeCluster();
        QVERIFY(!fetcher(window, 0) && !fetcher(window, 1));
        const qsizetype rows = window.eventLog()->rowCount();
        // Meanwhile node 1's agent restarts and a failover happens: the watch reconnects.
        agent1.clearRequests();
        agent1.dropClients();
        agent1.addHistory(state(agent1.agentNow() - 500, CarpState::Backup, CarpState::Master));
        QTRY_VERIFY(!watch->connection(0)->isLive());
        QTRY_VERIFY(watch->connection(0)->isLive());
        QSignalSpy heard(watch->connection(0), &AgentConnection::eventReceived);
        agent1.pushEvent(ev::MaintenanceChanged{true, QStringLiteral("admin")});
        QCOMPARE(agent1.history().size(), 2);
        QTRY_COMPARE(heard.size(), 1); // the watch has it; the log shown must not
        QCOMPARE(window.eventLog()->rowCount(), rows);
        for (const ControlRequest& request : agent1.requests())
            QVERIFY(request.verb != ControlRequest::Verb::History);

        // Shown again: both, marked and counted, once.
        window.openStoredCluster(0);
        QCOMPARE(window.openWatch(), watch);
        QTRY_VERIFY(fetcher(window, 0) && fetcher(window, 0)->state() == State::Done);
        const QStringList rowsNow = agentRows(window.eventLog());
        QCOMPARE(rowsNow.count(QStringLiteral("node1: vhid 1 on eth0: BACKUP → MASTER (master-down)")), 1);
        QCOMPARE(rowsNow.filter(QStringLiteral("maintenance")).size(), 1);
        QCOMPARE(earlierLabel(window), QStringLiteral("◷ 2 events since you last looked"));
    }
};

QTEST_MAIN(TestMainWindowHistory)
#include "TestMainWindowHistory.moc"
