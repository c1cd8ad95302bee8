// SPDX-License-Identifier: GPL-3.0-or-later
// NodeCard against an in-process fake agent: roles, "unknown" when silent, the interface
// down/up drill with its countdown, errors on the card, read-only consoles.
#include "FakeAgent.h"
#include "FakeClock.h"
#include "FakePki.h"
#include "control/ControlError.h"
#include "node/FastPathText.h"
#include "node/LinkDownDialog.h"
#include "node/NodeCard.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <memory>

using namespace baton;

Q_DECLARE_METATYPE(baton::CarpState)

namespace {
using Verb = ControlRequest::Verb;

// One card wired to its own fake agent.
struct Rig
{
    FakeAgent agent;
    std::unique_ptr<AgentConnection> connection;
    // A window without a layout holds the card, as the main window will: a top-level card's
    // layout would resize the offscreen window (and warn) on every text change.
    QWidget window;
    NodeCard* card = nullptr;

    Rig(const TlsIdentity& agentIdentity, const TlsIdentity& console)
        : agent(agentIdentity)
    {
        if (!agent.start())
            return;
        connection =
            std::make_unique<AgentConnection>(agent.host(), agent.port(), console.clientConfiguration());
        card = new NodeCard(QStringLiteral("Node 1"), connection.get(), &window);
        card->setGeometry(0, 0, 560, 340);
        window.resize(card->size());
        window.show();
        connection->start();
    }

    template <typename T = QLabel>
    T* find(const char* name) const
    {
        return card->findChild<T*>(QLatin1StringView(name));
    }
    QString text(const char* label) const { return find(label)->text(); }
    QPushButton* button(const char* name) const { return find<QPushButton>(name); }
    bool received(Verb verb) const
    {
        const auto& r = agent.requests();
        return std::any_of(r.cbegin(), r.cend(), [verb](const ControlRequest& q) { return q.verb == verb; });
    }
    // Whether the card sent VERB, asked only once everything the card sent has arrived: a marker
    // request goes out last on the same connection, so once the agent has it, the rest is there.
    bool sentBeforeMarker(Verb verb) const
    {
        ControlRequest marker;
        marker.verb = Verb::Log;
        marker.lines = 7;
        const qint64 id = connection->send(marker);
        if (id == 0 ||
            !QTest::qWaitFor([&] { return !agent.requests().isEmpty() && agent.requests().last().id == id; }))
            qFatal("the marker request never reached the fake agent");
        return received(verb);
    }
};
} // namespace

class TestNodeCard : public QObject
{
    Q_OBJECT

    FakePki m_pki;
    std::optional<FakePki::Identities> m_ids;

    std::unique_ptr<Rig> liveRig(bool readOnly = false)
    {
        auto rig = std::make_unique<Rig>(m_ids->agent, readOnly ? m_ids->viewer : m_ids->operatorConsole);
        // Each test checks isLive() itself: a helper returning a value cannot QVERIFY.
        if (rig->card && !QTest::qWaitFor([&] { return rig->connection->isLive(); }, 5000))
            qWarning("the card's connection did not become live: %s",
                     qPrintable(rig->connection->lastError()));
        return rig;
    }

