// SPDX-License-Identifier: GPL-3.0-or-later
// The overview of every cluster (OverviewModel, OverviewWindow) over a fleet with one pair of fake
// agents and one pair nobody answers for: what each line says, that a change repaints its own line,
// worst first, the filter, and that opening a line names its cluster.
#include "FakeAgent.h"
#include "FakePki.h"
#include "overview/OverviewModel.h"
#include "overview/OverviewWindow.h"
#include "probe/ProbeSample.h"
#include "tray/TrayIcon.h"
#include "watch/ClusterFleet.h"

#include <QDateTime>
#include <QHostAddress>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace baton;

namespace {
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    return server.serverPort(); // free again once the server goes
}

AgentStatus status(int node, CarpState state)
{
    return FakeAgent::sampleStatus(node == 0 ? QStringLiteral("node1") : QStringLiteral("node2"), state);
}
} // namespace

class TestOverview : public QObject
{
    Q_OBJECT

    FakePki m_pki;
    std::unique_ptr<FakeAgent> m_agents[2];

    ClusterDefinition definition(const QString& name, quint32 vip, quint16 port1, quint16 port2) const
    {
        ClusterDefinition d;
        d.name = name;
        d.vip = {vip, 24};
        d.vhid = 1;
        d.password = QStringLiteral("secret");
        d.pkiDir = m_pki.directory();
        d.nodes[0] = {QStringLiteral("node1"), 0xC000020B, QStringLiteral("127.0.0.1"), port1,
                      QStringLiteral("eth0"),  0};
        d.nodes[1] = {QStringLiteral("node2"), 0xC000020C, QStringLiteral("127.0.0.1"), port2,
                      QStringLiteral("eth0"),  100};
        return d;
    }

    static QString text(const OverviewModel& model, int row, int column)
    {
        return model.index(row, column).data().toString();
    }

    static ProbeSample echo(bool answered)
    {
        static quint16 sequence = 0;
        ProbeSample s;
        s.sequence = ++sequence;
        s.sentMs = QDateTime::currentMSecsSinceEpoch();
        if (answered)
            s.rttMicros = 300;
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
        QVERIFY2(m_pki.console(QStringLiteral("overview")), qPrintable(m_pki.error()));
        for (int i = 0; i < 2; ++i) {
            const auto identity = m_pki.agent(i == 0 ? QStringLiteral("node1") : QStringLiteral("node2"));
            QVERIFY(identity);
            m_agents[i] = std::make_unique<FakeAgent>(*identity);
            m_agents[i]->setStatus(status(i, i == 0 ? CarpState::Master : CarpState::Backup));
            QVERIFY(m_agents[i]->start());
        }
    }

