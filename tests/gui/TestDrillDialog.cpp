// SPDX-License-Identifier: GPL-3.0-or-later
// The drill dialog offscreen against two FakeAgents speaking the real protocol. The pair's addresses
// are loopback ones (127.0.0.10-12), so the prober gets real answers; the fake agents move the
// MASTER role when the test tells them to, as a real pair would on a hand-over.
#include "FakeAgent.h"
#include "FakePki.h"
#include "drill/DrillDialog.h"
#include "drill/DrillHistoryView.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

namespace {
ClusterDefinition loopbackPair(const QString& pkiDir, quint16 port1, quint16 port2)
{
    ClusterDefinition d;
    d.name = QStringLiteral("loopback pair");
    d.vip = {0x7F00000A, 8};
    d.password = QStringLiteral("secret");
    d.pkiDir = pkiDir;
    d.console = QStringLiteral("admin");
    d.nodes[0] = {QStringLiteral("node1"), 0x7F00000B, QStringLiteral("127.0.0.1"), port1,
                  QStringLiteral("eth0"),  1};
    d.nodes[1] = {QStringLiteral("node2"), 0x7F00000C, QStringLiteral("127.0.0.1"), port2,
                  QStringLiteral("eth0"),  2};
    return d;
}

QString cell(QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}
} // namespace

class TestDrillDialog : public QObject
{
    Q_OBJECT
private:
    FakePki m_pki;
    std::optional<TlsIdentity> m_id1;
    std::optional<TlsIdentity> m_id2;