    static void savePicture(NodeCard* card, const QString& state)
    {
        const QPixmap picture = card->grab();
        QVERIFY(!picture.isNull());
        // BATON_PICTURES=DIR keeps them, to look at the card as a user would.
        const QString dir = qEnvironmentVariable("BATON_PICTURES");
        if (!dir.isEmpty())
            QVERIFY(picture.save(QDir(dir).filePath(QString(u"nodecard-" + state + u".png"))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
        m_ids = m_pki.identities();
        QVERIFY2(m_ids, qPrintable(m_pki.error()));
    }

    void cleanup()
    {
        NodeCard::setConfirmationHandler({});
        NodeCard::setHandoverQuestionHandler({});
    }

    void objectNames()
    {
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        QCOMPARE(rig->card->objectName(), QStringLiteral("nodeCard"));
        for (const char* label : {"roleLabel", "countdownLabel", "infoLabel", "connectionLabel"})
            QVERIFY2(rig->find(label), label);
        for (const char* button : {"takeDownButton", "bringUpButton", "handoverButton", "maintenanceButton"})
            QVERIFY2(rig->button(button), button);
    }

    void rendersRole_data()
    {
        QTest::addColumn<CarpState>("state");
        QTest::addColumn<bool>("maintenance");
        QTest::addColumn<QString>("role");
        QTest::newRow("master") << CarpState::Master << false << QStringLiteral("MASTER");
        QTest::newRow("backup") << CarpState::Backup << false << QStringLiteral("BACKUP");
        QTest::newRow("init") << CarpState::Init << false << QStringLiteral("INIT");
        QTest::newRow("maintenance") << CarpState::Backup << true << QStringLiteral("MAINTENANCE");
    }

    void rendersRole()
    {
        QFETCH(CarpState, state);
        QFETCH(bool, maintenance);
        QFETCH(QString, role);
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        AgentStatus status = FakeAgent::sampleStatus(QStringLiteral("node1"), state);
        status.maintenance = maintenance;
        status.groups.first().maintenance = maintenance;
        rig->agent.setStatus(status);
        QTRY_COMPARE(rig->text("roleLabel"), role);
        QVERIFY2(rig->text("sinceLabel").contains(QLatin1StringView("for 2 min")),
                 qPrintable(rig->text("sinceLabel")));
        QVERIFY(rig->text("connectionLabel").contains(QLatin1StringView("live")));
        QCOMPARE(rig->text("linkLabel"), QStringLiteral("up"));
        QVERIFY(rig->text("vipLabel").contains(QLatin1StringView("192.0.2.10/24")));
        QVERIFY(rig->find("countdownLabel")->isHidden());
        QCOMPARE(rig->button("handoverButton")->isEnabled(), state == CarpState::Master && !maintenance);
        QCOMPARE(rig->button("maintenanceButton")->text().contains(QLatin1StringView("End")), maintenance);
        savePicture(rig->card, QString::fromLatin1(QTest::currentDataTag()));
    }

    void certificateExpiryShown()
    {
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        QVERIFY(rig->find("certificateLabel")->isHidden());
        AgentStatus status = FakeAgent::sampleStatus();
        status.certificateExpiresMs = QDateTime::currentMSecsSinceEpoch() + qint64{400} * 24 * 3600 * 1000;
        rig->agent.setStatus(status);
        // The card refreshes on changed(): once the connection holds the new status, so does the card.
        QTRY_COMPARE(rig->connection->status()->certificateExpiresMs, status.certificateExpiresMs);
        QVERIFY(rig->find("certificateLabel")->isHidden()); // over a year left: nothing to do yet
        status.certificateExpiresMs = QDateTime::currentMSecsSinceEpoch() + qint64{10} * 24 * 3600 * 1000;
        rig->agent.setStatus(status);
        QTRY_VERIFY(!rig->find("certificateLabel")->isHidden());
        QVERIFY2(rig->text("certificateLabel").contains(QLatin1StringView("expires in")),
                 qPrintable(rig->text("certificateLabel")));
        status.controlProblem = QStringLiteral("tls-files");
        rig->agent.setStatus(status);
        QTRY_VERIFY(rig->text("certificateLabel").contains(QLatin1StringView("tls-files")));
        savePicture(rig->card, QStringLiteral("certificate"));
    }

    void fastFailoverShown()
    {
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        // No partner named: said, with what it means.
        QTRY_VERIFY(rig->text("fastPathLabel").startsWith(QLatin1StringView("not set up")));
        AgentStatus status = FakeAgent::sampleStatus();
        status.peerLink =
            PeerLinkStatus{QStringLiteral("192.0.2.132:7113"), QStringLiteral("up"), QStringLiteral("up"), 2};
        rig->agent.setStatus(status);
        QTRY_VERIFY(rig->text("fastPathLabel")
                        .startsWith(QLatin1StringView("ready both ways with 192.0.2.132:7113")));
        status.peerLink->toPartner = QStringLiteral("unreachable");
        status.peerLink->fromPartner = QStringLiteral("clock-skew");
        status.peerLink->clockOffsetMs = 2400;
        rig->agent.setStatus(status);
        QTRY_COMPARE(
            rig->text("fastPathLabel"),
            QStringLiteral("not ready with 192.0.2.132:7113 (CARP's timing applies) — to the partner: "
                           "unreachable; from the partner: clocks 2400 ms apart"));
        savePicture(rig->card, QStringLiteral("fast-failover"));
        status.peerLink->toPartner = QStringLiteral("some-new-code");
        rig->agent.setStatus(status);
        QTRY_VERIFY(rig->text("fastPathLabel").contains(QLatin1StringView("to the partner: some-new-code")));

        // Without a peer link the card says why, from the cluster's addresses.
        ClusterDefinition cluster;
        cluster.vip = {0xC000020A, 24};
        cluster.nodes[0] = {QStringLiteral("node1"), 0xC000020B, QString(), 7112, QStringLiteral("eth0"), 0};
        cluster.nodes[1] = {QStringLiteral("node2"), 0xC000020C, QString(), 7112,
                            QStringLiteral("eth0"),  100};
        rig->card->setFastPathWithoutLink(FastPathText::withoutLink(PeerPath::of(cluster), cluster));
        status.peerLink.reset();
        rig->agent.setStatus(status);
        QTRY_COMPARE(rig->text("fastPathLabel"),
                     QStringLiteral("not set up: node1's agent address 192.0.2.11 is on the data network "
                                    "192.0.2.0/24, so the link would go down with it; give both nodes a "
                                    "management address as agent address and deploy again"));
        savePicture(rig->card, QStringLiteral("fast-failover-data-network"));
        cluster.vip.prefixLength = 25;
        cluster.nodes[0].agentAddress = QStringLiteral("192.0.2.131");
        cluster.nodes[1].agentAddress = QStringLiteral("192.0.2.132");
        rig->card->setFastPathWithoutLink(FastPathText::withoutLink(PeerPath::of(cluster), cluster));
        QVERIFY2(rig->text("fastPathLabel").contains(QLatin1StringView("deploy the cluster again")),
                 qPrintable(rig->text("fastPathLabel")));
    }

    void silentAgentShowsUnknown()
    {
        FakeConnectionClock clock;
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        QCOMPARE(rig->text("roleLabel"), QStringLiteral("MASTER"));
        rig->agent.setFrozen(true);
        clock.now += AgentConnection::StaleAfterMs;
        rig->connection->recheck();
        QTRY_VERIFY(rig->text("roleLabel").startsWith(QStringLiteral("unknown — last seen")));
        QVERIFY(!rig->text("roleLabel").contains(QLatin1StringView("MASTER")));
        QVERIFY2(rig->text("connectionLabel").contains(QLatin1StringView("stale")),
                 qPrintable(rig->text("connectionLabel")));
        QVERIFY(rig->text("sinceLabel").contains(QLatin1StringView("Last known: master")));
        for (const char* button : {"takeDownButton", "bringUpButton", "handoverButton", "maintenanceButton"})
            QVERIFY2(!rig->button(button)->isEnabled(), button);
        // The age keeps counting without any message (the card repaints once a second).
        clock.now += 1000;
        QTRY_VERIFY_WITH_TIMEOUT(rig->text("roleLabel").contains(QLatin1StringView("last seen 4 s ago")),
                                 NodeCard::RefreshMs + 500);
        savePicture(rig->card, QStringLiteral("stale"));
        rig->agent.setFrozen(false);
        QTRY_COMPARE(rig->text("roleLabel"), QStringLiteral("MASTER"));
    }

    void neverReachedIsUnknown()
    {
        FakePki other(QStringLiteral("Other CA"));
        const auto stranger = other.agent(QStringLiteral("node1"));
        QVERIFY(stranger);
        Rig rig(*stranger, m_ids->operatorConsole);
        QVERIFY(rig.card);
        QTRY_VERIFY(rig.text("connectionLabel").contains(QLatin1StringView("unreachable")));
        QVERIFY(rig.text("connectionLabel").contains(QLatin1StringView("certificate")));
        QCOMPARE(rig.text("roleLabel"), QStringLiteral("unknown — never reached"));
        QVERIFY(!rig.button("takeDownButton")->isEnabled());
    }

    void takeDownCountdownAndBringUp()
    {
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        QString askedInterface;
        int askedDefault = 0;
        NodeCard::setConfirmationHandler([&](const QString& interface, int defaultSeconds) {
            askedInterface = interface;
            askedDefault = defaultSeconds;
            return std::optional<int>(17);
        });
        QSignalSpy logged(rig->card, &NodeCard::commandLogged);
        QVERIFY(rig->button("takeDownButton")->isEnabled());
        QVERIFY(!rig->button("bringUpButton")->isEnabled());
        QTest::mouseClick(rig->button("takeDownButton"), Qt::LeftButton);
        QCOMPARE(askedInterface, QStringLiteral("eth0"));
        QCOMPARE(askedDefault, 20);

        QTRY_VERIFY(rig->received(Verb::LinkDown));
        const ControlRequest down = rig->agent.requests().last();
        QCOMPARE(down.interface, QStringLiteral("eth0"));
        QCOMPARE(down.restoreAfterSeconds, 17);
        // The fake answers ok and pushes a status with the restore, as the agent does.
        QTRY_VERIFY(!rig->find("countdownLabel")->isHidden());
        const QRegularExpression countdown(
            QStringLiteral("^eth0 comes back in (\\d+) s \\(at \\d\\d:\\d\\d:\\d\\d\\)$"));
        const QRegularExpressionMatch match = countdown.match(rig->text("countdownLabel"));
        QVERIFY2(match.hasMatch(), qPrintable(rig->text("countdownLabel")));
        QVERIFY(match.captured(1).toInt() >= 15 && match.captured(1).toInt() <= 17);
        QTRY_VERIFY(
            rig->text("infoLabel").contains(QLatin1StringView("eth0 is down; the agent brings it back at")));
        QVERIFY(logged.size() >= 2); // sent, done
        QVERIFY(logged.last().at(0).toString().startsWith(QLatin1StringView("node1: ")));
        QCOMPARE(rig->text("linkLabel"), QStringLiteral("down"));
        QCOMPARE(rig->text("roleLabel"), QStringLiteral("BACKUP"));
        QVERIFY(!rig->button("takeDownButton")->isEnabled());
        QVERIFY(rig->button("bringUpButton")->isEnabled());
        savePicture(rig->card, QStringLiteral("countdown"));

        QTest::mouseClick(rig->button("bringUpButton"), Qt::LeftButton);
        QTRY_VERIFY(rig->received(Verb::LinkUp));
        QCOMPARE(rig->agent.requests().last().interface, QStringLiteral("eth0"));
        QTRY_VERIFY(rig->find("countdownLabel")->isHidden());
        QTRY_VERIFY(rig->text("infoLabel").contains(QLatin1StringView("eth0 is up again.")));
        QTRY_COMPARE(rig->text("linkLabel"), QStringLiteral("up"));
    }

    void countdownContinuesWhileUnreachable()
    {
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        NodeCard::setConfirmationHandler([](const QString&, int) { return std::optional<int>(30); });
        QTest::mouseClick(rig->button("takeDownButton"), Qt::LeftButton);
        QTRY_VERIFY(!rig->find("countdownLabel")->isHidden());
        // The agent is reached over the interface that just went down: it becomes unreachable.
        rig->agent.dropClients();
        rig->agent.close();
        QTRY_VERIFY(
            rig->text("connectionLabel").contains(QLatin1StringView("expected: its link is down until")));
        QVERIFY(rig->text("roleLabel").startsWith(QStringLiteral("unknown — last seen")));
        const QString before = rig->text("countdownLabel");
        QVERIFY2(before.startsWith(QLatin1StringView("eth0 comes back in")), qPrintable(before));
        QTRY_VERIFY_WITH_TIMEOUT(rig->text("countdownLabel") != before, 2000); // still counting
        QVERIFY(rig->text("countdownLabel").startsWith(QLatin1StringView("eth0 comes back in")));
        savePicture(rig->card, QStringLiteral("unreachable"));
    }

    void refusalIsShown()
    {
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        QCborMap detail;
        detail[QLatin1StringView("interface")] = QStringLiteral("eth0");
        rig->agent.setReply(Verb::LinkDown,
                            FakeAgent::Reply::refuse(QStringLiteral("unknown-interface"), detail));
        NodeCard::setConfirmationHandler(
            [](const QString&, int seconds) { return std::optional<int>(seconds); });
        QSignalSpy logged(rig->card, &NodeCard::commandLogged);
        QTest::mouseClick(rig->button("takeDownButton"), Qt::LeftButton);
        const QString expected = ControlErrors::describe(u"unknown-interface");
        QTRY_VERIFY2(rig->text("infoLabel").contains(expected), qPrintable(rig->text("infoLabel")));
        QVERIFY(rig->text("infoLabel").contains(QLatin1StringView("(interface: eth0)")));
        QVERIFY(rig->text("infoLabel").contains(QLatin1StringView("Taking eth0 down for 20 s failed")));
        QVERIFY(logged.last().at(0).toString().contains(expected));
        QVERIFY(rig->find("countdownLabel")->isHidden());
        QCOMPARE(rig->agent.requests().last().restoreAfterSeconds, 20);
    }

    void cancelledConfirmationSendsNothing()
    {
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        NodeCard::setConfirmationHandler([](const QString&, int) { return std::optional<int>(); });
        QTest::mouseClick(rig->button("takeDownButton"), Qt::LeftButton);
        QVERIFY(!rig->sentBeforeMarker(Verb::LinkDown));
    }

    void handoverAndMaintenance()
    {
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        QTest::mouseClick(rig->button("handoverButton"), Qt::LeftButton);
        QTRY_VERIFY(rig->received(Verb::Handover));
        QTRY_COMPARE(rig->text("roleLabel"), QStringLiteral("BACKUP"));
        QTRY_VERIFY(rig->text("infoLabel").contains(QLatin1StringView("Handed over")));
        QVERIFY(!rig->button("handoverButton")->isEnabled());

        QCOMPARE(rig->button("maintenanceButton")->text(), QStringLiteral("Start &maintenance"));
        QTest::mouseClick(rig->button("maintenanceButton"), Qt::LeftButton);
        QTRY_COMPARE(rig->text("roleLabel"), QStringLiteral("MAINTENANCE"));
        QVERIFY(rig->agent.requests().last().maintenanceOn);
        QCOMPARE(rig->button("maintenanceButton")->text(), QStringLiteral("End &maintenance"));
        QTest::mouseClick(rig->button("maintenanceButton"), Qt::LeftButton);
        QTRY_COMPARE(rig->text("roleLabel"), QStringLiteral("BACKUP"));
        QVERIFY(!rig->agent.requests().last().maintenanceOn);
        QCOMPARE(rig->button("maintenanceButton")->text(), QStringLiteral("Start &maintenance"));
    }

    // A hand-over the partner cannot take would leave nobody holding the VIP for master-down: asked
    // first, with the reason; "no" sends nothing. A ready partner is not asked about.
    void handoverAsksWhenThePartnerCannotTakeOver()
    {
        auto rig = liveRig();
        auto partner = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive() && partner->connection->isLive());
        AgentStatus backup = partner->agent.status();
        backup.agent = QStringLiteral("node2");
        backup.groups[0].state = CarpState::Backup;
        backup.maintenance = true;
        partner->agent.setStatus(backup);
        QTRY_VERIFY(partner->connection->status() && partner->connection->status()->maintenance);
        rig->card->setPartner(partner->connection.get(), QStringLiteral("node2"));

        QStringList asked;
        NodeCard::setHandoverQuestionHandler([&asked](const QString& question) {
            asked << question;
            return false;
        });
        QTest::mouseClick(rig->button("handoverButton"), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked[0].contains(QLatin1StringView("node2 is in maintenance")), qPrintable(asked[0]));
        QVERIFY2(asked[0].contains(QLatin1StringView("about 3.0 s")), qPrintable(asked[0]));
        QVERIFY(!rig->sentBeforeMarker(Verb::Handover));
        QVERIFY(
            rig->text("infoLabel").contains(QLatin1StringView("Not handed over: node2 is in maintenance")));

        // Its link down: asked again, and "yes" hands over all the same.
        backup.maintenance = false;
        backup.groups[0].linkUp = false;
        partner->agent.setStatus(backup);
        QTRY_VERIFY(!partner->connection->status()->groups[0].linkUp);
        NodeCard::setHandoverQuestionHandler([&asked](const QString& question) {
            asked << question;
            return true;
        });
        QTest::mouseClick(rig->button("handoverButton"), Qt::LeftButton);
        QCOMPARE(asked.size(), 2);
        QVERIFY2(asked[1].contains(QLatin1StringView("node2's link (eth0) is down")), qPrintable(asked[1]));
        QTRY_VERIFY(rig->received(Verb::Handover));

        // A ready BACKUP: no question.
        rig->agent.clearRequests();
        AgentStatus master = rig->agent.status();
        master.groups[0].state = CarpState::Master;
        rig->agent.setStatus(master);
        backup.groups[0].linkUp = true;
        partner->agent.setStatus(backup);
        QTRY_VERIFY(partner->connection->status()->groups[0].linkUp);
        QTRY_VERIFY(rig->button("handoverButton")->isEnabled());
        QTest::mouseClick(rig->button("handoverButton"), Qt::LeftButton);
        QTRY_VERIFY(rig->received(Verb::Handover));
        QCOMPARE(asked.size(), 2);

        // The partner's agent silent: not known, so asked.
        rig->agent.clearRequests();
        rig->agent.setStatus(master);
        QTRY_VERIFY(rig->button("handoverButton")->isEnabled());
        partner->connection->stop();
        QTRY_VERIFY(!partner->connection->isLive());
        NodeCard::setHandoverQuestionHandler([&asked](const QString& question) {
            asked << question;
            return false;
        });
        QTest::mouseClick(rig->button("handoverButton"), Qt::LeftButton);
        QCOMPARE(asked.size(), 3);
        QVERIFY2(asked[2].contains(QLatin1StringView("no live word from node2's agent")),
                 qPrintable(asked[2]));
        QVERIFY(!rig->sentBeforeMarker(Verb::Handover));
    }

    // Without a handler the question is a message box on the card, "No" by default: Escape or No
    // sends nothing and says why on the card; Yes hands over.
    void handoverQuestionIsAMessageBox()
    {
        auto rig = liveRig();
        auto partner = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive() && partner->connection->isLive());
        AgentStatus backup = partner->agent.status();
        backup.groups[0].state = CarpState::Backup;
        backup.groups[0].linkUp = false;
        partner->agent.setStatus(backup);
        QTRY_VERIFY(!partner->connection->status()->groups[0].linkUp);
        rig->card->setPartner(partner->connection.get(), QStringLiteral("node2"));

        QTest::mouseClick(rig->button("handoverButton"), Qt::LeftButton);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = rig->card->findChild<QMessageBox*>()) && box->isVisible());
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::No));
        QVERIFY(box->text().contains(QLatin1StringView("node2's link (eth0) is down")));
        const QPixmap picture = box->grab();
        QVERIFY(!picture.isNull());
        if (const QString dir = qEnvironmentVariable("BATON_PICTURES"); !dir.isEmpty())
            QVERIFY(picture.save(QDir(dir).filePath(QStringLiteral("handover-question.png"))));
        box->button(QMessageBox::No)->click();
        QTRY_VERIFY(!rig->card->findChild<QMessageBox*>());
        QVERIFY(!rig->sentBeforeMarker(Verb::Handover));
        QVERIFY(rig->text("infoLabel").contains(QLatin1StringView("Not handed over")));

        QTest::mouseClick(rig->button("handoverButton"), Qt::LeftButton);
        QTRY_VERIFY((box = rig->card->findChild<QMessageBox*>()) && box->isVisible());
        box->button(QMessageBox::Yes)->click();
        QTRY_VERIFY(rig->received(Verb::Handover));
    }

    void readOnlyDisablesCommands()
    {
        auto rig = liveRig(true);
        QVERIFY(rig->connection && rig->connection->isLive());
        QCOMPARE(rig->text("roleLabel"), QStringLiteral("MASTER"));
        for (const char* name : {"takeDownButton", "bringUpButton", "handoverButton", "maintenanceButton"}) {
            QVERIFY2(!rig->button(name)->isEnabled(), name);
            QVERIFY2(rig->button(name)->toolTip().contains(QLatin1StringView("read-only")), name);
        }
    }

    void lostConnectionEndsPendingCommand()
    {
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        rig->agent.setFrozen(true); // the request is received but never answered
        QTest::mouseClick(rig->button("handoverButton"), Qt::LeftButton);
        QTRY_VERIFY(rig->received(Verb::Handover));
        QVERIFY(rig->text("infoLabel").contains(QStringLiteral("Handing over…")));
        QVERIFY(!rig->button("maintenanceButton")->isEnabled()); // one command at a time
        rig->agent.dropClients();
        QTRY_VERIFY(rig->text("infoLabel").contains(QLatin1StringView("no answer")));
    }

    void linkDownDialog()
    {
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        QTest::mouseClick(rig->button("takeDownButton"), Qt::LeftButton);
        LinkDownDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = rig->card->findChild<LinkDownDialog*>()) && dialog->isVisible());
        QCOMPARE(dialog->interface(), QStringLiteral("eth0"));
        auto* spin = dialog->findChild<QSpinBox*>(QStringLiteral("restoreSeconds"));
        QVERIFY(spin);
        QCOMPARE(spin->value(), 20);
        QCOMPARE(spin->minimum(), 1);
        QCOMPARE(spin->maximum(), 900);
        const QString comesBack = dialog->findChild<QLabel*>(QStringLiteral("comesBackLabel"))->text();
        QVERIFY2(comesBack.contains(QLatin1StringView("(in 20 s)")), qPrintable(comesBack));
        spin->setValue(45);
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("comesBackLabel"))
                    ->text()
                    .contains(QLatin1StringView("(in 45 s)")));
        if (!qEnvironmentVariable("BATON_PICTURES").isEmpty())
            QVERIFY(dialog->grab().save(QDir(qEnvironmentVariable("BATON_PICTURES"))
                                            .filePath(QStringLiteral("nodecard-dialog.png"))));
        auto* buttons = dialog->findChild<QDialogButtonBox*>(QStringLiteral("linkDownButtons"));
        QVERIFY(buttons);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(rig->received(Verb::LinkDown));
        QCOMPARE(rig->agent.requests().last().restoreAfterSeconds, 45);
        QCOMPARE(rig->agent.requests().last().interface, QStringLiteral("eth0"));
    }

    void linkDownDialogCancel()
    {
        auto rig = liveRig();
        QVERIFY(rig->connection && rig->connection->isLive());
        QTest::mouseClick(rig->button("takeDownButton"), Qt::LeftButton);
        LinkDownDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = rig->card->findChild<LinkDownDialog*>()) && dialog->isVisible());
        auto* buttons = dialog->findChild<QDialogButtonBox*>(QStringLiteral("linkDownButtons"));
        QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QVERIFY(!rig->sentBeforeMarker(Verb::LinkDown));
    }
};

QTEST_MAIN(TestNodeCard)
#include "TestNodeCard.moc"