    void linesSayWhatEachClusterIsDoing()
    {
        ClusterFleet fleet(nullptr, nullptr);
        OverviewModel model(&fleet);
        fleet.setMembers({{QStringLiteral("web"), definition(QStringLiteral("web"), 0xC000020A,
                                                             m_agents[0]->port(), m_agents[1]->port())},
                          {QStringLiteral("db"),
                           definition(QStringLiteral("db"), 0xC0000214, closedPort(), closedPort())}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int{OverviewModel::ColumnCount});
        QCOMPARE(model.headerData(OverviewModel::MasterColumn, Qt::Horizontal).toString(),
                 QStringLiteral("MASTER"));
        QCOMPARE(text(model, 0, OverviewModel::ClusterColumn), QStringLiteral("web"));
        QCOMPARE(model.index(1, OverviewModel::VipColumn).data(OverviewModel::LabelRole).toString(),
                 QStringLiteral("db"));
        QCOMPARE(text(model, 0, OverviewModel::VipColumn), QStringLiteral("192.0.2.10 not probed yet"));
        QTRY_COMPARE(text(model, 0, OverviewModel::MasterColumn), QStringLiteral("node1"));
        QCOMPARE(text(model, 0, OverviewModel::FailoverColumn), QStringLiteral("none seen"));

        // An echo repaints the line of its VIP, not the other.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        fleet.addSample(QHostAddress(QStringLiteral("192.0.2.10")), echo(true));
        QCOMPARE(text(model, 0, OverviewModel::VipColumn), QStringLiteral("192.0.2.10 answers"));
        QVERIFY(!changed.isEmpty());
        for (const auto& arguments : changed)
            QCOMPARE(arguments.at(0).toModelIndex().row(), 0);

        // The pair fails over: the MASTER and the last failover follow.
        m_agents[0]->setStatus(status(0, CarpState::Backup));
        AgentStatus takeover = status(1, CarpState::Master);
        takeover.groups[0].sinceMs = QDateTime::currentMSecsSinceEpoch();
        m_agents[1]->setStatus(takeover);
        QTRY_COMPARE(text(model, 0, OverviewModel::MasterColumn), QStringLiteral("node2"));
        QVERIFY2(text(model, 0, OverviewModel::FailoverColumn).contains(QStringLiteral("node1 → node2")),
                 qPrintable(text(model, 0, OverviewModel::FailoverColumn)));

        // Nobody answers for db: its line says so, in the colour of its state.
        QTRY_VERIFY(fleet.watch(QStringLiteral("db"))->health() != ClusterWatch::Health::Unknown);
        const ClusterWatch::Health dbHealth = fleet.watch(QStringLiteral("db"))->health();
        QVERIFY(dbHealth > ClusterWatch::Health::Ok);
        QCOMPARE(model.index(1, OverviewModel::ClusterColumn).data(Qt::DecorationRole).value<QColor>(),
                 TrayIcon::colour(dbHealth));
        QVERIFY(!text(model, 1, OverviewModel::AlarmsColumn).isEmpty());
        QCOMPARE(text(model, 1, OverviewModel::MasterColumn), QStringLiteral("none"));

        // Back as it was for the next test.
        m_agents[0]->setStatus(status(0, CarpState::Master));
        m_agents[1]->setStatus(status(1, CarpState::Backup));
    }

    void windowSortsFiltersAndOpens()
    {
        ClusterFleet fleet(nullptr, nullptr);
        fleet.setMembers({{QStringLiteral("web"), definition(QStringLiteral("web"), 0xC000020A,
                                                             m_agents[0]->port(), m_agents[1]->port())},
                          {QStringLiteral("db"),
                           definition(QStringLiteral("db"), 0xC0000214, closedPort(), closedPort())}});
        OverviewWindow window(&fleet);
        window.show();
        fleet.addSample(QHostAddress(QStringLiteral("192.0.2.10")), echo(true));
        QTRY_COMPARE(fleet.watch(QStringLiteral("web"))->health(), ClusterWatch::Health::Ok);
        QTRY_VERIFY(fleet.watch(QStringLiteral("db"))->health() > ClusterWatch::Health::Ok);
        QVERIFY2(window.summary().startsWith(QStringLiteral("Clusters: 2 ")), qPrintable(window.summary()));
        QVERIFY2(window.summary().contains(QStringLiteral("all well: 1")), qPrintable(window.summary()));

        QAbstractItemModel* shown = window.view()->model();
        QCOMPARE(shown->rowCount(), 2);
        // Worst first.
        QCOMPARE(shown->index(0, 0).data().toString(), QStringLiteral("db"));
        auto* filter = window.findChild<QLineEdit*>();
        QVERIFY(filter);
        filter->setText(QStringLiteral("192.0.2.10"));
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, 0).data().toString(), QStringLiteral("web"));

        QSignalSpy open(&window, &OverviewWindow::openRequested);
        Q_EMIT window.view()->activated(shown->index(0, OverviewModel::AlarmsColumn));
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("web"));

        fleet.setMembers({});
        QCOMPARE(shown->rowCount(), 0);
        QVERIFY2(window.summary().startsWith(QStringLiteral("No clusters yet")),
                 qPrintable(window.summary()));
    }
};

QTEST_MAIN(TestOverview)
#include "TestOverview.moc"