    // Whoever is asked to hand over or take its link down passes MASTER to the other.
    static void pairUp(FakeAgent& a, FakeAgent& b)
    {
        for (auto [self, other] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
            QObject::connect(self, &FakeAgent::requestReceived, other, [other](const ControlRequest& r) {
                if (r.verb != ControlRequest::Verb::Handover && r.verb != ControlRequest::Verb::LinkDown)
                    return;
                AgentStatus s = other->status();
                s.groups[0].state = CarpState::Master;
                s.groups[0].vipHeld = true;
                s.groups[0].sinceMs = QDateTime::currentMSecsSinceEpoch();
                other->setStatus(s);
            });
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
        m_id1 = m_pki.agent(QStringLiteral("node1"));
        m_id2 = m_pki.agent(QStringLiteral("node2"));
        QVERIFY(m_id1 && m_id2);
        QVERIFY2(m_pki.console(QStringLiteral("admin")), qPrintable(m_pki.error()));
    }

    void handoverDrillPassesAndIsKept()
    {
        FakeAgent agent1(*m_id1);
        FakeAgent agent2(*m_id2);
        QVERIFY(agent1.start() && agent2.start());
        agent1.setStatus(FakeAgent::sampleStatus(QStringLiteral("node1"), CarpState::Master));
        agent2.setStatus(FakeAgent::sampleStatus(QStringLiteral("node2"), CarpState::Backup));
        pairUp(agent1, agent2);
        QTemporaryDir reports;
        DrillDialog dialog(loopbackPair(m_pki.directory(), agent1.port(), agent2.port()), reports.path());
        dialog.show();
        QSignalSpy done(&dialog, &DrillDialog::drillFinished);

        auto* type = dialog.findChild<QComboBox*>(QStringLiteral("drillType"));
        QVERIFY(type);
        type->setCurrentIndex(1);
        dialog.findChild<QAbstractButton*>(QStringLiteral("startDrillButton"))->click();
        QVERIFY(!dialog.findChild<QAbstractButton*>(QStringLiteral("startDrillButton"))->isEnabled());
        QVERIFY(dialog.findChild<QAbstractButton*>(QStringLiteral("abortDrillButton"))->isEnabled());
        // While it runs: the current step with what is expected and what is seen.
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith(QStringLiteral("Step 1 of 2")), 15000);
        QCOMPARE(dialog.stepsTable()->rowCount(), 2);
        QVERIFY(cell(dialog.stepsTable(), 0, 1).contains(QStringLiteral("node2 takes the VIP")));
        QVERIFY(cell(dialog.stepsTable(), 0, 2)
                    .contains(QStringLiteral("probe + margin = 20 ms + 200 ms = 220 ms")));
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 20000);

        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("PASSED")), qPrintable(dialog.statusText()));
        QVERIFY(cell(dialog.stepsTable(), 0, 5).startsWith(QStringLiteral("PASSED")));
        QVERIFY(dialog.findChild<QPlainTextEdit*>(QStringLiteral("drillSeen"))
                    ->toPlainText()
                    .contains(QStringLiteral("node2 reports MASTER")));
        QCOMPARE(agent1.requests().last().verb, ControlRequest::Verb::Handover);
        QCOMPARE(agent2.requests().last().verb, ControlRequest::Verb::Handover);
        QCOMPARE(dialog.reportFiles().size(), 3);
        for (const QString& file : dialog.reportFiles())
            QVERIFY2(QFile(file).size() > 0, qPrintable(file));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("drillReports"))
                    ->text()
                    .contains(QStringLiteral(".pdf")));
        QCOMPARE(dialog.history()->entries().size(), 1);
        QCOMPARE(dialog.history()->entries().first().verdict, QStringLiteral("passed"));
        QCOMPARE(dialog.history()->table()->rowCount(), 1);
        QCOMPARE(cell(dialog.history()->table(), 0, 1), QStringLiteral("Graceful hand-over"));
    }

    void abortRestoresAndIsReported()
    {
        FakeAgent agent1(*m_id1);
        FakeAgent agent2(*m_id2);
        QVERIFY(agent1.start() && agent2.start());
        agent1.setStatus(FakeAgent::sampleStatus(QStringLiteral("node1"), CarpState::Master));
        agent2.setStatus(FakeAgent::sampleStatus(QStringLiteral("node2"), CarpState::Backup));
        pairUp(agent1, agent2);
        QTemporaryDir reports;
        DrillDialog dialog(loopbackPair(m_pki.directory(), agent1.port(), agent2.port()), reports.path());
        dialog.show();
        QSignalSpy done(&dialog, &DrillDialog::drillFinished);
        QVERIFY(dialog.start(DrillKind::Classic));
        QTRY_VERIFY_WITH_TIMEOUT(!agent1.requests().isEmpty(), 15000);
        QCOMPARE(agent1.requests().first().verb, ControlRequest::Verb::LinkDown);
        QVERIFY(agent1.requests().first().restoreAfterSeconds >= 5);
        dialog.findChild<QAbstractButton*>(QStringLiteral("abortDrillButton"))->click();
        QTRY_VERIFY(done.count() == 1);
        QTRY_VERIFY(agent1.requests().size() == 2);
        QCOMPARE(agent1.requests().last().verb, ControlRequest::Verb::LinkUp);
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("ABORTED")), qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(QStringLiteral("aborted by the operator")));
        QCOMPARE(cell(dialog.stepsTable(), 0, 5), QStringLiteral("aborted"));
        QFile json(dialog.reportFiles().value(0));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("aborted"));
    }

    void preflightRefusesTwoMasters()
    {
        FakeAgent agent1(*m_id1);
        FakeAgent agent2(*m_id2);
        QVERIFY(agent1.start() && agent2.start());
        agent1.setStatus(FakeAgent::sampleStatus(QStringLiteral("node1"), CarpState::Master));
        agent2.setStatus(FakeAgent::sampleStatus(QStringLiteral("node2"), CarpState::Master));
        QTemporaryDir reports;
        DrillDialog dialog(loopbackPair(m_pki.directory(), agent1.port(), agent2.port()), reports.path());
        QSignalSpy done(&dialog, &DrillDialog::drillFinished);
        QVERIFY(dialog.start(DrillKind::Classic));
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 15000);
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("REFUSED")), qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(QStringLiteral("not exactly one MASTER")));
        QVERIFY(agent1.requests().isEmpty() && agent2.requests().isEmpty());
    }

    void startFailsWithoutConsoleCertificate()
    {
        QTemporaryDir reports;
        ClusterDefinition d = loopbackPair(m_pki.directory(), 1, 2);
        d.console = QStringLiteral("nobody");
        DrillDialog dialog(d, reports.path());
        QVERIFY(!dialog.start(DrillKind::Classic));
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("The drill cannot start")),
                 qPrintable(dialog.statusText()));
    }

    void rebootOfferedOnlyWithSshAccess()
    {
        QTemporaryDir reports;
        ClusterDefinition d = loopbackPair(m_pki.directory(), 1, 2);
        {
            DrillDialog dialog(d, reports.path());
            const QAbstractItemModel* types = dialog.typeBox()->model();
            const QModelIndex reboot =
                types->index(dialog.typeBox()->findData(static_cast<int>(DrillKind::Reboot)), 0);
            QVERIFY(reboot.isValid());
            QVERIFY(!(types->flags(reboot) & Qt::ItemIsEnabled));
            QCOMPARE(reboot.data().toString(), QStringLiteral("Server reboot (needs SSH access)"));
            QCOMPARE(reboot.data(Qt::ToolTipRole).toString(), DrillDialog::rebootUnavailableReason());
            QVERIFY(!dialog.start(DrillKind::Reboot));
            QVERIFY2(dialog.statusText().contains(QStringLiteral("Set up SSH access to both servers")),
                     qPrintable(dialog.statusText()));
        }
        // With SSH access the drill is offered; a server that cannot be reached refuses it, with the
        // reason in the report, before anything is done.
        d.ssh = {QStringLiteral("root@127.0.0.1:1"), QStringLiteral("root@127.0.0.1:1")};
        DrillDialog dialog(d, reports.path());
        const QAbstractItemModel* types = dialog.typeBox()->model();
        const QModelIndex reboot =
            types->index(dialog.typeBox()->findData(static_cast<int>(DrillKind::Reboot)), 0);
        QVERIFY(types->flags(reboot) & Qt::ItemIsEnabled);
        QCOMPARE(reboot.data().toString(), QStringLiteral("Server reboot"));
        QSignalSpy done(&dialog, &DrillDialog::drillFinished);
        QVERIFY(dialog.start(DrillKind::Reboot));
        QVERIFY(done.wait(20000));
        const DrillRecord& r = dialog.runner()->record();
        QCOMPARE(r.verdict, DrillRecord::Verdict::Refused);
        QCOMPARE(r.kind, DrillKind::Reboot);
        QVERIFY(r.steps.isEmpty());
        QVERIFY2(r.reasons.join(u' ').startsWith(QStringLiteral("SSH: ")), qPrintable(r.reasons.join(u' ')));
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("REFUSED")), qPrintable(dialog.statusText()));
        QCOMPARE(dialog.reportFiles().size(), 3);
        QVERIFY(dialog.reportFiles().first().endsWith(QStringLiteral("-reboot.json")));
    }
};

QTEST_MAIN(TestDrillDialog)
#include "TestDrillDialog.moc"
