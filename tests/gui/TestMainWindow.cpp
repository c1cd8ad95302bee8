// SPDX-License-Identifier: GPL-3.0-or-later
// The window as a whole: the empty state, a cluster file whose agents cannot be reached (shown as
// unreachable, without blocking), missing certificates shown rather than fatal, two agents that
// both claim MASTER raising the split-brain banner, agent events in the log, the cluster list and
// the remembered last cluster, and the cluster dialog's checks.
#include "FakeAgent.h"
#include "FakeClock.h"
#include "FakePki.h"
#include "MainWindow.h"
#include "alarm/AlarmBanner.h"
#include "alarm/SplitBrainMonitor.h"
#include "cluster/ClusterDialog.h"
#include "control/ControlProtocol.h"
#include "log/EventLogModel.h"
#include "node/NodeCard.h"
#include "probe/NeighbourWatcher.h"
#include "reach/ReachabilityPanel.h"
#include "reach/ReachabilityTracker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace baton;

namespace {
// A port on 127.0.0.1 that nothing listens on (it was free a moment ago).
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

ClusterDefinition definition(const QString& pkiDir, quint16 port1, quint16 port2,
                             const QString& name = QStringLiteral("web"))
{
    ClusterDefinition d;
    d.name = name;
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

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QString writeCluster(const QTemporaryDir& dir, const ClusterDefinition& d)
{
    return writeFile(dir, d.name + QStringLiteral(".json"), QJsonDocument(d.toJson()).toJson());
}

bool logContains(const EventLogModel* log, EventLogModel::Kind kind, const QString& node, const QString& text)
{
    for (int row = 0; row < log->rowCount(); ++row) {
        const auto& e = log->entry(row);
        if (e.kind == kind && e.node == node && e.text.contains(text))
            return true;
    }
    return false;
}

QString label(const NodeCard* card, const char* name)
{
    const auto* found = card->findChild<QLabel*>(QLatin1StringView(name));
    return found ? found->text() : QString();
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    FakePki m_pki;
    int m_stores = 0;

    QString storePath() { return m_dir.filePath(QStringLiteral("store%1/clusters.json").arg(++m_stores)); }

private Q_SLOTS:
    void initTestCase()
    {
        // QSettings and the default paths go to a test folder, not the user's.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
        QVERIFY2(m_pki.console(QStringLiteral("window")), qPrintable(m_pki.error()));
    }

    void emptyStateSaysHowToAddACluster()
    {
        MainWindow window(storePath());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.cluster());
        const auto* pages = window.findChild<QStackedWidget*>();
        QVERIFY(pages);
        QCOMPARE(pages->currentIndex(), 0);
        bool explained = false;
        for (const QLabel* text : pages->currentWidget()->findChildren<QLabel*>())
            explained = explained || (text->text().contains(QStringLiteral("No cluster is open")) &&
                                      text->text().contains(QStringLiteral("Add cluster")));
        QVERIFY(explained);
        QVERIFY(!window.findChild<QComboBox*>()->isEnabled());
        QVERIFY(window.notice().isEmpty());
        QVERIFY(!window.splitBrainBanner()->isVisible());
        QVERIFY(!window.grab().isNull());
    }

    void unreachableAgentsShowWithoutBlocking()
    {
        const ClusterDefinition d = definition(m_pki.directory(), closedPort(), closedPort());
        const QString file = writeCluster(m_dir, d);
        MainWindow window(storePath());
        window.show();
        QString error;
        QVERIFY2(window.openClusterFile(file, &error), qPrintable(error));
        // Returned before any attempt could end: connecting happens on the event loop.
        QVERIFY(window.connection(0) && window.connection(1));
        QCOMPARE(window.connection(0)->health(), AgentConnection::Health::Connecting);
        QVERIFY(window.cluster() && *window.cluster() == d);
        QVERIFY(window.windowTitle().contains(QStringLiteral("web")));
        QVERIFY2(window.notice().isEmpty(), qPrintable(window.notice()));

        QTRY_COMPARE(window.connection(0)->health(), AgentConnection::Health::Unreachable);
        QTRY_COMPARE(window.connection(1)->health(), AgentConnection::Health::Unreachable);
        for (int i = 0; i < 2; ++i) {
            const NodeCard* card = window.nodeCard(i);
            QVERIFY(card && card->isVisible());
            QTRY_VERIFY2(label(card, "connectionLabel").contains(QStringLiteral("unreachable")),
                         qPrintable(label(card, "connectionLabel")));
            QVERIFY(label(card, "roleLabel").contains(QStringLiteral("unknown")));
        }
        QVERIFY(logContains(window.eventLog(), EventLogModel::Kind::Connection, QStringLiteral("node1"),
                            QStringLiteral("unreachable")));
        QVERIFY(logContains(window.eventLog(), EventLogModel::Kind::Connection, QStringLiteral("node2"),
                            QStringLiteral("unreachable")));
        // The three addresses have their rows, whatever the probe says about them.
        QCOMPARE(window.reachability()->rowCount(), 3);
        const auto& targets = window.reachabilityTracker()->targets();
        QCOMPARE(targets.at(0).address, QHostAddress(QStringLiteral("192.0.2.10")));
        QCOMPARE(targets.at(1).name, QStringLiteral("node1"));
        QCOMPARE(targets.at(2).address, QHostAddress(QStringLiteral("192.0.2.12")));
        // Which method probes, and what would be better: whichever it is, it names ping or ICMP.
        QVERIFY(window.reachability()->methodText().contains(
            QRegularExpression(QStringLiteral("ping|ICMP"), QRegularExpression::CaseInsensitiveOption)));
        QVERIFY(!window.splitBrainBanner()->isVisible());
    }

    void missingCertificatesAreShownNotFatal()
    {
        const QString file = writeCluster(
            m_dir, definition(m_dir.filePath(QStringLiteral("no-pki")), 1, 2, QStringLiteral("nopki")));
        MainWindow window(storePath());
        window.show();
        QVERIFY(window.openClusterFile(file));
        QVERIFY(!window.connection(0) && !window.nodeCard(0));
        QVERIFY2(window.notice().contains(QStringLiteral("certificate")) &&
                     window.notice().contains(QStringLiteral("no-pki")),
                 qPrintable(window.notice()));
        QCOMPARE(window.reachability()->rowCount(), 3); // probing needs no certificate
    }

    void unreadableClusterFileIsReported()
    {
        const QString file = writeFile(m_dir, QStringLiteral("broken.json"), "{\"name\": \"x\"");
        MainWindow window(storePath());
        QString error;
        QVERIFY(!window.openClusterFile(file, &error));
        QVERIFY2(error.contains(file), qPrintable(error));
        QCOMPARE(window.notice(), error);
        QVERIFY(!window.cluster());
        QVERIFY(!window.openClusterFile(m_dir.filePath(QStringLiteral("absent.json")), &error));
        // Readable but a rule broken: opened, and the rule shown.
        ClusterDefinition d =
            definition(m_pki.directory(), closedPort(), closedPort(), QStringLiteral("rules"));
        d.nodes[1].address = 0x0A000001; // 10.0.0.1, outside the VIP's subnet
        QVERIFY(window.openClusterFile(writeCluster(m_dir, d), &error));
        QVERIFY2(window.notice().contains(QStringLiteral("nodes[1].address")), qPrintable(window.notice()));
    }

    void twoLiveMastersRaiseTheSplitBrainBanner()
    {
        const auto identity1 = m_pki.agent(QStringLiteral("node1"));
        const auto identity2 = m_pki.agent(QStringLiteral("node2"));
        QVERIFY(identity1 && identity2);
        FakeConnectionClock clock;
        FakeAgent agent1(*identity1);
        FakeAgent agent2(*identity2);
        QVERIFY(agent1.start() && agent2.start());
        agent1.setStatus(FakeAgent::sampleStatus(QStringLiteral("node1"), CarpState::Master));
        agent2.setStatus(FakeAgent::sampleStatus(QStringLiteral("node2"), CarpState::Backup));
        MainWindow window(storePath());
        window.show();
        QVERIFY(window.openClusterFile(writeCluster(
            m_dir, definition(m_pki.directory(), agent1.port(), agent2.port(), QStringLiteral("live")))));
        QTRY_VERIFY(window.connection(0)->isLive() && window.connection(1)->isLive());
        QVERIFY(logContains(window.eventLog(), EventLogModel::Kind::Connection, QStringLiteral("node1"),
                            QStringLiteral("live")));
        QTRY_VERIFY(label(window.nodeCard(0), "roleLabel").contains(QStringLiteral("MASTER")));
        QVERIFY(!window.splitBrainBanner()->isVisible());

        agent2.setStatus(FakeAgent::sampleStatus(QStringLiteral("node2"), CarpState::Master));
        QTRY_VERIFY(window.splitBrainBanner()->isVisible());
        QVERIFY(window.splitBrainBanner()->text().contains(QStringLiteral("vhid 1")));
        // The banner sits above everything else in the window.
        QVERIFY(window.splitBrainBanner()->mapTo(&window, QPoint(0, 0)).y() <
                window.nodeCard(0)->mapTo(&window, QPoint(0, 0)).y());
        QVERIFY(
            logContains(window.eventLog(), EventLogModel::Kind::Alarm, QString(), QStringLiteral("vhid 1")));

        // One of them goes silent: its MASTER is history, not a claim.
        agent2.setFrozen(true);
        clock.now += AgentConnection::StaleAfterMs;
        window.connection(0)->recheck(); // node 1 still talks: its next heartbeat keeps it live
        window.connection(1)->recheck();
        QTRY_VERIFY(!window.splitBrainBanner()->isVisible());
        QVERIFY(
            logContains(window.eventLog(), EventLogModel::Kind::Alarm, QString(), QStringLiteral("over")));
    }

    void agentEventsReachTheLog()
    {
        const auto identity = m_pki.agent(QStringLiteral("node1"));
        QVERIFY(identity);
        FakeAgent agent(*identity);
        QVERIFY(agent.start());
        MainWindow window(storePath());
        QVERIFY(window.openClusterFile(writeCluster(
            m_dir, definition(m_pki.directory(), agent.port(), closedPort(), QStringLiteral("events")))));
        QTRY_VERIFY(window.connection(0)->isLive());
        agent.pushEvent(ev::StateChanged{1, QStringLiteral("eth0"), CarpState::Backup, CarpState::Master,
                                         QStringLiteral("master-down")});
        agent.pushEvent(ev::AdvertRejected{1, QStringLiteral("192.0.2.66"), QStringLiteral("bad-hmac")});
        QTRY_VERIFY(logContains(window.eventLog(), EventLogModel::Kind::State, QStringLiteral("node1"),
                                QStringLiteral("BACKUP → MASTER")));
        QTRY_VERIFY(logContains(window.eventLog(), EventLogModel::Kind::Reject, QStringLiteral("node1"),
                                QStringLiteral("192.0.2.66")));
    }

    void forgedAdvertsRaiseAnAlarmUntilAcknowledged()
    {
        const auto identity = m_pki.agent(QStringLiteral("node1"));
        QVERIFY(identity);
        FakeAgent agent(*identity);
        QVERIFY(agent.start());
        MainWindow window(storePath());
        window.show();
        QVERIFY(window.openClusterFile(writeCluster(
            m_dir, definition(m_pki.directory(), agent.port(), closedPort(), QStringLiteral("forgery")))));
        QTRY_VERIFY(window.connection(0)->isLive());
        QVERIFY(!window.forgeryBanner()->isVisible());
        agent.pushEvent(
            ev::ForgerySuspected{1, QStringLiteral("192.0.2.66"), QStringLiteral("replayed-counter"), 3});
        QTRY_VERIFY(window.forgeryBanner()->isVisible());
        QVERIFY2(window.forgeryBanner()->text().contains(QStringLiteral("192.0.2.66")),
                 qPrintable(window.forgeryBanner()->text()));
        QVERIFY(
            logContains(window.eventLog(), EventLogModel::Kind::Alarm, QString(), QStringLiteral("forgery")));
        auto* acknowledge = window.findChild<QPushButton*>(QStringLiteral("forgeryBannerDismiss"));
        QVERIFY(acknowledge);
        QTest::mouseClick(acknowledge, Qt::LeftButton);
        QVERIFY(!window.forgeryBanner()->isVisible());
        // More of the same later: the alarm is back, counting only what is new.
        AgentStatus status = agent.status();
        status.groups.first().forgeries = {{QStringLiteral("replayed-counter"), 10}};
        agent.setStatus(status);
        QTRY_VERIFY(window.forgeryBanner()->isVisible());
        QVERIFY2(window.forgeryBanner()->text().contains(QStringLiteral("ignored: 7")),
                 qPrintable(window.forgeryBanner()->text()));
    }

    void vipMacIsNamedAndItsFlapIsAnAlarm()
    {
        // The desktop's neighbour table, as /proc/net/arp prints it.
        const QString table = m_dir.filePath(QStringLiteral("arp"));
        const auto arp = [&table](const char* vipMac) {
            const QByteArray text =
                QByteArray("IP address       HW type     Flags       HW address            Mask     Device\n"
                           "192.0.2.11       0x1         0x2         02:00:00:00:00:0b     *        eth0\n"
                           "192.0.2.12       0x1         0x2         02:00:00:00:00:0c     *        eth0\n"
                           "192.0.2.10       0x1         0x2         ") +
                vipMac + "     *        eth0\n";
            QFile file(table);
            return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
        };
        QVERIFY(arp("02:00:00:00:00:0b"));
        MainWindow window(storePath());
        window.show();
        window.neighbourWatcher()->setTablePath(table);
        QVERIFY(window.openClusterFile(writeCluster(
            m_dir, definition(m_pki.directory(), closedPort(), closedPort(), QStringLiteral("macs")))));
        ReachabilityPanel* panel = window.reachability();
        QTRY_COMPARE(panel->macText(0), QStringLiteral("02:00:00:00:00:0b (node1)"));
        QCOMPARE(panel->macText(2), QStringLiteral("02:00:00:00:00:0c"));
        QVERIFY(logContains(window.eventLog(), EventLogModel::Kind::Reachability, QStringLiteral("VIP"),
                            QStringLiteral("answered by 02:00:00:00:00:0b (node1)")));

        // A failover: the VIP's MAC moves once. Logged, no alarm.
        QVERIFY(arp("02:00:00:00:00:0c"));
        QTRY_COMPARE(panel->macText(0), QStringLiteral("02:00:00:00:00:0c (node2)"));
        QVERIFY(
            logContains(window.eventLog(), EventLogModel::Kind::Reachability, QStringLiteral("VIP"),
                        QStringLiteral("moved from 02:00:00:00:00:0b (node1) to 02:00:00:00:00:0c (node2)")));
        QVERIFY(!window.splitBrain()->isAlarmed());

        // And back within seconds: both answer for it.
        QVERIFY(arp("02:00:00:00:00:0b"));
        QTRY_VERIFY(window.splitBrainBanner()->isVisible());
        QVERIFY2(window.splitBrainBanner()->text().contains(QStringLiteral("02:00:00:00:00:0c (node2)")),
                 qPrintable(window.splitBrainBanner()->text()));
        QVERIFY(panel->macText(0).contains(QStringLiteral(" / ")));
    }

    void storedClustersAndTheLastOne()
    {
        const QString path = storePath();
        {
            ClusterStore store(path);
            QString error;
            QVERIFY(store.load(&error));
            QVERIFY(store.add(
                definition(m_pki.directory(), closedPort(), closedPort(), QStringLiteral("first")), &error));
            QVERIFY(store.add(
                definition(m_pki.directory(), closedPort(), closedPort(), QStringLiteral("second")), &error));
        }
        {
            MainWindow window(path);
            window.show();
            auto* chooser = window.findChild<QComboBox*>();
            QCOMPARE(chooser->count(), 2);
            QVERIFY(!window.cluster());
            window.openStoredCluster(1);
            QCOMPARE(window.cluster()->name, QStringLiteral("second"));
            QCOMPARE(chooser->currentText(), QStringLiteral("second"));
            // Choosing in the combo box opens the other one.
            Q_EMIT chooser->activated(0);
            QCOMPARE(window.cluster()->name, QStringLiteral("first"));
            window.close(); // remembers it
        }
        MainWindow again(path);
        QVERIFY(again.openLastCluster());
        QCOMPARE(again.cluster()->name, QStringLiteral("first"));
        again.closeCluster();
        QVERIFY(!again.cluster());
        // Closing stops the connections quietly: no "unreachable" for agents we walked away from.
        QVERIFY(!logContains(again.eventLog(), EventLogModel::Kind::Connection, QStringLiteral("node1"),
                             QStringLiteral("Not connected")));
        QVERIFY(logContains(again.eventLog(), EventLogModel::Kind::Connection, QString(),
                            QStringLiteral("Closed")));
        QVERIFY(!again.connection(0));
        QCOMPARE(again.reachability()->rowCount(), 0);
    }

    void corruptClusterListIsShown()
    {
        const QString path = storePath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not json");
        file.close();
        MainWindow window(path);
        QVERIFY2(window.notice().contains(path), qPrintable(window.notice()));
    }

    void clusterDialogShowsProblems()
    {
        ClusterDialog dialog;
        const ClusterDefinition good = definition(m_pki.directory(), 7112, 7112);
        dialog.setDefinition(good);
        QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(u'\n')));
        QVERIFY(dialog.definition() && *dialog.definition() == good);
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());

        auto* vip = dialog.findChild<QLineEdit*>(QStringLiteral("vip"));
        QVERIFY(vip);
        vip->setText(QStringLiteral("192.0.2.300/24"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(!dialog.definition());
        QVERIFY(dialog.problems().first().startsWith(QStringLiteral("vip:")));
        QVERIFY(vip->toolTip().contains(QStringLiteral("192.0.2.300")));

        vip->setText(QStringLiteral("192.0.2.10/24"));
        auto* address = dialog.findChild<QLineEdit*>(QStringLiteral("nodes[1].address"));
        address->setText(QStringLiteral("192.0.2.11")); // the same as node 1: a validate() rule
        QVERIFY(!ok->isEnabled());
        QVERIFY2(dialog.problems().join(u'\n').contains(QStringLiteral("nodes[1].address")),
                 qPrintable(dialog.problems().join(u'\n')));
        address->setText(QStringLiteral("192.0.2.12"));
        QVERIFY(ok->isEnabled());

        dialog.setTakenNames({QStringLiteral("web")});
        QVERIFY(!ok->isEnabled());
    }

    void clusterDialogChoosesTheConsole()
    {
        FakePki pki(QStringLiteral("Dialog CA"));
        QVERIFY2(pki.isValid(), qPrintable(pki.error()));
        ClusterDialog dialog;
        ClusterDefinition d = definition(pki.directory(), 7112, 7112);
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        auto* console = dialog.findChild<QComboBox*>(QStringLiteral("console"));
        QVERIFY(console);

        // No console certificate in the folder yet: said, with the command that makes one.
        dialog.setDefinition(d);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(dialog.problems().join(u'\n').contains(QStringLiteral("issue-console")),
                 qPrintable(dialog.problems().join(u'\n')));

        // One: the empty choice means it.
        QVERIFY(pki.console(QStringLiteral("admin")));
        dialog.setDefinition(d);
        QVERIFY2(ok->isEnabled(), qPrintable(dialog.problems().join(u'\n')));
        QCOMPARE(console->count(), 1);

        // Two: the choice must be made, and must name one of them.
        QVERIFY(pki.console(QStringLiteral("viewer"), ConsoleAccess::ReadOnly));
        dialog.setDefinition(d);
        QVERIFY(!ok->isEnabled());
        QVERIFY2(dialog.problems().first().startsWith(QStringLiteral("console:")),
                 qPrintable(dialog.problems().join(u'\n')));
        QCOMPARE(console->count(), 2);
        console->setEditText(QStringLiteral("nobody"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(console->toolTip().contains(QStringLiteral("nobody")));
        console->setCurrentIndex(console->findText(QStringLiteral("viewer")));
        QVERIFY2(ok->isEnabled(), qPrintable(dialog.problems().join(u'\n')));

        // Editing keeps the choice (and everything else the fields do not show).
        d.console = QStringLiteral("viewer");
        d.deadratio = 4;
        dialog.setDefinition(d);
        QVERIFY(dialog.definition());
        QCOMPARE(dialog.definition()->console, QStringLiteral("viewer"));
        QVERIFY(*dialog.definition() == d);
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
